"""pytest-qt's qtbot, whose waits for a condition or a signal give a slow machine time.

pytest-qt waits 5 s by default, and many tests said 5 s again: a shared CI machine with two slow cores can take
longer than that to start a worker, load the guard's model or answer through a fake server, and the test then
failed though nothing was wrong. A wait ends as soon as its condition comes true, so a longer one costs nothing
when the code works; it only makes a real failure take longer to report. ``qtbot.wait(ms)`` (a plain pause) is
left as it is: a test must not rely on one; so is a wait with ``raising=False``, which watches for a while (as
``assertNotEmitted`` does, for a signal that must not come) rather than waits for something.
"""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

PATIENCE_MS = 30_000
# The app in a process of its own (the real tray test): it starts Python, Qt and the guard's model before it
# answers, and a loaded machine can take several times longer than one in-process step.
PROCESS_PATIENCE_S = 90.0


def patient(timeout: int, kwargs: dict[str, Any]) -> int:
    """``timeout``, at least ``PATIENCE_MS`` unless the caller only watches (``raising=False``)."""
    return timeout if kwargs.get("raising") is False else max(timeout, PATIENCE_MS)


class PatientQtBot(QtBot):
    """Every wait for a condition, a signal or a window lasts at least ``PATIENCE_MS``."""

    def waitUntil(self, callback: Any, *, timeout: int = PATIENCE_MS) -> None:  # noqa: N802 (pytest-qt's name)
        super().waitUntil(callback, timeout=max(timeout, PATIENCE_MS))

    def waitSignal(self, signal: Any, *, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:  # noqa: N802
        return super().waitSignal(signal, timeout=patient(timeout, kwargs), **kwargs)

    def waitSignals(self, signals: Any, *, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:  # noqa: N802
        return super().waitSignals(signals, timeout=patient(timeout, kwargs), **kwargs)

    def waitCallback(self, *, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:  # noqa: N802
        return super().waitCallback(timeout=patient(timeout, kwargs), **kwargs)

    def waitExposed(self, widget: Any, *, timeout: int = PATIENCE_MS) -> Any:  # noqa: N802
        return super().waitExposed(widget, timeout=max(timeout, PATIENCE_MS))

    def waitActive(self, widget: Any, *, timeout: int = PATIENCE_MS) -> Any:  # noqa: N802
        return super().waitActive(widget, timeout=max(timeout, PATIENCE_MS))
