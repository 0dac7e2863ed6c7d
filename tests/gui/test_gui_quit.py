"""Quit with posts scheduled: the user is told nothing goes out, and chooses the tray, the background sender,
or quitting anyway. With nothing scheduled, Quit quits at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from personamgr.core.scheduling import PostSchedule
from personamgr.core.services import Services
from personamgr.gui.app import Shell

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def quit_recorder(shell: Shell) -> list[str]:
    """Stands in for ``shutdown`` (which would quit the test run's QApplication) and records what quit decided."""
    calls: list[str] = []
    shell.shutdown = lambda: calls.append("shutdown")  # type: ignore[method-assign]
    shell.quit_flow.decided.connect(calls.append)
    return calls


def queue_six(services: Services) -> None:
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    career = services.store.persona("career")
    for i in range(6):
        schedule.create(career.uid, f"Queued post number {i} about interviews and hiring.")


def click(box: QMessageBox, name: str) -> None:
    button = next(b for b in box.buttons() if b.objectName() == name)
    button.click()


def test_nothing_scheduled_quits_at_once(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    calls = quit_recorder(shell)
    shell.window.quitRequested.connect(shell.quit_flow.request)
    shell.window.close()  # no tray: closing is quitting
    idle(shell)
    assert calls == ["quit", "shutdown"]
    assert shell.quit_flow.box is None


def test_queued_posts_offer_the_background_sender(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    queue_six(demo)
    calls = quit_recorder(shell)
    shell.quit_flow.request()
    idle(shell)
    box = shell.quit_flow.box
    assert box is not None and box.isVisible()
    assert box.text() == "6 scheduled posts will not go out while personamgr is closed."
    assert "background sender" in box.informativeText()
    assert box.defaultButton().objectName() == "quitStartDaemon"
    click(box, "quitStartDaemon")
    assert calls == ["daemon", "shutdown"]
    assert shell.start_daemon_on_exit


@pytest.mark.parametrize(("count", "words"), [
    (1, "1 scheduled post will not go out while personamgr is closed.\n\nIt goes out when personamgr runs again; if "
        "its time passes meanwhile, it follows its persona's missed-post policy. The background sender sends it "
        "without a window, and steps aside when you open personamgr again."),
    (6, "6 scheduled posts will not go out while personamgr is closed.\n\nThey go out when personamgr runs again; "
        "posts whose time passed meanwhile follow each persona's missed-post policy. The background sender sends "
        "them without a window, and steps aside when you open personamgr again."),
])
def test_the_quit_question_speaks_of_one_post_as_one(demo: Services, make_shell: Callable[..., Shell], idle, *,
                                                      count: int, words: str) -> None:
    """A new user with one post scheduled quit and read "1 scheduled post will not go out while personamgr is
    closed. They go out when personamgr runs again; ... sends them without a window": one post, spoken of as
    several. The question now says "it" of one post."""
    shell = make_shell(demo)
    schedule = PostSchedule(demo.store, demo.outbox, demo.clock)
    for i in range(count):
        schedule.create(demo.store.persona("career").uid, f"Queued post number {i} about interviews and hiring.")
    quit_recorder(shell)
    shell.quit_flow.request()
    idle(shell)
    box = shell.quit_flow.box
    assert box is not None and box.isVisible()
    assert f"{box.text()}\n\n{box.informativeText()}" == words
    box.reject()


def test_cancel_keeps_everything_as_it_was(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    queue_six(demo)
    calls = quit_recorder(shell)
    shell.quit_flow.request()
    idle(shell)
    shell.quit_flow.box.reject()
    assert calls == ["cancel"]
    assert shell.window.isVisible() and not shell.start_daemon_on_exit


def test_warn_policy_quits_only_when_the_user_insists(demo: Services, make_shell: Callable[..., Shell],
                                                      idle) -> None:
    shell = make_shell(demo)
    queue_six(demo)
    demo.settings.set("quit_with_queue", "warn")
    calls = quit_recorder(shell)
    shell.quit_flow.request()
    idle(shell)
    box = shell.quit_flow.box
    names = {b.objectName() for b in box.buttons()}
    assert "quitStartDaemon" not in names and "quitAnyway" in names
    assert box.defaultButton() is box.escapeButton()  # Enter does not quit by accident
    click(box, "quitAnyway")
    assert calls == ["quit", "shutdown"]
    assert not shell.start_daemon_on_exit


def test_tray_policy_keeps_running_in_the_tray(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo, tray_available=True)
    queue_six(demo)
    demo.settings.set("quit_with_queue", "tray")
    calls = quit_recorder(shell)
    shell.quit_flow.request()
    idle(shell)
    assert calls == ["tray"]
    assert not shell.window.isVisible()
    # Quit from the tray menu itself cannot keep running in the tray: it asks.
    shell.quit_flow.request_from_tray()
    idle(shell)
    box = shell.quit_flow.box
    assert box is not None and "quitToTray" not in {b.objectName() for b in box.buttons()}
    click(box, "quitAnyway")
    assert calls == ["tray", "quit", "shutdown"]


# -- Ctrl+Q during Ctrl+Enter's undo countdown (QA #12: it quit at once and the post silently stayed a draft) --
PENDING = "Salary bands are finally public at more companies: use them."


def ctrl_enter_then_ctrl_q(shell: Shell, qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    editor = shell.window.compose.editor
    editor.setFocus()
    editor.insertPlainText(PENDING)
    shell.window.quitRequested.connect(shell.quit_flow.request)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert shell.undo_send.pending
    ctrl_q(shell)
    box = shell.quit_flow.box
    assert box is not None and box.isVisible() and box.objectName() == "quitPendingPost"
    assert box.text() == "Your post as career has not gone out yet."
    assert box.defaultButton().objectName() == "quitSendNow"  # the user pressed Post
    return box


def ctrl_q(shell: Shell) -> None:
    """The window's File ▸ Quit (Ctrl+Q on X11; the offscreen platform binds no key to the standard Quit)."""
    [quit_action] = [a for a in shell.window.findChildren(QAction) if a.text() == "&Quit"]
    quit_action.trigger()


def states_of(services: Services) -> list[str]:
    return [p.state.value for p in services.outbox.history() if p.text == PENDING]


def test_quit_during_the_undo_countdown_asks_and_send_now_sends_it_then_quits(
        demo: Services, make_shell: Callable[..., Shell], qtbot, idle) -> None:
    shell = make_shell(demo)
    calls = quit_recorder(shell)
    box = ctrl_enter_then_ctrl_q(shell, qtbot)
    idle(shell)  # the draft's write lands
    assert shell.undo_send.pending and not shell.undo_send.counting_down  # it waits while the question is open
    assert shell.undo_send.remaining == 5 and states_of(demo) == ["draft"] and calls == []
    click(box, "quitSendNow")
    qtbot.waitUntil(lambda: calls == ["quit", "shutdown"], timeout=10_000)
    assert states_of(demo) == ["sent"]
    timeline = demo.networks["sandbox"].timeline(demo.store.persona("career").uid)  # type: ignore[attr-defined]
    assert [e.text for e in timeline].count(PENDING) == 1


def test_keep_as_draft_quits_without_sending_and_cancel_goes_back_to_the_countdown(
        demo: Services, make_shell: Callable[..., Shell], qtbot, idle) -> None:
    demo.settings.set("send_delay", 2)
    shell = make_shell(demo)
    calls = quit_recorder(shell)
    box = ctrl_enter_then_ctrl_q(shell, qtbot)
    box.reject()  # Cancel (Escape): the countdown goes on, and the post goes out at its end
    assert calls == ["cancel"] and shell.undo_send.pending
    ctrl_q(shell)
    box = shell.quit_flow.box
    assert box is not None and box.objectName() == "quitPendingPost"
    click(box, "quitKeepDraft")
    idle(shell)
    assert calls == ["cancel", "quit", "shutdown"]
    assert not shell.undo_send.pending and not shell.undo_send.counting_down  # nothing is left to send it
    assert states_of(demo) == ["draft"]
