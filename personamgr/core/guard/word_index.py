"""Compact read-only word lists and word -> row maps for the guard's word table.

Why: the table holds about 100,000 words, and as Python objects (a ``str`` per word, a ``dict`` of words and
their unaccented spellings) they took about 20 MB beside the 18 MB of the vectors themselves
(bench/README.md, "The guard's memory"). Here the words are one UTF-8 blob with their offsets (a few bytes a
word), and the map is an open-addressing hash table of arrays over that blob: a lookup hashes the word with
Python's own ``hash`` and compares at most a few stored hashes, then the bytes, so it stays exact and nearly
as fast as a ``dict``.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import overload

import numpy as np

_SEP = 10  # b"\n": no word holds one (the table's words are split on it)


class Words(Sequence[str]):
    """Strings as one newline-separated UTF-8 blob and where each starts."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == _SEP)
        # word i is blob[starts[i]:starts[i + 1] - 1] (the blob ends without a separator)
        starts = np.concatenate([[0], ends + 1, [len(blob) + 1]])
        self._starts = array("q", starts.astype(np.int64).tobytes())

    @classmethod
    def of(cls, words: Sequence[str]) -> Words:
        out = cls("\n".join(words).encode("utf-8"))
        if not words:  # the empty blob is one empty word, unless there are none
            del out._starts[1:]
        return out

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self.encoded(i).decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        """All the words, decoded at once (a Python object each, while the iteration lasts)."""
        return iter(self._blob.decode("utf-8").split("\n") if len(self) else ())

    def encoded(self, i: int) -> bytes:
        s = self._starts
        if i < 0:
            i += len(s) - 1
        return self._blob[s[i]:s[i + 1] - 1]

    @property
    def nbytes(self) -> int:
        return len(self._blob) + self._starts.itemsize * len(self._starts)


class WordIndex(Mapping[str, int]):
    """A read-only ``{word: row}`` for many words, in arrays instead of Python objects.

    Built in the process that uses it: Python salts ``hash`` per process, so the table cannot be shipped."""

    def __init__(self, items: Mapping[str, int]) -> None:
        keys = list(items)
        self._keys = Words.of(keys)
        self._values = array("i", np.fromiter(items.values(), dtype=np.int32, count=len(keys)).tobytes())
        hashes = np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys))
        self._hashes = array("q", hashes.tobytes())
        size = 1 << max(3, (2 * len(keys)).bit_length())  # at most half full: a lookup probes 1-2 slots
        self._mask = size - 1
        self._slots = array("i", _open_addressing(hashes, size).tobytes())

    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        h = hash(word)
        slots, hashes, mask = self._slots, self._hashes, self._mask
        s = h & mask
        while (k := slots[s]) >= 0:
            if hashes[k] == h and self._keys.encoded(k) == word.encode("utf-8", "surrogatepass"):
                return self._values[k]
            s = (s + 1) & mask
        return default

    def __getitem__(self, word: str) -> int:
        i = self.get(word)
        if i is None:
            raise KeyError(word)
        return i

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def nbytes(self) -> int:
        return self._keys.nbytes + sum(a.itemsize * len(a) for a in (self._values, self._hashes, self._slots))


def _open_addressing(hashes: np.ndarray, size: int) -> np.ndarray:
    """Slots of a linear-probing hash table (-1: empty) holding key k at the first slot from ``hashes[k] & (size
    - 1)`` on that was free, as ``WordIndex.get`` probes. Filled a probe step at a time for all keys at once:
    where several keys want one free slot, the first takes it and the others go on to the next slot."""
    mask = size - 1
    slots = np.full(size, -1, dtype=np.int32)
    pos = hashes & mask
    pending = np.arange(len(hashes))
    while len(pending):
        want = pos[pending]
        free = slots[want] < 0
        taken, first = np.unique(want[free], return_index=True)
        slots[taken] = pending[free][first]
        placed = np.zeros(len(hashes), dtype=bool)
        placed[pending[free][first]] = True
        pending = pending[~placed[pending]]
        pos[pending] = (pos[pending] + 1) & mask
    return slots
