"""A persona history for the insights tests: posts sent on known days, with costs (career posts to X) and one
"post anyway"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from personamgr.core.clock import FakeClock
from personamgr.core.demo import seed_demo
from personamgr.core.outbox import PostState
from personamgr.core.services import Services

NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)


def sent(services: Services, persona: str, text: str, at: datetime, *, cost: float = 0.0,
         anyway: bool = False) -> None:
    uid = services.store.persona(persona).uid
    post = services.outbox.create(uid, text)
    assert services.outbox.update_if(post.id, [PostState.DRAFT], state=PostState.SENT.value, sent_at=at,
                                     cost_usd=cost, guard_override=anyway)


def make_history(services: Services, clock: FakeClock) -> Services:
    clock.set(NOW)
    seed_demo(services)  # two posts sent "now" (career, metal)
    career = services.store.persona("career")
    services.store.update_persona(career.with_changes(network="x"))  # its posts carry X's cost: it posts to X
    sent(services, "career", "Five interview questions: https://example.com/q", NOW - timedelta(days=2), cost=0.2)
    sent(services, "career", "What is the one question you always ask a recruiter?", NOW - timedelta(days=3),
         cost=0.015)
    sent(services, "career", "@hr_jane thanks, that is the salary range I meant.", NOW - timedelta(days=10),
         cost=0.015)
    sent(services, "career", "Spent the weekend at a retro gaming convention.", NOW - timedelta(days=20),
         cost=0.015, anyway=True)
    sent(services, "career", "Old one: hiring freezes explained.", NOW - timedelta(days=60), cost=0.015)
    sent(services, "career", "Too old to count.", NOW - timedelta(days=120), cost=5.0)
    return services
