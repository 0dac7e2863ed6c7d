"""What a new time zone for a persona does to the posts it has scheduled: by default they keep the moment they go
out; on request they keep their clock time instead, then or later.

A scheduled post is an instant (UTC). Moving the persona to another zone moves its queue slots and its month
(they are wall-clock times there) but not an instant already chosen, so a 09:00 post in New York reads 06:00 in
Los Angeles afterwards. Saving the change says so, with the time of the next post before and after, so nobody finds
it out from the calendar. Whoever wants the 09:00 kept asks for it (the editor's box, `personas import
--keep-clock-times`): each post then moves to the same clock time in the new zone, one conditional write per post,
and a post that started sending meanwhile, or whose new time has already passed, keeps its moment and is counted.

Asking later works too (the editor's box on a later save, `personas keep-clock-times`): the posts that kept their
moment are remembered with the zone their clock time was chosen in (the profile's key ``zone_moves:UID``), and
only those still at the moment the change left them are moved, never a post scheduled since in the new zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from personamgr.core import schema as s
from personamgr.core.clock import utc
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.outbox import Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.scheduling.local_time import describe, resolve_local, to_local_naive
from personamgr.core.scheduling.schedule import PostSchedule

MOVED = QT_TRANSLATE_NOOP("ZoneChange", "%n scheduled post(s) (keeps|keep) the moment (it goes|they go) out, so "
                          "(its|their) time now reads in {zone}: {old} is now {new}.")
KEPT_CLOCK = QT_TRANSLATE_NOOP("ZoneChange", "%n scheduled post(s) moved to keep (its|their) clock time in {zone}: "
                               "{old} is now {new}.")
# The tooltip of the choice to keep the clock times, wherever a zone change is saved (the editor, the import).
KEEP_CLOCK_TIP = QT_TRANSLATE_NOOP("ZoneChange", "Without this, a post at 09:00 in the old zone goes out at the same "
                                   "moment, whatever the new zone's clock reads then.")
STAYED = QT_TRANSLATE_NOOP("ZoneChange", "%n scheduled post(s) kept the moment (it goes|they go) out: (it was|they "
                           "were) being sent, or (its|their) clock time in {zone} has already passed.")
NOTHING_LEFT = QT_TRANSLATE_NOOP("ZoneChange", "no scheduled post kept its moment through a change of time zone, so "
                                 "none was moved.")
MOVES_KEY = "zone_moves:{uid}"


@dataclass(frozen=True, slots=True)
class ClockTimesLeft:
    """Scheduled posts that kept their moment through a zone change: how many, and the zone of the first one's
    clock time (what the offer to keep them names)."""

    count: int
    zone: str


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
    schedule.store.set_setting(MOVES_KEY.format(uid=after.uid), None)  # every post moves now: nothing left after
    return _move(schedule, [(p, before.timezone) for p in schedule.scheduled(after.uid) if p.scheduled_at], after)


def remember_moments(schedule: PostSchedule, before: Persona, after: Persona) -> None:
    """The posts that keep their moment through this change, with the zone their clock time was chosen in (an
    earlier change's, for a post still where that one left it), so their clock time can be kept later."""
    key = MOVES_KEY.format(uid=after.uid)
    known = _remembered(schedule, after)
    moves = {}
    for post in schedule.scheduled(after.uid):
        if post.scheduled_at is None:
            continue
        zone = known.get(post.id, before.timezone)
        if zone != after.timezone:
            moves[str(post.id)] = [post.scheduled_at.isoformat(), zone]
    schedule.store.set_setting(key, moves or None)


def clock_times_left(schedule: PostSchedule, persona: Persona) -> ClockTimesLeft | None:
    """What a later "keep the clock times" would move for ``persona`` (None: nothing)."""
    left = _remembered(schedule, persona)
    zones = [left[p.id] for p in schedule.scheduled(persona.uid) if p.id in left]
    return ClockTimesLeft(len(zones), zones[0]) if zones else None


def keep_clock_times_later(schedule: PostSchedule, persona: Persona) -> str | None:
    """Move the posts that kept their moment through the persona's zone changes to the clock time they were
    scheduled at, now in its zone; in words, or None when there were none."""
    left = _remembered(schedule, persona)
    schedule.store.set_setting(MOVES_KEY.format(uid=persona.uid), None)
    return _move(schedule, [(p, left[p.id]) for p in schedule.scheduled(persona.uid) if p.id in left], persona)


def _remembered(schedule: PostSchedule, persona: Persona) -> dict[int, str]:
    """{post id: the zone of its clock time} for the remembered posts still at the moment the change left them
    (one rescheduled since, or scheduled in the new zone, is not the change's to undo)."""
    raw = schedule.store.get_setting(MOVES_KEY.format(uid=persona.uid)) or {}
    at = {p.id: p.scheduled_at for p in schedule.scheduled(persona.uid) if p.scheduled_at}
    out = {}
    for post_id, (when, zone) in raw.items():
        try:
            same = at.get(int(post_id)) == utc(datetime.fromisoformat(when))
        except (TypeError, ValueError):  # written by hand, or damaged: not a move to undo
            continue
        if same and zone != persona.timezone:
            out[int(post_id)] = zone
    return out


def _move(schedule: PostSchedule, posts: list[tuple[Post, str]], after: Persona) -> str | None:
    """Each post to the clock time it had in its zone, now in ``after``'s: one conditional write per post (still
    scheduled, its time unchanged); a post whose new time has passed keeps its moment. In words, or None."""
    now = schedule.clock.now()
    moved: list[tuple[datetime, datetime, str]] = []
    stayed = 0
    for post, zone in posts:
        assert post.scheduled_at is not None
        new = resolve_local(to_local_naive(post.scheduled_at, zone), after.timezone).utc
        unchanged = s.posts.c.scheduled_at == post.scheduled_at.replace(tzinfo=None)
        if new >= now and schedule.outbox.update_if(post.id, [PostState.SCHEDULED], where=unchanged,
                                                     scheduled_at=new):
            moved.append((post.scheduled_at, new, zone))
        else:
            stayed += 1
    said = []
    if moved:
        old, new, zone = moved[0]
        said.append(translate("ZoneChange", KEPT_CLOCK, None, len(moved)).format(
            zone=after.timezone, old=describe(old, zone), new=describe(new, after.timezone)))
    if stayed:
        said.append(translate("ZoneChange", STAYED, None, stayed).format(zone=after.timezone))
    return " ".join(said) or None


def after_zone_change(schedule: PostSchedule, before: Persona, after: Persona, *, keep_clock: bool = False
                      ) -> str | None:
    """What a saved zone change did to the persona's scheduled posts: kept their moment (said, and remembered), or,
    with ``keep_clock``, moved them to the same clock time in the new zone (done, then said). The zone unchanged,
    ``keep_clock`` moves the posts an earlier change left at their moment."""
    if before.timezone == after.timezone:
        return keep_clock_times_later(schedule, after) if keep_clock else None
    if keep_clock:
        return keep_clock_times(schedule, before, after)
    remember_moments(schedule, before, after)
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
