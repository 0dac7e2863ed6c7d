"""Settling and tearing down a window built by ``build_shell`` in a test."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from personamgr.gui.app import Shell
from personamgr.gui.coalescing import queued_refreshes, refresh_queued
from personamgr.gui.workers import Workers

T = TypeVar("T")


def settled(shell: Shell) -> bool:
    """No background task is running, and no view waits for its coalescing pause to read again: on a slow machine
    a refresh queued by a change (one at start-up included) otherwise lands in the middle of what a test does next."""
    return not (shell.workers.pending or shell.drafts.writing or refresh_queued(shell.window))


def wait_idle(shell: Shell, timeout: float = 30) -> None:
    """Let background tasks (history reads, keyring checks, the drafts' writes) and the views' queued refreshes
    finish and deliver their results."""
    app = QApplication.instance()
    deadline = time.monotonic() + timeout
    while True:
        if app is not None:
            app.processEvents()  # first: a change notified from another thread arrives as a queued event
        if settled(shell):
            if app is not None:
                app.processEvents()  # what the last results posted runs too: a view's delayed layout, zero timers
            if settled(shell):
                return
        assert time.monotonic() < deadline, f"the window never settled in {timeout:g} s: {unsettled(shell)}"
        time.sleep(0.01)


def unsettled(shell: Shell) -> str:
    """What keeps ``shell`` from settling, in words, for a wait that gives up."""
    said = [f"tasks running: {', '.join(running_tasks()) or 'none by name'}"] if shell.workers.pending else []
    if shell.drafts.writing:
        said.append("a draft is being written")
    queued = [view.objectName() or type(view).__name__ for view in queued_refreshes(shell.window)]
    if queued:
        said.append(f"refreshes waiting for their pause in {', '.join(queued)}")
    return "; ".join(said) or "nothing pending any more"


def close_shell(shell: Shell) -> None:
    """Let the shell's background tasks finish, hide it, and schedule its window and tray menu for deletion."""
    app = QApplication.instance()
    shell.window.close_to_tray = False
    if shell.external is not None:
        shell.external.stop()
    finished = shell.workers.wait(30, app.processEvents if app else None)
    shell.drafts.stop()  # a write the test left failing is not tried again once the window is gone
    shell.tray.hide()
    shell.window.hide()
    shell.window.deleteLater()
    shell.tray.menu.deleteLater()
    # A task still running would deliver its result in whichever test runs next: fail the test that left it.
    assert finished, f"background tasks outlived the test: {', '.join(running_tasks())}"


def finish_tasks(workers: Workers, timeout: float = 30) -> None:
    """Let ``workers``' background tasks finish and deliver their results. A task still running would deliver in
    whichever test runs next: the test that left it fails, naming it."""
    app = QApplication.instance()
    assert workers.wait(timeout, app.processEvents if app else None), (
        f"background tasks outlived the test: {', '.join(running_tasks())}")


def running_tasks() -> list[str]:
    """The names of the workers' threads still running (gui/workers.py names each ``worker:<task>``)."""
    return sorted(t.name for t in threading.enumerate() if t.name.startswith("worker:"))


def settle_layout(widget: QWidget, timeout: float = 30) -> None:
    """Deliver events until ``widget`` and everything in it keep their geometry three rounds in a row.

    A layout settles over several rounds of events (a resize posts a layout request, a dialog fits itself in a
    zero timer, which resizes it again): ``qtbot.wait(50)`` gave it 50 ms, which on a slow machine is one round.
    """
    app = QApplication.instance()
    assert app is not None

    def shape() -> list[tuple[bool, QRect]]:
        return [(widget.isVisible(), widget.geometry())] + [(w.isVisible(), w.geometry())
                                                            for w in widget.findChildren(QWidget)]

    deadline = time.monotonic() + timeout
    last: list[tuple[bool, QRect]] = []
    calm = 0
    while True:
        app.processEvents()
        now = shape()
        calm = calm + 1 if now == last else 0
        if calm == 3:
            return
        if time.monotonic() >= deadline:
            moving = [w for w, was, is_ in zip([widget, *widget.findChildren(QWidget)], last, now, strict=False)
                      if was != is_]
            names = ", ".join(w.objectName() or type(w).__name__ for w in moving[:10]) or "widgets came or went"
            raise AssertionError(f"the layout never settled in {timeout:g} s; still moving: {names}")
        last = now


def when_shown(find: Callable[[], T | None], act: Callable[[T], object], timeout: float = 30) -> None:
    """Call ``act(it)`` once ``find()`` returns it: for a modal dialog or a menu that runs its own event loop, so
    the test waits inside it. A single timer at a guessed delay fired before a slow machine showed it, found
    nothing, and left the dialog open forever. Past ``timeout`` it stops looking (the test's own wait fails)."""
    deadline = time.monotonic() + timeout

    def look() -> None:
        it = find()
        if it is not None:
            act(it)
        elif time.monotonic() < deadline:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
