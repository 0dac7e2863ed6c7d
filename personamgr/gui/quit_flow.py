"""Quitting while posts are scheduled: nothing goes out while personamgr is closed, so the user decides how.

The ``quit_with_queue`` setting says what happens: keep running in the tray,
offer to start the background sender (``personamgr daemon``, which steps aside
when the window opens again), or quit with a warning. With nothing scheduled,
Quit quits at once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from personamgr.core.i18n import translate
from personamgr.core.outbox import PostState

if TYPE_CHECKING:
    from personamgr.gui.app import Shell

log = logging.getLogger(__name__)


class QuitFlow(QObject):
    """``request()`` is what Quit (menu, Ctrl+Q, the tray, closing the window without a tray) calls."""

    decided = Signal(str)  # "quit", "daemon", "tray" or "cancel"

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shell = shell
        self.box: QMessageBox | None = None
        self._busy = False

    @property
    def window(self) -> QWidget:
        return self.shell.window

    def request(self, *, from_tray: bool = False) -> None:
        if self._busy:
            return
        self._busy = True
        outbox = self.shell.services.outbox

        def failed(error: BaseException) -> None:
            log.error("could not count the scheduled posts before quitting", exc_info=error)
            self._decide(0, from_tray)

        self.shell.workers.submit(lambda: outbox.counts([PostState.SCHEDULED]),
                                  done=lambda n: self._decide(int(n), from_tray), failed=failed, name="quit count")

    def request_from_tray(self) -> None:
        self.request(from_tray=True)

    def _decide(self, scheduled: int, from_tray: bool) -> None:
        if not scheduled:
            self._finish("quit")
            return
        policy = self.shell.services.settings.get("quit_with_queue")
        can_tray = self.shell.tray_available and not from_tray and self.window.isVisible()
        if policy == "tray" and can_tray:
            self._finish("tray", scheduled)
            return
        self._ask(scheduled, offer_daemon=policy == "offer_daemon", can_tray=can_tray)

    def _ask(self, scheduled: int, *, offer_daemon: bool, can_tray: bool) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("QuitFlow", "Quit personamgr?"),
                          translate("QuitFlow", "%n scheduled post(s) will not go out while personamgr is closed.",
                                    None, scheduled),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("quitQuestion")
        info = translate("QuitFlow", "They go out when personamgr runs again; posts whose time passed meanwhile "
                         "follow each persona's missed-post policy.")
        choices: dict[object, str] = {}
        if offer_daemon:
            info += " " + translate("QuitFlow", "The background sender sends them without a window, and steps "
                                    "aside when you open personamgr again.")
            daemon = box.addButton(translate("QuitFlow", "Start the background sender"),
                                   QMessageBox.ButtonRole.AcceptRole)
            daemon.setObjectName("quitStartDaemon")
            choices[daemon] = "daemon"
            box.setDefaultButton(daemon)
        if can_tray:
            tray = box.addButton(translate("QuitFlow", "Keep running in the tray"), QMessageBox.ButtonRole.AcceptRole)
            tray.setObjectName("quitToTray")
            choices[tray] = "tray"
        anyway = box.addButton(translate("QuitFlow", "Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        anyway.setObjectName("quitAnyway")
        choices[anyway] = "quit"
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(cancel)
        if not offer_daemon:
            box.setDefaultButton(cancel)
        box.setInformativeText(info)
        box.finished.connect(lambda _r: self._finish(choices.get(box.clickedButton(), "cancel"), scheduled))
        self.box = box
        self.shell.window.bring_to_front()
        box.open()

    def _finish(self, choice: str, scheduled: int = 0) -> None:
        self._busy = False
        self.decided.emit(choice)
        if choice == "cancel":
            return
        if choice == "tray":
            self.shell.window.hide()
            self.shell.notify(translate("QuitFlow", "personamgr keeps running"),
                              translate("QuitFlow", "It stays in the tray so %n scheduled post(s) go out. Choose "
                                        "Quit in the tray menu to stop it.", None, scheduled))
            return
        if choice == "daemon":
            self.shell.start_daemon_on_exit = True
        self.shell.shutdown()
