"""The one wording of the guard's reasons, said when a reason is read rather than when it was found.

A reason is kept as what the guard found (its kind and values: the phrases, the persona it fits better, the
cashtags...), so a post held by the English daemon reads in Spanish in a Spanish window and in English on the
command line. A database from before kept finished sentences; those are shown as they were written.

Stored form (the outbox's ``guard_reasons``, a JSON list): ``{"kind", "values", "text"}`` per reason, where
``text`` is the sentence in the language it was found in, kept only to show should the values ever not
read (a newer version's kind); or a plain string, an older database's sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from personamgr.core.i18n import translate
from personamgr.core.text import too_long_words

Values = Mapping[str, Any]
StoredReason = str | Mapping[str, Any]  # see the module's docstring

IN_PART = "in_part"  # a value: the part of a thread (from 1) a reason is about, for the rules X applies per part


def _quoted(phrases: Sequence[str]) -> str:
    return ", ".join(f"“{p}”" for p in phrases)


def _avoid(v: Values) -> str:
    return translate("guard", "It touches {phrases}, which you marked to avoid on {persona}.").format(
        phrases=_quoted(v["phrases"]), persona=v["persona"])


def _leak(v: Values) -> str:
    if "handle" in v:
        return translate(
            "guard", "It mentions {handle}, the handle of your {persona} persona, which links the two accounts."
        ).format(handle=v["handle"], persona=v["persona"])
    return translate("guard", "It uses {hashtag}, the signature hashtag of your {persona} persona, which links the "
                     "two accounts.").format(hashtag=v["hashtag"], persona=v["persona"])


def _duplicate(v: Values) -> str:
    other, x_rules = v.get("persona"), v.get("x_rules", False)
    if other is None:
        return (translate("guard", "You already posted almost the same text on this account; X refuses duplicate "
                          "posts.") if x_rules else
                translate("guard", "You already posted almost the same text on this account."))
    if x_rules:
        return translate("guard", "It is nearly the same as a recent post on your {persona} persona; X's automation "
                         "rules forbid the same post on several accounts.").format(persona=other)
    return translate("guard", "It is nearly the same as a recent post on your {persona} persona, on the same network, "
                     "which ties the two accounts together.").format(persona=other)


def _too_long(v: Values) -> str:
    return translate("guard", "{too_long} Or split it into a thread.").format(too_long=too_long_words(v))


def _cashtags(v: Values) -> str:
    tags = list(v["cashtags"])
    return translate("guard", "It has {count} cashtags ({cashtags}); X allows at most one per post.").format(
        count=len(tags), cashtags=", ".join(tags))


def _link_streak(v: Values) -> str:
    return translate("guard", "The last {count} posts on {persona} were bare links too; add a line of your own so "
                     "the account does not look automated.").format(count=v["count"], persona=v["persona"])


def _topic(v: Values) -> str:
    """One whole sentence per case, so a translation can order its words freely."""
    persona, focus, other = v["persona"], v.get("focus"), v.get("fits_better")
    if focus and other:
        return translate("guard", "It does not look like {persona}'s focus ({focus}). It fits {other} better.").format(
            persona=persona, focus=focus, other=other)
    if focus:
        return translate("guard", "It does not look like {persona}'s focus ({focus}).").format(
            persona=persona, focus=focus)
    if other:
        return translate("guard", "It does not look like {persona}'s focus. It fits {other} better.").format(
            persona=persona, other=other)
    return translate("guard", "It does not look like {persona}'s focus.").format(persona=persona)


def _unchecked(v: Values) -> str:
    return translate("Posting", "The persona guard could not check this post ({error}).").format(error=v["error"])


WORDS: dict[str, Callable[[Values], str]] = {
    "avoid": _avoid, "leak": _leak, "duplicate": _duplicate, "too_long": _too_long, "cashtags": _cashtags,
    "link_streak": _link_streak, "topic": _topic, "error": _unchecked,
}


def reason_words(kind: str, values: Values) -> str:
    """The sentence for a reason the guard found, in the reader's language (KeyError: a kind without words)."""
    said = WORDS[kind](values)
    part = values.get(IN_PART)
    return translate("guard", "Part {n}: {message}").format(n=part, message=said) if part else said


def stored(kind: str, values: Values) -> dict[str, Any]:
    """A reason as the outbox keeps it (see the module's docstring)."""
    return {"kind": kind, "values": dict(values), "text": reason_words(kind, values)}


def said(reason: StoredReason) -> str:
    """A kept reason in the reader's language; an older database's sentence, or one whose values do not read,
    as it was written."""
    if isinstance(reason, str):
        return reason
    try:
        return reason_words(str(reason["kind"]), reason["values"])
    except (KeyError, TypeError, ValueError, IndexError):
        return str(reason.get("text", ""))


def kind_of(reason: StoredReason) -> str | None:
    """A kept reason's kind (None for an older database's sentence)."""
    return None if isinstance(reason, str) else str(reason.get("kind"))


def values_of(reason: StoredReason) -> dict[str, Any] | None:
    """A kept reason's values, for scripts (None for an older database's sentence)."""
    return None if isinstance(reason, str) else dict(reason.get("values") or {})
