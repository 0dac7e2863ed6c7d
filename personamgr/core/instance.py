"""One scheduler per user and profile: a lock, and a socket to reach whoever holds it. No Qt.

The **lock** is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on
Windows) on a file in a 0700 folder. The kernel releases it when the process
dies, even by ``kill -9``, so a crash never leaves a stale lock, and two
processes started at the same instant cannot both get it. The window and
``personamgr daemon`` take the same lock, so two schedulers never run on one
profile.

The **socket** sits next to the lock: an ``AF_UNIX`` socket in the same private
folder on POSIX; on Windows, where Python has no ``AF_UNIX``, a loopback TCP
port written to a file in that folder together with a random token every
request must carry. A second launch of the window forwards its request
("activate", "compose") through it; the CLI asks a running scheduler to look at
the outbox again after a change ("reconcile"). Only the lock holder listens,
so only it removes a socket file left by a crashed process.

Requests and replies are one line of JSON each, and carry the protocol
version: ``{"v": 1, "action": "activate"|"compose"|"reconcile"|"ping", ...}`` →
``{"v": 1, "ok": bool, "role": "app"|"daemon", "pid": int, "message": str}``.
A peer speaking another version gets (and reports) a clear message instead of
a misunderstanding.

The server answers on its own thread: its handler must be quick and
thread-safe (the window's hands the request to its GUI thread and answers at
once).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import secrets
import socket
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from personamgr.core.i18n import translate
from personamgr.core.paths import AppPaths

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
# AF_UNIX paths are limited to 108 bytes on Linux (104 on macOS); stay well below.
MAX_SOCKET_PATH = 100
MAX_REQUEST = 64 * 1024
ACCEPT_POLL_S = 0.25
# A window that is still starting (its first frame holds the interpreter for seconds on a busy machine) answers
# late; a second launch waits this long before it says the first did not answer.
FORWARD_TIMEOUT_S = 30.0
Handler = Callable[[dict[str, Any]], dict[str, Any]]
UNIX = hasattr(socket, "AF_UNIX") and os.name != "nt"


class InstanceError(RuntimeError):
    """The lock folder is unsafe or unusable. The message names it."""


class ProtocolMismatch(InstanceError):
    """The running instance speaks another protocol version (another personamgr version)."""


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


def socket_path(paths: AppPaths) -> Path:
    """The AF_UNIX socket (POSIX), or the file naming the loopback port and token (Windows)."""
    return instance_dir(paths) / f"instance-{paths.profile_id}.{'sock' if UNIX else 'port'}"


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
        try:
            f.seek(0)
            f.truncate()
            f.write(json.dumps({"pid": os.getpid(), "role": self.role}))
            f.flush()
        except OSError:
            with contextlib.suppress(OSError):
                f.truncate(0)  # no half-written holder for the next reader; closing lets go of the lock
            f.close()
            raise
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


# -- the wire ------------------------------------------------------------------------------
def _read_line(sock: socket.socket, deadline: float) -> bytes | None:
    buf = b""
    while b"\n" not in buf:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or len(buf) > MAX_REQUEST:
            return None
        sock.settimeout(remaining)
        chunk = sock.recv(4096)
        if not chunk:
            return None
        buf += chunk
    return buf.split(b"\n", 1)[0]


def _decode(line: bytes | None) -> dict[str, Any] | None:
    if line is None:
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class InstanceServer:
    """Answers requests from later launches and from the CLI, one at a time, on its own thread."""

    def __init__(self, paths: AppPaths, role: str, handler: Handler | None = None) -> None:
        self.role = role
        self.path = socket_path(paths)
        self.handler = handler
        self._sock: socket.socket | None = None
        self._token = ""
        self._thread: threading.Thread | None = None
        self._closing = threading.Event()

    def listen(self) -> bool:
        """Start listening (the caller holds the lock, so a leftover socket file is stale and removed first)."""
        try:
            self.path.unlink(missing_ok=True)
            if UNIX:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                sock.bind(str(self.path))  # in the 0700 folder: nobody else can reach it
                self.path.chmod(0o600)
            else:  # pragma: no cover - Windows
                sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sock.bind(("127.0.0.1", 0))
                self._token = secrets.token_hex(16)
                self.path.write_text(json.dumps({"port": sock.getsockname()[1], "token": self._token}),
                                     encoding="utf-8")
            sock.listen(8)
            sock.settimeout(ACCEPT_POLL_S)  # so close() is seen promptly, whatever the platform
        except OSError as e:
            log.error("cannot listen on %s: %s", self.path, e)
            return False
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, name="personamgr-instance", daemon=True)
        self._thread.start()
        return True

    def close(self) -> None:
        self._closing.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        if self._sock is not None:
            self._sock.close()
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._sock = None

    def _serve(self) -> None:
        assert self._sock is not None
        while not self._closing.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            with conn:
                try:
                    self._answer(conn)
                except OSError as e:
                    log.debug("an instance request failed: %s", e)

    def _answer(self, conn: socket.socket) -> None:
        request = _decode(_read_line(conn, time.monotonic() + 5.0))
        reply = self.reply_to(request)
        conn.settimeout(5.0)
        conn.sendall(json.dumps(reply).encode() + b"\n")

    def reply_to(self, request: dict[str, Any] | None) -> dict[str, Any]:
        if request is None:
            reply: dict[str, Any] = {"ok": False, "message": "bad request"}
        elif self._token and request.get("token") != self._token:
            reply = {"ok": False, "message": "bad token"}
        elif request.get("v") != PROTOCOL_VERSION:
            reply = {"ok": False, "error": "protocol",
                     "message": f"the running personamgr speaks instance protocol {PROTOCOL_VERSION}, this request "
                     f"protocol {request.get('v')}: the two are different versions of personamgr"}
        else:
            try:
                reply = self.handler(request) if self.handler else {"ok": True}
            except Exception as e:
                log.exception("handling %s failed", request.get("action"))
                reply = {"ok": False, "message": f"the request failed ({type(e).__name__})"}
        return {"v": PROTOCOL_VERSION, **reply, "role": reply.get("role", self.role), "pid": os.getpid()}


def send_request(paths: AppPaths, request: dict[str, Any], timeout: float = 3.0) -> dict[str, Any] | None:
    """Send one request to the running instance. None if nothing answers.

    Raises :class:`ProtocolMismatch` when the instance answers in another protocol version.
    """
    deadline = time.monotonic() + timeout
    try:
        path = socket_path(paths)
        message = {"v": PROTOCOL_VERSION, **request}
        if UNIX:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            address: Any = str(path)
        else:  # pragma: no cover - Windows
            info = json.loads(path.read_text(encoding="utf-8"))
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            address = ("127.0.0.1", int(info["port"]))
            message["token"] = str(info["token"])
        with sock:
            sock.settimeout(timeout)
            sock.connect(address)
            sock.sendall(json.dumps(message).encode() + b"\n")
            reply = _decode(_read_line(sock, deadline))
    except (OSError, ValueError, KeyError, InstanceError):
        return None
    if reply is not None and reply.get("v") != PROTOCOL_VERSION:
        raise ProtocolMismatch(str(reply.get("message") or "the running personamgr is another version (instance "
                                   f"protocol {reply.get('v')}, this one speaks {PROTOCOL_VERSION}); quit it and "
                                   "start this one again"))
    return reply


def forward(paths: AppPaths, request: dict[str, Any], timeout_s: float = FORWARD_TIMEOUT_S) -> dict[str, Any] | None:
    """Send ``request`` to the running instance and return its reply, retrying until ``timeout_s``:
    the other instance may hold the lock but not be listening yet."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        reply = send_request(paths, request, timeout=min(2.0, max(0.1, deadline - time.monotonic())))
        if reply is not None:
            return reply
        time.sleep(0.1)
    return None


