"""A notice naming each persona saved with a plain-http server (off this computer) by an older version: such a
persona sends nothing there (``RemoteNetwork.refuse_plain_http``), and the window said so only once a post of it
had failed. Shown from start-up, before the user writes for it, with the https address and one click to use it
and reconnect. Not a dialog: the other personas work, so nothing has to be answered."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from personamgr.core.faults import STORAGE_ERRORS, in_words
from personamgr.core.i18n import translate
from personamgr.core.personas import Persona, PersonaError, secure_address
from personamgr.core.services import Services
from personamgr.gui.accounts_text import network_name
from personamgr.gui.controller import PersonaController
from personamgr.gui.widgets import unbroken
from personamgr.gui.workers import Workers


class ServerNotice(QFrame):
    """Hidden unless some persona's server is plain http; follows the personas as they change."""

    reconnectRequested = Signal(str)  # noqa: N815 (Qt naming) persona uid, once its server is the https one

    def __init__(self, services: Services, controller: PersonaController, workers: Workers,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverNotice")  # the theme's stylesheet colours it
        self.services = services
        self.controller = controller
        self.workers = workers
        self.text = QLabel()
        self.text.setObjectName("serverNoticeText")
        self.text.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        self._column = QVBoxLayout()
        self._switching: dict[str, str] = {}  # persona uid: the https server written for it, not yet loaded back
        self._error = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addLayout(self._column)
        controller.personasChanged.connect(self.show_insecure)
        self.show_insecure()

    def insecure(self) -> list[tuple[Persona, str]]:
        """Each persona whose server is plain http off this computer, with the https address to use instead."""
        return [(p, secure) for p in self.controller.personas if (secure := secure_address(p.server))]

    def show_insecure(self) -> None:
        for uid, server in list(self._switching.items()):
            persona = self.controller.persona(uid)
            if persona is not None and persona.server == server:  # written and loaded back: connect it there
                del self._switching[uid]
                self.reconnectRequested.emit(uid)
        for button in self.buttons:
            self._column.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        found = self.insecure()
        if not found and not self._error:
            self.hide()
            return
        lines = [translate(
            "ServerNotice", "<b>{persona} sends nothing: its {network} server {server} is plain http,</b> which "
            "would carry its account's token readable. Use {secure} and reconnect the account.").format(
            persona=html.escape(p.name), network=html.escape(network_name(p)),
            server=html.escape(unbroken(p.server or "")), secure=html.escape(unbroken(secure))) for p, secure in found]
        self.text.setText("<br>".join([*lines, *([html.escape(self._error)] if self._error else [])]))
        for persona, secure in found:
            button = QPushButton(translate("ServerNotice", "Use https and reconnect {persona}…").format(
                persona=persona.name.replace("&", "&&")))  # "&" in a name is no Alt-letter
            button.setObjectName("useHttpsButton")
            button.clicked.connect(lambda _checked=False, uid=persona.uid, server=secure: self.use_https(uid, server))
            self._column.addWidget(button)
            self.buttons.append(button)
        self.show()

    def use_https(self, uid: str, server: str) -> None:
        """``server`` (the https address) for the persona, written in a worker; its account is connected again once
        the personas are loaded back with it (the connect dialog reads the persona it is given)."""
        persona = self.controller.persona(uid)
        if persona is None:
            return
        changed, store = persona.with_changes(server=server), self.services.store
        self._switching[uid] = server
        self._error = ""

        def not_written(error: BaseException) -> None:
            if not isinstance(error, (PersonaError, ValueError, *STORAGE_ERRORS)):
                raise error
            self._switching.pop(uid, None)
            self._error = translate("ServerNotice", "{persona}'s server was not changed: {error}").format(
                persona=persona.name, error=in_words(error, store.path))
            self.show_insecure()

        self.workers.submit(lambda: store.update_persona(changed), done=lambda _p: None, failed=not_written,
                            name="use https", lane="persona changes")
