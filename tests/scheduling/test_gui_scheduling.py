"""Scheduling in the window and the tray: real widgets offscreen over real services with a fake clock.

The APScheduler driver is not started here (its timing is tested in test_driver.py); the engine is
stepped with the fake clock and its events reach the widgets through the same queued signal.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sched_gui_helpers import MONDAY, pump, scheduling_world
from sched_helpers import at, make_persona
from shell_helpers import close_shell

from personamgr.core.clock import FakeClock
from personamgr.core.demo import seed_demo
from personamgr.core.outbox import PostState
from personamgr.core.personas import MissedPolicy
from personamgr.core.scheduling import EventKind
from personamgr.core.services import Services
from personamgr.gui.app import Shell, build_shell
from personamgr.gui.history import POST_ROLE
from personamgr.gui.scheduling_ui import SchedulingUi, attach_scheduling

pytestmark = pytest.mark.gui

NBSP = "\u00a0"


@pytest.fixture
def world(services: Services, qtbot) -> Iterator[tuple[Shell, SchedulingUi]]:  # type: ignore[no-untyped-def]
    yield from scheduling_world(services, qtbot)


def tray_texts(shell: Shell) -> list[str]:
    return [a.text() for a in shell.tray.menu.actions()]


def test_add_to_queue_from_compose_and_the_tray_next_line(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    compose = shell.window.compose
    assert not ui.compose.queue_button.isEnabled()  # nothing to schedule yet
    compose.editor.insertPlainText("Five questions to ask at the end of every interview")
    assert ui.compose.queue_button.isEnabled()
    ui.compose.queue_button.click()
    pump(qtbot, shell, lambda: compose.editor.toPlainText() == "")
    assert "Scheduled for Mon 02 Mar 2026 09:00 EST" in compose.status.text()
    scheduled = shell.services.outbox.in_states([PostState.SCHEDULED])
    assert [(p.persona_name, p.scheduled_at) for p in scheduled] == [("career", at(2026, 3, 2, 14))]
    pump(qtbot, shell, lambda: ui.queue.list.count() == 1)
    texts = tray_texts(shell)
    assert "Next: career · Today 09:00 EST · Five questions to ask at…" in texts
    # The schedule entries sit above the final Quit group, after the tray's own items.
    assert texts.index("Pause all posting") < texts.index("Quit")
    # QA #13: once it has gone out, "Scheduled for …" is no longer said under the box.
    shell.services.clock.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    ui.bridge.engine.run_due()
    pump(qtbot, shell, lambda: compose.status.text() == "")
    assert shell.services.outbox.get(scheduled[0].id).state is PostState.SENT


def test_a_message_under_the_box_never_keeps_an_earlier_ones_tone(world) -> None:  # type: ignore[no-untyped-def]
    """QA #13: "Sent as gardenm." showed in the red of an error said before it."""
    compose = world[0].window.compose
    compose.say("Could not post: the disk is full. Your text is kept.", "error")
    assert compose.status.property("tone") == "error"
    compose.status.setText("Scheduled for Mon 02 Mar 2026 09:00 EST.")
    assert compose.status.property("tone") == "hint"
    compose.say("Sent as career.", "success")
    assert compose.status.property("tone") == "success"


def test_the_trays_next_line_gives_the_whole_time_in_a_zone_with_a_four_letter_name(world) -> None:  # type: ignore[no-untyped-def]
    """The time was cut out of describe()'s text by position, as if every zone's name had three letters: a Sydney
    persona's post at 05:00 AEDT read "Next: aussie · Wed 5:00  · …" (and Berlin's in summer, CEST, the same)."""
    from personamgr.gui.scheduling import next_line

    shell, ui = world
    services = shell.services
    aussie = services.store.add_persona(make_persona("aussie", tz="Australia/Sydney"))
    ui.bridge.engine.schedule.create(aussie.uid, "Dark sky tonight over the Blue Mountains",
                                     when=MONDAY + timedelta(hours=30))  # Wed 05:00 AEDT; it is Mon 23:00 there
    line = next_line(services, ui.bridge.engine)
    assert line.startswith("Next: aussie · Wed 4 Mar, 05:00 AEDT · Dark sky"), line
    services.clock.set(MONDAY + timedelta(hours=27))  # type: ignore[attr-defined]  # Wed 02:00 there: today
    line = next_line(services, ui.bridge.engine)
    assert line.startswith("Next: aussie · Today 05:00 AEDT · Dark sky"), line


