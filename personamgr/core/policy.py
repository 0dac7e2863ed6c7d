"""X's posting rules, checked before a post is sent or queued.

* at most one cashtag per post (an error: X would refuse or flag it);
* replies only work where the author mentioned or quoted you (a warning:
  a post that starts with "@someone" goes out as an ordinary post);
* pacing: at most 200 posts per 15 minutes and 300 per 3 hours per account,
  counted from the outbox (thread parts count), so a burst waits instead of
  hitting X's limits.

:func:`preflight` is what the Poster runs right before sending; :func:`check`
is what the compose box and the queue show while the user writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func, select

from personamgr.core import costs
from personamgr.core import schema as s
from personamgr.core.clock import utc
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.personas import Persona
from personamgr.core.reason_words import Note
from personamgr.core.store import Store
from personamgr.core.text import measure_for, too_long_values, too_many_cashtags

PACING: tuple[tuple[timedelta, int], ...] = ((timedelta(minutes=15), 200), (timedelta(hours=3), 300))
POLICY_NETWORKS = frozenset({"x"})
REPLY_WARNING = QT_TRANSLATE_NOOP("Policy", "This starts with a mention, like a reply. X only lets you reply where "
                                  "the author mentioned or quoted you; this will go out as an ordinary post that "
                                  "mentions them.")


class Level(StrEnum):
    ERROR = "error"  # the post cannot go out like this
    WARNING = "warning"  # the user should know, the post may go out


@dataclass(frozen=True, slots=True)
class Finding:
    level: Level
    message: str
    kind: str = ""  # "cashtags" for the rule the persona guard also reports (see gui/cost_line.py)


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...] = ()
    wait_until: datetime | None = None  # pacing: the earliest time the post may go out
    cost_usd: float = 0.0  # estimated pay-per-use cost of the parts still to send
    limit: costs.OverLimit | None = None  # why the monthly cap or budget stops it, if they do

    @property
    def budget(self) -> str | None:
        """The monthly cap's or budget's objection, as told before the post is sent."""
        return self.limit.before if self.limit else None

    @property
    def errors(self) -> list[str]:
        return [f.message for f in self.findings if f.level is Level.ERROR]

    @property
    def warnings(self) -> list[str]:
        return [f.message for f in self.findings if f.level is Level.WARNING]


def check_text(network: str, parts: Sequence[str]) -> list[Finding]:
    """The rules that depend on the words alone."""
    out: list[Finding] = []
    for i, text in enumerate(parts):
        tags = too_many_cashtags(network, text)
        if tags:
            out.append(Finding(Level.ERROR, kind="cashtags", message=Note(
                "too_many_cashtags", part=i + 1 if len(parts) > 1 else None, cashtags=list(tags))))
    if parts and parts[0].lstrip().startswith("@"):
        out.append(Finding(Level.WARNING, translate("Policy", REPLY_WARNING)))
    return out


def check_limits(persona: Persona, parts: Sequence[str], *, content_warning: str = "",
                 images: Sequence[int] = ()) -> list[Finding]:
    """Length (characters, and bytes where the network limits those too) and image count, measured as the
    persona's network measures them (every network)."""
    out: list[Finding] = []
    for i, text in enumerate(parts):
        m = measure_for(persona, text, content_warning)
        if m.too_long:
            out.append(Finding(Level.ERROR, Note("too_long_text", **too_long_values(
                persona, m, i if len(parts) > 1 else None)), kind="too_long"))
    for i, n in enumerate(images):
        if n > persona.max_images:
            out.append(Finding(Level.ERROR, kind="images", message=Note(
                "too_many_images", network=persona.network, max=persona.max_images,
                part=i + 1 if len(parts) > 1 else None, count=n)))
    return out


def _sent_parts_since(store: Store, persona_uid: str, since: datetime) -> list[tuple[datetime, int]]:
    """(when, how many parts) for every post of the persona with parts out since ``since``."""
    when = func.coalesce(s.posts.c.sent_at, s.posts.c.updated_at)
    q = (
        select(when, s.posts.c.remote_ids)
        .join(s.personas, s.personas.c.id == s.posts.c.persona_id)
        .where(s.personas.c.uid == persona_uid, when >= utc(since).replace(tzinfo=None))
    )
    with store.engine.connect() as con:
        return [(utc(w), len(ids or ())) for w, ids in con.execute(q) if ids]


def pacing_wait(store: Store, persona: Persona, parts: int, now: datetime) -> datetime | None:
    """When ``parts`` more posts fit X's per-account windows; None if they fit now."""
    now = utc(now)
    longest = max(w for w, _ in PACING)
    sent = sorted(_sent_parts_since(store, persona.uid, now - longest))
    stamps = [t for t, n in sent for _ in range(n)]  # one entry per post X counted, oldest first
    wait: datetime | None = None
    for window, limit in PACING:
        inside = [t for t in stamps if t > now - window]
        over = len(inside) + parts - limit
        if over > 0:
            # The oldest ``over`` posts must leave the window first.
            free_at = inside[min(over, len(inside)) - 1] + window if inside else now + window
            wait = free_at if wait is None else max(wait, free_at)
    return wait


def check(store: Store, persona: Persona, parts: Sequence[str], now: datetime, *, already_sent: int = 0,
          content_warning: str = "", images: Sequence[int] = ()) -> Report:
    """Everything the network's limits, X's rules, the pacing and the persona's budget say about posting now."""
    todo = list(parts[already_sent:])
    findings = check_limits(persona, todo, content_warning=content_warning, images=images[already_sent:])
    if persona.network in POLICY_NETWORKS:
        findings += check_text(persona.network, parts)
    wait = pacing_wait(store, persona, len(todo), now) if persona.network in POLICY_NETWORKS else None
    price = costs.cost(persona, todo, costs.prices(store)) if persona.network in costs.PAID_NETWORKS else 0.0
    return Report(tuple(findings), wait, price, costs.over_limit(store, persona, todo, now))


@dataclass(frozen=True, slots=True)
class Preflight:
    """The Poster's decision: refuse (failed, with a message), hold (the persona's monthly cap or budget: held,
    with a message), wait (scheduled later), or go."""

    refuse: str | None = None
    hold: str | None = None
    wait_until: datetime | None = None
    message: str | None = None


def preflight(store: Store, persona: Persona, parts: Sequence[str], now: datetime, *,
              already_sent: int = 0, content_warning: str = "", images: Sequence[int] = ()) -> Preflight:
    report = check(store, persona, parts, now, already_sent=already_sent, content_warning=content_warning,
                   images=images)
    if report.errors:
        return Preflight(refuse=Note("not_sent", problems=report.errors))
    if report.limit:
        return Preflight(hold=report.limit.held)
    if report.wait_until is not None:
        return Preflight(wait_until=report.wait_until, message=Note("pacing"))
    return Preflight()
