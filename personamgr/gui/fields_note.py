"""The persona editor's gentle note when the declared topics span two separate fields (core.guard.fields).

It reads the topics with the model the compose box's guard has loaded, in a worker, a moment after the typing
stops; while no model is loaded it says nothing, as it says nothing on a coherent persona.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from personamgr.core.personas import Persona
from personamgr.gui.workers import Workers

DEBOUNCE_MS = 600


class FieldsNote(QLabel):
    """Hidden unless ``persona``'s topics (:meth:`check`) fall into two separate fields."""

    def __init__(self, workers: Workers, guard: Callable[[], Any | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        self.guard = guard  # the loaded model, or None while there is none
        self.setObjectName("fieldsNote")
        self.setWordWrap(True)
        self.setProperty("tone", "hint")
        self.hide()
        self._persona: Persona | None = None
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)

    def check(self, persona: Persona) -> None:
        """The topics changed: read them again shortly (the user may still be typing)."""
        self._persona = persona
        self._timer.start()

    @Slot()
    def check_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        guard, persona, gen = self.guard(), self._persona, self._generation
        if guard is None or persona is None:
            self.hide()
            return
        self.workers.submit(lambda: _read(guard, persona), done=lambda words: self._show(gen, words),
                            name="topic fields")

    def _show(self, gen: int, words: str) -> None:
        if gen != self._generation or not shiboken6.isValid(self):
            return  # newer topics are being read, or the editor was closed meanwhile
        self.setText(words)
        self.setVisible(bool(words))


def _read(guard: Any, persona: Persona) -> str:
    """The note's words, or "" (in a worker; numpy loads with the guard, not with the window's first frame)."""
    from personamgr.core.guard.fields import fields_words, separate_fields

    found = separate_fields(guard, persona)
    return fields_words(persona.name, found) if found else ""
