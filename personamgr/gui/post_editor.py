"""Editing a post that already exists (scheduled, failed, held, needs review, a draft in the history).

One editor for every edit: the same thread editor, counter, images and guard
meter as the compose box (:class:`~personamgr.gui.post_composer.PostComposer`),
in a dialog. Save asks the guard first (a career post rewritten as a thrash-metal
post does not slip through); a held post goes back on its schedule, where the
guard looks again before it goes out. Post now sends it (a thread that stopped
part-way sends only the rest). Moving the post to another persona is the
guard's "Move to …", or the persona list at the top: like every change here it
is written on Save (asked of the guard for the new persona), and Cancel leaves
the post as it was. A thread with parts out stays with its persona: those
parts are on its account. A Mastodon post's content warning and visibility
are edited here too (:class:`~personamgr.gui.post_options.PostOptions`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from personamgr.core.faults import STORAGE_ERRORS, in_words
from personamgr.core.i18n import translate
from personamgr.core.networks.base import parts_known
from personamgr.core.outbox import Post, PostState, TransitionError, override_stands
from personamgr.core.post_workflows import Action, Outcome, PostWorkflows, uncertain_part
from personamgr.core.reason_words import StoredReason
from personamgr.core.scheduling import short_time
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.gui.a11y import label_for, with_button_letters
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import Content
from personamgr.gui.icons import persona_icon
from personamgr.gui.post_composer import PostComposer
from personamgr.gui.post_options import PostOptions
from personamgr.gui.workers import Workers

log = logging.getLogger(__name__)

# What "Post now" means for a post in each state (core's workflows decide what is allowed).
SEND_ACTION = {PostState.DRAFT: Action.SEND_NOW, PostState.FAILED: Action.RETRY, PostState.HELD: Action.SEND_NOW,
               PostState.SCHEDULED: Action.SEND_NOW}


def sends(post: Post) -> bool:
    """Whether "Post now" is offered: a thread whose parts out its persona can no longer continue offers no send."""
    return post.state in SEND_ACTION and post.stranded is None


class PostEditor(PostComposer):
    """The content of one existing post, its persona, and Save / Post now."""

    saved = Signal(object)
    sent = Signal(object)

    def __init__(self, post: Post, controller: PersonaController, workers: Workers,
                 parent: QWidget | None = None) -> None:
        super().__init__(controller, workers, post.persona_uid, parent)
        self.post = post
        self._busy = False
        self.persona_combo = QComboBox()
        self.persona_combo.setObjectName("editPersona")
        self.persona_combo.setAccessibleName(translate("PostEditor", "Persona"))
        for p in controller.personas:
            self.persona_combo.addItem(persona_icon(p.colour, p.initial), p.name, p.uid)
        self.persona_combo.setCurrentIndex(max(0, self.persona_combo.findData(post.persona_uid)))
        self.persona_combo.activated.connect(lambda i: self.move_draft_to(self.persona_combo.itemData(i)))
        self._keep_persona_if_out()
        self.options = PostOptions()  # Mastodon: this post's content warning and visibility
        self.options.show_for(self.persona(), post.content_warning, post.visibility)
        self.options.changed.connect(self._refresh)
        self.when = QLabel()
        self.when.setObjectName("editWhen")
        self.when.setProperty("tone", "hint")
        self.when.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(label_for(self.persona_combo, translate("PostEditor", "Persona")))
        head.addWidget(self.persona_combo)
        head.addWidget(self.when, 1)
        self.save_button = QPushButton(translate("PostEditor", "Save"))
        self.save_button.setObjectName("editSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.send_button = QPushButton(translate("PostEditor", "Post now"))
        self.send_button.setObjectName("editSend")
        self.send_button.clicked.connect(self.send_now)
        self.send_button.setVisible(sends(post))
        self.cancel_button = QPushButton(translate("PostEditor", "Cancel"))
        self.cancel_button.setObjectName("editCancel")
        self.foot.addWidget(self.cancel_button)
        self.foot.addWidget(self.send_button)
        self.foot.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.thread, 1)
        layout.addWidget(self.options)
        layout.addLayout(self.extras)
        layout.addWidget(self.status)
        layout.addLayout(self.tools)
        layout.addLayout(self.foot)
        self.set_content(Content.of(post.parts, post.media))
        self.thread.lock(len(post.remote_ids))  # parts already on the timeline cannot change
        self.contentChanged.connect(self._refresh)
        self._attach_cost_line()
        self.contentChanged.connect(self._follow_cost)
        self._describe_time()
        self._refresh()
        self._follow_cost()

    # -- the composer's hooks ----------------------------------------------------------------
    def post_id(self) -> int | None:
        return self.post.id

    def busy(self) -> bool:
        return self._busy

    def accept_override(self, reasons: Sequence[StoredReason]) -> int | None:
        """"Save anyway" / "Post anyway": the words the user accepted become the post's (on the persona chosen),
        and the choice is kept. The user is saving or posting at this very moment, so this is Save's write."""
        self.post = self._write(self.services.workflows, self.post.id, self._changes())
        self.post = self.services.outbox.remember_override(self.post.id, reasons)
        return self.post.id

    def _keep_persona_if_out(self) -> None:
        """Shut the persona box when the post is (or may be) on its persona's account: core keeps it there."""
        post = self.post
        if post.remote_ids:  # its parts out are on this persona's account: the rest must follow them there
            tip = translate("PostEditor", "Part of this thread already went out on {persona}, so the rest goes out "
                            "there too.")
        elif post.state is PostState.NEEDS_REVIEW:
            tip = translate("PostEditor", "This post may already be on {persona}'s timeline, so it stays with "
                            "{persona}.")
        else:
            return
        self.persona_combo.setEnabled(False)
        self.persona_combo.setToolTip(tip.format(persona=post.persona_name))

    def override_stands(self) -> bool:
        return self._uid == self.post.persona_uid and override_stands(self.post, self.parts())

    def move_draft_to(self, uid: str) -> bool:
        """Choose another persona for the post (the guard's "Move to …", or the persona list): written on Save.

        The guard's meter looks again, for the new persona; Cancel leaves the post where it was.
        """
        persona = self.controller.persona(uid) if uid else None
        if persona is None or uid == self._uid or not self.persona_combo.isEnabled():
            self.persona_combo.setCurrentIndex(max(0, self.persona_combo.findData(self._uid)))
            return False
        self._uid = uid
        self.persona_combo.setCurrentIndex(max(0, self.persona_combo.findData(uid)))
        self.options.show_for(persona, *((self.post.content_warning, self.post.visibility)
                                         if uid == self.post.persona_uid else (None, None)))
        if uid == self.post.persona_uid:
            self.say("")
        else:
            self.say(translate("PostEditor", "Saving moves it to {persona}.").format(persona=persona.name))
        self._refresh()
        self.contentChanged.emit()  # the guard's meter and the cost look again, for the new persona
        return True

    def content_warning(self) -> str:
        return self.options.content_warning() if not self.options.isHidden() else super().content_warning()

    def _follow_cost(self, *_args: object) -> None:
        """The cost of what is still to send: the parts of a thread already out were paid for."""
        self.cost_line.update_for(self.persona(), self.parts()[len(self.post.remote_ids):])

    # -- writing -----------------------------------------------------------------------------
    def _changes(self) -> dict[str, Any]:
        """Everything Save writes, read from the widgets on the GUI thread."""
        cw, vis = self.options.values()
        return {"uid": self._uid, "parts": self.parts(), "media": list(self.thread.media),
                "options": not self.options.isHidden(), "content_warning": cw, "visibility": vis}

    @staticmethod
    def _write(workflows: PostWorkflows, post_id: int, changes: dict[str, Any]) -> Post:
        """Save's writes, in a worker: the persona chosen, the words and images, a Mastodon post's options."""
        post = workflows.outbox.get(post_id)
        if changes["uid"] != post.persona_uid:
            post = workflows.move(post_id, changes["uid"])
        post = workflows.edit(post_id, changes["parts"], changes["media"])
        if changes["options"] and (post.content_warning, post.visibility) != (changes["content_warning"],
                                                                               changes["visibility"]):
            post = workflows.outbox.set_options(post_id, content_warning=changes["content_warning"],
                                                visibility=changes["visibility"])
        return post

    # -- showing -------------------------------------------------------------------------
    def _describe_time(self) -> None:
        post, persona = self.post, self.persona()
        zone = persona.timezone if persona else "UTC"
        now = self.services.clock.now()
        due = post.next_attempt_at or post.scheduled_at
        if post.state is PostState.SCHEDULED and due is not None:
            text = translate("PostEditor", "Goes out {when}; saving keeps the time.").format(
                when=short_time(due, zone, now))
        elif post.state is PostState.HELD:
            text = translate("PostEditor", "{status}. Saving puts it back on the schedule, where the guard looks "
                             "again before it goes out.").format(status=post.status)
        elif (part := uncertain_part(post)) is not None:
            text = translate("PostEditor", "{status}. {known} Check the account for part {part}, then mark what went "
                             "out or send it again, from the history or the inbox.").format(
                status=post.status, known=parts_known(part - 1, len(post.parts)), part=part)
        elif post.state is PostState.NEEDS_REVIEW:
            text = translate("PostEditor", "{status}: it may already have gone out. Check the account, then mark it "
                             "sent or send it again, from the history or the inbox.").format(status=post.status)
        elif post.failed_part == 2:
            text = translate("PostEditor", "Part 1 went out and cannot change; part 2 on can.")
        elif post.failed_part:
            text = translate("PostEditor", "Parts 1–{n} went out and cannot change; part {m} on can.").format(
                n=post.failed_part - 1, m=post.failed_part)
        else:
            text = post.status
        self.when.setText(text)

    @Slot()
    def _refresh(self) -> None:
        can = self.measure_content()
        self.save_button.setEnabled(can)
        self.send_button.setEnabled(can)
        self.canSendChanged.emit(can)

    # -- acting ----------------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        if self.save_button.isEnabled():
            self.guarded("save", self._save)

    def _save(self) -> None:
        workflows, post_id, changes = self.services.workflows, self.post.id, self._changes()
        self._set_busy(True)

        def done(post: Post) -> None:
            self._set_busy(False)
            self.post = post
            self.saved.emit(post)

        self.workers.submit(lambda: self._write(workflows, post_id, changes), done=done, failed=self._failed,
                            name="save post")

    @Slot()
    def send_now(self) -> None:
        if self.send_button.isEnabled():
            self.guarded("post", self._send)

    def _send(self) -> None:
        workflows, post_id, changes = self.services.workflows, self.post.id, self._changes()
        action = SEND_ACTION.get(self.post.state, Action.SEND_NOW)
        anyway = self.post.guard_override
        self._set_busy(True)

        def go() -> Outcome | tuple[Post, str]:
            edited = self._write(workflows, post_id, changes)
            try:
                return workflows.send(post_id, action, seen=edited.state, anyway=anyway)
            except TransitionError as e:  # saved, but its state changed meanwhile (it may have gone out, say)
                return edited, str(e)

        def done(outcome: Outcome | tuple[Post, str]) -> None:
            self._set_busy(False)
            if isinstance(outcome, tuple):
                self.post, why = outcome
                self.send_button.setVisible(sends(self.post))
                self._keep_persona_if_out()
                self._describe_time()
                self.say(translate("PostEditor", "Saved, not sent: {headline} {reasons}").format(
                    headline=why, reasons="").strip(), "warning")
                return
            self.post = outcome.post
            if outcome.objection is not None:  # the send-time check saw something the meter did not: say it
                self.say(translate("PostEditor", "Saved, not sent: {headline} {reasons}").format(
                    headline=outcome.objection.headline(self.post.persona_name),
                    reasons=" ".join(outcome.objection.messages)), "warning")
                return
            self.sent.emit(outcome)

        self.workers.submit(go, done=done, failed=self._failed, name="send edited post")

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, SentNotRecorded):  # out, its record refused: said as out, never as not saved
            self.say(str(error), "warning")
        elif isinstance(error, (TransitionError, LookupError, *STORAGE_ERRORS)):
            self.say(translate("PostEditor", "Could not save it: {error}. Nothing was changed.").format(
                error=in_words(error, self.services.store.path)), "error")
        else:
            log.error("editing post %s failed", self.post.id, exc_info=error)
            self.say(translate("PostEditor", "Could not save it: {error}").format(error=error), "error")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh()


