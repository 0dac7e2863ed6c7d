"""Naming the language of a Latin-script post the guard cannot read: Dutch, German, Italian, Polish, ...

Why: ``lang.py``'s guess only has to tell English and Spanish from the rest, so a Dutch post was read as
Spanish (and told "too few words of Spanish"), an Italian one was called French, and a German one was
judged as English. Each language's most common words (``common-words.txt``, from wordfreq, built by
``scripts/build_common_words.py``) name the language when a post holds at least ``MIN_HITS`` of them and
at least twice as many as of English's or Spanish's. On the guard's English and Spanish background posts and
on the English and Spanish development tweets this renames none (bench/README.md), so posts the guard
reads keep their reading. Catalan shares most of its common words with Spanish, so it is told from Spanish by
the words only one of the two lists has (``CLOSE``); that renames none of the Spanish background or check posts
either (tests/guard/test_common_words.py).
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

from personamgr.core.guard import model_files
from personamgr.core.guard.lang import MIN_WORDS, guess_language, post_words

FILE = "common-words.txt"
MODEL_DIR = Path(__file__).resolve().parent / "model"
MIN_HITS = 3  # with 2, a few English posts were renamed ("The metaverse hype faded fast": German)
READ = ("en", "es")  # what a Latin-script post is read as: the two it is compared with
# the guesses this names anew: a script's language (Greek, Japanese, Russian, ...) is already certain
LATIN_GUESSES = ("en", "es", "fr", "pt", "other")
# Letters only these languages write (of those in the file): each found counts as two of their words. Why: a
# Turkish or Polish post is made of long inflected words, few of which are on any list of common words.
MARKS = {"ı": ("tr",), "ğ": ("tr",), "ł": ("pl",), "ś": ("pl",), "ż": ("pl",), "ř": ("cs",), "ů": ("cs",),
         "ě": ("cs",), "ș": ("ro",), "ț": ("ro",), "æ": ("da", "nb"), "ø": ("da", "nb")}
MARK_HITS = 2
# A listed language that shares most of its common words with one the guard reads (Catalan's "de la que el en
# a no un les una del al" are Spanish's too): a post in it holds many of the read one's words, so it never held
# twice as many of its own. Between the two, only the words one list has and the other lacks are counted
# (Catalan's amb, què, però, això, aquest, molt, els, seva, també, perquè, l' and d'; Spanish's con, qué, pero,
# eso, este, mucho, los, su, porque).
CLOSE = {"ca": "es"}


class CommonWords:
    """Word -> the languages whose most common words hold it. Read-only after load: safe across threads."""

    def __init__(self, lists: dict[str, list[str]]) -> None:
        index: dict[str, list[str]] = {}
        for code, words in lists.items():
            for w in words:
                index.setdefault(w, []).append(code)
        self.index = {w: tuple(codes) for w, codes in index.items()}
        self.languages = tuple(lists)

    @classmethod
    def load(cls, model_dir: Path) -> CommonWords:
        return cls(model_files.load(model_dir / FILE, "the guard's common-words list",
                                    lambda data: parse(data.decode("utf-8"))))

    def name(self, text: str, guess: str) -> str:
        """The language of ``text``: ``guess`` (lang.py's), or the Latin-script language its words name."""
        if guess not in LATIN_GUESSES:
            return guess
        words = post_words(text)
        if len(words) < MIN_WORDS:
            return guess
        hits: Counter[str] = Counter()
        for w in words:
            hits.update(self.index.get(w, ()))
        for mark in set(text.casefold()).intersection(MARKS):
            for code in MARKS[mark]:
                hits[code] += MARK_HITS
        read = max(hits[c] for c in READ)
        best = max((c for c in hits if c not in READ), key=lambda c: hits[c], default=None)
        if best is None or hits[best] < MIN_HITS:
            return guess
        if hits[best] >= 2 * read:
            return best
        near = CLOSE.get(best)
        if near is not None and hits[best] >= 2 * max(hits[c] for c in READ if c != near):
            own = sum(best in codes and near not in codes for codes in map(self.codes, words))
            theirs = sum(near in codes and best not in codes for codes in map(self.codes, words))
            if own >= MIN_HITS and own >= 2 * theirs:
                return best
        return guess

    def codes(self, word: str) -> tuple[str, ...]:
        """The languages whose common words hold ``word``."""
        return self.index.get(word, ())


def language_of(text: str, common: CommonWords | None) -> str:
    """The language of ``text`` as the guard names it: lang.py's guess, then the Latin-script language ``common``'s
    words name. The one function for a post (``Guard.check``) and a persona's focus (``languages``), so a focus in
    Dutch is Dutch in the persona editor as a post in Dutch is in the meter. Without the list: lang.py's guess."""
    guess = guess_language(text)
    return common.name(text, guess) if common is not None else guess


_shared: dict[Path, CommonWords] = {}
_shared_lock = threading.Lock()


def shared(model_dir: Path = MODEL_DIR) -> CommonWords:
    """The list, read once per process (30 kB, a few ms: bench/README.md, "naming a focus's language"). The
    persona editor reads it on a worker and names focuses with :func:`loaded` on the window's thread."""
    with _shared_lock:
        common = _shared.get(model_dir)
        if common is None:
            common = _shared[model_dir] = CommonWords.load(model_dir)
        return common


def loaded(model_dir: Path = MODEL_DIR) -> CommonWords | None:
    """The shared list if it has been read, without reading it (safe on the window's thread)."""
    return _shared.get(model_dir)


def parse(text: str) -> dict[str, list[str]]:
    """``code<TAB>word word ...`` lines; ``#`` starts a comment line."""
    lists: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, words = line.partition("\t")
        if not words:
            raise ValueError(f"no words for {code!r}")
        lists[code.strip()] = words.split()
    if not set(READ) <= set(lists):
        raise ValueError("English or Spanish is missing")
    return lists
