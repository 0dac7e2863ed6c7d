"""Run a callable off the GUI thread and get its result back on the GUI thread.

Each task runs in its own daemon thread rather than a pool: a keyring call can
hang for as long as an unlock prompt stays open, and a pool whose threads are
stuck would starve every later task (and block interpreter exit while joining).
Results and exceptions travel back through a queued signal, so callbacks always
run on the thread that owns :class:`Workers` (the GUI thread).

Tasks given a ``lane`` run one at a time, in the order they were submitted: the
writes of one kind (a persona's draft, then taking it out of the compose box)
must reach the database in the order the user made them, even when an earlier
one waits for a lock another program holds.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from personamgr.core.faults import STORAGE_ERRORS

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Workers(QObject):
    """Submit work with :meth:`submit`; ``done(result)`` or ``failed(error)`` is called on the GUI thread."""

    _finished = Signal(int, object, object)  # task id, result, exception
    idle = Signal()  # no task left running: tests and shutdown wait on it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None, str]] = {}
        self._lock = threading.Lock()
        self._lanes: dict[str, deque[tuple[int, Callable[[], Any], str]]] = {}  # waiting tasks, per busy lane
        self._lane_of: dict[int, str] = {}  # running lane task -> its lane
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: Callable[[], Any], *, done: Done | None = None, failed: Failed | None = None,
               name: str = "task", lane: str | None = None) -> int:
        """Start ``fn()`` in a background thread. Returns the task id.

        With ``lane``, ``fn`` starts only once every task submitted before it in that lane has finished and its
        ``done`` or ``failed`` has run.
        """
        task_id = next(self._ids)
        with self._lock:
            self._callbacks[task_id] = (done, failed, name)
            if lane is not None:
                waiting = self._lanes.get(lane)
                if waiting is not None:  # the lane is busy: wait for its turn
                    waiting.append((task_id, fn, name))
                    return task_id
                self._lanes[lane] = deque()
                self._lane_of[task_id] = lane
        self._start(task_id, fn, name)
        return task_id

    def remember(self, fn: Callable[[], Any], *, name: str, lane: str | None = None) -> int:
        """Run a write whose loss costs only a remembered choice (the active persona, the window's layout) in a
        background thread; if the profile cannot take it now, that is logged and the app goes on."""
        def failed(error: BaseException) -> None:
            if not isinstance(error, STORAGE_ERRORS):
                raise error
            log.warning("%s could not be written: %s", name, error)

        return self.submit(fn, failed=failed, name=name, lane=lane)

    def _start(self, task_id: int, fn: Callable[[], Any], name: str) -> None:
        def run() -> None:
            try:
                result, error = fn(), None
            except BaseException as e:  # delivered to the GUI thread, never lost in the thread
                result, error = None, e
            try:
                self._finished.emit(task_id, result, error)
            except RuntimeError:  # the window was torn down (quitting) while this ran: nobody is left to tell
                log.debug("%s finished after the window was gone", name, exc_info=error)

        threading.Thread(target=run, name=f"worker:{name}", daemon=True).start()

    def _next_in_lane(self, task_id: int) -> None:
        """``task_id`` has finished: start the next task of its lane, or mark the lane free."""
        with self._lock:
            lane = self._lane_of.pop(task_id, None)
            if lane is None:
                return
            waiting = self._lanes[lane]
            if not waiting:
                del self._lanes[lane]
                return
            following, fn, name = waiting.popleft()
            self._lane_of[following] = lane
        self._start(following, fn, name)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._callbacks)

    def wait(self, timeout: float, process: Callable[[], None] | None = None) -> bool:
        """Wait (processing events with ``process``) until no task is left, at most ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while self.pending and time.monotonic() < deadline:
            if process is not None:
                process()
            time.sleep(0.01)
        return not self.pending

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: object, error: object) -> None:
        with self._lock:
            done, failed, name = self._callbacks.pop(task_id, (None, None, "?"))
            empty = not self._callbacks
        try:
            if error is None:
                if done is not None:
                    done(result)
            elif failed is not None:
                failed(error)  # type: ignore[arg-type]
            else:
                log.error("background task %s failed", name, exc_info=error)  # type: ignore[arg-type]
        except RuntimeError as e:
            # The widget that asked is gone (a closed dialog, a window torn down): its answer has no reader.
            # PySide says "... already deleted" for a call, "Signal source has been deleted" for an emit
            if "already deleted" not in str(e) and "has been deleted" not in str(e):
                raise
            log.debug("result of %s arrived after its widget was deleted", name)
        finally:
            self._next_in_lane(task_id)
            if empty:
                self.idle.emit()


class StoreEvents(QObject):
    """Store change notifications, which arrive from any thread, re-emitted on the GUI thread."""

    changed = Signal(str)  # "personas", "posts", "settings"
    _raw = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._raw.connect(self._relay, Qt.ConnectionType.QueuedConnection)

    def listener(self, kind: str) -> None:
        """Pass to ``store.subscribe``; safe to call from any thread."""
        try:
            self._raw.emit(kind)
        except RuntimeError:  # the window is gone (quitting) while a worker still writes: nothing to update
            pass

    @Slot(str)
    def _relay(self, kind: str) -> None:
        self.changed.emit(kind)
