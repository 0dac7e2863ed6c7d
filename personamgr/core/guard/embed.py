"""Sentence embeddings from the shipped int8 MiniLM, through onnxruntime (no PyTorch).

onnxruntime is imported here, lazily, so that importing the guard package (for
its types) costs nothing until a model is actually loaded. Word pieces come from
:mod:`wordpiece`, which reproduces the shipped tokenizer (tokenizer.json.gz) without the
``tokenizers`` package and its dependencies.
"""

from __future__ import annotations

import gzip
import os
import tempfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from personamgr.core.guard import model_files
from personamgr.core.guard.scoring import reads_everyday_once
from personamgr.core.guard.wordpiece import WordPiece

MODEL_DIR = Path(__file__).resolve().parent / "model"
# zlib-compressed: its int8 weights use few levels, so they take ~14 MB on disk instead of 23 MB
# (scripts/build_guard_model.py); inflating them takes 0.1-0.3 s, on a thread beside the rest of Guard.load.
MODEL_FILE = "minilm-int8.onnx.z"
TOKENIZER_FILE = "tokenizer.json.gz"
POSITIONS = 128  # position embeddings the shipped model keeps
# Posts are short; 48 word pieces cover almost every post and bound the worst-case latency
# of one check (within the model's POSITIONS).
MAX_TOKENS = 48
DIM = 384


class Embedder:
    """Text -> unit-length 384-d vector. Thread-safe: onnxruntime sessions may be shared."""

    def __init__(self, session: Any, tokenizer: WordPiece) -> None:
        self._session = session
        self._tok = tokenizer

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR) -> Embedder:
        ort = onnxruntime()
        tok = model_files.load(model_dir / TOKENIZER_FILE, "the guard's tokenizer",
                               lambda data: WordPiece.from_json(gzip.decompress(data)))
        sess = session(ort, model_dir / MODEL_FILE, "the guard's model file", session_options(ort))
        return cls(sess, tok)

    def embed(self, text: str) -> np.ndarray:
        return self.embed_many([text])[0]

    @reads_everyday_once
    def embed_many(self, texts: Sequence[str], batch: int = 16) -> np.ndarray:
        return embed_in_batches(self._session, lambda t: self._tok.encode(safe_text(t), MAX_TOKENS), texts, batch)


def embed_in_batches(session: Any, encode: Callable[[str], Sequence[int]], texts: Sequence[str],
                     batch: int) -> np.ndarray:
    """Each text's unit vector from an encoder graph (ids and attention mask in, pooled vectors out), ``batch``
    texts a run, each run padded to its longest text only: short posts do not pay for a long one elsewhere."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for start in range(0, len(texts), batch):
        encs = [encode(t) for t in texts[start:start + batch]]
        width = max(len(e) for e in encs)
        ids = np.zeros((len(encs), width), dtype=np.int64)
        mask = np.zeros((len(encs), width), dtype=np.int64)
        for i, e in enumerate(encs):
            ids[i, : len(e)] = e
            mask[i, : len(e)] = 1
        (vecs,) = session.run(None, {"input_ids": ids, "attention_mask": mask})
        out[start:start + len(encs)] = vecs
    return out


def onnxruntime() -> Any:
    """The onnxruntime module, imported here, lazily, with its telemetry off."""
    # onnxruntime ships Microsoft telemetry that writes a device id under ~/.cache and would report
    # usage; a desktop app must not phone home, and --data-dir must keep every file inside DIR.
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    import onnxruntime as ort

    return ort


def session_options(ort: Any) -> Any:
    """onnxruntime's options for the guard's models: few threads, no spinning, a small memory footprint."""
    opts = ort.SessionOptions()
    # Two threads at most: they halve a check's latency on a 2-core machine; more only contend.
    opts.intra_op_num_threads = int(os.environ.get("PERSONAMGR_GUARD_THREADS", "2"))
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Threads sleep between posts instead of spinning: the machine is shared with the GUI and other apps.
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.enable_cpu_mem_arena = False  # keeps peak RSS low; costs little at batch size 1
    opts.log_severity_level = 3
    return opts


def session(ort: Any, path: Path, what: str, opts: Any) -> Any:
    """An onnxruntime session for the zlib-compressed graph at ``path``, inflated into a temporary file.

    Why a file: handed the graph as bytes, onnxruntime stays about 20 MB larger after load than when it
    reads the same graph from a file, and the inflated graph never sits in Python's memory (bench/README.md,
    "onnxruntime's memory"). Where no temporary file can be written, it gets the bytes, as before."""
    data = model_files.read_bytes(path, what)
    try:
        try:
            with tempfile.TemporaryDirectory(prefix="personamgr-") as tmp:
                graph = Path(tmp) / "model.onnx"
                _inflate(data, graph)
                return _session(ort, path, what, str(graph), opts)
        except OSError:  # no temporary folder, or no room in it
            return _session(ort, path, what, zlib.decompress(data), opts)
    except zlib.error as e:
        raise model_files.ModelFileError(path, f"{what} is damaged ({e})") from None


def _session(ort: Any, path: Path, what: str, graph: str | bytes, opts: Any) -> Any:
    try:
        return ort.InferenceSession(graph, sess_options=opts, providers=["CPUExecutionProvider"])
    except Exception as e:  # onnxruntime raises its own types for a graph it cannot read
        raise model_files.ModelFileError(path, f"{what} is damaged ({e})") from None


def _inflate(data: bytes, target: Path, chunk: int = 1 << 20) -> None:
    """zlib ``data`` inflated into ``target`` a megabyte at a time; a truncated stream is damage."""
    inflater = zlib.decompressobj()
    with open(target, "wb") as f:
        for start in range(0, len(data), chunk):
            f.write(inflater.decompress(data[start:start + chunk]))
        f.write(inflater.flush())
    if not inflater.eof:
        raise zlib.error("the compressed data ends too early")


def safe_text(text: str) -> str:
    """Text the tokenizer accepts: lone surrogates replaced, never empty."""
    safe = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return safe if safe.strip() else "."
