"""What posting to X costs, and the per-persona monthly budget and post cap.

X bills pay-per-use per post created: about $0.015, and about $0.20 when the
post contains a URL (2026). X changes these, so the prices live in the
settings table (key ``x_prices``) and the defaults are only a starting point.

Each thread part is one post to X, both for the bill and for the cap. What a
post cost is recorded on it (``posts.cost_usd``) when its parts go out, so
"spent so far" is a sum over the database, the one source of truth.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from personamgr.core import i18n
from personamgr.core import schema as s
from personamgr.core.clock import utc
from personamgr.core.i18n import QT_TRANSLATE_NOOP, dollars, translate
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.reason_words import Note
from personamgr.core.store import Store
from personamgr.core.text import urls

log = logging.getLogger(__name__)

PRICES_SETTING = "x_prices"
PAID_NETWORKS = frozenset({"x"})


@dataclass(frozen=True, slots=True)
class Prices:
    post: float = 0.015
    post_with_url: float = 0.20

    def to_setting(self) -> dict[str, float]:
        return {"post": self.post, "post_with_url": self.post_with_url}


DEFAULT_PRICES = Prices()


def _price(value: object, default: float, key: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0:
        return float(value)
    if value is not None:
        log.warning("ignoring the price %s=%r in the settings; using %s", key, value, default)
    return default


def prices(store: Store) -> Prices:
    """The configured prices; a missing or unusable value falls back to the default for it."""
    raw = store.get_setting(PRICES_SETTING) or {}
    if not isinstance(raw, dict):
        raw = {}
    return Prices(_price(raw.get("post"), DEFAULT_PRICES.post, "post"),
                  _price(raw.get("post_with_url"), DEFAULT_PRICES.post_with_url, "post_with_url"))


def set_prices(store: Store, new: Prices) -> None:
    for key, value in new.to_setting().items():
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(translate("Costs", "the price per {what} must be a positive amount, not {value}").format(
                what=key.replace("_", " "), value=value))
    store.set_setting(PRICES_SETTING, new.to_setting())


def estimate(parts: Sequence[str], price: Prices) -> float:
    """The pay-per-use cost of posting ``parts`` (each part is one post)."""
    return sum(price.post_with_url if urls(p) else price.post for p in parts)


def cost(persona: Persona, parts: Sequence[str], price: Prices) -> float:
    """What posting ``parts`` as ``persona`` costs: nothing on networks that do not bill."""
    return estimate(parts, price) if persona.network in PAID_NETWORKS else 0.0


def recorded(store: Store, persona: Persona, parts: Sequence[str]) -> float | None:
    """The cost to record on a post whose ``parts`` went out; None on networks that do not bill."""
    if persona.network not in PAID_NETWORKS:
        return None
    return round(estimate(parts, prices(store)), 6)


def describe(amount: float) -> str:
    """Dollars with cents, or tenths of a cent where the per-post price needs them ($0.015), written the way the
    window's language writes money."""
    return dollars(amount, 2 if abs(round(amount, 2) - amount) < 1e-9 else 3)


def _zone(persona: Persona) -> ZoneInfo:
    from personamgr.core.scheduling.local_time import zone  # here: the scheduling package imports the services

    return zone(persona.timezone)


def month_bounds(persona: Persona, now: datetime) -> tuple[datetime, datetime]:
    """Start of this month and of the next, in the persona's time zone, as aware UTC."""
    local = utc(now).astimezone(_zone(persona))
    start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    nxt = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
    return start.astimezone(UTC), nxt.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class MonthSpend:
    """What a persona has used this month: posts that went out (thread parts count) and dollars."""

    posts: int
    usd: float
    resets_at: datetime  # the start of next month (UTC)


def spent_this_month(store: Store, persona: Persona, now: datetime) -> MonthSpend:
    start, end = month_bounds(persona, now)
    when = func.coalesce(s.posts.c.sent_at, s.posts.c.updated_at)
    q = (
        select(s.posts.c.remote_ids, s.posts.c.cost_usd)
        .join(s.personas, s.personas.c.id == s.posts.c.persona_id)
        .where(s.personas.c.uid == persona.uid, when >= start.replace(tzinfo=None), when < end.replace(tzinfo=None))
    )
    posts = 0
    usd = 0.0
    with store.engine.connect() as con:
        for remote_ids, cost_usd in con.execute(q):
            posts += len(remote_ids or ())
            usd += cost_usd or 0.0
    return MonthSpend(posts, round(usd, 6), end)


@dataclass(frozen=True, slots=True)
class OverLimit:
    """Why the persona's monthly post cap or budget stops a post, in two tellings: before it is sent (the compose
    box) and once the post is held for it (it never reached the network; only the user's choice moves it on)."""

    before: str
    held: str


