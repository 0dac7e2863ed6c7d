"""Sentence embeddings from the shipped int8 MiniLM, through onnxruntime (no PyTorch).

onnxruntime is imported here, lazily, so that importing the guard package (for
its types) costs nothing until a model is actually loaded. Word pieces come from
:mod:`wordpiece`, which reproduces the shipped tokenizer (tokenizer.json.gz) without the
``tokenizers`` package and its dependencies.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from personamgr.core.guard import model_files
from personamgr.core.guard.wordpiece import WordPiece

MODEL_DIR = Path(__file__).resolve().parent / "model"
# zlib-compressed: its int8 weights use few levels, so they take ~14 MB on disk instead of 23 MB
# (scripts/build_guard_model.py); inflating them takes 0.1-0.3 s, on a thread beside the rest of Guard.load.
MODEL_FILE = "minilm-int8.onnx.z"
TOKENIZER_FILE = "tokenizer.json.gz"
POSITIONS = 128  # position embeddings the shipped model keeps
# Posts are short; 48 word pieces cover almost every post and bound the worst-case latency
# of one check. Never more than the model's positions.
MAX_TOKENS = min(int(os.environ.get("PERSONAMGR_GUARD_MAX_TOKENS", "48")), POSITIONS)
DIM = 384


class Embedder:
    """Text -> unit-length 384-d vector. Thread-safe: onnxruntime sessions may be shared."""

    def __init__(self, session: Any, tokenizer: WordPiece) -> None:
        self._session = session
        self._tok = tokenizer

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR, threads: int | None = None) -> Embedder:
        # onnxruntime ships Microsoft telemetry that writes a device id under ~/.cache and would report
        # usage; a desktop app must not phone home, and --data-dir must keep every file inside DIR.
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"
        import onnxruntime as ort

        tok = model_files.load(model_dir / TOKENIZER_FILE, "the guard's tokenizer",
                               lambda data: WordPiece.from_json(gzip.decompress(data)))
        opts = ort.SessionOptions()
        # Two threads at most: they halve a check's latency on a 2-core machine; more only contend.
        opts.intra_op_num_threads = threads or int(os.environ.get("PERSONAMGR_GUARD_THREADS", "2"))
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Threads sleep between posts instead of spinning: the machine is shared with the GUI and other apps.
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.enable_cpu_mem_arena = False  # keeps peak RSS low; costs little at batch size 1
        opts.log_severity_level = 3
        model = model_files.load(model_dir / MODEL_FILE, "the guard's model file", zlib.decompress)
        sess = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
        return cls(sess, tok)

    def embed(self, text: str) -> np.ndarray:
        return self.embed_many([text])[0]

    def embed_many(self, texts: Sequence[str], batch: int = 16) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(texts), batch):
            chunk = [_clean(t) for t in texts[start:start + batch]]
            encs = [self._tok.encode(t, MAX_TOKENS) for t in chunk]
            width = max(len(e) for e in encs)
            ids = np.zeros((len(encs), width), dtype=np.int64)
            mask = np.zeros((len(encs), width), dtype=np.int64)
            for i, e in enumerate(encs):
                ids[i, : len(e)] = e
                mask[i, : len(e)] = 1
            (vecs,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
            out[start:start + len(chunk)] = vecs
        return out


def _clean(text: str) -> str:
    """Text the tokenizer accepts: lone surrogates replaced, never empty."""
    safe = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return safe if safe.strip() else "."
