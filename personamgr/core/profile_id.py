"""Which profile this is: a random id kept in the profile's own database, naming its keyring entries.

Two profiles on one computer (another ``--data-dir``, the demo, a test profile) can hold the same persona,
uid and all, because an export carries the uid. Credentials therefore belong to a (profile, persona) pair:
the keyring entry names both (see :meth:`SecretStore.for_profile`), so one profile can neither post with
nor delete another's login.

A copied profile folder carries the id in its database. The database also records where it lives; when
it is opened somewhere else while the original file is still there with the same id, it is a copy: it
gets an id of its own and its personas are no longer linked to their accounts, exactly as if they had been
imported: a test copy never posts as the real accounts, nor takes over their pre-profile keyring entries,
and posting from it says the persona is not connected yet. When the original is gone (the folder was
moved or renamed) or is the same file under another path (a symlink, a bind mount), the id stays and the
accounts keep working.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from personamgr.core import schema as s
from personamgr.core.store import Store

log = logging.getLogger(__name__)
KEY = "profile"  # in the settings table: {"id": 32 hex digits, "database": the file's resolved path}


def _valid(pid: object) -> bool:
    return isinstance(pid, str) and len(pid) == 32 and all(c in "0123456789abcdef" for c in pid)


def profile_id(store: Store) -> str:
    """This profile's id, made on first open, and made anew when this database turns out to be a copy."""
    here = str(store.path.resolve()) if store.path is not None else None
    with store.begin() as con:
        # The write lock: the window and the daemon opening a new profile together agree on one id.
        con.exec_driver_sql("BEGIN IMMEDIATE")
        row = con.execute(select(s.settings.c.value).where(s.settings.c.key == KEY)).first()
        found: dict[str, Any] = row[0] if row is not None and isinstance(row[0], dict) else {}
        pid, was = found.get("id"), found.get("database")
        if _valid(pid) and was == here:
            return str(pid)
        if not _valid(pid) or (here is not None and _copied(was, here, str(pid))):
            if _valid(pid):
                log.info("this profile is a copy of %s: it gets its own credentials; connect its accounts again",
                         was)
                con.execute(update(s.personas).where(s.personas.c.remote_user_id.is_not(None))
                            .values(remote_user_id=None, connection="ok"))
            pid = secrets.token_hex(16)
        value = {"id": pid, "database": here}
        if row is None:
            con.execute(insert(s.settings).values(key=KEY, value=value))
        else:
            con.execute(update(s.settings).where(s.settings.c.key == KEY).values(value=value))
    return str(pid)


def _copied(was: object, here: str, pid: str) -> bool:
    """Whether the database recorded at ``was`` is still there, is another file, and holds ``pid``."""
    if not isinstance(was, str):
        return False
    original = Path(was)
    try:
        if not original.exists() or original.samefile(here):
            return False  # moved, renamed, or the same file by another path
    except OSError:
        return False
    try:
        con = sqlite3.connect(f"{original.as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            row = con.execute("SELECT value FROM settings WHERE key = ?", (KEY,)).fetchone()
        finally:
            con.close()
        theirs = json.loads(row[0]).get("id") if row else None
    except (sqlite3.Error, ValueError, AttributeError, OSError):
        return True  # there but unreadable: sharing the credentials with it is the risk not to take
    return theirs == pid
