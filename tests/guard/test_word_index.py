"""The word table's compact maps (``word_index``) answer exactly as the dicts they replace: every word, every
unaccented spelling, every Japanese word and prefix, the Greek forms, and nothing else."""

from __future__ import annotations

import io
import unicodedata

import numpy as np
import pytest

from personamgr.core.guard.embed import MODEL_DIR
from personamgr.core.guard.multilingual import TABLE_FILE, WordTable, _is_cjk
from personamgr.core.guard.word_index import WordIndex, Words


@pytest.fixture(scope="module")
def table() -> WordTable:
    return WordTable.load(MODEL_DIR)


@pytest.fixture(scope="module")
def words() -> list[str]:
    with np.load(io.BytesIO((MODEL_DIR / TABLE_FILE).read_bytes())) as z:
        return bytes(z["words"]).decode("utf-8").split("\n")


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _japanese(word: str) -> bool:
    return _is_cjk(word[0])


def test_every_word_and_unaccented_spelling_finds_the_row_the_dict_found(table: WordTable, words: list[str]) -> None:
    """What the dict held: each word's first row; for a non-ASCII word not in Japanese, its unaccented spelling
    (when no word is spelt so, the first word that has it); no katakana letter alone."""
    expected: dict[str, int] = {}
    for i, w in enumerate(words):
        expected.setdefault(w, i)
    for i, w in enumerate(words):
        if not w.isascii() and not _japanese(w):
            expected.setdefault(_plain(w), i)
    expected = {w: i for w, i in expected.items() if not (len(w) == 1 and "\u30a0" <= w <= "\u30ff")}
    assert len(table.index) == len(expected) > 120_000
    assert {w: table.index.get(w) for w in expected} == expected
    assert dict(table.index.items()) == expected
    assert [table.lookup(w) for w in ("τραγουδι", "cancion")] == [expected["τραγουδι"], expected["cancion"]]
    misses = [w + "q" for w in words[:2000]] + [w[:-1] + "\u0301" for w in words[-500:]] + ["", "\ud800", "リ"]
    assert [w for w in misses if w not in expected and table.index.get(w) is not None] == []


def test_japanese_words_and_their_prefixes_are_the_splits_vocabulary(table: WordTable, words: list[str]) -> None:
    expected: dict[str, int] = {}
    for i, w in enumerate(words):
        if _japanese(w) and not (len(w) == 1 and "\u30a0" <= w <= "\u30ff"):
            for k in range(1, len(w)):
                expected.setdefault(w[:k], -1)
            expected[w] = i  # a word listed twice reads as its last row, as before
    rows = table.japanese.rows
    assert len(rows) == len(expected) > 30_000
    assert {w: rows.get(w) for w in expected} == expected
    assert rows.get("ギターx") is None and rows.get("guitar") is None


def test_greek_forms_are_the_unaccented_greek_words_in_order(table: WordTable, words: list[str]) -> None:
    greek = sorted((_plain(w), i) for i, w in enumerate(words) if "\u0370" <= w[0] <= "\u03ff" or
                   "\u1f00" <= w[0] <= "\u1fff")
    assert list(table.greek.plain) == [p for p, _ in greek]
    assert list(table.greek.ids) == [i for _, i in greek]


def test_the_words_are_the_table_rows(table: WordTable, words: list[str]) -> None:
    assert len(table.words) == len(words) and list(table.words) == words
    assert [table.words[i] for i in (0, 1, len(words) // 2, len(words) - 1)] == [
        words[0], words[1], words[len(words) // 2], words[-1]]
    assert table.words[-1] == words[-1] and table.words[2:5] == words[2:5]


def test_a_small_index_with_colliding_hashes() -> None:
    keys = {f"w{i}": i * 7 for i in range(1000)} | {"": 5, "ñandú": 9, "日本": 3}
    index = WordIndex(keys)
    assert len(index) == len(keys) and {k: index[k] for k in keys} == keys
    assert index.get("w1000") is None and "w-1" not in index and 3 not in index
    with pytest.raises(KeyError):
        index["nandu"]
    assert list(WordIndex({})) == [] and WordIndex({}).get("a") is None


@pytest.mark.parametrize("strings", [[], [""], ["", ""], ["a", "", "ß"], ["κιθάρα", "ギター"]])
def test_words_keep_every_string_even_empty_ones(strings: list[str]) -> None:
    w = Words.of(strings)
    assert len(w) == len(strings) and list(w) == strings and [w[i] for i in range(len(w))] == strings
