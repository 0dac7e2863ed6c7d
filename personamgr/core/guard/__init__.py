"""Persona guard: does a draft fit the persona it is about to be posted on, and which fits better?

Qt-free. ``Guard.load()`` once (in a worker), then ``guard.check(personas, text, persona, recent=...)``.
The model (int8 all-MiniLM-L6-v2 through onnxruntime) is imported lazily on load.

The names below are resolved on first use: the window imports the guard's light modules (its rules,
its result types) at start-up, and importing this package must not pull numpy in with them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from personamgr.core.guard.guard import Guard, UnknownPersona
    from personamgr.core.guard.scoring import Calibration
    from personamgr.core.guard.types import GuardResult, Reason

_WHERE = {"Guard": "guard", "UnknownPersona": "guard", "Calibration": "scoring", "GuardResult": "types",
          "Reason": "types"}
__all__ = ["Calibration", "Guard", "GuardResult", "Reason", "UnknownPersona"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
