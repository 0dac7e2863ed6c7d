"""Scheduling fixtures: personas in real IANA zones on the real services with a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from personamgr.core.personas import MissedPolicy, Persona, QueueSlot
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.services import Services

NY = "America/New_York"


def make_persona(name: str = "career", *, tz: str = NY, policy: MissedPolicy = MissedPolicy.ASK,
                 late_hours: int = 6, slots: tuple[QueueSlot, ...] = (QueueSlot(0, 9), QueueSlot(2, 9),
                                                                       QueueSlot(4, 12))) -> Persona:
    return Persona(name=name, handle=f"@{name}_me", description=f"{name} things", topics=(name,), timezone=tz,
                   missed_policy=policy, late_hours=late_hours, queue_slots=slots)


@pytest.fixture
def persona(services: Services) -> Persona:
    return services.store.add_persona(make_persona())


@pytest.fixture
def schedule(services: Services) -> PostSchedule:
    return PostSchedule(services.store, services.outbox, services.clock)


@pytest.fixture
def engine(services: Services) -> ScheduleEngine:
    eng = ScheduleEngine(services)
    eng.start()
    return eng


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:  # noqa: PLR0917
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)
