"""A guard against a reference-counting bug in PySide6 6.12 on Python 3.11.

Measured here (PySide6 6.12.0, CPython 3.11.7): a wrapped Qt call that returns
a null pointer or an empty/bool QVariant (``QApplication.activeModalWidget()``
with no dialog, ``QListWidget.currentItem()`` with no selection,
``QObject.property()``...) hands back ``None``/``True``/``False`` without
taking a reference, so every such call steals one reference from the
singleton. The deficit surfaces as "Fatal Python error: none_dealloc" (or
``bool_dealloc``) at interpreter exit, or mid-run once enough calls have been
made in a long-running tray app. Python 3.12+ makes these singletons immortal,
so the bug is harmless there.

The GUI avoids such calls where it can; this module also adds a large
number of references to the three singletons, once, and never gives them
back (what Python 3.12 does by making them immortal), so a deficit can
never reach zero, neither mid-run nor at exit. Remove it once PySide6 is
fixed or Python ≥ 3.12 is the minimum.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # far beyond any number of calls a session can make

_done = False


def guard_singletons() -> None:
    """Idempotent; a no-op where the singletons are already immortal (Python ≥ 3.12)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _done = True
