"""The calendar, the inbox and a new persona's first "Add to queue", driven like a user: clicks, drags and keys on
real widgets offscreen, over real services with a fake clock (Monday 2 March 2026, 07:00 in New York)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from sched_gui_helpers import MONDAY, pump, scheduling_world
from sched_helpers import at

from personamgr.core.holds import HoldKind
from personamgr.core.outbox import PostState
from personamgr.core.personas import DEFAULT_SLOTS, Persona
from personamgr.core.scheduling import PostSchedule
from personamgr.core.services import Services
from personamgr.gui import theme
from personamgr.gui.app import Shell
from personamgr.gui.calendar_layout import GUTTER, HOUR_H, Mode
from personamgr.gui.calendar_window import CalendarWindow
from personamgr.gui.post_editor import PostEditorDialog
from personamgr.gui.scheduling_ui import SchedulingUi

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def world(services: Services, qtbot) -> Iterator[tuple[Shell, SchedulingUi]]:  # type: ignore[no-untyped-def]
    yield from scheduling_world(services, qtbot)


def schedule(services: Services, persona: str, text: str, when: datetime) -> int:
    uid = services.store.persona(persona).uid
    return PostSchedule(services.store, services.outbox, services.clock).create(uid, text, when=when).post.id


def open_calendar(ui: SchedulingUi, shell: Shell, qtbot) -> CalendarWindow:  # type: ignore[no-untyped-def]
    calendar = ui.open_calendar()
    calendar.resize(1100, 720)
    pump(qtbot, shell, lambda: bool(calendar.canvas.entries))
    return calendar


# -- the calendar ------------------------------------------------------------------------------------------------
def test_a_week_of_posts_and_free_slots_in_persona_colours_with_a_now_line(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    career_post = schedule(services, "career", "Interview questions that tell you about the team.", at(2026, 3, 4, 14))
    metal_post = schedule(services, "metal", "Friday setlist poll.", at(2026, 3, 6, 19))
    calendar = open_calendar(ui, shell, qtbot)
    assert calendar.isVisible() and calendar.title.text() == "2–8 March 2026"
    canvas = calendar.canvas
    posts = {e.post.id: e for e in canvas.entries if e.post}
    assert career_post in posts and metal_post in posts
    free = [e for e in canvas.entries if e.free_slot]
    expected = {("career", at(2026, 3, 2, 14)), ("metal", at(2026, 3, 2, 19))}  # Monday 09:00 EST, 20:00 CET
    assert {(e.persona.name, e.instant) for e in free} >= expected
    assert ("career", at(2026, 3, 4, 14)) not in {(e.persona.name, e.instant) for e in free}  # taken by the post
    # Every time is in the persona's zone, named (the test machine's zone is neither New York nor Berlin).
    from personamgr.gui.calendar_view import block_time

    assert block_time(posts[career_post]) == "09:00 EST" and block_time(posts[metal_post]) == "20:00 CET"
    # Persona colours, with a text colour that reads on them.
    for e in (posts[career_post], posts[metal_post]):
        colour = theme.QColor(e.persona.colour)
        assert theme.contrast(theme.text_on(colour), colour) >= 4.5
    # The now line: today's column, at 12:00 in the computer's zone of the test (UTC).
    layout = canvas.layout()
    assert layout.y_of(calendar.canvas.span.local(MONDAY)) == 12 * HOUR_H
    image = canvas.grab().toImage()
    red = theme.QColor(theme.colours(canvas.palette())["error"])
    today = layout.day_rect(0)
    assert image.pixelColor(today.center().x(), 12 * HOUR_H) == red


def test_the_hour_labels_are_whole_at_every_scroll_position(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The week view opened scrolled to the end of the day, where the scroll bar stops between two hours: its top
    hour label was cut in half at the edge ("10:00" a row of dots). Scrolled anywhere, the hour at the top says
    itself whole: its label stays in sight while its hour does, and gives way to the next one."""
    shell, ui = world
    calendar = open_calendar(ui, shell, qtbot)
    bar, viewport = calendar.scroll.verticalScrollBar(), calendar.scroll.viewport()
    ink_right = GUTTER - 6  # the labels end there; the grid starts at GUTTER
    for offset in range(0, HOUR_H, 3):
        bar.setValue(10 * HOUR_H + offset)
        qtbot.wait(1)
        image = viewport.grab().toImage()
        paper = image.pixelColor(1, 1)  # the labels are right-aligned: nothing is drawn at the far left
        edge = [x for y in (0, 1) for x in range(ink_right) if image.pixelColor(x, y) != paper]
        assert not edge, f"a label cut at the top edge, scrolled {offset} px into 10:00"
        top_label = [x for y in range(2, 24) for x in range(ink_right) if image.pixelColor(x, y) != paper]
        assert top_label, f"no hour label at the top, scrolled {offset} px into 10:00"


