"""Tearing down a window built by ``build_shell`` in a test."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from personamgr.gui.app import Shell


def close_shell(shell: Shell) -> None:
    """Let the shell's background tasks finish, hide it, and schedule its window and tray menu for deletion."""
    app = QApplication.instance()
    shell.window.close_to_tray = False
    shell.workers.wait(10, app.processEvents if app else None)
    shell.tray.hide()
    shell.window.hide()
    shell.window.deleteLater()
    shell.tray.menu.deleteLater()
