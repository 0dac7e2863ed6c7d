"""What the user can do with a post in the history, by its state.

* Failed: Retry now, Edit in compose, Delete.
* Needs review (it may have gone out): It went out: mark as sent; Send again
  (explicit, warned: it may double-post); Edit in compose; Delete.
* Scheduled: Edit (the time stays), Unschedule (kept as a draft), Send now.
* Draft (not in a compose box, e.g. unscheduled): Edit in compose, Post now, Delete.
* Sent: Copy link, Open (X: the browser; the sandbox: the post as the sandbox holds it).

Every state change is an ``Outbox`` transition with ``expect=`` the state the
user saw, run in a worker: if the scheduler got there first, the user is told
what the post is now and nothing else happens. Sending goes through the
``Poster``, the only caller of ``publish``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from personamgr.core import costs
from personamgr.core.outbox import Post, PostState, TransitionError
from personamgr.core.text import measure
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import DraftKeeper
from personamgr.gui.message_boxes import ShowsBoxes
from personamgr.gui.widgets import set_tone
from personamgr.gui.workers import Workers

log = logging.getLogger(__name__)

SANDBOX_SCHEME = "sandbox://"
CLEARED = {"scheduled_at": None, "queue_rank": None, "next_attempt_at": None, "missed_at": None}


def outcome(post: Post) -> str:
    """One status-bar line for the state a send attempt ended in."""
    if post.state is PostState.SENT:
        return f"Sent as {post.persona_name}."
    if post.state is PostState.SCHEDULED:
        return f"{post.persona_name}: not sent yet, it will be tried again. {post.error or ''}".strip()
    if post.state is PostState.SENDING:
        return f"{post.persona_name}: already being sent."
    return f"{post.persona_name}: {post.state.label}. {post.error or ''}".strip()


class PostEditDialog(QDialog):
    """Change the words of a scheduled post; its time stays. The counter follows the persona's limit."""

    def __init__(self, post: Post, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postEditDialog")
        self.setWindowTitle(f"Edit {post.persona_name}'s scheduled post")
        self.limit = limit
        self.editor = QPlainTextEdit(post.text)
        self.editor.setObjectName("postEditText")
        self.editor.setTabChangesFocus(True)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel("The time stays the same. The persona guard checks it again before it goes out.")
        note.setProperty("tone", "hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.counter)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.editor.textChanged.connect(self._count)
        self._count()

    @Slot()
    def _count(self) -> None:
        m = measure(self.editor.toPlainText(), self.limit)
        self.counter.setText(f"{m.length:,} / {m.limit:,}")
        set_tone(self.counter, "strong-error" if m.too_long else "")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.editor.toPlainText().strip()) and not m.too_long)

    def text(self) -> str:
        return self.editor.toPlainText().strip()


