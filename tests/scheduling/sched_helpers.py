"""Helpers shared by the scheduling tests: personas in real IANA zones, UTC instants."""

from __future__ import annotations

from datetime import UTC, datetime

from personamgr.core.personas import MissedPolicy, Persona, QueueSlot

NY = "America/New_York"


def make_persona(name: str = "career", *, tz: str = NY, policy: MissedPolicy = MissedPolicy.ASK,
                 late_hours: int = 6, slots: tuple[QueueSlot, ...] = (QueueSlot(0, 9), QueueSlot(2, 9),
                                                                       QueueSlot(4, 12))) -> Persona:
    return Persona(name=name, handle=f"@{name}_me", description=f"{name} things", topics=(name,), timezone=tz,
                   missed_policy=policy, late_hours=late_hours, queue_slots=slots)


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:  # noqa: PLR0917
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)
