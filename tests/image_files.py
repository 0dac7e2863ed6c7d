"""Real image files for tests: a PNG Qt, X and the sandbox all accept, written without any imaging library."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png(path: Path, size: int = 8, grey: int = 0x80) -> Path:
    """Write a real (tiny, grey) PNG file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes([grey]) * size for _ in range(size))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path