class PostActions(QObject, ShowsBoxes):
    """Builds each post's menu and runs its actions. Reports through :attr:`message` (the status bar)."""

    message = Signal(str)
    changed = Signal(object)  # Post, after an action changed it (None when it was deleted)
    question_name = "postQuestion"
    dialog_attr = "dialog"

    def __init__(self, services: Any, controller: PersonaController, drafts: DraftKeeper, workers: Workers, *,
                 compose: Any, parent: QWidget, open_url: Callable[[QUrl], object] | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        self.drafts = drafts
        self.workers = workers
        self.compose = compose
        self.window = parent
        self.open_url = open_url or QDesktopServices.openUrl
        self.box: QMessageBox | None = None  # the last question shown (tests answer it)
        self.dialog: QDialog | None = None  # the last dialog shown

    # -- the menu ------------------------------------------------------------------------
    def actions_for(self, post: Post) -> list[tuple[str, str, Callable[[], None] | None]]:
        """(object name, label, callback) per action; a None callback is shown disabled."""
        p = post
        single = not p.thread  # the compose box holds one post, not a thread
        out: list[tuple[str, str, Callable[[], None] | None]] = []
        if p.state is PostState.FAILED:
            out += [("retry", "Retry now", lambda: self.send(p, expect=PostState.FAILED))]
            if single:
                out += [("editInCompose", "Edit in compose", lambda: self.edit_in_compose(p))]
            out += [("delete", "Delete…", lambda: self.delete(p))]
        elif p.state is PostState.NEEDS_REVIEW:
            out += [("markSent", "It went out: mark as sent", lambda: self.mark_sent(p)),
                    ("sendAgain", "Send again…", lambda: self.send_again(p))]
            if single:
                out += [("editInCompose", "Edit in compose", lambda: self.edit_in_compose(p))]
            out += [("delete", "Delete…", lambda: self.delete(p))]
        elif p.state is PostState.SCHEDULED:
            out += [("edit", "Edit…", lambda: self.edit_scheduled(p)),
                    ("unschedule", "Unschedule", lambda: self.unschedule(p)),
                    ("sendNow", "Send now", lambda: self.send(p, expect=PostState.SCHEDULED))]
        elif p.state is PostState.DRAFT:
            if single:
                out += [("editInCompose", "Edit in compose", lambda: self.edit_in_compose(p))]
            out += [("sendNow", "Post now", lambda: self.send(p, expect=PostState.DRAFT)),
                    ("delete", "Delete…", lambda: self.delete(p))]
        elif p.state is PostState.SENT:
            link = p.remote_url
            out += [("copyLink", "Copy link", (lambda: self.copy(link)) if link else None),
                    ("open", self._open_label(p), (lambda: self.open(p)) if link else None)]
        out += [("copyText", "Copy text", lambda: self.copy(p.text))]
        return out

    @staticmethod
    def _open_label(post: Post) -> str:
        if post.remote_url and post.remote_url.startswith(SANDBOX_SCHEME):
            return "Show in the sandbox"
        return "Open in browser"

    def fill_menu(self, menu: QMenu, post: Post) -> None:
        actions = self.actions_for(post)
        for i, (name, label, fn) in enumerate(actions):
            if i == len(actions) - 1 and len(actions) > 1:
                menu.addSeparator()  # "Copy text" last, apart from the state's own actions
            action = QAction(label, menu)
            action.setObjectName(name)
            if fn is None:
                action.setEnabled(False)
            else:
                action.triggered.connect(fn)
            menu.addAction(action)

    # -- running ---------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], what: str, ok: Callable[[Any], str]) -> None:
        def done(result: Any) -> None:
            self.message.emit(ok(result))
            self.changed.emit(result if isinstance(result, Post) else None)

        def failed(error: BaseException) -> None:
            if isinstance(error, (TransitionError, LookupError)):
                self.message.emit(f"Could not {what}: {error}. Nothing was changed.")
            else:
                log.error("could not %s", what, exc_info=error)
                self.message.emit(f"Could not {what}: {error}")

        self.workers.submit(fn, done=done, failed=failed, name=what)

    def _handle(self, post: Post) -> str:
        persona = self.controller.persona(post.persona_uid)
        return (persona.handle if persona and persona.handle else None) or post.persona_name

    # -- actions ---------------------------------------------------------------------------
    def send(self, post: Post, *, expect: PostState) -> None:
        """Retry now / Send now / Post now: the Poster claims it from the state the user saw."""
        outbox, poster = self.services.outbox, self.services.poster

        def go() -> Post:
            if outbox.get(post.id).state is not expect:
                raise TransitionError(f"post {post.id} is {outbox.get(post.id).state.value} now")
            return poster.send(post.id)

        self._run(go, "send the post", outcome)

    def send_again(self, post: Post) -> None:
        """A post that may have gone out: only after the user has checked and insists."""
        outbox, poster = self.services.outbox, self.services.poster

        def go() -> Post:
            outbox.transition(post.id, PostState.DRAFT, expect=[PostState.NEEDS_REVIEW], **CLEARED)
            return poster.send(post.id)

        self._ask("Send again?",
                  f"This post may already be on {self._handle(post)}'s timeline.",
                  "Sending it again can post it twice. Look at the account first; if it is there, choose "
                  "\"It went out: mark as sent\" instead.", "Send again anyway",
                  lambda: self._run(go, "send the post again", outcome), icon=QMessageBox.Icon.Warning,
                  destructive=True)

    def mark_sent(self, post: Post) -> None:
        services = self.services

        def go() -> Post:
            persona = services.store.persona(post.persona_uid)
            return services.outbox.transition(
                post.id, PostState.SENT, expect=[PostState.NEEDS_REVIEW], sent_at=services.clock.now(),
                error=None, next_attempt_at=None, network=persona.network,
                cost_usd=costs.recorded(services.store, persona, post.parts))

        self._run(go, "mark the post as sent", lambda p: f"Marked as sent on {p.persona_name}.")

    def unschedule(self, post: Post) -> None:
        outbox = self.services.outbox
        self._run(lambda: outbox.transition(post.id, PostState.DRAFT, expect=[PostState.SCHEDULED], **CLEARED),
                  "unschedule the post",
                  lambda p: "Taken off the schedule; it is kept as a draft in the history.")

    def delete(self, post: Post) -> None:
        outbox = self.services.outbox
        label = post.state.label.lower()
        quote = f"\u201c{post.text[:160]}{'…' if len(post.text) > 160 else ''}\u201d"
        self._ask("Delete post", f"Delete this {label} post of {post.persona_name}?",
                  f"{quote}\n\nIts text is not kept anywhere else.", "Delete",
                  lambda: self._run(lambda: outbox.delete(post.id, expect=[post.state]), "delete the post",
                                    lambda p: f"Deleted the {label} post of {p.persona_name}."),
                  destructive=True)

    def edit_scheduled(self, post: Post) -> PostEditDialog:
        persona = self.controller.persona(post.persona_uid)
        dialog = PostEditDialog(post, persona.char_limit if persona else 280, self.window)
        outbox = self.services.outbox

        def save() -> None:
            text = dialog.text()
            if text == post.text:
                return
            self._run(lambda: outbox.edit(post.id, text, post.thread), "save the post",
                      lambda p: "Saved. It goes out at the same time." if p.state is PostState.SCHEDULED
                      else f"Saved. It is {p.state.label.lower()}.")

        dialog.accepted.connect(save)
        self._keep(dialog)
        dialog.open()
        return dialog

    def edit_in_compose(self, post: Post) -> None:
        """Back into the compose box of its persona, where it can be posted or scheduled again.

        The post becomes a draft first (atomically, from the state the user saw), so the
        scheduler cannot send it meanwhile. Its words then join the persona's compose draft
        (first, before anything already there) and the separate draft is removed.
        """
        outbox = self.services.outbox

        def take() -> Post:
            if post.state is PostState.DRAFT:
                return outbox.get(post.id)
            return outbox.transition(post.id, PostState.DRAFT, expect=[post.state], error=None, **CLEARED)

        def failed(error: BaseException) -> None:
            self.message.emit(f"Could not edit the post: {error}. Nothing was changed.")

        self.workers.submit(take, done=self._into_compose, failed=failed, name="edit post")

    def _into_compose(self, post: Post) -> None:
        uid = post.persona_uid
        if self.controller.persona(uid) is None:
            return
        self.compose.flush()
        existing = self.drafts.text(uid)
        merged = f"{post.text}\n\n{existing}" if existing.strip() else post.text
        self.drafts.save(uid, merged)  # the words are in the compose draft before the old post goes
        if self.controller.active_uid == uid:
            self.compose.editor.setPlainText(merged)
        else:
            self.controller.set_active(uid)
        outbox = self.services.outbox
        self.workers.submit(lambda: outbox.delete(post.id, expect=[PostState.DRAFT]), name="drop edited post",
                            failed=lambda e: log.warning("edited post %s not removed: %s", post.id, e))
        self.compose.focus_editor()
        kept = " Your other draft is kept below it." if existing.strip() else ""
        self.message.emit(f"The post is back in {post.persona_name}'s compose box.{kept}")

    def copy(self, text: str | None) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit("Copied.")

    def open(self, post: Post) -> None:
        """X: the post in the browser. The sandbox has no web page: show the post as the sandbox holds it."""
        url = post.remote_url or ""
        if not url.startswith(SANDBOX_SCHEME):
            self.open_url(QUrl(url))
            return
        network = self.services.networks.get("sandbox")

        def find() -> Any:
            entries = network.timeline(post.persona_uid) if network is not None else []
            return next((e for e in entries if e.remote_id == post.remote_id), None)

        self.workers.submit(find, done=lambda entry: self._show_sandbox(post, entry), name="sandbox post")

    def _show_sandbox(self, post: Post, entry: Any) -> None:
        if entry is None:
            text, info = f"The sandbox no longer has post {post.remote_id}.", ""
        else:
            text = f"{entry.handle or post.persona_name} · {entry.created_at.astimezone():%b %d, %H:%M}"
            reply = f"\n\nIn reply to {entry.reply_to}." if entry.reply_to else ""
            info = (f"{entry.text}\n\nSandbox id {entry.remote_id}. The sandbox is the built-in demo "
                    f"network: this post exists only on this computer.{reply}")
        self._tell(QMessageBox.Icon.Information, "Sandbox post", text, info, name="sandboxPost")
