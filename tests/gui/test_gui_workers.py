"""Workers: results come back on the GUI thread, failures reach their handler, and an answer for a
widget that has since been deleted is dropped instead of crashing the app."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QLabel

from personamgr.gui.workers import Workers

pytestmark = pytest.mark.gui


def wait(workers: Workers) -> None:
    app = QApplication.instance()
    assert workers.wait(10, app.processEvents if app else None)


def test_result_and_failure_arrive_on_the_gui_thread(qtbot) -> None:
    workers = Workers()
    seen: list[tuple[str, object, bool]] = []
    gui = QThread.currentThread()
    workers.submit(lambda: threading.current_thread().name, name="name",
                   done=lambda r: seen.append(("done", r, QThread.currentThread() is gui)))
    workers.submit(lambda: 1 / 0, name="boom",
                   failed=lambda e: seen.append(("failed", type(e).__name__, QThread.currentThread() is gui)))
    wait(workers)
    assert sorted(seen) == [("done", "worker:name", True), ("failed", "ZeroDivisionError", True)]


def test_an_answer_for_a_deleted_widget_is_dropped(qtbot) -> None:
    workers = Workers()
    label = QLabel()
    release = threading.Event()
    workers.submit(lambda: release.wait(10) and "late", done=label.setText, name="late")
    shiboken6.delete(label)  # the label is gone before the answer comes
    assert not shiboken6.isValid(label)
    release.set()
    wait(workers)  # no RuntimeError escapes into the event loop
    assert workers.pending == 0


class _Model(QObject):
    changed = Signal(str)

    def receive(self, value: str) -> None:
        self.changed.emit(value)


def test_an_answer_whose_emitter_was_deleted_is_dropped(qtbot) -> None:
    """A controller torn down with its window: emitting on it raises "Signal source has been deleted"."""
    workers = Workers()
    model = _Model()
    release = threading.Event()
    workers.submit(lambda: release.wait(10) and "late", done=model.receive, name="late")
    shiboken6.delete(model)
    release.set()
    wait(workers)  # no RuntimeError escapes into the event loop
    assert workers.pending == 0
