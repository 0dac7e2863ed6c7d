"""The schedule's own actions in the window (the calendar's drag, the queue's buttons, the tray's "Pause all
posting") on a profile whose disk is full: the fault said in words where the action was taken, never the bug
dialog, nothing shown that did not happen, and the same action done once space is freed. A real small file
system (tmpfs), real widgets offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime

import pytest
from sched_gui_helpers import pump, scheduling_world
from sched_helpers import at

from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.scheduling import PostSchedule
from personamgr.core.services import Services, open_services
from personamgr.gui.app import Shell
from personamgr.gui.history import POST_ROLE
from personamgr.gui.post_editor import PostEditorDialog
from personamgr.gui.scheduling_ui import SchedulingUi

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def world(clock, fail_secrets, small_fs, qtbot) -> Iterator[tuple[Shell, SchedulingUi]]:  # type: ignore[no-untyped-def]
    services = open_services(AppPaths.resolve(small_fs.root / "profile"), secrets=fail_secrets, clock=clock)
    try:
        yield from scheduling_world(services, qtbot)
    finally:
        small_fs.free()
        services.close()


def schedule(services: Services, text: str, when: datetime) -> int:
    uid = services.store.persona("career").uid
    return PostSchedule(services.store, services.outbox, services.clock).create(uid, text, when=when).post.id


def said_in_words(text: str, root: object) -> None:
    assert f"the disk holding {root} is full" in text.lower(), text
    assert "sqlite" not in text.lower() and "OperationalError" not in text, text


def test_a_post_dragged_on_the_calendar_on_a_full_disk(world, small_fs, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    post_id = schedule(services, "Interview questions that tell you about the team.", at(2026, 3, 4, 14))
    calendar = ui.open_calendar()
    pump(qtbot, shell, lambda: bool(calendar.canvas.entries))
    entry = next(e for e in calendar.canvas.entries if e.post and e.post.id == post_id)
    small_fs.fill()
    calendar.move(entry, datetime(2026, 3, 5, 11, 0))  # Thursday 11:00 in New York
    pump(qtbot, shell, lambda: calendar.status.full_text().startswith("Not moved"))
    said_in_words(calendar.status.full_text(), small_fs.root / "profile" / "data")
    assert services.outbox.get(post_id).scheduled_at == at(2026, 3, 4, 14)
    small_fs.free()
    calendar.move(entry, datetime(2026, 3, 5, 11, 0))
    pump(qtbot, shell, lambda: services.outbox.get(post_id).scheduled_at == at(2026, 3, 5, 16))


def test_the_queue_s_buttons_on_a_full_disk(world, small_fs, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    post_id = schedule(services, "Interview questions that tell you about the team.", at(2026, 3, 4, 14))
    pump(qtbot, shell, lambda: ui.queue.list.count() == 1)
    ui.queue.list.item(0).setSelected(True)
    small_fs.fill()
    ui.queue.unschedule.click()
    pump(qtbot, shell, lambda: bool(ui.queue.message.text()))
    said_in_words(ui.queue.message.text(), small_fs.root / "profile" / "data")
    assert services.outbox.get(post_id).scheduled_at == at(2026, 3, 4, 14)
    small_fs.free()
    ui.queue.list.item(0).setSelected(True)
    ui.queue.unschedule.click()
    pump(qtbot, shell, lambda: ui.queue.list.count() == 0)
    assert "kept as a draft" in ui.queue.message.text()


def test_pause_all_from_the_tray_on_a_full_disk_does_not_show_paused(  # type: ignore[no-untyped-def]
        world, small_fs, qtbot) -> None:
    """The tray's check mark said "Pause all posting" was on while the setting was never written, so scheduled
    posts would go on going out; the failure went only to the log."""
    shell, ui = world
    services = shell.services
    schedule(services, "Interview questions that tell you about the team.", at(2026, 3, 4, 14))
    pump(qtbot, shell)
    small_fs.fill()
    ui.tray.pause_action.trigger()
    pump(qtbot, shell)
    assert services.store.get_setting("pause_all") is not True
    qtbot.waitUntil(lambda: not ui.tray.pause_action.isChecked(), timeout=10_000)
    said_in_words(shell.window.statusBar().currentMessage(), small_fs.root / "profile" / "data")
    small_fs.free()
    ui.tray.pause_action.trigger()
    pump(qtbot, shell, ui.queue.pause_all.isChecked)
    assert services.store.get_setting("pause_all") is True


def test_a_history_action_on_a_full_disk(world, small_fs, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The history's "Unschedule" said "Could not unschedule the post: (sqlite3.OperationalError) database or disk
    is full ..." with SQLAlchemy's link to its docs."""
    shell, _ui = world
    services = shell.services
    post_id = schedule(services, "Interview questions that tell you about the team.", at(2026, 3, 4, 14))
    history = shell.window.history
    history.refresh()
    pump(qtbot, shell)

    def unschedule() -> None:
        post = next(history.item(i).data(POST_ROLE) for i in range(history.count())
                    if history.item(i).data(POST_ROLE).id == post_id)
        action = next(a for a in history.menu_for(post).actions() if a.objectName() == "unschedule")
        action.trigger()
        pump(qtbot, shell)

    small_fs.fill()
    unschedule()
    said_in_words(shell.window.statusBar().currentMessage(), small_fs.root / "profile" / "data")
    assert services.outbox.get(post_id).state is PostState.SCHEDULED
    small_fs.free()
    unschedule()
    assert services.outbox.get(post_id).state is PostState.DRAFT


def test_saving_an_edited_post_on_a_full_disk_keeps_the_words(world, small_fs, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Save in the post editor said "Could not save it: (sqlite3.OperationalError) database or disk is full
    (Background on this error at: https://sqlalche.me/e/21/e3q8)"."""
    shell, _ui = world
    services = shell.services
    post_id = schedule(services, "Interview questions that tell you about the team.", at(2026, 3, 4, 14))
    shell.window.history.refresh()
    pump(qtbot, shell)
    shell.window.post_actions.edit(services.outbox.get(post_id))
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, PostEditorDialog) and dialog.isVisible()
    words = "Interview questions that tell you about the team, and why they work."
    dialog.editor.editor.setPlainText(words)
    small_fs.fill()
    dialog.editor.save_button.click()
    pump(qtbot, shell)
    said_in_words(dialog.editor.status.text(), small_fs.root / "profile" / "data")
    assert dialog.isVisible() and dialog.editor.editor.toPlainText() == words
    assert services.outbox.get(post_id).text != words
    small_fs.free()
    dialog.editor.save_button.click()
    pump(qtbot, shell, lambda: services.outbox.get(post_id).text == words)
