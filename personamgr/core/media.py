"""Images attached to posts: checked against the network's limits, and kept in the profile's media folder.

An attached image is copied into the profile (``AppPaths.media``) the moment it
is attached, so a post scheduled for next week still has its picture when the
original file has been moved, edited or deleted. The copy belongs to the post:
it goes when the post is deleted (and only files inside the media folder are
ever removed; the user's own files are never touched).

Each attachment is a dict on the post (``posts.media``):
``{"path", "alt_text", "mime_type", "part", "name", "size"}``; ``part`` is the
0-based thread part it goes with, ``name`` the original file name.

The type is read from the file's first bytes, not its name: a PNG renamed
``.jpg`` is still a PNG, and a text file renamed ``.png`` is refused.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import select

from personamgr.core import schema as s
from personamgr.core.faults import ProfileGone, in_words
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.image_check import Damage, animated_gif, damage
from personamgr.core.networks.base import MediaItem
from personamgr.core.note_words import either
from personamgr.core.personas import Persona
from personamgr.core.reason_words import Note
from personamgr.core.store import Store

EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp"}
TYPE_NAMES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WebP"}


@dataclass(frozen=True, slots=True)
class MediaLimits:
    """What a network accepts per post. X's are the default (the sandbox imitates them)."""

    network: str = "X"  # as note_words.network_label says it: a persona's network, or a network's own name
    per_post: int = 4
    max_bytes: int = 5 * 1024 * 1024
    max_alt: int = 1000
    types: tuple[str, ...] = ("image/png", "image/jpeg", "image/gif", "image/webp")
    too_big_hint: str = QT_TRANSLATE_NOOP("Media", "Make it smaller, then attach it again.")
    max_animated_bytes: int | None = None  # an animated GIF's own limit, where the network has one
    # An animated GIF goes on a post of its own, where the network takes "up to 4 photos or 1 animated GIF or 1 video"
    # (X: tweepy's docs of media_ids).
    animated_alone: bool = False

    @property
    def most(self) -> int:
        """The most bytes any image may have: how much of a file to read to check it."""
        return max(self.max_bytes, self.max_animated_bytes or 0)

    def max_bytes_of(self, image: ImageFile) -> int:
        """The limit ``image`` is held to: an animated GIF's, where the network has one, else an image's."""
        return self.max_animated_bytes if self.max_animated_bytes and image.animated else self.max_bytes

    def type_names(self) -> list[str]:
        return [TYPE_NAMES.get(t, t) for t in self.types]

    def type_list(self) -> str:
        return either(self.type_names())


# X's "media best practices": GIFs up to 15 MB; a GIF on a post alone
X_LIMITS = MediaLimits(max_animated_bytes=15 * 1024 * 1024, animated_alone=True)
# The sandbox imitates X's limits, and says them as its own: its persona is on the sandbox, not on X.
SANDBOX_LIMITS = replace(X_LIMITS, network="sandbox")


def limits_of(network: object, persona: Persona | None = None) -> MediaLimits:
    """The limits a network declares (``media_limits``), else X's; with ``persona``, its own server's count
    (a Mastodon server says how many images a post may carry)."""
    found = getattr(network, "media_limits", None)
    limits = found if isinstance(found, MediaLimits) else X_LIMITS
    if persona is not None and persona.server_limits is not None and persona.network == "mastodon":
        limits = replace(limits, per_post=persona.server_limits.max_media)
    return limits


class MediaError(ValueError):
    """An image the network would refuse, or one that cannot be read. The message names the file."""


class MediaCopyError(MediaError):
    """The image is fine but the profile could not take its copy (a full or read-only disk): the profile's fault,
    so what the user wrote with it must be kept."""