def over_limit(store: Store, persona: Persona, parts: Sequence[str], now: datetime) -> OverLimit | None:
    """The monthly cap or budget ``parts`` would break if sent now, told both ways; None if they fit."""
    if persona.monthly_post_cap is None and persona.monthly_budget_usd is None:
        return None
    spend = spent_this_month(store, persona, now)
    reset = spend.resets_at.astimezone(_zone(persona)).date().isoformat()
    n = len(parts)
    if persona.monthly_post_cap is not None and spend.posts + n > persona.monthly_post_cap:
        found: dict[str, object] = {"persona": persona.name, "posts": spend.posts, "cap": persona.monthly_post_cap,
                                    "parts": n, "reset": reset}
    else:
        price = cost(persona, parts, prices(store))
        if persona.monthly_budget_usd is None or spend.usd + price <= persona.monthly_budget_usd + 1e-9:
            return None
        found = {"persona": persona.name, "price": price, "spent": spend.usd, "budget": persona.monthly_budget_usd,
                 "reset": reset}
    return OverLimit(Note("monthly_limit", **found, held=False), Note("monthly_limit", **found, held=True))


def summary(store: Store, persona: Persona, now: datetime) -> str:
    """ "Spent so far" for the persona's settings and the compose box."""
    spend = spent_this_month(store, persona, now)
    posts, cap = spend.posts, persona.monthly_post_cap
    out = translate("Costs", "%n post(s), {spent} this month", None, posts).format(spent=describe(spend.usd))
    limits = []
    if cap is not None:
        limits.append(translate("Costs", "cap %n post(s)", None, cap))
    if persona.monthly_budget_usd is not None:
        limits.append(translate("Costs", "budget {budget}").format(budget=describe(persona.monthly_budget_usd)))
    return out + (f" ({', '.join(limits)})" if limits else "")


OVER_CAP = QT_TRANSLATE_NOOP("Costs", "{persona} has %n post(s) out and {scheduled} more scheduled for the month "
                             "from {month}; with this one that is {total}, over its monthly cap of {cap}. It will be "
                             "held at its time unless you raise the cap in the persona's settings or schedule it for "
                             "{reset} or later.")


def _scheduled_in(store: Store, persona: Persona, start: datetime, end: datetime,
                  besides: int | None) -> list[tuple[str, ...]]:
    """The parts still to send of the persona's other posts scheduled between ``start`` and ``end``."""
    due = func.coalesce(s.posts.c.next_attempt_at, s.posts.c.scheduled_at)
    q = (
        select(s.posts.c.text, s.posts.c.thread, s.posts.c.remote_ids)
        .join(s.personas, s.personas.c.id == s.posts.c.persona_id)
        .where(s.personas.c.uid == persona.uid, s.posts.c.state == PostState.SCHEDULED.value,
               s.posts.c.id != (besides or 0), due >= start.replace(tzinfo=None), due < end.replace(tzinfo=None))
    )
    with store.engine.connect() as con:
        return [(text, *(thread or ()))[len(remote_ids or ()):] for text, thread, remote_ids in con.execute(q)]


def over_month(store: Store, persona: Persona, parts: Sequence[str], when: datetime,
               post_id: int | None = None) -> str | None:
    """Whether ``parts``, scheduled at ``when``, take the persona's month (in its zone) over its post cap or
    budget, counting what went out that month and the other posts scheduled in it: the warning, with the
    numbers, that the user reads when scheduling rather than a hold at the post's time; None if they fit."""
    if persona.monthly_post_cap is None and persona.monthly_budget_usd is None:
        return None
    start, end = month_bounds(persona, when)
    zone = _zone(persona)
    month, reset = i18n.day_month(start.astimezone(zone)), i18n.day_month(end.astimezone(zone))
    spend = spent_this_month(store, persona, when)
    others = _scheduled_in(store, persona, start, end, post_id)
    cap = persona.monthly_post_cap
    if cap is not None:
        scheduled = sum(len(p) for p in others)
        total = spend.posts + scheduled + len(parts)
        if total > cap:
            return translate("Costs", OVER_CAP, None, spend.posts).format(
                persona=persona.name, scheduled=i18n.number(scheduled), month=month, total=i18n.number(total),
                cap=i18n.number(cap), reset=reset)
    budget = persona.monthly_budget_usd
    if budget is not None:
        price = prices(store)
        scheduled_usd = sum(cost(persona, p, price) for p in others)
        this = cost(persona, parts, price)
        total_usd = spend.usd + scheduled_usd + this
        if total_usd > budget + 1e-9:
            return translate("Costs", "{persona} has spent {spent} and has {scheduled} more scheduled for the month "
                             "from {month}; this post adds about {price}, so that is {total}, over its budget of "
                             "{budget} a month. It will be held at its time unless you raise the budget in the "
                             "persona's settings or schedule it for {reset} or later.").format(
                persona=persona.name, spent=describe(spend.usd), scheduled=describe(scheduled_usd), month=month,
                price=describe(this), total=describe(total_usd), budget=describe(budget), reset=reset)
    return None
