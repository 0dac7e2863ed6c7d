"""A machine asleep across three due times: each missed-post policy gives the right outcome for each post."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sched_helpers import at, make_persona

from personamgr.core.clock import FakeClock
from personamgr.core.holds import HoldKind
from personamgr.core.outbox import PostState
from personamgr.core.personas import MissedPolicy, QueueSlot
from personamgr.core.scheduling import EventKind, PostSchedule, ScheduleEngine, SchedulerEvent
from personamgr.core.services import Services

START = at(2026, 3, 2, 12)  # Monday 07:00 in New York


def asleep_across_three(services: Services, policy: MissedPolicy, late_hours: int = 6,
                        slots: tuple[QueueSlot, ...] = (QueueSlot(0, 9), QueueSlot(2, 9), QueueSlot(4, 12)),
                        ) -> tuple[list[int], ScheduleEngine, list[SchedulerEvent]]:
    """Posts due at +1 h, +2 h and +3 h; the machine sleeps from START to +8 h; then the scheduler ticks."""
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    persona = services.store.add_persona(make_persona(policy=policy, late_hours=late_hours, slots=slots))
    sched = PostSchedule(services.store, services.outbox, clock)
    ids = [sched.create(persona.uid, f"post {i}", when=START + timedelta(hours=i)).post.id for i in (1, 2, 3)]
    engine = ScheduleEngine(services)
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    engine.start()
    assert not engine.tick() and engine.run_due() == []
    clock.advance(timedelta(hours=8))  # asleep: no tick, no job ran
    assert engine.tick()  # the clock gap is noticed ...
    engine.run_due()  # ... and the schedule reconciled
    return ids, engine, events


def states(services: Services, ids: list[int]) -> list[PostState]:
    return [services.outbox.get(i).state for i in ids]


def sandbox_texts(services: Services) -> list[str]:
    return sorted(e.text for e in services.networks["sandbox"].timeline())  # type: ignore[attr-defined]


def test_ask_holds_all_three_and_lists_them(services: Services) -> None:
    ids, engine, events = asleep_across_three(services, MissedPolicy.ASK)
    assert states(services, ids) == [PostState.HELD] * 3
    assert {services.outbox.get(i).hold_kind for i in ids} == {HoldKind.MISSED}  # it never went out
    assert sandbox_texts(services) == []
    missed = engine.missed()
    assert [m.post.id for m in missed] == ids
    assert all("Missed its time" in m.message and "by 7 hours" not in m.message for m in missed[1:])
    assert "by 7 hours" in missed[0].message
    assert [e.kind for e in events if e.post_id] == [EventKind.MISSED_HELD] * 3
    assert EventKind.WOKE in [e.kind for e in events]


def test_ask_then_the_user_decides_each(services: Services) -> None:
    ids, engine, _ = asleep_across_three(services, MissedPolicy.ASK)
    engine.send_missed_now(ids[0])
    moved = engine.reschedule_missed(ids[1])
    draft = engine.keep_missed_as_draft(ids[2])
    engine.run_due()
    assert states(services, ids) == [PostState.SENT, PostState.SCHEDULED, PostState.DRAFT]
    assert moved.scheduled_at is not None and moved.scheduled_at > services.clock.now()
    assert draft.text == "post 3" and engine.missed() == []
    assert sandbox_texts(services) == ["post 1"]


def test_post_late_sends_those_within_the_allowance_and_holds_the_rest(services: Services) -> None:
    # 8 h asleep: post 1 is 7 h late (> 6 h: held), post 2 is 6 h late (sent), post 3 is 5 h late (sent).
    ids, engine, events = asleep_across_three(services, MissedPolicy.POST_LATE, late_hours=6)
    assert states(services, ids) == [PostState.HELD, PostState.SENT, PostState.SENT]
    assert sandbox_texts(services) == ["post 2", "post 3"]
    assert [m.post.id for m in engine.missed()] == [ids[0]]
    sent_msgs = [e.message for e in events if e.kind is EventKind.SENT]
    assert len(sent_msgs) == 2 and all("Sent late" in m for m in sent_msgs)


def test_skip_moves_each_to_its_own_next_free_slot_in_order(services: Services) -> None:
    ids, engine, events = asleep_across_three(services, MissedPolicy.SKIP)
    posts = [services.outbox.get(i) for i in ids]
    assert [p.state for p in posts] == [PostState.SCHEDULED] * 3
    # Woke Monday 15:00 New York: next slots Wed 09:00, Fri 12:00, Mon 09:00 (EST).
    assert [p.scheduled_at for p in posts] == [at(2026, 3, 4, 14), at(2026, 3, 6, 17), at(2026, 3, 9, 13)]
    assert all(p.error and "Moved to the next free queue slot" in p.error for p in posts)
    assert sandbox_texts(services) == [] and engine.missed() == []
    assert [e.kind for e in events if e.post_id] == [EventKind.MISSED_SKIPPED] * 3


def test_skip_without_slots_holds_rather_than_drops(services: Services) -> None:
    ids, engine, _ = asleep_across_three(services, MissedPolicy.SKIP, slots=())
    assert states(services, ids) == [PostState.HELD] * 3
    assert "no queue slots" in engine.missed()[0].message


@pytest.mark.parametrize("policy", list(MissedPolicy))
def test_a_short_delay_is_not_missed_under_any_policy(services: Services, policy: MissedPolicy) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    persona = services.store.add_persona(make_persona(policy=policy))
    post = PostSchedule(services.store, services.outbox, clock).create(persona.uid, "soon",
                                                                      when=START + timedelta(minutes=5)).post
    engine = ScheduleEngine(services)
    engine.start()
    clock.advance(timedelta(minutes=6))  # one minute late: within the grace
    assert [p.state for p in engine.run_due()] == [PostState.SENT]
    assert services.outbox.get(post.id).state is PostState.SENT


def test_paused_posts_wait_and_are_judged_by_the_policy_on_resume(services: Services) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    persona = services.store.add_persona(make_persona(policy=MissedPolicy.POST_LATE, late_hours=1))
    sched = PostSchedule(services.store, services.outbox, clock)
    soon = sched.create(persona.uid, "soon", when=START + timedelta(minutes=10)).post
    engine = ScheduleEngine(services)
    engine.start()
    sched.set_paused(persona.uid, True)
    clock.advance(timedelta(minutes=30))
    assert engine.run_due() == [] and services.outbox.get(soon.id).state is PostState.SCHEDULED
    sched.set_paused_all(True)
    sched.set_paused(persona.uid, False)
    assert engine.run_due() == []  # still paused globally
    sched.set_paused_all(False)
    assert [p.state for p in engine.run_due()] == [PostState.SENT]  # 20 min late, within 1 h


def test_a_retry_time_counts_as_due(services: Services) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    persona = services.store.add_persona(make_persona())
    sched = PostSchedule(services.store, services.outbox, clock)
    post = sched.create(persona.uid, "rate limited", when=START + timedelta(minutes=1)).post
    # What posting.py does on a rate limit: back to scheduled with a retry time.
    services.outbox.claim(post.id)
    services.outbox.transition(post.id, PostState.SCHEDULED, expect=[PostState.SENDING],
                               next_attempt_at=START + timedelta(minutes=20))
    engine = ScheduleEngine(services)
    engine.start()
    clock.advance(timedelta(minutes=10))
    assert engine.run_due() == []  # past scheduled_at, but the retry time has not come
    clock.advance(timedelta(minutes=10))
    assert [p.state for p in engine.run_due()] == [PostState.SENT]
