"""The persona list shows each persona's focus in two lines at most, in any script.

A focus written in Japanese has no spaces: the list cut it word by word, found one "word", and showed
only "…" under the persona's name in a narrow window.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from personamgr.gui.persona_list import focus_lines

JAPANESE = "家庭料理のレシピと季節の食材、毎日のお弁当と週末のパン作りについて書いています"
ENGLISH = "Careers, job search, hiring and the economy, for people steering their working life"


@pytest.mark.parametrize("text", [JAPANESE, ENGLISH, "Aprendizaje" * 12], ids=["japanese", "english", "one-long-word"])
def test_a_long_focus_keeps_its_first_words_and_is_cut_on_the_second_line(qapp, text: str) -> None:  # type: ignore[no-untyped-def]
    font = QFont()
    fm = QFontMetrics(font)
    width = 140
    lines = focus_lines(font, text, width)
    assert len(lines) == 2
    assert lines[1].endswith("…")
    shown = "".join(lines).replace(" ", "")
    assert len(shown) > 10 and text.replace(" ", "").startswith(shown[:-1][:10])
    assert all(fm.horizontalAdvance(line) <= width for line in lines), lines


def test_a_short_focus_is_shown_whole(qapp) -> None:  # type: ignore[no-untyped-def]
    assert focus_lines(QFont(), "家庭料理", 140) == ["家庭料理"]
    assert "".join(focus_lines(QFont(), "Heavy metal: guitars, gigs and albums", 140)).replace(" ", "") \
        == "Heavymetal:guitars,gigsandalbums"


def test_words_with_spaces_between_them_are_cut_between_words(qapp) -> None:  # type: ignore[no-untyped-def]
    lines = focus_lines(QFont(), ENGLISH, 140)
    last = lines[-1].removesuffix("…")
    assert ENGLISH.replace(",", "").split().count(last.replace(",", "").split()[-1]) == 1  # a whole word
    assert " ".join(lines).removesuffix("…") in ENGLISH
