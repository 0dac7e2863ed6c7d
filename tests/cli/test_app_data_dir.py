"""The window, started for real as ``personamgr --data-dir DIR``, writes nothing outside DIR either."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")


def entries(folder: Path) -> set[str]:
    """Every path under ``folder``: files, folders, sockets, locks."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A data dir with a short path. The instance socket must fit AF_UNIX's ~100 bytes; under a long
    data dir (pytest's tmp paths are long) the app falls back to $TMPDIR/personamgr-UID for it, by design."""
    d = Path(tempfile.mkdtemp(prefix="pm-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.mark.parametrize("via", ["option", "env"])
def test_the_app_keeps_every_file_inside_the_data_dir(tmp_path: Path, short_dir: Path, via: str) -> None:
    home, tmp, data_dir = tmp_path / "home", tmp_path / "tmp", short_dir
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
