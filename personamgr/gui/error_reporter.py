"""The window's last line of defence: a bug becomes one clear dialog, never a traceback, and the app goes on.

When a slot raises, Qt hands the exception to ``sys.excepthook`` and carries on with the event loop. Python's
default hook prints a traceback on stderr, which a user of the window never sees: the click just seems to do
nothing. :class:`ErrorReporter` replaces the hook (and ``threading.excepthook``, for a thread that is not one of
the workers, which deliver their own errors): the traceback goes to the log file, the words in the compose box
are saved as a draft (they never left the box), and one dialog names the problem and where the details are.
Errors that follow while the dialog is open are counted in it rather than stacking more dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from personamgr.core.i18n import translate
from personamgr.gui.a11y import with_letters

log = logging.getLogger(__name__)

MAX_MESSAGE = 300  # characters of the exception's own message shown in the dialog (all of it is in the log)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class ErrorReporter(QObject):
    """Installs itself as ``sys.excepthook`` and ``threading.excepthook`` until :meth:`uninstall`."""

    _from_thread = Signal(str, str)  # type name, message: a thread's error, shown on the GUI thread

    def __init__(self, log_file: Path | None, window: Callable[[], QWidget | None],
                 keep_words: Callable[[], None] | None = None, parent: QObject | None = None) -> None:
        """``window()`` is the widget the dialog opens over (None: on its own); ``keep_words()`` saves what the
        user is writing, called before the dialog shows."""
        super().__init__(parent)
        self.log_file = log_file
        self._window = window
        self._keep_words = keep_words
        self.box: QMessageBox | None = None  # the dialog shown last (the tests read it)
        self.more = 0  # errors that came while it was open
        self._reporting = False
        self._previous: tuple[Callable[..., object], Callable[..., object]] | None = None
        self._from_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self._hook
            threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        """Put back the hooks found at :meth:`install` (if nobody replaced ours since)."""
        if self._previous is None:
            return
        if sys.excepthook == self._hook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous[1]  # type: ignore[assignment]
        self._previous = None

    def _hook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit) and self._previous is not None:
            self._previous[0](kind, error, tb)  # Ctrl+C in a terminal: the usual behaviour
            return
        self._log((kind, error, tb), "in the window")
        if self._reporting:  # the report itself went wrong: it is logged, and nothing loops
            return
        self._reporting = True
        try:
            self._save_words()
            self._show(kind.__name__, str(error))
        except Exception:
            log.exception("the unexpected error could not be shown")
        finally:
            self._reporting = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self._log((args.exc_type, args.exc_value, args.exc_traceback),
                  f"in thread {args.thread.name if args.thread else '?'}")
        try:
            self._from_thread.emit(args.exc_type.__name__, str(args.exc_value))
        except RuntimeError:  # the reporter is gone (quitting): the log has it
            pass

    def _log(self, info: ExcInfo, where: str) -> None:
        try:
            log.error("unexpected error %s", where, exc_info=info)
        except Exception:  # the log cannot be written (a full disk): stderr is the last place left
            if self._previous is not None:
                self._previous[0](*info)

    def _save_words(self) -> None:
        if self._keep_words is None:
            return
        try:
            self._keep_words()
        except Exception:
            log.exception("the compose box's words could not be saved after the unexpected error")

    @Slot(str, str)
    def _show(self, kind: str, message: str) -> None:
        """One dialog naming the problem; while it is open, later errors only add to its count."""
        if self.box is not None and shiboken6.isValid(self.box) and self.box.isVisible():
            self.more += 1
            self.box.setInformativeText(self._details())
            return
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + "…"
        self.more = 0
        parent = self._window()
        if parent is not None and not parent.isVisible():  # the window is in the tray: the dialog stands alone
            parent = None
        if self.box is not None and shiboken6.isValid(self.box):
            self.box.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Critical, translate("ErrorReporter", "Something went wrong"),
                          translate("ErrorReporter", "personamgr ran into an unexpected problem: {problem}").format(
                              problem=f"{kind}: {message}" if message else kind),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("unexpectedError")
        box.setInformativeText(self._details())
        with_letters(box)
        self.box = box
        box.open() if parent is not None else box.show()

    def _details(self) -> str:
        said = translate("ErrorReporter", "personamgr keeps running, and the text you were writing stays in the "
                                          "compose box. This is a bug in personamgr; please report it.")
        if self.log_file is not None:
            said += " " + translate("ErrorReporter", "The details are in {log}.").format(log=self.log_file)
        more = self.more  # lupdate reads a count only when it is a plain name
        if more:
            said += " " + translate("ErrorReporter", "%n more unexpected problem(s) came after it.", None, more)
        return said