def test_a_post_late_in_the_day_is_drawn_whole(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A post at 23:45 had its block drawn from 23:45 on, past the day's end: its bottom half, the post's words,
    fell off the grid. It now ends at midnight, its time written on it."""
    shell, ui = world
    post_id = schedule(shell.services, "metal", "Late show tonight: who is still up?", at(2026, 3, 4, 23, 45))
    calendar = open_calendar(ui, shell, qtbot)
    canvas = calendar.canvas
    entry = next(e for e in canvas.entries if e.post and e.post.id == post_id)
    rect = canvas.rect_of(entry)
    assert rect is not None and rect.top() >= 23 * HOUR_H
    assert rect.bottom() < 24 * HOUR_H, (rect, 24 * HOUR_H)


def test_drag_a_post_to_reschedule_it_in_its_personas_zone(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    post_id = schedule(services, "career", "Interview questions that tell you about the team.", at(2026, 3, 4, 14))
    calendar = open_calendar(ui, shell, qtbot)
    canvas = calendar.canvas
    entry = next(e for e in canvas.entries if e.post and e.post.id == post_id)
    rect = canvas.rect_of(entry)
    assert rect is not None
    thursday = canvas.layout().day_rect(3)
    target = QPoint(thursday.center().x(), 16 * HOUR_H + 2)  # Thursday, 16:00 on the grid (UTC)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseMove(canvas, rect.center() + QPoint(10, 10))
    qtbot.mouseMove(canvas, target)
    assert canvas.drop_target == (3, 16 * 60)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=target)
    pump(qtbot, shell, lambda: services.outbox.get(post_id).scheduled_at == at(2026, 3, 5, 16))
    assert "Moved career's post to Thu 05 Mar 2026 11:00 EST." in calendar.status.full_text()


def test_keyboard_selects_moves_across_the_clock_change_and_edits(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    post_id = schedule(services, "career", "Friday interview tips.", at(2026, 3, 6, 14))  # Fri 09:00 EST
    calendar = open_calendar(ui, shell, qtbot)
    canvas = calendar.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.selected == canvas.entries[0]
    while canvas.selected is not None and (canvas.selected.post is None or canvas.selected.post.id != post_id):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert "Friday interview tips." in canvas.accessibleDescription()
    said = []
    for _ in range(3):  # Alt+Right three times: Monday 9 March, after New York sprang forward on the 8th
        qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        pump(qtbot, shell)
        said.append(calendar.status.full_text())
    assert services.outbox.get(post_id).scheduled_at == at(2026, 3, 9, 13)  # 09:00 EDT: the wall time stays
    assert said[0] == "Moved career's post to Sat 07 Mar 2026 09:00 EST."
    assert "clocks change in America/New_York" in said[1]  # Saturday to Sunday the 8th: told about the shift
    assert said[2] == "Moved career's post to Mon 09 Mar 2026 09:00 EDT."
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)  # the next week, where it is now
    pump(qtbot, shell, lambda: calendar.title.text() == "9–15 March 2026")
    assert any(e.post and e.post.id == post_id for e in canvas.entries)
    qtbot.keyClick(canvas, Qt.Key.Key_T)  # back to today
    pump(qtbot, shell, lambda: calendar.title.text() == "2–8 March 2026")
    qtbot.keyClick(canvas, Qt.Key.Key_M)  # the month
    pump(qtbot, shell, lambda: calendar.canvas.span.mode is Mode.MONTH)
    assert calendar.title.text() == "March 2026" and calendar.month_button.isChecked()
    qtbot.keyClick(canvas, Qt.Key.Key_W)
    pump(qtbot, shell, lambda: calendar.canvas.span.mode is Mode.WEEK)


def test_click_a_post_to_edit_it_and_one_personas_week_is_in_its_zone(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    post_id = schedule(services, "metal", "Friday setlist poll.", at(2026, 3, 6, 19))
    calendar = open_calendar(ui, shell, qtbot)
    metal = services.store.persona("metal")
    calendar.persona_filter.setCurrentIndex(calendar.persona_filter.findData(metal.uid))
    calendar.persona_filter.activated.emit(calendar.persona_filter.currentIndex())
    pump(qtbot, shell, lambda: all(e.persona.uid == metal.uid for e in calendar.canvas.entries))
    assert calendar.canvas.span.zone == "Europe/Berlin"
    assert calendar.zone.text() == "Times in metal's zone, Europe/Berlin"
    entry = next(e for e in calendar.canvas.entries if e.post and e.post.id == post_id)
    rect = calendar.canvas.rect_of(entry)
    assert rect is not None and rect.top() == 20 * HOUR_H  # 20:00 on metal's own clock
    qtbot.mouseClick(calendar.canvas, Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = shell.window.post_actions.dialog
    assert isinstance(dialog, PostEditorDialog) and dialog.isVisible()
    assert dialog.editor.editor.toPlainText() == "Friday setlist poll."
    dialog.reject()


# -- the inbox ---------------------------------------------------------------------------------------------------
def test_the_inbox_lists_what_needs_the_user_with_reasons_and_actions(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    career = services.store.persona("career").uid
    failed = services.outbox.create(career, "Refused by X", state=PostState.FAILED)
    services.outbox.update_if(failed.id, None, error="You are not allowed to create a Tweet with duplicate content.")
    review = services.outbox.create(career, "Maybe out", state=PostState.NEEDS_REVIEW)
    held_id = schedule(services, "career", "Held at send time", MONDAY + timedelta(minutes=5))
    services.outbox.update_if(held_id, None, state=PostState.HELD.value, hold_kind=HoldKind.NEAR_DUPLICATE.value,
                              error="Held before sending: This is nearly the same as a post that already went out.")
    ui.bridge.refresh()
    ui.show_inbox()
    view = ui.inbox.view
    pump(qtbot, shell, lambda: view.count() == 3)
    assert ui.inbox_dock.windowTitle() == "Inbox (3)"
    assert ui.bridge.summary.attention == 3  # what the tray badge counts
    assert {p.status for p in view.posts()} == {"Failed", "Needs review", "Held: near-duplicate"}
    assert "Inbox (3)…" in [a.text() for a in shell.tray.menu.actions()]
    row = next(i for i, p in enumerate(view.posts()) if p.id == held_id)
    view.setCurrentRow(row)
    bar = ui.inbox.actions
    assert list(bar.buttons) == ["edit", "postAnyway"]  # held: never "mark as sent"
    more = [a.objectName() for a in bar.more.menu().actions() if a.objectName()]
    assert "markSent" not in more and "delete" in more
    qtbot.mouseClick(bar.buttons["postAnyway"], Qt.MouseButton.LeftButton)
    pump(qtbot, shell, lambda: services.outbox.get(held_id).state is PostState.SENT)
    pump(qtbot, shell, lambda: view.count() == 2)
    assert ui.inbox_dock.windowTitle() == "Inbox (2)"
    row = next(i for i, p in enumerate(view.posts()) if p.id == review.id)
    view.setCurrentRow(row)
    assert list(bar.buttons) == ["markSent", "sendAgain"]


# -- a new persona's first "Add to queue" ------------------------------------------------------------------------
def test_add_to_queue_without_slots_offers_weekday_slots(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    new = services.store.add_persona(Persona(name="founder", topics=("startups",), timezone="Europe/London"))
    pump(qtbot, shell)
    shell.controller.set_active(new.uid)
    shell.window.compose.editor.setPlainText("We closed our seed round. Here is what worked.")
    qtbot.mouseClick(ui.compose.queue_button, Qt.MouseButton.LeftButton)
    box = ui.compose.slot_question
    assert box is not None and box.isVisible() and "founder has no queue slots yet" in box.text()
    assert "09:00, 12:30, 17:00 (Europe/London)" in box.informativeText()
    next(b for b in box.buttons() if b.text().replace("&", "") == "Add slots and queue").click()
    pump(qtbot, shell, lambda: bool(services.outbox.in_states([PostState.SCHEDULED], new.uid)))
    assert services.store.persona(new.uid).queue_slots == DEFAULT_SLOTS
    [post] = services.outbox.in_states([PostState.SCHEDULED], new.uid)
    assert post.scheduled_at == at(2026, 3, 2, 12, 30)  # Monday 12:30 in London: the next free slot
    assert "Scheduled for Mon 02 Mar 2026 12:30 GMT" in shell.window.compose.status.full_text()


@pytest.mark.parametrize("keys", ["Escape", "Ctrl+W"])
def test_the_calendar_closes_from_the_keyboard(world, qtbot, keys: str) -> None:  # type: ignore[no-untyped-def]
    """Driven by keys (arrows, Alt+arrows, Enter, Page Up/Down, T, W, M), the calendar window had no key that
    closed it: Escape and Ctrl+W did nothing, and under a window manager without a title bar it stayed open."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    shell, ui = world
    calendar = open_calendar(ui, shell, qtbot)
    calendar.canvas.setFocus()
    sequence = QKeySequence(keys)[0]
    QTest.keyClick(calendar.canvas, sequence.key(), sequence.keyboardModifiers())
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=5_000)
    assert ui.open_calendar() is calendar and calendar.isVisible()  # Ctrl+Shift+K brings it back


