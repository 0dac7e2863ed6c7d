"""The guard's verdict on a whole post, thread or not: the one function the window, the CLI and the
scheduler's last check call.

A single post is checked as it is. A thread is one post in several parts, so
its topic is judged on all the parts together (a short "2/3 and that's why"
has no topic of its own), while the rules that X applies to each tweet
(length, cashtags, near-duplicates of recent posts) are checked part by part
and say which part they are about.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from personamgr.core.guard import rules
from personamgr.core.guard.types import GuardResult, Reason
from personamgr.core.outbox import join_parts
from personamgr.core.personas import Persona
from personamgr.core.reason_words import IN_PART
from personamgr.core.text import measure_for

# Rules X applies to each tweet of a thread on its own.
PER_PART = ("too_long", "cashtags", "duplicate")


def check_parts(guard: Any, personas: Sequence[Persona], parts: Sequence[str], persona: str, *,
                recent: Mapping[str, Sequence[str]] | None = None,
                upcoming: Mapping[str, Sequence[str]] | None = None) -> GuardResult:
    """Judge ``parts`` (one, or a thread's) as a post on ``persona`` with ``guard`` (a loaded Guard).

    ``recent`` and ``upcoming``: what went out and what is on its way, as ``Guard.check`` takes them."""
    parts = [p for p in parts if p.strip()] or [""]
    if len(parts) == 1:
        return guard.check(personas, parts[0], persona, recent=recent,  # type: ignore[no-any-return]
                           upcoming=upcoming)
    whole: GuardResult = guard.check(personas, join_parts(parts), persona, recent=recent, upcoming=upcoming)
    me = next(p for p in personas if p.name == persona)
    reasons: list[Reason] = [r for r in whole.reasons if r.kind not in PER_PART]
    measures = []
    for i, part in enumerate(parts, start=1):
        m = measure_for(me, part)
        measures.append(m)
        for r in (rules.length_rule(me, m), rules.cashtag_rule(me, part),
                  rules.duplicate_rule(me, part, recent, personas, upcoming)):
            if r is not None:
                reasons.append(Reason.found(r.kind, {**(r.values or {}), IN_PART: i}, blocking=r.blocking))
    return replace(whole, reasons=tuple(reasons), fits=not any(r.warning for r in reasons),
                   length=max(m.length for m in measures), too_long=any(m.too_long for m in measures))
