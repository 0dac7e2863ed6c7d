"""What a search of the posts reads: one definition for the history's filter and its database search.

SQLite's LIKE and lower() fold ASCII only, so "ÁRBOL" missed "árbol" in the database while the filter of the posts
listed found it: a search then depended on how old the post was. Both read :func:`searchable`, folded with
``str.casefold`` (every script; "Straße" and "STRASSE" alike); the database calls it as a registered function.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

SQL_FUNCTION = "personamgr_searchable"


def searchable(parts: Sequence[str], persona_name: str) -> str:
    """A post's words (every part) and its persona's name, case folded: what a search looks in."""
    return f"{' '.join(parts)}\n{persona_name}".casefold()


def fold(needle: str) -> str:
    """The search's words as :func:`searchable` is compared with them."""
    return needle.strip().casefold()


def _searchable_row(text: str | None, thread: str | None, persona_name: str | None) -> str:
    """:func:`searchable` from a row: the thread's later parts are stored as JSON, searched as their words."""
    later = json.loads(thread) if thread and thread != "[]" else []  # most posts are one part: skip decoding
    return searchable([text or "", *later], persona_name or "")


def register(con: sqlite3.Connection) -> None:
    """Make :func:`searchable` callable in SQL on this connection (deterministic: SQLite may reuse a result)."""
    con.create_function(SQL_FUNCTION, 3, _searchable_row, deterministic=True)
