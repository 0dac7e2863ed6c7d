"""Scheduling fixtures: personas in real IANA zones on the real services with a fake clock."""

from __future__ import annotations

import pytest
from sched_helpers import make_persona

from personamgr.core.personas import Persona
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.services import Services


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
