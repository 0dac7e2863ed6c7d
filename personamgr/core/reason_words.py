"""The one wording of the guard's reasons and of a post's notes, said when read rather than when found.

A reason is kept as what the guard found (its kind and values: the phrases, the persona it fits better, the
cashtags...), so a post held by the English daemon reads in Spanish in a Spanish window and in English on the
command line. A database from before kept finished sentences; those are shown as they were written.

Stored form (the outbox's ``guard_reasons``, a JSON list): ``{"kind", "values", "text"}`` per reason, where
``text`` is the sentence in the language it was found in, kept only to show should the values ever not
read (a newer version's kind); or a plain string, an older database's sentence.

A post's note (why it failed, missed its time, may have gone out...) is kept the same way, as a :class:`Note`,
with its words in :mod:`personamgr.core.note_words`; a value may be another kept note, said first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from personamgr.core.i18n import translate
from personamgr.core.note_words import NOTE_WORDS
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
    """Which copy it is: one that went out or one on the schedule (``scheduled``; a reason kept before that was
    told apart says "posted or scheduled")."""
    other, x_rules, scheduled = v.get("persona"), v.get("x_rules", False), v.get("scheduled")
    if other is None:
        return {
            (False, True): translate("guard", "This account already posted almost the same text; X refuses duplicate "
                                     "posts."),
            (False, False): translate("guard", "This account already posted almost the same text."),
            (True, True): translate("guard", "This account already has almost the same text scheduled; X refuses "
                                    "duplicate posts."),
            (True, False): translate("guard", "This account already has almost the same text scheduled."),
            (None, True): translate("guard", "This account already has almost the same text, posted or scheduled; X "
                                    "refuses duplicate posts."),
            (None, False): translate("guard", "This account already has almost the same text, posted or scheduled."),
        }[(scheduled, bool(x_rules))]
    words = {
        (False, True): translate("guard", "It is nearly the same as a recent post on your {persona} persona; X's "
                                 "automation rules forbid the same post on several accounts."),
        (False, False): translate("guard", "It is nearly the same as a recent post on your {persona} persona, on the "
                                  "same network, which ties the two accounts together."),
        (True, True): translate("guard", "It is nearly the same as a scheduled post on your {persona} persona; X's "
                                "automation rules forbid the same post on several accounts."),
        (True, False): translate("guard", "It is nearly the same as a scheduled post on your {persona} persona, on "
                                 "the same network, which ties the two accounts together."),
        (None, True): translate("guard", "It is nearly the same as a recent or scheduled post on your {persona} "
                                "persona; X's automation rules forbid the same post on several accounts."),
        (None, False): translate("guard", "It is nearly the same as a recent or scheduled post on your {persona} "
                                 "persona, on the same network, which ties the two accounts together."),
    }[(scheduled, bool(x_rules))]
    return words.format(persona=other)


def _too_long(v: Values) -> str:
    return translate("guard", "{too_long} Or split it into a thread.").format(too_long=too_long_words(v))


def _cashtags(v: Values) -> str:
    tags = list(v["cashtags"])
    if v.get("network") == "sandbox":
        words = translate("guard", "It has {count} cashtags ({cashtags}); the sandbox allows at most one per post, "
                          "as X does.")
    else:  # kept before the network was: only X and the sandbox keep the rule
        words = translate("guard", "It has {count} cashtags ({cashtags}); X allows at most one per post.")
    return words.format(count=len(tags), cashtags=", ".join(tags))


def _link_streak(v: Values) -> str:
    words = translate("guard", "The {count} posts before it on {persona}, sent or queued, are bare links too; add "
                      "a line of your own so the account does not look automated.")
    return words.format(count=v["count"], persona=v["persona"])


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
    "link_streak": _link_streak, "topic": _topic, "error": _unchecked, "too_long_text": too_long_words,
    **NOTE_WORDS,
}


def _inner(value: Any) -> Any:
    """A value as the words use it: a kept note (or a list of them) said first."""
    if isinstance(value, Mapping) and "kind" in value and "values" in value:
        return said(value)
    if isinstance(value, list) and any(isinstance(v, Mapping) for v in value):
        return [_inner(v) for v in value]
    return value


def reason_words(kind: str, values: Values) -> str:
    """The sentence for a reason the guard found, or a post's note, in the reader's language (KeyError: a kind
    without words)."""
    said = WORDS[kind]({k: _inner(v) for k, v in values.items()})
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


def _plain(value: Any) -> Any:
    """A note's value as JSON keeps it: an inner note as it is kept, anything else as its words."""
    if isinstance(value, Note):
        return value.kept()
    if isinstance(value, Mapping):  # a note already kept (a note's values, given again)
        return dict(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


class Note(str):
    """A note a post keeps about itself, as a sentence in this process's language that also keeps what it says
    (its kind and values): the outbox stores both, and each reader reads it in their own language. Anything that
    reads it as text (a log, an exception's message, a test) reads the sentence."""

    kind: str
    values: dict[str, Any]

    def __new__(cls, kind: str, **values: Any) -> Note:
        values = {k: _plain(v) for k, v in values.items()}
        note = super().__new__(cls, reason_words(kind, values))
        note.kind, note.values = kind, values
        return note

    def kept(self) -> dict[str, Any]:
        """The note as the outbox keeps it: ``{"kind", "values", "text"}``."""
        return {"kind": self.kind, "values": self.values, "text": str(self)}


def kept_note(text: object) -> dict[str, Any] | None:
    """What the outbox keeps beside a note's sentence: its kind and values, or None for plain text."""
    return text.kept() if isinstance(text, Note) else None
