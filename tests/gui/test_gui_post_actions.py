"""Every action the history offers, by post state, against the real outbox, poster and sandbox network."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from personamgr.core.clock import FakeClock
from personamgr.core.holds import HoldKind, HoldReason
from personamgr.core.outbox import UNTIL_SENT, Post, PostState
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.guard_widgets import GuardDialog
from personamgr.gui.history import POST_ROLE
from personamgr.gui.post_editor import PostEditorDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def listed(shell: Shell, post_id: int) -> Post:
    """The post as the history lists it (what a right-click acts on)."""
    history = shell.window.history
    for i in range(history.count()):
        post: Post = history.item(i).data(POST_ROLE)
        if post.id == post_id:
            return post
    raise AssertionError(f"post {post_id} is not in the history")


def menu_names(shell: Shell, post_id: int) -> list[str]:
    return [a.objectName() for a in shell.window.history.menu_for(listed(shell, post_id)).actions() if a.text()]


def act(shell: Shell, post_id: int, name: str, post: Post | None = None) -> None:
    menu = shell.window.history.menu_for(post or listed(shell, post_id))
    action = next((a for a in menu.actions() if a.objectName() == name), None)
    assert action is not None, f"no {name} in {[a.objectName() for a in menu.actions()]}"
    assert action.isEnabled()
    action.trigger()


def answer(shell: Shell, label: str) -> QMessageBox:
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible(), "no question is shown"
    button = next(b for b in box.buttons() if b.text().replace("&", "") == label)
    button.click()
    return box


@pytest.fixture
def shell(demo: Services, make_shell: Callable[..., Shell]) -> Shell:
    return make_shell(demo)


def make(services: Services, shell: Shell, idle: Callable[..., None], state: PostState, text: str,
         *, persona: str = "career", **values: object) -> Post:
    uid = services.store.persona(persona).uid
    post = services.outbox.create(uid, text, state=state, **values)  # type: ignore[arg-type]
    reload(shell, idle)
    return post


def reload(shell: Shell, idle: Callable[..., None]) -> None:
    """Let the actions' workers finish, then read the history again (it refreshes on a short timer)."""
    idle(shell)
    shell.window.history.refresh()
    idle(shell)


def held(demo: Services, shell: Shell, idle: Callable[..., None], text: str, kind: HoldKind) -> Post:
    post = make(demo, shell, idle, PostState.SCHEDULED, text, scheduled_at=demo.clock.now())
    demo.outbox.update_if(post.id, None, state=PostState.HELD.value, hold_kind=kind.value,
                          guard_reasons=["It is nearly the same as a recent post on your metal persona."])
    reload(shell, idle)
    return demo.outbox.get(post.id)


