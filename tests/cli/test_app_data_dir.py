"""The window, started for real as ``personamgr --data-dir DIR``, writes nothing outside DIR either."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")


def entries(folder: Path) -> set[str]:
    """Every path under ``folder``: files, folders, sockets, locks."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize("via", ["option", "env"])
def test_the_app_keeps_every_file_inside_the_data_dir(tmp_path: Path, short_tmp_path: Path, via: str) -> None:
    """The data dir is at a short path (short_tmp_path): under a long one the app keeps its instance socket in
    $TMPDIR/personamgr-UID, by design, and this test would find it there."""
    home, tmp, data_dir = tmp_path / "home", tmp_path / "tmp", short_tmp_path
    env = {k: v for k, v in os.environ.items() if k not in (*XDG, "PERSONAMGR_HOME", "DISPLAY", "WAYLAND_DISPLAY")}
    for var in XDG:
        (home / var.lower()).mkdir(parents=True, mode=0o700)
        env[var] = str(home / var.lower())
    tmp.mkdir()
    env.update(HOME=str(home), TMPDIR=str(tmp), QT_QPA_PLATFORM="offscreen", PERSONAMGR_EXIT_WHEN_READY="1",
               PYTHONDONTWRITEBYTECODE="1")
    argv = [sys.executable, "-m", "personamgr", "--demo"]
    if via == "option":
        argv[3:3] = ["--data-dir", str(data_dir)]
    else:
        env["PERSONAMGR_HOME"] = str(data_dir)
    before = entries(home)
    proc = subprocess.run(argv, env=env, cwd=home, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "PERSONAMGR_READY" in proc.stdout and "ready=1" in proc.stdout
    assert entries(home) == before, "the app wrote under HOME / XDG dirs"
    assert entries(tmp) == set(), "the app wrote to the temp dir"
    written = entries(data_dir)
    assert {"demo/data/personamgr.db", "demo/logs/personamgr.log"} <= written


def test_a_short_folder_is_made_where_pytest_clears_it(short_tmp_path: Path,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    """A run killed mid-test left its short folders behind as /tmp/pm-* (tempfile.mkdtemp; the test's teardown
    never ran): they are made in pytest's base folder, which pytest clears on a later run, as it does tmp_path."""
    assert short_tmp_path.parent == tmp_path_factory.getbasetemp()
    assert short_tmp_path.is_dir() and not any(short_tmp_path.iterdir())
