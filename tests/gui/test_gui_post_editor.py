"""The one editor for an existing post: nothing is written until Save, a partly-sent thread stays with its
persona and offers no Move or Delete, and a Mastodon post's content warning and visibility can be edited.

QA #2, #3, #11 and the thread messages of #13, reproduced on real widgets over the real outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtGui import QAction

from personamgr.core.clock import FakeClock
from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.outbox import Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.post_editor import PostEditorDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def shell(demo: Services, make_shell: Callable[..., Shell]) -> Shell:
    return make_shell(demo)


def open_editor(shell: Shell, idle: Callable[..., None], post: Post) -> PostEditorDialog:
    shell.window.history.refresh()
    idle(shell)
    shell.window.post_actions.edit(post)
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, PostEditorDialog) and dialog.isVisible()
    return dialog


def choose_persona(dialog: PostEditorDialog, name: str) -> None:
    """What picking a persona in the box does: the combo's "activated"."""
    combo = dialog.editor.persona_combo
    index = combo.findText(name)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def partly_sent(services: Services, persona: str = "career", *, network: str = "sandbox") -> Post:
    """A 3-part thread whose part 1 went out and part 2 failed, as the poster records it."""
    post = services.outbox.create(services.store.persona(persona).uid, "Part one", thread=("Part two", "Part three"))
    assert services.outbox.update_if(post.id, None, state=PostState.FAILED.value, remote_ids=["1900000000000000012"],
                                     network=network, error="Part 1 of the thread went out; part 2 failed.")
    return services.outbox.get(post.id)


