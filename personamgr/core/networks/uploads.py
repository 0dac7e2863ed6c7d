"""Images a server has taken for a post not yet made: a retry of that post uses them again while they are valid.

A post is retried after its images went up (the server said to wait, failed, was still processing them, or its
answer was lost). Uploading them again on every retry spent the account's upload allowance, left copies for the
server to clean up and, on Mastodon, started a slow image's processing over. Each network says how long an upload
no post uses stays valid (Mastodon: a day; X: its answer's ``expires_after_secs``; a Bluesky PDS: a while) and how
it learns one is gone; what is kept, and the one retry with fresh uploads, is here. Kept in this process only:
after a restart the images are uploaded again, as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TypeVar

from personamgr.core.expiring import Expiring

T = TypeVar("T")
R = TypeVar("R")
UploadKey = tuple[str, str, int]  # (the account, the post part it is for, the image's place in the part)


def upload_key(account: Sequence[str], part: str, index: int) -> UploadKey:
    """Which upload: the account (by a digest of what names it, a token included: another account's upload is not
    its own), the part it is for (a key that changes with the part's words and images) and its place there."""
    who = hashlib.sha256("\x1f".join(account).encode()).hexdigest()
    return who, part, index


class KeptUploads(Expiring[UploadKey, T]):
    """Uploads (a media id, a blob reference) by :data:`UploadKey`, each used for ``keep`` from its upload (or as
    long as ``keep(upload)`` says, when the server says with each one)."""


def attach(kept: KeptUploads[T], keys: Sequence[UploadKey], upload: Callable[[int], T], send: Callable[[list[T]], R],
           *, usable: Callable[[int, T], bool] = lambda _i, _u: True,
           ready: Callable[[int, T], object] = lambda _i, _u: None,
           gone: type[Exception] | tuple[type[Exception], ...] = ()) -> R:
    """``send`` a part with its images: those kept for ``keys`` (and still ``usable``, when the server can be asked),
    the others ``upload``-ed (image ``i``) and kept until the part is made, then made ``ready`` (a server that
    processes an image after taking it: kept first, so a retry waits for that one rather than uploading it again).

    A server that refuses the part because a kept upload is no longer there (``gone``: X dropped the media id, the
    PDS deleted the blob) gets the images uploaded again and the part once more, in the same attempt.
    """
    def fresh(i: int, key: UploadKey) -> T:
        made = kept.put(key, upload(i))
        ready(i, made)
        return made

    reused = False
    uploads: list[T] = []
    for i, key in enumerate(keys):
        found = kept.get(key)
        if found is not None and usable(i, found):
            reused = True
            uploads.append(found)
        else:
            uploads.append(fresh(i, key))
    try:
        made = send(uploads)
    except gone:
        if not reused:
            raise
        made = send([fresh(i, key) for i, key in enumerate(keys)])
    for key in keys:  # attached now: no other post may use them
        kept.forget(key)
    return made
