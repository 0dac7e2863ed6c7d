"""Chart axes for the insights charts: numbers written the way the window's language writes them, and labels kept
whole at the axis' ends.

pyqtgraph labels ticks with ``"%0.1f"``: the Spanish insights charts read "0.5" beside "0,52 US$". And it drops a
label that runs past either end of its axis: at a large font "this week", under the last bar, was not shown.
"""

from __future__ import annotations

from math import ceil, log10
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

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
    end there (pyqtgraph dropped it: "this week", under the last bar, at a large font). ``thin``: the labels are a
    sequence (weeks), so where two would overlap the one nearer the middle gives way; the ends stay."""

    def __init__(self, orientation: str, *, thin: bool = False) -> None:
        super().__init__(orientation)
        self.thin = thin

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
