#!/usr/bin/env python3
"""Build the guard's list of each Latin-script language's most common words (development time only).

Why: the guard reads English, Spanish, Greek and Japanese. ``lang.py``'s guess only tells English and
Spanish from the rest, so a Dutch post was read as Spanish and an Italian one was called French. With the
most common words of the languages people often post in beside English, the guard names the language of a
post it cannot read (``personamgr.core.guard.common_words``) and says so, instead of judging it with the
wrong model.

Source: wordfreq (PyPI; its word lists are CC BY-SA 4.0, credited in the file's header). Output:
``personamgr/core/guard/model/common-words.txt``, one line a language: its code, a tab, its words.

  pip install '.[guard-build]'
  python scripts/build_common_words.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "personamgr" / "core" / "guard" / "model" / "common-words.txt"
# English and Spanish (the two a Latin-script post is read as) and the Latin-script languages people often
# post in; each has a name in personamgr/core/guard/languages.py (a test checks). wordfreq calls Tagalog "fil".
LANGS = ("en", "es", "fr", "pt", "it", "de", "nl", "ca", "id", "tl", "tr", "pl", "sv", "da", "nb", "fi", "ro", "cs")
WORDFREQ_CODE = {"tl": "fil"}
TOP = 300  # more brings in words English posts use too ("central", "simple": a few English posts renamed)

HEADER = """\
# The most common words of each language (its code, a tab, the words), from the word lists of wordfreq
# (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0, Robyn Speer et al.), top {top} words a language.
# Built by scripts/build_common_words.py; read by personamgr/core/guard/common_words.py.
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from wordfreq import top_n_list

    lines = [HEADER.format(top=TOP)]
    for code in LANGS:
        words = [w for w in top_n_list(WORDFREQ_CODE.get(code, code), TOP) if any(c.isalpha() for c in w)]
        lines.append(f"{code}\t{' '.join(dict.fromkeys(w.casefold() for w in words))}\n")
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {args.out} ({len(LANGS)} languages)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
