"""Room on the disk, taken before a post goes out, for its outcome should the database then refuse to record it.

A post out whose record a full disk refused was kept in memory only (core.sent_unrecorded.Unrecorded): an app that
quit before the disk took writes again lost the link the network gave, and the next start found the post "sending"
from a sender gone, to be reviewed with nothing to show where it went. So before the network call a small file is
opened in the profile's data folder and its room written (``ROOM`` bytes); the outcome is written over that room,
which needs no new space on the disk (a full disk takes it, and so does a profile moved meanwhile: the open file
moves with it). The next process that looks (the scheduler's every pass, a start, any command) records the post
sent from it, with its link. The database is never written here; the file goes once the post is recorded, or at
once when the send ends any other way.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

FOLDER = "sent-unrecorded"  # in the profile's data folder; removed again whenever it is empty
ROOM = 16 * 1024  # a thread's links and ids fit many times over
_TIMES = ("sent_at", "next_attempt_at", "repeat_safe_until")


@dataclass(frozen=True)
class KeptOutcome:
    """What a file holds: the post, the sender that took the room, and the outcome (None: room taken, nothing
    kept, because the send ended before its outcome, or is still on its way)."""

    path: Path
    post_id: int
    owner: str
    values: dict[str, object] | None


class OutcomeRoom:
    """One post's room, open while it is sent: :meth:`keep` its outcome, then :meth:`close` (the file stays only if
    something was kept)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self.kept = False

    @classmethod
    def take(cls, data: Path | None, post_id: int, owner: str) -> OutcomeRoom | None:
        """The room for ``post_id``'s outcome in the data folder ``data``; None when the disk has none (a full or
        read-only disk, a profile moved or removed), and the post goes out as before, its outcome kept in memory."""
        if data is None:
            return None
        folder = data / FOLDER
        path = folder / f"{post_id}-{uuid.uuid4().hex[:12]}.json"
        for _ in range(2):  # another sender may remove the folder as it empties, between the mkdir and the open
            try:
                folder.mkdir(mode=0o700, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
                break
            except FileNotFoundError:
                continue
            except OSError as e:
                log.debug("no room for post %s's outcome in %s: %s", post_id, folder, e)
                return None
        else:
            return None
        room = cls(path, fd)
        try:
            room._write({"post": post_id, "owner": owner})
        except OSError as e:
            log.debug("no room for post %s's outcome in %s: %s", post_id, folder, e)
            room.close()
            return None
        return room

    def keep(self, post_id: int, owner: str, values: dict[str, object]) -> bool:
        """Write the outcome over the room (flushed to the disk); False if even that was refused."""
        try:
            self._write({"post": post_id, "owner": owner, "values": {
                k: v.isoformat() if isinstance(v, datetime) else list(v) if isinstance(v, tuple) else v
                for k, v in values.items()}})
            assert self._fd is not None
            os.fsync(self._fd)
        except (OSError, TypeError, ValueError) as e:
            log.warning("post %s's outcome could not be kept in %s either: %s", post_id, self.path, e)
            return False
        self.kept = True
        return True

    def close(self) -> None:
        """Done with sending: the file is removed unless an outcome was kept in it."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if not self.kept:
            forget(self.path)

    def _write(self, record: dict[str, object]) -> None:
        assert self._fd is not None
        data = json.dumps(record).encode()
        os.pwrite(self._fd, data + b" " * max(0, ROOM - len(data)), 0)


def kept_outcomes(data: Path | None) -> list[KeptOutcome]:
    """What the files in the data folder ``data`` hold; one that cannot be read is left where it is (and logged)."""
    folder = None if data is None else data / FOLDER
    if folder is None or not folder.is_dir():
        return []
    out = []
    try:
        paths = sorted(folder.glob("*.json"))
    except OSError as e:
        log.warning("the posts' kept outcomes in %s could not be listed: %s", folder, e)
        return []
    for path in paths:
        try:
            record = json.loads(path.read_bytes())
        except FileNotFoundError:
            continue  # recorded and removed meanwhile
        except (OSError, ValueError) as e:
            log.warning("a post's kept outcome could not be read from %s: %s", path, e)
            continue
        try:
            values = record.get("values")
            if values is not None:
                values = {k: datetime.fromisoformat(v) if k in _TIMES and isinstance(v, str) else v
                          for k, v in values.items()}
                values["remote_ids"] = tuple(values.get("remote_ids") or ())
            out.append(KeptOutcome(path, int(record["post"]), str(record["owner"]), values))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            log.warning("a post's kept outcome could not be read from %s: %s", path, e)
    return out


def forget(path: Path) -> None:
    """Remove a file once it is of no more use, and its folder if it is then empty."""
    try:
        path.unlink(missing_ok=True)
        path.parent.rmdir()
    except OSError:
        pass  # another post's file is there, or the profile has gone: nothing to tidy
