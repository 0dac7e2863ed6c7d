"""The clock-gap event says which way the clock went: asleep (or set forward), or set back, in words."""

from __future__ import annotations

from datetime import timedelta

from sched_helpers import at, make_persona

from personamgr.core.clock import FakeClock
from personamgr.core.scheduling import PostSchedule, ScheduleEngine, SchedulerEvent
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


def test_a_jump_that_makes_posts_due_says_how_many(services: Services) -> None:
    persona = services.store.add_persona(make_persona())
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    services.clock.set(at(2026, 12, 1, 12))  # type: ignore[attr-defined]
    for hour in (14, 15, 23):
        schedule.create(persona.uid, f"post at {hour}", when=at(2026, 12, 1, hour))
    event = jump(services, timedelta(hours=8))  # to 20:00: the 14:00 and 15:00 posts came due meanwhile
    assert event.changes_due
    assert event.message == ("The clock moved 8 hours ahead (the computer was asleep, or its clock was set "
                             "forward); the schedule was checked again. 2 scheduled posts came due meanwhile: each "
                             "goes out now or follows its persona's missed-post policy.")


def test_a_clock_set_back_past_a_due_post_says_it_waits(services: Services) -> None:
    persona = services.store.add_persona(make_persona())
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    services.clock.set(at(2026, 12, 1, 11))  # type: ignore[attr-defined]
    schedule.create(persona.uid, "post at 11:30", when=at(2026, 12, 1, 11, 30))
    event = jump(services, -timedelta(hours=1))  # 12:00 back to 11:00: the 11:30 post is not due after all
    assert event.changes_due
    assert event.message == ("The clock was set back by 60 minutes; the schedule was checked again. 1 scheduled "
                             "post that was due by the old clock now waits until its time comes again.")


def test_a_jump_that_changes_nothing_due_is_not_news(services: Services) -> None:
    assert not jump(services, timedelta(hours=8)).changes_due
