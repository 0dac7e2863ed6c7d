"""How the word table reads what it cannot look up word by word: Japanese runs, Greek inflections, and
hashtags written as one word.

Why Japanese needs a path search: it is written without spaces, and the table's Japanese words are
wordfreq's (MeCab's) morphemes. Taking the longest known word first goes wrong where a short word
is followed by a longer one: 午後はずっと ("all afternoon") read as 午後 | はず | っと ("expected" and
a fragment). The most probable split under the words' own frequencies (unigram Viterbi, what MeCab
does with more features) reads 午後 | は | ずっと.

Why a hashtag needs a split: people write it as one lowercase run (#realmadrid, #lacasadelosfamosos,
#gardeningtips), which no word list holds, so its words, often the post's topic, were lost; it is cut into
known words by the same kind of search, over the table's words of every language.

Why Greek needs endings: a noun has up to eight forms and a verb dozens, and the table holds only
the forms among Greek's 30,000 most frequent words. The longest known prefix of a missing form
often lands on an unrelated word (μουσακάς, moussaka, became μούσα, a muse). Cutting the form's
inflectional ending off and taking the most frequent known word made of that stem and a Greek
ending finds another form of the same word, or nothing.
"""

from __future__ import annotations

import math
import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence

import numpy as np

from personamgr.core.guard.word_index import WordIndex

# Inflectional endings of Greek nouns, adjectives, verbs and participles, unaccented, with final
# sigma as σ (the table's spelling: wordfreq folds ς to σ, and so does casefold()). No -μα: σύνταγμα
# (a constitution) is no form of συνταγή (a recipe).
_NOMINAL = (
    "α ας ες ων ο ου οι ους ος ε η ης εις ι ια ιου ιων ιες ιας υ εως "
    "ικο ικη ικα ικος ικου ικης ικων ικοι ικες ικους ιδα ιδες ιδων αδα αδες αδων ηδες ουδες "
    "οτερος οτερη οτερο υτερος ωτατος "
    "ακι ακια ακο ακος ακη ουλα ουλης ουλι ουλια ιτσα ιτσες"  # diminutives: σκυλίτσα, a little σκύλος
)
_VERBAL = (  # present, past and future, active and passive, and participles
    "ω ει ουμε ετε ουν ουνε αμε ατε αν ανε ομαι εσαι εται ομαστε εστε ονται οταν ονταν αω αει ουσα "
    "ουσες ουσε ουσαμε ουσατε ουσαν ιεμαι ιεται ιουνται ηκα ηκες ηκε ηκαμε ηκατε ηκαν ηθηκα ηθηκε "
    "ηθηκαν ηθηκαμε ηθει ηθουν ησω ησεις ησει ησουμε ησετε ησουν ησα ησες ησε ησαμε ησατε ησαν "
    "σω σεις σει σουμε σετε σουν σα σες σε σαμε σατε σαν ξω ξει ξα ξε ψω ψει ψα ψε οντας ωντας "
    "μενος μενη μενο μενοι μενες μενα μενων μενου μενης μενους ημενος ημενη ημενο ημενα ωμενος ωμενη ωμενο"
)
_ENDINGS = frozenset(e.replace("ς", "σ") for e in f"{_NOMINAL} {_VERBAL}".split())
_LONGEST_ENDING = max(map(len, _ENDINGS))
_MIN_STEM = 3


def greek_stems(plain: str) -> list[str]:
    """``plain`` (casefolded, unaccented) without each Greek ending it has, the longest stem first;
    a stem keeps at least three letters."""
    return [plain[:-n] for n in range(1, min(_LONGEST_ENDING, len(plain) - _MIN_STEM) + 1)
            if plain[-n:] in _ENDINGS]


def is_greek(word: str) -> bool:
    return "\u0370" <= word[0] <= "\u03ff" or "\u1f00" <= word[0] <= "\u1fff"


class GreekForms:
    """The table's Greek words, unaccented and sorted, so that the words sharing a stem are one range."""

    def __init__(self, plain: Sequence[str], ids: Sequence[int], freq: np.ndarray) -> None:
        """``plain``: sorted unaccented words; ``ids``: their rows in the table; ``freq``: every row's frequency."""
        self.plain = plain
        self.ids = ids
        self.freq = freq

    def lemma(self, plain: str) -> int | None:
        """Another form of the word ``plain`` (casefolded, unaccented): the most frequent known word made of
        its longest stem that one shares and a Greek ending; None when no known word shares a stem."""
        for stem in greek_stems(plain):
            best: int | None = None
            k = bisect_left(self.plain, stem)
            while k < len(self.plain) and self.plain[k].startswith(stem):
                rest, i = self.plain[k][len(stem):], self.ids[k]
                if rest in _ENDINGS and (best is None or self.freq[i] > self.freq[best]):
                    best = i
                k += 1
            if best is not None:
                return best
        return None


