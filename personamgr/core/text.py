"""Text measured the way each network measures it.

* X: ``twitter-text-parser`` implements X's weighting (v3: URLs count 23, CJK and
  emoji sequences count 2, text is NFC-normalised). Its default configuration
  stops at 280; for Premium accounts we scale the same weights to 25,000.
* Mastodon: user-perceived characters (grapheme clusters), every link counts as
  the server's ``characters_reserved_per_url`` (23), a remote mention
  ``@name@server`` counts only ``@name``, and the content warning counts too
  (Mastodon's ``StatusLengthValidator``).
* Bluesky: grapheme clusters, links as written, at most 300, and at most 3,000
  UTF-8 bytes (an emoji family is one grapheme and 25 bytes): both are the
  lexicon's limits on app.bsky.feed.post's text, so a :class:`Measure` holds both.

:func:`measure_for` is the one function the compose box, the guard, the CLI
and the Poster ask; :func:`too_long_message` is the one wording they show.
"""

from __future__ import annotations

import difflib
import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import regex

from personamgr.core.i18n import QT_TRANSLATE_NOOP, number, translate
from personamgr.core.note_words import network_label
from personamgr.core.personas import PREMIUM_LIMIT, STANDARD_LIMIT, Persona


def _import_parse_tweet():  # type: ignore[no-untyped-def]
    """Import twitter-text-parser without ``pkg_resources``.

    The parser reads one data file through ``pkg_resources``, which setuptools
    81+ no longer ships (and older versions import slowly, with a deprecation
    warning). A stand-in serves that one call for
    the duration of the import only.
    """
    import sys
    import types
    from pathlib import Path

    saved = sys.modules.get("pkg_resources")
    shim = types.ModuleType("pkg_resources")
    # pkg_resources resolves ``name`` next to the calling module's file.
    shim.resource_string = lambda module, name: (  # type: ignore[attr-defined]
        Path(sys.modules[module].__file__ or "").parent / name
    ).read_bytes()
    sys.modules["pkg_resources"] = shim
    try:
        from twitter_text import parse_tweet as fn
    finally:
        if saved is None:
            sys.modules.pop("pkg_resources", None)
        else:
            sys.modules["pkg_resources"] = saved
    return fn


_parser_lock = threading.Lock()
_parse_tweet = None


def _parser():  # type: ignore[no-untyped-def]
    """The parser, imported on first use: compiling its regexes takes ~0.5 s, which commands that never
    measure text (``--version``, ``personas list``) should not pay."""
    global _parse_tweet
    with _parser_lock:
        if _parse_tweet is None:
            _parse_tweet = _import_parse_tweet()
        return _parse_tweet

URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
CASHTAG_RE = re.compile(r"(?<![\w$])\$[A-Za-z][A-Za-z0-9_.]{0,5}\b")
MENTION_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,15})\b")
HASHTAG_RE = re.compile(r"(?<![\w#])#(\w+)", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Measure:
    """What the counter under the compose box shows: the length in the network's characters, and, where the
    network also limits bytes (Bluesky), the UTF-8 size."""

    length: int
    limit: int
    size: int = 0
    max_size: int | None = None

    @property
    def bytes_over(self) -> int:
        """How many bytes past the byte limit (0 within it, or with no byte limit)."""
        return max(0, self.size - self.max_size) if self.max_size is not None else 0

    @property
    def too_long(self) -> bool:
        return self.length > self.limit or self.bytes_over > 0

    @property
    def remaining(self) -> int:
        return self.limit - self.length

    @property
    def fit_length(self) -> int:
        """The length on the character limit's scale, bytes included: a text over the byte limit is over the
        character limit by the same share, so a split that fits this fits both."""
        if self.max_size is None or not self.size:
            return self.length
        return max(self.length, -(-self.size * self.limit // self.max_size))


# Characters X counts as 1 (twitter-text v3 config: code points 0-4351), less the two that are emoji.
_WEIGHT_ONE_MAX = "\u10ff"
_EMOJI_BELOW = frozenset("\u00a9\u00ae")
# Anything that could be a link (a dot between word characters, a scheme, www): counted by the parser.
_MAYBE_URL = re.compile(r"\w\.\w|://|www", re.IGNORECASE)


def weighted_length(text: str) -> int:
    """X's weighted length of ``text`` (never raises, whatever the input).

    Most posts are Latin, Greek or Cyrillic text without links: every character then counts 1 and
    the answer is the length after NFC, without the parser's emoji and URL regexes (about 1 ms a
    call, which the guard pays on every keystroke). Everything else goes to twitter-text; a test
    checks the two agree.

    A long text is counted line by line, each line once (``_line_length`` remembers the last ones): no
    link or emoji spans a line break, which counts 1, so the sum is the parser's count of the whole (a test
    checks it). Why: the parser is slow on CJK text, and the compose window counts on every keystroke,
    several times: a pasted long Japanese text held it seconds a keystroke (bench/README.md, "huge pastes").
    """
    if not text:
        return 0
    if len(text) <= _WHOLE_UP_TO:
        return _count(text)
    lines = text.split("\n")
    # a pasted Windows line break ("\r\n") is one line break, as X stores it: its "\r" is the break's, not the line's
    return sum(_line_length(line[:-1] if line.endswith("\r") and i < len(lines) - 1 else line)
               for i, line in enumerate(lines)) + len(lines) - 1


_WHOLE_UP_TO = 1000  # characters counted in one piece: a post, or a short thread
_SHORT_LINE = 4000  # longer lines are remembered two at a time: each edit of one is a new line to keep


def _line_length(line: str) -> int:
    """A line's count, remembered: typing changes one line of a long text, and the window counts it again.
    The memory is bounded: 512 short lines, and the last two long ones, since every edit of a pasted long
    line is a new line, and keeping each version grew without bound (bench/README.md, "huge pastes")."""
    return (_short_line if len(line) <= _SHORT_LINE else _long_line)(line)


def _count(text: str) -> int:
    if not text:
        return 0
    nfc = unicodedata.normalize("NFC", text) if not text.isascii() else text
    if max(nfc) <= _WEIGHT_ONE_MAX and not _EMOJI_BELOW.intersection(nfc) and not _MAYBE_URL.search(nfc):
        return len(nfc) - nfc.count("\r\n")  # a Windows line break counts one, as the parser counts it
    # Lone surrogates cannot be encoded and X would refuse them anyway; count them as one each.
    safe = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    parse = _parser()  # outside the try: a broken install must fail loudly, not miscount
    try:
        return int(parse(safe).weightedLength)
    except Exception:  # pragma: no cover - the parser is defensive, this is belt and braces
        return len(safe)


_short_line = functools.lru_cache(maxsize=512)(_count)
_long_line = functools.lru_cache(maxsize=2)(_count)


def measure(text: str, limit: int = STANDARD_LIMIT) -> Measure:
    return Measure(weighted_length(text), limit)


_GRAPHEME = regex.compile(r"\X")
# Mastodon's own patterns (FetchLinkCardService::URL_PATTERN needs the scheme; Account::MENTION_RE), simplified
# to what changes the count: a link's end drops trailing punctuation, a mention's server part is not counted.
_MASTODON_URL = re.compile(r"(?i)(?<![\w/])https?://[^\s<>\"]+?(?=[.,:;!?'\")\]]*(?:\s|$))")
_MASTODON_REMOTE_MENTION = re.compile(r"(?<![\w/@])(@\w+(?:[.-]+\w+)*)@[\w-]+(?:\.[\w-]+)+")


def graphemes(text: str) -> int:
    """User-perceived characters (Unicode extended grapheme clusters): a flag, a family emoji, é are one each."""
    if text.isascii():
        return len(text)
    return len(_GRAPHEME.findall(text))


def mastodon_length(text: str, url_chars: int = 23, content_warning: str = "") -> int:
    """Mastodon's count: graphemes; each link ``url_chars``; ``@name@server`` as ``@name``; plus the warning."""
    countable = _MASTODON_URL.sub("x" * url_chars, text)
    countable = _MASTODON_REMOTE_MENTION.sub(r"\1", countable)
    return graphemes(countable) + graphemes(content_warning)


def length_for(persona: Persona, text: str, content_warning: str = "") -> int:
    """``text``'s length as ``persona``'s network counts it (see the module docstring)."""
    if persona.network == "mastodon":
        return mastodon_length(text, persona.url_chars, content_warning)
    if persona.network == "bluesky":
        return graphemes(text)
    return weighted_length(text)


def measure_for(persona: Persona, text: str, content_warning: str = "") -> Measure:
    """The counter under the compose box, for ``persona``'s network and limit."""
    max_size = persona.max_text_bytes
    size = len(text.encode("utf-8", "surrogatepass")) if max_size is not None else 0
    return Measure(length_for(persona, text, content_warning), persona.char_limit, size, max_size)


WARM_UP = "warm up"  # English: measured to load the counter's tables, never shown

COUNTING = {
    "x": QT_TRANSLATE_NOOP("text", "X's count: links count 23, CJK characters and emoji 2."),
    "sandbox": QT_TRANSLATE_NOOP("text", "Counted as X counts: links count 23, CJK characters and emoji 2."),
    "mastodon": QT_TRANSLATE_NOOP("text", "Mastodon's count: characters, every link counts {url}, the content "
                                  "warning counts too."),
    "bluesky": QT_TRANSLATE_NOOP("text", "Bluesky's count: characters as you see them (an emoji is one), links as "
                                 "written."),
}


def counting_rule(persona: Persona) -> str:
    """One sentence that says how ``persona``'s network counts (the counter's tooltip)."""
    return translate("text", COUNTING.get(persona.network, COUNTING["x"])).format(url=persona.url_chars)


def too_long_message(persona: Persona, m: Measure, part: int | None = None) -> str:
    """The one wording for a text over the limit, whichever network and whoever asks (compose, CLI, Poster)."""
    return too_long_words(too_long_values(persona, m, part))


def too_long_values(persona: Persona, m: Measure, part: int | None = None) -> dict[str, object]:
    """What :func:`too_long_words` says, as plain data: a held post keeps it, to be said in its reader's language.
    ``part`` counts from 0; the values count from 1."""
    values: dict[str, object] = {"persona": persona.name, "network": persona.network, "length": m.length,
                                 "limit": m.limit, "over": -m.remaining}
    if m.length <= m.limit and m.bytes_over:  # within the characters, over the bytes: say which limit
        values.update(length=m.size, limit=m.max_size, over=m.bytes_over, bytes=True)
    if part is not None:
        values["part"] = part + 1
    return values


def too_long_words(values: Mapping[str, object]) -> str:
    """:func:`too_long_values` in the reader's language."""
    network = str(values.get("network", ""))
    said = {"persona": values["persona"], "network": network_label(network),
            "part": values.get("part"), **{k: number(float(str(values[k]))) for k in ("length", "limit", "over")}}
    if values.get("bytes"):
        if said["part"] is None:
            return translate("text", "Too long for {persona}: {length} of {limit} bytes on {network} (an emoji can "
                             "take up to 25); shorten it by {over} bytes.").format(**said)
        return translate("text", "Too long for {persona}: part {part} is {length} of {limit} bytes on {network} (an "
                         "emoji can take up to 25); shorten it by {over} bytes.").format(**said)
    if said["part"] is None:
        return translate("text", "Too long for {persona}: {length} of {limit} characters on {network}; shorten it "
                         "by {over}.").format(**said)
    return translate("text", "Too long for {persona}: part {part} is {length} of {limit} characters on {network}; "
                     "shorten it by {over}.").format(**said)


def counter_text(m: Measure) -> str:
    """The count under a compose box: characters of the limit, or bytes when those are over theirs."""
    if m.bytes_over and m.length <= m.limit:
        return translate("text", "{size} / {max} bytes").format(size=number(m.size), max=number(m.max_size))
    return f"{number(m.length)} / {number(m.limit)}"


def limit_for(premium: bool) -> int:
    return PREMIUM_LIMIT if premium else STANDARD_LIMIT


def urls(text: str) -> list[str]:
    return URL_RE.findall(text)


def cashtags(text: str) -> list[str]:
    return CASHTAG_RE.findall(text)


MAX_CASHTAGS = 1  # X's rule: at most one cashtag per post
# Where the one-cashtag rule holds: X's, and the sandbox's, which imitates it. Mastodon and Bluesky have no such rule.
CASHTAG_RULE_NETWORKS = frozenset({"x", "sandbox"})


def distinct_cashtags(text: str) -> list[str]:
    """Cashtags as X counts them for its one-per-post rule: case-insensitive, each once, in order."""
    return list(dict.fromkeys(t.upper() for t in cashtags(text)))


def too_many_cashtags(network: str, text: str) -> list[str]:
    """The post's cashtags when ``network`` refuses that many (X's one-per-post rule), else none: the one place
    that decides where the rule holds, for the guard, X's policy check and the sandbox alike."""
    if network not in CASHTAG_RULE_NETWORKS:
        return []
    tags = distinct_cashtags(text)
    return tags if len(tags) > MAX_CASHTAGS else []


def mentions(text: str) -> list[str]:
    return ["@" + m for m in MENTION_RE.findall(text)]


def hashtags(text: str) -> list[str]:
    return ["#" + m for m in HASHTAG_RE.findall(text)]


def is_bare_link(text: str) -> bool:
    """A post that is a link and little else: no conversation around it."""
    rest = URL_RE.sub("", text)
    rest = HASHTAG_RE.sub("", rest)
    return bool(urls(text)) and len(re.findall(r"\w+", rest)) <= 3


def split_thread(text: str, limit: int = STANDARD_LIMIT, length: Callable[[str], int] | None = None) -> list[str]:
    """Split long text into thread parts that each fit ``limit``.

    Splits on paragraph, then sentence, then word boundaries; never inside a
    word unless a single word is longer than the limit. ``length`` measures a part
    as the persona's network does (default: X's weighted length).
    """
    size = length or weighted_length
    text = text.strip()
    if size(text) <= limit:
        return [text] if text else []
    pieces: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        for sent in re.split(r"(?<=[.!?。！？])\s+", para.strip()):
            pieces.extend(_split_words(sent, limit, size) if size(sent) > limit else [sent])
        pieces.append("\n\n")
    parts: list[str] = []
    cur = ""
    for piece in pieces:
        if piece == "\n\n":
            cur = cur.rstrip() + "\n\n" if cur else cur
            continue
        candidate = f"{cur}{piece}" if not cur or cur.endswith("\n\n") else f"{cur} {piece}"
        if size(candidate.strip()) <= limit:
            cur = candidate
        else:
            if cur.strip():
                parts.append(cur.strip())
            cur = piece
    if cur.strip():
        parts.append(cur.strip())
    return parts


def _split_words(sentence: str, limit: int, size: Callable[[str], int]) -> list[str]:
    out: list[str] = []
    cur = ""
    for word in sentence.split():
        candidate = f"{cur} {word}" if cur else word
        if size(candidate) <= limit:
            cur = candidate
            continue
        if cur:
            out.append(cur)
        rest = word
        while size(rest) > limit:  # a single monster word: cut it
            cut = len(rest)
            while cut > 1 and size(rest[:cut]) > limit:
                cut = max(1, cut * limit // max(1, size(rest[:cut])) - 1)
            out.append(rest[:cut])
            rest = rest[cut:]
        cur = rest
    if cur:
        out.append(cur)
    return out


THREAD_SEPARATOR = "---"


def parts_from_text(text: str) -> list[str]:
    """A thread written in one text: parts separated by a line holding only ``---``. Parts are stripped;
    empty ones are kept (as "") so the caller can say which part is empty."""
    parts: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip() == THREAD_SEPARATOR:
            parts.append([])
        else:
            parts[-1].append(line)
    return ["\n".join(lines).strip() for lines in parts]


SAME_TEXT_RATIO = 0.8


def substantially_same(a: str, b: str) -> bool:
    """Small edits (a typo, a word) keep a "post anyway" decision; a rewrite asks the guard again."""
    a, b = " ".join(a.split()), " ".join(b.split())
    if a == b:
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SAME_TEXT_RATIO
