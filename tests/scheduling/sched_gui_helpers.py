"""The demo window with scheduling attached, on a fake clock, for the scheduling GUI tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QApplication
from sched_helpers import at
from shell_helpers import close_shell, wait_idle

from personamgr.core.demo import seed_demo
from personamgr.core.services import Services
from personamgr.gui.app import Shell, build_shell
from personamgr.gui.scheduling_ui import SchedulingUi, attach_scheduling

MONDAY = at(2026, 3, 2, 12)  # 07:00 in New York (career), 13:00 in Berlin (metal)


def pump(qtbot, shell: Shell, cond: Callable[[], bool] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Let the workers and the debounced refreshes finish; then wait for ``cond``, if given."""
    wait_idle(shell)
    if cond is not None:
        qtbot.waitUntil(cond, timeout=30_000)


def scheduling_world(services: Services, qtbot) -> Iterator[tuple[Shell, SchedulingUi]]:  # type: ignore[no-untyped-def]
    """The body of a ``world`` fixture: the demo window shown, at MONDAY, closed afterwards."""
    services.clock.set(MONDAY)  # type: ignore[attr-defined]
    seed_demo(services)
    shell = build_shell(services, tray_available=False, demo=True)
    shell.window.quitRequested.disconnect()
    ui = attach_scheduling(shell)
    shell.window.show()
    pump(qtbot, shell)
    yield shell, ui
    close_shell(shell)
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
