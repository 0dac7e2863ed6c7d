"""A word-wrapped label whose minimum height is its lines at its width: for wrapped sentences in tight layouts.

Shared by the guard's reasons and learn bar and the connection banner above compose, so it belongs to neither.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedLabel(QLabel):
    """A word-wrapped label that claims the height its text needs at its current width.

    Layouts do not ask a wrapped label its height for its width, so a long reason
    would be clipped in a tight window, or leave a gap after a shorter one.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def fit(self) -> None:
        self.setMinimumHeight(0)  # Qt's height-for-width never answers less than the minimum height
        height = self.heightForWidth(self.width()) if self.width() > 0 else -1
        self.setMinimumHeight(max(height, 0))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self.fit()
