"""A post the network took whose record could not be written: it went out, and that is what the user is told.

Between the network's answer and the database's record, the profile may have been moved or removed, the disk
filled up, or its folder made read-only. Said as "could not send", the post invites a second one. It is said as
sent (with its link), and the record is tried again on every scheduler pass while this process runs. The outcome is
also written in room taken on the disk before the send (core.outcome_room), so that a quit before the disk takes
writes again, or a start at the profile's new place, records it sent with its link; without that room, the start
finds the post "sending" from a sender that is gone, which is never sent again blindly
(core.outbox.Outbox.recover_abandoned).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from personamgr.core.i18n import translate
from personamgr.core.networks.base import Published
from personamgr.core.outbox import Post


class SentNotRecorded(RuntimeError):
    """The post went out (``published``) but its record was refused (``why``, in words, ends without a stop)."""

    def __init__(self, post: Post, published: Published, why: str) -> None:
        self.post = post
        self.published = published
        self.why = why
        super().__init__(sent_not_recorded_message(post, published, why))


def sent_not_recorded_message(post: Post, published: Published, why: str) -> str:
    """What the user reads: it went out (as which account, where), and why its record is missing."""
    return translate("Posting", "{persona}'s post went out as {account} ({link}), but personamgr could not record "
                     "that it did: {why}. Do not send it again; if it is later listed as needing review, mark it as "
                     "sent.").format(persona=post.persona_name, account=post.sent_as or post.persona_name,
                                     link=published.url or published.remote_id, why=why)


@dataclass
class Unrecorded:
    """The outcomes a sender could not record, kept in memory to be recorded once the database takes writes again,
    each with the file that keeps it past a quit (core.outcome_room; None if the disk had no room for one). Shared
    by the sending threads, hence the lock."""

    _pending: dict[int, tuple[Post, dict[str, object], Path | None]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def keep(self, post: Post, values: dict[str, object], file: Path | None = None) -> None:
        with self._lock:
            self._pending[post.id] = (post, values, file)

    def pending(self) -> list[tuple[Post, dict[str, object], Path | None]]:
        with self._lock:
            return list(self._pending.values())

    def done(self, post_id: int) -> None:
        with self._lock:
            self._pending.pop(post_id, None)
