"""DST in America/New_York, with the fake clock.

Decisions (documented in personamgr/core/scheduling/local_time.py and shown to the user):
* 02:30 on spring-forward day (8 March 2026) does not exist: the post goes out at 03:30 EDT (07:30 UTC).
* 01:30 on fall-back day (1 November 2026) happens twice: the post goes out at the first, 01:30 EDT (05:30 UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st
from sched_helpers import NY, at, make_persona

from personamgr.core.clock import FakeClock
from personamgr.core.personas import Persona, QueueSlot
from personamgr.core.scheduling import PostSchedule, ScheduleEngine, parse_when, resolve_local
from personamgr.core.scheduling.slots import slot_instants
from personamgr.core.services import Services


def test_spring_forward_nonexistent_time_is_shifted_forward_by_the_gap() -> None:
    r = resolve_local(datetime(2026, 3, 8, 2, 30), NY)
    assert r.adjustment == "nonexistent"
    assert r.utc == at(2026, 3, 8, 7, 30)
    assert r.local.strftime("%H:%M %Z") == "03:30 EDT"
    assert r.note is not None and "does not exist" in r.note and "03:30 EDT" in r.note


def test_fall_back_ambiguous_time_is_the_first_occurrence() -> None:
    r = resolve_local(datetime(2026, 11, 1, 1, 30), NY)
    assert r.adjustment == "ambiguous"
    assert r.utc == at(2026, 11, 1, 5, 30)  # 01:30 EDT (UTC-4), not 01:30 EST (06:30 UTC)
    assert r.local.strftime("%H:%M %Z") == "01:30 EDT"
    assert r.note is not None and "twice" in r.note and "01:30 EST" in r.note


def test_ordinary_times_have_no_note() -> None:
    for local, expected in ((datetime(2026, 3, 8, 1, 59), at(2026, 3, 8, 6, 59)),
                            (datetime(2026, 3, 8, 3, 0), at(2026, 3, 8, 7, 0)),
                            (datetime(2026, 11, 1, 2, 0), at(2026, 11, 1, 7, 0)),
                            (datetime(2026, 11, 1, 0, 59), at(2026, 11, 1, 4, 59))):
        r = resolve_local(local, NY)
        assert (r.utc, r.adjustment, r.note) == (expected, None, None), local


def test_schedule_local_on_dst_days_with_the_fake_clock(services: Services, persona: Persona) -> None:
    services.clock.set(at(2026, 3, 1, 12))  # type: ignore[attr-defined]
    sched = PostSchedule(services.store, services.outbox, services.clock)
    spring = sched.create(persona.uid, "spring", when=resolve_local(datetime(2026, 3, 8, 2, 30), NY))
    fall = sched.create(persona.uid, "fall", when=resolve_local(datetime(2026, 11, 1, 1, 30), NY))
    assert spring.post.scheduled_at == at(2026, 3, 8, 7, 30) and spring.note
    assert fall.post.scheduled_at == at(2026, 11, 1, 5, 30) and fall.note


def test_the_engine_sends_at_the_resolved_instant(services: Services, persona: Persona) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(at(2026, 3, 8, 6, 0))  # 01:00 EST
    sched = PostSchedule(services.store, services.outbox, clock)
    post = sched.create(persona.uid, "at half past two", when=parse_when("2026-03-08T02:30", NY)).post
    engine = ScheduleEngine(services)
    engine.start()
    clock.set(at(2026, 3, 8, 7, 29, 59))  # 03:29:59 EDT: one second early
    assert engine.run_due() == []
    clock.set(at(2026, 3, 8, 7, 30))
    sent = engine.run_due()
    assert [p.id for p in sent] == [post.id] and sent[0].state.value == "sent"


def test_weekly_slots_keep_wall_time_across_dst_and_fire_once_on_fall_back() -> None:
    # Sunday slots at 01:30 and 02:30 around both transitions (8 Mar and 1 Nov 2026 are Sundays).
    slots = (QueueSlot(6, 1, 30), QueueSlot(6, 2, 30))
    spring = list(slot_instants(slots, NY, at(2026, 3, 1, 12)))[:4]
    assert spring == [at(2026, 3, 8, 6, 30), at(2026, 3, 8, 7, 30),  # 01:30 EST; 02:30 -> 03:30 EDT
                      at(2026, 3, 15, 5, 30), at(2026, 3, 15, 6, 30)]  # the week after: EDT
    fall = list(slot_instants(slots, NY, at(2026, 10, 30)))[:3]
    # 01:30 once (EDT, the first), then 02:30 EST; no second 01:30.
    assert fall == [at(2026, 11, 1, 5, 30), at(2026, 11, 1, 7, 30), at(2026, 11, 8, 6, 30)]


def test_a_slot_shifted_onto_another_slot_is_offered_once() -> None:
    slots = (QueueSlot(6, 2, 30), QueueSlot(6, 3, 30))
    got = list(slot_instants(slots, NY, at(2026, 3, 7)))[:2]
    assert got == [at(2026, 3, 8, 7, 30), at(2026, 3, 15, 6, 30)]


def test_parse_when_with_offset_is_an_instant_and_without_is_persona_local() -> None:
    assert parse_when("2026-06-01T14:00+02:00", NY).utc == at(2026, 6, 1, 12)
    assert parse_when("2026-06-01T14:00Z", NY).utc == at(2026, 6, 1, 14)
    assert parse_when("2026-06-01T14:00", NY).utc == at(2026, 6, 1, 18)  # EDT
    assert parse_when("2026-06-01 14:00", "Europe/Berlin").utc == at(2026, 6, 1, 12)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31)),
       st.sampled_from([NY, "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]))
def test_resolution_is_never_earlier_than_asked_and_round_trips_when_unadjusted(local: datetime, tz: str) -> None:
    r = resolve_local(local.replace(microsecond=0), tz)
    wall = r.utc.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
    if r.adjustment is None or r.adjustment == "ambiguous":
        assert wall == local.replace(microsecond=0)
    else:  # shifted forward, by less than a day's worth of DST
        assert timedelta(0) < wall - local.replace(microsecond=0) <= timedelta(hours=2)
    assert r.utc.tzinfo is UTC


def test_next_slot_skips_taken_slots(schedule: PostSchedule, services: Services) -> None:
    p = services.store.add_persona(make_persona("weekly"))
    services.clock.set(at(2026, 3, 2, 12))  # type: ignore[attr-defined]  # Mon 07:00 EST
    first = schedule.create(p.uid, "one").when
    second = schedule.create(p.uid, "two").when
    assert first == at(2026, 3, 2, 14)  # Mon 09:00 EST
    assert second == at(2026, 3, 4, 14)  # Wed 09:00 EST
    schedule.unschedule(schedule.scheduled(p.uid)[0].id)
    assert schedule.create(p.uid, "three").when == first  # the gap is filled first
