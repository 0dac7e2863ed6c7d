"""The pause a view takes before it reads again, so that a burst of store notifications costs one read.

Every such timer is made here and carries one name: whoever must know that the window has settled (the tests'
``wait_idle``) finds each refresh still waiting for its pause, in any view, without knowing the views.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

COALESCING = "coalescingRefresh"


def coalescing_timer(parent: QObject, interval_ms: int, refresh: Callable[[], object]) -> QTimer:
    """A single-shot timer that calls ``refresh`` once the notifications pause for ``interval_ms``."""
    timer = QTimer(parent)
    timer.setObjectName(COALESCING)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(refresh)
    return timer


def queued_refreshes(root: QObject) -> list[QObject]:
    """The views under ``root`` waiting for their pause before they read again."""
    return [timer.parent() for timer in root.findChildren(QTimer, COALESCING) if timer.isActive()]


def refresh_queued(root: QObject) -> bool:
    """True while a view under ``root`` waits for its pause before reading again."""
    return bool(queued_refreshes(root))