def test_the_keyboard_brings_the_post_it_selects_into_sight(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The week view opens scrolled to the working hours. Selecting a post by the keyboard (arrows, Home, End)
    outside them said it in the status line but left it out of sight, and Tab stopped on the week's scroll area,
    which a screen reader could not name. The view now scrolls to the post it selects, and Tab goes from the
    week's posts to the buttons above them, with no silent stop between."""
    shell, ui = world
    early = schedule(shell.services, "metal", "Sunrise riff before work.", at(2026, 3, 4, 5))
    late = schedule(shell.services, "metal", "Late show tonight: who is still up?", at(2026, 3, 4, 22, 30))
    calendar = open_calendar(ui, shell, qtbot)
    canvas, viewport = calendar.canvas, calendar.scroll.viewport()
    canvas.setFocus()

    def in_sight() -> None:
        assert canvas.selected is not None
        rect = canvas.rect_of(canvas.selected)
        assert rect is not None
        shown = QRect(canvas.mapTo(viewport, rect.topLeft()), rect.size())
        assert viewport.rect().contains(shown), (canvas.selected.local(), shown, viewport.rect())

    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    in_sight()
    selected = []
    for _ in canvas.entries[1:]:  # the week's posts and free slots, each in turn
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
        in_sight()
        selected.append(canvas.selected.post.id if canvas.selected.post else None)
    assert early in selected and late in selected
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    in_sight()
    stops = []
    widget = canvas.nextInFocusChain()
    while widget is not canvas and len(stops) < 40:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled():
            stops.append(widget)
        widget = widget.nextInFocusChain()
    assert calendar.scroll not in stops, [w.objectName() or type(w).__name__ for w in stops]
