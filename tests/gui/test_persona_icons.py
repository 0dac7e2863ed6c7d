"""A persona's icon is drawn at the size it is shown, when it is shown.

At 100 personas, filling compose's and the calendar's persona lists drew every persona's icon at seven sizes
(700 pixmaps, a letter rendered in each) on the GUI thread: 0.9-1.8 s of frozen window at start-up and when the
calendar opened (bench/long-history). A list shows one icon at one size until it is opened.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox

from personamgr.gui import icons

pytestmark = pytest.mark.gui


def test_a_list_of_a_hundred_personas_draws_only_the_icon_it_shows(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[int] = []
    real = icons.persona_pixmap

    def counted(colour: str, initial: str, size: int, *, dpr: float = 1.0):  # type: ignore[no-untyped-def]
        drawn.append(size)
        return real(colour, initial, size, dpr=dpr)

    monkeypatch.setattr(icons, "persona_pixmap", counted)
    combo = QComboBox()
    qtbot.addWidget(combo)
    for n in range(100):
        combo.addItem(icons.persona_icon(f"#12{n:02x}34", chr(ord("A") + n % 26)), f"p{n}")  # looks no other test drew
    combo.show()
    qtbot.waitExposed(combo)
    combo.grab()  # painted: the current item's icon, at the combo's icon size
    assert 0 < len(drawn) <= 4, drawn


@pytest.mark.parametrize("size", icons.TRAY_SIZES)
def test_the_icon_at_each_size_is_the_persona_disc_drawn_at_that_size(qtbot, size: int) -> None:
    icon = icons.persona_icon("#b03a2e", "career")
    assert QSize(size, size) in icon.availableSizes()  # what a tray host or a window manager picks from
    shown = icon.pixmap(QSize(size, size), 1.0, QIcon.Mode.Normal)
    assert shown.toImage() == icons.persona_pixmap("#b03a2e", "career", size).toImage()
    assert not icon.pixmap(QSize(size, size), 1.0, QIcon.Mode.Disabled).isNull()
