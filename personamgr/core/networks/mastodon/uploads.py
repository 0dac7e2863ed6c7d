"""Images a Mastodon server has taken for a status not yet made: a retry of that status uses them again.

Mastodon processes a large image (and turns a GIF into a video) after the upload, and answers a repeated
Idempotency-Key with the status already made before it looks at the images. Uploading again on every retry
started the processing over (on a busy server the post could never catch up), spent one more of the account's
30 uploads per 30 minutes, and left copies for the server to clean up. An unattached upload stays the account's
until the server's clean-up, a day later; it is used again only within the status's repeat window, while a resend
of a status already made is answered with that status. Kept in this process only: after a restart the images are
uploaded again, as before.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

UploadKey = tuple[str, str, int]  # (the account, the status's Idempotency-Key, the image's place in the status)


def upload_key(server: str, access_token: str, status_key: str, index: int) -> UploadKey:
    """Which upload: the account (by its token's digest: another account's upload is not its own), the status it is
    for and its place there."""
    who = hashlib.sha256(f"{server}\x1f{access_token}".encode()).hexdigest()
    return who, status_key, index


class KeptUploads:
    """Media ids by :data:`UploadKey`, each for ``keep`` from its upload. Thread-safe: the scheduler and the window
    may send at once."""

    def __init__(self, now: Callable[[], datetime], keep: timedelta) -> None:
        self._now = now
        self._keep = keep
        self._lock = threading.Lock()
        self._ids: dict[UploadKey, tuple[str, datetime]] = {}

    def get(self, key: UploadKey) -> str | None:
        with self._lock:
            found = self._ids.get(key)
        return found[0] if found is not None and self._now() - found[1] < self._keep else None

    def put(self, key: UploadKey, media_id: str) -> None:
        now = self._now()
        with self._lock:
            self._ids = {k: v for k, v in self._ids.items() if now - v[1] < self._keep}
            self._ids[key] = (media_id, now)

    def forget(self, key: UploadKey) -> None:
        with self._lock:
            self._ids.pop(key, None)
