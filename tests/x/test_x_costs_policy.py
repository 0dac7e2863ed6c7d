"""Pay-per-use cost, monthly cap and budget, and X's posting rules, enforced where posts are sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from net_helpers import assert_waits_by_itself

from personamgr.core import costs, policy
from personamgr.core.holds import HoldKind
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona


def sent(world, parts: int, when: datetime, text: str = "old") -> None:
    """A post with ``parts`` parts that went out at ``when`` (as the outbox records it)."""
    ob = world.services.outbox
    p = ob.create(world.persona.uid, text, thread=tuple(f"{text} {i}" for i in range(1, parts)))
    ob.claim(p.id)
    ob.transition(p.id, PostState.SENT, sent_at=when, remote_ids=tuple(str(i) for i in range(parts)),
                  cost_usd=costs.estimate(p.parts, costs.DEFAULT_PRICES))


def limit(world, **changes) -> None:
    world.persona = world.services.store.update_persona(world.persona.with_changes(**changes))


def test_estimate_is_per_post_and_dearer_with_a_link() -> None:
    p = costs.DEFAULT_PRICES
    assert costs.estimate(["plain words"], p) == pytest.approx(0.015)
    assert costs.estimate(["see https://example.com"], p) == pytest.approx(0.20)
    assert costs.estimate(["1/2 plain", "2/2 www.example.com"], p) == pytest.approx(0.215)
    sandbox = Persona(name="demo")
    assert costs.cost(sandbox, ["plain"], p) == 0.0


def test_prices_are_configurable_and_bad_values_fall_back(store) -> None:
    assert costs.prices(store) == costs.DEFAULT_PRICES
    costs.set_prices(store, costs.Prices(post=0.02, post_with_url=0.5))
    assert costs.prices(store) == costs.Prices(0.02, 0.5)
    store.set_setting(costs.PRICES_SETTING, {"post": "cheap", "post_with_url": -1})
    assert costs.prices(store) == costs.DEFAULT_PRICES
    with pytest.raises(ValueError, match="positive amount"):
        costs.set_prices(store, costs.Prices(post=-0.1))


@pytest.mark.e2e
def test_cost_is_recorded_and_summed_as_spent_so_far(x_world, clock) -> None:
    assert x_world.post("plain").state is PostState.SENT
    assert x_world.post("with a link https://example.com/a").state is PostState.SENT
    spend = costs.spent_this_month(x_world.services.store, x_world.persona, clock.now())
    assert (spend.posts, spend.usd) == (2, pytest.approx(0.215))
    limit(x_world, monthly_budget_usd=5.0, monthly_post_cap=100)
    assert costs.summary(x_world.services.store, x_world.persona, clock.now()) == \
        "2 posts, $0.215 this month (cap 100 posts, budget $5.00)"


@pytest.mark.e2e
def test_post_cap_refuses_a_thread_that_would_cross_it(x_world) -> None:
    limit(x_world, monthly_post_cap=2)
    assert x_world.post("first").state is PostState.SENT
    post = x_world.post("1/2 a", thread=("2/2 b",))
    assert (post.state, post.hold_kind) == (PostState.HELD, HoldKind.MONTHLY_LIMIT)  # it failed at nothing
    assert "career has posted 1 of its 2 posts this month, and this post needs 2" in (post.error or "")
    assert "raise the monthly post cap" in (post.error or "")
    assert len(x_world.fake.tweets) == 1


@pytest.mark.e2e
def test_budget_refuses_a_post_it_cannot_pay_for(x_world) -> None:
    limit(x_world, monthly_budget_usd=0.05)
    assert x_world.post("plain words").state is PostState.SENT
    post = x_world.post("read this https://example.com")
    assert (post.state, post.hold_kind) == (PostState.HELD, HoldKind.MONTHLY_LIMIT)
    assert "would cost about $0.20" in (post.error or "")
    assert "spent $0.015 of its $0.05 monthly budget" in (post.error or "")
    assert x_world.post("more plain words").state is PostState.SENT  # a cheap one still fits
    assert x_world.fake.post_count("tweets") == 2


@pytest.mark.e2e
def test_the_month_resets_in_the_persona_time_zone(x_world, clock) -> None:
    limit(x_world, monthly_post_cap=1, timezone="America/New_York")
    clock.set(datetime(2026, 2, 1, 3, 0, tzinfo=UTC))  # still 31 January in New York
    assert x_world.post("January").state is PostState.SENT
    clock.set(datetime(2026, 2, 1, 4, 30, tzinfo=UTC))  # 23:30 on 31 January in New York
    refused = x_world.post("still January")
    assert refused.state is PostState.HELD
    assert "reschedule it for 1 February or later" in (refused.error or "")
    clock.set(datetime(2026, 2, 1, 5, 30, tzinfo=UTC))  # 00:30 on 1 February in New York
    assert x_world.services.poster.send(refused.id, expect=[PostState.HELD]).state is PostState.SENT


@pytest.mark.e2e
def test_pacing_holds_the_201st_post_in_fifteen_minutes(x_world, clock) -> None:
    first = clock.now() - timedelta(minutes=10)
    sent(x_world, 150, first)
    sent(x_world, 50, clock.now() - timedelta(minutes=5), "later")
    post = x_world.post("one too many")
    assert post.state is PostState.SCHEDULED
    assert post.next_attempt_at == first + timedelta(minutes=15)
    assert "pacing" in (post.error or "")
    assert x_world.fake.post_count() == 0
    clock.set(post.next_attempt_at)
    assert x_world.services.poster.send(post.id).state is PostState.SENT


@pytest.mark.e2e
def test_pacing_holds_the_301st_post_in_three_hours(x_world, clock) -> None:
    oldest = clock.now() - timedelta(hours=2)
    sent(x_world, 150, oldest)
    sent(x_world, 150, clock.now() - timedelta(hours=1), "later")
    post = x_world.post("over the three-hour limit")
    assert post.state is PostState.SCHEDULED
    assert post.next_attempt_at == oldest + timedelta(hours=3)
    assert post.attempts == 0  # waiting for pacing does not use up a retry


@pytest.mark.e2e
def test_the_compose_box_tells_a_pacing_wait_in_the_personas_zone(x_world, clock) -> None:
    """The cost line said "it would go out after 14:15 UTC.", with no day, while the history's "Next try" tells
    the same wait in the persona's zone."""
    from personamgr.core.scheduling import describe
    from personamgr.gui.cost_line import cost_view

    store = x_world.services.store
    persona = store.update_persona(store.persona(x_world.persona.uid).with_changes(timezone="America/New_York"))
    sent(x_world, 200, clock.now() - timedelta(minutes=10))
    post = x_world.post("one too many")
    assert post.state is PostState.SCHEDULED and post.next_attempt_at is not None
    assert_waits_by_itself(post)
    when = describe(post.next_attempt_at, "America/New_York")
    assert when.endswith(("EST", "EDT"))
    assert cost_view(x_world.services, persona, "one more").warnings == (
        f"X's pacing limits are reached: it would go out after {when}.",)


