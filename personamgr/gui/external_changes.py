"""The window follows what other processes write to the profile (a CLI ``queue add``, a failed ``post
--thread``, the background sender): the schedule panel, calendar, inbox, history and tray badge refresh exactly as
after the window's own writes, because the change is announced through the same ``Store.notify``.

The check (``core.external_writes``) runs in a worker every ``POLL_MS``; it costs one PRAGMA when nothing changed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from personamgr.core.external_writes import KINDS, ExternalWrites
from personamgr.core.store import Store
from personamgr.gui.workers import Workers

log = logging.getLogger(__name__)

POLL_MS = 1000  # how late another process' change may show


class ExternalChanges(QObject):
    def __init__(self, store: Store, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workers = workers
        self._watch: ExternalWrites | None = None
        self._busy = False
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)

    def start(self) -> None:
        if self.store.path is not None:  # an in-memory store has no other writers
            self.timer.start()
            self._poll()  # the baseline now, not a tick later

    def stop(self) -> None:
        self.timer.stop()
        self._stopped = True
        if not self._busy:
            self._close()

    def _poll(self) -> None:
        if self._busy:
            return  # the last check is still running (a busy disk): no pile-up
        self._busy = True
        self.workers.submit(self._check, done=self._announce, failed=self._failed, name="external-writes")

    def _check(self) -> list[str]:
        if self._watch is None:
            assert self.store.path is not None
            self._watch = ExternalWrites(self.store.path)
            # What was written between the views' first read and this baseline would never differ from it:
            # refresh everything once, so nothing written meanwhile is missed.
            return list(KINDS)
        return self._watch.poll()

    def _announce(self, kinds: list[str]) -> None:
        self._busy = False
        if self._stopped:
            self._close()
            return
        for kind in kinds:
            self.store.notify(kind)  # the same refresh as after the window's own writes

    def _failed(self, error: BaseException) -> None:
        """A locked or damaged database is reported by whatever reads it next; this only watches, so it waits
        for the next tick (opening again if the connection went bad)."""
        self._busy = False
        log.debug("checking for other processes' writes failed: %s", error)
        self._close()

    def _close(self) -> None:
        watch, self._watch = self._watch, None
        if watch is not None:
            watch.close()
