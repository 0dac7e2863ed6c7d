"""Persona guard: does a draft fit the persona it is about to be posted on, and which fits better?

Qt-free. ``Guard.load()`` once (in a worker), then ``guard.check(personas, text, persona, recent=...)``.
The model (int8 all-MiniLM-L6-v2 through onnxruntime) is imported lazily on load.
"""

from personamgr.core.guard.guard import Guard, UnknownPersona
from personamgr.core.guard.scoring import Calibration
from personamgr.core.guard.types import GuardResult, Reason

__all__ = ["Calibration", "Guard", "GuardResult", "Reason", "UnknownPersona"]
