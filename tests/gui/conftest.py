"""GUI tests: real widgets on Qt's offscreen platform, over real services on a tmp profile.

The platform is chosen here, before pytest-qt creates the QApplication. The
services come from tests/conftest.py: the real SQLite store, the sandbox
network, keyring's real fail backend and a fake clock.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from shell_helpers import close_shell, wait_idle

from personamgr.core.demo import seed_demo
from personamgr.core.services import Services
from personamgr.gui.app import Shell, build_shell


@pytest.fixture
def demo(services: Services) -> Services:
    """The demo personas (career, metal) and their two sent posts, on the test profile."""
    seed_demo(services)
    return services


@pytest.fixture
def make_shell(qtbot: object) -> Iterator[Callable[..., Shell]]:
    """Build the app's window and tray over some services; everything is torn down after the test."""
    shells: list[Shell] = []

    def make(services: Services, *, tray_available: bool = False, show: bool = True, demo: bool = True) -> Shell:
        shell = build_shell(services, tray_available=tray_available, demo=demo)
        shell.window.quitRequested.disconnect()  # a test checks the signal; it must not quit the test's app
        shells.append(shell)
        if show:
            shell.window.show()
        wait_idle(shell)
        return shell

    yield make
    app = QApplication.instance()
    outlived: list[str] = []
    for shell in shells:
        try:
            close_shell(shell)
        except AssertionError as e:  # the next shells are torn down all the same
            outlived.append(str(e))
        for obj in (shell.tray, shell.controller, shell.workers, shell.events):
            obj.deleteLater()
    if app is not None:
        # Delete them now, not whenever some later test happens to run an event loop.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    assert not outlived, outlived[0]


@pytest.fixture
def idle() -> Callable[..., None]:
    """``idle(shell)``: wait until the shell's background tasks have delivered their results."""
    return wait_idle
