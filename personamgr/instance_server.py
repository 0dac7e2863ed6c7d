"""The Qt side of the single-instance lock: a QLocalServer the first instance listens on.

Whoever holds :class:`~personamgr.singleinstance.InstanceLock` listens; a
second launch forwards its request and exits. Only the lock holder removes a
socket file left by a crashed process, so the removal can never hit a live
server. Used by the window and by ``personamgr daemon`` (QtNetwork needs no
display).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from personamgr.core.paths import AppPaths
from personamgr.singleinstance import InstanceLock, server_name

log = logging.getLogger(__name__)
Handler = Callable[[dict[str, Any]], dict[str, Any]]
FORWARD_TIMEOUT_S = 10.0
MAX_REQUEST = 64 * 1024


class InstanceServer(QObject):
    """Answers requests from later launches and from the CLI, in the thread that owns it."""

    requestReceived = Signal(dict)  # noqa: N815 (Qt naming)

    def __init__(self, paths: AppPaths, role: str, handler: Handler | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.name = server_name(paths)
        self.handler = handler
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Listen (the caller holds the lock, so a leftover socket file is stale and removed first)."""
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            log.error("cannot listen on %s: %s", self.name, self.server.errorString())
            return False
        return True

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))

    def _drop(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        buf = self._buffers.get(sock, b"") + bytes(sock.readAll().data())
        if b"\n" not in buf:
            if len(buf) > MAX_REQUEST:
                sock.abort()
            else:
                self._buffers[sock] = buf
            return
        line = buf.split(b"\n", 1)[0]
        self._buffers[sock] = b""
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not an object")
        except ValueError:
            reply: dict[str, Any] = {"ok": False, "message": "bad request"}
        else:
            self.requestReceived.emit(request)
            reply = self.handler(request) if self.handler else {"ok": True}
        reply.setdefault("role", self.role)
        reply.setdefault("pid", os.getpid())
        sock.write(json.dumps(reply).encode() + b"\n")
        sock.flush()
        sock.disconnectFromServer()


def forward(paths: AppPaths, request: dict[str, Any], timeout_s: float = FORWARD_TIMEOUT_S) -> dict[str, Any] | None:
    """Send ``request`` to the running instance over QLocalSocket and return its reply.

    Retries until ``timeout_s``: the other instance may have the lock but not be listening yet.
    """
    name = server_name(paths)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        sock = QLocalSocket()
        sock.connectToServer(name)
        if sock.waitForConnected(500):
            sock.write(json.dumps(request).encode() + b"\n")
            sock.flush()
            buf = b""
            while b"\n" not in buf and time.monotonic() < deadline:
                if not sock.waitForReadyRead(500) and sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
                    break
                buf += bytes(sock.readAll().data())
            sock.abort()
            if b"\n" in buf:
                try:
                    reply = json.loads(buf.split(b"\n", 1)[0])
                except ValueError:
                    return None
                return reply if isinstance(reply, dict) else None
        else:
            sock.abort()
        time.sleep(0.1)
    return None


@dataclass
class Primary:
    """This process holds the profile's lock and listens for requests."""

    lock: InstanceLock
    server: InstanceServer

    def close(self) -> None:
        self.server.close()
        self.lock.release()


def claim(paths: AppPaths, role: str, handler: Handler | None = None,
          parent: QObject | None = None) -> Primary | None:
    """Become the profile's one instance, or return None if another process already is."""
    lock = InstanceLock(paths, role)
    if not lock.acquire():
        return None
    server = InstanceServer(paths, role, handler, parent)
    if not server.listen():  # still the only scheduler: the lock is what counts; later launches cannot reach us
        log.warning("running without the activation socket; a second launch will report this instance as busy")
    return Primary(lock, server)
