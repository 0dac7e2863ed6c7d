"""A chart axis whose tick labels are written the way the window's language writes numbers.

pyqtgraph labels ticks with ``"%0.1f"``: the Spanish insights charts read "0.5" beside "0,52 US$".
"""

from __future__ import annotations

from math import ceil, log10

import pyqtgraph as pg

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
