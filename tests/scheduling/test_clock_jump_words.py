"""The clock-gap event says which way the clock went: asleep (or set forward), or set back, in words."""

from __future__ import annotations

from datetime import timedelta

from sched_helpers import at

from personamgr.core.clock import FakeClock
from personamgr.core.scheduling import ScheduleEngine, SchedulerEvent
from personamgr.core.services import Services


def jump(services: Services, by: timedelta) -> SchedulerEvent:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(at(2026, 12, 1, 12))
    engine = ScheduleEngine(services)
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    engine.start()
    assert not engine.tick()
    clock.advance(by)
    assert engine.tick()
    [event] = events
    return event


def test_a_clock_set_back_is_not_called_sleep(services: Services) -> None:
    event = jump(services, -timedelta(hours=1))
    assert event.title == "Schedule checked after the clock was set back"
    assert event.message == "The clock was set back by 60 minutes; the schedule was checked again."


def test_a_clock_that_ran_ahead_says_asleep_or_set_forward(services: Services) -> None:
    event = jump(services, timedelta(hours=8))
    assert event.title == "Schedule checked after sleep or a clock change"
    assert event.message == ("The clock moved 8 hours ahead (the computer was asleep, or its clock was set "
                             "forward); the schedule was checked again.")
