"""Scheduling fixtures: personas in real IANA zones on the real services with a fake clock."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sched_helpers import make_persona

from personamgr.core.personas import Persona
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.services import Services


@pytest.fixture
def persona(services: Services) -> Persona:
    return services.store.add_persona(make_persona())


@pytest.fixture
def schedule(services: Services) -> PostSchedule:
    return PostSchedule(services.store, services.outbox, services.clock)


@pytest.fixture
def engine(services: Services) -> ScheduleEngine:
    eng = ScheduleEngine(services)
    eng.start()
    return eng


@pytest.fixture
def keyring_env(tmp_path: Path, missing_real_part: Callable[[str], None]) -> Iterator[dict[str, str]]:
    """A private session bus with an unlocked gnome-keyring; the environment that reaches it."""
    if not (shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon")):
        missing_real_part("dbus-daemon or gnome-keyring-daemon is not installed")
    home, run = tmp_path / "kr-home", tmp_path / "kr-run"
    home.mkdir()
    run.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PERSONAMGR_HOME")}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(run))
    out = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"], env=env,
                         capture_output=True, text=True, timeout=30, check=True).stdout.split()
    address, bus_pid = out[0], int(out[1])
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    kr = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"], env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert kr.stdin is not None
    kr.stdin.write(b"test-password")
    kr.stdin.close()
    try:
        yield env
    finally:
        kr.terminate()
        kr.wait(timeout=30)
        os.kill(bus_pid, signal.SIGTERM)
