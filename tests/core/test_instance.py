"""The single-instance lock and its socket, without Qt: one holder, requests answered on the socket's thread,
protocol versions checked, a crashed holder's socket file cleaned up by the next holder."""

from __future__ import annotations

import json
import socket
import stat
import threading
from pathlib import Path

import pytest

from personamgr.core.instance import (
    PROTOCOL_VERSION,
    InstanceLock,
    ProtocolMismatch,
    claim,
    forward,
    send_request,
    socket_path,
)
from personamgr.core.paths import AppPaths


def test_one_holder_answers_requests_on_its_own_thread(profile_paths: AppPaths) -> None:
    seen: list[tuple[str, str]] = []

    def handle(request: dict[str, object]) -> dict[str, object]:
        seen.append((str(request["action"]), threading.current_thread().name))
        return {"ok": True, "message": "done"}

    primary = claim(profile_paths, "app", handle)
    assert primary is not None
    try:
        assert claim(profile_paths, "daemon") is None  # the second would-be scheduler is refused
        assert InstanceLock(profile_paths, "x").holder().role == "app"  # type: ignore[union-attr]
        reply = send_request(profile_paths, {"action": "compose"})
        assert reply is not None and reply["ok"] and reply["role"] == "app" and reply["v"] == PROTOCOL_VERSION
        assert seen == [("compose", "personamgr-instance")]
        assert stat.S_IMODE(socket_path(profile_paths).stat().st_mode) == 0o600
    finally:
        primary.close()
    assert send_request(profile_paths, {"action": "ping"}, timeout=0.5) is None  # closed: nobody answers
    assert not socket_path(profile_paths).exists()


def raw(path: Path, payload: bytes) -> dict[str, object]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(5)
        s.connect(str(path))
        s.sendall(payload)
        return json.loads(s.makefile("rb").readline())  # type: ignore[no-any-return]


def test_another_protocol_version_gets_a_clear_answer(profile_paths: AppPaths) -> None:
    primary = claim(profile_paths, "daemon", lambda r: {"ok": True})
    assert primary is not None
    try:
        reply = raw(socket_path(profile_paths), json.dumps({"v": 99, "action": "ping"}).encode() + b"\n")
        assert reply["ok"] is False and reply["error"] == "protocol"
        assert "different versions of personamgr" in str(reply["message"])
        assert raw(socket_path(profile_paths), b"not json\n")["message"] == "bad request"
    finally:
        primary.close()


def test_a_reply_in_another_version_is_reported_not_misread(profile_paths: AppPaths) -> None:
    path = socket_path(profile_paths)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def old_personamgr() -> None:
        conn, _ = server.accept()
        with conn:
            conn.makefile("rb").readline()
            conn.sendall(json.dumps({"v": 0, "ok": True, "message": "hello from an older personamgr"}).encode()
                         + b"\n")

    t = threading.Thread(target=old_personamgr)
    t.start()
    try:
        with pytest.raises(ProtocolMismatch, match="older personamgr"):
            send_request(profile_paths, {"action": "ping"})
    finally:
        t.join()
        server.close()


def test_the_next_holder_removes_a_crashed_holders_socket_file(profile_paths: AppPaths) -> None:
    path = socket_path(profile_paths)
    path.write_text("left by a process killed with -9", encoding="utf-8")
    primary = claim(profile_paths, "app", lambda r: {"ok": True, "message": "fresh"})
    assert primary is not None
    try:
        assert forward(profile_paths, {"action": "ping"}, timeout_s=5)["message"] == "fresh"  # type: ignore[index]
    finally:
        primary.close()
