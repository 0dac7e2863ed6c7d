"""Another program holding a profile's database: a real SQLite lock, for the tests of what a locked database says."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from personamgr.core import store as store_module


def take_lock(path: Path) -> sqlite3.Connection:
    """Another program takes the database's write lock, until it is rolled back (:func:`let_go`)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def let_go(other: sqlite3.Connection) -> None:
    other.execute("ROLLBACK")
    other.close()


@contextmanager
def locked(path: Path) -> Iterator[None]:
    other = take_lock(path)
    try:
        yield
    finally:
        let_go(other)


def say_locks_soon(monkeypatch: pytest.MonkeyPatch) -> None:
    """A locked database is said after 0.3 s rather than 15: call before the profile opens its database."""
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.3)
