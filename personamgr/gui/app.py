"""Start the desktop app: paths, logging, services, then the window and the tray.

``run_app`` is what ``personamgr`` with no subcommand calls. :func:`build_shell`
wires the GUI over a :class:`Services` and is shared with the tests and the
screenshot script, so they exercise exactly what users run.

Start-up stays lean: only what the first frame needs is imported here (no
tweepy, APScheduler or guard models).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from personamgr import __version__
from personamgr.core.autostart import Autostart
from personamgr.core.i18n import translate
from personamgr.core.outbox import Post, PostState
from personamgr.core.paths import HOME_ENV, AppPaths
from personamgr.core.services import Services
from personamgr.gui import main_thread_gc
from personamgr.gui.a11y import with_letters
from personamgr.gui.controller import PersonaController
from personamgr.gui.crosspost_bar import CrossPostBar
from personamgr.gui.drafts import DraftKeeper
from personamgr.gui.external_changes import ExternalChanges
from personamgr.gui.guard_panel import GuardPanel
from personamgr.gui.help import HelpMenu
from personamgr.gui.main_window import MainWindow
from personamgr.gui.tray import Tray
from personamgr.gui.workers import StoreEvents, Workers

log = logging.getLogger(__name__)

APP_ID = "io.github.personamgr"
EXIT_WHEN_READY_ENV = "PERSONAMGR_EXIT_WHEN_READY"
TRAY_HINT_KEY = "tray_hint_shown"
SHUTDOWN_WAIT_S = 5.0
READY_POLL_MS = 10
READY_GIVE_UP_S = 5.0


@dataclass
class Shell:
    """The running GUI over one profile."""

    services: Services
    events: StoreEvents
    workers: Workers
    controller: PersonaController
    drafts: DraftKeeper
    window: MainWindow
    tray: Tray
    tray_available: bool
    guard: GuardPanel | None = None  # its model loads after the first frame (``load_guard``)
    profile_args: list[str] = field(default_factory=list)  # the options that open this profile in another process
    quit_flow: Any = None  # QuitFlow: what Quit does while posts are scheduled
    preferences: Any = None  # Preferences: the settings dialog and what each setting changes
    help: HelpMenu | None = None
    undo_send: Any = None  # UndoSend: Ctrl+Enter's few seconds to take a post back
    start_daemon_on_exit: bool = False  # the user chose to hand sending to the background sender on quit
    crosspost: CrossPostBar | None = None  # "post the same words to a persona on another network?"
    rescued: QMessageBox | None = None  # the dialog saying where unsaved words went at quit (the tests read it)
    external: ExternalChanges | None = None  # other processes' writes, announced like the window's own

    def tray_ready(self) -> bool:
        """The tray is usable: embedded with a real geometry, or there is no tray to wait for."""
        if not self.tray_available:
            return True
        return self.tray.icon.isVisible() and not self.tray.icon.geometry().isEmpty()

    # Whatever opens the window from the tray (or a second start) puts the keyboard in the box: Show window and a
    # click on the icon left it in the persona list, where typing searched the personas.
    @Slot()
    def show_window(self) -> None:
        self.window.bring_to_front(compose=True)

    @Slot()
    def find_persona(self) -> None:
        self.window.bring_to_front()
        self.window.focus_persona_finder()

    @Slot()
    def compose(self) -> None:
        self.window.bring_to_front(compose=True)

    @Slot()
    def toggle_window(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.close()
        else:
            self.window.bring_to_front(compose=True)

    @Slot()
    def hidden_to_tray(self) -> None:
        """Tell the user once that closing the window did not quit the app."""
        store = self.services.store
        if store.get_setting(TRAY_HINT_KEY):
            return
        self.workers.remember(lambda: store.set_setting(TRAY_HINT_KEY, True), name="the tray hint")
        self.notify(translate("Shell", "personamgr is still running"),
                    translate("Shell", "It keeps running in the tray so scheduled posts go out. Choose Quit in the "
                              "tray menu to stop it."))

    def notify(self, title: str, message: str, *, problem: bool = False) -> bool:
        """A desktop notification, if the ``notifications`` setting wants this kind. Returns whether it was shown."""
        wanted = self.services.settings.get("notifications")
        if wanted == "off" or (wanted == "problems" and not problem):
            return False
        if not self.tray.icon.isVisible():
            return False
        self.tray.notify(title, message)
        return True

    @Slot()
    def shutdown(self) -> None:
        """Save the draft, let a post in flight finish (briefly), close the profile, quit."""
        self.window.compose.flush()
        self.drafts.retry_now()
        self.window.save_layout()
        app = QApplication.instance()
        if not self.workers.wait(SHUTDOWN_WAIT_S, app.processEvents if app else None):
            log.warning("quitting with %d background task(s) still running", self.workers.pending)
        words = self.drafts.unsaved_words() if self.drafts.writing else ""
        if words:  # the store never took them: the words go to a file, and the user is told where
            self._rescue(words)
        self.drafts.stop()
        self.tray.hide()
        self.window.close_to_tray = False
        self.window.hide()
        if app is not None:
            app.quit()


    def _rescue(self, words: str) -> None:
        """Quitting with words the store could not take (locked by another program, a full disk): they are kept
        in a file beside the profile, and a dialog says where; the dialog holds them too, to copy."""
        paths = self.services.paths
        kept = self.drafts.rescue(words, self.services.clock.now()) if paths is not None else None
        log.error("quitting before the drafts could be saved; their words are in %s", kept or "no file either")
        if kept is not None:
            said = translate("Shell", "personamgr could not save your draft to its database before quitting. Its "
                                      "words are in {file}.").format(file=kept)
        else:
            said = translate("Shell", "personamgr could not save your draft before quitting, nor write it to a file. "
                                      "Copy its words from the details below.")
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Shell", "Your draft is kept in a file"), said,
                          QMessageBox.StandardButton.Ok, self.window if self.window.isVisible() else None)
        if kept is None:
            box.setWindowTitle(translate("Shell", "Your draft could not be saved"))
        box.setObjectName("draftRescued")
        box.setDetailedText(words)
        with_letters(box)  # the details' button too, whose words Qt changes as it is pressed
        self.rescued = box
        box.exec()


def build_shell(services: Services, *, tray_available: bool | None = None, demo: bool = False,
                parent: QObject | None = None, profile_args: list[str] | None = None,
                autostart: Autostart | None = None) -> Shell:
    """Wire controller, window and tray over ``services`` (the QApplication must exist).

    ``profile_args`` are the options that open this profile in another process (start at login, the
    background sender, the demo); ``autostart`` is where start-at-login writes (the user's login items).
    """
    from personamgr.core.launch import profile_args as make_profile_args
    from personamgr.gui.preferences import Preferences
    from personamgr.gui.quit_flow import QuitFlow
    from personamgr.gui.undo_send import UndoSend

    if tray_available is None:
        tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    events = StoreEvents(parent)
    services.store.subscribe(events.listener)
    workers = Workers(parent)
    controller = PersonaController(services, events, workers, parent)
    drafts = DraftKeeper(services, workers, parent)
    window = MainWindow(services, controller, drafts, workers, events, demo=demo)
    tray = Tray(controller, parent)
    shell = Shell(services, events, workers, controller, drafts, window, tray, tray_available)
    shell.profile_args = list(profile_args if profile_args is not None else make_profile_args(None, demo=demo))
    shell.guard = GuardPanel(window.compose, services, parent=window)
    window.post_actions.guard_panel = lambda: shell.guard  # the post editor shares the loaded model
    window.personas.guard = lambda: shell.guard.guard if shell.guard.state == "ready" else None  # and the editor
    shell.undo_send = UndoSend(window.compose, parent=window)
    window.add_compose_action(shell.undo_send.post_action)
    window.add_compose_action(shell.undo_send.undo_action)
    shell.preferences = Preferences(shell, autostart or Autostart(), shell.profile_args, parent=window)
    shell.quit_flow = QuitFlow(shell, parent=window)
    data = services.paths.data if services.paths is not None else None
    shell.help = HelpMenu(window, data, shell.profile_args, demo=demo)
    window.welcome.demoRequested.connect(shell.help.open_demo)
    window.ownProfileRequested.connect(shell.help.open_own_profile)
    window.settingsRequested.connect(shell.preferences.open_dialog)
    shell.preferences.message.connect(lambda msg: window.statusBar().showMessage(msg, 15_000))
    shell.crosspost = CrossPostBar(window.compose, shell.guard, window.compose)
    window.apply_tab_order()  # the guard's, the undo's and the cross-post's bars where they show
    window.hiddenToTray.connect(shell.hidden_to_tray)
    window.quitRequested.connect(shell.quit_flow.request)
    tray.composeRequested.connect(shell.compose)
    tray.personaChosen.connect(shell.compose)  # raised, that persona's box in hand
    tray.showRequested.connect(shell.show_window)
    tray.findRequested.connect(shell.find_persona)
    tray.toggleRequested.connect(shell.toggle_window)
    tray.quitRequested.connect(shell.quit_flow.request_from_tray)
    window.keyring_status.check()
    shell.external = ExternalChanges(services.store, workers, parent=window)
    shell.external.start()
    if tray_available:
        tray.show()
    return shell


def _qt_messages_to_log() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def load_guard(shell: Shell) -> None:
    """Load the persona guard's model in a worker, sharing it with the scheduler's send-time check."""
    from personamgr.core.scheduling.guard_check import GuardCheck

    check = getattr(shell.services, "pre_send_check", None)
    if shell.guard is not None:
        shell.guard.load(check.guard if isinstance(check, GuardCheck) else None)


def _report_when_ready(shell: Shell, started: float, exit_when_ready: bool) -> None:
    """Log once the window is shown and the tray is embedded; with the bench hook, print and quit.

    The guard's model starts loading only then, so it never competes with the first frame.
    """
    deadline = time.monotonic() + READY_GIVE_UP_S
    timer = QTimer(shell.window)
    timer.setInterval(READY_POLL_MS)

    def poll() -> None:
        ready = shell.window.isVisible() and shell.tray_ready()
        if not ready and time.monotonic() < deadline:
            return
        timer.stop()
        geo = shell.tray.icon.geometry()
        log.info("ready in %.3f s: window shown=%s, tray available=%s, tray visible=%s, tray geometry=%d,%d %dx%d",
                 time.monotonic() - started, shell.window.isVisible(), shell.tray_available,
                 shell.tray.icon.isVisible(), geo.x(), geo.y(), geo.width(), geo.height())
        if exit_when_ready:
            print(f"PERSONAMGR_READY {time.time():.6f} ready={int(ready)}", flush=True)
            shell.shutdown()
        else:
            load_guard(shell)

    timer.timeout.connect(poll)
    timer.start()


def explain_cannot_open(message: str) -> None:
    """A modal error the user must acknowledge, and the same words on stderr for terminals and logs."""
    log.error("%s", message)
    print(f"personamgr: error: {message}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, translate("app", "personamgr cannot open its data"), message,
                      QMessageBox.StandardButton.Ok)  # made now, not as it shows: lettered below
    box.setObjectName("cannotOpen")
    # Each message says itself what became of the data ("nothing was changed", "a copy is at …"): not said again.
    box.setInformativeText(translate("app", "personamgr will now close."))
    with_letters(box)
    box.exec()


def ready_or_explain(paths: AppPaths, *, verbose: bool = False) -> bool:
    """Make the profile ready (its folders, writable, and its log), or explain in a dialog why not: a profile folder
    that cannot be written is named once, before any of its files is met."""
    from personamgr.core.profile_ready import ProfileNotReady, make_ready

    try:
        make_ready(paths, verbose=verbose)
    except ProfileNotReady as e:
        explain_cannot_open(str(e))
        return False
    return True


def open_or_explain(paths: AppPaths, opener: Callable[[AppPaths], Services]) -> Services | None:
    """Open the profile, or explain in a dialog why not (newer, damaged or foreign database) and return None."""
    from personamgr.core.store import StoreError

    try:
        return opener(paths)
    except (StoreError, OSError) as e:
        explain_cannot_open(str(e))
        return None


def run_app(args: argparse.Namespace) -> int:
    """Open the window (and the tray) on the profile ``args`` names. Returns the exit code."""
    started = time.monotonic()
    from personamgr.core.services import open_services
    from personamgr.gui.icons import app_icon

    QApplication.setApplicationName("personamgr")
    QApplication.setApplicationDisplayName("personamgr")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication.instance() or QApplication(["personamgr"])  # argv[0] becomes the X WM_CLASS
    main_thread_gc.install(app)  # before any worker starts: collection must never run in one
    QTimer.singleShot(0, lambda: app.setWindowIcon(app_icon()))  # the SVG renderer is not needed for frame one

    demo = bool(getattr(args, "demo", False))
    paths = AppPaths.resolve(getattr(args, "data_dir", None), demo=demo)
    if not ready_or_explain(paths, verbose=bool(getattr(args, "verbose", False))):
        return 1
    _qt_messages_to_log()
    from personamgr.gui.app_instance import Requests, claim_or_forward, start_scheduling

    # Before the database opens: a second launch hands its request over without that cost, and only the one
    # scheduler of the profile touches the outbox.
    requests = Requests(app)
    primary = claim_or_forward(paths, args, requests)
    if isinstance(primary, int):
        return primary
    services = open_or_explain(paths, open_services)
    if services is None:
        primary.close()
        return 1
    log.info("personamgr %s starting on %s%s", __version__, paths.data, " (demo)" if demo else "")
    if demo:
        from personamgr.core.demo import seed_demo

        seed_demo(services)
    recovered = services.outbox.recover_interrupted()
    if recovered:
        log.warning("%d post(s) were being sent when the app stopped: %s", len(recovered),
                    ", ".join(f"{p.id} {p.state.value}" for p in recovered))

    tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    app.setQuitOnLastWindowClosed(False)  # quitting is the QuitFlow's decision (posts may be scheduled)
    from personamgr.core.launch import profile_args
    from personamgr.gui import i18n as gui_i18n
    from personamgr.gui import theme

    theme.apply(app, services.settings.get("theme"))  # before the first frame
    language = gui_i18n.install(app, services.settings.get("language"))  # the system's, unless the setting says
    log.info("language: %s", language)
    shell = build_shell(services, tray_available=tray_available, demo=demo, parent=app,
                        profile_args=profile_args(getattr(args, "data_dir", None) or os.environ.get(HOME_ENV),
                                                  demo=demo))
    said = interrupted_message(recovered)
    if said:
        shell.window.statusBar().showMessage(said, 30_000)
    from personamgr.gui.error_reporter import ErrorReporter

    errors = ErrorReporter(paths.log_file, lambda: shell.window, keep_words=shell.window.compose.flush, parent=app)
    errors.install()  # from here a bug in a slot is one dialog and a log entry, never a traceback on stderr
    scheduling = start_scheduling(shell, primary, requests)
    shell.window.restore_layout()  # after the schedule dock exists, before the first show
    if not (getattr(args, "background", False) and tray_available):  # at login: straight to the tray
        shell.window.bring_to_front(compose=bool(getattr(args, "compose", False)))
    _report_when_ready(shell, started, os.environ.get(EXIT_WHEN_READY_ENV, "") not in ("", "0"))
    try:
        return int(app.exec())
    finally:
        if shell.external is not None:
            shell.external.stop()  # no new checks; one still running closes its connection when it returns
        # However the loop ended (Quit, or the last window closed without a tray), let background work
        # finish: a task still inside onnxruntime or the keyring at interpreter exit aborts the process.
        if shell.workers.pending and not shell.workers.wait(SHUTDOWN_WAIT_S, app.processEvents):
            log.warning("quitting with %d background task(s) still running", shell.workers.pending)
        errors.uninstall()  # the window is gone: nothing to show a dialog over, nor words to keep
        scheduling.stop()  # a post being sent finishes first
        primary.close()
        services.close()
        if shell.start_daemon_on_exit:  # after the lock is released, so the daemon can take the profile
            _start_background_sender(shell)


def interrupted_message(recovered: list[Post]) -> str | None:
    """What start-up says about the posts a stopped app left half-sent, as they were recovered: those that may
    have gone out wait in Needs review; those whose network finds what went out go out again by themselves; one
    whose every part was recorded is simply sent (None: nothing to say)."""
    review = sum(p.state is PostState.NEEDS_REVIEW for p in recovered)
    again = sum(p.state is PostState.SCHEDULED for p in recovered)
    said = []
    if review:
        said.append(translate("Shell", "%n post(s) (was|were) being sent when personamgr stopped. (It|They) may have "
                              "gone out: see Needs review in the history.", None, review))
    if again:
        said.append(translate("Shell", "%n post(s) (was|were) being sent when personamgr stopped and (goes|go) out "
                              "again by (itself|themselves): (its|their) network knows what already arrived, "
                              "so nothing goes out twice.", None, again))
    return " ".join(said) or None


def _start_background_sender(shell: Shell) -> None:
    from personamgr.core.launch import start_daemon

    try:
        pid = start_daemon(shell.profile_args)
    except OSError as e:
        log.error("could not start the background sender: %s", e)
        print(f"personamgr: error: could not start the background sender: {e}", file=sys.stderr)
        return
    log.info("started the background sender (personamgr daemon, pid %d); it steps aside when the window opens",
             pid)
