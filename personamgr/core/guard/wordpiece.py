"""BERT's uncased WordPiece tokenizer in plain Python, as all-MiniLM-L6-v2 uses it.

Why not the ``tokenizers`` package: it brings huggingface_hub and half a dozen
other packages (about 37 MB installed) to split a 280-character post into a
few dozen word pieces, and the guard must stay within its install budget. This
module reproduces the shipped ``tokenizer.json.gz`` exactly (BertNormalizer,
BertPreTokenizer, WordPiece, ``[CLS] $A [SEP]``, longest-first truncation); a
test checks it token for token against ``tokenizers`` on random and real text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

_CJK_RANGES = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
)
# Unassigned code points (Cn) are kept, as the original does: they make their word [UNK].
_OTHER = frozenset({"Cc", "Cf", "Cs", "Co"})


def _is_cjk(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def _is_bert_whitespace(ch: str) -> bool:
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_control(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch) in _OTHER


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


@lru_cache(maxsize=4096)
def _normalize_char(ch: str) -> str:
    """One character through clean_text, chinese chars, strip accents and lowercase, in that order."""
    cp = ord(ch)
    if cp in {0, 0xFFFD} or _is_control(ch):
        return ""
    if _is_bert_whitespace(ch):
        return " "
    if _is_cjk(cp):
        return f" {ch} "
    stripped = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
    return "".join(c.lower() for c in stripped)  # per character: no final-sigma rule, as in the Rust original


def normalize(text: str) -> str:
    return "".join(_normalize_char(ch) for ch in text)


def pre_tokenize(text: str) -> list[str]:
    """Split on (Unicode) white space, and make every punctuation character a word of its own."""
    words: list[str] = []
    for chunk in text.split():
        start = 0
        for i, ch in enumerate(chunk):
            if _is_punctuation(ch):
                if i > start:
                    words.append(chunk[start:i])
                words.append(ch)
                start = i + 1
        if start < len(chunk):
            words.append(chunk[start:])
    return words


class WordPiece:
    def __init__(self, vocab: dict[str, int], *, unk: str = "[UNK]", prefix: str = "##",
                 max_chars: int = 100, cls: str = "[CLS]", sep: str = "[SEP]",
                 added: dict[str, int] | None = None) -> None:
        self.vocab = vocab
        # Added (special) tokens typed in the text, such as "[UNK]", are matched as they are, before normalising.
        self.added = added or {}
        self._added_re = (re.compile("(" + "|".join(map(re.escape, sorted(self.added, key=len, reverse=True))) + ")")
                          if self.added else None)
        self.unk_id = vocab[unk]
        self.cls_id = vocab[cls]
        self.sep_id = vocab[sep]
        self.prefix = prefix
        self.max_chars = max_chars
        self._word = lru_cache(maxsize=50_000)(self._word_ids)

    @classmethod
    def from_json(cls, raw: bytes) -> WordPiece:
        """From a ``tokenizers`` tokenizer.json's bytes."""
        spec = json.loads(raw.decode("utf-8"))
        model = spec["model"]
        if model.get("type") != "WordPiece" or spec["normalizer"].get("type") != "BertNormalizer":
            raise ValueError("not a BERT WordPiece tokenizer")
        added = {t["content"]: t["id"] for t in spec.get("added_tokens", []) if not t.get("normalized", True)}
        return cls(model["vocab"], unk=model["unk_token"], prefix=model["continuing_subword_prefix"],
                   max_chars=model["max_input_chars_per_word"], added=added)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        if len(word) > self.max_chars:
            return (self.unk_id,)
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk_id,)
            ids.append(found)
            start = end
        return tuple(ids)

    def encode(self, text: str, max_length: int) -> list[int]:
        """``[CLS]`` + word pieces + ``[SEP]``, at most ``max_length`` ids in all."""
        budget = max_length - 2
        ids: list[int] = [self.cls_id]
        pieces = self._added_re.split(text) if self._added_re else [text]
        for i, piece in enumerate(pieces):
            if i % 2:  # a special token, as typed
                ids.append(self.added[piece])
            else:
                for word in pre_tokenize(normalize(piece)):
                    ids.extend(self._word(word))
            if len(ids) - 1 >= budget:
                del ids[budget + 1:]
                break
        ids.append(self.sep_id)
        return ids
