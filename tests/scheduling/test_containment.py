"""One persona whose stored data makes the scheduler raise stops only its own posts; the others go on posting.

The reported failure: ``late_hours = 100000000000`` was accepted by an import; once that persona had an overdue
post, every scheduling pass raised OverflowError and no persona's posts were sent, while ``queue list`` looked
normal. Such values are now refused at every boundary; these tests plant them straight into the database, as an
older version or a hand edit could have, and show the scheduler contains them.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sched_helpers import at, make_persona

from personamgr.core.clock import FakeClock
from personamgr.core.outbox import PostState
from personamgr.core.personas import MissedPolicy, QueueSlot
from personamgr.core.scheduling import EventKind, PostSchedule, ScheduleEngine, SchedulerEvent, parse_when
from personamgr.core.scheduling.driver import SchedulerDriver
from personamgr.core.scheduling.schedule import SchedulingError
from personamgr.core.services import Services

START = at(2026, 3, 2, 12)

# (what is planted in the persona's row, where it makes the scheduler raise)
PLANTED = {
    "late_hours": "late_hours = 100000000000",  # OverflowError in timedelta(hours=...) for an overdue post
    "sensitivity": "sensitivity = 'loud'",  # the row cannot be read back into a Persona at all
}


def plant(services: Services, name: str, assignment: str) -> None:
    with services.store.begin() as con:
        con.exec_driver_sql(f"UPDATE personas SET {assignment} WHERE name = '{name}'")


def overdue_posts(services: Services) -> dict[str, int]:
    """A healthy persona and a broken one, each with a post due an hour ago (the machine slept)."""
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    sched = PostSchedule(services.store, services.outbox, clock)
    ids = {}
    for name in ("good", "bad"):
        p = services.store.add_persona(make_persona(name, policy=MissedPolicy.POST_LATE, late_hours=6))
        ids[name] = sched.create(p.uid, f"{name} post", when=START + timedelta(minutes=5)).post.id
    clock.advance(timedelta(hours=1))
    return ids


@pytest.mark.parametrize("field", list(PLANTED))
def test_a_persona_that_raises_on_every_pass_stops_only_its_own_post(services: Services, field: str) -> None:
    ids = overdue_posts(services)
    plant(services, "bad", PLANTED[field])
    engine = ScheduleEngine(services)
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    engine.start()
    for _ in range(3):  # every pass, not only the first
        engine.run_due()
    good, bad = services.outbox.get(ids["good"]), services.outbox.get(ids["bad"])
    assert good.state is PostState.SENT
    assert bad.state is PostState.FAILED
    assert bad.error is not None and bad.error.startswith("Not sent: the scheduler could not handle this post (")
    assert "check them in the persona editor" in bad.error
    failed = [e for e in events if e.kind is EventKind.FAILED]
    assert [e.post_id for e in failed] == [ids["bad"]]  # reported once, visibly


def test_a_persona_whose_zone_is_unknown_still_posts_at_its_moment(services: Services) -> None:
    """A zone this computer's time zone data does not know (renamed or removed since it was chosen) made every pass
    raise, and the post failed with "the scheduler could not handle this post". Its moment is kept in UTC, so it
    goes out, read in UTC (core.scheduling.local_time.zone)."""
    ids = overdue_posts(services)
    plant(services, "bad", "timezone = 'Nowhere/Atlantis'")
    engine = ScheduleEngine(services)
    engine.start()
    engine.run_due()
    assert {name: services.outbox.get(i).state for name, i in ids.items()} == {"good": PostState.SENT,
                                                                                "bad": PostState.SENT}


def test_the_real_driver_keeps_posting_for_the_others(services: Services) -> None:
    """The same through APScheduler and the reconcile thread: the healthy post goes out on real time."""
    ids = overdue_posts(services)
    plant(services, "bad", PLANTED["late_hours"])
    engine = ScheduleEngine(services)
    driver = SchedulerDriver(engine, tick_seconds=0.2)
    sent = threading.Event()
    engine.subscribe(lambda e: sent.set() if e.kind is EventKind.SENT else None)
    driver.start()
    try:
        assert sent.wait(20), "the healthy persona's post was never sent"
        deadline = time.monotonic() + 10
        while services.outbox.get(ids["bad"]).state is PostState.SCHEDULED and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        driver.stop()
    assert services.outbox.get(ids["good"]).state is PostState.SENT
    assert services.outbox.get(ids["bad"]).state is PostState.FAILED


@pytest.mark.parametrize(("when", "words"), [
    ("", "no date and time given"),
    ("   ", "no date and time given"),
    ("9999-12-31T23:59:59-12:00", "outside the dates personamgr can schedule (1970 to 9998)"),
    ("0001-01-01T00:00+01:00", "outside the dates"),
    ("2026-13-01T09:00", "'2026-13-01T09:00' has no month 13 (months are 01 to 12)"),
    ("2026-02-30T09:00", "'2026-02-30T09:00' has no day 30 in that month"),
    ("2026-12-01T25:00", "'2026-12-01T25:00' has no hour 25 (hours are 00 to 23)"),
    ("2026-12-01T10:61", "'2026-12-01T10:61' has no minute 61 (minutes are 00 to 59)"),
    ("next tuesday", "not an ISO 8601 date and time"),
    ("2026-03-09", "has no time of day"),
])
def test_times_that_used_to_raise_are_refused_with_a_message(when: str, words: str) -> None:
    with pytest.raises(ValueError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_when(when, "Pacific/Kiritimati")


def test_a_time_beyond_the_ten_year_horizon_is_refused(services: Services) -> None:
    services.clock.set(START)  # type: ignore[attr-defined]
    persona = services.store.add_persona(make_persona("far", slots=(QueueSlot(0, 9),)))
    sched = PostSchedule(services.store, services.outbox, services.clock)
    with pytest.raises(SchedulingError, match=r"more than 10 years ahead; pick a nearer time\. The text was kept"):
        sched.create(persona.uid, "see you", when=parse_when("9998-12-31T23:00", persona.timezone))


# Datetimes anywhere, and near the ends of what Python's datetime can hold (where zone conversions overflow).
moments = st.datetimes() | st.datetimes(min_value=datetime(9999, 12, 30)) | st.datetimes(max_value=datetime(1, 1, 2))


@given(st.text(max_size=40) | moments.map(lambda d: d.isoformat())
       | st.builds(lambda d, h, m: f"{d.isoformat()}{'+' if h >= 0 else '-'}{abs(h):02d}:{m:02d}",
                   moments, st.integers(-23, 23), st.integers(0, 59)),
       st.sampled_from(["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Australia/Lord_Howe"]))
def test_fuzzed_at_values_parse_or_are_refused_with_a_message(text: str, tz: str) -> None:
    """Whatever --at holds: a time, or a ValueError with words for the user; never another exception."""
    try:
        resolved = parse_when(text, tz)
    except ValueError as e:
        assert str(e)
        return
    assert resolved.utc.tzinfo is not None and resolved.local.tzinfo is not None


@pytest.mark.parametrize(("when", "words"), [
    ("mon 9:30", "'mon 9:30' is a day of the week, not a date; give the date too: the next Monday is "
                 "2026-12-07, so 2026-12-07T09:30"),
    ("Friday 17:00", "'Friday 17:00' is a day of the week, not a date; give the date too: the next Friday is "
                     "2026-12-04, so 2026-12-04T17:00"),
    ("tue 8:00", "the next Tuesday is 2026-12-01, so 2026-12-01T08:00"),  # later today in the persona's zone
    ("tue 6:00", "the next Tuesday is 2026-12-08, so 2026-12-08T06:00"),  # earlier today: a week on
    ("14:00", "'14:00' has no date; give it, e.g. 2026-12-01T14:00"),
    ("9:30", "'9:30' has no date; give it, e.g. 2026-12-01T09:30"),
    ("6:00", "'6:00' has no date; give it, e.g. 2026-12-02T06:00"),  # past today: tomorrow
])
def test_a_day_name_or_a_bare_time_is_told_the_date_to_give(when: str, words: str) -> None:
    """'mon 9:30' got the generic "not an ISO 8601 date and time": the user was told the form, not what was
    missing from what they typed. The example is the date they meant, in the persona's zone."""
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # Tuesday, 07:00 in New York
    with pytest.raises(ValueError) as e:
        parse_when(when, "America/New_York", now=now)
    assert words in str(e.value)
