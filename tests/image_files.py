"""Real image files for tests: a PNG Qt, X and the sandbox all accept, written without any imaging library."""

from __future__ import annotations

import base64
import os
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


# A 16x16 JPEG (grey, a red diagonal) as Qt writes one: a real file every decoder reads.
_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBk"
    "eFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABAD"
    "ASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKB"
    "kaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZ"
    "mqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQF"
    "BgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5"
    "OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX"
    "2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwBn+r/3P/Qf/rU+imf6v/c/9B/+tS2L+L1P/9k=")


def jpeg(path: Path) -> Path:
    """Write a real (tiny) JPEG file."""
    path.write_bytes(_JPEG)
    return path


# A 16x16 WebP of the same picture, lossy (VP8) and lossless (VP8L), as libwebp writes them.
_WEBP = {
    "lossy": base64.b64decode(
        "UklGRlYAAABXRUJQVlA4IEoAAACwAgCdASoQABAAAUAmJYwCdDKgP0AI4B+gG2AAzgAA/hhGeDmKpiiFShrnOFILRRg1"
        "lgaKqpFPyuLVTT3bMYD0EFOSGTQegcAAAA=="),
    "lossless": base64.b64decode(
        "UklGRjoAAABXRUJQVlA4TC0AAAAvD8ADAA9wD7GTct9DbP5DC2raRpKgL7SFshCu/O9cHoWI/tfhubauKSn4IQEA"),
}


def webp(path: Path, kind: str = "lossy") -> Path:
    """Write a real (tiny) WebP file, ``kind`` "lossy" or "lossless"."""
    path.write_bytes(_WEBP[kind])
    return path


# The same picture as a GIF (four colours), as Pillow writes one.
_GIF = base64.b64decode("R0lGODdhEAAQAIEAAICAgP8AAAAAAAAAACwAAAAAEAAQAEAIMAADABhIsKDBgwMFIiSocKHDgg0TPnQYcSJEiwgVVrS4cW"
                        "LHhx8pYrw4UmJJAAECAgA7")
_GIF_LZW = slice(37, 85)  # the one data sub-block's body: the picture's LZW codes


def gif(path: Path) -> Path:
    """Write a real (tiny) GIF file."""
    path.write_bytes(_GIF)
    return path


def animated_gif(path: Path, frames: int = 2, size: int = 0) -> Path:
    """Write a real animated GIF (GIF89a): the picture above shown ``frames`` times, a tenth of a second each, made
    ``size`` bytes long (when larger) by a comment before its trailer."""
    head, picture = b"GIF89a" + _GIF[6:25], _GIF[25:-1]
    delay = b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # a graphic control extension: 10/100 s
    body = head + (delay + picture) * frames
    pad = max(0, size - len(body) - 4)  # the comment's introducer and end, and the trailer
    blocks, last = divmod(pad, 256)
    tail = bytes([last - 1]) + b"." * (last - 1) if last > 1 else b""
    comment = b"\x21\xfe" + (b"\xff" + b"." * 255) * blocks + tail
    path.write_bytes(body + (comment + b"\x00" if pad else b"") + b";")
    return path


def pixels_damaged(path: Path) -> Path:
    """``path`` (a JPEG, WebP or the GIF above) with the bytes a decoder builds its pixels from changed, and every
    length, marker and chunk size left as it was: the file's structure reads whole, its picture does not decode.
    In a JPEG that is its Huffman tables (DHT); in a WebP, its bitstream after the chunk's first bytes; in the GIF,
    its LZW codes."""
    data = bytearray(path.read_bytes())
    if data[:4] == b"RIFF":
        start, end = 30, len(data)
    elif data[:3] == b"GIF":
        start, end = _GIF_LZW.start, _GIF_LZW.stop
    else:
        start = data.index(b"\xff\xc4") + 4  # the first DHT's body
        end = start + int.from_bytes(data[start - 2:start], "big") - 2
    for i in range(start, end):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def noisy_png(path: Path, size: int) -> Path:
    """A real PNG of random grey pixels: it does not compress, so ``size`` sets the file's size (about size²)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + os.urandom(size) for _ in range(size))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))
    return path


def cut_short(path: Path, keep: float = 0.6) -> Path:
    """``path`` cut after ``keep`` of its bytes, as a download that did not finish leaves it."""
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def damaged(path: Path) -> Path:
    """``path`` with bytes in its middle changed, as a bad copy or a failing disk leaves it: its header is good."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8] = bytes(b ^ 0x5A for b in data[middle:middle + 8])
    path.write_bytes(bytes(data))
    return path
