"""Running ``personamgr daemon`` as a real process on a throw-away profile."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from personamgr.core.clock import SystemClock
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.services import open_services

TIMEOUT = 60.0


def daemon_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PERSONAMGR_HOME", None)
    env.pop("DISPLAY", None)  # the daemon needs no display
    env.pop("WAYLAND_DISPLAY", None)
    return env


def start_daemon(home: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "personamgr", "--data-dir", str(home), "daemon", "--no-guard",
                             "--tick", "1", *extra], env=daemon_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def wait_for(cond: Callable[[], bool], what: str, timeout: float = TIMEOUT, *,
             seen: Callable[[], object] | None = None) -> None:
    """Poll ``cond`` until it holds; past ``timeout``, fail saying what was awaited and what ``seen`` shows then
    (a process's log, say)."""
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}" + (f"; saw:\n{seen()}" if seen else ""))
        time.sleep(0.05)


def log_text(home: Path) -> str:
    path = home / "logs" / "personamgr.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_running(home: Path, proc: subprocess.Popen[str], nth: int = 1) -> None:
    """Wait until the profile's log shows the ``nth`` daemon start (earlier runs share the log)."""
    def up() -> bool:
        if proc.poll() is not None:
            pytest.fail(f"the daemon exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        return log_text(home).count("daemon started") >= nth

    wait_for(up, "the daemon to start", seen=lambda: log_text(home))


def stop(proc: subprocess.Popen[str]) -> tuple[int, str]:
    if proc.poll() is None:
        proc.terminate()
    try:
        _, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return proc.returncode, err


class Process:
    """A personamgr process expected to send (fakex ``Sender``): a wait for the fake server to hold its request
    stops once it exits, and says how it ended and what its log says."""

    def __init__(self, proc: subprocess.Popen[str], home: Path) -> None:
        self.proc, self.home = proc, home

    def is_alive(self) -> bool:
        return self.proc.poll() is None

    def describe(self) -> str:
        running = "still running" if self.is_alive() else f"exited with {self.proc.returncode}"
        return f"{running}; its log:\n{log_text(self.home)}"


def post_state(home: Path, post_id: int) -> PostState:
    """A post's state as the profile at ``home`` holds it now (read while the daemon runs)."""
    svc = open_services(AppPaths.resolve(home), clock=SystemClock())
    try:
        return svc.outbox.get(post_id).state
    finally:
        svc.close()


def personamgr(home: Path, env: dict[str, str], *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "personamgr", "--data-dir", str(home), *argv], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_daemon_once_held(home: Path, env: dict[str, str], fake: Any) -> subprocess.Popen[str]:
    """Start a daemon, and kill -9 it once ``fake`` (a fake network server) holds the answer to its request: a
    sender that dies with a post in flight. Returns the dead process."""
    daemon = personamgr(home, env, "daemon", "--no-guard", "--tick", "1")
    try:
        fake.wait_until_held(1, timeout=TIMEOUT, sender=Process(daemon, home))
        os.kill(daemon.pid, signal.SIGKILL)
        daemon.wait(timeout=TIMEOUT)
    finally:
        stop(daemon)
    return daemon


# argv: the profile folder, the persona's uid, the credentials as JSON. Stored for that profile, as connect does.
STORE_CREDS = """
import json, sys
from personamgr.core.paths import AppPaths
from personamgr.core.secrets import SecretStore
from personamgr.core.services import open_services
svc = open_services(AppPaths.resolve(sys.argv[1]), secrets=SecretStore(timeout=30))
state = svc.secrets.state()
if not state.usable:
    sys.exit("keyring not usable: " + state.message)
svc.secrets.set_credentials(sys.argv[2], json.loads(sys.argv[3]))
svc.close()
"""
