"""What a calendar shows for a stretch of time: scheduled posts, posts that went out, and free queue slots.

Read from the outbox and the personas (the one source of truth), for any range
and for all personas or one. A free slot is a queue slot no scheduled post of
its persona occupies: what "Add to queue" would take next. Rescheduling from
the calendar keeps the wall-clock meaning in the persona's own zone and says
what a clock change does to it (:func:`reschedule_note`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from personamgr.core.i18n import translate
from personamgr.core.outbox import Outbox, Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.scheduling.local_time import ResolvedTime, to_local
from personamgr.core.scheduling.slots import slot_instants
from personamgr.core.store import Store


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing on the calendar: a post (scheduled or sent), or a free queue slot (``post`` None)."""

    instant: datetime  # aware UTC
    persona: Persona
    post: Post | None = None

    @property
    def free_slot(self) -> bool:
        return self.post is None

    @property
    def movable(self) -> bool:
        return self.post is not None and self.post.state is PostState.SCHEDULED

    def local(self) -> datetime:
        """The time on the persona's own clock."""
        return to_local(self.instant, self.persona.timezone)


def entries(store: Store, outbox: Outbox, start: datetime, end: datetime, persona_uid: str | None = None,
            *, sent: bool = True, now: datetime | None = None) -> list[Entry]:
    """Everything between ``start`` and ``end`` (aware), in time order: scheduled posts (at their retry time
    when they have one), sent posts (with ``sent``), and every free queue slot still ahead (after ``now``)."""
    personas = {p.uid: p for p in store.personas() if persona_uid in (None, p.uid)}
    found: list[Entry] = []
    taken: dict[str, set[datetime]] = {uid: set() for uid in personas}
    for post in outbox.between(start, end, persona_uid):
        persona = personas.get(post.persona_uid)
        if persona is None or (post.state is PostState.SENT and not sent):
            continue
        when = post.sent_at if post.state is PostState.SENT else (post.next_attempt_at or post.scheduled_at)
        if post.state is PostState.SCHEDULED and post.scheduled_at is not None:
            taken[persona.uid].add(post.scheduled_at.astimezone(UTC).replace(microsecond=0))
        if when is not None and start <= when < end:
            found.append(Entry(when.astimezone(UTC), persona, post))
    for persona in personas.values():
        first = max(start - timedelta(seconds=1), now) if now is not None else start - timedelta(seconds=1)
        for instant in slot_instants(persona.queue_slots, persona.timezone, first):
            if instant >= end:
                break
            if instant not in taken[persona.uid]:
                found.append(Entry(instant, persona))
    return sorted(found, key=lambda e: (e.instant, e.post is None, e.persona.name, e.post.id if e.post else 0))


def reschedule_note(post: Post, persona: Persona, resolved: ResolvedTime) -> str | None:
    """What the user should know about moving ``post`` to ``resolved`` in its persona's zone: a time that does
    not exist or happens twice, or a clock change between the old time and the new one."""
    if resolved.note:
        return resolved.note
    if post.scheduled_at is None:
        return None
    before, after = to_local(post.scheduled_at, persona.timezone), resolved.local
    if before.utcoffset() != after.utcoffset():
        return translate("Calendar", "The clocks change in {zone} between the old time and the new one: {new} "
                         "there is {new_utc} UTC (it was {old}, {old_utc} UTC).").format(
            zone=persona.timezone, new=f"{after:%H:%M %Z}", new_utc=f"{resolved.utc:%H:%M}",
            old=f"{before:%H:%M %Z}", old_utc=f"{post.scheduled_at.astimezone(UTC):%H:%M}")
    return None
