"""Whether an image's data is whole: read through to its end, not just its first bytes.

A file with a good header and damaged or missing data (a download cut short, a bad copy, a disk error) passed
the type check and failed only when the post was sent, perhaps at 3 a.m. by the scheduler. Each format is walked
the way a decoder reads it: PNG's chunks with their checksums, its pixel data inflated to the size its header
promises; JPEG's segments and scans to the end-of-image marker; GIF's blocks to its trailer; WebP's chunks to the
size its header gives.

A file whose every length and marker reads in place can still hold pixel data no decoder can read (a JPEG's
Huffman tables, a WebP's bitstream, a GIF's LZW codes): the network decodes it at send time, and refuses it then.
So a JPEG, WebP or GIF whose structure is whole is also decoded, by Pillow: the check runs in the CLI and in the
daemon's last check before sending, which run without Qt, so Qt's decoders cannot be the one the three share.

A JPEG is decoded at 1/8 scale: libjpeg still reads every Huffman code of every scan, so it fails where the full
decode fails. What libjpeg reads past (entropy-coded data scrambled into valid-looking codes) is a warning to it,
not an error, at any scale: it draws a garbled picture, as every libjpeg-based decoder does, and it is not refused
here either (bench/README.md, "bench/image-check").
"""

from __future__ import annotations

import enum
import io
import struct
import zlib

READ_CHUNK = 1 << 16
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples per pixel
# Adam7: (first column, first row, column step, row step) of each of the seven passes
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
# Past this many pixels a decode is skipped (the structure check still applies): decoding holds every pixel, and
# a small file can declare a huge picture. X's own limit is 8192 pixels a side.
DECODE_MAX_PIXELS = 8192 * 8192


class Damage(enum.StrEnum):
    CUT = "cut"  # the data stops before the image does
    DAMAGED = "damaged"  # the data is there but does not read


def damage(data: bytes, mime: str) -> Damage | None:
    """What is wrong with an image's ``data`` (of type ``mime``, read from its first bytes), or None when it reads
    whole."""
    check = {"image/png": _png, "image/jpeg": _jpeg, "image/gif": _gif, "image/webp": _webp}.get(mime)
    found = check(data) if check else None
    return _undecodable(data, mime) if found is None else found


def _undecodable(data: bytes, mime: str) -> Damage | None:
    """DAMAGED when a JPEG's, WebP's or GIF's pixels do not decode (every frame of an animation), else None. A PNG's
    are inflated and counted by ``_png`` already."""
    from PIL import GifImagePlugin, JpegImagePlugin, WebPImagePlugin  # here: start-up does not need Pillow

    opener = {"image/jpeg": JpegImagePlugin.JpegImageFile, "image/webp": WebPImagePlugin.WebPImageFile,
              "image/gif": GifImagePlugin.GifImageFile}.get(mime)
    if opener is None:
        return None
    try:
        # The plugin's class, not Image.open: open warns (an error under -W error) about a large picture before
        # its size can be looked at; here a large one is simply not decoded.
        with opener(io.BytesIO(data)) as image:
            width, height = image.size
            image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))  # a JPEG decodes at 1/8 scale
            if image.size[0] * image.size[1] > DECODE_MAX_PIXELS:
                return None
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                image.load()
    except (OSError, SyntaxError, ValueError, EOFError):  # Pillow's ways of saying the data does not decode
        return Damage.DAMAGED
    return None


def _png(data: bytes) -> Damage | None:
    pos, idat = len(PNG_SIGNATURE), zlib.decompressobj()
    inflated, expected = 0, None
    while True:
        if pos + 8 > len(data):
            return Damage.CUT
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 8 + length + 4
        if end > len(data):
            return Damage.CUT
        body = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[end - 4:end])[0]:
            return Damage.DAMAGED
        if expected is None:
            if kind != b"IHDR" or length != 13:
                return Damage.DAMAGED
            width, height, depth, colour, _compression, _filter, interlace = struct.unpack(">IIBBBBB", body)
            expected = _png_size(width, height, depth, colour, interlace)
            if expected is None:
                return Damage.DAMAGED
        elif kind == b"IDAT":
            try:
                inflated += _inflate(idat, body)
            except zlib.error:
                return Damage.DAMAGED
            if inflated > expected:  # more pixels than the header promises: damaged (or a zip bomb)
                return Damage.DAMAGED
        elif kind == b"IEND":
            break
        pos = end
    if not idat.eof:
        return Damage.CUT
    return None if inflated == expected else Damage.DAMAGED


