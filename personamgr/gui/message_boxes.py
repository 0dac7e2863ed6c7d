"""Questions and notices shown over the window, and keeping the newest one alive.

Used as a mixin by the flows that ask before they act (personas, post actions). Each box and
dialog is opened window-modal (``open()``), so the flow goes on in ``then``; the newest box and the
newest dialog are kept after they close, because their owner (and the tests) read them back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from personamgr.gui.a11y import with_letters


class ShowsBoxes:
    """Mixin for a ``QObject`` that shows boxes over ``self.window``.

    The class sets ``question_name``/``notice_name`` (object names of its boxes) and ``dialog_attr``
    (where its newest non-box dialog is kept); ``__init__`` sets ``window``, ``box`` and that attribute.
    """

    question_name: ClassVar[str] = "question"
    notice_name: ClassVar[str] = "notice"
    dialog_attr: ClassVar[str] = "dialog"

    window: QWidget
    box: QMessageBox | None  # the last question or notice shown (tests answer it)

    def _ask(self, title: str, text: str, info: str, yes: str, then: Callable[[], None], *,
             icon: QMessageBox.Icon = QMessageBox.Icon.Question, destructive: bool = False) -> QMessageBox:
        """Ask with a ``yes`` button and Cancel (the default, and Escape); ``then`` runs only on ``yes``."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName(self.question_name)
        box.setInformativeText(info)
        role = QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
        go = box.addButton(yes, role)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        with_letters(box)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.finished.connect(lambda _r: then() if box.clickedButton() is go else None)
        self._keep(box)
        box.open()
        return box

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, info: str = "", *,
              name: str | None = None) -> QMessageBox:
        """A notice with an OK button; ``name`` overrides the class's notice object name."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name or self.notice_name)
        if info:
            box.setInformativeText(info)
        with_letters(box)
        self._keep(box)
        box.open()
        return box

    def _keep(self, widget: QWidget) -> None:
        """Keep the newest box or dialog alive after it closes (it is read back); free the one before it."""
        attr = "box" if isinstance(widget, QMessageBox) else self.dialog_attr
        previous = getattr(self, attr)
        if (previous is not None and previous is not widget and shiboken6.isValid(previous)
                and not previous.isVisible()):
            previous.deleteLater()
        setattr(self, attr, widget)
