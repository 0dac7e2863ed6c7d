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
