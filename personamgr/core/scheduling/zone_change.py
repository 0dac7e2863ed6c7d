"""What a new time zone for a persona does to the posts it has scheduled: by default they keep the moment they go
out; on request they keep their clock time instead.

A scheduled post is an instant (UTC). Moving the persona to another zone moves its queue slots and its month
(they are wall-clock times there) but not an instant already chosen, so a 09:00 post in New York reads 06:00 in
Los Angeles afterwards. Saving the change says so, with the time of the next post before and after, so nobody finds
it out from the calendar. Whoever wants the 09:00 kept asks for it (the editor's box, `personas import
--keep-clock-times`): each post then moves to the same clock time in the new zone, one conditional write per post,
and a post that started sending meanwhile, or whose new time has already passed, keeps its moment and is counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from personamgr.core import schema as s
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.scheduling.local_time import describe, resolve_local, to_local_naive
from personamgr.core.scheduling.schedule import PostSchedule

MOVED = QT_TRANSLATE_NOOP("ZoneChange", "%n scheduled post(s) (keeps|keep) the moment (it goes|they go) out, so "
                          "(its|their) time now reads in {zone}: {old} is now {new}. Reschedule (it|them) to keep "
                          "the old clock time.")
KEPT_CLOCK = QT_TRANSLATE_NOOP("ZoneChange", "%n scheduled post(s) moved to keep (its|their) clock time in {zone}: "
                               "{old} is now {new}.")
# The tooltip of the choice to keep the clock times, wherever a zone change is saved (the editor, the import).
KEEP_CLOCK_TIP = QT_TRANSLATE_NOOP("ZoneChange", "Without this, a post at 09:00 in the old zone goes out at the same "
                                   "moment, whatever the new zone's clock reads then.")
STAYED = QT_TRANSLATE_NOOP("ZoneChange", "%n scheduled post(s) kept the moment (it goes|they go) out: (it was|they "
                           "were) being sent, or (its|their) clock time in {zone} has already passed.")


def zone_change_note(schedule: PostSchedule, before: Persona, after: Persona) -> str | None:
    """What the zone change from ``before`` to ``after`` means for the scheduled posts of the persona; None when the
    zone is the same or nothing is scheduled."""
    if before.timezone == after.timezone:
        return None
    posts = schedule.scheduled(after.uid)
    when = next((p.next_attempt_at or p.scheduled_at for p in posts if p.next_attempt_at or p.scheduled_at), None)
    if when is None:
        return None
    said = translate("ZoneChange", MOVED, None, len(posts))
    return said.format(zone=after.timezone, old=describe(when, before.timezone), new=describe(when, after.timezone))


def keep_clock_times(schedule: PostSchedule, before: Persona, after: Persona) -> str | None:
    """Move each scheduled post of the persona to the clock time it had in ``before``'s zone, now in ``after``'s;
    what was moved (and what was not), in words; None when the zone is the same or nothing is scheduled."""
    if before.timezone == after.timezone:
        return None
    now = schedule.clock.now()
    moved: list[tuple[datetime, datetime]] = []
    stayed = 0
    for post in schedule.scheduled(after.uid):
        if post.scheduled_at is None:
            continue
        new = resolve_local(to_local_naive(post.scheduled_at, before.timezone), after.timezone).utc
        unchanged = s.posts.c.scheduled_at == post.scheduled_at.replace(tzinfo=None)
        if new >= now and schedule.outbox.update_if(post.id, [PostState.SCHEDULED], where=unchanged,
                                                     scheduled_at=new):
            moved.append((post.scheduled_at, new))
        else:
            stayed += 1
    said = []
    if moved:
        old, new = moved[0]
        said.append(translate("ZoneChange", KEPT_CLOCK, None, len(moved)).format(
            zone=after.timezone, old=describe(old, before.timezone), new=describe(new, after.timezone)))
    if stayed:
        said.append(translate("ZoneChange", STAYED, None, stayed).format(zone=after.timezone))
    return " ".join(said) or None


def after_zone_change(schedule: PostSchedule, before: Persona, after: Persona, *, keep_clock: bool = False
                      ) -> str | None:
    """What a saved zone change did to the persona's scheduled posts: kept their moment (said), or, with
    ``keep_clock``, moved them to the same clock time in the new zone (done, then said)."""
    if keep_clock:
        return keep_clock_times(schedule, before, after)
    return zone_change_note(schedule, before, after)


def import_notes(schedule: PostSchedule, changes: Iterable[tuple[Persona | None, Persona]], *,
                 keep_clock: bool = False) -> list[str]:
    """"career: …" for each imported persona whose new zone touched its scheduled posts (`personas import` and the
    window's import alike)."""
    out = []
    for before, after in changes:
        note = after_zone_change(schedule, before, after, keep_clock=keep_clock) if before is not None else None
        if note:
            out.append(translate("ZoneChange", "{persona}: {note}").format(persona=after.name, note=note))
    return out


def changes_zone(changes: Iterable[tuple[Persona | None, Persona]]) -> bool:
    """Whether any existing persona gets another zone (the window offers the clock-time choice only then)."""
    return any(before is not None and before.timezone != after.timezone for before, after in changes)
