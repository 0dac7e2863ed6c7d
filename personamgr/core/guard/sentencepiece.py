"""The SentencePiece unigram tokenizer of multilingual-e5 (XLM-RoBERTa's), in plain Python.

Why not the ``sentencepiece`` or ``tokenizers`` packages: the guard's install budget, and a post is
at most a few hundred characters. Why a unigram tokenizer matters here: it splits text in any
script by the same learned pieces, so Japanese, which has no spaces between words, is read as
well as Spanish or Greek (the word table has to guess Japanese word boundaries).

The shipped vocabulary is pruned (``scripts/build_multilingual_encoder.py``) to the pieces that
common words of the languages the guard judges need; a word made of pieces it lacks falls back to
smaller pieces, down to single characters, and a run of characters it lacks becomes one ``<unk>``. Pieces
never contain the word marker "▁" except at their start, so each word is segmented on its own
(and cached), which gives the same result as segmenting the whole text at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache

WORD = "\u2581"  # SentencePiece's word-start marker
_SPACES = re.compile(" {2,}")


class Unigram:
    """Text -> piece ids with ``<s>``/``</s>``. Read-only after construction, so safe across threads."""

    def __init__(self, pieces: Sequence[str], scores: Sequence[float], normalize: dict[str, str], *,
                 bos: int, eos: int, unk: int) -> None:
        self.index = {p: i for i, p in enumerate(pieces) if p}
        self.scores = [float(s) for s in scores]
        self.bos, self.eos, self.unk = bos, eos, unk
        self.unk_score = min(self.scores) - 10.0  # SentencePiece's penalty for an unknown character
        self.max_len = max(len(p) for p in pieces)
        self._norm = str.maketrans(normalize)
        self._word = lru_cache(maxsize=8192)(self._segment)

    @classmethod
    def from_json(cls, data: bytes | str) -> Unigram:
        d = json.loads(data)
        return cls(d["pieces"], d["scores"], d["normalize"], bos=d["bos"], eos=d["eos"], unk=d["unk"])

    def normalize(self, text: str) -> str:
        """NFKC-like per-character map (control characters dropped, all white space one space),
        runs of spaces collapsed, a leading space added, spaces as the word marker."""
        t = _SPACES.sub(" ", text.translate(self._norm))
        if not t.startswith(" "):
            t = " " + t
        return t.replace(" ", WORD)

    def encode(self, text: str, max_pieces: int) -> list[int]:
        """``<s>`` + at most ``max_pieces`` pieces of ``text`` + ``</s>``."""
        out: list[int] = []
        t = self.normalize(text)
        start = 0
        while start < len(t) and len(out) < max_pieces:
            end = t.find(WORD, start + 1)
            end = len(t) if end < 0 else end
            out.extend(self._word(t[start:end]))
            start = end
        return [self.bos, *out[:max_pieces], self.eos]

    def _segment(self, word: str) -> tuple[int, ...]:
        """Viterbi: the split of ``word`` into known pieces with the highest total score."""
        n = len(word)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)  # (start, piece id; -1 for an unknown character)
        index, scores, longest = self.index, self.scores, self.max_len
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, min(n, i + longest) + 1):
                j = index.get(word[i:e])
                if j is not None and j != self.unk and here + scores[j] > best[e]:
                    best[e] = here + scores[j]
                    back[e] = (i, j)
            if here + self.unk_score > best[i + 1]:
                best[i + 1] = here + self.unk_score
                back[i + 1] = (i, -1)
        ids: list[int] = []
        e = n
        while e > 0:
            i, j = back[e]
            if j >= 0 or not ids or ids[-1] != self.unk:  # a run of unknown characters is one <unk>
                ids.append(self.unk if j < 0 else j)
            e = i
        return tuple(reversed(ids))
