"""Rule checks beside the topic fit. Each returns its own :class:`Reason` or None.

They need no model: they are exact, explainable and cheap, so they also run where the
topic model cannot judge (other languages, empty drafts).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence

from personamgr.core.guard.types import Reason
from personamgr.core.personas import Persona
from personamgr.core.text import (
    URL_RE,
    Measure,
    hashtags,
    is_bare_link,
    too_long_values,
    too_many_cashtags,
)

LINK_STREAK = 3  # this many bare links in a row, plus the draft, is a streak
DUPLICATE_RATIO = 0.85


# Scripts written without spaces between words: Chinese characters, kana, Thai. A word there stands between
# other letters ("政治" in "今日は政治の話"), so "whole word" cannot mean "between non-letters".
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")


def phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """Case-insensitive whole-word match of a phrase; also matches it as a hashtag (#HeavyMetal).
    An end written in a script without spaces (Japanese, Chinese, Thai) needs no word break there."""
    words = re.findall(r"\w+", phrase.casefold())
    if not words:
        return None
    spaced = r"[\s\-_]*".join(re.escape(w) for w in words)
    before = "" if _UNSPACED.match(words[0][0]) else r"(?<!\w)"
    after = "" if _UNSPACED.match(words[-1][-1]) else r"(?!\w)"
    return re.compile(rf"{before}{spaced}{after}", re.IGNORECASE)


# An accent on a Latin or Greek letter, once NFD has split it off ("í" is "i" and U+0301).
_ACCENT = re.compile(r"(?<=[A-Za-z\u00c0-\u024f\u0370-\u03ff])[\u0300-\u036f]+")


def without_accents(text: str) -> str:
    """``text`` with the accents of Latin and Greek letters dropped ("política" -> "politica", "πολιτική" ->
    "πολιτικη"): people type these languages with and without them. Marks on other scripts stay: a mark
    makes another letter there (Cyrillic й is not и; Japanese が, whose mark is not in this range, is not か)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _ACCENT.sub("", unicodedata.normalize("NFD", text)))


def find_phrases(text: str, phrases: Sequence[str]) -> list[str]:
    """Which of ``phrases`` occur in ``text`` as whole words, with or without accents (in declared order, no
    repeats)."""
    found: list[str] = []
    if not phrases:
        return found
    plain = without_accents(text)
    for ph in phrases:
        pat = phrase_pattern(without_accents(ph))
        if pat is not None and pat.search(plain) and ph not in found:
            found.append(ph)
    return found


def avoid_rule(persona: Persona, text: str, semantic_hits: Sequence[str] = ()) -> Reason | None:
    hits = find_phrases(text, persona.avoid)
    hits += [h for h in semantic_hits if h not in hits]
    if not hits:
        return None
    return Reason.found("avoid", {"phrases": hits, "persona": persona.name}, blocking=True)


def leak_rule(personas: Sequence[Persona], persona: Persona, text: str) -> Reason | None:
    """Another persona's handle or signature hashtag in this persona's post ties the identities together."""
    used_tags = {h.casefold() for h in hashtags(text)}
    own_tags = {_tag(h) for h in persona.hashtags}
    for other in personas:
        if other.name == persona.name:
            continue
        if other.handle and mentions_handle(text, other.handle):
            return Reason.found("leak", {"handle": other.handle, "persona": other.name}, blocking=True)
        for tag in other.hashtags:
            t = _tag(tag)
            if t and t in used_tags and t not in own_tags:
                return Reason.found("leak", {"hashtag": tag if tag.startswith("#") else "#" + tag,
                                             "persona": other.name}, blocking=True)
    return None


def mentions_handle(text: str, handle: str) -> bool:
    """Whether ``text`` mentions exactly ``handle`` (X's @name, Mastodon's @name@server, Bluesky's @name.domain).

    The handle must stand alone: "@metal" is not found in "@metal@fosstodon.org" or "@metal.bsky.social".
    """
    pattern = rf"(?<![\w@.]){re.escape(handle)}(?![\w@-]|\.\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _tag(tag: str) -> str:
    t = tag.strip().casefold()
    return t if t.startswith("#") else "#" + t if t else ""


def normalise_for_duplicates(text: str) -> str:
    t = URL_RE.sub(" ", text.casefold())
    return " ".join(re.findall(r"\w+", t))


