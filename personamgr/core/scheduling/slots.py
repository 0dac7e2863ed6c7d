"""Weekly queue slots ("Mon 09:00, Wed 09:00, Fri 12:00" in the persona's zone) as UTC instants.

Slots are wall-clock times, so a 09:00 slot stays 09:00 local across DST
changes (its UTC instant moves by an hour). Nonexistent and ambiguous slot
times follow :mod:`.local_time`: shifted forward, and first occurrence only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import UTC, datetime, timedelta

from personamgr.core.personas import Persona, QueueSlot
from personamgr.core.reason_words import Note
from personamgr.core.scheduling.local_time import resolve_local, zone

# How far ahead to look for a free slot before giving up (a full queue of weekly slots).
MAX_WEEKS = 520


class NoFreeSlot(LookupError):
    """The persona has no queue slots, or every slot in the search window is taken."""


def slot_instants(slots: Collection[QueueSlot], tz_name: str, after: datetime) -> Iterator[datetime]:
    """Every slot instant strictly after ``after`` (aware), in order, for up to :data:`MAX_WEEKS` weeks."""
    if not slots:
        return
    tz = zone(tz_name)
    by_day: dict[int, list[QueueSlot]] = {}
    for s in sorted(set(slots), key=lambda s: (s.hour, s.minute)):
        by_day.setdefault(s.weekday, []).append(s)
    day = after.astimezone(tz).date()
    seen: set[datetime] = set()
    for _ in range(MAX_WEEKS * 7 + 1):
        for s in by_day.get(day.weekday(), ()):
            instant = resolve_local(datetime(day.year, day.month, day.day, s.hour, s.minute), tz_name).utc
            # Two slots can land on one instant (02:30 shifted onto an existing 03:30 slot): keep one.
            if instant > after and instant not in seen:
                seen.add(instant)
                yield instant
        day += timedelta(days=1)


def next_free_slot(persona: Persona, after: datetime, taken: Collection[datetime]) -> datetime:
    """The first slot of ``persona`` after ``after`` that no scheduled post occupies.

    ``taken`` holds aware UTC instants of the persona's scheduled posts.
    """
    if not persona.queue_slots:
        raise NoFreeSlot(Note("no_slots", persona=persona.name))
    busy = {t.astimezone(UTC).replace(microsecond=0) for t in taken}
    for instant in slot_instants(persona.queue_slots, persona.timezone, after):
        if instant not in busy:
            return instant
    years = MAX_WEEKS // 52
    raise NoFreeSlot(Note("slots_taken", persona=persona.name, years=years))
