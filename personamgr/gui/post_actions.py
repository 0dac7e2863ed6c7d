"""What the user can do with a post in the history (and the inbox), by its state: the window's side of
``core.post_workflows``, which decides what each state allows and does the work.

Edit opens the one editor every edit uses (``gui/post_editor.py``): text or thread, images, counter, and
the guard's meter.

* Failed: Retry now (a thread: from the part that failed), Edit, Move to …, Delete. A thread with parts
  out offers neither Move nor Delete (those parts are public, on that persona's account): Retry from
  part N, Edit (the unsent parts), or Stop here (it ends at the parts out; the rest becomes a draft).
* Held (never went out): Edit, Move to …, Post anyway, Keep as draft, Delete; a post that missed its
  time: Send now, Next free slot, Reschedule…, Edit, Keep as draft, Delete.
* Needs review (it may have gone out): It went out: mark as sent (its link offered, optional); Send again…
  (warned); Edit; Delete. A thread in doubt: Mark what went out… asks about its one uncertain part, then that
  part's link (needed when parts follow, optional for the last).
* Scheduled: Edit, Reschedule…, Unschedule, Send now, Move to …, Delete.
* Draft (not in a compose box): Edit, Post now, Move to …, Delete.
* Sent: Copy link, Open (X: the browser; the sandbox: the post as the sandbox holds it).

Every action runs in a worker from the state the user saw: if the scheduler got there first, the user
is told what the post is now and nothing else happens. Whatever sends a post asks the persona guard
first; when it objects, the user gets the same question as in the compose box (Post anyway, Move to …,
Edit), titled with the real reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from personamgr.core.faults import STORAGE_ERRORS, in_words
from personamgr.core.holds import HoldKind
from personamgr.core.i18n import translate
from personamgr.core.outbox import UNTIL_SENT, Post, PostState, TransitionError, locked_until
from personamgr.core.part_links import LinkRefused
from personamgr.core.post_workflows import Action, Objection, Outcome, actions_for, uncertain_part
from personamgr.core.posting import resend_note
from personamgr.core.scheduling import PostSchedule, Scheduled, SchedulingError, describe
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import DraftKeeper
from personamgr.gui.guard_widgets import Choice, GuardDialog
from personamgr.gui.message_boxes import ShowsBoxes
from personamgr.gui.part_in_doubt import doubt_box, link_dialog, select_fault
from personamgr.gui.workers import Workers

log = logging.getLogger(__name__)

SANDBOX_SCHEME = "sandbox://"
# Object names of the menu entries (tests and the accessibility tree find them by these).
NAMES = {Action.RETRY: "retry", Action.SEND_NOW: "sendNow", Action.SEND_AGAIN: "sendAgain",
         Action.MARK_SENT: "markSent", Action.POST_ANYWAY: "postAnyway", Action.MOVE: "moveTo", Action.EDIT: "edit",
         Action.RESCHEDULE: "reschedule", Action.NEXT_SLOT: "nextSlot", Action.UNSCHEDULE: "unschedule",
         Action.STOP: "stopHere", Action.DELETE: "delete"}

MenuEntry = tuple[str, str, Callable[[], None] | None]


def outcome(post: Post) -> str:
    """One status-bar line for the state a send attempt ended in."""
    if post.state is PostState.SENT:
        return translate("PostActions", "Sent as {name}.").format(name=post.persona_name)
    if post.state is PostState.SCHEDULED:
        return translate("PostActions", "{name}: not sent yet, it will be tried again. {reason}").format(
            name=post.persona_name, reason=post.note or "").strip()
    if post.state is PostState.SENDING:
        return translate("PostActions", "{name}: already being sent.").format(name=post.persona_name)
    return translate("PostActions", "{name}: {state}. {reason}").format(
        name=post.persona_name, state=post.status, reason=post.note or "").strip()


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
        self.workflows = services.workflows
        self.schedule = PostSchedule(services.store, services.outbox, services.clock)
        self.controller = controller
        self.drafts = drafts
        self.workers = workers
        self.compose = compose
        self.window = parent
        self.open_url = open_url or QDesktopServices.openUrl
        self.box: QMessageBox | None = None  # the last question shown (tests answer it)
        self.dialog: QDialog | None = None  # the last dialog shown
        self.guard_panel: Callable[[], Any] | None = None  # the window's guard panel (its loaded model is shared)

    # -- the menu ------------------------------------------------------------------------
    def actions_for(self, post: Post) -> list[MenuEntry]:
        """(object name, label, callback) per action, in core's order; a None callback is shown disabled."""
        out: list[MenuEntry] = []
        now = self.services.clock.now()
        for action in actions_for(post, now):
            out += self._entries(post, action)
        until = locked_until(post, now)
        if until is not None:  # what is not offered, and until when (the post's note says why)
            label = (translate("PostActions", "Edit, move and delete: once it is sent") if until >= UNTIL_SENT
                     else translate("PostActions", "Edit, move and delete: after {time} UTC").format(
                         time=f"{until:%H:%M}"))
            out.append(("locked", label, None))
        if post.state is PostState.SENT and len(post.remote_ids) > 1:  # a thread: one item, a link to each part
            links = self.workflows.part_links(post)
            out += [(f"openPart{i}",
                     translate("PostActions", "Open part {part} of {count}").format(part=i, count=len(links)),
                     (lambda url=url, rid=rid: self.open(post, url, rid)) if url else None)
                    for i, (url, rid) in enumerate(zip(links, post.remote_ids, strict=False), start=1)]
            out += [("copyLink", translate("PostActions", "Copy link"),
                     (lambda: self.copy(post.remote_url)) if post.remote_url else None)]
        elif post.state is PostState.SENT:
            link = post.remote_url
            out += [("copyLink", translate("PostActions", "Copy link"), (lambda: self.copy(link)) if link else None),
                    ("open", self._open_label(post), (lambda: self.open(post)) if link else None)]
        out += [("copyText", translate("PostActions", "Copy text"), lambda: self.copy("\n\n".join(post.parts)))]
        return out

    def _entries(self, p: Post, action: Action) -> list[MenuEntry]:
        name = NAMES[action]
        missed = p.state is PostState.HELD and p.hold_kind is HoldKind.MISSED
        match action:
            case Action.RETRY:
                label = (translate("PostActions", "Retry from part {part}").format(part=p.failed_part) if p.failed_part
                         else translate("PostActions", "Retry now"))
                return [(name, label, lambda: self.send(p, action))]
            case Action.SEND_NOW:
                label = translate("PostActions", "Post now") if p.state is PostState.DRAFT \
                    else translate("PostActions", "Send now")
                return [(name, label, lambda: self.send(p, action))]
            case Action.SEND_AGAIN:
                return [(name, translate("PostActions", "Send again…"), lambda: self.send_again(p))]
            case Action.MARK_SENT:
                return [(name, self._mark_label(p), lambda: self.mark_sent(p))]
            case Action.POST_ANYWAY:
                return [(name, translate("PostActions", "Post anyway"), lambda: self.send(p, action))]
            case Action.MOVE:
                return [(f"{name}:{q.name}", translate("PostActions", "Move to {name}").format(name=q.name),
                         self._move_callback(p, q.uid)) for q in self.controller.personas if q.uid != p.persona_uid]
            case Action.EDIT:
                return [(name, translate("PostActions", "Edit…"), self._edit_callback(p))]
            case Action.RESCHEDULE:
                return [(name, translate("PostActions", "Reschedule…"), lambda: self.reschedule(p))]
            case Action.NEXT_SLOT:
                return [(name, translate("PostActions", "Next free slot"), lambda: self.next_slot(p))]
            case Action.UNSCHEDULE:
                label = translate("PostActions", "Keep as draft") if p.state is PostState.HELD or missed \
                    else translate("PostActions", "Unschedule")
                return [(name, label, lambda: self.unschedule(p))]
            case Action.STOP:
                return [(name, translate("PostActions", "Stop here…"), lambda: self.stop(p))]
            case Action.DELETE:
                return [(name, translate("PostActions", "Delete…"), lambda: self.delete(p))]
        return []

    @staticmethod
    def _mark_label(p: Post) -> str:
        """A single post went out or not; a thread in doubt has parts out and one part to ask about."""
        return (translate("PostActions", "It went out: mark as sent") if uncertain_part(p) is None else
                translate("PostActions", "Mark what went out…"))

    def _move_callback(self, p: Post, uid: str) -> Callable[[], None]:
        """A callback of no arguments: a menu's triggered(checked) passes its bool to any parameter a callback
        has, and a persona given as a default argument became "False" ("Could not move the post … False")."""
        return lambda: self.move(p, uid)

    def _edit_callback(self, p: Post) -> Callable[[], None]:
        return lambda: self.edit(p)

    @staticmethod
    def _open_label(post: Post) -> str:
        if post.remote_url and post.remote_url.startswith(SANDBOX_SCHEME):
            return translate("PostActions", "Show in the sandbox")
        return translate("PostActions", "Open in browser")

    def fill_menu(self, menu: QMenu, post: Post) -> None:
        entries = self.actions_for(post)
        moves = sum(1 for name, _, _ in entries if name.startswith("moveTo:"))
        sub: QMenu | None = None
        for i, (name, label, fn) in enumerate(entries):
            if i == len(entries) - 1 and len(entries) > 1:
                menu.addSeparator()  # "Copy text" last, apart from the state's own actions
            target, text = menu, label
            if name.startswith("moveTo:") and moves > 1:  # several other personas: one "Move to" submenu
                if sub is None:
                    sub = menu.addMenu(translate("PostActions", "Move to"))
                    sub.setObjectName("moveTo")
                target, text = sub, name.split(":", 1)[1]  # the persona's name, under "Move to"
            action = QAction(text, target)
            action.setObjectName(name)
            if fn is None:
                action.setEnabled(False)
            else:
                action.triggered.connect(fn)
            target.addAction(action)

    # -- running ---------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], what: str, ok: Callable[[Any], str],
             refused: Callable[[BaseException], bool] = lambda _error: False) -> None:
        """``fn`` in a worker; ``refused`` may take a failure on itself (True), else the status bar tells it."""
        def done(result: Any) -> None:
            self.message.emit(ok(result))
            self.changed.emit(result if isinstance(result, Post) else None)

        def failed(error: BaseException) -> None:
            if refused(error):
                return
            if isinstance(error, (TransitionError, LookupError, SchedulingError, *STORAGE_ERRORS)):
                self.message.emit(translate("PostActions", "Could not {what}: {error}. Nothing was "
                                                           "changed.").format(what=what, error=self._why(error)))
            else:
                log.error("could not %s", what, exc_info=error)
                self.message.emit(translate("PostActions", "Could not {what}: {error}").format(what=what, error=error))

        self.workers.submit(fn, done=done, failed=failed, name=what)

    def _why(self, error: BaseException) -> str:
        """``error`` in words, to go inside a sentence: a full disk or a locked database as such."""
        return in_words(error, self.services.store.path)

    def _handle(self, post: Post) -> str:
        """The account the post is (or may be) on: the one it went out as, if its persona posts as another now."""
        if post.other_account is not None:
            return post.other_account
        persona = self.controller.persona(post.persona_uid)
        return (persona.handle if persona and persona.handle else None) or post.persona_name

    # -- actions ---------------------------------------------------------------------------
    def send(self, post: Post, action: Action, *, anyway: bool = False) -> None:
        """Retry / send now / post now / post anyway / send again, from the state the user saw.

        The guard is asked first; if it objects, nothing is sent and the user gets its question.
        """
        workflows = self.workflows

        def go() -> Outcome:
            return workflows.send(post.id, action, seen=post.state, anyway=anyway)

        def done(result: Outcome) -> None:
            if result.objection is not None:
                self.ask_guard(result.post, action, result.objection)
                return
            self.message.emit(outcome(result.post))
            self.changed.emit(result.post)

        def failed(error: BaseException) -> None:
            if isinstance(error, SentNotRecorded):  # out, its record refused: said as out, never as not sent
                self.message.emit(str(error))
                self.changed.emit(error.post)
            elif isinstance(error, (TransitionError, LookupError, *STORAGE_ERRORS)):
                self.message.emit(translate("PostActions", "Could not send the post: {error}.").format(
                    error=self._why(error)))
            else:
                log.error("could not send post %s", post.id, exc_info=error)
                self.message.emit(translate("PostActions", "Could not send the post: {error}").format(error=error))

        self.workers.submit(go, done=done, failed=failed, name="send the post")

    def ask_guard(self, post: Post, action: Action, objection: Objection) -> GuardDialog:
        """The guard objects to sending ``post`` now: Post anyway, Move to …, or Edit (the safe default)."""
        hard = objection.kind is HoldKind.X_RULES
        dialog = GuardDialog("send", post.persona_name, list(objection.messages), objection.suggest, hard=hard,
                             kind=objection.kind, found=objection.reasons, parent=self.window)
        target = next((q.uid for q in self.controller.personas if q.name == objection.suggest), "")

        def chosen(choice: Choice) -> None:
            if choice is Choice.ANYWAY:
                self.send(post, action, anyway=True)
            elif choice is Choice.MOVE and target:
                self.move(post, target)

        dialog.chosen.connect(chosen)  # Escape, like Cancel, leaves the post as it is
        dialog.edit_button.clicked.connect(self._edit_callback(post))
        self._keep(dialog)
        dialog.open()
        return dialog

    def send_again(self, post: Post) -> None:
        """A post that may have gone out: only after the user has checked and insists."""
        persona = self.controller.persona(post.persona_uid)
        safe, note = resend_note(persona.network if persona else "", self._mark_label(post), post)
        part = uncertain_part(post)
        if part is None:
            text = translate("PostActions", "This post may already be on {handle}'s timeline.")
        elif part == 1:
            text = translate("PostActions", "Part 1 of this thread may already be on {handle}'s timeline. Sending "
                             "again starts there.")
        elif part == 2:
            text = translate("PostActions", "Part 2 of this thread may already be on {handle}'s timeline. Sending "
                             "again starts there; part 1 is not sent again.")
        else:
            text = translate("PostActions", "Part {part} of this thread may already be on {handle}'s timeline. "
                             "Sending again starts there; parts 1–{out} are not sent again.")
        now = post.persona_handle or post.persona_name
        if post.other_account is not None:  # it goes out as another account than the one it may be on
            title = translate("PostActions", "Send again as {account}?").format(account=now)
            yes = translate("PostActions", "&Send as {account}").format(account=now.replace("&", "&&"))
        else:
            title = translate("PostActions", "Send again?")
            yes = (translate("PostActions", "&Send again") if safe
                   else translate("PostActions", "&Send again anyway"))
        self._ask(title, text.format(handle=self._handle(post), part=part, out=(part or 1) - 1), note, yes,
                  lambda: self.send(post, Action.SEND_AGAIN),
                  icon=QMessageBox.Icon.Question if safe else QMessageBox.Icon.Warning, destructive=not safe)

    def mark_sent(self, post: Post) -> None:
        """A single post: it went out (its link offered). A thread in doubt: ask about its one uncertain part (the
        parts before it are recorded as out, those after it never went), and record only the answer."""
        part = uncertain_part(post)
        if part is None:
            self._ask_link(post, None)
            return
        box, there, missing = doubt_box(self.window, post, part, self._handle(post), self.question_name)

        def answered(_result: int) -> None:
            if box.clickedButton() is missing:
                self._record_out(post, False, None)
            elif box.clickedButton() is there:
                self._ask_link(post, part)

        box.finished.connect(answered)
        self._keep(box)
        box.open()

    def _ask_link(self, post: Post, part: int | None, refused: LinkRefused | None = None, typed: str = "") -> None:
        """The link of the part the user found (``part`` None: of a single post): the next part replies to it, and
        the network never told its id; a single post's or the last part's is optional, for Open and Copy link.
        After a refusal, asked again with what was typed, the fault selected."""
        last = part is None or part == len(post.parts)
        dialog = link_dialog(self.window, part, refused, typed, last=last)
        dialog.textValueSelected.connect(lambda link: self._record_out(
            post, None if part is None else True, link if link.strip() or not last else None, part))
        self._keep(dialog)
        dialog.open()
        if refused is not None:
            select_fault(dialog, refused)

    def _record_out(self, post: Post, part_out: bool | None, link: str | None, part: int | None = None) -> None:
        workflows = self.workflows

        def ok(p: Post) -> str:
            if p.state is PostState.SENT:
                return translate("PostActions", "Marked as sent on {name}.").format(name=p.persona_name)
            return outcome(p)

        def refused(error: BaseException) -> bool:
            if isinstance(error, LinkRefused) and link is not None:
                self._ask_link(post, part, error, link)
                return True
            return False

        self._run(lambda: workflows.mark_sent(post.id, part_out=part_out, link=link),
                  translate("PostActions", "record what went out"), ok, refused)

    def move(self, post: Post, persona_uid: str) -> None:
        workflows = self.workflows
        target = self.controller.persona(persona_uid)
        name = target.name if target else translate("PostActions", "the other persona")

        def ok(p: Post) -> str:
            if post.state is PostState.HELD and p.state is PostState.SCHEDULED:
                return translate("PostActions", "Moved to {name}. It goes out on {name}'s schedule; the guard checks "
                                 "it there first.").format(name=name)
            return translate("PostActions", "Moved to {name}.").format(name=name)

        self._run(lambda: workflows.move(post.id, persona_uid),
                  translate("PostActions", "move the post to {name}").format(name=name), ok)

    def reschedule(self, post: Post) -> None:
        from personamgr.gui.schedule_dialog import ScheduleDialog

        persona = self.controller.persona(post.persona_uid)
        if persona is None:
            return
        dialog = ScheduleDialog(persona, self.services.clock, None, self.window)
        schedule = self.schedule

        def chosen() -> None:
            resolved = dialog.resolved

            def said(r: Scheduled) -> str:
                return r.with_warning(resolved.note or translate("PostActions", "Rescheduled to {when}.").format(
                    when=describe(r.when, persona.timezone)))

            self._run(lambda: schedule.schedule_at(post.id, resolved, seen=post.state),
                      translate("PostActions", "reschedule the post"), said)

        dialog.accepted.connect(chosen)
        self._keep(dialog)
        dialog.open()

    def next_slot(self, post: Post) -> None:
        schedule = self.schedule
        zone = self.controller.persona(post.persona_uid)
        self._run(lambda: schedule.add_to_queue(post.id), translate("PostActions", "put the post in the queue"),
                  lambda r: r.with_warning(translate("PostActions", "In the next free slot: {when}.").format(
                      when=describe(r.when, zone.timezone if zone else "UTC"))))

    def unschedule(self, post: Post) -> None:
        schedule = self.schedule
        self._run(lambda: schedule.unschedule(post.id), translate("PostActions", "unschedule the post"),
                  lambda p: translate("PostActions", "Taken off the schedule; it is kept as a draft in the history."))

    def stop(self, post: Post) -> None:
        """End a thread with parts out where it is: they stay as they are; the rest is kept as a draft."""
        workflows, out, total = self.workflows, len(post.remote_ids), len(post.parts)
        question = (translate("PostActions", "End this thread of {name} at part 1?") if out == 1 else
                    translate("PostActions", "End this thread of {name} at part {n}?")).format(
            name=post.persona_name, n=out)
        rest = (translate("PostActions", "Part {m} did not go out; it is kept as a draft in the history.")
                if total - out == 1 else
                translate("PostActions", "Parts {m}–{last} did not go out; they are kept as a draft in the "
                          "history.")).format(m=out + 1, last=total)

        def ok(_result: Any) -> str:
            return translate("PostActions", "The thread ends at part {n}; the rest is a draft in the history.").format(
                n=out)

        self._ask(translate("PostActions", "Stop the thread here"), question,
                  translate("PostActions", "What went out stays on the timeline as it is, and the history records it "
                            "as sent.") + " " + rest,
                  translate("PostActions", "Stop here"),
                  lambda: self._run(lambda: workflows.stop(post.id, seen=post.state)[0],
                                    translate("PostActions", "stop the thread"), ok))

    def delete(self, post: Post) -> None:
        workflows = self.workflows
        label = post.status
        quote = f"\u201c{post.text[:160]}{'…' if len(post.text) > 160 else ''}\u201d"
        images = len(post.media)  # a plain name: pyside6-lupdate reads no other count
        question = (translate("PostActions", "Delete this post of {name} ({state}) and its %n image(s)?", None, images)
                    if images else translate("PostActions", "Delete this post of {name} ({state})?"))
        self._ask(translate("PostActions", "Delete post"), question.format(name=post.persona_name, state=label),
                  translate("PostActions", "{quote}\n\nIts text is not kept anywhere else.").format(quote=quote),
                  translate("PostActions", "Delete"),
                  lambda: self._run(lambda: workflows.delete(post.id, seen=post.state),
                                    translate("PostActions", "delete the post"),
                                    lambda p: translate("PostActions", "Deleted the post of {name} ({state}).").format(
                                        name=p.persona_name, state=label)),
                  destructive=True)

    def edit(self, post: Post) -> QDialog:
        """The one editor for every edit: text or thread, images, counter and the guard's meter."""
        from personamgr.gui.post_editor import open_editor

        panel = self.guard_panel() if self.guard_panel is not None else None
        loader = (lambda: panel.guard) if panel is not None and panel.state == "ready" else None
        fresh = post
        try:
            fresh = self.services.outbox.get(post.id)  # the editor starts from the post as it is now
        except LookupError:
            self.message.emit(translate("PostActions", "Could not edit the post: post {id} does not exist any "
                                                       "more.").format(id=post.id))
            return QDialog()
        dialog = open_editor(fresh, self.controller, self.workers, self.window, guard_loader=loader,
                             on_done=self.message.emit)
        dialog.editor.saved.connect(self.changed.emit)
        self._keep(dialog)
        return dialog

    def copy(self, text: str | None) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.emit(translate("PostActions", "Copied."))

    def open(self, post: Post, url: str | None = None, remote_id: str | None = None) -> None:
        """X: the post (or one part of a thread) in the browser. The sandbox has no web page: show the post
        as the sandbox holds it."""
        url = url or post.remote_url or ""
        remote_id = remote_id or post.remote_id
        if not url.startswith(SANDBOX_SCHEME):
            self.open_url(QUrl(url))
            return
        network = self.services.networks.get("sandbox")

        def find() -> Any:
            entries = network.timeline(post.persona_uid) if network is not None else []
            return next((e for e in entries if e.remote_id == remote_id), None)

        self.workers.submit(find, done=lambda entry: self._show_sandbox(post, entry, remote_id),
                            name="sandbox post")

    def _show_sandbox(self, post: Post, entry: Any, remote_id: str | None = None) -> None:
        if entry is None:
            text, info = translate("PostActions", "The sandbox no longer has post {id}.").format(
                id=remote_id or post.remote_id), ""
        else:
            text = f"{entry.handle or post.persona_name} · {entry.created_at.astimezone():%b %d, %H:%M}"
            reply = ("\n\n" + translate("PostActions", "In reply to {id}.").format(id=entry.reply_to)
                     if entry.reply_to else "")
            info = entry.text + "\n\n" + translate(
                "PostActions", "Sandbox id {id}. The sandbox is the built-in demo network: this post exists only on "
                "this computer.").format(id=entry.remote_id) + reply
        self._tell(QMessageBox.Icon.Information, translate("PostActions", "Sandbox post"), text, info,
                   name="sandboxPost")
