"""A view that is gone stops hearing the app's signals.

Seen in a whole-suite run: "RuntimeError: Internal C++ object (PySide6.QtCore.QTimer) already deleted", from
``events.changed.connect(lambda _kind: self._debounce.start())`` in the queue view and the scheduler bridge.
The store's change signal (``StoreEvents``) and the persona controller live as long as the app; the views
that listened to them through a lambda did not, and Qt cannot disconnect a lambda when its view is deleted,
so the next change ran into the dead view's timer. Bound slots are disconnected by Qt with their object.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from personamgr.core.services import Services
from personamgr.gui.app import Shell


def _bridge(shell: Shell) -> QObject:
    from personamgr.gui.scheduling import SchedulerBridge

    return SchedulerBridge(shell.services, shell.events, shell.workers)


def _queue(shell: Shell) -> QObject:
    from personamgr.gui.queue_view import QueueView
    from personamgr.gui.scheduling import SchedulerBridge

    bridge = SchedulerBridge(shell.services, shell.events, shell.workers)
    view = QueueView(bridge, shell.events)
    bridge.setParent(view)
    return view


def _calendar(shell: Shell) -> QObject:
    from personamgr.gui.calendar_window import CalendarWindow

    return CalendarWindow(shell.services, shell.controller, shell.workers, shell.events)


def _banner(shell: Shell) -> QObject:
    from personamgr.gui.connect_dialog import ConnectionBanner

    return ConnectionBanner(shell.services, shell.controller, shell.workers, shell.events)


@pytest.mark.parametrize("make", [_bridge, _queue, _calendar, _banner], ids=["bridge", "queue", "calendar", "banner"])
def test_a_deleted_view_is_not_reached_by_a_later_change(make: Callable[[Shell], QObject], demo: Services,
                                                         make_shell, idle) -> None:  # type: ignore[no-untyped-def]
    shell = make_shell(demo, show=False)
    view = make(shell)
    idle(shell)
    shiboken6.delete(view)  # as when its window is closed for good; the app's signals live on
    for kind in ("posts", "personas", "settings"):
        shell.events.changed.emit(kind)
    shell.controller.set_active(shell.controller.personas[-1].uid)
    QApplication.processEvents()
    idle(shell)  # pytest-qt fails the test on any exception raised in a slot
