"""Small helpers shared by the X tests."""

from __future__ import annotations

import struct
import uuid
import zlib
from pathlib import Path

from keyring.backend import KeyringBackend

from personamgr.core.secrets import KeyringStatus, classify


def png(path: Path, size: int = 8) -> Path:
    """Write a real (tiny, grey) PNG file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * size for _ in range(size))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def secret_service_backend() -> KeyringBackend | None:
    """keyring's real SecretService backend if a Secret Service answers and stores, else None."""
    try:
        from keyring.backends import SecretService

        backend = SecretService.Keyring()
        if backend.priority <= 0 or classify(backend).status is not KeyringStatus.SECURE:  # type: ignore[operator]
            return None
        probe = f"personamgr-probe-{uuid.uuid4().hex}"
        backend.set_password(probe, "probe", "x")
        backend.delete_password(probe, "probe")
        return backend
    except Exception:
        return None