def test_each_state_offers_its_actions(demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    failed = make(demo, shell, idle, PostState.FAILED, "failed one")
    review = make(demo, shell, idle, PostState.NEEDS_REVIEW, "review one")
    scheduled = make(demo, shell, idle, PostState.SCHEDULED, "later one", scheduled_at=clock.now() + timedelta(days=1))
    draft = make(demo, shell, idle, PostState.DRAFT, "a draft outside any compose box")
    sent = next(p for p in demo.outbox.history() if p.state is PostState.SENT)
    duplicate = held(demo, shell, idle, "held as a near-duplicate", HoldKind.NEAR_DUPLICATE)
    missed = held(demo, shell, idle, "missed its time", HoldKind.MISSED)
    refused = held(demo, shell, idle, "two cashtags $AAPL $MSFT", HoldKind.X_RULES)
    assert menu_names(shell, failed.id) == ["retry", "edit", "moveTo:metal", "delete", "copyText"]
    assert menu_names(shell, review.id) == ["markSent", "sendAgain", "edit", "delete", "copyText"]
    assert menu_names(shell, scheduled.id) == ["edit", "reschedule", "unschedule", "sendNow", "moveTo:metal", "delete",
                                               "copyText"]
    assert menu_names(shell, draft.id) == ["edit", "sendNow", "moveTo:metal", "delete", "copyText"]
    assert menu_names(shell, sent.id) == ["copyLink", "open", "copyText"]
    # Held never went out: never "mark as sent", never "send again … may already be on the timeline".
    assert menu_names(shell, duplicate.id) == ["edit", "moveTo:metal", "postAnyway", "unschedule", "delete",
                                               "copyText"]
    assert menu_names(shell, missed.id) == ["sendNow", "nextSlot", "reschedule", "edit", "unschedule", "delete",
                                            "copyText"]
    assert "postAnyway" not in menu_names(shell, refused.id)  # X would refuse it as it is
    assert listed(shell, duplicate.id).status == "Held: near-duplicate"


def test_a_post_sent_again_only_as_it_is_shows_why_it_cannot_change(demo: Services, shell: Shell, idle,
                                                                    clock: FakeClock) -> None:
    """Its last send was cut short and it goes out again by itself exactly as it is: Edit and Move were offered and
    then refused, and Delete forgot a post that may already be on the network. They are not offered; one disabled
    item says why, and until when."""
    locked = make(demo, shell, idle, PostState.SCHEDULED, "cut short", scheduled_at=clock.now())
    demo.outbox.update_if(locked.id, None, repeat_safe_until=UNTIL_SENT)
    window = make(demo, shell, idle, PostState.SCHEDULED, "unanswered", scheduled_at=clock.now())
    demo.outbox.update_if(window.id, None, repeat_safe_until=clock.now() + timedelta(minutes=30))
    reload(shell, idle)
    assert menu_names(shell, locked.id) == ["reschedule", "unschedule", "sendNow", "locked", "copyText"]
    item = next(a for a in shell.window.history.menu_for(listed(shell, locked.id)).actions()
                if a.objectName() == "locked")
    assert (item.text(), item.isEnabled()) == ("Edit, move and delete: once it is sent", False)
    item = next(a for a in shell.window.history.menu_for(listed(shell, window.id)).actions()
                if a.objectName() == "locked")
    assert item.text() == f"Edit, move and delete: after {clock.now() + timedelta(minutes=30):%H:%M} UTC"
    clock.advance(timedelta(minutes=30))
    assert "delete" in menu_names(shell, window.id)


def test_failed_retry_now_sends_it(demo: Services, shell: Shell, idle) -> None:
    post = make(demo, shell, idle, PostState.FAILED, "Retry me: the network was down")
    act(shell, post.id, "retry")
    reload(shell, idle)
    assert demo.outbox.get(post.id).state is PostState.SENT
    assert shell.window.statusBar().currentMessage() == "Sent as career."
    assert listed(shell, post.id).state is PostState.SENT  # the history follows


def editor_of(shell: Shell) -> PostEditorDialog:
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, PostEditorDialog) and dialog.isVisible()
    return dialog


def test_edit_opens_the_one_editor_and_save_keeps_a_failed_post_failed(demo: Services, shell: Shell, idle) -> None:
    career, metal = demo.store.persona("career"), demo.store.persona("metal")
    shell.controller.set_active(metal.uid)  # writing as metal when deciding to fix career's post
    post = make(demo, shell, idle, PostState.FAILED, "Five questions for every interview")
    act(shell, post.id, "edit")
    dialog = editor_of(shell)
    editor = dialog.editor
    assert editor.editor.toPlainText() == "Five questions for every interview"
    assert editor.persona_combo.currentData() == career.uid  # its own persona, not the active one
    assert editor.counter.text() == "34 / 280"
    editor.editor.setPlainText("Five questions for every job interview")
    editor.save_button.click()
    idle(shell)
    now = demo.outbox.get(post.id)
    assert (now.text, now.state) == ("Five questions for every job interview", PostState.FAILED)
    assert not dialog.isVisible()
    assert shell.controller.active_uid == metal.uid  # the window did not switch
    assert shell.window.statusBar().currentMessage() == "Saved. It is failed."


def test_editing_a_held_post_puts_it_back_on_the_schedule(demo: Services, shell: Shell, idle) -> None:
    post = held(demo, shell, idle, "Held by the guard: check me", HoldKind.OFF_FOCUS)
    act(shell, post.id, "edit")
    editor = editor_of(shell).editor
    assert "Held: off-focus" in editor.when.text()
    editor.editor.setPlainText("Three interview questions that tell you about the team")
    editor.save_button.click()
    idle(shell)
    now = demo.outbox.get(post.id)
    assert now.state is PostState.SCHEDULED and now.hold_kind is None
    assert shell.window.statusBar().currentMessage() == ("Saved. It is back on the schedule; the guard checks it "
                                                         "again first.")


