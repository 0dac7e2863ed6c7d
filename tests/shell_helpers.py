"""Tearing down a window built by ``build_shell`` in a test."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from personamgr.gui.app import Shell


def wait_idle(shell: Shell, timeout: float = 10) -> None:
    """Let background tasks (history reads, keyring checks, the drafts' writes) finish and deliver their results.

    A history refresh still waiting for its coalescing pause counts as pending: on a slow machine a start-up
    notification's refresh can otherwise land in the middle of what a test measures next.
    """
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while shell.workers.pending or shell.drafts.writing or shell.window.history.refresh_queued:
        assert time.monotonic() < deadline, "a background task never finished"
        if app is not None:
            app.processEvents()
        time.sleep(0.01)
    if app is not None:
        app.processEvents()


def close_shell(shell: Shell) -> None:
    """Let the shell's background tasks finish, hide it, and schedule its window and tray menu for deletion."""
    app = QApplication.instance()
    shell.window.close_to_tray = False
    if shell.external is not None:
        shell.external.stop()
    shell.workers.wait(10, app.processEvents if app else None)
    shell.drafts.stop()  # a write the test left failing is not tried again once the window is gone
    shell.tray.hide()
    shell.window.hide()
    shell.window.deleteLater()
    shell.tray.menu.deleteLater()
