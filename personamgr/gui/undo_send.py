"""Ctrl+Enter posts after a few seconds in which it can be undone: "Sending in 5 s · Undo".

During those seconds the post is still the persona's draft in the outbox (saved
first, so a crash or a quit keeps the words and sends nothing), the box is
read-only, and nothing has reached the network. Undo, Ctrl+Z (Compose ▸ Undo
send), or switching persona gives the text back; when the time is up the
compose box posts it the usual way. The delay is the ``send_delay`` setting
(0 posts at once).

Quitting during the countdown does not silently drop the post: the quit flow
(``gui/quit_flow.py``) pauses the countdown and asks whether to send it now or
keep it as a draft.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from personamgr.core.i18n import translate
from personamgr.gui.compose import ComposeWidget
from personamgr.gui.drafts import Content
from personamgr.gui.help import keys
from personamgr.gui.widgets import offer

TICK_MS = 1000


class UndoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")  # coloured by the theme's stylesheet
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel()
        self.label.setObjectName("undoLabel")
        self.undo_button = QPushButton(translate("UndoSend", "Undo"))
        self.undo_button.setObjectName("undoSend")
        self.undo_button.setAccessibleName(translate("UndoSend", "Undo the post"))
        self.undo_button.setToolTip(translate("UndoSend", "Keep it as a draft instead (Ctrl+Z)"))
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        self.hide()


class UndoSend(QObject):
    """Owns Ctrl+Enter for a compose box: a short, visible countdown before :meth:`ComposeWidget.post_now`."""

    started = Signal(int)  # seconds
    undone = Signal()
    sent = Signal()

    def __init__(self, compose: ComposeWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.compose = compose
        self.settings = compose.controller.services.settings
        self.bar = UndoBar()
        compose.extras.addWidget(self.bar)
        self.bar.undo_button.clicked.connect(self.undo)
        self.remaining = 0
        self._counting = False  # between Ctrl+Enter and sending or undoing (paused while quitting asks)
        self.uid = ""
        self.content: Content | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        # Compose ▸ Post shows it; its keys work where one writes, as the compose box's own.
        self.post_action = QAction(translate("UndoSend", "&Post"), compose)
        self.post_action.setObjectName("postAction")
        self.post_action.setShortcuts([keys("post"), QKeySequence("Ctrl+Enter")])
        self.post_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.post_action.triggered.connect(self.request)
        compose.addAction(self.post_action)
        compose.canSendChanged.connect(self._follow)
        self._follow()
        # Compose ▸ Undo send, offered while a post waits out its seconds: Ctrl+Z was found only in the F1 list.
        self.undo_action = QAction(translate("UndoSend", "&Undo send"), compose)
        self.undo_action.setObjectName("undoSendAction")
        self.undo_action.setShortcut(keys("undo_send"))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(lambda _checked=False: self.undo())
        compose.addAction(self.undo_action)
        self._offer_undo()
        compose.controller.activePersonaChanged.connect(self._on_switch)

    def _follow(self, _can: bool = False) -> None:
        """Compose ▸ Post is offered exactly when the Post button is (the compose box's one verdict)."""
        offer(self.post_action, self.compose.why_not_post,
              translate("UndoSend", "Post now, after a few seconds in which you can undo it"))

    def _offer_undo(self) -> None:
        offer(self.undo_action, "" if self._counting else translate("UndoSend", "No post is about to go out."),
              translate("UndoSend", "Keep the post that is about to go out as a draft instead"))

    @property
    def pending(self) -> bool:
        return self._counting

    @property
    def counting_down(self) -> bool:
        """Whether the seconds run now: once they stop (sent, undone, or paused while Quit asks), nothing here
        sends the post until someone acts."""
        return self._timer.isActive()

    @Slot()
    def request(self) -> None:
        """Ctrl+Enter: the guard asks first (as for Post), then the countdown starts."""
        if self.pending or not self.compose.post_button.isEnabled():
            return
        self.compose.guarded("post", self._start)

    def _start(self) -> None:
        delay = int(self.settings.get("send_delay"))
        if delay <= 0:
            self.compose.post_now()
            return
        if not self.compose.post_button.isEnabled():
            return
        self.compose.flush()  # the words are the persona's draft in the store before anything else happens
        self.uid, self.content = self.compose.current_uid, self.compose.content()
        self.remaining = delay
        self.compose.hold(True)
        self._show()
        self.bar.show()
        self._counting = True
        self._offer_undo()
        self._timer.start()
        self.started.emit(delay)

    def _show(self) -> None:
        remaining = self.remaining  # a plain name: pyside6-lupdate reads no other count
        text = translate("UndoSend", "Sending in %n s", None, remaining)
        self.bar.label.setText(text)
        self.bar.setAccessibleDescription(text)

    @Slot()
    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self._show()
            return
        self.send_now()

    def send_now(self) -> bool:
        """Post it now rather than at the end of the countdown (it ends, or Quit's "Send now"); whether it went
        to the compose box's sender."""
        if not self.pending:
            return False
        self._stop()
        if self.compose.current_uid == self.uid and self.compose.content() == self.content:
            self.compose.post_now()
            self.sent.emit()
            return True
        return False

    def pause(self) -> None:
        """Stop counting while a question is open (Quit asks): the post does not go out behind the dialog."""
        self._timer.stop()

    def resume(self) -> None:
        if self.pending:
            self._timer.start()

    def _stop(self) -> None:
        self._counting = False
        self._timer.stop()
        self._offer_undo()
        self.bar.hide()
        self.compose.hold(False)

    @Slot()
    def undo(self, message: str = "") -> None:
        if not self.pending:
            return
        self._stop()
        self.compose.say(message or translate("UndoSend", "Not sent. The text is back in the box."))
        self.compose.focus_editor()
        self.undone.emit()

    @Slot(str, str)
    def _on_switch(self, _uid: str, previous: str) -> None:
        if self.pending and previous == self.uid:
            self.undo(translate("UndoSend", "Not sent: you switched persona before it went out. The text is kept "
                                "as that persona's draft."))