def _inflate(stream: zlib._Decompress, body: bytes) -> int:
    """How many bytes ``body`` inflates to, without keeping them (a large image's pixels need not be held)."""
    total, pending = 0, body
    while not stream.eof:
        out = stream.decompress(pending, READ_CHUNK)
        total += len(out)
        pending = stream.unconsumed_tail
        if not pending and len(out) < READ_CHUNK:
            break
    return total


def _png_size(width: int, height: int, depth: int, colour: int, interlace: int) -> int | None:
    """The bytes a PNG's pixel data inflates to: each row's filter byte and its samples, pass by pass."""
    channels = _PNG_CHANNELS.get(colour)
    if channels is None or width == 0 or height == 0 or interlace not in (0, 1):
        return None
    bits = channels * depth

    def rows(w: int, h: int) -> int:
        return 0 if w == 0 or h == 0 else h * (1 + (w * bits + 7) // 8)

    if interlace == 0:
        return rows(width, height)
    return sum(rows((width - x + dx - 1) // dx, (height - y + dy - 1) // dy) for x, y, dx, dy in _ADAM7)


def _jpeg(data: bytes) -> Damage | None:
    pos, frame = 2, False
    while True:
        if pos + 2 > len(data):
            return Damage.CUT
        if data[pos] != 0xFF:
            return Damage.DAMAGED
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker == 0xD9:
            return None if frame else Damage.DAMAGED
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if pos + 4 > len(data):
            return Damage.CUT
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if length < 2:
            return Damage.DAMAGED
        end = pos + 2 + length
        if end > len(data):
            return Damage.CUT
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            frame = True
        if marker == 0xDA:
            if not frame:
                return Damage.DAMAGED
            scanned = _scan_end(data, end)
            if scanned is None:
                return Damage.CUT
            pos = scanned
            continue
        pos = end


def _scan_end(data: bytes, pos: int) -> int | None:
    """Where a scan's entropy-coded data ends (the next marker), or None when the file ends first. Inside it,
    0xFF is followed only by 0x00 (a stuffed byte) or a restart marker."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return None
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _gif(data: bytes) -> Damage | None:
    images, found = _gif_walk(data)
    if found is None and not images:
        return Damage.DAMAGED
    return found


def animated_gif(data: bytes) -> bool:
    """Whether a GIF's ``data`` (its first bytes may do) holds more than one picture: X plays it only when it is
    uploaded as a GIF, and takes a larger one then."""
    return data.startswith((b"GIF87a", b"GIF89a")) and _gif_walk(data, stop_at=2)[0] >= 2


def _gif_walk(data: bytes, stop_at: int = 0) -> tuple[int, Damage | None]:
    """GIF's blocks read to its trailer (or to the ``stop_at``-th picture): how many pictures it holds, and what is
    wrong, if anything."""
    if len(data) < 13:
        return 0, Damage.CUT
    flags = data[10]
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    images = 0
    while True:
        if images and images == stop_at:
            return images, None
        if pos >= len(data):
            return images, Damage.CUT
        block = data[pos]
        if block == 0x3B:
            return images, None
        if block == 0x21:
            pos = _sub_blocks(data, pos + 2)
        elif block == 0x2C:
            if pos + 10 > len(data):
                return images, Damage.CUT
            local = data[pos + 9]
            pos += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0)
            if pos >= len(data):
                return images, Damage.CUT
            if not 2 <= data[pos] <= 12:  # the LZW code size
                return images, Damage.DAMAGED
            pos = _sub_blocks(data, pos + 1)
            images += 1
        else:
            return images, Damage.DAMAGED
        if pos < 0:
            return images, Damage.CUT


def _sub_blocks(data: bytes, pos: int) -> int:
    """The position after a run of GIF data sub-blocks (ended by an empty one), or -1 when the file ends first."""
    while pos < len(data):
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos
    return -1


def _webp(data: bytes) -> Damage | None:
    if len(data) < 12:
        return Damage.CUT
    size = struct.unpack("<I", data[4:8])[0] + 8
    if size > len(data):
        return Damage.CUT
    pos, image = 12, False
    while pos < size:
        if pos + 8 > size:
            return Damage.DAMAGED
        kind, length = struct.unpack("<4sI", data[pos:pos + 8])
        pos += 8 + length + (length & 1)
        if pos > size + 1:
            return Damage.CUT
        image = image or kind in (b"VP8 ", b"VP8L", b"ANMF")
    return None if image else Damage.DAMAGED
