"""The window's side of the single-instance lock, and starting its scheduler.

``personamgr`` takes the profile's lock (``core.instance``, shared with the
daemon) before anything can touch the outbox (recovering interrupted posts is
only safe for the one scheduler). A second launch forwards its request
(``--compose`` or just "show the window") to the first and exits; if
``personamgr daemon`` holds the profile, it says so. The lock's socket answers
on its own thread; :class:`Requests` carries what it asks for to the GUI thread.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from personamgr.core.i18n import translate
from personamgr.core.instance import (
    BROUGHT_FORWARD,
    InstanceError,
    Primary,
    ProtocolMismatch,
    claim,
    forward,
    window_request,
)
from personamgr.core.paths import AppPaths
from personamgr.gui.a11y import with_letters
from personamgr.gui.scheduling_ui import SchedulingUi, attach_scheduling

log = logging.getLogger(__name__)

HANDOVER_WAIT_S = 15.0  # the daemon lets a post being sent finish before it lets go of the profile


def _refuse(message: str, title: str = "", *, shown: bool = True) -> int:
    """Say why the window does not open: on stderr, and in a dialog unless ``shown`` is False (the user already
    answered one) or nobody could click it (offscreen)."""
    log.error("%s", message)
    print(f"personamgr: error: {message}", file=sys.stderr)
    if shown and QGuiApplication.platformName() != "offscreen":
        refusal_box(message, title).exec()
    return 1


def refusal_box(message: str, title: str = "") -> QMessageBox:
    """The notice saying why the window does not open, its OK reached by an Alt-letter."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or translate("app_instance", "personamgr is already running"),
                      message, QMessageBox.StandardButton.Ok)  # made now, not as it shows: lettered below
    box.setObjectName("alreadyRunning")
    return with_letters(box)


def claim_or_forward(paths: AppPaths, args: argparse.Namespace, requests: Requests | None = None, *,
                     interactive: bool | None = None) -> Primary | int:
    """This process' lock and socket (answering through ``requests`` from then on), or the exit code after
    forwarding the request to the running one. ``interactive``: whether a dialog can be answered (default: not
    on the offscreen platform)."""
    try:
        primary = claim(paths, "app", requests.handle if requests else None)
    except InstanceError as e:  # the lock could not be written, or its folder is not safe: nothing else runs
        return _refuse(str(e), translate("app_instance", "personamgr cannot start"))
    if primary is not None:
        return primary
    request = window_request(bool(getattr(args, "compose", False)))
    try:
        reply = forward(paths, request)
    except ProtocolMismatch as e:
        return _refuse(translate("AppInstance", "Another personamgr is running for this profile ({folder}): "
                                 "{error}").format(folder=paths.data, error=e))
    if reply and reply.get("ok"):
        log.info("personamgr is already running (pid %s); asked it to %s", reply.get("pid"), request["action"])
        print(BROUGHT_FORWARD, file=sys.stderr)
        return 0
    if reply and reply.get("role") == "daemon":
        if interactive is None:
            interactive = QGuiApplication.platformName() != "offscreen"  # offscreen: nobody could answer
        # The daemon the window started when it quit steps aside by itself; one started by hand, if the user says.
        asked = not reply.get("yields")
        if asked and not (interactive and _user_takes_over(paths, reply)):
            return _refuse(daemon_running_message(paths, reply), shown=not interactive)
        taken = _take_over_from_daemon(paths, requests, asked_by_user=asked)
        if isinstance(taken, Primary):
            return taken
        if taken:  # it agreed to stop, but a post it is sending has not finished yet
            return _refuse(translate("AppInstance", "The background sender is finishing a post it is sending for "
                                     "this profile ({folder}); it stops once that is done. Open personamgr again in "
                                     "a moment.").format(folder=paths.data))
        return _refuse(daemon_running_message(paths, reply))  # another version's daemon, that does not stop
    return _refuse(translate("AppInstance", "Another personamgr is running for this profile ({folder}) but did not "
                             "answer. If it is stuck, stop it, then start personamgr again.").format(folder=paths.data))


def daemon_running_message(paths: AppPaths, reply: dict[str, Any]) -> str:
    """What runs instead of the window, and the way out."""
    return translate("AppInstance", "personamgr daemon (pid {pid}) is sending the scheduled posts of this profile "
                     "({folder}), and only one of them may send. Stop it (it stops cleanly on SIGTERM: kill {pid}), "
                     "then open personamgr again.").format(pid=reply.get("pid"), folder=paths.data)


def _user_takes_over(paths: AppPaths, reply: dict[str, Any]) -> bool:
    """Ask whether to stop the daemon and open the window instead. True: stop it."""
    box = take_over_box(paths, reply)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "takeOver"


