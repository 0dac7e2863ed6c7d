"""How a persona has actually been used, from the local history alone (nothing is read from X, which charges for it).

For the last N days of sent posts: how many stayed on the persona's focus by
the guard's own verdicts (a post sent with "post anyway" strayed), how many
were bare links against conversation (questions and replies), when the posts
went out (weekday and hour in the persona's time zone), and what they cost on
X. The advice at the end is what the app exists for: one or two fields per
account, talk with people rather than at them, an hour a day is enough.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, select

from personamgr.core import schema as s
from personamgr.core.clock import utc
from personamgr.core.costs import PAID_NETWORKS
from personamgr.core.i18n import translate
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.scheduling import local_time
from personamgr.core.store import Store
from personamgr.core.text import MENTION_RE, is_bare_link

PERIODS = (30, 90)
DAYS_IN_WEEK = 7
HOURS = 24


def kind_of(text: str) -> str:
    """"link" (a link and little else), "conversation" (a question, or a reply to someone) or "other"."""
    text = text.strip()
    if is_bare_link(text):
        return "link"
    if "?" in text or "¿" in text or "？" in text or MENTION_RE.match(text):
        return "conversation"
    return "other"


@dataclass(frozen=True, slots=True)
class Insights:
    persona: str
    days: int
    posts: int = 0
    on_focus: int = 0
    off_focus: int = 0  # sent although the guard warned ("post anyway")
    link_only: int = 0
    conversation: int = 0
    other: int = 0
    rhythm: tuple[tuple[int, ...], ...] = field(default=tuple((0,) * HOURS for _ in range(DAYS_IN_WEEK)))
    cost_usd: float = 0.0
    weekly_cost: tuple[float, ...] = ()  # oldest week first
    weekly_posts: tuple[int, ...] = ()  # oldest week first
    billed: bool = False  # its network charges per post (X): a cost is worth showing
    busiest_day: int = 0  # the most posts on one calendar day

    @property
    def on_focus_share(self) -> float | None:
        return self.on_focus / self.posts if self.posts else None

    @property
    def conversation_share(self) -> float | None:
        return self.conversation / self.posts if self.posts else None

    def advice(self) -> list[str]:
        """One line each: one or two fields per account; talk with people; an hour a day is enough."""
        focus = translate("insights", "One or two fields per account: followers come for {name}'s focus, so keep "
                          "it there.").format(name=self.persona)
        if self.posts and self.off_focus:
            strayed = self.off_focus  # a plain name: pyside6-lupdate reads no other count
            focus += " " + translate("insights", "%n post(s) went out although the guard said they strayed.", None,
                                     strayed)
        talk = translate("insights", "Talk with people rather than at them: ask, answer, reply.")
        if self.posts and self.link_only > self.conversation:
            talk += " " + translate("insights", "Here bare links outnumber conversation.")
        hour = translate("insights", "An hour a day is enough: write in one sitting and let the queue spread it.")
        if self.busiest_day > 8:
            busiest = self.busiest_day
            hour += " " + translate("insights", "The busiest day here had %n posts.", None, busiest)
        return [focus, talk, hour]


@dataclass(frozen=True, slots=True)
class _Sent:
    text: str
    sent_at: datetime
    cost_usd: float
    guard_override: bool


def _sent(store: Store, persona: Persona, since: datetime, now: datetime) -> list[_Sent]:
    p, c = s.posts, s.personas
    q = (select(p.c.text, p.c.sent_at, p.c.cost_usd, p.c.guard_override)
         .join(c, c.c.id == p.c.persona_id)
         .where(and_(c.c.uid == persona.uid, p.c.state == PostState.SENT.value, p.c.sent_at.is_not(None),
                     p.c.sent_at >= utc(since).replace(tzinfo=None), p.c.sent_at <= utc(now).replace(tzinfo=None))))
    with store.engine.connect() as con:
        return [_Sent(r.text, utc(r.sent_at), float(r.cost_usd or 0.0), bool(r.guard_override))
                for r in con.execute(q)]


def persona_insights(store: Store, persona: Persona, now: datetime, days: int) -> Insights:
    """The figures for ``persona`` over the ``days`` before ``now`` (aware UTC), from its sent posts."""
    sent = _sent(store, persona, now - timedelta(days=days), now)
    zone = local_time.zone(persona.timezone)
    rhythm = [[0] * HOURS for _ in range(DAYS_IN_WEEK)]
    weeks = [0.0] * ((days + DAYS_IN_WEEK - 1) // DAYS_IN_WEEK)
    counts = [0] * len(weeks)
    kinds = {"link": 0, "conversation": 0, "other": 0}
    per_day: dict[object, int] = {}
    off = 0
    cost = 0.0
    for p in sent:
        local = p.sent_at.astimezone(zone)
        rhythm[local.weekday()][local.hour] += 1
        per_day[local.date()] = per_day.get(local.date(), 0) + 1
        kinds[kind_of(p.text)] += 1
        off += p.guard_override
        spent = p.cost_usd
        cost += spent
        age_weeks = int((now - p.sent_at).total_seconds() // (DAYS_IN_WEEK * 86400))
        week = max(0, len(weeks) - 1 - min(age_weeks, len(weeks) - 1))
        weeks[week] += spent
        counts[week] += 1
    return Insights(
        persona=persona.name, days=days, posts=len(sent), on_focus=len(sent) - off, off_focus=off,
        link_only=kinds["link"], conversation=kinds["conversation"], other=kinds["other"],
        rhythm=tuple(tuple(r) for r in rhythm), cost_usd=round(cost, 4), weekly_cost=tuple(round(w, 4) for w in weeks),
        weekly_posts=tuple(counts), billed=persona.network in PAID_NETWORKS,
        busiest_day=max(per_day.values(), default=0))
