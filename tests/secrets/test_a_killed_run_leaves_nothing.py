"""A test run killed mid-test leaves nothing in the temp directory once the next run has ended.

The keyrings of a test's own (tests/locked_keyring.py) and the folder handed to the user nobody
(tests/cli/test_cli_read_only_profile.py) were made straight in /tmp and removed by their teardown only: a killed
run left /tmp/personamgr-own-keyring.* and /tmp/pm-nobody-* for good, and the keyring's bus (dbus-daemon --session)
its socket, /tmp/dbus-*. They are now made in the run's folder (tests/run_folder.py), which the next run removes.
Shown with real runs: a pytest in a process of its own, SIGKILLed (with its process group: its bus and keyring) while
it holds such a keyring and such a folder, then a pytest that ends as usual, both with TMPDIR set to a folder of the
test's.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import run_folder
from locked_keyring import available

pytestmark = [pytest.mark.secret_service, pytest.mark.slow]

TESTS = Path(__file__).resolve().parents[1]

INNER = '''
import os
import time
from pathlib import Path

import locked_keyring
import run_folder


def test_killed_while_it_holds_them():
    with locked_keyring.secret_service_on_own_bus() as (env, daemon):
        run_folder.mkdtemp("nobody.")
        part = Path(os.environ["SEEN"] + ".part")
        part.write_text(env["DBUS_SESSION_BUS_ADDRESS"] + "\\n" + str(daemon.pid))
        part.rename(os.environ["SEEN"])  # whole when seen
        time.sleep(600)


def test_that_ends_as_usual():
    with locked_keyring.secret_service_on_own_bus():
        run_folder.mkdtemp("nobody.")
'''


def everything_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_the_next_run_removes_what_a_killed_run_left(tmp_path: Path, short_tmp_path: Path,
                                                     missing_real_part: Callable[[str], None]) -> None:
    if not available():
        missing_real_part("dbus-daemon and gnome-keyring-daemon are needed for a keyring of the test's own")
    tmp, inner, seen = short_tmp_path, tmp_path / "inner", tmp_path / "seen"  # the bus's socket is under tmp
    inner.mkdir()
    (inner / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (inner / "test_inner.py").write_text(INNER, encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(tmp), "SEEN": str(seen), "PYTHONPATH": str(TESTS)}
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error", "--rootdir", str(inner)]

    killed = subprocess.Popen([*argv, "test_inner.py::test_killed_while_it_holds_them"], cwd=inner, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not seen.exists() and killed.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if not seen.exists():
            os.killpg(killed.pid, signal.SIGKILL)
            out = killed.communicate()[0].decode(errors="replace")
            pytest.fail(f"the run to kill never held its keyring (120 s at most; exit {killed.returncode}): {out}")
        address, daemon_pid = seen.read_text().split("\n")
    finally:
        with_group_killed(killed)
    left = everything_in(tmp)
    assert any(p.startswith("personamgr-tests.") and "/own-keyring." in p for p in left), left
    assert any(p.startswith("personamgr-tests.") and "/nobody." in p for p in left), left
    assert f"path={tmp}/" in address, f"the keyring's bus listens outside the run's folder: {address}"

    done = subprocess.run([*argv, "test_inner.py::test_that_ends_as_usual"], cwd=inner, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert everything_in(tmp) == [], f"left after a killed run and the next one (killed: {left})"
    assert not alive(int(daemon_pid)), "the killed run's keyring still runs"


def with_group_killed(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL ``proc``'s process group (pytest, its bus and keyring), as a killed run's whole session is."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:  # a zombie waits for its reaper only
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_a_run_that_is_alive_keeps_its_folder() -> None:
    """The sweep takes only folders whose lock is free: this run's own, held, stays."""
    own = run_folder.run_folder()
    assert own not in run_folder.remove_abandoned()
    assert own.is_dir()
