"""The app collects reference cycles on the GUI thread, never in a worker (gui/main_thread_gc.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from personamgr.gui import main_thread_gc


class _Cycle(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_the_collector_runs_on_the_gui_thread_from_its_timer(qtbot: object, monkeypatch: object) -> None:
    app = QApplication.instance()
    collector = main_thread_gc.install(app)
    assert main_thread_gc.install(app) is collector  # once per application
    assert not gc.isenabled()
    threads: list[threading.Thread] = []
    real = gc.collect

    def collect(generation: int = 2) -> int:
        threads.append(threading.current_thread())
        return real(generation)

    monkeypatch.setattr(gc, "collect", collect)  # type: ignore[attr-defined]
    before = gc.get_threshold()
    gc.set_threshold(1, *before[1:])
    try:
        obj = _Cycle()
        alive = weakref.ref(obj)
        del obj
        qtbot.waitUntil(lambda: alive() is None, timeout=5000)  # type: ignore[attr-defined]
    finally:
        gc.set_threshold(*before)
    assert threads and all(t is threading.main_thread() for t in threads)
