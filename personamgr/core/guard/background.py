"""The guard's background posts (``model/background.txt``) and their topic sections.

Why sections: a persona declared in one line ("music, albums, concerts") is a thin anchor.
The background file doubles as a small hand-written topic knowledge base: ``# -- subject``
starts posts typical of that subject, and the scorer lends each persona the sections its
declared focus matches, as many soft examples (see ``scoring.py``). ``# ~~ name`` starts
posts that are only ordinary background (centring, calibration), not topic knowledge.
The same parser serves the build script (which embeds the lines into ``background.npz``)
and the guard at load, so rows and labels cannot drift apart.

``background-es.txt``, ``background-el.txt`` and ``background-ja.txt`` are the same posts written
in Spanish, Greek and Japanese, line for line under the same headers. MiniLM reads a Spanish or Greek
post through its English gloss (``multilingual.Reading``) against ordinary posts and topic knowledge
in the post's own language glossed the same way (``guard.py``), so each language has MiniLM's
vectors of its posts' gloss beside them (``background-es-gloss.npz``, ...). multilingual-e5 reads
the same files for its own vectors (``e5.py``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from personamgr.core.guard import model_files

TEXT_FILE = "background.txt"
VECTORS_FILE = "background.npz"  # int8 rows with a scale each, compressed: the guard's install budget


@dataclass(frozen=True)
class BackgroundText:
    """Posts in file order, each with its section index (-1: background only)."""

    posts: tuple[str, ...]
    labels: tuple[int, ...]
    sections: tuple[str, ...]


def parse(text: str) -> BackgroundText:
    posts: list[str] = []
    labels: list[int] = []
    sections: list[str] = []
    current = -1
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if s.startswith("# --"):
            name = s[4:].strip()
            if name not in sections:
                sections.append(name)
            current = sections.index(name)
        elif s.startswith("# ~~"):
            current = -1
        elif not s.startswith("#"):
            posts.append(s)
            labels.append(current)
    return BackgroundText(tuple(posts), tuple(labels), tuple(sections))


def text_file(language: str = "en") -> str:
    """The background file of a language: ``background.txt`` in English, ``background-xx.txt`` otherwise."""
    return TEXT_FILE if language == "en" else f"background-{language}.txt"


def vectors_file(language: str = "en") -> str:
    """MiniLM's vectors of a language's background posts: as written in English, through their gloss otherwise."""
    return VECTORS_FILE if language == "en" else f"background-{language}-gloss.npz"


def read(model_dir: Path, language: str = "en") -> BackgroundText:
    return parse(model_files.load_text(model_dir / text_file(language), "the guard's background posts file"))


def _vectors(data: bytes) -> np.ndarray:
    with np.load(io.BytesIO(data)) as z:
        return z["vectors"].astype(np.float32) * z["scale"].astype(np.float32)[:, None]


def load_vectors(path: Path, what: str) -> np.ndarray:
    """A vectors file's rows as float32 (``what`` names the file in the message for a missing or damaged one)."""
    return model_files.load(path, what, _vectors)


def load(model_dir: Path, language: str = "en") -> tuple[np.ndarray, np.ndarray]:
    """(vectors float32 (n, d), section labels int (n,)). Labels are all -1 if the text and vectors disagree
    (a hand-edited background.txt without a rebuild): the guard still works, without topic knowledge."""
    vecs = load_vectors(model_dir / vectors_file(language), "the guard's background vectors file")
    bt = read(model_dir, language)
    if len(bt.posts) != len(vecs):
        return vecs, np.full(len(vecs), -1, dtype=np.int32)
    return vecs, np.asarray(bt.labels, dtype=np.int32)


def save(path: Path, vectors: np.ndarray) -> None:
    """Rows as int8 with one scale each (cosine to the float rows > 0.9999), zip-compressed."""
    v = np.asarray(vectors, dtype=np.float32)
    scale = np.maximum(np.abs(v).max(axis=1), 1e-12) / 127.0
    q = np.clip(np.round(v / scale[:, None]), -127, 127).astype(np.int8)
    np.savez_compressed(path, vectors=q, scale=scale.astype(np.float32))
