"""X's weighted length, and thread splitting that never produces a part over the limit."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from personamgr.core.text import (
    cashtags,
    hashtags,
    is_bare_link,
    limit_for,
    measure,
    mentions,
    split_thread,
    urls,
    weighted_length,
)


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("", 0),
        ("hello", 5),
        ("a" * 280, 280),
        ("https://example.com", 23),
        ("https://example.com/a/very/long/path/that/goes/on/and/on/and/on?with=query&and=more", 23),
        ("see https://example.com and http://x.org/y", 4 + 23 + 5 + 23),
        ("日本語", 6),  # CJK weighs 2
        ("한국어", 6),
        ("😀", 2),  # emoji weigh 2
        ("👍🏽", 2),  # a skin-tone sequence is one emoji
        ("👨‍👩‍👧‍👦", 2),  # a ZWJ family is one emoji
        ("🇩🇪", 2),  # a flag is one emoji
        ("café", 4),
        ("e\u0301", 1),  # NFC: e + combining acute counts as é
        ("Αθήνα", 5),  # Greek weighs 1
        ("Ἀθήνα", 6),  # ...but Greek Extended (U+1F08) lies outside X's light ranges and weighs 2
        ("𝄞", 2),  # an astral symbol outside the light ranges
        ("line one\r\nline two", 17),  # a pasted Windows line break is one line break, as on X
        ("a\r\n日", 4),
        ("a\rb\nc", 5),
    ],
)
def test_known_weighted_lengths(text: str, length: int) -> None:
    assert weighted_length(text) == length


def test_nfc_and_nfd_weigh_the_same() -> None:
    s = "Crème brûlée à la française"
    assert weighted_length(unicodedata.normalize("NFD", s)) == weighted_length(s) == len(s)


def test_measure_and_limits() -> None:
    m = measure("x" * 281)
    assert (m.length, m.limit, m.too_long, m.remaining) == (281, 280, True, -1)
    assert not measure("x" * 280).too_long
    assert measure("x" * 300, limit_for(True)).remaining == 25_000 - 300
    assert limit_for(False) == 280


def test_premium_texts_are_counted_past_280() -> None:
    assert weighted_length("a" * 5000) == 5000
    assert weighted_length("日" * 3000) == 6000


def test_lone_surrogates_do_not_crash() -> None:
    assert weighted_length("abc\ud800def") >= 6


def test_entity_helpers() -> None:
    t = "Hiring! $AAPL and $MSFT up. Ping @career_me #jobs https://example.com/x"
    assert cashtags(t) == ["$AAPL", "$MSFT"]
    assert mentions(t) == ["@career_me"]
    assert hashtags(t) == ["#jobs"]
    assert urls(t) == ["https://example.com/x"]
    assert is_bare_link("https://example.com/x #jobs")
    assert not is_bare_link("A long thought about hiring with a link https://example.com/x")


any_unicode = st.text(alphabet=st.characters(codec=None), max_size=800)
words_and_emoji = st.lists(
    st.sampled_from(["word", "日本語", "😀", "https://example.com/p", "longerword.", "x" * 30, "\n\n", "é", "!",
                     "👨‍👩‍👧", "a" * 400]),
    max_size=120,
).map(" ".join)


@given(any_unicode)
def test_random_unicode_never_crashes(text: str) -> None:
    n = weighted_length(text)
    assert n >= 0
    assert measure(text).length == n
    split_thread(text)


@given(st.one_of(any_unicode, words_and_emoji), st.sampled_from([20, 50, 280]))
def test_every_thread_part_fits_the_limit(text: str, limit: int) -> None:
    parts = split_thread(text, limit)
    assert all(weighted_length(p) <= limit for p in parts), [(weighted_length(p), p) for p in parts]
    assert all(p.strip() for p in parts)
    if text.strip():
        assert parts


@given(words_and_emoji)
def test_splitting_keeps_every_word(text: str) -> None:
    parts = split_thread(text, 280)
    assert "".join("".join(parts).split()) == "".join(text.split())


def test_short_text_is_one_part_and_empty_is_none() -> None:
    assert split_thread("  hi  ") == ["hi"]
    assert split_thread("   ") == []


def test_split_prefers_sentence_boundaries() -> None:
    s1 = "A" * 150 + "."
    s2 = "B" * 150 + "."
    assert split_thread(f"{s1} {s2}") == [s1, s2]


# Text built to stress the fast path: light-range letters, the two emoji below U+10FF, dots between
# words (domains with and without real TLDs), schemes, "www", combining marks and line separators.
_light = st.characters(max_codepoint=0x10FF, exclude_categories=("Cs",))
_pieces = st.one_of(
    st.text(_light, max_size=12),
    st.sampled_from(["example.com", "x.org", "a.b", "e.g.", "done.Then", "пример.рф", "http://", "www.",
                     "://", "©", "®", "e\u0301", "\u2028", " ", ".", "..."]),
)


@settings(max_examples=400)
@given(st.lists(_pieces, max_size=12).map("".join))
@example("Primera línea\r\nsegunda\r\r\n\r")
def test_fast_path_agrees_with_twitter_text(text: str) -> None:
    from personamgr.core.text import _parser

    assert weighted_length(text) == _parser()(text).weightedLength


def _parser_count(text: str) -> int:
    """What twitter-text says of the whole text at once (the reference the line-by-line count must equal).
    The text as written: the parser counts a Windows line break as one already, and replacing them first
    made one of "\r\r\n" (a carriage return, then a Windows line break), counted 1 instead of 2."""
    from twitter_text import parse_tweet

    safe = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return int(parse_tweet(safe).weightedLength)


long_lines = st.lists(
    st.sampled_from(["word", "日本語の文章", "😀", "❤️", "👨‍👩‍👧", "🇩🇪", "https://example.com/p", "www.example.org",
                     "example.com", "\n", "\r\n", "\r", "\n\n", " ", "é", "e\u0301", "\u0301", "©", "a.b", "#tag",
                     "@user", "$AAPL", "x" * 300, "日" * 200]),
    min_size=1, max_size=300,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(long_lines)
@example("\r\r\n日本語の文章")
@example("x" * 1001 + "\r\r\n\r")
def test_a_long_text_counted_line_by_line_is_what_the_parser_says_of_the_whole(text: str) -> None:
    assert weighted_length(text) == _parser_count(text)


def test_a_long_pasted_text_is_counted_exactly() -> None:
    """A pasted 100,000-character Japanese text held the compose window 2.8 s a keystroke; it is counted line
    by line now, and must still be X's count."""
    text = "\n".join(f"第{i}段落。ギターの練習をしました 😀 https://example.com/{i}" for i in range(3000))
    assert len(text) > 100_000
    assert weighted_length(text) == _parser_count(text) == weighted_length(text + " x") - 2


def test_editing_a_long_pasted_line_keeps_only_the_last_versions_in_memory() -> None:
    """Every edit of a long line is a new line: remembering each version grew without bound."""
    from personamgr.core import text

    line = "guitar riffs and compost " * 400
    for i in range(20):
        assert weighted_length(f"{line}{i}\nsecond line") == len(line) + len(str(i)) + 1 + len("second line")
    assert text._long_line.cache_info().currsize <= 2
