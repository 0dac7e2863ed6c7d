"""Quitting while posts are scheduled: nothing goes out while personamgr is closed, so the user decides how.

The ``quit_with_queue`` setting says what happens: keep running in the tray,
offer to start the background sender (``personamgr daemon``, which steps aside
when the window opens again), or quit with a warning. With nothing scheduled,
Quit quits at once.

Quit during Ctrl+Enter's undo countdown first asks about that post: the user
pressed Post, so "Send now and quit" is the default; "Keep as draft and quit"
keeps the words unsent; Cancel goes back to the countdown. A post that does not
go out when sent this way stops the quit, so the user sees why.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from personamgr.core.i18n import translate
from personamgr.core.outbox import Post, PostState
from personamgr.gui.a11y import with_letters

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
        undo = self.shell.undo_send
        if undo is not None and undo.pending:
            self._ask_pending(from_tray)
            return
        self._count(from_tray)

    def _count(self, from_tray: bool) -> None:
        outbox = self.shell.services.outbox

        def failed(error: BaseException) -> None:
            log.error("could not count the scheduled posts before quitting", exc_info=error)
            self._decide(0, from_tray)

        self.shell.workers.submit(lambda: outbox.counts([PostState.SCHEDULED]),
                                  done=lambda n: self._decide(int(n), from_tray), failed=failed, name="quit count")

    def _ask_pending(self, from_tray: bool) -> None:
        """A post is waiting out its undo time: send it now, keep it as a draft, or go back (the countdown
        waits meanwhile)."""
        undo = self.shell.undo_send
        undo.pause()
        persona = self.shell.controller.persona(undo.uid)
        box = QMessageBox(QMessageBox.Icon.Question, translate("QuitFlow", "Quit personamgr?"),
                          translate("QuitFlow", "Your post as {name} has not gone out yet.").format(
                              name=persona.name if persona else ""),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("quitPendingPost")
        box.setInformativeText(translate("QuitFlow", "It was waiting out its few seconds in which it can be undone. "
                                         "Send it now, or keep it as a draft: it is not sent while personamgr is "
                                         "closed."))
        send = box.addButton(translate("QuitFlow", "Send now and quit"), QMessageBox.ButtonRole.AcceptRole)
        send.setObjectName("quitSendNow")
        keep = box.addButton(translate("QuitFlow", "Keep as draft and quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep.setObjectName("quitKeepDraft")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        with_letters(box)
        box.setDefaultButton(send)
        box.setEscapeButton(cancel)

        def chosen(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is send:
                self._send_then_quit(from_tray)
            elif clicked is keep:
                undo.undo(translate("QuitFlow", "Not sent: kept as a draft."))
                self._count(from_tray)
            else:
                undo.resume()
                self._finish("cancel")

        box.finished.connect(chosen)
        self.box = box
        self.shell.window.bring_to_front()
        box.open()

    def _send_then_quit(self, from_tray: bool) -> None:
        """Send the post now; quit once it went out. If it did not, stay, so the user sees what happened."""
        compose = self.shell.window.compose

        def settled(post: object) -> None:
            compose.posted.disconnect(settled)
            compose.postFailed.disconnect(settled)
            if isinstance(post, Post) and post.state is PostState.SENT:
                self._count(from_tray)
                return
            self.shell.window.statusBar().showMessage(translate(
                "QuitFlow", "Not quitting: the post did not go out. See the history."))
            self._finish("cancel")

        compose.posted.connect(settled)
        compose.postFailed.connect(settled)
        if not self.shell.undo_send.send_now():  # the box changed under the countdown: nothing to send
            compose.posted.disconnect(settled)
            compose.postFailed.disconnect(settled)
            self._count(from_tray)

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
        info = translate("QuitFlow", "(It goes|They go) out when personamgr runs again; (if its time passes "
                         "meanwhile, it follows its persona's|posts whose time passed meanwhile follow each persona's) "
                         "missed-post policy.", None, scheduled)
        choices: dict[object, str] = {}
        if offer_daemon:
            info += " " + translate("QuitFlow", "The background sender sends (it|them) without a window, and steps "
                                    "aside when you open personamgr again.", None, scheduled)
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
        with_letters(box)
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
