"""Why a post was held before it went out, in words that say what is really wrong.

A post is *held* when something stopped it before it reached the network: the
persona guard objected at send time, the guard could not check it, its time
passed while nothing could send it, or the persona's monthly post cap or budget
had no room for it. A held post never went out, so it is never
offered "mark as sent"; that is what tells it apart from *needs review* (it may
have gone out).

Each hold has one :class:`HoldKind`, the most important of its reasons, so a
near-duplicate is called a near-duplicate and not "may not belong on metal".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.note_words import network_label
from personamgr.core.reason_words import StoredReason, kind_of, values_of


class HoldKind(StrEnum):
    X_RULES = "x_rules"  # the network would refuse it as it is (too long; two cashtags on X)
    NEAR_DUPLICATE = "near_duplicate"  # nearly the same as a post that went out or is on its way
    LEAK = "leak"  # another persona's handle or signature hashtag: it links the accounts
    OFF_FOCUS = "off_focus"  # off the persona's focus, or on its avoid list
    LINK_STREAK = "link_streak"  # one more bare link after several
    UNCHECKED = "unchecked"  # the guard could not check it
    MISSED = "missed"  # its time passed while nothing could send it
    MONTHLY_LIMIT = "monthly_limit"  # the persona's monthly post cap or budget has no room for it

    @property
    def label(self) -> str:
        """The short reason after "Held: " on a badge (in the user's language, in the window)."""
        return translate("holds", _LABELS[self.value])

    def headline(self, persona: str, reasons: Iterable[StoredReason] = ()) -> str:
        """One sentence saying what is wrong, for the title of the question the user is asked; a near-duplicate's
        says whether its copy went out or is scheduled when its kept ``reasons`` say which."""
        key = self.value
        if self is HoldKind.NEAR_DUPLICATE:
            key = _COPY_HEADLINES.get(_copy_scheduled(reasons), key)
        return translate("holds", _HEADLINES[key]).format(persona=persona, network=refusing_network(reasons))

    @property
    def move_helps(self) -> bool:
        """Whether moving the post to another persona can cure it (it cannot cure a duplicate or a network's rules)."""
        return self in (HoldKind.OFF_FOCUS, HoldKind.LEAK)


_LABELS = {
    "x_rules": QT_TRANSLATE_NOOP("holds", "against the network's rules"),
    "near_duplicate": QT_TRANSLATE_NOOP("holds", "near-duplicate"),
    "leak": QT_TRANSLATE_NOOP("holds", "links two personas"),
    "off_focus": QT_TRANSLATE_NOOP("holds", "off-focus"),
    "link_streak": QT_TRANSLATE_NOOP("holds", "link streak"),
    "unchecked": QT_TRANSLATE_NOOP("holds", "not checked"),
    "missed": QT_TRANSLATE_NOOP("holds", "missed its time"),
    "monthly_limit": QT_TRANSLATE_NOOP("holds", "over the monthly limit"),
}
_HEADLINES = {
    "x_rules": QT_TRANSLATE_NOOP("holds", "{network} will refuse this post as it is on {persona}."),
    "near_duplicate": QT_TRANSLATE_NOOP("holds", "This is nearly the same as a post that went out or is scheduled."),
    "near_duplicate_sent": QT_TRANSLATE_NOOP("holds", "This is nearly the same as a post that went out."),
    "near_duplicate_scheduled": QT_TRANSLATE_NOOP("holds", "This is nearly the same as a scheduled post."),
    "leak": QT_TRANSLATE_NOOP("holds", "This post would link {persona} to another of your personas."),
    "off_focus": QT_TRANSLATE_NOOP("holds", "This may not belong on {persona}."),
    "link_streak": QT_TRANSLATE_NOOP("holds", "{persona} has posted or queued only bare links lately."),
    "unchecked": QT_TRANSLATE_NOOP("holds", "The persona guard could not check this post."),
    "missed": QT_TRANSLATE_NOOP("holds", "This post missed its time."),
    "monthly_limit": QT_TRANSLATE_NOOP("holds", "{persona} has no room left this month for this post."),
}
_COPY_HEADLINES = {False: "near_duplicate_sent", True: "near_duplicate_scheduled"}


def refusing_network(reasons: Iterable[StoredReason]) -> str:
    """The network whose rules a post breaks, by name in the reader's language, from its kept ``reasons`` (each
    network has its own length limit; X and the sandbox their one-cashtag rule). X for reasons kept before they
    named their network, when X's rules were the only ones checked."""
    found = {(values_of(r) or {}).get("network") for r in reasons if KIND_OF_REASON.get(kind_of(r)) is HoldKind.X_RULES}
    found.discard(None)
    return network_label(str(found.pop()) if len(found) == 1 else "x")


def _copy_scheduled(reasons: Iterable[StoredReason]) -> bool | None:
    """Whether the near-copies the duplicate reasons found are scheduled (True) or went out (False); None when no
    reason says (one kept before they were told apart) or a thread's parts copy both."""
    found = {(values_of(r) or {}).get("scheduled") for r in reasons if kind_of(r) == "duplicate"}
    return found.pop() if len(found) == 1 else None


# The guard's reason kinds (core.guard.rules and Guard.check) and the hold each one means.
KIND_OF_REASON: dict[str, HoldKind] = {
    "too_long": HoldKind.X_RULES,
    "cashtags": HoldKind.X_RULES,
    "duplicate": HoldKind.NEAR_DUPLICATE,
    "leak": HoldKind.LEAK,
    "topic": HoldKind.OFF_FOCUS,
    "avoid": HoldKind.OFF_FOCUS,
    "link_streak": HoldKind.LINK_STREAK,
    "error": HoldKind.UNCHECKED,
}
# The holds the persona guard makes (the others: a missed time, the monthly limit).
GUARD_HOLDS = frozenset(KIND_OF_REASON.values())
# When a post has several reasons, the first of these it has names the hold.
PRIORITY = (HoldKind.X_RULES, HoldKind.NEAR_DUPLICATE, HoldKind.LEAK, HoldKind.OFF_FOCUS, HoldKind.LINK_STREAK,
            HoldKind.UNCHECKED, HoldKind.MISSED, HoldKind.MONTHLY_LIMIT)


@dataclass(frozen=True, slots=True)
class HoldReason:
    """One reason to hold a post: the guard's reason kind ("topic", "duplicate", ...), its message, and the
    reason as the post keeps it (what was found, to be said in the reader's language: core.reason_words)."""

    kind: str
    message: str
    record: StoredReason | None = None  # None: the message is all there is to keep

    @property
    def kept(self) -> StoredReason:
        return self.message if self.record is None else self.record


def reason_of(item: object) -> HoldReason:
    """A pre-send check may answer with plain messages (taken as off-focus) or reasons with ``kind`` and
    ``message`` (the guard's own :class:`~personamgr.core.guard.types.Reason`, which a post keeps as data)."""
    if isinstance(item, HoldReason):
        return item
    if isinstance(item, str):
        return HoldReason("topic", item)
    keep = getattr(item, "kept", None)
    return HoldReason(str(getattr(item, "kind", "topic")), str(getattr(item, "message", item)),
                      keep() if callable(keep) else None)


def held_message(kind: HoldKind, persona: str, reasons: Iterable[StoredReason] = ()) -> str:
    """What a post the guard held before sending says in the history: the hold's headline (from its kept
    ``reasons``), and what the user can do. Said when it is read, in the reader's language."""
    if kind is HoldKind.UNCHECKED:
        return translate("Posting", "Held before sending: the persona guard could not check it. Review it, then "
                         "send it.")
    if kind is HoldKind.X_RULES:  # the network would refuse it as it is: no "post anyway" (post_workflows)
        text = translate("Posting", "Held before sending: {headline} Edit it, or delete it.")
    elif kind.move_helps:
        text = translate("Posting", 'Held before sending: {headline} Edit it, move it to another persona, or choose '
                         '"post anyway".')
    else:
        text = translate("Posting", 'Held before sending: {headline} Edit it or choose "post anyway".')
    return text.format(headline=kind.headline(persona, reasons))


def hold_kind(reason_kinds: Iterable[str]) -> HoldKind:
    """The hold that a set of guard reason kinds amounts to (off-focus when none is known)."""
    kinds = {KIND_OF_REASON.get(k, HoldKind.OFF_FOCUS) for k in reason_kinds}
    return next((k for k in PRIORITY if k in kinds), HoldKind.OFF_FOCUS)
