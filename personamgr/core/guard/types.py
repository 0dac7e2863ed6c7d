"""What the guard answers: plain frozen data the GUI, CLI and scheduler can all show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from personamgr.core.reason_words import StoredReason, reason_words, stored


@dataclass(frozen=True, slots=True)
class Reason:
    """One thing a person should know about a draft.

    ``warning`` reasons make the verdict "does not fit" (the app asks before posting);
    ``blocking`` ones are things X would refuse or that expose another identity, so the
    app should not send them without an explicit decision. Informational reasons
    (both false) say what matched, or why the guard could not judge.

    ``summary``: the same in a few words, for a place with one short line (the fit meter), where the
    whole sentence would be cut; empty when the message is short enough as it is.

    ``values``: what was found (the phrases, the persona it fits better...), for the reasons a post keeps
    (:mod:`personamgr.core.reason_words` says them again in whoever reads them's language); None for a reason
    that is only ever shown at once.
    """

    kind: str
    message: str
    blocking: bool = False
    warning: bool = True
    summary: str = ""
    values: Mapping[str, Any] | None = None

    @classmethod
    def found(cls, kind: str, values: Mapping[str, Any], *, blocking: bool = False) -> Reason:
        """A reason a post may keep: said here in this process's language, and kept as ``values``."""
        return cls(kind, reason_words(kind, values), blocking=blocking, values=dict(values))

    def kept(self) -> StoredReason:
        """The reason as a post keeps it (its sentence, for a reason without values)."""
        return self.message if self.values is None else stored(self.kind, self.values)

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "message": self.message, "blocking": self.blocking, "warning": self.warning}


@dataclass(frozen=True, slots=True)
class GuardResult:
    """The guard's answer for one draft on one persona.

    ``score`` is ``scores[persona]``: 0..1, higher is more on-focus, comparable across
    personas. ``fits`` is the verdict (False means the app warns). ``suggest`` names a
    persona the draft fits better, when there is one.
    """

    persona: str
    fits: bool
    score: float
    scores: dict[str, float]
    suggest: str | None
    reasons: tuple[Reason, ...]
    length: int
    too_long: bool
    limit: int = 280
    language: str = "en"
    judged: bool = True  # False when the guard could not judge the topic (e.g. a language it cannot read)
    matched_topics: tuple[str, ...] = ()
    matched_keywords: tuple[str, ...] = ()
    matched_example: str | None = None
    threshold: float = 0.5
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def warnings(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.warning)

    @property
    def blocking(self) -> bool:
        return any(r.blocking for r in self.reasons)

    def to_json(self, id_: object = None) -> dict[str, object]:
        """The CLI contract line (design.md), plus detail fields a script may use."""
        out: dict[str, object] = {}
        if id_ is not None:
            out["id"] = id_
        out.update(
            persona=self.persona,
            fits=self.fits,
            score=round(self.score, 6),
            scores={k: round(v, 6) for k, v in self.scores.items()},
            suggest=self.suggest,
            reasons=[r.message for r in self.reasons],
            length=self.length,
            too_long=self.too_long,
            reason_kinds=[r.kind for r in self.reasons],
            reason_values=[None if r.values is None else dict(r.values) for r in self.reasons],
            blocking=self.blocking,
            language=self.language,
            judged=self.judged,
        )
        return out