def test_pacing_counts_only_recent_posts(store, clock) -> None:
    p = store.add_persona(Persona(name="x1", network="x", topics=("t",)))
    assert policy.pacing_wait(store, p, 1, clock.now()) is None
    assert policy.pacing_wait(store, p, 201, clock.now()) == clock.now() + timedelta(minutes=15)


@pytest.mark.e2e
def test_two_cashtags_are_refused_before_sending(x_world) -> None:
    post = x_world.post("Watching $AAPL and $TSLA today")
    assert post.state is PostState.FAILED
    assert "2 cashtags ($AAPL, $TSLA); X allows one per post" in (post.error or "")
    assert x_world.fake.post_count() == 0
    assert x_world.post("Watching $AAPL today").state is PostState.SENT


def test_policy_findings_for_the_compose_box(store, clock) -> None:
    p = store.add_persona(Persona(name="x1", network="x", topics=("t",)))
    report = policy.check(store, p, ["@someone good point, $AAPL"], clock.now())
    assert report.errors == []
    assert report.warnings == [policy.REPLY_WARNING]
    assert report.cost_usd == pytest.approx(0.015)
    report = policy.check(store, p, ["fine", "part two has $A $B $C"], clock.now())
    assert report.errors == ["Part 2 has 3 cashtags ($A, $B, $C); X allows one per post. Keep one and write the "
                             "others without the $."]


def test_sandbox_personas_are_not_paced_or_billed(services, clock) -> None:
    p = services.store.add_persona(Persona(name="demo", topics=("t",)))
    report = policy.check(services.store, p, ["$A $B"], clock.now())
    assert (report.findings, report.wait_until, report.cost_usd) == ((), None, 0.0)
