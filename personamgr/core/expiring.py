"""Answers kept for a while: a value by key, used until its time is up, then asked for again.

Thread-safe: the scheduler's and the window's workers may ask at once. Kept in this process only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from datetime import datetime, timedelta
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Expiring(Generic[K, V]):
    """Values by key, each used for ``keep`` from when it was put (or as long as ``keep(value)`` says, when the value
    itself says), by the ``now`` clock."""

    def __init__(self, now: Callable[[], datetime], keep: timedelta | Callable[[V], timedelta]) -> None:
        self._now = now
        self._keep = keep
        self._lock = threading.Lock()
        self._kept: dict[K, tuple[V, datetime]] = {}  # the value, and until when it may be used

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._kept.get(key)
        return found[0] if found is not None and self._now() < found[1] else None

    def put(self, key: K, value: V) -> V:
        now = self._now()
        until = now + (self._keep if isinstance(self._keep, timedelta) else self._keep(value))
        with self._lock:
            self._kept = {k: v for k, v in self._kept.items() if now < v[1]}
            self._kept[key] = (value, until)
        return value

    def forget(self, key: K) -> None:
        with self._lock:
            self._kept.pop(key, None)
