"""Columns a terminal lines up: padding by what it shows, not by code points.

An emoji or an East Asian wide character takes two columns, a combining mark or a joiner none, and emoji joined
by a zero-width joiner (👩‍💻) show as one; padding by
``len()`` pushed every column after a name like "ギター" or "metal🎸" out of line.
"""

from __future__ import annotations

import unicodedata

ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})  # combining marks, variation selectors, ZWJ
EMOJI_PRESENTATION = "\ufe0f"  # after a narrow symbol (❤) a terminal shows the emoji, two columns
JOINER = "\u200d"  # what follows it is drawn into the glyph before it


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    width = 0
    previous = ""
    for ch in text:
        if previous == JOINER:
            pass
        elif ch == EMOJI_PRESENTATION and previous and unicodedata.east_asian_width(previous) not in ("W", "F"):
            width += 1
        elif unicodedata.category(ch) not in ZERO_WIDTH_CATEGORIES:
            width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        previous = ch
    return width


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns."""
    return text + " " * max(width - display_width(text), 0)
