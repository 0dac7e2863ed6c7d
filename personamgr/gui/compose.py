"""The compose area: who you post as, what you write (a post or a thread, with images), and the Post button.

Drafts (text, thread parts and images) are autosaved (debounced) per persona
through :class:`DraftKeeper`. Switching persona puts the other persona's draft
in the box and says plainly where the one you were writing went, with a
one-click move. Posting sends the draft post itself in a worker; the box clears
only once the outcome is recorded. What it shares with the editor of an
existing post (the thread editor, counters, images, the guard's slot
:attr:`extras`) is :class:`~personamgr.gui.post_composer.PostComposer`.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.faults import in_words, sentence
from personamgr.core.i18n import translate
from personamgr.core.networks.accounts import NOT_CONNECTED
from personamgr.core.outbox import Post, PostState, override_stands
from personamgr.core.reason_words import StoredReason
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.gui.accounts_text import on_network
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import EMPTY, Content, DraftKeeper, Options
from personamgr.gui.icons import persona_icon
from personamgr.gui.post_composer import WARN_REMAINING, PostComposer
from personamgr.gui.post_options import PostOptions
from personamgr.gui.widgets import MessageLabel
from personamgr.gui.workers import Workers

log = logging.getLogger(__name__)

AUTOSAVE_MS = 600
ROW_GAP = 8  # between compose's rows
COMPACT_ROW_GAP = 4  # on a short window: a message under the box and the guard's warning leave Post in sight
__all__ = ["AUTOSAVE_MS", "WARN_REMAINING", "ComposeWidget", "DraftBar"]


class DraftBar(QFrame):
    """"Your draft for career is kept — [Switch back] [Move it to metal]".

    Its buttons name a long persona shortened (whole in the tooltip), and go under the sentence when the bar
    is too narrow for both side by side: a long name otherwise left the sentence one cut word wide.
    """

    NAME_EM = 12  # a persona's name in a button is at most this many "M"s wide
    SENTENCE_EM = 24  # narrower than this, the sentence gets a row of its own

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBar")  # the theme's stylesheet colours it
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.switch_back = QPushButton(translate("DraftBar", "Switch back"))
        self.move_here = QPushButton(translate("DraftBar", "Move it here"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(translate("DraftBar", "Dismiss"))
        self.close_button.setToolTip(translate("DraftBar", "Dismiss: the draft stays with its persona"))
        self.close_button.clicked.connect(self.hide)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.switch_back)
        self.buttons.addWidget(self.move_here)
        self.buttons.addWidget(self.close_button)
        self.grid.addWidget(self.label, 0, 0)
        self.grid.addLayout(self.buttons, 0, 1)
        self._wide = True
        self.hide()

    def tell(self, old: str, new: str) -> None:
        """Say that ``old``'s draft is kept while ``new`` is in the box."""
        self.label.setText(translate("ComposeWidget", "Your draft for <b>{old}</b> is kept. It is waiting there when "
                                                      "you switch back.").format(old=html.escape(old)))
        self._name_button(self.switch_back, translate("ComposeWidget", "Switch back to {old}"), old)
        self._name_button(self.move_here, translate("ComposeWidget", "Move it to {new}"), new)
        self._arrange()

    def _name_button(self, button: QPushButton, text: str, name: str) -> None:
        metrics = button.fontMetrics()
        short = metrics.elidedText(name, Qt.TextElideMode.ElideRight, self.NAME_EM * metrics.horizontalAdvance("M"))
        button.setText(text.format(old=short, new=short).replace("&", "&&"))  # "&" in a name is no mnemonic
        button.setToolTip(text.format(old=name, new=name))
        button.setAccessibleName(text.format(old=name, new=name))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As tall as its sentence's lines at its width: the compose area squeezed it to one cut line."""
        hint = super().minimumSizeHint()
        if self.width() > 0:
            hint.setHeight(max(hint.height(), self.grid.totalHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._arrange()
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its sentence wraps on more or fewer lines

    def _arrange(self) -> None:
        """The buttons beside the sentence, or under it when the bar is narrow."""
        margins = self.grid.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self.buttons.sizeHint().width()
        wide = room >= self.SENTENCE_EM * self.fontMetrics().horizontalAdvance("M")
        if wide == self._wide:
            return
        self._wide = wide
        self.grid.removeItem(self.buttons)
        if wide:
            self.grid.addLayout(self.buttons, 0, 1)
        else:
            self.grid.addLayout(self.buttons, 1, 0, 1, 2)


class ComposeWidget(PostComposer):
    """Compose as the active persona. Emits :attr:`posted` with the recorded post."""

    posted = Signal(object)  # Post, in the state the attempt ended in
    postFailed = Signal(str)  # noqa: N815 (Qt naming) an unexpected error; the text is still in the box
    saveRecovered = Signal(str)  # noqa: N815 (Qt naming) the "not saved yet" message (postFailed) no longer holds

    def __init__(self, controller: PersonaController, drafts: DraftKeeper, workers: Workers,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, workers, "", parent)  # no persona's content yet
        self.drafts = drafts
        self._loading = False
        self._sending: dict[str, tuple[int | None, Content]] = {}  # uid -> (post id once saved, content)
        self._bar_from = ""  # the persona whose draft the bar talks about
        self._held = False  # a post is waiting out its undo time (see gui/undo_send.py)
        self._not_connected: set[str] = set()  # personas never connected: they cannot post now (scheduling is fine)
        self.can_schedule = False  # what is in the box may be scheduled (Post also needs the account connected)
        self.why_not_post = ""  # why it cannot be posted now ("" when it can): why_not_send, or no account yet

        self.persona_combo = QComboBox()
        self.persona_combo.setObjectName("personaCombo")
        self.persona_combo.setAccessibleName(translate("ComposeWidget", "Post as"))
        self.persona_combo.setMinimumWidth(220)
        self.persona_combo.activated.connect(self._on_combo)
        # The network the picked persona posts on, which the picker ("career  @career_me") does not say. It said
        # "as @career_me on Sandbox", the handle twice, and was cut with "…" at 1024x600 beside the schedule panel.
        self.network_label = MessageLabel()
        self.network_label.setObjectName("networkLabel")
        self.network_label.setProperty("tone", "hint")
        head = QHBoxLayout()
        as_label = QLabel(translate("ComposeWidget", "Post as"))
        as_label.setBuddy(self.persona_combo)
        head.addWidget(as_label)
        head.addWidget(self.persona_combo)
        head.addWidget(self.network_label, 1)  # the rest of the row: a long network name is cut only when it must

        self.bar = DraftBar()
        self.bar.switch_back.clicked.connect(self._switch_back)
        self.bar.move_here.clicked.connect(self._move_here)

        self.contentChanged.connect(self._on_text)
        drafts.saveFailed.connect(self._not_saved)
        drafts.saved.connect(self._saved_now)
        self._unsaved_said: dict[str, str] = {}  # persona uid -> the "not saved yet" message said for its words
        self.options = PostOptions()  # Mastodon: this post's content warning and visibility
        self.options.changed.connect(self._on_text)

        self.post_button = QPushButton(translate("ComposeWidget", "Post"))
        self.post_button.setObjectName("postButton")
        self.post_button.setDefault(True)
        self.post_button.setMinimumWidth(max(96, self.post_button.fontMetrics().horizontalAdvance("Posting…") + 32))
        self.post_button.clicked.connect(self.post)
        self.foot.addWidget(self.post_button)

        for row in (head, self.tools, self.foot):  # along a row the gap stays when the rows stand closer (set_compact)
            row.setSpacing(ROW_GAP)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(ROW_GAP)
        layout.addLayout(head)
        layout.addWidget(self.bar)
        layout.addWidget(self.thread, 1)
        layout.addWidget(self.options)
        layout.addLayout(self.extras)
        layout.addWidget(self.status)  # its own line, the width of the box: messages are not squeezed by buttons
        layout.addLayout(self.tools)
        layout.addLayout(self.foot)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)

        controller.personasChanged.connect(self._reload_personas)
        controller.activePersonaChanged.connect(self._on_switch)
        self._reload_personas()
        self._load(controller.active_uid)
        self._attach_cost_line()
        for signal in (self.contentChanged, self.controller.activePersonaChanged, self.controller.personasChanged,
                       self.posted):
            signal.connect(self._follow_cost)
        self._follow_cost()

    def set_compact(self, compact: bool) -> None:
        """On a short window (a 1024x600 netbook) the rows stand closer: with the guard's warning and a message
        under the box (an error, "Not saved yet: ...") both shown, Post sat below compose's fold. Only the gaps
        between rows: the window's minimum width must not change with its height."""
        self.layout().setSpacing(COMPACT_ROW_GAP if compact else ROW_GAP)

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
        self.say("")  # what it said was about the other persona's text
        self.persona_combo.setCurrentIndex(max(0, self.persona_combo.findData(uid)))
        left = not self.drafts.content(previous).empty if previous and previous != uid else False
        self._load(uid)
        old, new = self.controller.persona(previous), self.controller.persona(uid)
        if left and old is not None and new is not None:
            self._bar_from = previous
            self.bar.tell(old.name, new.name)
            self.bar.move_here.setEnabled(uid not in self._sending)
            self.bar.show()
        else:
            self.bar.hide()

    def _show(self, content: Content) -> None:
        self._loading = True
        try:
            self.set_content(content)
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        finally:
            self._loading = False

    def _load(self, uid: str) -> None:
        """Show ``uid``'s draft (or the post it is sending) in the box."""
        self._uid = uid
        sending = self._sending.get(uid)
        self._show(sending[1] if sending else self.drafts.content(uid))
        persona = self.controller.persona(uid)
        draft_id = self.drafts.post_id(uid)
        draft = self.controller.services.outbox.get(draft_id) if draft_id is not None else None
        self.options.show_for(persona, draft.content_warning if draft else None, draft.visibility if draft else None)
        self.thread.set_placeholder(translate("ComposeWidget", "What's new, {name}?").format(name=persona.name)
                                    if persona else translate("ComposeWidget", "Add a persona to start."))
        self.network_label.setText(self._network_text(uid))
        self._refresh()

    def _network_text(self, uid: str) -> str:
        persona = self.controller.persona(uid)
        if persona is None:
            return ""
        return on_network(persona)

    def busy(self) -> bool:
        return self._uid in self._sending or self._held

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

    def target_has_draft(self, uid: str) -> bool:
        return not self.drafts.content(uid).empty

    def accept_override(self, reasons: Sequence[StoredReason]) -> int | None:
        self.flush()
        self.drafts.remember_override(self._uid, reasons)  # written after the draft, by the drafts' worker
        return self.drafts.post_id(self._uid)

    def override_stands(self) -> bool:
        post_id = self.drafts.post_id(self._uid)
        if post_id is None:
            return False
        try:
            post = self.controller.services.outbox.get(post_id)
        except LookupError:
            return False
        return override_stands(post, self.parts())

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
        self._show(self.drafts.move(self._bar_from, self._uid))
        self._refresh()
        persona = self.controller.persona(self._uid)
        if old and persona:
            self.say(translate("ComposeWidget", "Moved your draft from {old} to "
                                                           "{name}.").format(old=old.name, name=persona.name))
        self.editor.setFocus()

    # -- text ----------------------------------------------------------------------------
    @Slot()
    def _on_text(self) -> None:
        if self._loading:
            return
        self._autosave.start()
        self.say("")
        self._refresh()

    @Slot()
    def flush(self) -> None:
        """Save the box's content as the current persona's draft now (written in a worker)."""
        self._autosave.stop()
        if not self._uid or self._uid in self._sending:
            return
        self.drafts.save_content(self._uid, self.content(), options=self._chosen_options())

    def _chosen_options(self) -> Options | None:
        """The content warning and visibility chosen in the box (they belong to the draft post), if shown."""
        if self.options.persona is None or self.options.isHidden():
            return None
        return self.options.values()

    def content_warning(self) -> str:
        return self.options.content_warning() if not self.options.isHidden() else super().content_warning()

    @Slot(str, str)
    def _not_saved(self, uid: str, reason: str) -> None:
        """The store could not take ``uid``'s draft: the words stay in the box (and in memory across a persona
        switch), and the drafts keeper tries again by itself. An empty box has nothing to lose: it says nothing
        (the box of a post that went out unrecorded keeps saying that)."""
        if not self.drafts.holds_words(uid):
            return
        if self.drafts.profile_gone:  # it will never be saved there: say what happens to the words instead
            message = translate("ComposeWidget", "Not saved: your text stays here, and goes to a file when you quit "
                                                 "(personamgr says where). {reason}").format(reason=sentence(reason))
        else:
            message = translate("ComposeWidget", "Not saved yet: your text stays here and is saved as soon as it "
                                                 "can be. {reason}").format(reason=sentence(reason))
        self._unsaved_said[uid] = message
        if uid == self._uid:
            self.say(message, "warning")
        self.postFailed.emit(message)

    @Slot(str)
    def _saved_now(self, uid: str) -> None:
        """``uid``'s words reached the store after all: what said they had not is taken back."""
        message = self._unsaved_said.pop(uid, None)
        if message is None:
            return
        self.saveRecovered.emit(message)
        if uid == self._uid:
            self.say(translate("ComposeWidget", "Saved."))

    def clear_content(self) -> None:
        """An empty box (its post went out or onto the schedule)."""
        self._show(EMPTY)
        self.options.show_for(self.persona())  # the next post starts from the persona's defaults
        self._refresh()

    def save_draft(self, then: Callable[[int], None]) -> None:
        """Save now; ``then(post id)`` once the draft is in the store (what Schedule… and Add to queue act on).
        If the profile cannot be written now, ``then`` is not called: the box says why and keeps the words."""
        self._autosave.stop()
        uid = self._uid
        if not uid or uid in self._sending:
            return

        def saved(post_id: int | None) -> None:
            if post_id is not None:
                then(post_id)

        self.drafts.save_content(uid, self.content(), options=self._chosen_options(), then=saved)
        self.drafts.retry_now()  # the user asked: a write waiting to be tried again goes now

    @Slot(str, str)
    def set_account_state(self, uid: str, state: str) -> None:
        """What the connection banner found (core's accounts.account_state): a persona never connected cannot
        post now, so Post waits for the connection; its posts can still be scheduled (they need it at their
        time, as the banner says)."""
        (self._not_connected.add if state == NOT_CONNECTED else self._not_connected.discard)(uid)
        self._refresh()

    def _refresh(self) -> None:
        can_send = self.measure_content()
        sending = self._uid in self._sending
        unconnected = self._uid in self._not_connected
        self.post_button.setText(translate("ComposeWidget", "Posting…") if sending
                                 else translate("ComposeWidget", "Post"))
        self.can_schedule = can_send
        persona = self.controller.persona(self._uid)
        self.why_not_post = self.why_not_send or (
            translate("ComposeWidget", "{name} is not connected to an account yet: connect it to post now (Persona "
                                       "▸ Connect account…).").format(name=persona.name)
            if unconnected and persona else "")
        self.post_button.setEnabled(not self.why_not_post)
        self.post_button.setToolTip(
            self.why_not_post if unconnected and persona
            else translate("ComposeWidget", "Post now. Ctrl+Return posts after a few seconds in which you can undo "
                                            "it."))
        self.canSendChanged.emit(can_send)
        if sending:
            self.say(translate("ComposeWidget", "Posting…"))

    # -- posting -------------------------------------------------------------------------
    @Slot()
    def post(self) -> None:
        """Post now as the active persona, in a worker (once the guard agrees or the user overrides it)."""
        if not self.post_button.isEnabled():
            return
        self.guarded("post", self._post_now)

    def post_now(self) -> None:
        """Post now, without asking the guard again (it was asked, or the user overrode it)."""
        self._post_now()

    def hold(self, held: bool) -> None:
        """Freeze the box while a post waits out its undo time: nothing can be typed, posted or scheduled."""
        self._held = held
        self._refresh()

    def _post_now(self) -> None:
        if not self.post_button.isEnabled():
            return
        uid = self._uid
        self._autosave.stop()
        content = self.content()
        self._sending[uid] = (None, content)  # held from here: these words, once in the store, are what goes out
        self.bar.move_here.setEnabled(False)
        self._refresh()
        poster = self.controller.services.poster

        def saved(post_id: int | None) -> None:
            if post_id is None:  # nothing to send after all
                self._sending.pop(uid, None)
                self._refresh()
                return
            self._sending[uid] = (post_id, content)
            self.workers.submit(
                lambda: poster.send(post_id),
                done=lambda post: self._sent(uid, post),
                failed=lambda error: self._send_error(uid, post_id, error),
                name="post",
            )

        def not_saved(_reason: str) -> None:  # nothing was sent; the status line says why (saveFailed)
            self._sending.pop(uid, None)
            self._refresh()

        self.drafts.save_content(uid, content, options=self._chosen_options(), then=saved, failed=not_saved)
        self.drafts.retry_now()  # the user asked: a write waiting to be tried again goes now

    def _sent(self, uid: str, post: Post) -> None:
        self._gone_out(uid, post.id)
        name = post.persona_name
        if self._uid == uid:
            tone = {PostState.SENT: "success", PostState.SCHEDULED: "warning"}.get(post.state, "error")
            self.say(self._outcome(post, name), tone)
        self.posted.emit(post)

    def _gone_out(self, uid: str, post_id: int) -> None:
        """The post left ``uid``'s box for the outbox: the box is empty again, for the next post."""
        self._sending.pop(uid, None)
        self.drafts.detach(uid, post_id)
        if self._uid == uid:
            self._show(EMPTY)
            self.options.show_for(self.persona())  # the next post starts from the persona's defaults
        self._refresh()

    @staticmethod
    def _outcome(post: Post, name: str) -> str:
        if post.state is PostState.SENT:
            parts = len(post.parts)  # a plain name: pyside6-lupdate reads no other count
            return translate("ComposeWidget", "Sent as {name}.").format(name=name) if not post.thread \
                else translate("ComposeWidget", "Sent as {name}: a thread of %n.", None, parts).format(name=name)
        if post.state is PostState.SCHEDULED:
            return translate("ComposeWidget", "Not sent yet: it will be retried. See the history.")
        if post.failed_part:
            return translate("ComposeWidget", "Part {part} of the thread did not go out (the parts before it did). "
                             "See the history: retry sends only the rest.").format(part=post.failed_part)
        return translate("ComposeWidget", "{state}: see the history for why. The text is kept there.").format(
            state=post.status)

    def _send_error(self, uid: str, post_id: int, error: BaseException) -> None:
        """Something the poster could not record (a full or locked database) or did not expect: keep the text.
        Out on the network all the same (its record refused), the box is emptied as for a post sent: what it held
        is on the account, and Post again would put it there twice."""
        if isinstance(error, SentNotRecorded):
            self._gone_out(uid, post_id)
            if self._uid == uid:
                self.say(str(error), "warning", whole=True)  # acted on: never cut
            return
        self._sending.pop(uid, None)
        log.error("posting %s failed unexpectedly", post_id, exc_info=error)
        try:
            state = self.controller.services.outbox.get(post_id).state
        except LookupError:
            state = None
        if state is not PostState.DRAFT:
            self.drafts.detach(uid, post_id)  # the post keeps the text in the history
        self._refresh()
        why = in_words(error, self.controller.services.store.path)  # a full or locked database in words, not SQL's
        message = translate("ComposeWidget", "Could not post: {error}. Your text is kept.").format(error=why)
        if self._uid == uid:
            self.say(message, "error")
        self.postFailed.emit(message)

    def new_draft(self) -> bool:
        """Ctrl+N: an empty box for a new post. The text that was in it stays a draft, listed in the history."""
        if self._held or self._uid in self._sending or not self._uid:
            return False
        self._autosave.stop()
        content = self.content()
        kept = not content.empty
        if kept:
            self.drafts.save_content(self._uid, content, options=self._chosen_options())
            self.drafts.keep_and_start_over(self._uid)
        self._show(EMPTY)
        self.options.show_for(self.persona())
        self._refresh()
        self.say(translate("ComposeWidget", "Your previous draft is in the history; Edit brings it "
                                            "back.") if kept else "")
        self.focus_editor()
        return True
