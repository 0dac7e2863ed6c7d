"""The insights charts and their axes: numbers written the way the window's language writes them, and labels kept
whole at the axis' ends.

pyqtgraph labels ticks with ``"%0.1f"``: the Spanish insights charts read "0.5" beside "0,52 US$". It drops a
label that runs past either end of its axis: at a large font "this week", under the last bar, was not shown. And it
writes labels on one line, however wide: at a large font "Bare links" ran into "Conversation".
"""

from __future__ import annotations

from itertools import pairwise
from math import ceil, log10
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QPainter

from personamgr.core.i18n import number


class NumberAxis(pg.AxisItem):
    """pyqtgraph's own axis, with each tick's value passed through :func:`personamgr.core.i18n.number`. ``whole``:
    an axis of counts ticks whole numbers only (pyqtgraph divides a range of one into tenths: 0.1 posts)."""

    def __init__(self, orientation: str, *, whole: bool = False) -> None:
        super().__init__(orientation)
        self.whole = whole

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802, N803 (pyqtgraph's)
        levels = super().tickValues(minVal, maxVal, size)
        if not self.whole:
            return levels
        kept = [(max(1.0, spacing), [v for v in values if float(v).is_integer()]) for spacing, values in levels]
        return [(spacing, values) for spacing, values in kept if values]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 (pyqtgraph's)
        if self.logMode or spacing * scale <= 0:
            return super().tickStrings(values, scale, spacing)
        places = max(0, ceil(-log10(spacing * scale)))  # as many decimals as the spacing needs, as pyqtgraph does
        return [number(v * scale, places) for v in values]


class LabelAxis(pg.AxisItem):
    """A bottom axis of labelled bars whose labels show whole: one that runs past an end of the axis is moved in to
    end there (pyqtgraph dropped it: "this week", under the last bar, at a large font). Where two labels would
    overlap, each label of several words takes two lines. ``thin``: the labels are a sequence (weeks), so where two
    would overlap the one nearer the middle gives way instead; the ends stay."""

    def __init__(self, orientation: str, *, thin: bool = False) -> None:
        super().__init__(orientation)
        self.thin = thin
        self._lines = 0
        self._fit_lines(1)

    def _fit_lines(self, lines: int) -> None:
        """As tall as ``lines`` whole lines of its labels: sized by their ink, pyqtgraph cut what hangs below the
        line ("Strayed" read "Straved")."""
        if lines != self._lines:
            self._lines = lines
            self.setHeight(lines * QFontMetrics(self.font()).height() + self.style["tickTextOffset"][1])

    def generateDrawSpecs(self, p: QPainter) -> tuple[Any, Any, list[Text]] | None:  # noqa: N802 (pyqtgraph's)
        axis = self.mapRectFromParent(self.geometry())
        saved = self.style["hideOverlappingLabels"]
        self.style["hideOverlappingLabels"] = int(axis.width())  # lay out every label, even one past the ends
        try:
            specs = super().generateDrawSpecs(p)
        finally:
            self.style["hideOverlappingLabels"] = saved
        if specs is None:
            return None
        line, ticks, texts = specs
        if not self.thin and overlapping(kept_within(texts, axis.left(), axis.right(), thin=False)):
            metrics = QFontMetricsF(p.font())
            texts = [in_two_lines(text, metrics) for text in texts]
        self._fit_lines(max((text.count("\n") + 1 for _rect, _flags, text in texts), default=1))
        return line, ticks, kept_within(texts, axis.left(), axis.right(), thin=self.thin)


Text = tuple[QRectF, object, str]  # pyqtgraph's (where, flags, what) of a label


def kept_within(texts: list[Text], left: float, right: float, *, thin: bool) -> list[Text]:
    """``texts`` (left to right) moved in between ``left`` and ``right``; ``thin``: from the ends inwards, a label
    that would overlap one already kept is left out."""
    moved = []
    for rect, flags, text in texts:
        where = QRectF(rect)
        if where.right() > right:
            where.moveRight(right)
        if where.left() < left:
            where.moveLeft(left)
        moved.append((where, flags, text))
    if not thin:
        return moved
    kept: list[int] = []
    for i in sorted(range(len(moved)), key=lambda i: min(i, len(moved) - 1 - i)):  # the ends first
        if not any(moved[i][0].intersects(moved[k][0]) for k in kept):
            kept.append(i)
    return [moved[i] for i in sorted(kept)]


def overlapping(texts: list[Text]) -> bool:
    """Whether two of ``texts`` (left to right) overlap."""
    return any(a[0].intersects(b[0]) for a, b in pairwise(texts))


def in_two_lines(text: Text, metrics: QFontMetricsF) -> Text:
    """``text`` broken at the space nearest its middle, its rect narrowed to the longer line and made two lines
    tall, under the same point; a single word stays as it is."""
    rect, flags, words = text
    spaces = [i for i, c in enumerate(words) if c == " "]
    if not spaces:
        return text
    middle = min(spaces, key=lambda i: abs(2 * i - len(words)))
    lines = (words[:middle], words[middle + 1:])
    where = QRectF(0, rect.top(), max(metrics.horizontalAdvance(line) for line in lines), 2 * metrics.height())
    where.moveCenter(QPointF(rect.center().x(), where.center().y()))
    return where, flags, "\n".join(lines)


class Chart(pg.PlotWidget):
    """pyqtgraph's plot, asking for no more height than its minimum: it asked for the 640 × 480 of any graphics
    view, and a layout that sizes the charts by what they ask for (the insights' scrolling body) made each one as
    tall as the screen. Where there is room, the layout still stretches it."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's)
        return QSize(super().sizeHint().width(), self.minimumHeight())