BROUGHT_FORWARD = "personamgr is already running for this profile; its window was brought to the front."


def window_request(compose: bool) -> dict[str, Any]:
    """What a second launch of the window asks the running one."""
    return {"action": "compose" if compose else "activate"}


def ask_running_window(paths: AppPaths, request: dict[str, Any], timeout: float = 2.0) -> dict[str, Any] | None:
    """The running window's yes to ``request``, asked before a second launch opens the database or imports Qt,
    which on a long history took seconds. None when no window said yes (none runs, the daemon holds the profile,
    a window is still starting, another version answers): the full start-up then takes the lock or explains."""
    try:
        reply = send_request(paths, request, timeout=timeout)
    except ProtocolMismatch:
        return None
    return reply if reply and reply.get("ok") else None


@dataclass
class Primary:
    """This process holds the profile's lock and listens for requests."""

    lock: InstanceLock
    server: InstanceServer

    def close(self) -> None:
        self.server.close()
        self.lock.release()


def lock_message(error: OSError, folder: Path) -> str:
    """Why the lock could not be written, naming its folder (the runtime disk, not the database's): the raw
    OSError carries no file name, so it was taken for the database's."""
    from personamgr.core.faults import Fault, place_fault  # SQLAlchemy with it: not on a second launch's path

    kind, why = place_fault(error, folder / "instance.lock")
    advice = {
        Fault.FULL: translate("Instance", "Free some space on it, then start personamgr again."),
        Fault.READ_ONLY: translate("Instance", "Make it writable, then start personamgr again."),
    }.get(kind, translate("Instance", "Fix that, then start personamgr again."))
    return translate("Instance", "personamgr could not write its lock file in {folder}, which keeps two personamgr "
                     "from sending the same posts: {why}. {advice} Nothing was sent or changed.").format(
        folder=folder, why=why, advice=advice)


def claim(paths: AppPaths, role: str, handler: Handler | None = None) -> Primary | None:
    """Become the profile's one instance, or return None if another process already is. Raises
    :class:`InstanceError` when the lock cannot be written."""
    lock: InstanceLock | None = None
    try:
        lock = InstanceLock(paths, role)
        if not lock.acquire():
            return None
    except OSError as e:  # the lock's folder could not be made (its name is the error's), or the lock written
        folder = lock.path.parent if lock else Path(e.filename) if isinstance(e.filename, str) else paths.runtime
        raise InstanceError(lock_message(e, folder)) from None
    server = InstanceServer(paths, role, handler)
    if not server.listen():  # still the only scheduler: the lock is what counts; later launches cannot reach us
        log.warning("running without the activation socket; a second launch will report this instance as busy")
    return Primary(lock, server)
