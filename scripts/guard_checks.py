#!/usr/bin/env python3
"""The guard on our own check sets (no benchmark text): personas on any subject, personas in other languages.

  python scripts/guard_checks.py            # both tables
  python scripts/guard_checks.py --subjects # personas on subjects outside the benchmark's topics only
  python scripts/guard_checks.py --thresholds [--list]  # Spanish and Japanese posts: where the thresholds sit

Subjects (tests/guard/subject_check_posts.py): fourteen personas on subjects none of the benchmark's
topics names (gardening, astronomy, chess, knitting, ...), each checked alone, beside a career persona,
and all fourteen together; with no examples (k0) and with five (k5). A post is on focus for its own
subject's persona only; the other subjects' posts and everyday posts (music, sports, politics, ...) are
strays. Figures: AUROC of -score over all (post, persona) pairs of a setting, false warnings (fits=false
on focus), catch (fits=false on strays), and catch on the everyday posts alone.

Languages: personas written in Spanish and in Japanese, checked with posts in their own language and in
English, as a set of six and each alone.

Thresholds (tests/guard/threshold_check_posts.py): Spanish and Japanese posts of our own, labelled before the
guard read them, on persona sets declared in English (the benchmark's focus in our own words, and six other
subjects), k0 and k5: per set and the mean over sets (as the benchmark's mean over scenarios), at the shipped
thresholds and with each language's threshold moved by -0.3..+0.4 (a higher threshold warns more); and the
single-subject personas each checked alone (at their lone threshold, moved the same way). Only the
topic verdict counts (the other rules are not what the thresholds place), from each check's score and threshold,
also for a persona the guard does not judge (named, with why). ``--list``: the on-focus posts warned
at the shipped thresholds.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from guard.subject_check_posts import (  # noqa: E402
    EVERYDAY,
    PERSONAS_ES,
    PERSONAS_JA,
    POSTS_ES,
    POSTS_JA,
    SUBJECTS,
    LocalPersona,
    Subject,
)
from guard.threshold_check_posts import POSTS, SETS, CheckPersona  # noqa: E402

from personamgr.core.guard import Guard, GuardResult  # noqa: E402
from personamgr.core.guard.lang import guess_language  # noqa: E402
from personamgr.core.personas import Persona  # noqa: E402

CAREER = Persona(name="career", description="Careers, job search and the economy for professionals over 40",
                 topics=("careers", "job search", "hiring", "economy"), keywords=("resume", "interview"))


def auroc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """P(stray scores below on-focus), ties half: AUROC of -score for stray detection."""
    if not pos or not neg:
        return float("nan")
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((p < n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))


class Tally:
    def __init__(self) -> None:
        self.on: list[float] = []
        self.stray: list[float] = []
        self.fw = self.caught = self.everyday = self.everyday_caught = 0

    def add(self, score: float, fits: bool, on_focus: bool, everyday: bool = False) -> None:
        if on_focus:
            self.on.append(score)
            self.fw += not fits
        else:
            self.stray.append(score)
            self.caught += not fits
            if everyday:
                self.everyday += 1
                self.everyday_caught += not fits

    def row(self, label: str) -> str:
        ev = f"  everyday caught {self.everyday_caught / self.everyday:5.1%}" if self.everyday else ""
        return (f"{label:34s} AUROC {auroc(self.stray, self.on):.3f}  false warnings {self.fw / len(self.on):5.1%}"
                f" ({self.fw}/{len(self.on)})  caught {self.caught / len(self.stray):5.1%}{ev}")


def subject_persona(s: Subject, k: int) -> Persona:
    return Persona(name=s.name, description=s.description, topics=s.topics, examples=s.examples[:k])


def subjects(guard: Guard) -> None:
    posts = [(s.name, t) for s in SUBJECTS for t in s.posts] + [("", t) for t in EVERYDAY]
    print(f"Personas on {len(SUBJECTS)} subjects outside the benchmark's topics, {len(posts)} posts "
          f"({len(EVERYDAY)} everyday)")
    for k in (0, 5):
        settings: dict[str, list[list[Persona]]] = {
            "alone": [[subject_persona(s, k)] for s in SUBJECTS],
            "beside a career persona": [[subject_persona(s, k), CAREER] for s in SUBJECTS],
            "all together": [[subject_persona(s, k) for s in SUBJECTS]],
        }
        for label, sets in settings.items():
            t = Tally()
            for personas in sets:
                guard.prepare(personas)
                for p in personas:
                    if p.name == "career":
                        continue
                    for owner, text in posts:
                        r = guard.check(personas, text, p.name)
                        t.add(r.score, r.fits, owner == p.name, everyday=owner == "")
            print(t.row(f"  k{k} {label}"))


def local(guard: Guard, name: str, personas_spec: Iterable[LocalPersona], posts: Sequence[tuple[str, str]]) -> None:
    personas = [Persona(name=p.name, description=p.description, topics=p.topics, examples=p.examples)
                for p in personas_spec]
    print(f"Personas written in {name}: {', '.join(p.name for p in personas)}")
    for label, sets in (("as a set", [personas]), ("each alone", [[p] for p in personas])):
        by_lang: dict[str, Tally] = {}
        for ps in sets:
            guard.prepare(ps)
            for p in ps:
                for owner, text in posts:
                    lang = "English posts" if guess_language(text) == "en" else f"{name} posts"
                    r = guard.check(ps, text, p.name)
                    by_lang.setdefault(lang, Tally()).add(r.score, r.fits, owner == p.name)
        for lang, t in sorted(by_lang.items()):
            print(t.row(f"  {label}, {lang}"))


def topic_margin(guard: Guard, r: GuardResult) -> float:
    """How far a post's topic score sits above the persona's threshold, on the calibrated scale (the scale a
    language's threshold is set on: moving that threshold by d moves every margin by -d)."""
    t = min(max(r.threshold, 1e-12), 1 - 1e-12)
    return r.extra["raw"] - (guard.calibration.threshold + guard.calibration.display_scale * math.log(t / (1 - t)))


SHIFTS = tuple(round(0.1 * i, 1) for i in range(-3, 5))


def threshold_groups() -> dict[str, list[tuple[CheckPersona, ...]]]:
    """Each persona set, and the single-subject personas each checked alone (their own threshold's lone shift)."""
    groups = {name: [spec] for name, spec in SETS.items()}
    groups["alone"] = [(p,) for p in (*SETS["twelve"], *SETS["own"])]
    return groups


def thresholds(guard: Guard, show: bool) -> None:
    for lang, posts in POSTS.items():
        print(f"{lang}: {len(posts)} posts, persona sets {', '.join(f'{n} ({len(s)})' for n, s in SETS.items())}"
              f", and {len(threshold_groups()['alone'])} personas alone")
        for k in (0, 5):
            unjudged: set[str] = set()
            margins: dict[str, tuple[list[float], list[float]]] = {}
            for name, specs in threshold_groups().items():
                on: list[float] = []
                stray: list[float] = []
                for spec in specs:
                    personas = [p.persona(k) for p in spec]
                    guard.prepare(personas)
                    for labels, text in posts:
                        for p in spec:
                            r = guard.check(personas, text, p.name)
                            assert r.language == lang, (text, r.language)
                            if not r.judged:
                                unjudged.add(f"{name}/{p.name}: {', '.join(x.summary or x.kind for x in r.reasons)}")
                            focus = not p.focus.isdisjoint(labels.split())
                            m = topic_margin(guard, r)
                            (on if focus else stray).append(m)
                            if show and focus and m < 0:
                                print(f"    k{k} {name}/{p.name} on focus, warned {m:+.2f}: {text}")
                margins[name] = (on, stray)
                print(f"  k{k} {name:7s} AUROC {auroc(stray, on):.3f}  false warnings"
                      f" {sum(m < 0 for m in on) / len(on):5.1%} ({sum(m < 0 for m in on)}/{len(on)})"
                      f"  caught {sum(m < 0 for m in stray) / len(stray):5.1%}")
            for u in sorted(unjudged):
                print(f"  k{k} not judged (its margins still counted here): {u}")
            alone = margins.pop("alone")
            for d in SHIFTS:
                fws = [sum(m - d < 0 for m in on) / len(on) for on, _ in margins.values()]
                cs = [sum(m - d < 0 for m in st) / len(st) for _, st in margins.values()]
                label = "shipped" if d == 0 else f"{d:+.1f}"
                print(f"  k{k} threshold {label:7s} mean false warnings {np.mean(fws):5.1%} (highest set"
                      f" {max(fws):5.1%})  mean caught {np.mean(cs):5.1%}   alone: false warnings"
                      f" {sum(m - d < 0 for m in alone[0]) / len(alone[0]):5.1%}"
                      f"  caught {sum(m - d < 0 for m in alone[1]) / len(alone[1]):5.1%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--subjects", action="store_true", help="only the personas on other subjects")
    ap.add_argument("--languages", action="store_true", help="only the personas written in Spanish and Japanese")
    ap.add_argument("--thresholds", action="store_true", help="only the Spanish and Japanese threshold check")
    ap.add_argument("--list", action="store_true", help="with --thresholds: the on-focus posts warned")
    a = ap.parse_args()
    guard = Guard.load()
    if a.thresholds:
        thresholds(guard, a.list)
        return 0
    if not a.languages:
        subjects(guard)
    if not a.subjects:
        local(guard, "Spanish", PERSONAS_ES, POSTS_ES)
        local(guard, "Japanese", PERSONAS_JA, POSTS_JA)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
