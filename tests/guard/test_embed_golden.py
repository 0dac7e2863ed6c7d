"""The shipped model, run by the installed onnxruntime, still gives the vectors the guard was tuned on.

The guard's thresholds are calibrated on these embeddings. A different onnxruntime build, a damaged
model file or a tokenizer change would shift every score silently; this catches it. The reference
vectors were made with ``Embedder`` itself (onnxruntime 1.25.1; 1.20 and 1.31 agree to 4 decimals).
If the model is rebuilt on purpose, regenerate ``data/golden_vectors.npz`` the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from personamgr.core.guard.e5 import Encoder
from personamgr.core.guard.embed import Embedder

GOLDEN = Path(__file__).parent / "data" / "golden_vectors.npz"
GOLDEN_E5 = Path(__file__).parent / "data" / "golden_e5_vectors.npz"  # scripts/build_multilingual_encoder.py


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder.load()


@pytest.mark.parametrize(("load", "golden"), [(Embedder.load, GOLDEN), (Encoder.load, GOLDEN_E5)], ids=["minilm", "e5"])
def test_vectors_match_the_reference(load: Callable[[], Embedder | Encoder], golden: Path) -> None:
    """Each shipped encoder gives the vectors its build script recorded (the graph, the weights and the
    tokenizer read together as they were written)."""
    ref = np.load(golden)
    texts = [str(t) for t in ref["texts"]]
    want = ref["vectors"].astype(np.float32)
    got = load().embed_many(texts)
    cos = (got * want).sum(axis=1) / np.linalg.norm(got, axis=1) / np.linalg.norm(want, axis=1)
    assert cos.min() > 0.995, dict(zip(texts, cos.round(4), strict=True))


def test_related_texts_are_closer_than_unrelated(embedder: Embedder) -> None:
    """A semantic sanity check that does not depend on stored numbers."""
    guitar, guitar2, economy = embedder.embed_many(
        ["I love playing my electric guitar", "My guitar is my favourite thing in the world",
         "The economy shrank by two percent last quarter"]
    )
    assert float(guitar @ guitar2) > float(guitar @ economy) + 0.4
