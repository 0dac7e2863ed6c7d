"""Pick a date and time in the persona's own zone; DST surprises are explained before the user confirms.

The time is typed as text ("Wed 2 Dec 2026 14:30", "2 Dec 2026 9:05", "2026-12-02 14:30") or its day picked in
a calendar. Not a QDateTimeEdit: typed over whole, it moved the digits into other sections ("Tue 1 Dec 2026
10:00" became 20:26, the year read as the hour), and the post would have gone out then.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimer
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from personamgr.core.clock import Clock
from personamgr.core.i18n import translate
from personamgr.core.personas import Persona
from personamgr.core.scheduling import ResolvedTime, describe, resolve_local, to_local_naive
from personamgr.core.scheduling.local_time import FIRST_YEAR, LAST_YEAR
from personamgr.core.scheduling.schedule import MAX_AHEAD
from personamgr.gui.a11y import with_button_letters, with_letters

TICK_MS = 5_000  # the shown minute is at most this late
SHOWN = "ddd d MMM yyyy HH:mm"  # how the field shows a time, in the window's language
# What is read, after a leading weekday is dropped (the note names the real one): the shown form, a full month
# name, the month first, ISO 8601. Each in the window's language, then in English.
READ = ("d MMM yyyy H:mm", "d MMMM yyyy H:mm", "MMM d yyyy H:mm", "MMMM d yyyy H:mm", "yyyy-MM-dd H:mm")


def read_wall_time(text: str) -> datetime | None:
    """The wall time the user typed, or None when it cannot be read as one."""
    cleaned = re.sub(r"(\d)[Tt](\d)", r"\1 \2", text.replace(",", " "))
    words = cleaned.split()
    if len(words) > 2 and not any(c.isdigit() for c in words[0]):
        words = words[1:]  # "Wed 2 Dec 2026 14:30": a weekday that disagrees with the date is no reason to refuse
    joined = " ".join(words)
    for locale in (QLocale(), QLocale.c()):
        for form in READ:
            dt = locale.toDateTime(joined, form)
            if dt.isValid():
                d, t = dt.date(), dt.time()
                if not FIRST_YEAR <= d.year() <= LAST_YEAR:  # converting to a zone would overflow
                    return None
                return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    return None


class ScheduleDialog(QDialog):
    """``exec()``, then read :attr:`resolved` (the UTC instant and any DST note)."""

    def __init__(self, persona: Persona, clock: Clock, initial: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.persona = persona
        self.clock = clock
        self.setObjectName("scheduleDialog")
        self.setWindowTitle(translate("ScheduleDialog", "Schedule for {name}").format(name=persona.name))
        start = to_local_naive(initial or clock.now() + timedelta(hours=1), persona.timezone)
        self.edit = QLineEdit()
        self.edit.setObjectName("scheduleWhen")
        self.edit.setAccessibleName(translate("ScheduleDialog", "Date and time"))
        self.edit.setAccessibleDescription(translate("ScheduleDialog", "In {name}'s time zone, {zone}").format(
            name=persona.name, zone=persona.timezone))
        self.edit.textChanged.connect(lambda _t: self._update())
        widest = QLocale().toString(QDateTime(QDate(2026, 9, 30), QTime(20, 20)), SHOWN)  # a long month, two-digit day
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(widest + "MM") + 16)  # and room to edit
        # The day from a calendar; nothing past the scheduler's horizon is offered there.
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("scheduleCalendar")
        self.calendar.clicked.connect(self._pick_day)
        pick = QWidgetAction(self)
        pick.setDefaultWidget(self.calendar)
        self.calendar_menu = QMenu(self)
        self.calendar_menu.addAction(pick)
        self.calendar_button = QPushButton(translate("ScheduleDialog", "Calendar"))  # its menu arrow has room
        self.calendar_button.setObjectName("scheduleCalendarButton")
        self.calendar_button.setAccessibleName(translate("ScheduleDialog", "Pick the day in a calendar"))
        self.calendar_button.setMenu(self.calendar_menu)
        self.zone = QLabel()
        self.zone.setWordWrap(True)
        self.ticker = QTimer(self)  # "(now …)" and "That time has passed" stay true while the dialog is open
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self.note = QLabel()
        self.note.setObjectName("scheduleNote")
        self.note.setWordWrap(True)
        self.buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                     | QDialogButtonBox.StandardButton.Cancel))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ScheduleDialog", "&Schedule"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.zone)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.set_wall_time(start)
        self._tick()
        with_button_letters(self)

    def _tick(self) -> None:
        now = self.clock.now()
        self.zone.setText(translate("ScheduleDialog", "Time in {name}'s zone, {zone} (now {now})").format(
            name=self.persona.name, zone=self.persona.timezone, now=describe(now, self.persona.timezone)))
        today = to_local_naive(now, self.persona.timezone).date()
        last = to_local_naive(now + MAX_AHEAD, self.persona.timezone).date()
        self.calendar.setDateRange(QDate(today.year, today.month, today.day), QDate(last.year, last.month, last.day))
        self._update()

    def set_wall_time(self, wall: datetime) -> None:
        self.edit.setText(QLocale().toString(QDateTime(QDate(wall.year, wall.month, wall.day),
                                                       QTime(wall.hour, wall.minute)), SHOWN))

    def wall_time(self) -> datetime | None:
        """What the field holds, or None when it cannot be read as a date and time."""
        return read_wall_time(self.edit.text())

    def _pick_day(self, day: QDate) -> None:
        wall = self.wall_time() or to_local_naive(self.clock.now() + timedelta(hours=1), self.persona.timezone)
        self.set_wall_time(wall.replace(year=day.year(), month=day.month(), day=day.day()))
        self.calendar_menu.hide()

    @property
    def resolved(self) -> ResolvedTime:
        wall = self.wall_time()
        if wall is None:
            raise ValueError(self.edit.text())  # Schedule is disabled until the field reads as a time
        return resolve_local(wall, self.persona.timezone)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        wall = self.wall_time()
        now = self.clock.now()
        if wall is None:
            soon = to_local_naive(now + timedelta(hours=1), self.persona.timezone)
            example = QLocale().toString(QDateTime(QDate(soon.year, soon.month, soon.day), QTime(soon.hour, 0)), SHOWN)
            self.note.setText(translate("ScheduleDialog", "Cannot read that as a date and time. Type it like {example} "
                                                          "or pick the day in the calendar.").format(example=example))
            ok.setEnabled(False)
            return
        wall_date = wall.date()
        self.calendar.setSelectedDate(QDate(wall_date.year, wall_date.month, wall_date.day))
        r = resolve_local(wall, self.persona.timezone)
        if r.utc < now:
            self.note.setText(translate("ScheduleDialog", "That time has passed. Pick a later one."))
            ok.setEnabled(False)
            return
        if r.utc > now + MAX_AHEAD:
            self.note.setText(translate("ScheduleDialog", "That is too far ahead: posts can be scheduled until "
                                                          "{last}.").format(
                last=describe(now + MAX_AHEAD, self.persona.timezone)))
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        self.note.setText(r.note or translate("ScheduleDialog", "Goes out {when}.").format(
            when=describe(r.utc, self.persona.timezone)))