def test_choosing_another_persona_writes_nothing_and_cancel_leaves_the_post_as_it_was(
        demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    at = clock.now() + timedelta(days=3)
    post = demo.outbox.create(demo.store.persona("career").uid, "Ask for their number first", state=PostState.SCHEDULED,
                              scheduled_at=at)
    dialog = open_editor(shell, idle, post)
    choose_persona(dialog, "metal")
    idle(shell)
    assert dialog.editor.persona_combo.currentText() == "metal"
    assert dialog.editor.status.text() == "Saving moves it to metal."
    assert demo.outbox.get(post.id) == post  # nothing written yet
    dialog.editor.cancel_button.click()
    idle(shell)
    assert not dialog.isVisible() and demo.outbox.get(post.id) == post


def test_save_writes_the_persona_chosen(demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    at = clock.now() + timedelta(days=3)
    post = demo.outbox.create(demo.store.persona("career").uid, "Riffs tonight", state=PostState.SCHEDULED,
                              scheduled_at=at)
    dialog = open_editor(shell, idle, post)
    choose_persona(dialog, "metal")
    dialog.editor.save_button.click()
    idle(shell)
    after = demo.outbox.get(post.id)
    assert (after.persona_name, after.state, after.scheduled_at, after.text) == ("metal", PostState.SCHEDULED, at,
                                                                                 "Riffs tonight")
    assert not dialog.isVisible()


def test_a_partly_sent_thread_keeps_its_persona_and_says_part_1_in_the_singular(
        demo: Services, shell: Shell, idle) -> None:
    post = partly_sent(demo)
    dialog = open_editor(shell, idle, post)
    combo = dialog.editor.persona_combo
    assert not combo.isEnabled()
    assert combo.toolTip() == "Part of this thread already went out on career, so the rest goes out there too."
    assert dialog.editor.when.text() == "Part 1 went out and cannot change; part 2 on can."
    assert dialog.focusWidget() is dialog.editor.thread.editors[1]  # the cursor starts where typing can change
    choose_persona(dialog, "metal")  # even if the box were reached, nothing moves
    dialog.editor.save_button.click()
    idle(shell)
    after = demo.outbox.get(post.id)
    assert (after.persona_name, after.remote_ids) == ("career", ("1900000000000000012",))


def test_a_partly_sent_thread_offers_retry_edit_and_stop_then_stop_keeps_the_rest_as_a_draft(
        demo: Services, shell: Shell, idle) -> None:
    post = partly_sent(demo)
    shell.window.history.refresh()
    idle(shell)
    history = shell.window.history
    names = [a.objectName() for a in history.menu_for(post).actions() if a.text()]
    assert names == ["retry", "edit", "stopHere", "copyText"]  # no Move, no Delete: part 1 is public
    next(a for a in history.menu_for(post).actions() if a.objectName() == "stopHere").trigger()
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible()
    assert box.text() == "End this thread of career at part 1?"
    assert box.informativeText() == ("What went out stays on the timeline as it is, and the history records it as "
                                     "sent. Parts 2–3 did not go out; they are kept as a draft in the history.")
    next(b for b in box.buttons() if b.text().replace("&", "") == "Stop here").click()
    idle(shell)
    after = demo.outbox.get(post.id)
    assert (after.state, after.parts, after.remote_ids) == (PostState.SENT, ("Part one",), ("1900000000000000012",))
    assert [p.parts for p in demo.outbox.in_states([PostState.DRAFT])] == [("Part two", "Part three")]
    assert shell.window.statusBar().currentMessage() == ("The thread ends at part 1; the rest is a draft in the "
                                                         "history.")


def test_move_to_from_the_menus_moves_the_post(demo: Services, shell: Shell, idle) -> None:
    """The stray "False": the menu's triggered(checked) landed in the callback as the persona."""
    from personamgr.gui.inbox import InboxActions
    from personamgr.gui.scheduling_ui import attach_scheduling

    attach_scheduling(shell)  # the inbox, as run_app has it (the scheduler itself is not started)
    post = demo.outbox.create(demo.store.persona("career").uid, "Riffs", state=PostState.FAILED)
    shell.window.history.refresh()
    idle(shell)
    next(a for a in shell.window.history.menu_for(post).actions() if a.objectName() == "moveTo:metal").trigger()
    idle(shell)
    assert demo.outbox.get(post.id).persona_name == "metal"
    assert shell.window.statusBar().currentMessage() == "Moved to metal."
    bar = next(iter(shell.window.findChildren(InboxActions)))  # the inbox's row of buttons and its "More" menu
    bar.show_post(demo.outbox.get(post.id))
    [move] = [a for a in bar.more.menu().findChildren(QAction) if a.objectName() == "moveTo:career"]
    move.trigger()
    idle(shell)
    assert demo.outbox.get(post.id).persona_name == "career"
    assert shell.window.statusBar().currentMessage() == "Moved to career."


def test_the_cost_of_a_partly_sent_thread_counts_only_the_parts_still_to_send(
        demo: Services, shell: Shell, idle) -> None:
    demo.store.add_persona(Persona(name="founder", handle="@founder_me", topics=("startups",), network="x"))
    dialog = open_editor(shell, idle, partly_sent(demo, "founder", network="x"))
    dialog.editor.cost_line.refresh()
    idle(shell)
    assert dialog.editor.cost_line.cost.text().startswith("≈ $0.03 · ")  # 2 parts at $0.015, not 3 ($0.045)


def test_a_scheduled_mastodon_post_has_its_content_warning_and_visibility(
        demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    demo.networks["mastodon"] = MastodonNetwork()
    metal = demo.store.persona("metal")
    demo.store.update_persona(metal.with_changes(network="mastodon", server="https://fosstodon.org",
                                                 handle="@metal@fosstodon.org", content_warning="metal talk",
                                                 visibility="unlisted"))
    post = demo.outbox.create(metal.uid, "New album", state=PostState.SCHEDULED,
                              scheduled_at=clock.now() + timedelta(days=1), content_warning="gig spoilers")
    dialog = open_editor(shell, idle, post)
    options = dialog.editor.options
    assert options.isVisible()
    assert (options.warning.text(), options.visibility.currentData()) == ("gig spoilers", "unlisted")
    options.warning.setText("tour spoilers")
    options.visibility.setCurrentIndex(options.visibility.findData("private"))
    dialog.editor.save_button.click()
    idle(shell)
    after = demo.outbox.get(post.id)
    assert (after.content_warning, after.visibility, after.state) == ("tour spoilers", "private", PostState.SCHEDULED)
    career = open_editor(shell, idle, demo.outbox.create(demo.store.persona("career").uid, "Jobs",
                                                          state=PostState.FAILED))
    assert not career.editor.options.isVisible()  # the sandbox has neither


def test_post_now_never_sends_again_a_post_that_may_have_gone_out_meanwhile(
        demo: Services, shell: Shell, idle, clock: FakeClock) -> None:
    """The editor open on a scheduled post whose time came: the scheduler sent it and X did not answer. "Post now"
    sent it a second time, with no question (the editor passed the state it found after saving as the one seen)."""
    career = demo.store.persona("career")
    post = demo.outbox.create(career.uid, "Five interview questions", state=PostState.SCHEDULED,
                              scheduled_at=clock.now() + timedelta(minutes=1))
    dialog = open_editor(shell, idle, post)
    sandbox = demo.networks["sandbox"]
    before = len(sandbox.timeline(career.uid))  # type: ignore[attr-defined]
    demo.outbox.update_if(post.id, None, state=PostState.NEEDS_REVIEW.value,  # what the scheduler left meanwhile
                          error="X did not answer in time; the post may have gone out.")
    dialog.editor.editor.setPlainText("Five interview questions, and why")
    dialog.editor.send_button.click()
    idle(shell)
    after = demo.outbox.get(post.id)
    assert (after.state, after.text) == (PostState.NEEDS_REVIEW, "Five interview questions, and why")  # saved only
    assert len(sandbox.timeline(career.uid)) == before  # type: ignore[attr-defined]
    assert dialog.isVisible() and dialog.editor.status.text() == (
        f"Saved, not sent: post {post.id} may already have gone out (it needs review), so it stays as it is: check "
        "the account, then mark it sent or send it again")
    assert not dialog.editor.send_button.isVisible() and not dialog.editor.persona_combo.isEnabled()
    assert dialog.editor.when.text() == ("Needs review: it may already have gone out. Check the account, then mark it "
                                         "sent or send it again, from the history or the inbox.")


def test_a_post_that_may_be_out_stays_with_its_persona(demo: Services, shell: Shell, idle) -> None:
    post = demo.outbox.create(demo.store.persona("career").uid, "Maybe out", state=PostState.NEEDS_REVIEW)
    dialog = open_editor(shell, idle, post)
    combo = dialog.editor.persona_combo
    assert not combo.isEnabled()
    assert combo.toolTip() == "This post may already be on career's timeline, so it stays with career."
    choose_persona(dialog, "metal")
    dialog.editor.save_button.click()
    idle(shell)
    assert demo.outbox.get(post.id).persona_name == "career"


@pytest.mark.parametrize(("out", "known"), [
    (("1850000000000000001",), "Part 1 of 3 went out; part 2 may or may not have. Part 3 was not sent."),
    ((), "Part 1 of 3 may or may not have gone out. Parts 2–3 were not sent."),
])
def test_a_thread_in_doubt_names_its_part_in_doubt_as_the_history_does(
        demo: Services, shell: Shell, idle, out: tuple[str, ...], known: str) -> None:
    """The editor said the generic "it may already have gone out" while the history and its "Mark what went out…"
    question name the one part in doubt."""
    post = demo.outbox.create(demo.store.persona("career").uid, "1/3 Read the ad", thread=("2/3 Verbs", "3/3 Job"),
                              state=PostState.NEEDS_REVIEW)
    demo.outbox.update_if(post.id, None, remote_ids=list(out), network="sandbox")
    dialog = open_editor(shell, idle, demo.outbox.get(post.id))
    assert dialog.editor.when.text() == (
        f"Needs review. {known} Check the account for part {len(out) + 1}, then mark what went out or send it again, "
        "from the history or the inbox.")
