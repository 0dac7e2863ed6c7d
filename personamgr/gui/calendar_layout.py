"""Where things go on the calendar: the days of a week or a month, and where each entry sits on them.

Plain geometry over :class:`~personamgr.core.scheduling.calendar.Entry`, kept
apart from the painting so the widget only draws and reacts. Days are days in
the calendar's zone (the computer's, or the one persona's being shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, QRect, QTimeZone

from personamgr.core.scheduling.calendar import Entry

HOUR_H = 44  # pixels per hour in the week view
GUTTER = 56  # the hour labels' column, at least (wider where the font is larger: see hour_column)
BLOCK_H = 38  # a post's block (posts are instants; a block is about 50 minutes tall)
SNAP_MIN = 15  # dragging moves a post in steps of this many minutes
MONTH_HEAD = 22  # the date at the top of a month cell
PILL_H = 18
MAX_LANES = 3  # more posts at one time than this are counted ("+2"), not squeezed unreadably thin


class Mode(StrEnum):
    WEEK = "week"
    MONTH = "month"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def day_label(d: date, mode: Mode) -> str:
    """"Mon 30" above a week's column, "Monday" above a month's, in the user's language."""
    return QLocale().toString(_qdate(d), "ddd d" if mode is Mode.WEEK else "dddd")


def machine_zone() -> str:
    """The computer's own zone as an IANA name (for grid days and to know which times need their zone named)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
    try:
        ZoneInfo(name)
    except (KeyError, ValueError):
        return "UTC"
    return name


@dataclass(frozen=True)
class Span:
    """The days on screen: a week (Monday first) or the weeks covering a month."""

    mode: Mode
    anchor: date  # a day in the week or month shown
    zone: str

    @property
    def first(self) -> date:
        if self.mode is Mode.WEEK:
            return self.anchor - timedelta(days=self.anchor.weekday())
        start = self.anchor.replace(day=1)
        return start - timedelta(days=start.weekday())

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(7 if self.mode is Mode.WEEK else 42)]

    def start_utc(self) -> datetime:
        return datetime.combine(self.days[0], time(), ZoneInfo(self.zone)).astimezone(UTC)

    def end_utc(self) -> datetime:
        return datetime.combine(self.days[-1] + timedelta(days=1), time(), ZoneInfo(self.zone)).astimezone(UTC)

    def step(self, n: int) -> Span:
        """``n`` weeks or months later (earlier when negative)."""
        if self.mode is Mode.WEEK:
            return Span(self.mode, self.anchor + timedelta(weeks=n), self.zone)
        month = self.anchor.month - 1 + n
        return Span(self.mode, date(self.anchor.year + month // 12, month % 12 + 1, 1), self.zone)

    def title(self) -> str:
        """"2–8 March 2026", "30 Nov – 6 Dec 2026", "March 2026": month names in the user's language."""
        locale = QLocale()
        days = self.days
        if self.mode is Mode.MONTH:
            return locale.toString(_qdate(self.anchor), "MMMM yyyy")
        a, b = days[0], days[-1]
        if a.month == b.month:
            return f"{a.day}–{locale.toString(_qdate(b), 'd MMMM yyyy')}"
        return f"{locale.toString(_qdate(a), 'd MMM')} – {locale.toString(_qdate(b), 'd MMM yyyy')}"

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(ZoneInfo(self.zone))


def hour_column(label_width: int) -> int:
    """The week view's hour column for labels ``label_width`` pixels wide ("23:00" at the canvas's font): at 15 pt
    a fixed column cut "11:00" to ".1:00"."""
    return max(GUTTER, label_width + 6 + 4)


