"""Pick a date and time in the persona's own zone; DST surprises are explained before the user confirms."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from personamgr.core.clock import Clock
from personamgr.core.i18n import translate
from personamgr.core.personas import Persona
from personamgr.core.scheduling import ResolvedTime, describe, resolve_local, to_local_naive
from personamgr.core.scheduling.schedule import MAX_AHEAD

TICK_MS = 5_000  # the shown minute is at most this late


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
        # The editor holds a bare wall time. It runs in UTC, which has no DST, so Qt never shifts a time
        # that is skipped or doubled in the machine's own zone; the persona's zone is applied below.
        self.edit = QDateTimeEdit()
        self.edit.setTimeZone(QTimeZone.utc())
        # Qt's own range ends in year 9999, where converting to a zone overflows; nothing past the scheduler's
        # horizon could be scheduled anyway.
        today = start.date()
        self.edit.setDateRange(QDate(today.year - 1, 1, 1), QDate(today.year, today.month, 1).addYears(
            MAX_AHEAD.days // 366))
        self.set_wall_time(start)
        self.edit.setObjectName("scheduleWhen")
        self.edit.setAccessibleName(translate("ScheduleDialog", "Date and time"))
        self.edit.setAccessibleDescription(translate("ScheduleDialog", "In {name}'s time zone, {zone}").format(
            name=persona.name, zone=persona.timezone))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.zone = QLabel()
        self.zone.setWordWrap(True)
        self.ticker = QTimer(self)  # "(now …)" and "That time has passed" stay true while the dialog is open
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self.note = QLabel()
        self.note.setObjectName("scheduleNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("ScheduleDialog", "Schedule"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.zone)
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.edit.dateTimeChanged.connect(lambda _dt: self._update())
        self._tick()

    def _tick(self) -> None:
        self.zone.setText(translate("ScheduleDialog", "Time in {name}'s zone, {zone} (now {now})").format(
            name=self.persona.name, zone=self.persona.timezone, now=describe(self.clock.now(), self.persona.timezone)))
        self._update()

    def set_wall_time(self, wall: datetime) -> None:
        self.edit.setDateTime(QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute),
                                        QTimeZone.utc()))

    def wall_time(self) -> datetime:
        dt = self.edit.dateTime()
        d, t = dt.date(), dt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    @property
    def resolved(self) -> ResolvedTime:
        return resolve_local(self.wall_time(), self.persona.timezone)

    def _update(self) -> None:
        r = self.resolved
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if r.utc < self.clock.now():
            self.note.setText(translate("ScheduleDialog", "That time has passed. Pick a later one."))
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        self.note.setText(r.note or translate("ScheduleDialog", "Goes out {when}.").format(
            when=describe(r.utc, self.persona.timezone)))
