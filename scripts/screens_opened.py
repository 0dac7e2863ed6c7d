"""The one way the screen walk (scripts/screenshots and its screens_*.py) takes a question or dialog it opened:
one that did not open stops the walk, naming it.

The walk read ``if box is not None: save(...)``: a question that failed to open was skipped (or the last one
kept, closed, was saved in its place) and the run still ended well, so a missing screen went unseen.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class NotOpened(RuntimeError):
    """A screen the walk opened is not there to render."""


def opened(widget: W | None, screen: str) -> W:
    """``widget``, shown: the question or dialog the walk just opened for ``screen``; else NotOpened."""
    if widget is None:
        raise NotOpened(f"{screen}: nothing opened")
    if not widget.isVisible():
        raise NotOpened(f"{screen}: {type(widget).__name__}({widget.objectName()!r}) is not shown "
                        "(it closed, or it is one opened before)")
    return widget
