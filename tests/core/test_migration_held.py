"""Schema 1 -> 2: "held" became its own state. A schema-1 database (as the previous release wrote it) opens
with every post kept, backed up first, and only the posts that never went out and were stopped before sending
leave "needs review"."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from schema4_columns import drop_schema4_columns

from personamgr.core import schema
from personamgr.core.clock import FakeClock
from personamgr.core.holds import HoldKind
from personamgr.core.outbox import Outbox, PostState
from personamgr.core.personas import Persona
from personamgr.core.store import Store

# (text, guard_reasons, guard_override, missed_at, remote_ids) for each needs-review row of the old database
OLD_ROWS = {
    "guard off-focus": (["It does not look like career's focus (jobs)."], False, None, []),
    "guard duplicate": (["It is nearly the same as a recent post on your metal persona; X's automation rules "
                         "forbid the same post on several accounts."], False, None, []),
    "guard broken": (["The persona guard could not check this post (RuntimeError)."], False, None, []),
    "missed": ([], False, datetime(2026, 3, 2, 9), []),
    "interrupted": ([], False, None, []),  # the app died mid-send: it may have gone out
    "anyway then timeout": (["off focus"], True, None, []),  # posted anyway, then X timed out: may have gone out
    "thread half out": (["off focus"], False, None, ["1890"]),  # a part went out: review it
}


def schema1_database(path: Path, clock: FakeClock) -> None:
    """A database exactly as schema 1 laid it out, with needs-review posts of every origin."""
    st = Store.open(path, clock=clock)
    st.add_persona(Persona(name="career", description="jobs"))
    outbox = Outbox(st)
    uid = st.persona("career").uid
    for text in OLD_ROWS:
        outbox.create(uid, text)
    st.close()
    con = sqlite3.connect(path)
    with con:
        con.execute("ALTER TABLE posts DROP COLUMN hold_kind")
        con.execute("ALTER TABLE posts DROP COLUMN override_text")
        con.execute("ALTER TABLE posts DROP COLUMN lease_owner")  # schema 3
        con.execute("ALTER TABLE posts DROP COLUMN lease_until")
        drop_schema4_columns(con)
        for text, (reasons, override, missed, remote_ids) in OLD_ROWS.items():
            con.execute("UPDATE posts SET state='needs_review', guard_reasons=?, guard_override=?, missed_at=?, "
                        "remote_ids=? WHERE text=?", (json.dumps(reasons), override,
                                                      missed.isoformat(" ") if missed else None,
                                                      json.dumps(remote_ids), text))
        con.execute("PRAGMA user_version=1")
    con.close()


def test_schema1_posts_stopped_before_sending_become_held_with_their_kind(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "data" / "personamgr.db"
    schema1_database(path, clock)
    st = Store.open(path, clock=clock)
    try:
        assert st.schema_version() == schema.SCHEMA_VERSION == 9
        posts = {p.text: p for p in Outbox(st).history()}
    finally:
        st.close()
    assert len(posts) == len(OLD_ROWS)  # every row kept
    held = {t: p.hold_kind for t, p in posts.items() if p.state is PostState.HELD}
    assert held == {"guard off-focus": HoldKind.OFF_FOCUS, "guard duplicate": HoldKind.NEAR_DUPLICATE,
                    "guard broken": HoldKind.UNCHECKED, "missed": HoldKind.MISSED}
    review = sorted(t for t, p in posts.items() if p.state is PostState.NEEDS_REVIEW)
    assert review == ["anyway then timeout", "interrupted", "thread half out"]
    assert posts["anyway then timeout"].override_text == "anyway then timeout"  # "post anyway" carried over
    (backup,) = (tmp_path / "data" / "backups").glob("*.db")
    assert "schema1" in backup.name
