"""A scheduled post the persona's monthly post cap or budget stops: its state and its words tell the truth.

It was "Failed" with "... or wait until 1 January", but waiting did nothing: a failed post never goes out by
itself, Retry was refused again all month, and Failed offered no way to move it to the new month. The user's
own limit stopped it before it reached the network, which is what Held means, with the actions that cure it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sched_helpers import NY, at, make_persona

from personamgr.core.holds import HoldKind
from personamgr.core.outbox import PostState
from personamgr.core.post_workflows import Action, actions_for
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.services import Services


def _scheduled(services: Services, uid: str, text: str, when: datetime) -> int:
    post = services.outbox.create(uid, text)
    PostSchedule(services.store, services.outbox, services.clock).schedule_at(post.id, when)
    return post.id


def test_a_scheduled_post_over_the_monthly_cap_is_held_with_a_way_out(services: Services) -> None:
    clock = services.clock
    clock.set(at(2026, 12, 1, 13))  # 08:00 in New York
    persona = services.store.add_persona(make_persona(tz=NY).with_changes(network="sandbox", monthly_post_cap=1))
    engine = ScheduleEngine(services)
    engine.start()
    first = _scheduled(services, persona.uid, "Five questions to ask at the end of every interview",
                       at(2026, 12, 1, 14))
    second = _scheduled(services, persona.uid, "Hiring managers read a resume in six seconds", at(2026, 12, 1, 15))
    clock.set(at(2026, 12, 1, 14))
    engine.run_due()
    clock.set(at(2026, 12, 1, 15))
    engine.run_due()
    assert services.outbox.get(first).state is PostState.SENT
    held = services.outbox.get(second)
    assert (held.state, held.error) == (PostState.HELD, (
        "career has posted 1 of its 1 posts this month, and this is one more. It does not go out by itself: raise "
        "the monthly post cap in the persona's settings and send it now, or reschedule it for 1 January or later."))
    assert held.hold_kind is HoldKind.MONTHLY_LIMIT
    assert held.status == "Held: over the monthly limit"
    offered = actions_for(held)
    assert Action.RETRY not in offered and Action.POST_ANYWAY not in offered  # nothing failed; no guard to override
    assert {Action.RESCHEDULE, Action.SEND_NOW, Action.EDIT, Action.MOVE, Action.UNSCHEDULE} <= set(offered)

    # Rescheduled into the new month (New York's), it goes out then, by itself.
    january = at(2027, 1, 1, 14)  # 09:00 on 1 January in New York
    PostSchedule(services.store, services.outbox, clock).schedule_at(second, january)
    clock.set(january)
    engine.run_due()
    assert services.outbox.get(second).state is PostState.SENT


def test_send_now_after_raising_the_cap_sends_a_held_post(services: Services) -> None:
    clock = services.clock
    clock.set(at(2026, 12, 1, 13))
    persona = services.store.add_persona(make_persona(tz=NY).with_changes(network="sandbox", monthly_post_cap=0))
    engine = ScheduleEngine(services)
    engine.start()
    post_id = _scheduled(services, persona.uid, "Job search tip: follow up a week after the interview",
                         at(2026, 12, 1, 14))
    clock.set(at(2026, 12, 1, 14))
    engine.run_due()
    held = services.outbox.get(post_id)
    assert held.state is PostState.HELD
    assert held.hold_kind is HoldKind.MONTHLY_LIMIT
    again = services.workflows.send(post_id, Action.SEND_NOW, seen=held.state).post  # still over: still held
    assert (again.state, again.hold_kind) == (PostState.HELD, HoldKind.MONTHLY_LIMIT)
    services.store.update_persona(services.store.persona(persona.uid).with_changes(monthly_post_cap=5))
    clock.advance(timedelta(minutes=5))
    assert services.workflows.send(post_id, Action.SEND_NOW, seen=PostState.HELD).post.state is PostState.SENT


def _sent(services: Services, uid: str, text: str, when: datetime, cost: float | None = None) -> None:
    post = services.outbox.create(uid, text)
    assert services.outbox.update_if(post.id, None, state=PostState.SENT.value, sent_at=when.replace(tzinfo=None),
                                     remote_ids=["1"], cost_usd=cost)


def test_scheduling_past_the_monthly_cap_warns_with_the_numbers_in_the_personas_month(services: Services) -> None:
    """Nothing said a post would go over the cap when it was scheduled: the user found out when it was Held at its
    time. Scheduling warns, with the numbers, counting the persona's month in its own zone, and still schedules."""
    services.clock.set(at(2026, 12, 1, 13))  # 08:00 in New York
    persona = services.store.add_persona(make_persona(tz=NY).with_changes(network="sandbox", monthly_post_cap=2))
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    _sent(services, persona.uid, "A post that went out this morning", at(2026, 12, 1, 12))
    first = schedule.create(persona.uid, "Five questions to ask at the end of every interview", when=at(2026, 12, 20))
    assert first.over_limit is None  # 1 out + this one: the cap's 2
    second = schedule.create(persona.uid, "Hiring managers read a resume in six seconds", when=at(2026, 12, 21))
    assert second.post.state is PostState.SCHEDULED  # warned, not refused
    assert second.over_limit == (
        "career has 1 post out and 1 more scheduled for the month from 1 December; with this one that is 3, over "
        "its monthly cap of 2. It will be held at its time unless you raise the cap in the persona's settings "
        "or schedule it for 1 January or later.")
    # 03:00 UTC on 1 January is still 31 December in New York: the persona's month, not UTC's.
    late = schedule.create(persona.uid, "The last post of the year", when=at(2027, 1, 1, 3))
    assert late.over_limit is not None and "with this one that is 4" in late.over_limit
    assert schedule.create(persona.uid, "A new year, a new job", when=at(2027, 1, 1, 6)).over_limit is None
    # Rescheduling and the queue warn the same way.
    moved = schedule.schedule_at(first.post.id, at(2026, 12, 22), seen=PostState.SCHEDULED)
    assert moved.over_limit is not None and "with this one that is 4" in moved.over_limit


def test_scheduling_past_the_monthly_budget_warns_with_the_dollars(services: Services) -> None:
    services.clock.set(at(2026, 12, 1, 13))
    persona = services.store.add_persona(make_persona(tz=NY).with_changes(network="x", monthly_budget_usd=0.03))
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    _sent(services, persona.uid, "A post that went out this morning", at(2026, 12, 1, 12), cost=0.015)
    assert schedule.create(persona.uid, "Five questions to ask", when=at(2026, 12, 20)).over_limit is None
    over = schedule.add_to_queue(services.outbox.create(persona.uid, "Read this: https://example.com/jobs").id)
    assert over.over_limit == (
        "career has spent $0.015 and has $0.015 more scheduled for the month from 1 December; this post adds about "
        "$0.20, so that is $0.23, over its budget of $0.03 a month. It will be held at its time unless you raise the "
        "budget in the persona's settings or schedule it for 1 January or later.")