_LONGEST_PIECE = 24
# A piece of two or three letters must be a function word (frequency >= 1e-3, as the gloss map counts them:
# "la", "de", "los"): short rare words are mostly abbreviations and fragments of names, and would cut any name
# into pieces (#Kenobi: ken obi, #nfts: nf ts).
_SHORT_PIECE = 4
_SHORT_PIECE_COST = -math.log(1e-3)


def split_run(run: str, row: Callable[[str], int | None], cost: Sequence[float]) -> list[str] | None:
    """The most probable split of a run of letters into known words, each costing -log(frequency) (``cost``
    by row): words of four letters or more, or shorter function words. None when no split covers it all."""
    n = len(run)
    best = [0.0] + [math.inf] * n  # best[e]: the cheapest split of run[:e]
    start = [0] * (n + 1)
    for s in range(n):
        if best[s] == math.inf:
            continue
        for e in range(s + 2, min(n, s + _LONGEST_PIECE) + 1):
            i = row(run[s:e])
            if i is None or (e - s < _SHORT_PIECE and cost[i] > _SHORT_PIECE_COST):
                continue
            if best[s] + cost[i] < best[e]:
                best[e], start[e] = best[s] + cost[i], s
    if best[n] == math.inf:
        return None
    words: list[str] = []
    e = n
    while e > 0:
        words.append(run[start[e]:e])
        e = start[e]
    return words[::-1]


# kana, kanji, and the marks written inside kanji words: 々 repeats the kanji before it (色々, 人々, 佐々木), 〆 and 〇
_JAPANESE = "\u3005-\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SCRIPT_RUN = re.compile(f"[{_JAPANESE}]+|[^{_JAPANESE}]+")


def script_runs(run: str) -> list[str]:
    """A run of letters cut where it changes between Japanese and another script ("snsマーケティング")."""
    return _SCRIPT_RUN.findall(run)


_KATAKANA_RUN = re.compile("[\u30a0-\u30ff]{2,}")


class JapaneseWords:
    """The table's Japanese words with every prefix of each, so that a split tries only the substrings that
    can still become a word (a few per character, where a bound on length alone tried a dozen)."""

    def __init__(self, words: list[tuple[str, int]], freq: np.ndarray) -> None:
        """``words``: (word, row in the table); ``freq``: every row's frequency."""
        rows: dict[str, int] = {}  # a word's row, or -1 for a prefix that is no word
        for w, i in words:
            for k in range(1, len(w)):
                rows.setdefault(w[:k], -1)
            rows[w] = i
        self.rows = WordIndex(rows)
        # -log frequency: the split's cost per word, by row (an array: a float per row, no objects)
        cost = -np.log(np.maximum(freq.astype(np.float64), 1e-9))
        self.cost = array("d", cost.tobytes())
        # a character no word covers costs more than any word, so a known word is always preferred
        self.unknown = float(cost[[i for _, i in words]].max(initial=0.0)) + 1.0

    def segment(self, run: str) -> list[tuple[int, int, int | None]]:
        """The most probable split of a Japanese run into words: each costs -log(frequency), a character
        no word covers ``unknown``. Returns (start, end, row) in order, row None for an uncovered character."""
        n = len(run)
        best = [0.0] + [math.inf] * n  # best[e]: the cheapest split of run[:e]
        start = [0] * (n + 1)
        row: list[int | None] = [None] * (n + 1)
        rows, cost = self.rows, self.cost
        for s in range(n):
            here = best[s]
            if here + self.unknown < best[s + 1]:
                best[s + 1], start[s + 1], row[s + 1] = here + self.unknown, s, None
            for e in range(s + 1, n + 1):
                i = rows.get(run[s:e])
                if i is None:
                    break
                if i >= 0 and here + cost[i] < best[e]:
                    best[e], start[e], row[e] = here + cost[i], s, i
        spans: list[tuple[int, int, int | None]] = []
        e = n
        while e > 0:
            spans.append((start[e], e, row[e]))
            e = start[e]
        spans.reverse()
        return spans

    def read(self, run: str) -> list[int | None]:
        """The words of a Japanese run (``segment``), None for each part no word covers. A stretch of
        katakana that the split leaves partly uncovered is one unknown word: a loanword the list lacks,
        whose pieces that happen to be words are not its meaning (ポッドキャスト, a podcast, is no
        キャスト, a cast). A loanword the list splits whole is kept (スタートアップ: スタート | アップ)."""
        spans = self.segment(run)
        if all(r is not None for _, _, r in spans):
            return [r for _, _, r in spans]
        unknown_runs = [m.span() for m in _KATAKANA_RUN.finditer(run)
                        if any(r is None and m.start() <= s < m.end() for s, _, r in spans)]
        words: list[int | None] = []
        for s, e, r in spans:
            whole = next(((a, b) for a, b in unknown_runs if a <= s and e <= b), None)
            if whole is None:
                words.append(r)
            elif s == whole[0]:
                words.append(None)
        return words