def take_over_box(paths: AppPaths, reply: dict[str, Any]) -> QMessageBox:
    """The question whether the window takes over from the daemon ``reply`` names (Keep the daemon, the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("AppInstance", "personamgr daemon is sending"),
                      translate("AppInstance", "personamgr daemon (pid {pid}) is sending the scheduled posts of this "
                                "profile ({folder}). Only one of them may send, so the window cannot open beside "
                                "it.").format(pid=reply.get("pid"), folder=paths.data))
    box.setObjectName("takeOverSender")
    box.setInformativeText(translate("AppInstance", "Stop the daemon and open the window, which then sends them? A "
                                     "post it is sending finishes first."))
    take = box.addButton(translate("AppInstance", "Stop the daemon and open"), QMessageBox.ButtonRole.AcceptRole)
    take.setObjectName("takeOver")
    keep = box.addButton(translate("AppInstance", "Keep the daemon"), QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepDaemon")
    with_letters(box)
    box.setDefaultButton(keep)
    return box


def _take_over_from_daemon(paths: AppPaths, requests: Requests | None, *,
                           asked_by_user: bool = False) -> Primary | bool:
    """Ask the daemon to stop (a ``--yield-to-window`` one, or any once the user said so), and take the profile
    once it has (a post in flight finishes). False if it did not agree; True if it agreed but still held the
    profile when the wait ran out."""
    reply = forward(paths, {"action": "handover", "asked_by_user": asked_by_user})
    if not (reply and reply.get("ok")):
        return False
    deadline = time.monotonic() + HANDOVER_WAIT_S
    while time.monotonic() < deadline:
        primary = claim(paths, "app", requests.handle if requests else None)
        if primary is not None:
            log.info("took over sending from the background sender (pid %s)", reply.get("pid"))
            return primary
        time.sleep(0.1)
    return True


class Requests(QObject):
    """Requests from later launches and the CLI, answered on the socket's thread and handed to the GUI thread.

    It answers from the moment the lock is taken: a request that arrives while the profile is still opening
    waits in Qt's queue until the window is there to act on it (never answered yes and dropped)."""

    arrived = Signal(str)  # the action
    _raw = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._raw.connect(self.arrived, Qt.ConnectionType.QueuedConnection)
        self.poke: Callable[[], None] | None = None  # wakes the scheduler's reconciler once it runs

    def post(self, action: str) -> None:
        """From any thread."""
        try:
            self._raw.emit(action)
        except RuntimeError:  # quitting: the window is gone
            pass

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        """On the socket's thread: quick, and thread-safe."""
        action = request.get("action")
        log.info("request from another launch: %s", action)
        if action in ("compose", "activate"):
            self.post(str(action))
        elif action == "reconcile":
            if self.poke is not None:  # before the scheduler runs, its first reconcile reads the change anyway
                self.poke()
        elif action != "ping":
            return {"ok": False, "message": f"unknown request {action!r}"}
        return {"ok": True, "message": "done"}


def start_scheduling(shell: Any, primary: Primary, requests: Requests | None = None) -> SchedulingUi:
    """Attach the scheduler and its views to the shell, answer later launches, and start sending."""
    from personamgr.core.scheduling.guard_check import make_guard_check

    services = shell.services
    # The guard looks again just before a scheduled post goes out (the model loads then, in that worker).
    services.pre_send_check = services.poster.pre_send_check = make_guard_check(services.store, services.outbox)
    ui = attach_scheduling(shell)

    requests = requests or Requests(shell.window)
    requests.arrived.connect(lambda action: shell.compose() if action == "compose" else shell.show_window())
    requests.poke = ui.bridge.poke  # thread-safe: it only wakes the reconciler
    primary.server.handler = requests.handle
    _quit_on_sigterm(shell)
    from personamgr.core.media import prune

    # Image copies left by a crash between copying and saving (only this one scheduler may tidy them).
    shell.workers.submit(lambda: prune(services.store, services.media_dir), name="prune media")
    ui.start()
    return ui


def _quit_on_sigterm(shell: Any) -> None:
    """Logout sends SIGTERM: shut down as Quit does (save the draft, let a post in flight finish)."""
    if threading.current_thread() is not threading.main_thread():
        return
    signal.signal(signal.SIGTERM, lambda _s, _f: QTimer.singleShot(0, shell.shutdown))
    heartbeat = QTimer(shell.window)  # Qt's loop is C++: wake Python now and then so the handler runs
    heartbeat.setObjectName("sigtermHeartbeat")
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
