"""What a new time zone for a persona does to the posts it has scheduled: they keep the moment they go out.

A scheduled post is an instant (UTC). Moving the persona to another zone moves its queue slots and its month
(they are wall-clock times there) but not an instant already chosen, so a 09:00 post in New York reads 06:00 in
Los Angeles afterwards. Saving the change says so, with the time of the next post before and after, so nobody finds
it out from the calendar.
"""

from __future__ import annotations

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.personas import Persona
from personamgr.core.scheduling.local_time import describe
from personamgr.core.scheduling.schedule import PostSchedule

MOVED = QT_TRANSLATE_NOOP("ZoneChange", "%n scheduled post(s) (keeps|keep) the moment (it goes|they go) out, so "
                          "(its|their) time now reads in {zone}: {old} is now {new}. Reschedule (it|them) to keep "
                          "the old clock time.")


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
