"""One scheduler per user and profile: a lock, and a socket to reach whoever holds it.

The **lock** is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on
Windows) on a file in a 0700 folder. The kernel releases it when the process
dies, even by ``kill -9``, so a crash never leaves a stale lock, and two
processes started at the same instant cannot both get it. The window and
``personamgr daemon`` take the same lock, so two schedulers never run on one
profile.

The **socket** (a ``QLocalServer``, see :mod:`personamgr.instance_server`)
sits next to the lock. A second launch connects to it and forwards its
request ("activate", "compose"); the CLI uses it to ask a running scheduler
to look at the outbox again after a change. This module is Qt-free so the CLI
can use the client side; on POSIX the QLocalServer is a plain AF_UNIX socket.

Requests and replies are one line of JSON each:
``{"action": "activate"|"compose"|"reconcile"|"ping", ...}`` →
``{"ok": bool, "role": "app"|"daemon", "pid": int, "message": str}``.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import stat
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from personamgr.core.paths import AppPaths

# AF_UNIX paths are limited to 108 bytes on Linux (104 on macOS); stay well below.
MAX_SOCKET_PATH = 100


class InstanceError(RuntimeError):
    """The lock folder is unsafe or unusable. The message names it."""


def _safe_dir(path: Path) -> Path:
    """Create ``path`` as 0700, or check an existing one is ours and private (fixing the mode if it is ours)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "nt":
        return path
    st = path.lstat()
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise InstanceError(f"{path} is not a real folder; refusing to put the instance lock there")
    if st.st_uid != os.getuid():
        raise InstanceError(f"{path} belongs to another user; refusing to put the instance lock there")
    if stat.S_IMODE(st.st_mode) != 0o700:
        path.chmod(0o700)
    return path


def instance_dir(paths: AppPaths) -> Path:
    """The private folder holding the lock and the socket: the profile's runtime folder, or a short fallback."""
    preferred = paths.runtime
    if len(str(preferred / f"instance-{paths.profile_id}.sock")) <= MAX_SOCKET_PATH:
        return _safe_dir(preferred)
    uid = os.getuid() if hasattr(os, "getuid") else getpass.getuser()
    return _safe_dir(Path(tempfile.gettempdir()) / f"personamgr-{uid}")


def server_name(paths: AppPaths) -> str:
    """What QLocalServer listens on: a socket path on POSIX, a per-user pipe name on Windows."""
    if os.name == "nt":
        return f"personamgr-{getpass.getuser()}-{paths.profile_id}"
    return str(instance_dir(paths) / f"instance-{paths.profile_id}.sock")


@dataclass(frozen=True, slots=True)
class Holder:
    pid: int
    role: str


class InstanceLock:
    """The per-profile scheduler lock. ``acquire()`` never blocks."""

    def __init__(self, paths: AppPaths, role: str) -> None:
        self.paths = paths
        self.role = role
        self.path = instance_dir(paths) / f"instance-{paths.profile_id}.lock"
        self._file: IO[str] | None = None

    def acquire(self) -> bool:
        """True if this process now holds the lock (or already did)."""
        if self._file is not None:
            return True
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held open for the lock's life)
        try:
            _lock(f)
        except OSError:
            f.close()
            return False
        f.seek(0)
        f.truncate()
        f.write(json.dumps({"pid": os.getpid(), "role": self.role}))
        f.flush()
        self._file = f
        return True

    @property
    def held(self) -> bool:
        return self._file is not None

    def holder(self) -> Holder | None:
        """Who holds the lock, as it wrote itself down (None if unknown or free)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "null")
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        return Holder(int(data.get("pid", 0)), str(data.get("role", "?")))

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):
            self._file.seek(0)
            self._file.truncate()
            self._file.flush()
        with contextlib.suppress(OSError):
            _unlock(self._file)
        self._file.close()
        self._file = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def send_request(paths: AppPaths, request: dict[str, Any], timeout: float = 3.0) -> dict[str, Any] | None:
    """Send one request to the running instance without Qt. None if nothing answers (or on Windows)."""
    if os.name == "nt":  # pragma: no cover - the named pipe needs QLocalSocket
        return None
    deadline = time.monotonic() + timeout
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(server_name(paths))
            sock.sendall(json.dumps(request).encode() + b"\n")
            buf = b""
            while b"\n" not in buf and time.monotonic() < deadline:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                buf += chunk
    except (OSError, InstanceError):
        return None
    try:
        reply = json.loads(buf.split(b"\n", 1)[0] or b"null")
    except ValueError:
        return None
    return reply if isinstance(reply, dict) else None