def test_pause_all_from_the_tray_and_the_window_agree(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    career = services.store.persona("career")
    ui.bridge.engine.schedule.create(career.uid, "queued")
    pump(qtbot, shell)
    ui.tray.pause_action.trigger()
    # The schedule's switch and the window's menu each read the saved setting back in their own worker: wait for
    # both (on a loaded machine the second came a moment after the first, and the test failed in between).
    pump(qtbot, shell, lambda: ui.queue.pause_all.isChecked() and ui.pause_action.isChecked())
    assert services.store.get_setting("pause_all") is True
    assert "Next: posting is paused" in tray_texts(shell)
    ui.queue.pause_all.click()  # the window's switch resumes
    pump(qtbot, shell, lambda: not ui.tray.pause_action.isChecked())
    assert services.store.get_setting("pause_all") is False


def test_badge_counts_failed_and_needs_review_and_notifications(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    clock: FakeClock = services.clock  # type: ignore[assignment]
    career = services.store.persona("career")
    sched = ui.bridge.engine.schedule
    sched.create(career.uid, "goes out", when=MONDAY + timedelta(minutes=1))
    # The same text as a demo post already on the sandbox: the network refuses it as a duplicate.
    sched.create(career.uid, "Your network is the people who have seen you do good work. Make that list longer "
                 "every month.", when=MONDAY + timedelta(minutes=1))
    pump(qtbot, shell)
    assert ui.bridge.summary.attention == 0
    clock.advance(timedelta(minutes=1))
    ui.bridge.engine.run_due()
    pump(qtbot, shell, lambda: ui.bridge.summary.attention == 1)
    assert "attention: 1 post" in shell.tray.icon.toolTip()
    qtbot.waitUntil(lambda: ui.tray.last_notification[0] == "2 scheduled posts", timeout=5000)
    assert "1 × post sent" in ui.tray.last_notification[1] and "1 × post failed" in ui.tray.last_notification[1]
    # Without a tray the same news lands in the window's status bar.
    assert "2 scheduled posts" in shell.window.statusBar().currentMessage()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen: a dialog is shown
def test_missed_posts_are_listed_at_start_and_decided(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(MONDAY)
    seed_demo(services)
    career = services.store.persona("career")
    assert career.missed_policy is MissedPolicy.ASK
    from personamgr.core.scheduling import PostSchedule, ScheduleEngine

    sched = PostSchedule(services.store, services.outbox, clock)
    ids = [sched.create(career.uid, f"missed {i}", when=MONDAY + timedelta(hours=i)).post.id for i in (1, 2)]
    founder = services.store.add_persona(make_persona("founder", slots=()))
    lone = sched.create(founder.uid, "missed lone", when=MONDAY + timedelta(hours=3)).post.id
    clock.advance(timedelta(hours=5))  # the app was closed
    engine = ScheduleEngine(services)
    engine.start()
    engine.run_due()  # what the scheduler does at start-up
    shell = build_shell(services, tray_available=False, demo=True)
    shell.window.quitRequested.disconnect()
    ui = attach_scheduling(shell)
    shell.window.show()
    try:
        ui.bridge.refresh()
        pump(qtbot, shell, lambda: ui._missed_dialog is not None and ui._missed_dialog.isVisible())
        dialog = ui._missed_dialog
        assert dialog is not None and dialog.list.count() == 3
        assert "missed their time" in dialog.intro.text()
        # QA #9: a persona without queue slots is not offered a "next free slot" that fails.
        dialog.list.clearSelection()
        dialog.list.item(2).setSelected(True)
        assert "missed lone" in dialog.list.item(2).text()
        assert not dialog.next_slot.isEnabled() and dialog.send_now.isEnabled() and dialog.draft.isEnabled()
        assert "founder has no queue slots" in dialog.next_slot.toolTip()
        dialog.draft.click()
        pump(qtbot, shell, lambda: dialog.list.count() == 2)
        assert services.outbox.get(lone).state is PostState.DRAFT
        assert "missed 1" in dialog.list.item(0).text() and "was due Mon 02 Mar 2026 08:00 EST" in \
            dialog.list.item(0).text()
        dialog.list.item(0).setSelected(True)
        dialog.list.item(1).setSelected(False)
        dialog.draft.click()
        pump(qtbot, shell, lambda: dialog.list.count() == 1)
        assert services.outbox.get(ids[0]).state is PostState.DRAFT
        dialog.list.item(0).setSelected(True)
        dialog.next_slot.click()
        pump(qtbot, shell, lambda: dialog.list.count() == 0)
        moved = services.outbox.get(ids[1])
        assert moved.state is PostState.SCHEDULED and moved.scheduled_at == at(2026, 3, 4, 14)  # Wed 09:00 EST
        assert not ui.missed_action.isEnabled()
        assert services.networks["sandbox"].timeline()[0].text != "missed 2"  # type: ignore[attr-defined]
    finally:
        close_shell(shell)


def test_queue_view_reorders_and_unschedules(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    career = shell.services.store.persona("career")
    sched = ui.bridge.engine.schedule
    a, b = (sched.create(career.uid, t).post for t in ("first", "second"))
    pump(qtbot, shell, lambda: ui.queue.list.count() == 2)
    ui.queue.list.item(1).setSelected(True)
    assert ui.queue.up.isEnabled() and not ui.queue.down.isEnabled()
    ui.queue.up.click()
    pump(qtbot, shell, lambda: ui.queue.list.item(0).text().endswith("second"))
    assert [p.text for p in sched.scheduled(career.uid)] == ["second", "first"]
    assert sched.scheduled(career.uid)[0].scheduled_at == a.scheduled_at
    ui.queue.list.clearSelection()
    ui.queue.list.item(0).setSelected(True)
    ui.queue.unschedule.click()
    pump(qtbot, shell, lambda: ui.queue.list.count() == 1)
    assert shell.services.outbox.get(b.id).state is PostState.DRAFT
    assert "kept as a draft" in ui.queue.message.text()


def test_the_schedule_says_a_thread_is_one(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The schedule showed a thread as its first part alone: nothing said the other parts go out with it."""
    shell, ui = world
    career = shell.services.store.persona("career")
    ui.bridge.engine.schedule.create(career.uid, "first part", thread=("second part", "third part"))
    pump(qtbot, shell, lambda: ui.queue.list.count() == 1)
    header = ui.queue.list.item(0).text().replace(NBSP, " ").split("\n")[0]
    assert header.endswith("[thread of 3 posts]")


def test_engine_events_reach_the_gui_thread(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    got: list[EventKind] = []
    ui.bridge.eventArrived.connect(lambda e: got.append(e.kind))
    services = shell.services
    career = services.store.persona("career")
    ui.bridge.engine.schedule.create(career.uid, "now", when=services.clock.now())
    import threading

    t = threading.Thread(target=ui.bridge.engine.run_due)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: got == [EventKind.SENT], timeout=5000)


def test_schedule_buttons_follow_post_after_a_move(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Moving a draft to another persona (here through the persona switch that "Move to" performs)
    leaves Schedule… and Add to queue enabled exactly when Post is."""
    shell, ui = world
    compose = shell.window.compose
    compose.editor.insertPlainText("That opening riff on the new record is the heaviest thing all year")
    compose.move_draft_to(shell.services.store.persona("metal").uid)
    pump(qtbot, shell, lambda: shell.controller.active.name == "metal")
    assert compose.editor.toPlainText().startswith("That opening riff")
    assert compose.post_button.isEnabled()
    assert ui.compose.schedule_button.isEnabled() and ui.compose.queue_button.isEnabled()
    compose.editor.clear()
    assert not ui.compose.schedule_button.isEnabled() and not ui.compose.queue_button.isEnabled()


def test_the_schedule_dialog_offers_no_date_past_the_schedulers_horizon(services: Services, qtbot) -> None:
    """Qt's date range ends in 9999, where converting to a zone overflows: the calendar stops at the scheduler's
    horizon, and a date typed past it is refused with the last one that can be had."""
    from personamgr.core.scheduling.schedule import MAX_AHEAD
    from personamgr.gui.schedule_dialog import ScheduleDialog

    dialog = ScheduleDialog(make_persona(tz="Pacific/Kiritimati"), services.clock)
    qtbot.addWidget(dialog)
    latest = dialog.calendar.maximumDate().toPython()
    assert latest <= (services.clock.now() + MAX_AHEAD).date() + timedelta(days=1)  # Kiritimati is UTC+14
    dialog.calendar.clicked.emit(dialog.calendar.maximumDate())
    assert dialog.resolved.requested.date() == latest
    dialog.set_wall_time(dialog.resolved.requested.replace(year=latest.year + 1))
    assert "too far ahead" in dialog.note.text() and not schedule_button(dialog).isEnabled()


def schedule_button(dialog: object) -> object:
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_time_typed_over_the_whole_field_is_the_time_scheduled(services: Services, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """Typed over the whole field, "Tue 1 Dec 2026  10:00" became "Tue 1 Dec 2026  20:26" (Qt's date-time editor
    moved on by itself after "Dec" and again at the space, so the year's digits became the hour and minute), and
    Schedule was enabled: the post would have gone out at 20:26. "2 Dec 2026 14:30" showed year 0000."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from personamgr.gui import i18n
    from personamgr.gui.schedule_dialog import ScheduleDialog

    services.clock.set(at(2026, 12, 1, 4, 40))  # type: ignore[attr-defined]  # Mon 30 Nov 23:40 in New York
    dialog = ScheduleDialog(make_persona(), services.clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_wall_time(datetime(2026, 12, 30, 20, 26))  # at its own size the field shows the whole time
    assert dialog.edit.width() > dialog.edit.fontMetrics().horizontalAdvance(dialog.edit.text()) + 8

    def type_over(text: str) -> None:
        dialog.edit.setFocus()
        dialog.edit.selectAll()
        QTest.keyClicks(dialog.edit, text)

    for typed, wall in (("Tue 1 Dec 2026  10:00", (2026, 12, 1, 10, 0)), ("2 Dec 2026 14:30", (2026, 12, 2, 14, 30)),
                        ("25 December 2026 9:05", (2026, 12, 25, 9, 5)), ("2026-12-02T14:30", (2026, 12, 2, 14, 30)),
                        ("Fri 2 Dec 2026 14:30", (2026, 12, 2, 14, 30))):  # a wrong weekday: the note names it
        type_over(typed)
        assert dialog.resolved.requested == datetime(*wall), typed
        assert schedule_button(dialog).isEnabled(), (typed, dialog.note.text())
    assert dialog.note.text() == "Goes out Wed 02 Dec 2026 14:30 EST."
    type_over("30 Nov 2026 10:00")
    assert dialog.note.text() == "That time has passed. Pick a later one." and not schedule_button(dialog).isEnabled()
    for junk in ("next tuesday", "31 Feb 2027 10:00", "2 Dec 2026 25:00"):
        type_over(junk)
        assert "Cannot read that as a date and time" in dialog.note.text(), junk
        assert not schedule_button(dialog).isEnabled()
        QTest.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter does not schedule what cannot be read
        assert dialog.isVisible()
    try:
        assert i18n.install(qapp, "es") == "es"
        spanish = ScheduleDialog(make_persona(), services.clock)
        qtbot.addWidget(spanish)
        spanish.set_wall_time(datetime(2026, 12, 2, 14, 30))
        assert spanish.edit.text() == "mié 2 dic 2026 14:30"
        spanish.edit.setText("vie 25 dic 2026 9:05")
        assert spanish.resolved.requested == datetime(2026, 12, 25, 9, 5)
    finally:
        i18n.uninstall(qapp)


def test_the_schedule_dialogs_now_advances_while_it_is_open(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    """QA #13: "(now Mon 30 Nov 2026 14:21 CET)" stayed as it was; a time that passed meanwhile stayed offered."""
    from personamgr.gui.schedule_dialog import ScheduleDialog

    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(MONDAY)
    dialog = ScheduleDialog(make_persona(), clock, initial=MONDAY + timedelta(minutes=2))
    qtbot.addWidget(dialog)
    assert "(now Mon 02 Mar 2026 07:00 EST)" in dialog.zone.text() and "Goes out" in dialog.note.text()
    assert dialog.ticker.isActive()
    clock.advance(timedelta(minutes=3))
    qtbot.waitUntil(lambda: "(now Mon 02 Mar 2026 07:03 EST)" in dialog.zone.text(), timeout=10_000)
    assert dialog.note.text() == "That time has passed. Pick a later one."


def test_the_window_shows_what_another_process_wrote(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """QA #5a: after a CLI ``queue add`` the schedule panel said "Nothing is scheduled" (the calendar, read when
    opened, had the post), and a failed post from the CLI was missing from the inbox for minutes."""
    import subprocess
    import sys

    shell, ui = world
    services = shell.services
    assert services.paths is not None
    qtbot.waitUntil(lambda: ui.queue.list.count() == 0 and ui.queue.empty.isVisible(), timeout=10_000)
    words = "Salary negotiation: ask for the range before you name a number in a job interview."
    done = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(services.paths.data.parent), "queue",
                           "add", "--persona", "career", "--at", "2030-06-03T09:00", words],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: ui.queue.list.count() == 1, timeout=10_000)  # no sleep: the window notices
    assert words[:20] in ui.queue.list.item(0).text()
    qtbot.waitUntil(lambda: words in [p.text for p in shell.window.history.posts()], timeout=10_000)
    # Another connection (as the background sender has) marks it failed: the inbox and the badge follow.
    from personamgr.core.services import open_services

    other = open_services(services.paths, clock=services.clock)
    try:
        post = other.outbox.in_states([PostState.SCHEDULED])[0]
        other.outbox.claim(post.id)
        other.outbox.transition(post.id, PostState.FAILED, expect=[PostState.SENDING], error="X refused the post")
    finally:
        other.close()
    qtbot.waitUntil(lambda: ui.bridge.summary.attention == 1, timeout=10_000)
    qtbot.waitUntil(lambda: ui.queue.list.count() == 0, timeout=10_000)
    inbox = ui.inbox.view
    qtbot.waitUntil(lambda: post.id in [p.id for p in inbox.posts()], timeout=10_000)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_schedule_never_breaks_a_flag_across_lines(world, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """The schedule dock showed "career · mié 2 dic 2026 03:30 EST  [próximo" with "intento]" on the next line:
    a flag is one thing to read, so its words are joined by no-break spaces, and a narrow dock wraps before it."""
    from personamgr.gui import i18n

    shell, ui = world
    services = shell.services
    career = services.store.persona("career")
    post = services.outbox.create(career.uid, "Salary bands go public in three more states")
    services.outbox.transition(post.id, PostState.SCHEDULED, scheduled_at=services.clock.now(),
                               next_attempt_at=services.clock.now() + timedelta(hours=2))
    ui.bridge.engine.schedule.set_paused(career.uid, True)
    try:
        for language, flag in (("en", "[next try, paused]"), ("es", "[próximo intento, en pausa]")):
            assert i18n.install(qapp, language) == language
            ui.queue.refresh()
            pump(qtbot, shell, lambda flag=flag: flag in ui.queue.list.item(0).text().replace(NBSP, " "))
            header = ui.queue.list.item(0).text().split("\n")[0]
            shown = header[header.index("["):]
            assert shown == flag.replace(" ", NBSP), shown
    finally:
        i18n.uninstall(qapp)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_schedule_says_a_retry_and_a_pause_in_the_windows_language(world, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """The Spanish window's schedule showed "career · mar 1 dic 2026 19:24 EST  [retry]" and its tray "Next: career
    · mar 19:24 · …": English words glued on; and "retry" did not say the time shown is the next attempt's."""
    from personamgr.gui import i18n

    shell, ui = world
    services = shell.services
    career = services.store.persona("career")
    post = services.outbox.create(career.uid, "Salary bands go public in three more states")  # X's cap: tried later
    services.outbox.transition(post.id, PostState.SCHEDULED, scheduled_at=services.clock.now(),
                               next_attempt_at=services.clock.now() + timedelta(hours=2))
    ui.bridge.engine.schedule.set_paused(career.uid, True)
    ui.queue.refresh()
    pump(qtbot, shell, lambda: ui.queue.list.count() == 1)
    assert "[next try, paused]" in ui.queue.list.item(0).text().replace(NBSP, " ")
    try:
        assert i18n.install(qapp, "es") == "es"
        ui.queue.refresh()
        pump(qtbot, shell, lambda: "next try" not in ui.queue.list.item(0).text().replace(NBSP, " "))
        assert "[próximo intento, en pausa]" in ui.queue.list.item(0).text().replace(NBSP, " ")
        ui.bridge.engine.schedule.set_paused(career.uid, False)  # the tray's "Next:" line, in Spanish too
        ui.bridge.refresh()
        pump(qtbot, shell, lambda: any(t.startswith("Siguiente: career · ") for t in tray_texts(shell)))
    finally:
        i18n.uninstall(qapp)


def test_the_empty_schedule_on_first_run_does_not_ask_for_a_post_there_is_no_box_for(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A new profile opens on the welcome, without a compose box, while the schedule panel beside it said "Write a
    post, then choose Schedule… or Add to queue." It now says a persona comes first, and the usual line after."""
    from personamgr.core.personas import Persona

    shell = build_shell(services, tray_available=False, demo=False)
    shell.window.quitRequested.disconnect()
    ui = attach_scheduling(shell)
    shell.window.show()
    try:
        pump(qtbot, shell, ui.queue.empty.isVisible)
        assert "persona" in ui.queue.empty.text() and "Write a post" not in ui.queue.empty.text()
        services.store.add_persona(Persona(name="career", topics=("careers",)))
        pump(qtbot, shell, lambda: "Write a post" in ui.queue.empty.text())
    finally:
        close_shell(shell)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_scheduling_past_the_monthly_cap_is_said_in_the_window(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Queue and Reschedule… said nothing of career's monthly cap; the post was found Held at its time."""
    shell, ui = world
    store = shell.services.store
    store.update_persona(store.persona("career").with_changes(monthly_post_cap=0))
    pump(qtbot, shell)
    compose = shell.window.compose
    compose.editor.insertPlainText("Five questions to ask at the end of every interview")
    ui.compose.queue_button.click()
    pump(qtbot, shell, lambda: compose.editor.toPlainText() == "")
    warning = ("career has 1 post out and 0 more scheduled for the month from 1 March; with this one that is 2, over "
               "its monthly cap of 0. It will be held at its time unless you raise the cap in the persona's settings "
               "or schedule it for 1 April or later.")
    assert compose.status.full_text() == f"Scheduled for Mon 02 Mar 2026 09:00 EST. {warning}"
    assert compose.status.property("tone") == "warning"
    assert compose.status.wordWrap() and not compose.status.is_elided()  # a warning the user acts on is never cut
    post = shell.services.outbox.in_states([PostState.SCHEDULED])[0]
    shell.window.history.refresh()
    pump(qtbot, shell)
    from personamgr.gui.schedule_dialog import ScheduleDialog

    listed = next(shell.window.history.item(i).data(POST_ROLE) for i in range(shell.window.history.count())
                  if shell.window.history.item(i).data(POST_ROLE).id == post.id)
    menu = shell.window.history.menu_for(listed)
    next(a for a in menu.actions() if a.objectName() == "reschedule").trigger()
    dialog = next(d for d in shell.window.findChildren(ScheduleDialog) if d.isVisible())
    dialog.set_wall_time(datetime(2026, 3, 20, 9))
    dialog.accept()
    pump(qtbot, shell)
    assert shell.window.statusBar().currentMessage() == f"Rescheduled to Fri 20 Mar 2026 09:00 EDT. {warning}"


def test_a_clock_jump_that_makes_posts_due_is_said_in_the_window(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The computer slept past a post's time: the log said so, the window said nothing."""
    shell, ui = world
    clock: FakeClock = shell.services.clock  # type: ignore[assignment]
    career = shell.services.store.persona("career")
    ui.bridge.engine.schedule.create(career.uid, "Five questions to ask", when=MONDAY + timedelta(minutes=30))
    pump(qtbot, shell)
    ui.bridge.engine.tick()
    clock.advance(timedelta(hours=3))
    assert ui.bridge.engine.tick()
    qtbot.waitUntil(lambda: "came due meanwhile" in shell.window.statusBar().currentMessage(), timeout=5000)
    assert shell.window.statusBar().currentMessage() == (
        "Schedule checked after sleep or a clock change: The clock moved 3 hours ahead (the computer was asleep, or "
        "its clock was set forward); the schedule was checked again. 1 scheduled post came due meanwhile: it goes out "
        "now or follows its persona's missed-post policy.")


def test_the_schedule_says_when_as_the_history_does(world, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """The schedule dock wrote "career · Mon 02 Mar 2026 09:00 EST" for a post the history (and the calendar)
    called "Today 09:00 EST": one post, two ways of saying its time. Both now say it by one rule, in the
    window's language."""
    from personamgr.gui import i18n
    from personamgr.gui.history import when

    shell, ui = world
    services = shell.services
    career = services.store.persona("career")
    post = ui.bridge.engine.schedule.create(career.uid, "Negotiating an offer this month?").post
    pump(qtbot, shell, lambda: ui.queue.list.count() == 1)
    due = services.outbox.get(post.id).scheduled_at
    try:
        for language, today in (("en", "Today "), ("es", "Hoy ")):
            assert i18n.install(qapp, language) == language
            ui.queue.refresh()
            said = when(due, career.timezone, services.clock.now())
            assert said.startswith(today), said
            pump(qtbot, shell, lambda said=said: ui.queue.list.item(0).text().split("\n")[0] == f"career · {said}")
    finally:
        i18n.uninstall(qapp)


def test_the_trays_next_line_says_when_as_the_schedule_does(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The tray's "Next:" line had a rule of its own, a weekday and a time: a post nine days ahead read "Next:
    metal · Wed 21:00", this Wednesday as far as anyone could tell, while the schedule said "Wed 11 Mar, 21:00
    CET". It now says a post's time as the schedule and the history do."""
    from personamgr.gui.history import when
    from personamgr.gui.scheduling import next_line

    shell, ui = world
    services = shell.services
    metal = services.store.persona("metal")
    due = MONDAY + timedelta(days=9, hours=8)  # Wed 11 Mar, 21:00 in Berlin
    ui.bridge.engine.schedule.create(metal.uid, "Tour dates are out", when=due)
    pump(qtbot, shell, lambda: ui.queue.list.count() == 1)
    said = when(due, metal.timezone, services.clock.now())
    assert "11" in said, said
    assert next_line(services, ui.bridge.engine) == f"Next: metal · {said} · Tour dates are out"
    assert ui.queue.list.item(0).text().split("\n")[0] == f"metal · {said}"
