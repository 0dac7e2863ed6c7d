"""Opening the window while a ``personamgr daemon`` started by hand sends the profile's posts.

Only one sender may send a profile's posts (two would post twice), so the window cannot open alongside. It used
to refuse with the daemon's words; it now says what runs (the daemon and its pid) and offers to take over: the
daemon is asked to stop cleanly (a post it is sending finishes first), then the window opens and sends. Real
parts: the daemon is a real second process; the question is the real dialog, answered by clicking.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sched_daemon_helpers import log_text, start_daemon, stop, wait_for, wait_running

from personamgr.core.instance import InstanceLock
from personamgr.core.paths import AppPaths
from personamgr.gui import app_instance

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def daemon(tmp_path: Path) -> Iterator[tuple[Path, object]]:
    home = tmp_path / "home"
    proc = start_daemon(home)
    try:
        wait_running(home, proc)
        yield home, proc
    finally:
        stop(proc)


def answer(qtbot, button: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Click ``button`` on the take-over question once it shows (it is modal: the test waits inside exec)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "takeOverSender":
            QTimer.singleShot(50, look)
            return
        seen.append(box.text())
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(50, look)


def test_the_window_offers_to_take_over_from_a_daemon_and_does(daemon, qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    home, proc = daemon
    paths = AppPaths.resolve(home)
    seen: list[str] = []
    answer(qtbot, "takeOver", seen)
    primary = app_instance.claim_or_forward(paths, argparse.Namespace(compose=False), interactive=True)
    try:
        assert not isinstance(primary, int)
        assert f"pid {proc.pid}" in seen[0] and "daemon" in seen[0]
        wait_for(lambda: proc.poll() is not None, "the daemon to stop")
        assert proc.returncode == 0
        assert "daemon stopped cleanly" in log_text(home)
        holder = InstanceLock(paths, "test").holder()
        assert holder is not None and holder.role == "app"
    finally:
        if not isinstance(primary, int):
            primary.close()


def test_the_window_leaves_the_daemon_sending_when_the_user_says_no(daemon, qapp, qtbot, capsys) -> None:  # type: ignore[no-untyped-def]
    home, proc = daemon
    seen: list[str] = []
    answer(qtbot, "keepDaemon", seen)
    code = app_instance.claim_or_forward(AppPaths.resolve(home), argparse.Namespace(compose=False), interactive=True)
    assert code == 1
    assert seen
    assert proc.poll() is None  # still sending
    holder = InstanceLock(AppPaths.resolve(home), "test").holder()
    assert holder is not None and holder.role == "daemon"