def sniff(head: bytes) -> str | None:
    """The image type from a file's first 12 bytes, or None when it is no image we know."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def mime_of(item: MediaItem) -> str:
    """The attachment's type: as recorded when it was attached, else read from the file's first bytes."""
    if item.mime_type:
        return item.mime_type
    try:
        with Path(item.path).open("rb") as f:
            return sniff(f.read(12)) or "application/octet-stream"
    except OSError:
        return "application/octet-stream"


@dataclass(frozen=True)
class ImageFile:
    """An image file's bytes, read once: each network's check and the profile's copy use these, so what is copied is
    what was checked, and a file that gives its bytes to one reader only (``--image <(curl …)``, a pipe) works."""

    path: Path
    data: bytes  # at most the ``most`` it was read with: enough to tell that a larger file is too big
    size: int  # the file's size (a pipe's is what it gave)

    @property
    def name(self) -> str:
        return self.path.name

    @cached_property
    def mime(self) -> str | None:
        """The type its first bytes say (None: not an image type we know)."""
        return sniff(self.data[:12])

    @cached_property
    def damage(self) -> Damage | None:
        """What is wrong with its data (:func:`image_check.damage`), read once however many networks check it: a
        post to several personas checks the same bytes against each, then copies them for each."""
        return damage(self.data, self.mime) if self.mime is not None else None

    @cached_property
    def animated(self) -> bool:
        """A GIF with more than one picture (X uploads and limits it as a GIF, not as an image)."""
        return self.mime == "image/gif" and animated_gif(self.data)


def read_file(path: Path, most: int) -> ImageFile:
    """The first ``most`` + 1 bytes of the file at ``path`` (one more than any limit, so a larger file is known too
    big without reading it all); MediaError naming what is wrong when it cannot be read."""
    try:
        with path.open("rb") as f:
            data = f.read(most + 1)
            size = max(os.fstat(f.fileno()).st_size, len(data))
    except FileNotFoundError:
        raise MediaError(Note("media_not_found", path=str(path))) from None
    except IsADirectoryError:
        raise MediaError(Note("media_folder", path=str(path))) from None
    except OSError as e:
        raise _unreadable(path, e) from None
    return ImageFile(path, data, size)


def check_image(image: ImageFile, limits: MediaLimits = X_LIMITS, *, name: str = "") -> str:
    """The type of an image ``limits`` accept; MediaError saying what is wrong otherwise, naming it ``name`` (the
    name the user attached, where ``image`` is the profile's copy)."""
    name = name or image.name
    if image.size == 0:
        raise MediaError(Note("media_empty", name=name))
    mime = image.mime
    if mime is None or mime not in limits.types:
        raise MediaError(Note("media_type", name=name, type=TYPE_NAMES.get(mime or "", mime),
                              network=limits.network, types=limits.type_names()))
    limit = limits.max_bytes_of(image)
    if image.size > limit:
        animated = {"animated": True} if limit != limits.max_bytes else {}  # named by the limit it was held to
        raise MediaError(Note("media_too_big", name=name, size=image.size, network=limits.network, limit=limit,
                              hint=limits.too_big_hint, **animated))
    found = image.damage  # only of a file no larger than the limit: ``data`` then holds all of it
    if found is not None:  # refused now, not by the network when the post goes out (perhaps at night)
        raise MediaError(Note("media_damaged", name=name, type=TYPE_NAMES[mime], cut=found is Damage.CUT))
    return mime


def check_file(path: Path, limits: MediaLimits = X_LIMITS) -> tuple[str, int]:
    """The (type, size) of an image ``limits`` accept; MediaError saying what is wrong otherwise."""
    image = read_file(path, limits.most)
    return check_image(image, limits), image.size


def _unreadable(path: Path, e: OSError) -> MediaError:
    """An image that could not be read, at its first bytes or through to its end: the reason kept as its errno."""
    return MediaError(Note("media_unreadable", name=path.name, error=str(e.strerror or e), errno=e.errno))


def check_alt(name: str, alt: str, limits: MediaLimits = X_LIMITS) -> None:
    if len(alt) > limits.max_alt:
        raise MediaError(Note("media_alt_long", name=name, length=len(alt), network=limits.network,
                              max=limits.max_alt))


def import_image(folder: Path, source: ImageFile | Path | str, alt_text: str = "", *, part: int = 0,
                 limits: MediaLimits = X_LIMITS, in_place: Callable[[], None] | None = None) -> dict[str, Any]:
    """Check ``source`` (a file already read, or a path to read) and copy its bytes into the media folder; returns
    the attachment to store on the post. ``in_place`` (Store.ensure_in_place) refuses a profile moved or removed
    while the app runs: its media folder is not made again where it was."""
    image = source if isinstance(source, ImageFile) else read_file(Path(source).expanduser(), limits.most)
    mime = check_image(image, limits)
    alt_text = alt_text.strip()
    check_alt(image.name, alt_text, limits)
    dest = folder / f"{uuid.uuid4().hex}{EXTENSIONS[mime]}"
    try:
        if in_place is not None:
            in_place()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with dest.open("xb") as f:
            f.write(image.data)
    except OSError as e:
        dest.unlink(missing_ok=True)
        # The fault (a full or read-only disk) is the copy's, in the profile; a profile gone is said as every write
        # says it.
        # Named by its folder: the copy's own name is one personamgr made up, which tells the user nothing.
        why = in_words(e if isinstance(e, ProfileGone) else OSError(e.errno, e.strerror, str(folder)), folder)
        raise MediaCopyError(translate("Media", "{name} could not be copied into the profile, so nothing was "
                                       "attached: {why}.").format(name=image.name, why=why)) from None
    return {"path": str(dest), "alt_text": alt_text, "mime_type": mime, "part": int(part), "name": image.name,
            "size": image.size}


def display_name(item: dict[str, Any]) -> str:
    return str(item.get("name") or Path(str(item.get("path", "image"))).name)


def missing_alt(media: Iterable[dict[str, Any]]) -> list[str]:
    """Names of the images without alt text: the nudge before posting."""
    return [display_name(m) for m in media if not str(m.get("alt_text") or "").strip()]


def check_post(parts: int, media: Sequence[dict[str, Any]], limits: MediaLimits = X_LIMITS) -> list[str]:
    """Everything ``limits`` would refuse in a post's attachments (count per part, alt text), as messages."""
    problems: list[str] = []
    counts: dict[int, int] = {}
    for m in media:
        part = int(m.get("part", 0))
        counts[part] = counts.get(part, 0) + 1
        if part >= parts:
            problems.append(translate("Media", "{name} is attached to part {part}, which the thread no longer has."
                                      ).format(name=display_name(m), part=part + 1))
        try:
            check_alt(display_name(m), str(m.get("alt_text") or ""), limits)
        except MediaError as e:
            problems.append(str(e))
    for part, n in sorted(counts.items()):
        if n > limits.per_post:
            problems.append(_too_many(limits, part if parts > 1 else None, n))
    return problems


def check_items(parts: int, media: tuple[tuple[MediaItem, ...], ...], limits: MediaLimits = X_LIMITS) -> str | None:
    """What a network checks right before sending (the files may have changed since they were attached)."""
    for i, items in enumerate(media):
        if i >= parts and items:
            return Note("media_no_part", part=i + 1)
        if len(items) > limits.per_post:
            return _too_many(limits, i if parts > 1 else None, len(items))
        for item in items:
            p = Path(item.path)
            try:
                image = read_file(p, limits.most)
                check_image(image, limits, name=item.shown_name)
                check_alt(item.shown_name, item.alt_text, limits)
            except MediaError as e:
                if not p.exists():
                    return Note("media_missing", path=str(p), part=i + 1 if parts > 1 else None)
                return e.args[0]
            if alone := animated_alone(image, len(items), limits, i if parts > 1 else None, name=item.shown_name):
                return alone
    return None


def animated_file(image: ImageFile | Path, limits: MediaLimits = X_LIMITS) -> bool:
    """Whether the image (read already, or read from its path: so off the GUI thread) is an animated GIF; False for
    one that cannot be read, which another check refuses."""
    try:
        return (image if isinstance(image, ImageFile) else read_file(image, limits.most)).animated
    except MediaError:
        return False


def gif_not_alone(media: Sequence[dict[str, Any]], animated: Collection[str], limits: MediaLimits, *,
                  thread: bool) -> str | None:
    """Why an animated GIF cannot go with the images beside it, for the first part where one is (``media`` as the
    post keeps it, ``animated`` the paths known to be animated GIFs); None when none is. It reads nothing, so the
    window asks it again after every change of the images or of the parts they are on."""
    if not limits.animated_alone:
        return None
    parts: dict[int, list[dict[str, Any]]] = {}
    for m in media:
        parts.setdefault(int(m.get("part", 0)), []).append(m)
    for part, items in sorted(parts.items()):
        for m in items if len(items) > 1 else ():
            if str(m.get("path")) in animated:
                return _alone(limits, display_name(m), part if thread else None)
    return None


def animated_alone(image: ImageFile, count: int, limits: MediaLimits, part: int | None = None, *,
                   name: str = "") -> str | None:
    """Why ``image`` (shown as ``name``), one of ``count`` images on a post (or thread ``part``, from 0), cannot go
    with the others: an animated GIF where the network takes one only on a post of its own. None when it can."""
    if not (limits.animated_alone and count > 1 and image.animated):
        return None
    return _alone(limits, name or image.name, part)


def _alone(limits: MediaLimits, name: str, part: int | None) -> str:
    """An animated GIF named ``name`` is among other images on the post (or thread ``part``, from 0)."""
    return Note("animated_alone", network=limits.network, name=name, part=None if part is None else part + 1)


def _too_many(limits: MediaLimits, part: int | None, n: int) -> str:
    """Too many images on a post (``part`` None) or on one part of a thread."""
    return Note("too_many_images", network=limits.network, max=limits.per_post,
                part=None if part is None else part + 1, count=n)


def _in(folder: Path, path: str) -> Path | None:
    """``path`` if it lies inside ``folder`` (the only files this module ever deletes)."""
    try:
        p = Path(path).resolve()
        return p if p.parent == folder.resolve() else None
    except OSError:
        return None


def referenced(store: Store) -> set[str]:
    """Every media path any post still refers to, or that its last send sent (a post in review whose images were
    changed since may be out with them: marked sent, it keeps them)."""
    with store.engine.connect() as con:
        rows = con.execute(select(s.posts.c.media, s.posts.c.sent_content)).all()
    lists = [media for row in rows for media in (row[0], _loaded(row[1] or {}).get("media"))]
    return {str(m.get("path")) for media in lists for m in _loaded(media or ())}


def _loaded(value: Any) -> Any:
    """A JSON column as read: parsed already, or still text."""
    return json.loads(value) if isinstance(value, str) else value


def release(store: Store, folder: Path | None, media: Iterable[dict[str, Any]]) -> list[Path]:
    """Delete the copies of ``media`` in ``folder`` that no post refers to any more. Returns what went."""
    if folder is None:
        return []
    still = {str(Path(p).resolve()) for p in referenced(store)}
    gone: list[Path] = []
    for m in media:
        p = _in(folder, str(m.get("path", "")))
        if p is not None and str(p) not in still and p.exists():
            p.unlink(missing_ok=True)
            gone.append(p)
    return gone


def prune(store: Store, folder: Path | None, *, older_than: float = 3600.0) -> list[Path]:
    """Delete files in the media folder that no post refers to (left by a crash between copy and save).

    Only files older than ``older_than`` seconds: a copy made a moment ago by the CLI or the window
    may belong to a post that is about to be saved.
    """
    if folder is None or not folder.is_dir():
        return []
    still = {str(Path(p).resolve()) for p in referenced(store)}
    cutoff = time.time() - older_than
    gone = []
    for p in folder.iterdir():
        if p.is_file() and str(p.resolve()) not in still and p.stat().st_mtime < cutoff:
            p.unlink(missing_ok=True)
            gone.append(p)
    return gone
