"""Pausing Python's cyclic garbage collector while a bulk job builds many small objects.

Reading a long personas file creates millions of dicts, lists and tuples that all stay alive until the
job ends. Each allocation counts towards the collector's thresholds, so it keeps walking objects that
can never be garbage, which costs a large share of the job (bench/README.md, bench/import). The job
makes no reference cycles worth collecting early, so the collector is paused for its length and runs
again afterwards. Reference counting still frees everything else at once.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # jobs running with the collector paused (threads or nesting)
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic collector off; it comes back on when the last such block ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def paused() -> bool:
    """Whether a bulk job has the collector paused (``paused_gc``)."""
    return _depth > 0


def collect_if_due() -> int:
    """Collect what the automatic collector would collect now, in the calling thread; the number of objects found.

    For a process whose automatic collection is off so that it runs in one chosen thread (the GUI's: see
    ``gui/main_thread_gc.py``): the generations whose counts passed their thresholds are collected, as
    the automatic collector would; nothing while a bulk job has the collector paused."""
    if paused():
        return 0
    (count0, count1, count2), (limit0, limit1, limit2) = gc.get_count(), gc.get_threshold()
    if count0 <= limit0:
        return 0
    generation = 2 if count1 > limit1 and count2 > limit2 else 1 if count1 > limit1 else 0
    return gc.collect(generation)
