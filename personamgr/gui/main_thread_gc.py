"""Python's cyclic garbage collector runs on the GUI thread only.

Why: automatic collection runs in whichever thread allocates when a threshold is crossed. In a worker
thread it can collect a Qt object left in a reference cycle; destroying it there takes Qt's connection
lock and then waits for the GIL, while the GUI thread holds the GIL and waits for that lock inside a Qt
call: the app hangs for good. (Seen three times in the suite: a worker's SQLAlchemy call collecting, the
window being built in ``QObject::disconnect``.) As qutebrowser does, automatic collection is switched off
and a timer on the GUI thread collects when the counts pass the collector's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from personamgr.core.gc_pause import collect_if_due

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Owns the timer; made once per application by ``install``."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(collect_if_due)
        self._timer.start()


def install(app: QCoreApplication) -> MainThreadCollector:
    """Turn automatic collection off and collect on ``app``'s thread from now on (idempotent)."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
