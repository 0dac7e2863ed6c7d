"""What schemas 4 (Mastodon and Bluesky), 5, 8 and 9 added, so a test can lay out an older database from today's
tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

PERSONA_COLUMNS = ("server", "visibility", "content_warning", "server_limits")
POST_COLUMNS = ("content_warning", "visibility")
SCHEMA5_POST_COLUMNS = ("repeat_safe_until",)
SCHEMA8_POST_COLUMNS = ("error_words",)
SCHEMA9_POST_COLUMNS = ("sent_as", "sent_as_id", "sent_content")


def drop_schema9_columns(con: sqlite3.Connection) -> None:
    for column in SCHEMA9_POST_COLUMNS:
        con.execute(f"ALTER TABLE posts DROP COLUMN {column}")


def drop_schema8_columns(con: sqlite3.Connection) -> None:
    """Everything since schema 7 (schema 9's columns too)."""
    drop_schema9_columns(con)
    for column in SCHEMA8_POST_COLUMNS:
        con.execute(f"ALTER TABLE posts DROP COLUMN {column}")


def drop_schema5_columns(con: sqlite3.Connection) -> None:
    """Everything since schema 4 (schema 8's columns too)."""
    drop_schema8_columns(con)
    for column in SCHEMA5_POST_COLUMNS:
        con.execute(f"ALTER TABLE posts DROP COLUMN {column}")


def drop_schema4_columns(con: sqlite3.Connection) -> None:
    """Everything since schema 3 (schema 5's columns too)."""
    drop_schema5_columns(con)
    for column in PERSONA_COLUMNS:
        con.execute(f"ALTER TABLE personas DROP COLUMN {column}")
    for column in POST_COLUMNS:
        con.execute(f"ALTER TABLE posts DROP COLUMN {column}")


_SINCE = {8: drop_schema9_columns, 4: drop_schema5_columns, 3: drop_schema4_columns}


def lay_out_as(path: Path, version: int) -> None:
    """Make the closed database at ``path``, laid out by today's schema, look as schema ``version`` left it."""
    con = sqlite3.connect(path)
    try:
        with con:
            _SINCE[version](con)
            con.execute(f"PRAGMA user_version={version}")
    finally:
        con.close()
