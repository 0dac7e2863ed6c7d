"""Quit hands sending to the background sender, and opening the window takes it back: never two schedulers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sched_daemon_helpers import daemon_env, log_text, stop, wait_for

from personamgr.core import launch
from personamgr.core.instance import InstanceLock, send_request
from personamgr.core.paths import AppPaths

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def holder_role(paths: AppPaths) -> str | None:
    holder = InstanceLock(paths, "test").holder()
    return holder.role if holder else None


def test_the_background_sender_steps_aside_for_the_window(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    paths = AppPaths.resolve(home)
    for key, value in daemon_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("PERSONAMGR_HOME", raising=False)
    pid = launch.start_daemon(launch.profile_args(str(home)))  # what Quit ▸ Start the background sender runs
    daemon = launch._started[-1]
    app = None
    try:
        assert daemon.pid == pid
        wait_for(lambda: "daemon started" in log_text(home), "the background sender to start")
        assert holder_role(paths) == "daemon"
        reply = send_request(paths, {"action": "ping"})
        assert reply is not None and reply["role"] == "daemon"
        app = subprocess.Popen([sys.executable, "-m", "personamgr", "--data-dir", str(home)],
                               env=dict(daemon_env(), QT_QPA_PLATFORM="offscreen"), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        wait_for(lambda: daemon.poll() is not None, "the background sender to step aside")
        assert daemon.returncode == 0
        wait_for(lambda: holder_role(paths) == "app", "the window to take the profile")
        assert "the window is opening on this profile" in log_text(home)
        wait_for(lambda: "ready in" in log_text(home), "the window to be up")  # and stopping cleanly on SIGTERM
        assert app.poll() is None
    finally:
        if daemon.poll() is None:
            daemon.terminate()
            daemon.wait(30)
        if app is not None:
            code, err = stop(app)
            assert code == 0, err


def test_a_daemon_started_by_hand_is_not_taken_over(tmp_path: Path) -> None:
    """A home-server daemon (no --yield-to-window) stops for the window only when its user says so."""
    home = tmp_path / "home"
    from sched_daemon_helpers import start_daemon, wait_running

    daemon = start_daemon(home)
    try:
        wait_running(home, daemon)
        reply = send_request(AppPaths.resolve(home), {"action": "handover"})
        assert reply is not None and not reply["ok"] and reply["yields"] is False
        assert daemon.poll() is None
    finally:
        assert stop(daemon)[0] == 0
