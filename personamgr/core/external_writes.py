"""What other processes committed to the profile's database: a CLI ``queue add``, a ``post`` that failed, the
background sender. The store's own change events fire only for this process' writes, so a window would go on
showing what it read last.

SQLite's ``PRAGMA data_version`` changes for a connection whenever another connection commits, so checking it
costs one tiny statement. Only when it moved are the tables read again, compactly, to say which kind of thing
changed ("posts", "personas", "settings": the kinds ``Store.subscribe`` listeners already handle). A change this
process made itself is reported as well (the connection cannot tell whose commit it was); a view then refreshes
once more, which is harmless, where missing another process' change is not.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

# Each kind's fingerprint: a few numbers for the posts (every change sets updated_at; a delete lowers the count),
# the whole (small) rows for the personas and the settings, hashed.
_FINGERPRINTS = {
    "posts": "SELECT count(*), max(id), max(updated_at) FROM posts",
    "personas": "SELECT * FROM personas ORDER BY id",
    "settings": "SELECT key, value FROM settings ORDER BY key",
}


KINDS = tuple(_FINGERPRINTS)


class ExternalWrites:
    """``poll()`` from one thread at a time (a worker); ``close()`` when done."""

    def __init__(self, database: Path) -> None:
        self._con = sqlite3.connect(database, timeout=1.0, check_same_thread=False)
        self._version: int | None = None
        self._seen: dict[str, str] = {}
        self.poll()  # the state to compare with

    def poll(self) -> list[str]:
        """The kinds of data committed since the last poll; [] at the cost of one PRAGMA when nothing was."""
        version = self._con.execute("PRAGMA data_version").fetchall()[0][0]  # fetched whole: no read left open
        if version == self._version:
            return []
        self._version = version
        now = {kind: self._fingerprint(sql) for kind, sql in _FINGERPRINTS.items()}
        changed = [kind for kind, value in now.items() if self._seen and self._seen.get(kind) != value]
        self._seen = now
        return changed

    def _fingerprint(self, sql: str) -> str:
        digest = hashlib.blake2b(digest_size=16)
        for row in self._con.execute(sql):
            digest.update(repr(row).encode())
        return digest.hexdigest()

    def close(self) -> None:
        self._con.close()