def test_failed_delete_asks_and_cancel_keeps_it(demo: Services, shell: Shell, idle) -> None:
    post = make(demo, shell, idle, PostState.FAILED, "Delete me maybe")
    act(shell, post.id, "delete")
    box = answer(shell, "Cancel")
    assert box.text() == "Delete this post of career (Failed)?" and "Delete me maybe" in box.informativeText()
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.FAILED
    act(shell, post.id, "delete")
    answer(shell, "Delete")
    reload(shell, idle)
    with pytest.raises(LookupError):
        demo.outbox.get(post.id)
    assert all(p.id != post.id for p in shell.window.history.posts())


def link_asked(shell: Shell, title: str) -> QInputDialog:
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, QInputDialog) and dialog.isVisible(), "no link was asked for"
    assert dialog.windowTitle() == title
    return dialog


def test_needs_review_mark_as_sent(demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    post = make(demo, shell, idle, PostState.NEEDS_REVIEW, "Did this go out?")
    act(shell, post.id, "markSent")
    link_asked(shell, "Mark as sent").accept()  # the link is optional: none given
    idle(shell)
    now = demo.outbox.get(post.id)
    assert (now.state, now.sent_at, now.error, now.network) == (PostState.SENT, clock.now(), None, "sandbox")
    assert demo.networks["sandbox"].timeline(post.persona_uid)[0].text != "Did this go out?"  # nothing was sent


def test_needs_review_send_again_warns_then_sends_once(demo: Services, shell: Shell, idle) -> None:
    post = make(demo, shell, idle, PostState.NEEDS_REVIEW, "It never reached the network")
    act(shell, post.id, "sendAgain")
    box = shell.window.post_actions.box
    assert box is not None and box.icon() is QMessageBox.Icon.Warning
    assert "may already be on @career_me's timeline" in box.text()
    assert "can post it twice" in box.informativeText()
    answer(shell, "Cancel")
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.NEEDS_REVIEW
    act(shell, post.id, "sendAgain")
    answer(shell, "Send again anyway")
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.SENT
    texts = [e.text for e in demo.networks["sandbox"].timeline(post.persona_uid)]
    assert texts.count("It never reached the network") == 1


def test_scheduled_edit_keeps_the_time(demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    at = clock.now() + timedelta(days=2)
    post = make(demo, shell, idle, PostState.SCHEDULED, "Tuesday's post", scheduled_at=at)
    act(shell, post.id, "edit")
    editor = editor_of(shell).editor
    assert editor.when.text().startswith("Goes out ") and editor.when.text().endswith("; saving keeps the time.")
    editor.editor.setPlainText("x" * 281)
    assert not editor.save_button.isEnabled()  # over career's limit
    assert editor.split_button.isVisible()  # ... and the way out is offered
    editor.editor.setPlainText("Wednesday's post, better")
    editor.save_button.click()
    idle(shell)
    now = demo.outbox.get(post.id)
    assert (now.text, now.state, now.scheduled_at) == ("Wednesday's post, better", PostState.SCHEDULED, at)
    assert shell.window.statusBar().currentMessage() == "Saved. It goes out at the same time."


def test_scheduled_unschedule_keeps_it_as_a_draft(demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    post = make(demo, shell, idle, PostState.SCHEDULED, "Maybe later", scheduled_at=clock.now() + timedelta(hours=5))
    act(shell, post.id, "unschedule")
    reload(shell, idle)
    now = demo.outbox.get(post.id)
    assert (now.state, now.scheduled_at, now.text) == (PostState.DRAFT, None, "Maybe later")
    assert menu_names(shell, post.id) == ["edit", "sendNow", "moveTo:metal", "delete", "copyText"]


def test_scheduled_send_now(demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    post = make(demo, shell, idle, PostState.SCHEDULED, "Now, not tomorrow", scheduled_at=clock.now() + timedelta(1))
    act(shell, post.id, "sendNow")
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.SENT


def test_an_action_on_a_post_that_changed_meanwhile_changes_nothing(demo: Services, shell: Shell, idle,
                                                                    clock: FakeClock) -> None:
    post = make(demo, shell, idle, PostState.SCHEDULED, "Due now", scheduled_at=clock.now())
    seen = listed(shell, post.id)
    demo.outbox.claim(post.id)  # the scheduler started sending it while the menu was open
    act(shell, post.id, "unschedule", post=seen)
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.SENDING
    assert shell.window.statusBar().currentMessage().startswith("Could not unschedule the post")
    act(shell, post.id, "sendNow", post=seen)
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.SENDING  # never a second send
    assert demo.outbox.get(post.id).attempts == 1


def test_sent_copy_link_and_show_in_the_sandbox(demo: Services, shell: Shell, idle) -> None:
    sent = next(p for p in demo.outbox.history() if p.state is PostState.SENT)
    assert sent.remote_url and sent.remote_url.startswith("sandbox://")
    act(shell, sent.id, "copyLink")
    assert QGuiApplication.clipboard().text() == sent.remote_url
    opened: list[QUrl] = []
    shell.window.post_actions.open_url = opened.append
    act(shell, sent.id, "open")
    idle(shell)
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible() and box.objectName() == "sandboxPost"
    assert sent.text in box.informativeText() and f"Sandbox id {sent.remote_id}" in box.informativeText()
    assert opened == []


def test_sent_on_x_opens_in_the_browser(demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    post = make(demo, shell, idle, PostState.SENDING, "Posted on X")
    demo.outbox.transition(post.id, PostState.SENT, sent_at=clock.now(), remote_id="1890",
                           remote_url="https://x.com/career_me/status/1890", network="x")
    reload(shell, idle)
    opened: list[QUrl] = []
    shell.window.post_actions.open_url = opened.append
    act(shell, post.id, "open")
    assert opened == [QUrl("https://x.com/career_me/status/1890")]


def test_send_again_asks_the_guards_question_titled_with_its_real_reason(demo: Services, shell: Shell,
                                                                         idle) -> None:
    """The defect: "Send again" posted an off-topic (here: duplicate) text with no question at all."""
    demo.poster.pre_send_check = lambda post, persona: [
        HoldReason("duplicate", "It is nearly the same as a recent post on your metal persona.")]
    post = make(demo, shell, idle, PostState.NEEDS_REVIEW, "It never reached the network")
    act(shell, post.id, "sendAgain")
    answer(shell, "Send again anyway")  # first: yes, I checked the timeline
    idle(shell)
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, GuardDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Near-duplicate: check before sending on career"
    assert dialog.head.text() == "This is nearly the same as a post that went out or is scheduled."
    assert "metal persona" in dialog.reasons.text()
    assert dialog.move_button.isHidden()  # moving cannot cure a duplicate
    dialog.reject()  # Escape
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.NEEDS_REVIEW  # nothing was sent
    act(shell, post.id, "sendAgain")
    answer(shell, "Send again anyway")
    idle(shell)
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, GuardDialog)
    dialog.anyway_button.click()
    idle(shell)
    now = demo.outbox.get(post.id)
    assert now.state is PostState.SENT and now.guard_override
    texts = [e.text for e in demo.networks["sandbox"].timeline(post.persona_uid)]
    assert texts.count("It never reached the network") == 1


def test_post_anyway_on_a_held_post_sends_it(demo: Services, shell: Shell, idle) -> None:
    post = held(demo, shell, idle, "Held, but I mean it", HoldKind.OFF_FOCUS)
    act(shell, post.id, "postAnyway")
    idle(shell)
    now = demo.outbox.get(post.id)
    assert now.state is PostState.SENT and now.guard_override
    assert shell.window.statusBar().currentMessage() == "Sent as career."


# -- a thread in doubt: mark as sent asks about its one uncertain part, and records only what is true --
THREAD_IN_DOUBT = ("1/3 Read the ad twice.", "2/3 Circle the verbs.", "3/3 Those are the job.")


def in_doubt(demo: Services, shell: Shell, idle: Callable[..., None], out: tuple[str, ...] = ("1850000000000000001",),
             ) -> Post:
    """A thread that needs review with ``out`` recorded: the next part is the one in doubt."""
    uid = demo.store.persona("career").uid
    post = demo.outbox.create(uid, THREAD_IN_DOUBT[0], thread=THREAD_IN_DOUBT[1:], state=PostState.NEEDS_REVIEW)
    demo.outbox.update_if(post.id, None, remote_ids=list(out), network="sandbox",
                          error="The app stopped while this thread was being sent.")
    reload(shell, idle)
    return demo.outbox.get(post.id)


def test_mark_sent_asks_whether_part_2_is_there(demo: Services, shell: Shell, idle) -> None:
    post = in_doubt(demo, shell, idle)
    act(shell, post.id, "markSent")
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible(), "marking a thread in doubt as sent asked nothing"
    assert box.windowTitle() == "Part 2 of 3 may not have gone out"
    assert box.text() == "Is part 2 of this thread on @career_me's account?"
    assert "Part 1 of 3 went out; part 2 may or may not have. Part 3 was not sent." in box.informativeText()
    answer(shell, "Cancel")
    idle(shell)
    assert demo.outbox.get(post.id).state is PostState.NEEDS_REVIEW  # nothing recorded


def test_part_2_not_there_records_part_1_only_and_offers_the_rest(demo: Services, shell: Shell, idle) -> None:
    post = in_doubt(demo, shell, idle)
    act(shell, post.id, "markSent")
    answer(shell, "Part 2 is not there")
    reload(shell, idle)
    now = demo.outbox.get(post.id)
    assert (now.state, now.remote_ids, now.failed_part) == (PostState.FAILED, ("1850000000000000001",), 2)
    retry = next(a for a in shell.window.history.menu_for(listed(shell, post.id)).actions()
                 if a.objectName() == "retry")
    assert retry.text() == "Retry from part 2"


def test_part_2_there_asks_for_its_link_and_records_it(demo: Services, shell: Shell, idle) -> None:
    post = in_doubt(demo, shell, idle)
    act(shell, post.id, "markSent")
    answer(shell, "Part 2 is there")
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, QInputDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Link to part 2"
    assert "part 3 replies to it" in dialog.labelText()
    dialog.setTextValue("sandbox://career_me/status/1850000000000000002")
    dialog.accept()
    reload(shell, idle)
    now = demo.outbox.get(post.id)
    assert (now.state, now.remote_ids) == (PostState.FAILED, ("1850000000000000001", "1850000000000000002"))
    assert now.failed_part == 3


def test_last_part_there_marks_the_thread_sent(demo: Services, shell: Shell, idle) -> None:
    post = in_doubt(demo, shell, idle, ("1850000000000000001", "1850000000000000002"))
    act(shell, post.id, "markSent")
    answer(shell, "Part 3 is there")
    link_asked(shell, "Link to part 3").accept()  # nothing replies to part 3: its link is optional
    reload(shell, idle)
    assert demo.outbox.get(post.id).state is PostState.SENT


def test_mark_as_sent_offers_the_post_s_link_checks_it_and_keeps_it(demo: Services, shell: Shell, idle) -> None:
    """A single post's "It went out: mark as sent" asked for no link, while a thread's parts do and the CLI takes
    one: the sent post then had no Open and no Copy link. The link is offered, optional, and checked as a part's:
    a stranger's post comes back with the text kept and the wrong account selected."""
    post = make(demo, shell, idle, PostState.NEEDS_REVIEW, "Did this go out?")
    act(shell, post.id, "markSent")
    dialog = link_asked(shell, "Mark as sent")
    assert "Open" in dialog.labelText() and "marked as sent all the same" in dialog.labelText()
    typed = "sandbox://someone_else/status/1850000000000000009"
    dialog.setTextValue(typed)
    dialog.accept()
    reload(shell, idle)
    assert demo.outbox.get(post.id).state is PostState.NEEDS_REVIEW  # a stranger's post: nothing recorded
    again = link_asked(shell, "Mark as sent")
    assert again.textValue() == typed
    assert again.labelText().startswith("That link is to a post of @someone_else, not of @career_me: copy the link "
                                        "of the post from")
    edit = again.findChild(QLineEdit)
    assert edit is not None and edit.selectedText() == "someone_else"
    edit.setText("sandbox://career_me/status/1850000000000000009")
    again.accept()
    reload(shell, idle)
    now = demo.outbox.get(post.id)
    assert (now.state, now.remote_id, now.remote_url) == (PostState.SENT, "1850000000000000009",
                                                           "sandbox://career_me/status/1850000000000000009")
    assert "copyLink" in menu_names(shell, post.id) and "open" in menu_names(shell, post.id)


def test_the_last_part_s_link_given_is_kept(demo: Services, shell: Shell, idle) -> None:
    post = in_doubt(demo, shell, idle, ("1850000000000000001", "1850000000000000002"))
    act(shell, post.id, "markSent")
    answer(shell, "Part 3 is there")
    dialog = link_asked(shell, "Link to part 3")
    assert "Open part 3" in dialog.labelText()
    dialog.setTextValue("sandbox://career_me/status/1850000000000000003")
    dialog.accept()
    reload(shell, idle)
    now = demo.outbox.get(post.id)
    assert (now.state, now.remote_ids[-1]) == (PostState.SENT, "1850000000000000003")


def test_send_again_on_a_thread_in_doubt_names_the_part_and_the_real_menu_item(demo: Services, shell: Shell,
                                                                             idle) -> None:
    post = in_doubt(demo, shell, idle)
    act(shell, post.id, "sendAgain")
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible()
    assert box.text() == ("Part 2 of this thread may already be on @career_me's timeline. Sending again starts there; "
                          "part 1 is not sent again.")
    assert 'choose "Mark what went out…" instead' in box.informativeText()  # the item this menu offers
    answer(shell, "Cancel")


def test_reschedule_leaves_a_post_that_changed_while_the_dialog_was_open_and_says_so(
        demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    """The window's Reschedule… gave a time to whatever the post had become while its dialog was open (the daemon
    tried it and it failed): a post in a state the user never saw. It reschedules only what the user saw."""
    from personamgr.gui.schedule_dialog import ScheduleDialog

    post = make(demo, shell, idle, PostState.SCHEDULED, "Tomorrow's post", scheduled_at=clock.now() + timedelta(1))
    act(shell, post.id, "reschedule")
    dialog = next(d for d in shell.window.findChildren(ScheduleDialog) if d.isVisible())
    demo.outbox.update_if(post.id, [PostState.SCHEDULED], state=PostState.FAILED.value,  # the daemon, meanwhile
                          error="X was down.")
    dialog.set_wall_time((clock.now() + timedelta(days=3)).replace(tzinfo=None))
    dialog.accept()
    idle(shell)
    now = demo.outbox.get(post.id)
    assert (now.state, now.scheduled_at) == (PostState.FAILED, post.scheduled_at)
    assert shell.window.statusBar().currentMessage() == (
        f"Could not reschedule the post: post {post.id} changed while you chose: it was scheduled and is now failed, "
        "so it was not rescheduled. Look at it again. Nothing was changed.")


def test_mark_sent_on_part_1_says_what_is_known(demo: Services, shell: Shell, idle) -> None:
    post = in_doubt(demo, shell, idle, out=())
    act(shell, post.id, "markSent")
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Part 1 of 3 may not have gone out"
    assert box.informativeText().startswith("Part 1 of 3 may or may not have gone out. Parts 2–3 were not sent. ")
    answer(shell, "Cancel")


def link_refused_then_shown_again(demo: Services, shell: Shell, idle: Callable[..., None],
                                  typed: str) -> tuple[int, QInputDialog]:
    """Part 2 is there, and ``typed`` is given as its link: the refusal comes back in the link dialog."""
    post = in_doubt(demo, shell, idle)
    act(shell, post.id, "markSent")
    answer(shell, "Part 2 is there")
    first = shell.window.post_actions.dialog
    assert isinstance(first, QInputDialog)
    first.setTextValue(typed)
    first.accept()
    reload(shell, idle)
    assert demo.outbox.get(post.id).remote_ids == ("1850000000000000001",)  # nothing recorded
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, QInputDialog) and dialog.isVisible(), "the refused link's dialog did not come back"
    assert dialog.textValue() == typed  # what the user typed is still there
    return post.id, dialog


def test_a_refused_link_comes_back_with_the_text_and_the_wrong_account_selected(demo: Services, shell: Shell,
                                                                                idle) -> None:
    typed = "sandbox://someone_else/status/1850000000000000002?s=20"
    post_id, dialog = link_refused_then_shown_again(demo, shell, idle, typed)
    assert dialog.labelText().startswith("That link is to a post of @someone_else, not of @career_me")
    assert "part 3 replies to it" in dialog.labelText()
    edit = dialog.findChild(QLineEdit)
    assert edit is not None and edit.hasSelectedText() and edit.selectedText() == "someone_else"
    edit.setText("sandbox://career_me/status/1850000000000000002?s=20")
    dialog.accept()
    reload(shell, idle)
    assert demo.outbox.get(post_id).remote_ids == ("1850000000000000001", "1850000000000000002")


def test_a_link_that_is_no_post_comes_back_all_selected(demo: Services, shell: Shell, idle) -> None:
    typed = "see my profile"
    _, dialog = link_refused_then_shown_again(demo, shell, idle, typed)
    assert dialog.labelText().startswith("That link is not to a post on Sandbox")
    edit = dialog.findChild(QLineEdit)
    assert edit is not None and edit.selectedText() == typed
