"""Another program holding a profile's database: a real SQLite lock, for the tests of what a locked database says.

A write meeting the lock waits for it (the store's busy timeout, 15 s) before it says the database is locked. With
:func:`say_locks_soon` (the fixture ``quick_locks``) it waits :data:`QUICK_WAIT_S` instead, but only while a test holds
the lock (:func:`take_lock`, :func:`locked`): the rest of the time the store's own wait stands. SQLite's wait is the
same whoever holds the lock, and personamgr's own writes meet each other too (the window's draft, the scheduler's
pass, a sender's record): shortened for a whole test, a write of its own that held the lock for a moment longer on
a slow machine could make the next one say "locked by another program" where no other program was.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

from personamgr.core import store as store_module

QUICK_WAIT_S = 0.3  # how long a write waits for a test's lock with quick locks, rather than the store's 15 s


class _Quick:
    """Whether the running test asked for quick locks, the store's own wait, and how many of its locks are held."""

    on = False
    usual_s = store_module.BUSY_TIMEOUT_S
    held = 0
    guard = threading.Lock()


def _wait_s() -> float:
    return QUICK_WAIT_S if _Quick.on and _Quick.held else _Quick.usual_s


@event.listens_for(Pool, "checkout")
def _wait_as_the_lock_is_now(dbapi_con: object, _record: object, _proxy: object) -> None:
    """The store's connections are checked out per transaction; each is given the wait that stands now (a
    connection keeps the wait it was opened with otherwise)."""
    if _Quick.on and isinstance(dbapi_con, sqlite3.Connection):
        dbapi_con.execute(f"PRAGMA busy_timeout={int(_wait_s() * 1000)}")


def _set_wait() -> None:
    if _Quick.on:
        store_module.BUSY_TIMEOUT_S = _wait_s()  # what a connection opened now is given (Store.open, inspect_file)


def say_locks_soon(monkeypatch: pytest.MonkeyPatch) -> None:
    """While the test holds the database's lock, a write gives up after QUICK_WAIT_S rather than 15 s. Call before
    the test takes its lock; undone when the test ends."""
    monkeypatch.setattr(_Quick, "on", True)
    monkeypatch.setattr(_Quick, "held", 0)  # a lock an earlier test never let go of is no lock of this test's
    monkeypatch.setattr(_Quick, "usual_s", store_module.BUSY_TIMEOUT_S)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", _Quick.usual_s)  # put back when the test ends


def take_lock(path: Path) -> sqlite3.Connection:
    """Another program takes the database's write lock, until it is rolled back (:func:`let_go`)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with _Quick.guard:
        _Quick.held += 1
        _set_wait()
    return other


def let_go(other: sqlite3.Connection) -> None:
    other.execute("ROLLBACK")
    other.close()
    with _Quick.guard:
        _Quick.held -= 1
        _set_wait()


@contextmanager
def locked(path: Path) -> Iterator[None]:
    other = take_lock(path)
    try:
        yield
    finally:
        let_go(other)
