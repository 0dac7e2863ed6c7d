"""APScheduler 3.11 drives the timing; the outbox stays the source of truth.

Jobs are never stored: they are *derived* from the outbox (posts due within
the next hour) at start-up, after every change (``store.subscribe``), every
``tick_seconds``, and at once when a clock gap shows the machine slept. Every
job has ``misfire_grace_time=None`` so APScheduler never drops a late job;
lateness is judged by the persona's missed-post policy in
:meth:`ScheduleEngine.fire`.

A ``BackgroundScheduler`` is used in the GUI too (the stock ``QtScheduler`` is
broken under PySide6, see design.md); the GUI receives results as events and
marshals them to its own thread. One reconciler thread, woken by an Event,
coalesces bursts of changes into one pass and never blocks whoever changed
the database.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler

from personamgr.core.outbox import PostState
from personamgr.core.scheduling.engine import ScheduleEngine

log = logging.getLogger(__name__)
JOB_PREFIX = "post:"


class SchedulerDriver:
    """Runs a :class:`ScheduleEngine` on real time. ``start()`` once, ``stop()`` once."""

    def __init__(self, engine: ScheduleEngine, *, tick_seconds: float = 30.0, workers: int = 4) -> None:
        # APScheduler logs every job added and removed at INFO; the engine logs what matters to the user.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        self.engine = engine
        self.tick_seconds = tick_seconds
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            executors={"default": ThreadPoolExecutor(max_workers=workers)},
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        self._jobs: dict[int, datetime] = {}
        self._jobs_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._local = threading.local()  # marks the scheduler's own sending threads
        self.passes = 0  # reconcile passes done (for tests and the benchmark)
        self.ready = threading.Event()  # set after the first pass

    # -- life cycle ----------------------------------------------------------------------
    def start(self) -> None:
        self.engine.start()
        self.engine.store.subscribe(self._changed)
        self.scheduler.start()
        self._thread = threading.Thread(target=self._loop, name="personamgr-reconcile", daemon=True)
        self._thread.start()

    def stop(self, wait: bool = True) -> None:
        """Stop planning, then wait for posts being sent right now to finish (so none is left in ``sending``)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=wait)

    @property
    def running(self) -> bool:
        return self.scheduler.running and not self._stopping.is_set()

    def poke(self) -> None:
        """Reconcile soon: the database changed (maybe from another process), or the machine woke up."""
        self._wake.set()

    def _changed(self, kind: str) -> None:
        # A post's own sending (sending -> sent) changes nothing the plan depends on; skipping those
        # keeps the reconciler off the CPU while a burst of posts goes out. _run pokes when it matters.
        if getattr(self._local, "sending", False):
            return
        if kind in ("posts", "personas", "settings") and not self._stopping.is_set():
            self._wake.set()

    # -- reconciling ---------------------------------------------------------------------
    def _loop(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                self.engine.tick()
                self.sync()
            except Exception:
                log.exception("reconciling the schedule failed; retrying in %s s", self.tick_seconds)
            self.passes += 1
            if not self.ready.is_set():
                self.ready.set()
                self.engine.warm_up()
            self._wake.wait(self.tick_seconds)

    def sync(self) -> None:
        """Make APScheduler's jobs match the outbox."""
        plan = self.engine.plan()
        wanted: dict[int, datetime | None] = {pid: None for pid in plan.due_now}
        wanted.update(dict(plan.later))
        with self._jobs_lock:
            for pid, due in wanted.items():
                if pid in self._jobs and self._jobs[pid] == due and due is not None:
                    continue
                self._jobs[pid] = due  # type: ignore[assignment]
                self.scheduler.add_job(self._run, "date", run_date=due, args=(pid,), id=f"{JOB_PREFIX}{pid}",
                                       replace_existing=True, name=f"send post {pid}")  # English: a log name
            for pid in [p for p in self._jobs if p not in wanted]:
                del self._jobs[pid]
                try:
                    self.scheduler.remove_job(f"{JOB_PREFIX}{pid}")
                except JobLookupError:
                    pass

    def _run(self, post_id: int) -> None:
        with self._jobs_lock:
            self._jobs.pop(post_id, None)
        self._local.sending = True
        try:
            result = self.engine.fire(post_id)
        finally:
            self._local.sending = False
        if result is None or result.state is not PostState.SENT:
            self.poke()  # a retry time, a hold or a skip changes the plan

    def job_ids(self) -> list[int]:
        """Post ids APScheduler currently holds a job for."""
        return sorted(int(j.id[len(JOB_PREFIX):]) for j in self.scheduler.get_jobs() if j.id.startswith(JOB_PREFIX))
