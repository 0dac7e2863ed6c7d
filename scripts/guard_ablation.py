#!/usr/bin/env python3
"""What each guard setting earns: the dev sets of all four languages, with the setting at its neutral value.

    .venv/bin/python scripts/guard_ablation.py [--bench ../shared/bench/guard] [--only NAME,...]
    .venv/bin/python scripts/guard_ablation.py --verdict   # five examples against none, at the one threshold

Why in process: the shared bench runs ``personamgr guard`` once per set (85 s for one configuration);
here the models load once, each text is embedded once for all configurations, and one configuration
takes seconds, so every setting can be checked on every language. The case sets and the scorer are read
from the shared bench at run time; nothing of them is copied. Prints, per configuration, AUROC / catch /
false warnings per language and example budget (mean over scenarios), and the change from the shipped guard.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from personamgr.core.guard import Guard
from personamgr.core.guard.embed import MODEL_DIR
from personamgr.core.guard.multilingual import BACKGROUND_FILE, Multilingual, _knowledge, read_background
from personamgr.core.persona_file import load_personas

LANGS = ("en", "es", "gr", "ja")
SCENARIOS = ("A", "B", "C")
BUDGETS = (0, 5)
METRICS = ("auroc", "catch", "fwr")

# name -> (what it does, changes to both calibrations, changes to MLSettings, changes to the ML calibration only)
Variant = tuple[str, Mapping[str, object], Mapping[str, object], Mapping[str, object]]
VARIANTS: dict[str, Variant] = {
    "shipped": ("the guard as shipped", {}, {}, {}),
    "w_desc=0": ("description as an anchor", {"w_desc": 0.0}, {}, {}),
    "w_topic=0": ("best two topics as anchors", {"w_topic": 0.0}, {}, {}),
    "w_example=0": ("examples as anchors", {"w_example": 0.0}, {}, {}),
    "lexical_bonus=0": ("a topic or keyword written in the post adds to z", {"lexical_bonus": 0.0}, {}, {}),
    "relative=0": ("a post fitting another persona better is lowered", {"relative": 0.0}, {}, {}),
    "prf=0": ("nearest background posts as soft examples", {"prf": 0}, {}, {}),
    "w_kb=0": ("topic knowledge base sections as soft examples", {"w_kb": 0.0}, {}, {}),
    "kb_top=1": ("section fit: mean of the best 3 posts (not 1)", {"kb_top": 1}, {}, {}),
    "kb_tau=0.05": ("soft (not hard) choice of a persona's sections", {"kb_tau": 0.05}, {}, {}),
    "kb_compete=0": ("sections compete like other personas", {"kb_compete": 0.0}, {}, {}),
    "avoid_z=inf": ("semantic match of an avoid phrase warns", {"avoid_z": float("inf")}, {}, {}),
    "topic_template={}": ("topic embedded as a sentence (English)", {"topic_template": "{}"}, {}, {}),
    "examples_shift=0": ("a persona with examples warns at a higher threshold (English 0.1, others their own)",
                         {"examples_shift": 0.0}, {"examples_shifts": {"es": 0.0, "el": 0.0, "ja": 0.0}}, {}),
    "w_static=0": ("e5 word table mixed into English scores", {"w_static": 0.0}, {}, {}),
    "minilm_shares={}": ("MiniLM mixed into Spanish/Greek scores", {}, {"minilm_shares": {}}, {}),
    "minilm_shares:es=0.5": ("Spanish: MiniLM's share 0.7 (not 0.5, Greek's)", {},
                             {"minilm_shares": {"es": 0.5, "el": 0.5}}, {}),
    "e5_shares={}": ("Japanese: multilingual-e5 reads the post (not MiniLM, on its gloss, at Greek's share)", {},
                     {"e5_shares": {}, "minilm_shares": {"es": 0.7, "el": 0.5, "ja": 0.5}}, {}),
    "english_dims=384": ("the table reads English posts on its 96 main components (not all 384)", {},
                         {"english_dims": 384}, {}),
    "min_known=0,min_coverage=0": ("confidence gate on known words", {}, {"min_known": 0, "min_coverage": 0.0}, {}),
    # the other-language path's own values, each put back to the English calibration's
    "ml:prf=10": ("other languages: 5 (not 10) soft examples", {}, {}, {"prf": 10}),
    "ml:w_example=1": ("other languages: examples weigh 2 (not 1)", {}, {}, {"w_example": 1.0}),
    "ml:w_kb=2": ("other languages: knowledge base weighs 4 (not 2)", {}, {}, {"w_kb": 2.0}),
    "ml:avoid_z=4": ("other languages: avoid at z 5 (not 4)", {}, {}, {"avoid_z": 4.0}),
}


def shared_guard() -> Guard:
    """The shipped guard, with MiniLM's embeddings remembered across configurations (same text, same vector)."""
    g = Guard.load()
    emb = g.embedder
    batch, single = emb.embed_many, emb.embed
    many: dict[str, np.ndarray] = {}
    one: dict[str, np.ndarray] = {}

    def embed_many(texts: Sequence[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in many]
        if new:
            many.update(zip(new, batch(new), strict=True))
        return np.stack([many[t] for t in texts]) if texts else batch(texts)

    def embed(text: str) -> np.ndarray:  # a post alone, as the guard embeds it (no padding in a batch)
        v = one.get(text)
        if v is None:
            v = one[text] = single(text)
        return v

    emb.embed_many = embed_many  # type: ignore[method-assign]
    emb.embed = embed  # type: ignore[method-assign]
    return g


def variant_guard(base: Guard, variant: Variant) -> Guard:
    _, both, ml_changes, ml_cal = variant
    g = Guard(base.embedder, base.background, replace(base.calibration, **both), base.sections)  # type: ignore[arg-type]
    g.language_backgrounds = base.language_backgrounds  # MiniLM's background in each language (it was left out)
    g.e5_dir, g._e5 = base.e5_dir, base.e5_reading()  # multilingual-e5, loaded once for every variant
    g.common_words = base.common_words  # names the languages it cannot read, as the shipped guard does
    assert base.multilingual is not None
    st = base.multilingual.settings
    if both or ml_changes or ml_cal:
        st = replace(st, **ml_changes, calibration=replace(st.calibration, **both, **ml_cal))  # type: ignore[arg-type]
    if st == base.multilingual.settings:
        g.multilingual = base.multilingual
    else:
        bgs = read_background(MODEL_DIR / BACKGROUND_FILE)
        g.multilingual = Multilingual(base.multilingual.table, bgs.pop("en"), bgs, st, _knowledge(MODEL_DIR))
    return g


def evaluate(guard: Guard, bench: Path, langs: tuple[str, ...]) -> dict[tuple[str, int], dict[str, float]]:
    """Mean over scenarios of the shared scorer's metrics, per (language, example budget)."""
    spec = importlib.util.spec_from_file_location("bench_score", bench / "score.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out: dict[tuple[str, int], dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            for k in BUDGETS:
                ms = []
                for s in SCENARIOS:
                    d = bench / "cases" / "dev" / lang / s
                    personas = load_personas(str(d / f"personas_k{k}.toml"))
                    answers = Path(tmp) / f"{lang}{s}{k}.jsonl"
                    with open(d / "input.jsonl", encoding="utf-8") as fi, open(answers, "w", encoding="utf-8") as fo:
                        for line in fi:
                            r = json.loads(line)
                            fo.write(json.dumps(guard.check(personas, r["text"], r["persona"]).to_json(r["id"])) + "\n")
                    ms.append(scorer.score(d / f"personas_k{k}.toml", d / "cases.jsonl", answers))
                out[(lang, k)] = {m: sum(x[m] for x in ms) / len(ms) for m in METRICS}
    return out


def _margins(guard: Guard, bench: Path, lang: str, k: int) -> list[tuple[bool, float, bool]]:
    """(stray, calibrated score minus the verdict's threshold, fits) per case, pooled over scenarios."""
    out = []
    for s in SCENARIOS:
        d = bench / "cases" / "dev" / lang / s
        personas = load_personas(str(d / f"personas_k{k}.toml"))
        with open(d / "cases.jsonl", encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                r = guard.check(personas, c["text"], c["persona"])
                out.append((bool(c["stray"]), float(r.extra["raw"]) - guard.calibration.threshold, r.fits))
    return out


def verdict(base: Guard, bench: Path, langs: tuple[str, ...]) -> None:
    """Where k0 and k5 sit at the one threshold: median margins, catch, false warnings, and k5's catch at k0's
    false-warning rate; and k5 without the example anchor (which equals k0 if that anchor is the whole cause)."""
    no_examples = variant_guard(base, ("", {"w_example": 0.0}, {}, {}))
    for lang in langs:
        k0 = None
        for name, g, k in (("k0", base, 0), ("k5", base, 5), ("k5, w_example=0", no_examples, 5)):
            rows = _margins(g, bench, lang, k)
            stray = sorted(m for st, m, _ in rows if st)
            on = sorted(m for st, m, _ in rows if not st)
            catch = sum(1 for st, _, f in rows if st and not f) / len(stray)
            fw = sum(1 for st, _, f in rows if not st and not f) / len(on)
            k0 = k0 if k0 is not None else fw
            cut = on[max(0, round(k0 * len(on)) - 1)] if k0 > 0 else on[0] - 1e-9
            at_k0 = sum(1 for m in stray if m <= cut) / len(stray)
            print(f"{lang} {name:16} margin stray {float(np.median(stray)):+.2f} on-focus {float(np.median(on)):+.2f}  "
                  f"catch {100 * catch:5.1f} %  false warnings {100 * fw:4.1f} %  catch at k0's false warnings "
                  f"{100 * at_k0:5.1f} %", flush=True)


def _find_bench() -> Path:
    here = Path(__file__).resolve().parents[1]
    for d in here.parents:
        if (d / "shared" / "bench" / "guard" / "score.py").is_file():
            return d / "shared" / "bench" / "guard"
    return here.parent / "shared" / "bench" / "guard"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=_find_bench(),
                    help="the shared guard bench (default: shared/bench/guard beside the repository or above it)")
    ap.add_argument("--only", default="", help="comma-separated configuration names (default: all)")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--verdict", action="store_true", help="five examples against none at the one threshold")
    a = ap.parse_args()
    if not (a.bench / "score.py").is_file():
        print(f"no shared bench at {a.bench} (--bench)", file=sys.stderr)
        return 2
    names = [n for n in a.only.split(",") if n] or list(VARIANTS)
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        print(f"unknown configuration(s): {', '.join(unknown)}; known: {', '.join(VARIANTS)}", file=sys.stderr)
        return 2
    langs = tuple(a.langs.split(","))
    base = shared_guard()
    if a.verdict:
        verdict(base, a.bench, langs)
        return 0
    ref = evaluate(base, a.bench, langs)
    head = "  ".join(f"{lang} k{k}" for lang in langs for k in BUDGETS)
    print(f"{'configuration':28} metric   {head}")
    for name in names:
        res = ref if name == "shipped" else evaluate(variant_guard(base, VARIANTS[name]), a.bench, langs)
        for m in METRICS:
            cells = []
            for lang in langs:
                for k in BUDGETS:
                    v, r = res[(lang, k)][m], ref[(lang, k)][m]
                    scale = 1 if m == "auroc" else 100
                    cells.append(f"{v * scale:6.3f}" if name == "shipped" and m == "auroc" else
                                 f"{v * scale:6.1f}" if name == "shipped" else f"{(v - r) * scale:+6.3f}"
                                 if m == "auroc" else f"{(v - r) * scale:+6.1f}")
            print(f"{name if m == 'auroc' else '':28} {m:8} {'  '.join(cells)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
