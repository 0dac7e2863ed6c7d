"""The calendar: a week or a month of scheduled posts, posts that went out, and free queue slots.

Posts are drawn in their persona's colour (text black or white, whichever
reads better on it); a free queue slot is a dashed outline. Every time is
given in its persona's zone and names the zone wherever that is not the
computer's own. A line marks now. Drag a scheduled post to another time or
day to reschedule it (in its persona's zone; a clock change is explained),
click it to edit it. The keyboard does all of it too: arrows go from entry to
entry, Enter edits, Alt+arrows move the selected post (a day, or 15 minutes),
Page Up/Down change the week or month, T comes back to today, W and M switch
between the week and the month.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from personamgr.core.i18n import translate
from personamgr.core.outbox import PostState
from personamgr.core.scheduling.calendar import Entry
from personamgr.core.scheduling.local_time import same_as_machine, short_time, zone
from personamgr.gui import theme
from personamgr.gui.calendar_layout import BLOCK_H, HOUR_H, SNAP_MIN, Layout, Mode, Span, day_label, hour_column

DRAG_START_PX = 6


def describe_entry(e: Entry, now: datetime, machine: str) -> str:
    """One line for a screen reader, a tooltip and the status line."""
    when = entry_time(e, now, machine)
    if e.free_slot:
        return translate("Calendar", "{persona}: free queue slot, {when}").format(persona=e.persona.name, when=when)
    assert e.post is not None
    state = translate("Calendar", "sent") if e.post.state is PostState.SENT else e.post.status.lower()
    thread = (translate("Calendar", " (a thread of {n})").format(n=len(e.post.parts)) if e.post.thread else "")
    return translate("Calendar", "{persona}, {state}, {when}{thread}: {text}").format(
        persona=e.persona.name, state=state, when=when, thread=thread, text=" ".join(e.post.text.split()))


def entry_time(e: Entry, now: datetime, _machine: str = "") -> str:
    """The entry's day and time in its persona's zone, named when the computer's zone is another."""
    return short_time(e.instant, e.persona.timezone, now)


def block_time(e: Entry) -> str:
    """The time on a block ("09:00", or "09:00 EST" when the persona's zone is not the computer's): its column
    already says the day."""
    local = e.local()
    return f"{local:%H:%M}" if same_as_machine(e.instant, e.persona.timezone) else f"{local:%H:%M %Z}"


