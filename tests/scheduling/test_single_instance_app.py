"""The window takes the same lock as the daemon: a second launch is forwarded, never a second scheduler."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sched_daemon_helpers import daemon_env, log_text, start_daemon, stop, wait_for, wait_running

from personamgr.core.instance import InstanceLock, claim, send_request
from personamgr.core.paths import AppPaths

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def app_env() -> dict[str, str]:
    return dict(daemon_env(), QT_QPA_PLATFORM="offscreen")


def launch(home: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "personamgr", "--data-dir", str(home), "--demo", *extra],
                            env=app_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def demo_paths(home: Path) -> AppPaths:
    return AppPaths.resolve(home, demo=True)


def answering(home: Path) -> bool:
    reply = send_request(demo_paths(home), {"action": "ping"}, timeout=1)
    return bool(reply and reply.get("ok"))


def test_a_second_launch_forwards_compose_to_the_first(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = launch(home)
    try:
        wait_for(lambda: answering(home), "the app to listen")
        second = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(home), "--demo", "--compose"],
                                env=app_env(), capture_output=True, text=True, timeout=120, check=False)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        wait_for(lambda: "request from another launch: compose" in log_text(home / "demo"), "the request")
        # The daemon on the same profile is refused while the window schedules.
        daemon = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(home), "--demo", "daemon"],
                                env=daemon_env(), capture_output=True, text=True, timeout=120, check=False)
        assert daemon.returncode == 1
        assert f"the window (pid {first.pid}) is already scheduling posts" in daemon.stderr
        assert first.poll() is None
    finally:
        code, err = stop(first)
    assert code == 0, err
    with InstanceLock(demo_paths(home), "test") as lock:
        assert lock.acquire()


def test_a_second_launch_asks_the_first_before_it_opens_the_database(tmp_path: Path) -> None:
    """Opening the database (and importing all that needs) before asking cost a second launch seconds on a long
    history (bench/second-launch): the running window is asked first, and the database is never touched."""
    paths = AppPaths.resolve(tmp_path / "home")
    asked: list[str] = []
    first = claim(paths, "app", lambda request: asked.append(str(request.get("action"))) or {"ok": True})
    assert first is not None
    try:
        second = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(tmp_path / "home")],
                                env=app_env(), capture_output=True, text=True, timeout=120, check=False)
    finally:
        first.close()
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stderr
    assert asked == ["activate"]
    assert not paths.database.exists()


def test_two_apps_started_at_the_same_moment_make_one_instance(tmp_path: Path) -> None:
    home = tmp_path / "home"
    apps = [launch(home), launch(home)]
    try:
        wait_for(lambda: any(p.poll() is not None for p in apps), "one of the two to hand over")
        done = [p for p in apps if p.poll() is not None]
        running = [p for p in apps if p.poll() is None]
        assert len(done) == 1 and len(running) == 1
        assert done[0].returncode == 0, done[0].stderr.read() if done[0].stderr else ""  # it handed its request over
        reply = send_request(demo_paths(home), {"action": "ping"})
        assert reply is not None and reply["pid"] == running[0].pid and reply["role"] == "app"
    finally:
        for p in apps:
            stop(p)


def test_the_window_is_refused_while_the_daemon_schedules(tmp_path: Path) -> None:
    home = tmp_path / "home"
    daemon = start_daemon(home / "demo-profile")
    try:
        wait_running(home / "demo-profile", daemon)
        app = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(home / "demo-profile")],
                             env=app_env(), capture_output=True, text=True, timeout=120, check=False)
        assert app.returncode == 1
        assert f"personamgr daemon (pid {daemon.pid}) is sending the scheduled posts of this profile" in app.stderr
        assert f"kill {daemon.pid}" in app.stderr  # offscreen, nobody can answer the offer to take over
        assert daemon.poll() is None
    finally:
        assert stop(daemon)[0] == 0
