"""What schema 4 added (Mastodon and Bluesky), so a test can lay out an older database from today's tables."""

from __future__ import annotations

import sqlite3

PERSONA_COLUMNS = ("server", "visibility", "content_warning", "server_limits")
POST_COLUMNS = ("content_warning", "visibility")


def drop_schema4_columns(con: sqlite3.Connection) -> None:
    for column in PERSONA_COLUMNS:
        con.execute(f"ALTER TABLE personas DROP COLUMN {column}")
    for column in POST_COLUMNS:
        con.execute(f"ALTER TABLE posts DROP COLUMN {column}")