class DayHeader(QWidget):
    """The days above the week's columns (or the weekday names above a month), fixed while the hours scroll."""

    def __init__(self, canvas: CalendarCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.setFixedHeight(34)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        span, layout = self.canvas.span, self.canvas.layout()
        pal = self.palette()
        today = self.canvas.now().astimezone(span.local(self.canvas.now()).tzinfo).date()
        bold = QFont(self.font())
        bold.setBold(True)
        for i in range(7):
            x = layout.gutter + i * layout.col_w
            day = span.days[i]
            label = day_label(day, span.mode)
            is_today = span.mode is Mode.WEEK and day == today
            p.setFont(bold if is_today else self.font())
            p.setPen(pal.color(QPalette.ColorRole.Highlight) if is_today else pal.color(QPalette.ColorRole.Text))
            p.drawText(QRect(x, 0, layout.col_w, self.height()), Qt.AlignmentFlag.AlignCenter, label)
        p.end()


class CalendarCanvas(QWidget):
    """Draws the days and entries of a :class:`Span`, and turns clicks, drags and keys into requests."""

    editRequested = Signal(object)  # noqa: N815 (Qt naming) the Entry whose post to edit
    moveRequested = Signal(object, object)  # noqa: N815 (Qt naming) Entry, new naive wall time in its persona's zone
    selectionChanged = Signal(object)  # noqa: N815 (Qt naming) the selected Entry or None
    stepRequested = Signal(int)  # noqa: N815 (Qt naming) -1 / +1: the previous or next week or month
    todayRequested = Signal()  # noqa: N815 (Qt naming)
    modeRequested = Signal(object)  # noqa: N815 (Qt naming) Mode: W for the week, M for the month

    def __init__(self, span: Span, now: Callable[[], datetime], machine: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarCanvas")
        self.setAccessibleName(translate("Calendar", "Calendar"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.span = span
        self.now = now
        self.machine = machine
        self.entries: list[Entry] = []
        self.selected: Entry | None = None
        self._rects: list[tuple[Entry, QRect]] = []
        self._hidden: dict[int, int] = {}  # month cells: posts that did not fit ("+2 more")
        self._crowded: dict[tuple[int, int], int] = {}  # week: more posts at one time than fit side by side
        self._free: dict[Any, int] = {}  # free queue slots per day
        self._laid_out = False
        self._press: QPoint | None = None
        self._dragging = False
        self._ghost: QRect | None = None
        self.drop_target: tuple[int, int] | None = None  # (day index, minute) under a drag

    # -- data ------------------------------------------------------------------------------
    def set_span(self, span: Span) -> None:
        self.span = span
        self._laid_out = False
        self.setMinimumHeight(HOUR_H * 24 if span.mode is Mode.WEEK else 420)
        self.updateGeometry()
        self.update()

    def set_entries(self, entries: list[Entry]) -> None:
        keep = self.selected
        self.entries = entries
        self._laid_out = False
        self.selected = next((e for e in entries if keep is not None and _same(e, keep)), None)
        self.update()  # the same post stays selected (its new time); no selectionChanged: the user chose nothing

    def layout(self) -> Layout:  # type: ignore[override]
        widest = max(self.fontMetrics().horizontalAdvance(f"{h:02d}:00") for h in (0, 11, 23))
        return Layout(self.span, self.width(), self.height(), hour_column(widest))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(900, HOUR_H * 24 if self.span.mode is Mode.WEEK else 600)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._laid_out = False  # laid out again for the new size

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 (Qt API)
        super().moveEvent(event)
        if self.span.mode is Mode.WEEK:
            self.update()  # scrolled: the top hour's label follows the edge (a scroll only repaints what came in)

    def rects(self) -> list[tuple[Entry, QRect]]:
        """Where each entry is drawn: laid out once per change of entries, span or size (a month with many
        personas has tens of thousands of free slots; a paint must not walk them all again)."""
        if not self._laid_out:
            self._laid_out = True
            layout = self.layout()
            self._rects = layout.entry_rects(self.entries)
            self._hidden = {i: layout.hidden(i) for i in range(len(self.span.days))}
            self._crowded = dict(layout.crowded())
            self._free = {}
            for e in self.entries:
                if e.free_slot:
                    day = self.span.local(e.instant).date()
                    self._free[day] = self._free.get(day, 0) + 1
        return self._rects

    def entry_at(self, pos: QPoint) -> Entry | None:
        return next((e for e, r in reversed(self.rects()) if r.contains(pos)), None)

    def rect_of(self, entry: Entry) -> QRect | None:
        return next((r for e, r in self.rects() if _same(e, entry)), None)

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = self.layout()
        rects = self.rects()  # laid out once per change of entries, span or size, not on every paint
        pal = self.palette()
        colours = theme.colours(pal)
        grid = pal.color(QPalette.ColorRole.Midlight)
        muted = QColor(colours["muted"])
        now_local = self.span.local(self.now())
        if self.span.mode is Mode.WEEK:
            top = max(0, -self.y())  # the first row in sight: the canvas scrolls in its viewport
            label_h = p.fontMetrics().height()
            for h in range(24):
                y = h * HOUR_H
                p.setPen(grid)
                p.drawLine(layout.gutter, y, self.width(), y)
                # An hour scrolled half out of sight keeps its label whole at the top, as long as there is room
                # for it; then the next hour's label is the top one. Cut at the edge, it read as nothing.
                label_y = max(y, top) + 2
                if label_y + label_h <= y + HOUR_H:
                    p.setPen(muted)
                    p.drawText(QRect(0, label_y, layout.gutter - 6, label_h), Qt.AlignmentFlag.AlignRight,
                               f"{h:02d}:00")
        for i, day in enumerate(self.span.days):
            cell = layout.day_rect(i)
            p.setPen(grid)
            p.drawRect(cell)
            if self.span.mode is Mode.MONTH:
                outside = day.month != self.span.anchor.month
                is_today = day == now_local.date()
                if is_today:  # "now" in a month: today's cell is outlined
                    p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
                    p.drawRect(cell.adjusted(1, 1, -1, -1))
                p.setPen(muted if outside else pal.color(QPalette.ColorRole.Text))
                p.drawText(cell.adjusted(6, 3, -6, 0), Qt.AlignmentFlag.AlignLeft, str(day.day))
                free = self._free.get(day, 0)
                more = self._hidden.get(i, 0)
                notes = [translate("Calendar", "+{n} more").format(n=more)] if more else []
                if free:
                    notes.append(translate("Calendar", "%n free", None, free))
                p.setPen(muted)
                p.drawText(cell.adjusted(6, 3, -6, -3), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                           " · ".join(notes))
        for entry, rect in rects:
            self._paint_entry(p, entry, rect, pal, muted)
        if self.span.mode is Mode.WEEK:
            for (i, y), n in self._crowded.items():  # more at one time than fit side by side: "+2"
                cell = layout.day_rect(i)
                badge = QRect(cell.right() - 30, y + BLOCK_H - 16, 28, 15)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(pal.color(QPalette.ColorRole.Base))
                p.drawRoundedRect(badge, 7, 7)
                p.setPen(pal.color(QPalette.ColorRole.Text))
                p.drawText(badge, Qt.AlignmentFlag.AlignCenter, translate("Calendar", "+{n}").format(n=n))
        if self.span.mode is Mode.WEEK and now_local.date() in self.span.days:
            i = self.span.days.index(now_local.date())
            cell = layout.day_rect(i)
            y = layout.y_of(now_local)
            red = QColor(colours["error"])
            p.setPen(QPen(red, 2))
            p.drawLine(cell.left(), y, cell.right(), y)
            p.setBrush(red)
            p.drawEllipse(QPoint(cell.left(), y), 4, 4)
        if self._ghost is not None:
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(self._ghost, 4, 4)
        p.end()

    def _paint_entry(self, p: QPainter, e: Entry, rect: QRect, pal: QPalette, muted: QColor) -> None:
        colour = QColor(e.persona.colour)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        p.setFont(small)
        when = block_time(e)
        if e.free_slot:
            p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
            p.setPen(muted)
            label = translate("Calendar", "{when} · {persona} · free").format(when=when, persona=e.persona.name)
            p.drawText(rect.adjusted(5, 2, -3, -2), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, label)
        else:
            assert e.post is not None
            fill = QColor(colour)
            sent = e.post.state is PostState.SENT
            if sent:  # gone out: the persona's colour, faded towards the background
                base = pal.color(QPalette.ColorRole.Base)
                fill = QColor((colour.red() + 2 * base.red()) // 3, (colour.green() + 2 * base.green()) // 3,
                              (colour.blue() + 2 * base.blue()) // 3)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fill)
            p.drawRoundedRect(rect, 4, 4)
            p.setPen(theme.text_on(fill))
            head = f"{'✓ ' if sent else ''}{when} · {e.persona.name}"
            if e.post.thread:
                head += f" · {len(e.post.parts)}🧵"
            body = " ".join(e.post.text.split())
            fm = p.fontMetrics()
            lines = [fm.elidedText(head, Qt.TextElideMode.ElideRight, rect.width() - 8)]
            if rect.height() >= 2 * fm.height() + 2:
                lines.append(fm.elidedText(body, Qt.TextElideMode.ElideRight, rect.width() - 8))
            else:
                lines = [fm.elidedText(f"{head}: {body}", Qt.TextElideMode.ElideRight, rect.width() - 8)]
            p.drawText(rect.adjusted(4, 1, -4, -1), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                       "\n".join(lines))
        if self.selected is not None and _same(e, self.selected):
            p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 3 if self.hasFocus() else 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 5, 5)

    # -- the mouse -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self.setFocus()
        entry = self.entry_at(event.position().toPoint())
        self.select(entry)
        self._press = event.position().toPoint() if entry is not None else None
        self._dragging = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        pos = event.position().toPoint()
        if self._press is None or self.selected is None or not self.selected.movable:
            hovered = self.entry_at(pos)
            self.setToolTip(describe_entry(hovered, self.now(), self.machine) if hovered else "")
            return
        if not self._dragging and (pos - self._press).manhattanLength() < DRAG_START_PX:
            return
        self._dragging = True
        self._ghost, self.drop_target = self._drop_at(pos)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        entry, dragging, target = self.selected, self._dragging, self.drop_target
        self._press, self._dragging, self._ghost, self.drop_target = None, False, None, None
        self.update()
        if entry is None:
            return
        if dragging and target is not None:
            self.moveRequested.emit(entry, self._wall_time(entry, *target))
        elif not dragging and entry.post is not None and _rect_contains(entry, event, self):
            self.editRequested.emit(entry)  # a click on a post: edit it

    def _drop_at(self, pos: QPoint) -> tuple[QRect | None, tuple[int, int] | None]:
        layout = self.layout()
        day = layout.day_at(pos.x(), pos.y())
        if day is None:
            return None, None
        cell = layout.day_rect(day)
        if self.span.mode is Mode.WEEK:
            minutes = layout.minutes_at(pos.y())
            y = int(minutes * HOUR_H / 60)
            return QRect(cell.x() + 2, y, cell.width() - 4, BLOCK_H), (day, minutes)
        return cell.adjusted(2, 2, -2, -2), (day, -1)

    def _wall_time(self, entry: Entry, day: int, minutes: int) -> datetime:
        """The new time on the persona's own clock for a drop on ``day`` at ``minutes`` (the calendar's zone)."""
        date_ = self.span.days[day]
        if minutes < 0:  # a month: the same time of day as before, on the persona's clock, on the new date
            local = entry.local()
            return datetime(date_.year, date_.month, date_.day, local.hour, local.minute)
        wall = datetime(date_.year, date_.month, date_.day, minutes // 60, minutes % 60)
        if self.span.zone == entry.persona.timezone:
            return wall
        from zoneinfo import ZoneInfo  # the grid is in another zone: the same instant, on the persona's clock

        instant = wall.replace(tzinfo=ZoneInfo(self.span.zone))
        return instant.astimezone(zone(entry.persona.timezone)).replace(tzinfo=None)

    # -- the keyboard ----------------------------------------------------------------------
    def select(self, entry: Entry | None) -> None:
        self.selected = entry
        self.setAccessibleDescription(describe_entry(entry, self.now(), self.machine) if entry else "")
        self.update()
        self.selectionChanged.emit(entry)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        order = self.entries
        index = next((i for i, e in enumerate(order) if self.selected is not None and _same(e, self.selected)), -1)
        if alt and self.selected is not None and self.selected.movable and key in (
                Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = {Qt.Key.Key_Left: timedelta(days=-1), Qt.Key.Key_Right: timedelta(days=1),
                    Qt.Key.Key_Up: timedelta(minutes=-SNAP_MIN), Qt.Key.Key_Down: timedelta(minutes=SNAP_MIN)}[key]
            self.moveRequested.emit(self.selected, self.selected.local().replace(tzinfo=None) + step)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up) and order:
            forward = key in (Qt.Key.Key_Right, Qt.Key.Key_Down)
            self.select(order[min(len(order) - 1, index + 1)] if forward else order[max(0, index - 1)])
        elif key == Qt.Key.Key_Home and order:
            self.select(order[0])
        elif key == Qt.Key.Key_End and order:
            self.select(order[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.selected is not None:
            if self.selected.post is not None:
                self.editRequested.emit(self.selected)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.stepRequested.emit(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key == Qt.Key.Key_T:
            self.todayRequested.emit()
        elif key in (Qt.Key.Key_W, Qt.Key.Key_M):
            self.modeRequested.emit(Mode.WEEK if key == Qt.Key.Key_W else Mode.MONTH)
        else:
            super().keyPressEvent(event)


def _same(a: Entry, b: Entry) -> bool:
    if a.post is not None or b.post is not None:
        return a.post is not None and b.post is not None and a.post.id == b.post.id
    return a.instant == b.instant and a.persona.uid == b.persona.uid


def _rect_contains(entry: Entry, event: QMouseEvent, canvas: CalendarCanvas) -> bool:
    rect = canvas.rect_of(entry)
    return rect is not None and rect.contains(event.position().toPoint())

