"""The calendar window: the week or month at a glance, for all personas or one.

It reads the outbox in a worker (``core.scheduling.calendar``) and follows
every change to it; rescheduling by drag or by keyboard goes through the same
``PostSchedule`` as the Schedule panel, in the post's persona's zone, and says
when a clock change moves what the time means. With one persona shown, the
grid is in that persona's zone (named when it is not the computer's).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.faults import STORAGE_ERRORS, in_words
from personamgr.core.i18n import translate
from personamgr.core.outbox import Post
from personamgr.core.scheduling import PostSchedule, SchedulingError, describe, resolve_local
from personamgr.core.scheduling.calendar import Entry, entries, reschedule_note
from personamgr.gui.a11y import label_for
from personamgr.gui.calendar_layout import HOUR_H, Mode, Span, machine_zone
from personamgr.gui.calendar_view import CalendarCanvas, DayHeader, describe_entry
from personamgr.gui.coalescing import coalescing_timer
from personamgr.gui.icons import persona_icon
from personamgr.gui.widgets import MessageLabel, set_tone

ALL = ""
NOW_TICK_MS = 60_000


class CalendarWindow(QWidget):
    """A top-level window; :meth:`show_now` brings it up on today."""

    loaded = Signal()  # a read landed (tests and the screenshot script wait on it)

    def __init__(self, services: Any, controller: Any, workers: Any, events: Any, *,
                 edit_post: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own, beside the main one
        self.setObjectName("calendarWindow")
        self.setWindowTitle(translate("Calendar", "Calendar"))
        # Its keys drive everything else in it; these close it (Ctrl+Shift+K brings it back where it was).
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):  # StandardKey.Close is Ctrl+F4 here
            QShortcut(keys, self, self.close)
        self.services, self.controller, self.workers = services, controller, workers
        self.edit_post = edit_post
        self.schedule = PostSchedule(services.store, services.outbox, services.clock)
        self.machine = machine_zone()
        today = services.clock.now().astimezone().date()
        self.canvas = CalendarCanvas(Span(Mode.WEEK, today, self.machine), services.clock.now, self.machine)
        self.header = DayHeader(self.canvas)
        self._generation = 0

        self.prev_button = QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setObjectName("calendarPrev")
        self.prev_button.setAccessibleName(translate("Calendar", "Previous"))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setObjectName("calendarNext")
        self.next_button.setAccessibleName(translate("Calendar", "Next"))
        self.today_button = QPushButton(translate("Calendar", "Today"))
        self.today_button.setObjectName("calendarToday")
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        self.week_button = QToolButton()
        self.week_button.setText(translate("Calendar", "Week"))
        self.month_button = QToolButton()
        self.month_button.setText(translate("Calendar", "Month"))
        self.modes = QButtonGroup(self)
        for b, name in ((self.week_button, "calendarWeek"), (self.month_button, "calendarMonth")):
            b.setCheckable(True)
            b.setObjectName(name)
            self.modes.addButton(b)
        self.week_button.setChecked(True)
        self.persona_filter = QComboBox()
        self.persona_filter.setObjectName("calendarPersona")
        self.persona_filter.setAccessibleName(translate("Calendar", "Show the calendar of"))
        self.zone = QLabel()
        self.zone.setObjectName("calendarZone")
        self.zone.setProperty("tone", "hint")
        top = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button, self.title):
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.zone, label_for(self.persona_filter, translate("Calendar", "Show:")), self.persona_filter,
                  self.week_button, self.month_button):
            top.addWidget(w)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the week itself: the view follows its choice
        self.scroll.setWidget(self.canvas)
        self.status = MessageLabel()
        self.status.setObjectName("calendarStatus")
        self.status.setProperty("tone", "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        self.resize(1040, 720)

        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.week_button.clicked.connect(lambda: self.set_mode(Mode.WEEK))
        self.month_button.clicked.connect(lambda: self.set_mode(Mode.MONTH))
        self.persona_filter.activated.connect(lambda _i: self._apply_zone())
        self.canvas.stepRequested.connect(self.step)
        self.canvas.todayRequested.connect(self.go_today)
        self.canvas.editRequested.connect(self._edit)
        self.canvas.moveRequested.connect(self.move)
        self.canvas.selectionChanged.connect(self._on_select)
        self.canvas.modeRequested.connect(self.set_mode)
        self._debounce = coalescing_timer(self, 150, self.refresh)
        events.changed.connect(self._on_store_changed)
        self._clock = QTimer(self)  # the "now" line moves
        self._clock.start(NOW_TICK_MS)
        self._clock.timeout.connect(self.canvas.update)
        controller.personasChanged.connect(self._fill_personas)
        self._fill_personas()
        self._apply_zone()

    def _on_store_changed(self, _kind: str) -> None:
        """A bound slot, not a lambda: Qt disconnects it when this view is deleted (the store's signal lives as
        long as the app)."""
        self._debounce.start()

    # -- what is shown ---------------------------------------------------------------------
    def _fill_personas(self) -> None:
        current = self.persona_filter.currentData() or ALL
        self.persona_filter.blockSignals(True)
        self.persona_filter.clear()
        self.persona_filter.addItem(translate("Calendar", "All personas"), ALL)
        for p in self.controller.personas:
            self.persona_filter.addItem(persona_icon(p.colour, p.initial), p.name, p.uid)
        self.persona_filter.setCurrentIndex(max(0, self.persona_filter.findData(current)))
        self.persona_filter.blockSignals(False)

    def persona_uid(self) -> str:
        return str(self.persona_filter.currentData() or ALL)

    def _apply_zone(self) -> None:
        """One persona: the grid is in its zone. All: the computer's, each entry saying its own zone."""
        persona = self.controller.persona(self.persona_uid())
        zone = persona.timezone if persona is not None else self.machine
        span = self.canvas.span
        self._set_span(Span(span.mode, span.anchor, zone))
        if persona is not None and zone != self.machine:
            self.zone.setText(translate("Calendar", "Times in {persona}'s zone, {zone}").format(
                persona=persona.name, zone=zone))
        else:
            self.zone.setText(translate("Calendar", "Times in this computer's zone, {zone}").format(zone=zone))

    def _set_span(self, span: Span) -> None:
        self.canvas.set_span(span)
        self.title.setText(span.title())
        self.week_button.setChecked(span.mode is Mode.WEEK)
        self.month_button.setChecked(span.mode is Mode.MONTH)
        self.scroll.setWidgetResizable(True)
        self.header.update()
        self.refresh()

    def set_mode(self, mode: Mode) -> None:
        span = self.canvas.span
        self._set_span(Span(mode, span.anchor, span.zone))

    def step(self, n: int) -> None:
        self._set_span(self.canvas.span.step(n))

    def go_today(self) -> None:
        span = self.canvas.span
        self._set_span(Span(span.mode, span.local(self.services.clock.now()).date(), span.zone))
        self.scroll_to_now()

    def scroll_to_now(self) -> None:
        """Week view: show the hours around now (or the morning, on another week)."""
        if self.canvas.span.mode is Mode.WEEK:
            local = self.canvas.span.local(self.services.clock.now())
            hour = local.hour - 2 if local.date() in self.canvas.span.days else 7
            self.scroll.verticalScrollBar().setValue(max(0, hour) * HOUR_H)

    def show_now(self) -> None:
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen has no window stack to raise in
            self.raise_()
        self.go_today()
        self.canvas.setFocus()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._generation += 1
        gen, span, uid = self._generation, self.canvas.span, self.persona_uid() or None
        store, outbox, clock = self.services.store, self.services.outbox, self.services.clock

        def read() -> list[Entry]:
            return entries(store, outbox, span.start_utc(), span.end_utc(), uid, now=clock.now())

        self.workers.submit(read, done=lambda found: self._show(gen, found), name="calendar")

    def _show(self, gen: int, found: list[Entry]) -> None:
        if gen != self._generation:
            return
        self.canvas.set_entries(found)
        self.header.update()
        self.loaded.emit()

    # -- acting ----------------------------------------------------------------------------
    def _on_select(self, entry: Entry | None) -> None:
        if entry is not None:
            self.say(describe_entry(entry, self.services.clock.now(), self.machine))
            rect = self.canvas.rect_of(entry)
            if rect is not None:  # chosen by the keyboard, it may be outside the hours shown
                centre = rect.center()
                self.scroll.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 8, rect.height() // 2 + 8)

    def _edit(self, entry: Entry) -> None:
        if entry.post is not None and self.edit_post is not None:
            self.edit_post(entry.post)

    def move(self, entry: Entry, wall: datetime) -> None:
        """Reschedule ``entry``'s post to ``wall`` on its persona's clock; a clock change is explained."""
        post, persona = entry.post, entry.persona
        if post is None or not entry.movable:
            return
        schedule = self.schedule

        def go() -> tuple[Post, str]:
            resolved = resolve_local(wall, persona.timezone)
            note = reschedule_note(post, persona, resolved)
            result = schedule.schedule_at(post.id, resolved, seen=post.state)
            return result.post, result.with_warning(note or "").strip()

        def done(result: tuple[Post, str]) -> None:
            moved, note = result
            when = describe(moved.scheduled_at, persona.timezone) if moved.scheduled_at else ""
            text = translate("Calendar", "Moved {persona}'s post to {when}.").format(persona=persona.name, when=when)
            self.say(f"{text} {note}".strip(), "warning" if note else "hint")
            self.refresh()

        def failed(error: BaseException) -> None:
            if not isinstance(error, (SchedulingError, LookupError, *STORAGE_ERRORS)):
                raise error
            self.say(translate("Calendar", "Not moved: {error}").format(
                error=in_words(error, self.services.store.path)), "error")
            self.refresh()

        self.workers.submit(go, done=done, failed=failed, name="reschedule")

    def say(self, text: str, tone: str = "hint") -> None:
        self.status.setText(text)
        set_tone(self.status, tone)
