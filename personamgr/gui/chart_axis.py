"""A chart axis whose tick labels are written the way the window's language writes numbers.

pyqtgraph labels ticks with ``"%0.1f"``: the Spanish insights charts read "0.5" beside "0,52 US$".
"""

from __future__ import annotations

from math import ceil, log10

import pyqtgraph as pg

from personamgr.core.i18n import number


class NumberAxis(pg.AxisItem):
    """pyqtgraph's own axis, with each tick's value passed through :func:`personamgr.core.i18n.number`."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 (pyqtgraph's)
        if self.logMode or spacing * scale <= 0:
            return super().tickStrings(values, scale, spacing)
        places = max(0, ceil(-log10(spacing * scale)))  # as many decimals as the spacing needs, as pyqtgraph does
        return [number(v * scale, places) for v in values]
