"""The calendar's content from the outbox: scheduled posts, posts that went out, free queue slots still ahead,
and what a clock change means for a post moved across it."""

from __future__ import annotations

from datetime import datetime

from sched_helpers import at, make_persona

from personamgr.core.clock import FakeClock
from personamgr.core.personas import DEFAULT_SLOTS, QueueSlot
from personamgr.core.scheduling import PostSchedule, resolve_local
from personamgr.core.scheduling.calendar import entries, reschedule_note
from personamgr.core.services import Services

MONDAY = at(2026, 3, 2, 12)  # 07:00 in New York


def test_a_week_holds_posts_sent_posts_and_the_free_slots_ahead(services: Services) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(MONDAY)
    career = services.store.add_persona(make_persona())  # slots Mon/Wed 09:00, Fri 12:00 (New York)
    metal = services.store.add_persona(make_persona("metal", tz="Europe/Berlin", slots=(QueueSlot(5, 15),)))
    sched = PostSchedule(services.store, services.outbox, clock)
    queued = sched.create(career.uid, "into the Wednesday slot").post  # the next free slot: Mon 09:00 EST
    wed = sched.create(career.uid, "Wednesday", when=at(2026, 3, 4, 14)).post  # Wed 09:00 EST: the slot is taken
    later = sched.create(metal.uid, "next week", when=at(2026, 3, 10, 18)).post
    sent = services.outbox.create(metal.uid, "gone out")
    services.poster.send(sent.id)
    week = entries(services.store, services.outbox, at(2026, 3, 2), at(2026, 3, 9), now=clock.now())
    posts = [(e.post.id, e.instant) for e in week if e.post]  # type: ignore[union-attr]
    assert (queued.id, at(2026, 3, 2, 14)) in posts and (wed.id, at(2026, 3, 4, 14)) in posts
    assert later.id not in [p for p, _ in posts] and sent.id in [p for p, _ in posts]
    free = [(e.persona.name, e.instant) for e in week if e.free_slot]
    assert free == [("career", at(2026, 3, 6, 17)), ("metal", at(2026, 3, 7, 14))]  # Fri 12:00 EST, Sat 15:00 CET
    assert [e.instant for e in week] == sorted(e.instant for e in week)
    only_metal = entries(services.store, services.outbox, at(2026, 3, 2), at(2026, 3, 9), metal.uid, now=clock.now())
    assert {e.persona.name for e in only_metal} == {"metal"}


def test_past_slots_are_not_free_slots(services: Services) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(at(2026, 3, 4, 20))  # Wednesday evening
    services.store.add_persona(make_persona())
    week = entries(services.store, services.outbox, at(2026, 3, 2), at(2026, 3, 9), now=clock.now())
    assert [e.instant for e in week if e.free_slot] == [at(2026, 3, 6, 17)]  # only Friday's is still ahead


def test_moving_a_post_across_a_clock_change_says_so(services: Services) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(MONDAY)
    career = services.store.add_persona(make_persona())
    post = PostSchedule(services.store, services.outbox, clock).create(career.uid, "Friday",
                                                                       when=at(2026, 3, 6, 14)).post  # 09:00 EST
    monday = resolve_local(datetime(2026, 3, 9, 9), career.timezone)  # 09:00 EDT: New York sprang forward on the 8th
    note = reschedule_note(post, career, monday)
    assert note is not None and "clocks change in America/New_York" in note
    assert "09:00 EDT there is 13:00 UTC (it was 09:00 EST, 14:00 UTC)" in note
    assert reschedule_note(post, career, resolve_local(datetime(2026, 3, 5, 10), career.timezone)) is None
    gap = resolve_local(datetime(2026, 3, 8, 2, 30), career.timezone)  # a time that does not exist
    assert "does not exist" in (reschedule_note(post, career, gap) or "")


def test_default_slots_are_weekdays_three_times_a_day() -> None:
    assert len(DEFAULT_SLOTS) == 15 and {s.weekday for s in DEFAULT_SLOTS} == set(range(5))
    assert {(s.hour, s.minute) for s in DEFAULT_SLOTS} == {(9, 0), (12, 30), (17, 0)}
