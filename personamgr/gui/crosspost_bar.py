"""After a post goes out, offer the same words to a persona on another network whose focus they also fit.

"Also post this to synths on Mastodon?" appears only where it makes sense (see ``core.crosspost``):
another network (never a second X account), a persona the guard says the text fits, not paused. One
click posts it there, in a worker; the bar says how it went. Nothing is offered without a guard verdict.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from personamgr.core import crosspost
from personamgr.core.faults import in_words
from personamgr.core.i18n import translate
from personamgr.core.outbox import Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.gui.accounts_text import network_name
from personamgr.gui.compose import ComposeWidget


class CrossPostBar(QFrame):
    def __init__(self, compose: ComposeWidget, guard: QObject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compose = compose
        self.guard = guard
        self.text = ""
        self.target: Persona | None = None
        self.setObjectName("crossPostBar")
        self.setStyleSheet("#crossPostBar { border: 1px solid palette(mid); border-radius: 6px; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.post_button = QPushButton()
        self.post_button.setObjectName("crossPostButton")
        self.post_button.setAccessibleName(translate("CrossPostBar", "Post the same words on the other network"))
        self.post_button.clicked.connect(self.post_there)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(translate("CrossPostBar", "Dismiss"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.post_button)
        row.addWidget(close)
        self.hide()
        layout = compose.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.indexOf(compose.bar) + 1, self)
        compose.posted.connect(self.offer)

    @Slot(object)
    def offer(self, post: Post) -> None:
        """Called with every posted post: offer the best other-network persona the text fits, if any."""
        self.hide()
        result = getattr(self.guard, "result", None)
        controller = self.compose.controller
        source = controller.persona(post.persona_uid)
        if post.state is not PostState.SENT or result is None or source is None or post.thread:
            return
        if result.persona != source.name or " ".join(post.text.split()) != " ".join(
                getattr(getattr(self.guard, "result_key", None), "text", "").split()):
            return  # the verdict on screen is for other words
        fits = crosspost.targets(controller.personas, source, result.scores, result.threshold)
        if not fits:
            return
        self.target = max(fits, key=lambda p: result.scores.get(p.name, 0.0))
        self.text = post.text
        self.label.setText(translate("CrossPostBar", "It fits {persona} on {network} too. Post the same words "
                                                     "there?").format(persona=self.target.name,
                                                                      network=network_name(self.target)))
        self.post_button.setText(translate("CrossPostBar", "Post to {persona}").format(persona=self.target.name))
        self.post_button.setEnabled(True)
        self.post_button.show()
        self.show()

    @Slot()
    def post_there(self) -> None:
        target, text = self.target, self.text
        if target is None:
            return
        services = self.compose.controller.services
        self.post_button.setEnabled(False)

        def send() -> Post:
            return services.poster.send(services.outbox.create(target.uid, text).id)

        self.compose.workers.submit(send, done=self._sent, failed=lambda e: self._said(
            str(e) if isinstance(e, SentNotRecorded) else  # out, its record refused: said as out
            translate("CrossPostBar", "Could not post to {persona}: {error}.").format(
                persona=target.name, error=in_words(e, services.store.path))),  # a locked database in words
            name="cross-post")

    def _sent(self, post: Post) -> None:
        if post.state is PostState.SENT:
            self._said(translate("CrossPostBar", "Posted to {persona} too.").format(persona=post.persona_name))
        else:
            self._said(translate("CrossPostBar", "{persona}: {state}. {error}").format(persona=post.persona_name,
                                                                     state=post.state.label, error=post.note or ""))

    def _said(self, message: str) -> None:
        self.label.setText(message)
        self.post_button.hide()
