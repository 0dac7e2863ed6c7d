"""A notice naming each persona whose time zone this computer's time zone data does not know: its times are shown
in UTC (``local_time.zone``), which the window otherwise shows without a word. Not a dialog: the app works, so
nothing has to be answered; it stays until the zone is chosen again or the notice is dismissed."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from personamgr.core.i18n import translate
from personamgr.core.personas import known_zone
from personamgr.gui.controller import PersonaController


class ZoneNotice(QFrame):
    """Hidden unless some persona's zone is unknown here; follows the personas as they change."""

    def __init__(self, controller: PersonaController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("zoneNotice")  # the theme's stylesheet colours it
        self.controller = controller
        self.text = QLabel()
        self.text.setObjectName("zoneNoticeText")
        self.text.setWordWrap(True)
        self.dismiss_button = QPushButton(translate("ZoneNotice", "Dismiss"))
        self.dismiss_button.clicked.connect(self.dismiss)
        self._dismissed: set[tuple[str, str]] = set()  # (persona uid, zone) the user has read about
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.dismiss_button)
        controller.personasChanged.connect(self.show_unknown)
        self.show_unknown()

    def show_unknown(self) -> None:
        unknown = [p for p in self.controller.personas if not known_zone(p.timezone)]
        if not unknown or {(p.uid, p.timezone) for p in unknown} <= self._dismissed:
            self.hide()
            return
        self.text.setText("<br>".join(translate(
            "ZoneNotice", "<b>{persona}'s time zone {zone} is not known on this computer</b>, so its times are shown "
            "in UTC. Choose its zone again in Persona ▸ Edit {persona}…, Schedule tab.").format(
            persona=html.escape(p.name), zone=html.escape(p.timezone)) for p in unknown))
        self.show()

    def dismiss(self) -> None:
        """Hidden until another persona's zone, or another zone, is unknown: not again at every persona edit."""
        self._dismissed |= {(p.uid, p.timezone) for p in self.controller.personas if not known_zone(p.timezone)}
        self.hide()