class PostEditorDialog(QDialog):
    """The post editor in its own window, with the persona guard's meter (sharing the window's loaded model)."""

    def __init__(self, post: Post, controller: PersonaController, workers: Workers, *,
                 guard_loader: Callable[[], Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postEditorDialog")
        self.setWindowTitle(translate("PostEditor", "Edit {persona}'s {state} post").format(
            persona=post.persona_name, state=post.status.lower()))
        self.editor = PostEditor(post, controller, workers, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        self.resize(620, 460)
        self.editor.cancel_button.clicked.connect(self.reject)
        self.editor.saved.connect(lambda _p: self.accept())
        self.editor.sent.connect(lambda _o: self.accept())
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.activated.connect(self.editor.save)
        from personamgr.gui.guard_panel import GuardPanel

        self.guard = GuardPanel(self.editor, controller.services, parent=self)
        if guard_loader is not None:
            self.guard.load(guard_loader)
        thread = self.editor.thread
        # the first part that can still change: parts of a thread that went out are locked
        editors = thread.editors
        first = editors[min(thread.locked, len(editors) - 1)] if thread.is_thread() else self.editor.editor
        first.setFocus()
        first.moveCursor(first.textCursor().MoveOperation.End)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        with_button_letters(self)


def open_editor(post: Post, controller: PersonaController, workers: Workers, parent: QWidget, *,
                guard_loader: Callable[[], Any] | None, on_done: Callable[[str], None]) -> PostEditorDialog:
    """Open the editor for ``post``; ``on_done`` gets one line saying what happened."""
    dialog = PostEditorDialog(post, controller, workers, guard_loader=guard_loader, parent=parent)

    def saved(p: Post) -> None:
        if p.state is PostState.SCHEDULED and post.state is PostState.HELD:
            on_done(translate("PostEditor", "Saved. It is back on the schedule; the guard checks it again first."))
        elif p.state is PostState.SCHEDULED:
            on_done(translate("PostEditor", "Saved. It goes out at the same time."))
        else:
            on_done(translate("PostEditor", "Saved. It is {status}.").format(status=p.status.lower()))

    def sent(outcome: Outcome) -> None:
        from personamgr.gui.post_actions import outcome as describe

        on_done(describe(outcome.post))

    dialog.editor.saved.connect(saved)
    dialog.editor.sent.connect(sent)
    dialog.open()
    return dialog