class Layout:
    """Rectangles for the days and the entries, for a widget of ``width`` x ``height``; ``gutter``: the week view's
    hour column (:func:`hour_column`)."""

    def __init__(self, span: Span, width: int, height: int, gutter: int = GUTTER) -> None:
        self.span = span
        self.width = width
        self.height = height
        self.gutter = gutter if span.mode is Mode.WEEK else 0
        columns = 7
        self.col_w = max(40, (width - self.gutter) // columns)
        self.row_h = max(60, height // 6) if span.mode is Mode.MONTH else HOUR_H * 24

    def day_rect(self, i: int) -> QRect:
        if self.span.mode is Mode.WEEK:
            return QRect(self.gutter + i * self.col_w, 0, self.col_w, HOUR_H * 24)
        return QRect((i % 7) * self.col_w, (i // 7) * self.row_h, self.col_w, self.row_h)

    def day_at(self, x: int, y: int) -> int | None:
        for i in range(len(self.span.days)):
            if self.day_rect(i).contains(x, y):
                return i
        return None

    def y_of(self, local: datetime) -> int:
        return int((local.hour * 60 + local.minute) * HOUR_H / 60)

    def minutes_at(self, y: int) -> int:
        """The minute of the day at height ``y`` in the week view, snapped to :data:`SNAP_MIN`."""
        minutes = max(0, min(24 * 60 - SNAP_MIN, int(y * 60 / HOUR_H)))
        return minutes // SNAP_MIN * SNAP_MIN

    def entry_rects(self, entries: list[Entry]) -> list[tuple[Entry, QRect]]:
        """Each entry's rectangle; in a month, the ones that do not fit a cell are left out (see :meth:`hidden`)."""
        by_day: dict[date, list[Entry]] = {}
        for e in entries:
            by_day.setdefault(self.span.local(e.instant).date(), []).append(e)
        out: list[tuple[Entry, QRect]] = []
        self._hidden: dict[int, int] = {}
        self._crowded: dict[tuple[int, int], int] = {}
        for i, day in enumerate(self.span.days):
            todays = by_day.get(day, [])
            cell = self.day_rect(i)
            if self.span.mode is Mode.WEEK:
                out += self._week_day(todays, cell, i)
            else:
                posts = [e for e in todays if not e.free_slot]
                room = max(0, (cell.height() - MONTH_HEAD - PILL_H) // (PILL_H + 2))
                shown = posts[:room]
                for k, e in enumerate(shown):
                    out.append((e, QRect(cell.x() + 3, cell.y() + MONTH_HEAD + k * (PILL_H + 2), cell.width() - 6,
                                         PILL_H)))
                self._hidden[i] = len(posts) - len(shown)
        return out

    def hidden(self, day_index: int) -> int:
        """Posts of a month cell that did not fit ("+2 more")."""
        return getattr(self, "_hidden", {}).get(day_index, 0)

    def crowded(self) -> dict[tuple[int, int], int]:
        """(day index, y) -> how many entries there did not fit beside the others."""
        return getattr(self, "_crowded", {})

    def _week_day(self, todays: list[Entry], cell: QRect, day: int) -> list[tuple[Entry, QRect]]:
        """Entries that overlap share the column side by side (lanes), like meetings in a calendar app; each group
        of overlapping entries is as wide as the column, whatever the rest of the day looks like."""
        out: list[tuple[Entry, QRect]] = []
        cluster: list[tuple[Entry, int]] = []
        bottom = -1
        for e in [*todays, None]:
            # a post late in the day ends at midnight, its time written on it, rather than below the grid
            top = min(self.y_of(self.span.local(e.instant)), 24 * HOUR_H - BLOCK_H) if e is not None else 10**9
            if cluster and top >= bottom:  # this one starts below the group: lay the group out
                out += self._lanes(cluster, cell, day)
                cluster = []
            if e is not None:
                cluster.append((e, top))
                bottom = max(bottom, top + BLOCK_H) if len(cluster) > 1 else top + BLOCK_H
        return out

    def _lanes(self, cluster: list[tuple[Entry, int]], cell: QRect, day: int) -> list[tuple[Entry, QRect]]:
        lanes: list[int] = []  # the bottom of the last block in each lane
        placed: list[tuple[Entry, int, int]] = []
        for e, top in cluster:
            lane = next((k for k, bottom in enumerate(lanes) if bottom <= top), len(lanes))
            if lane >= MAX_LANES:
                key = (day, cluster[0][1])
                self._crowded[key] = self._crowded.get(key, 0) + 1
                continue
            if lane == len(lanes):
                lanes.append(0)
            lanes[lane] = top + BLOCK_H
            placed.append((e, top, lane))
        n = max(1, len(lanes))
        width = (cell.width() - 4) // n
        return [(e, QRect(cell.x() + 2 + lane * width, top, width - 2, BLOCK_H)) for e, top, lane in placed]
