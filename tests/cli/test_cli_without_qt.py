"""The CLI and the daemon run with PySide6 unimportable, as on a server with only the command line installed.

A ``sitecustomize`` on PYTHONPATH (tests/no_qt) blocks every Qt binding and notes any attempt to import one.
Every subcommand runs in one such interpreter (through ``main()``, one after the other, on a real profile);
the daemon runs as its own process, is reached through its socket by the CLI, sends a post and stops on SIGTERM.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from image_files import png

NO_QT = Path(__file__).resolve().parents[1] / "no_qt"
PERSONAS = """
[[persona]]
name = "career"
handle = "@career_me"
description = "Careers, job search and the economy"
topics = ["careers", "hiring"]
queue = ["mon 09:00", "wed 09:00"]

[[persona]]
name = "metal"
handle = "@metal_me"
topics = ["heavy metal", "guitars"]
"""

# Each command, in order, with the exit code it must end with. {dir} is the test's folder.
COMMANDS: list[tuple[list[str], int]] = [
    (["--version"], 0),
    (["personas", "import", "{dir}/personas.toml"], 0),
    (["personas", "list"], 0),
    (["personas", "export", "-"], 0),
    (["post", "--persona", "career", "--anyway", "Five questions to ask at the end of every interview."], 0),
    (["post", "--persona", "career", "--anyway", "--thread", "{dir}/thread.txt", "--image", "{dir}/chart.png",
      "--alt", "Hiring by month"], 0),
    (["post", "--persona", "nobody", "hello"], 1),
    (["queue", "add", "--persona", "career", "--at", "2031-06-03T09:00", "--anyway", "Salary talk next week."], 0),
    (["queue", "add", "--persona", "career", "--anyway", "Into the next free slot."], 0),
    (["queue", "list"], 0),
    (["queue", "list", "--json"], 0),
    (["queue", "pause", "--all"], 0),
    (["queue", "resume", "--all"], 0),
    (["queue", "remove", "4"], 0),
    (["posts", "list"], 0),
    (["posts", "list", "--state", "attention", "--json"], 0),
    (["posts", "show", "2"], 0),
    (["posts", "mark-sent", "2"], 1),  # sent already: refused, with a message
    (["posts", "retry", "4", "--anyway"], 0),  # the unscheduled draft goes out now
    (["queue", "add", "--persona", "career", "--at", "2031-06-04T09:00", "--anyway", "Soon deleted."], 0),
    (["posts", "delete", "5"], 0),
    (["guard", "--personas", "{dir}/personas.toml", "--jsonl"], 0),
    (["connect", "--persona", "career", "--tokens-stdin"], 1),  # no keyring in this environment: refused
]

RUNNER = textwrap.dedent("""
    import io, json, sys
    from personamgr.cli.main import main

    results = []
    for argv, stdin in json.loads(sys.argv[1]):
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
        try:
            code = main(argv)
        except SystemExit as e:
            code = e.code
        results.append(code)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    print("RESULT " + json.dumps({"codes": results, "qt": qt}))
""")


def no_qt_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PERSONAMGR_HOME",
                                                             "DBUS_SESSION_BUS_ADDRESS")}
    env["PYTHONPATH"] = os.pathsep.join([str(NO_QT), *filter(None, [os.environ.get("PYTHONPATH")])])
    env["PERSONAMGR_QT_ATTEMPTS"] = str(tmp_path / "qt-attempts.txt")
    env["PERSONAMGR_HOME"] = str(tmp_path / "profile")
    return env


def test_the_blocker_really_blocks_qt(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", "import PySide6.QtCore"], env=no_qt_env(tmp_path),
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1 and "Qt is blocked for this test" in proc.stderr
    assert (tmp_path / "qt-attempts.txt").read_text(encoding="utf-8").split() == ["PySide6"]


def test_every_cli_command_runs_without_qt(tmp_path: Path) -> None:
    (tmp_path / "personas.toml").write_text(PERSONAS, encoding="utf-8")
    (tmp_path / "thread.txt").write_text("1/2 How to read a job ad.\n---\n2/2 Count the verbs.\n", encoding="utf-8")
    png(tmp_path / "chart.png")
    guard_line = json.dumps({"id": 1, "text": "Hiring is up in healthcare.", "persona": "career"}) + "\n"
    runs = [([a.format(dir=tmp_path) for a in argv], guard_line if argv[0] == "guard" else "{}")
            for argv, _ in COMMANDS]
    proc = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(runs)], env=no_qt_env(tmp_path),
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(next(ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT "))[7:])
    expected = [code for _, code in COMMANDS]
    assert result["codes"] == expected, list(zip([c[0][:2] for c in COMMANDS], result["codes"], strict=True))
    assert result["qt"] == []
    assert not (tmp_path / "qt-attempts.txt").exists(), (tmp_path / "qt-attempts.txt").read_text(encoding="utf-8")
    assert "Traceback" not in proc.stderr
    assert '"fits": true' in proc.stdout  # the guard answered its line


@pytest.mark.slow
def test_the_daemon_runs_without_qt_and_the_cli_reaches_it(tmp_path: Path) -> None:
    env = no_qt_env(tmp_path)
    (tmp_path / "personas.toml").write_text(PERSONAS, encoding="utf-8")
    cli = [sys.executable, "-m", "personamgr"]
    assert subprocess.run([*cli, "personas", "import", str(tmp_path / "personas.toml")], env=env,
                          capture_output=True, timeout=120, check=False).returncode == 0
    daemon = subprocess.Popen([*cli, "daemon", "--no-guard", "--tick", "1"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        log = tmp_path / "profile" / "logs" / "personamgr.log"
        deadline = time.monotonic() + 60
        while "daemon started" not in (log.read_text(encoding="utf-8") if log.exists() else ""):
            assert daemon.poll() is None, daemon.communicate()[1]
            assert time.monotonic() < deadline, "the daemon did not start"
            time.sleep(0.1)
        when = (datetime.now(UTC) + timedelta(seconds=2)).isoformat(timespec="seconds")
        add = subprocess.run([*cli, "queue", "add", "--persona", "career", "--anyway", "--at", when,
                              "Sent by a daemon without Qt."], env=env, capture_output=True, text=True, timeout=120,
                             check=False)
        assert add.returncode == 0, add.stderr
        assert "nothing will send it" not in add.stdout  # the CLI reached the running daemon through its socket
        deadline = time.monotonic() + 60
        while "[sent] post 1" not in log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the daemon did not send the post"
            time.sleep(0.1)
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=60)
    assert daemon.returncode == 0, err
    assert "daemon stopped cleanly" in log.read_text(encoding="utf-8")
    assert not (tmp_path / "qt-attempts.txt").exists(), (tmp_path / "qt-attempts.txt").read_text(encoding="utf-8")
