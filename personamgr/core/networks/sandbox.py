"""The built-in sandbox network: a local stand-in for X, so the demo needs no keys.

It behaves like X where it matters to the user: each published post gets an id
and a timestamp and lands on the account's timeline; an identical text on the
same account is refused as duplicate content; over-long text is refused, and so
is more than one cashtag (X's rule, said as the sandbox's); images
are checked against X's limits and kept with their alt text (by name). Its
timeline lives in its own SQLite file, apart from the app's database, the way
a remote service would be.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from personamgr.core import faults
from personamgr.core.clock import Clock, SystemClock, utc
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.media import SANDBOX_LIMITS, check_items
from personamgr.core.networks.base import Account, NetworkError, OutgoingPost, Published, RejectedError, send_parts
from personamgr.core.networks.links import PostLink, is_post_id, link_parts
from personamgr.core.reason_words import Note
from personamgr.core.text import too_many_cashtags, weighted_length

DUPLICATE_MESSAGE = "You are not allowed to create a Tweet with duplicate content."  # English: X's words


def _refused(said: str) -> str:
    """X's refusal in X's own words, introduced as the real X network's are (core/networks/x/errors.py)."""
    return Note("x_refused", error=said)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    remote_id: str
    handle: str | None
    text: str
    created_at: datetime
    reply_to: str | None
    media: tuple[tuple[str, str], ...] = ()  # (file name, alt text) per image


class SandboxNetwork:
    name = "sandbox"
    display_name = QT_TRANSLATE_NOOP("networks", "Sandbox (demo network)")  # the window translates it
    needs_credentials = False
    media_limits = SANDBOX_LIMITS

    def __init__(self, path: Path | str | None, clock: Clock | None = None, latency_s: float = 0.0,
                 char_limit: int = 25_000) -> None:
        self.clock = clock or SystemClock()
        self.latency_s = latency_s
        self.char_limit = char_limit
        self._lock = threading.Lock()
        self._path = None if path is None else Path(path)
        self._db = sqlite3.connect(":memory:" if path is None else str(path), check_same_thread=False)
        with self._lock, self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS timeline (id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL,"
                " handle TEXT, text TEXT NOT NULL, created_at TEXT NOT NULL, reply_to INTEGER)"
            )
            if "media" not in {r[1] for r in self._db.execute("PRAGMA table_info(timeline)")}:
                self._db.execute("ALTER TABLE timeline ADD COLUMN media TEXT")
            # Ids look like X's: large and increasing.
            self._db.execute(
                "INSERT OR IGNORE INTO sqlite_sequence(name, seq) VALUES ('timeline', 1850000000000000000)"
            )

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        if self.latency_s:
            time.sleep(self.latency_s)
        ids = list(post.already_sent)
        now = utc(self.clock.now())
        problem = check_items(len(post.parts), post.media, self.media_limits)
        if problem:
            raise RejectedError(problem)
        # Each part in its own transaction, as on X: a thread that fails at part 3 has parts 1 and 2 out.
        send_parts(post, ids, lambda i: self._publish_one(account, post, i, ids[-1] if ids else None, now))
        return Published(remote_id=ids[0], url=self.post_url(account, ids[0]), at=now, part_ids=tuple(ids))

    def _publish_one(self, account: Account, post: OutgoingPost, i: int, reply_to: str | None,
                     now: datetime) -> str:
        """One part, in its own transaction: a thread that fails at part 3 has parts 1 and 2 out, as on X."""
        text = post.parts[i]
        images = [(m.shown_name, m.alt_text) for m in post.media_of(i)]  # named as the user attached them
        if weighted_length(text) > self.char_limit:
            raise RejectedError(_refused(f"The text is too long ({weighted_length(text)} characters)."))  # English
        if tags := too_many_cashtags(self.name, text):
            raise RejectedError(Note("cashtags", cashtags=tags, network=self.name))
        try:
            return self._insert(account, text, reply_to, now, images)
        except sqlite3.Error as e:  # its file refused the write, which SQLite rolled back: the post is not out
            raise NetworkError(translate("Network", "The sandbox did not take the post: {why}.").format(
                why=faults.in_words(e, self._path))) from None

    def _insert(self, account: Account, text: str, reply_to: str | None, now: datetime,
                images: list[tuple[str, str]]) -> str:
        with self._lock, self._db:
            dup = self._db.execute(
                "SELECT 1 FROM timeline WHERE account = ? AND text = ? LIMIT 1", (account.persona_uid, text)
            ).fetchone()
            if dup:
                raise RejectedError(_refused(DUPLICATE_MESSAGE), duplicate=True)
            cur = self._db.execute(
                "INSERT INTO timeline (account, handle, text, created_at, reply_to, media) VALUES (?, ?, ?, ?, ?, ?)",
                (account.persona_uid, account.handle, text, now.isoformat(), reply_to, json.dumps(images)),
            )
            return str(cur.lastrowid)

    def post_url(self, account: Account, remote_id: str) -> str | None:
        handle = (account.handle or "@me").lstrip("@")
        return f"sandbox://{handle}/status/{remote_id}"

    def read_link(self, link: str) -> PostLink | None:
        """sandbox://HANDLE/status/ID, as post_url writes it."""
        parts = link_parts(link)
        if parts is None or parts.scheme != "sandbox":
            return None
        match parts.path:
            case ("status", post_id) if is_post_id(post_id):
                return PostLink(self.name, "", parts.host, post_id)
        return None

    def timeline(self, persona_uid: str | None = None) -> list[TimelineEntry]:
        q = "SELECT id, handle, text, created_at, reply_to, media FROM timeline"  # English: SQL
        args: tuple[str, ...] = ()
        if persona_uid:
            q += " WHERE account = ?"  # English: SQL
            args = (persona_uid,)
        with self._lock:
            rows = self._db.execute(q + " ORDER BY id DESC", args).fetchall()
        return [
            TimelineEntry(str(r[0]), r[1], r[2], datetime.fromisoformat(r[3]), None if r[4] is None else str(r[4]),
                          tuple((str(n), str(a)) for n, a in json.loads(r[5] or "[]")))
            for r in rows
        ]

    def close(self) -> None:
        with self._lock:
            self._db.close()
