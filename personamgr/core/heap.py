"""The C heap's handling of large blocks, for a process that loads the guard.

Why: glibc's malloc serves a block of 128 KB or more with its own ``mmap``, given back to the system when freed,
but each such free raises that threshold to the freed block's size (up to 32 MB). After the guard's first few
numpy temporaries of several MB are freed, blocks of hundreds of KB (MiniLM's activations, the scorers' arrays)
come from the heap instead, and a heap hands little back: the freed space stays resident. Fixing the threshold
keeps large blocks apart, and `personamgr guard`'s peak RSS 14-41 MB lower on the shared benchmark's sets
(bench/README.md, "The guard's memory"). At 512 KB a check's own blocks stay on the heap: no ``mmap`` per check.
"""

from __future__ import annotations

import ctypes
import logging

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)
MMAP_THRESHOLD = 512 * 1024


def keep_large_blocks_apart(threshold: int = MMAP_THRESHOLD) -> bool:
    """Serve blocks of ``threshold`` bytes or more by ``mmap`` from now on, in the whole process. Returns
    False where the C library has no ``mallopt`` (macOS, Windows) or refuses; nothing changes there."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):  # TypeError: Windows needs a library name
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    done = bool(mallopt(M_MMAP_THRESHOLD, threshold))
    if not done:
        log.debug("mallopt(M_MMAP_THRESHOLD) refused")
    return done