X_LIKE = frozenset({"x", "sandbox"})  # the sandbox stands in for X, and follows its rules


def duplicate_rule(persona: Persona, text: str, recent: Mapping[str, Sequence[str]] | None,
                   personas: Sequence[Persona] = (), upcoming: Mapping[str, Sequence[str]] | None = None
                   ) -> Reason | None:
    """Near-identical text already posted (``recent``) or on its way out (``upcoming``): the reason says which.

    On the same X account X refuses it as duplicate content; on two X accounts it breaks X's automation rules.
    Across different networks (X and Mastodon, Mastodon and Bluesky) the same words are a cross-post, which
    is allowed: no warning. Two accounts on the same other network get a plain warning (it ties them together).
    """
    mine = normalise_for_duplicates(text)
    if len(mine) < 8:
        return None
    network_of = {p.name: p.network for p in personas}
    for scheduled, posts in ((False, recent), (True, upcoming)):
        name = _copy_of(persona, mine, posts or {}, network_of)
        if name is None:
            continue
        other_network = network_of.get(name, persona.network)
        x_rules = persona.network in X_LIKE and (name == persona.name or other_network in X_LIKE)
        found: dict[str, object] = {"x_rules": x_rules, "scheduled": scheduled}
        if name != persona.name:
            found["persona"] = name
        return Reason.found("duplicate", found, blocking=x_rules)
    return None


def _copy_of(persona: Persona, mine: str, posts: Mapping[str, Sequence[str]], network_of: Mapping[str, str]
             ) -> str | None:
    """The persona among ``posts`` with a near-copy of ``mine`` (normalised) where it matters, if any."""
    for name, texts in posts.items():
        other_network = network_of.get(name, persona.network)
        both_x = persona.network in X_LIKE and other_network in X_LIKE
        if name != persona.name and not both_x and other_network != persona.network:
            continue  # a cross-post to another network
        if any((theirs := normalise_for_duplicates(old)) and _near(mine, theirs) for old in texts):
            return name
    return None


def _near(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) / max(len(a), len(b)) < DUPLICATE_RATIO - 0.1:
        return False
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return m.quick_ratio() >= DUPLICATE_RATIO and m.ratio() >= DUPLICATE_RATIO


def length_rule(persona: Persona, m: Measure) -> Reason | None:
    """``m``: the text measured as ``persona``'s network measures it (``text.measure_for``)."""
    if not m.too_long:
        return None
    return Reason.found("too_long", too_long_values(persona, m), blocking=True)


def cashtag_rule(persona: Persona, text: str) -> Reason | None:
    """X's one-cashtag rule, on the networks that keep it (``text.too_many_cashtags``): on the sandbox it is
    said as the sandbox's."""
    tags = too_many_cashtags(persona.network, text)
    if not tags:
        return None
    values: dict[str, object] = {"cashtags": tags}
    if persona.network != "x":
        values["network"] = persona.network
    return Reason.found("cashtags", values, blocking=True)


def neighbours(recent: Mapping[str, Sequence[str]] | None,
               upcoming: Mapping[str, Sequence[str]] | None) -> Mapping[str, Sequence[str]] | None:
    """What went out and what is on its way, per persona, the last to go first: every post a new one sits among."""
    if not upcoming:
        return recent
    names = {*(recent or {}), *upcoming}
    return {n: [*upcoming.get(n, ()), *(recent or {}).get(n, ())] for n in names}


def link_streak_rule(persona: Persona, text: str, recent: Mapping[str, Sequence[str]] | None,
                     upcoming: Mapping[str, Sequence[str]] | None = None) -> Reason | None:
    """The persona's last posts were all bare links and this is one too: an account that only drops links
    looks automated and gets no conversation. Sent now, the post follows what went out; queued, what is on its
    way as well: either is a streak."""
    if not is_bare_link(text):
        return None
    before = [(recent or {}).get(persona.name, ())]
    if upcoming and upcoming.get(persona.name):
        before.append((neighbours(recent, upcoming) or {})[persona.name])
    if not any(len(last) >= LINK_STREAK and all(is_bare_link(p) for p in last[:LINK_STREAK]) for last in before):
        return None
    return Reason.found("link_streak", {"count": LINK_STREAK, "persona": persona.name})
