"""The persona finder: a field over the persona list, for a user with many personas.

With twenty personas the list shows seven or eight at a time and Ctrl+1 to Ctrl+9 reach the first nine. Typing
part of a name, a handle or a topic leaves only the personas it matches; Down and Up walk them, Enter writes as
the one selected (the cursor goes to compose), Escape gives every row back. With a few personas the list is
enough, and the finder is not shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QWidget

from personamgr.core.i18n import translate
from personamgr.core.personas import matches
from personamgr.gui.controller import PersonaController
from personamgr.gui.persona_list import PERSONA_ROLE

FINDER_FROM = 8  # personas: from this many the list needs scrolling at the default size, and a finder helps


class PersonaFinder(QLineEdit):
    """Filters ``persona_list`` as the user types; ``chosen`` when Enter picks a persona."""

    chosen = Signal(str)  # the uid Enter picked

    def __init__(self, controller: PersonaController, persona_list: QListWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.persona_list = persona_list
        self.setObjectName("personaFinder")
        self.setPlaceholderText(translate("PersonaFinder", "Find a persona (Ctrl+P)"))
        self.setAccessibleName(translate("PersonaFinder", "Find a persona by name, handle or topic"))
        self.setClearButtonEnabled(True)
        self.nothing_found = QLabel()
        self.nothing_found.setObjectName("personaNothingFound")
        self.nothing_found.setProperty("tone", "hint")
        self.nothing_found.setWordWrap(True)
        self.nothing_found.hide()
        self.textChanged.connect(self.apply)
        controller.personasChanged.connect(self._on_personas)
        self._on_personas()

    @Slot()
    def _on_personas(self) -> None:
        many = len(self.controller.personas) >= FINDER_FROM
        self.setVisible(many)
        if not many:
            self.clear()
        self.apply()

    @Slot()
    def apply(self) -> None:
        """Hide the rows the text does not match (after a reload too: the list's rows are new then)."""
        query = self.text()
        shown = 0
        for row in range(self.persona_list.count()):
            item = self.persona_list.item(row)
            hidden = not matches(item.data(PERSONA_ROLE), query)
            item.setHidden(hidden)
            shown += not hidden
        self.nothing_found.setText(translate("PersonaFinder", "No persona matches “{text}”.").format(
            text=query.strip()))
        self.nothing_found.setVisible(shown == 0 and bool(query.strip()))

    def shown_rows(self) -> list[int]:
        return [row for row in range(self.persona_list.count()) if not self.persona_list.item(row).isHidden()]

    def _step(self, by: int) -> None:
        """Down and Up from the field: the next or previous persona among those shown (that persona writes)."""
        rows = self.shown_rows()
        if not rows:
            return
        current = self.persona_list.currentRow()
        if current in rows:
            target = rows[max(0, min(len(rows) - 1, rows.index(current) + by))]
        else:
            target = rows[0] if by > 0 else rows[-1]
        self.persona_list.setCurrentRow(target)
        self.persona_list.scrollToItem(self.persona_list.item(target))

    def _choose(self) -> None:
        rows = self.shown_rows()
        if not rows:
            return
        current = self.persona_list.currentRow()
        row = current if current in rows else rows[0]
        self.persona_list.setCurrentRow(row)
        self.chosen.emit(self.persona_list.item(row).data(Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose()
        elif key == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)
