"""At start, a notice that settings.toml could not be read as written: which file, and which settings fell back to
their defaults (``Settings.problems``). Not a dialog: the app works with the defaults, so nothing has to be
answered; the notice stays until it is dismissed or the settings are saved (which writes a good file)."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from personamgr.core.i18n import translate
from personamgr.core.settings import Settings


class SettingsNotice(QFrame):
    """Hidden unless the settings file had problems."""

    openRequested = Signal()  # noqa: N815 (Qt naming) the user wants the Settings dialog
    _saved = Signal()  # a setting was saved, from whichever thread saved it

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsNotice")  # the theme's stylesheet colours it
        self.text = QLabel()
        self.text.setObjectName("settingsNoticeText")
        self.text.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("settingsNoticeDetails")
        self.details.setWordWrap(True)
        self.open_button = QPushButton(translate("SettingsNotice", "Settings…"))
        self.open_button.clicked.connect(self.openRequested)
        self.dismiss_button = QPushButton(translate("SettingsNotice", "Dismiss"))
        self.dismiss_button.clicked.connect(self.hide)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.text)
        words.addWidget(self.details)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addLayout(words, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.dismiss_button)
        self._saved.connect(self.hide)
        settings.subscribe(lambda _key: self._saved.emit())
        self.show_problems(settings)

    def show_problems(self, settings: Settings) -> None:
        if not settings.problems or settings.path is None:
            self.hide()
            return
        prefix = f"{settings.path}: "
        self.text.setText(translate("SettingsNotice", "<b>Some settings could not be read</b> from {file}, so they "
                                    "use their defaults. Saving the settings writes a good file.").format(
            file=html.escape(str(settings.path))))
        self.details.setText("\n".join("• " + p.removeprefix(prefix) for p in settings.problems))
        self.show()
