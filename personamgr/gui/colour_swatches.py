"""The persona editor's colour swatches: one Tab stop, the arrows choose, each named as a person says it.

A row of round swatches behaves as a set of radio buttons do (an exclusive group of checkable buttons): Tab
stops once, on the chosen colour, and the arrows move to the next one and choose it. A screen reader reads
each by its name ("Blue"), not its hex code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QHBoxLayout, QToolButton, QWidget

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.personas import PALETTE

NAMES = (  # core.personas.PALETTE's colours, in its order, as a person says them
    QT_TRANSLATE_NOOP("ColourSwatches", "Blue"),
    QT_TRANSLATE_NOOP("ColourSwatches", "Red"),
    QT_TRANSLATE_NOOP("ColourSwatches", "Teal"),
    QT_TRANSLATE_NOOP("ColourSwatches", "Purple"),
    QT_TRANSLATE_NOOP("ColourSwatches", "Orange"),
    QT_TRANSLATE_NOOP("ColourSwatches", "Navy"),
    QT_TRANSLATE_NOOP("ColourSwatches", "Green"),
    QT_TRANSLATE_NOOP("ColourSwatches", "Gold"),
)
COLOUR_NAMES = dict(zip(PALETTE, NAMES, strict=True))


def colour_name(colour: str) -> str:
    """A palette colour's name in the user's language; any other colour is its hex code."""
    name = COLOUR_NAMES.get(colour.lower())
    return translate("ColourSwatches", name) if name else colour


class ColourSwatches(QWidget):
    """The palette as swatches; ``chosen`` carries the hex code of the one the user picks."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for colour in PALETTE:
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoExclusive(True)  # so the arrows move between the swatches, as between radio buttons
            button.setProperty("colour", colour)
            button.setToolTip(colour_name(colour))
            button.setAccessibleName(colour_name(colour))
            button.setFixedSize(22, 22)
            button.setStyleSheet(
                f"QToolButton {{ background: {colour}; border: 1px solid palette(mid); border-radius: 11px; }}"
                "QToolButton:checked { border: 3px solid palette(window-text); }")
            self._group.addButton(button)
            layout.addWidget(button)
        self._group.buttonClicked.connect(self._on_clicked)
        self._group.buttonToggled.connect(self._one_tab_stop)
        self._one_tab_stop()

    def buttons(self) -> list[QAbstractButton]:
        return self._group.buttons()

    def show_colour(self, colour: str) -> None:
        """Check the swatch that is ``colour``, or none for a colour of one's own (keeping a single Tab stop)."""
        match = next((b for b in self._group.buttons() if b.property("colour") == colour.strip().lower()), None)
        if match is not None:
            match.setChecked(True)
            return
        self._group.setExclusive(False)  # an exclusive group keeps one checked: let go of it for a moment
        for button in self._group.buttons():
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
        self._group.setExclusive(True)
        self._one_tab_stop()

    @Slot()
    def _one_tab_stop(self) -> None:
        """Tab stops on the checked swatch alone (on the first when none is); the mouse still focuses any."""
        stop = self._group.checkedButton() or self._group.buttons()[0]
        for button in self._group.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus)

    @Slot(QAbstractButton)
    def _on_clicked(self, button: QAbstractButton) -> None:
        self.chosen.emit(button.property("colour"))
