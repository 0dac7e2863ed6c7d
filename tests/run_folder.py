"""One folder in the temp directory per test run, for what a test must make outside pytest's base folder.

A keyring's home and a folder the user nobody can reach (pytest's base folder is root's own, 0700) were made
straight in /tmp with tempfile.mkdtemp and removed by the test's own teardown: a run killed mid-test left them
(/tmp/personamgr-own-keyring.*, /tmp/pm-nobody-*) and nothing ever removed them. They are now made in this run's
folder, /tmp/personamgr-tests.*, which the run holds an flock on for its whole life and removes as it ends. The
first run to make its own folder removes every other one nobody holds: their run is gone, killed or not. An flock,
not a pid: the suite runs in a PID namespace of its own (scripts/test), where another run's pid means nothing, and
the kernel lets go of a killed process's lock by itself.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

PREFIX = "personamgr-tests."

_held: tuple[Path, int, int] | None = None  # this run's folder, the descriptor holding its lock, the owner's pid


def run_folder() -> Path:
    """This run's folder, made (and the folders of runs that are gone removed) at its first use. Others can enter
    it (0755), so that a test can hand a folder in it to the user nobody."""
    global _held
    if _held is None:
        remove_abandoned()
        path, fd = _make_and_hold()
        _held = (path, fd, os.getpid())
        atexit.register(_remove_own)
    return _held[0]


def mkdtemp(prefix: str) -> Path:
    """A new folder in this run's folder (which goes with the run, even a killed one)."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=run_folder()))


def remove_abandoned() -> list[Path]:
    """Remove the run folders in the temp directory whose run is gone (their lock is free); return them."""
    removed = []
    for path in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        except OSError:  # gone meanwhile, or not a folder
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # its run is alive
            os.close(fd)
            continue
        try:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
        finally:
            os.close(fd)
    return removed


def _make_and_hold() -> tuple[Path, int]:
    while True:
        path = Path(tempfile.mkdtemp(prefix=PREFIX))
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # Another run's sweep may have taken it for abandoned between mkdtemp and the lock, and removed it.
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                path.chmod(0o755)
                return path, fd
        except (BlockingIOError, FileNotFoundError):
            pass
        os.close(fd)


def _remove_own() -> None:
    global _held
    if _held is not None and _held[2] == os.getpid():  # not in a forked child, which shares the lock
        path, fd, _pid = _held
        shutil.rmtree(path, ignore_errors=True)
        os.close(fd)
        _held = None
