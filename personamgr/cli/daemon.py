"""``personamgr daemon``: the scheduler without a window, for a home server.

It takes the same per-profile lock as the window, so the two never schedule
at once. It logs to the profile's log folder (platformdirs, or ``--data-dir``)
and stops cleanly on SIGTERM or Ctrl+C: planning stops, a post being sent is
allowed to finish, and the lock is released. It never imports Qt: the lock and
the socket the CLI reaches it through are plain OS primitives
(``core.instance``), and the main thread just waits for a signal.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from typing import Any

from personamgr import __version__
from personamgr.cli.arg_types import tick_seconds
from personamgr.cli.common import prepare_profile
from personamgr.cli.errors import CliError

log = logging.getLogger("personamgr.daemon")


def register(p: argparse.ArgumentParser) -> None:
    p.description = ("Send scheduled posts without opening the window. Logs go to the profile's "
                     "log folder. Only one scheduler (window or daemon) runs per profile.")
    p.add_argument("--tick", type=tick_seconds, default=30.0, metavar="SECONDS",
                   help="how often to re-read the outbox and check for a clock gap (default 30)")
    p.add_argument("--no-guard", action="store_true",
                   help="do not re-check scheduled posts with the persona guard just before sending them")
    p.add_argument("--yield-to-window", action="store_true",
                   help="stop (cleanly) when the window is opened on this profile, which then takes over sending, "
                   "without asking; the window starts the daemon this way when you quit it with posts scheduled "
                   "(otherwise the window asks whether to stop the daemon)")
    p.set_defaults(func=cmd_daemon)


def cmd_daemon(args: argparse.Namespace) -> int:
    from personamgr.core.instance import InstanceError, InstanceLock, claim
    from personamgr.core.scheduling import EventKind, ScheduleEngine, SchedulerEvent
    from personamgr.core.scheduling.driver import SchedulerDriver
    from personamgr.core.scheduling.guard_check import make_guard_check
    from personamgr.core.services import open_services
    from personamgr.core.store import StoreError

    paths = prepare_profile(args)
    driver: SchedulerDriver | None = None
    stop = threading.Event()  # set by SIGTERM, Ctrl+C, or the window taking over

    def handle(request: dict[str, Any]) -> dict[str, Any]:  # on the socket's thread: quick and thread-safe
        action = request.get("action")
        if action == "reconcile":
            if driver is not None:
                driver.poke()
            return {"ok": True, "message": "the daemon will look at the outbox again"}
        if action == "ping":
            return {"ok": True, "message": "running"}
        if action == "handover" and (args.yield_to_window or request.get("asked_by_user")):
            log.info("the window is opening on this profile%s: handing sending over to it",
                     "" if args.yield_to_window else " and its user chose to stop the daemon")
            stop.set()  # the main thread shuts down as on SIGTERM; this reply is written first
            return {"ok": True, "message": "stopping: the window takes over"}
        return {"ok": False, "yields": bool(args.yield_to_window),
                "message": "personamgr daemon is running for this profile and has no window. "
                "Stop it (it stops cleanly on SIGTERM) to open the app on this profile."}

    try:
        primary = claim(paths, "daemon", handle)
    except InstanceError as e:
        raise CliError(str(e)) from None
    if primary is None:
        holder = InstanceLock(paths, "daemon").holder()
        who = f"the {'window' if holder.role == 'app' else holder.role} (pid {holder.pid})" if holder else "another"
        raise CliError(f"{who} is already scheduling posts for this profile ({paths.data}); "
                       "only one scheduler may run per profile, so the daemon did not start")
    try:
        try:
            services = open_services(paths)
        except StoreError as e:
            raise CliError(str(e)) from None
        if not args.no_guard:
            services.pre_send_check = services.poster.pre_send_check = make_guard_check(services.store,
                                                                                     services.outbox)
        from personamgr.core.media import prune

        prune(services.store, services.media_dir)  # copies left by a crash between copying and saving
        engine = ScheduleEngine(services)

        def on_event(event: SchedulerEvent) -> None:
            level = logging.WARNING if event.kind not in (EventKind.SENT, EventKind.RETRY) else logging.INFO
            log.log(level, "[%s] post %s: %s", event.kind.value, event.post_id, event.message)

        engine.subscribe(on_event)
        driver = SchedulerDriver(engine, tick_seconds=args.tick)

        stopping = {"signal": None}

        def on_signal(signum: int, _frame: object) -> None:
            stopping["signal"] = signum  # type: ignore[assignment]
            stop.set()

        previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
        driver.start()
        log.info("personamgr %s daemon started (pid %d) on %s", __version__, os.getpid(), paths.data)
        print(f"personamgr daemon running (pid {os.getpid()}) on {paths.data}; logging to {paths.log_file}",
              file=sys.stderr, flush=True)
        try:
            while not stop.wait(0.5):  # a timeout, so the signal handler runs promptly on every platform
                pass
        finally:
            log.info("stopping (signal %s): waiting for any post being sent", stopping["signal"])
            driver.stop(wait=True)
            services.close()
            for s, h in previous.items():
                signal.signal(s, h)
            log.info("daemon stopped cleanly")
    finally:
        primary.close()
    return 0
