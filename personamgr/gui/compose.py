"""The compose area: who you post as, what you write, how long it is, and the Post button.

Drafts are autosaved (debounced) per persona through :class:`DraftKeeper`.
Switching persona puts the other persona's draft in the box and says plainly
where the one you were writing went, with a one-click move. Posting sends the
draft post itself in a worker; the box clears only once the outcome is recorded.

Later features hang their widgets in :attr:`ComposeWidget.extras`, the slot
between the text box and the counter row (the guard's fit meter goes there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.outbox import Post, PostState
from personamgr.core.text import measure
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import DraftKeeper
from personamgr.gui.icons import persona_icon
from personamgr.gui.widgets import MessageLabel, set_tone
from personamgr.gui.workers import Workers

log = logging.getLogger(__name__)

AUTOSAVE_MS = 600
WARN_REMAINING = 20


class DraftBar(QFrame):
    """"Your draft for career is kept — [Switch back] [Move it to metal]"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBar")  # the theme's stylesheet colours it
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.switch_back = QPushButton("Switch back")
        self.move_here = QPushButton("Move it here")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss: the draft stays with its persona")
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.switch_back)
        row.addWidget(self.move_here)
        row.addWidget(self.close_button)
        self.hide()


class ComposeWidget(QWidget):
    """Compose as the active persona. Emits :attr:`posted` with the recorded post."""

    posted = Signal(object)  # Post, in the state the attempt ended in
    canSendChanged = Signal(bool)  # noqa: N815 (Qt naming) whether the text may be posted or scheduled now
    postFailed = Signal(str)  # noqa: N815 (Qt naming) an unexpected error; the text is still in the box

    def __init__(self, controller: PersonaController, drafts: DraftKeeper, workers: Workers,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.drafts = drafts
        self.workers = workers
        self._uid = ""  # the persona whose text the editor holds
        self._loading = False
        self._sending: dict[str, tuple[int, str]] = {}  # persona uid -> (post id, text) being sent
        self._bar_from = ""  # the persona whose draft the bar talks about
        self._held = False  # a post is waiting out its undo time (see gui/undo_send.py)
        # Asked before Post / Schedule / Add to queue act: gate(action, proceed) calls proceed() or not (the guard).
        self.gate: Callable[[str, Callable[[], None]], None] | None = None

        self.persona_combo = QComboBox()
        self.persona_combo.setObjectName("personaCombo")
        self.persona_combo.setAccessibleName("Post as")
        self.persona_combo.setMinimumWidth(220)
        self.persona_combo.activated.connect(self._on_combo)
        self.network_label = QLabel()
        self.network_label.setObjectName("networkLabel")
        self.network_label.setProperty("tone", "hint")
        head = QHBoxLayout()
        as_label = QLabel("Post as")
        as_label.setBuddy(self.persona_combo)
        head.addWidget(as_label)
        head.addWidget(self.persona_combo)
        head.addWidget(self.network_label)
        head.addStretch(1)

        self.bar = DraftBar()
        self.bar.switch_back.clicked.connect(self._switch_back)
        self.bar.move_here.clicked.connect(self._move_here)

        self.editor = QPlainTextEdit()
        self.editor.setObjectName("composeEditor")
        self.editor.setAccessibleName("Compose")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(84)
        self.editor.textChanged.connect(self._on_text)

        self.extras = QVBoxLayout()  # the guard's meter and warnings go here
        self.extras.setContentsMargins(0, 0, 0, 0)

        self.status = MessageLabel()  # one line; a long message is cut with "…" and shown whole in its tooltip
        self.status.setObjectName("composeStatus")
        self.status.setProperty("tone", "hint")
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.counter.setAccessibleName("Length")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # As wide as the widest count it can show, so the buttons beside it never move as the count grows.
        self.counter.setMinimumWidth(self.counter.fontMetrics().horizontalAdvance("25,000 / 25,000") + 6)
        self.post_button = QPushButton("Post")
        self.post_button.setObjectName("postButton")
        self.post_button.setDefault(True)
        self.post_button.setMinimumWidth(max(96, self.post_button.fontMetrics().horizontalAdvance("Posting…") + 32))
        self.post_button.setToolTip("Post now. Ctrl+Return posts after a few seconds in which you can undo it.")
        self.post_button.clicked.connect(self.post)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.counter)
        foot.addSpacing(8)
        foot.addWidget(self.post_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.bar)
        layout.addWidget(self.editor, 1)
        layout.addLayout(self.extras)
        layout.addWidget(self.status)  # its own line, the width of the box: messages are not squeezed by buttons
        layout.addLayout(foot)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)

        controller.personasChanged.connect(self._reload_personas)
        controller.activePersonaChanged.connect(self._on_switch)
        self._reload_personas()
        self._load(controller.active_uid)
        self._attach_cost_line()

    def _attach_cost_line(self) -> None:
        """X's price, this month's spend and X's rules for the text, by the counter (hidden on the sandbox)."""
        from personamgr.gui.cost_line import CostLine

        self.cost_line = CostLine(self.controller.services, self.workers, self)
        self.cost_line.place(self.layout(), self.counter)  # type: ignore[arg-type]

        def follow(*_args: object) -> None:
            self.cost_line.update_for(self.controller.persona(self._uid), self.editor.toPlainText())

        for signal in (self.editor.textChanged, self.controller.activePersonaChanged,
                       self.controller.personasChanged, self.posted):
            signal.connect(follow)
        follow()

    # -- persona switching ---------------------------------------------------------------
    @Slot()
    def _reload_personas(self) -> None:
        self.persona_combo.blockSignals(True)
        self.persona_combo.clear()
        for p in self.controller.personas:
            label = f"{p.name}  {p.handle}" if p.handle else p.name
            self.persona_combo.addItem(persona_icon(p.colour, p.initial), label, p.uid)
        self.persona_combo.setCurrentIndex(max(0, self.persona_combo.findData(self.controller.active_uid)))
        self.persona_combo.blockSignals(False)
        self._refresh()

    @Slot(int)
    def _on_combo(self, index: int) -> None:
        uid = self.persona_combo.itemData(index)
        if uid:
            self.controller.set_active(uid)

    @Slot(str, str)
    def _on_switch(self, uid: str, previous: str) -> None:
        self.flush()
        self.status.setText("")  # what it said was about the other persona's text
        self.persona_combo.setCurrentIndex(max(0, self.persona_combo.findData(uid)))
        left = self.drafts.text(previous).strip() if previous and previous != uid else ""
        self._load(uid)
        old, new = self.controller.persona(previous), self.controller.persona(uid)
        if left and old is not None and new is not None:
            self._bar_from = previous
            self.bar.label.setText(f"Your draft for <b>{old.name}</b> is kept. It is waiting there when you "
                                   "switch back.")
            self.bar.switch_back.setText(f"Switch back to {old.name}")
            self.bar.move_here.setText(f"Move it to {new.name}")
            self.bar.move_here.setEnabled(uid not in self._sending)
            self.bar.show()
        else:
            self.bar.hide()

    def _load(self, uid: str) -> None:
        """Show ``uid``'s draft (or the post it is sending) in the editor."""
        self._uid = uid
        sending = self._sending.get(uid)
        self._loading = True
        try:
            self.editor.setPlainText(sending[1] if sending else self.drafts.text(uid))
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        finally:
            self._loading = False
        persona = self.controller.persona(uid)
        self.editor.setPlaceholderText(f"What's new, {persona.name}?" if persona else "Add a persona to start.")
        self.network_label.setText(self._network_text(uid))
        self._refresh()

    def _network_text(self, uid: str) -> str:
        persona = self.controller.persona(uid)
        if persona is None:
            return ""
        network = self.controller.services.networks.get(persona.network)
        name = getattr(network, "display_name", persona.network)
        return f"on {name}"

    @property
    def current_uid(self) -> str:
        """The persona whose text the editor holds."""
        return self._uid

    def move_draft_to(self, uid: str) -> bool:
        """Carry the draft in the box to persona ``uid`` and switch to it (as the bar's "Move it here" does)."""
        source = self._uid
        if not uid or uid == source or source in self._sending or self.controller.persona(uid) is None:
            return False
        self.controller.set_active(uid)
        if self._uid != uid:
            return False
        self._bar_from = source
        self._move_here()
        return True

    def guarded(self, action: str, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` once the gate (the persona guard) agrees; ``action`` is "post", "schedule" or "queue"."""
        if self.gate is None:
            proceed()
        else:
            self.gate(action, proceed)

    @Slot()
    def _switch_back(self) -> None:
        self.bar.hide()
        self.controller.set_active(self._bar_from)

    @Slot()
    def _move_here(self) -> None:
        """Bring the draft the user was writing to the persona they switched to."""
        self.bar.hide()
        old = self.controller.persona(self._bar_from)
        self.flush()
        text = self.drafts.move(self._bar_from, self._uid)
        self._loading = True
        try:
            self.editor.setPlainText(text)
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        finally:
            self._loading = False
        self._refresh()
        persona = self.controller.persona(self._uid)
        if old and persona:
            self.status.setText(f"Moved your draft from {old.name} to {persona.name}.")
        self.editor.setFocus()

    # -- text ----------------------------------------------------------------------------
    @Slot()
    def _on_text(self) -> None:
        if self._loading:
            return
        self._autosave.start()
        self.status.setText("")
        self._refresh()

    @Slot()
    def flush(self) -> None:
        """Save the editor's text as the current persona's draft now."""
        self._autosave.stop()
        if not self._uid or self._uid in self._sending:
            return
        self.drafts.save(self._uid, self.editor.toPlainText())

    def _refresh(self) -> None:
        persona = self.controller.persona(self._uid)
        text = self.editor.toPlainText()
        limit = persona.char_limit if persona else 280
        m = measure(text, limit)
        self.counter.setText(f"{m.length:,} / {m.limit:,}")
        if m.too_long:
            tone, tip = "strong-error", f"{-m.remaining:,} over {persona.name if persona else 'the'}'s limit"
        elif m.remaining <= WARN_REMAINING:
            tone, tip = "strong-warning", f"{m.remaining:,} left"
        else:
            tone, tip = "", f"{m.remaining:,} left"
        self.counter.setProperty("tooLong", m.too_long)
        set_tone(self.counter, tone)
        self.counter.setToolTip(tip)
        sending = self._uid in self._sending
        self.editor.setReadOnly(sending or self._held)
        self.post_button.setText("Posting…" if sending else "Post")
        can_send = bool(persona) and bool(text.strip()) and not m.too_long and not sending and not self._held
        self.post_button.setEnabled(can_send)
        self.canSendChanged.emit(can_send)
        if m.too_long and persona:
            self.status.setText(f"Too long for {persona.name}: shorten it by {-m.remaining:,}.")
        elif sending:
            self.status.setText("Posting…")

    # -- posting -------------------------------------------------------------------------
    @Slot()
    def post(self) -> None:
        """Post the text now as the active persona, in a worker (once the guard agrees or the user overrides it)."""
        if not self.post_button.isEnabled():
            return
        self.guarded("post", self._post_now)

    def post_now(self) -> None:
        """Post the text now, without asking the guard again (it was asked, or the user overrode it)."""
        self._post_now()

    def hold(self, held: bool) -> None:
        """Freeze the box while a post waits out its undo time: nothing can be typed, posted or scheduled."""
        self._held = held
        self._refresh()

    def say(self, message: str) -> None:
        """One line under the box about what just happened (it goes when the persona or the text changes)."""
        self.status.setText(message)

    def _post_now(self) -> None:
        if not self.post_button.isEnabled():
            return
        uid = self._uid
        text = self.editor.toPlainText().strip()
        self._autosave.stop()
        post_id = self.drafts.save(uid, text)
        if post_id is None:
            return
        self._sending[uid] = (post_id, text)
        self.bar.move_here.setEnabled(False)
        self._refresh()
        poster = self.controller.services.poster
        self.workers.submit(
            lambda: poster.send(post_id),
            done=lambda post: self._sent(uid, post),
            failed=lambda error: self._send_error(uid, post_id, error),
            name="post",
        )

    def _sent(self, uid: str, post: Post) -> None:
        self._sending.pop(uid, None)
        self.drafts.detach(uid, post.id)
        if self._uid == uid:
            self._loading = True
            try:
                self.editor.clear()
            finally:
                self._loading = False
        self._refresh()
        name = post.persona_name
        if self._uid == uid:
            self.status.setText(self._outcome(post, name))
        self.posted.emit(post)

    @staticmethod
    def _outcome(post: Post, name: str) -> str:
        if post.state is PostState.SENT:
            return f"Sent as {name}."
        if post.state is PostState.SCHEDULED:
            return "Not sent yet: it will be retried. See the history."
        return f"{post.state.label}: see the history for why. The text is kept there."

    def _send_error(self, uid: str, post_id: int, error: BaseException) -> None:
        """Something unexpected (not a network failure, which the poster records): keep the text."""
        log.error("posting %s failed unexpectedly", post_id, exc_info=error)
        self._sending.pop(uid, None)
        try:
            state = self.controller.services.outbox.get(post_id).state
        except LookupError:
            state = None
        if state is not PostState.DRAFT:
            self.drafts.detach(uid, post_id)  # the post keeps the text in the history
        self._refresh()
        message = f"Could not post: {error}. Your text is kept."
        if self._uid == uid:
            self.status.setText(message)
        self.postFailed.emit(message)

    def new_draft(self) -> bool:
        """Ctrl+N: an empty box for a new post. The text that was in it stays a draft, listed in the history."""
        if self._held or self._uid in self._sending or not self._uid:
            return False
        self.flush()
        post_id = self.drafts.post_id(self._uid)
        kept = bool(self.editor.toPlainText().strip()) and post_id is not None
        if kept:
            self.drafts.detach(self._uid, post_id)  # type: ignore[arg-type]
        self._loading = True
        try:
            self.editor.clear()
        finally:
            self._loading = False
        self._refresh()
        self.say("Your previous draft is in the history; Edit in compose brings it back." if kept else "")
        self.focus_editor()
        return True

    def focus_editor(self) -> None:
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
