"""A bug in a slot reaches the user as one clear dialog, never as a traceback; the app and the words go on.

pytest-qt catches exceptions raised in slots itself (and fails the test); these tests turn that off
(``qt_no_exception_capture``) and install the app's own hook, as ``run_app`` does.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from personamgr.core.outbox import PostState
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.error_reporter import ErrorReporter

pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]  # offscreen: a dialog


class Button(QObject):
    clicked = Signal()


def broken_slot() -> None:
    raise KeyError("persona 'ghost' is not in the list")


@pytest.fixture
def reporting(demo: Services, make_shell: Callable[..., Shell]) -> Iterator[tuple[Shell, ErrorReporter]]:
    shell = make_shell(demo)
    assert demo.paths is not None
    reporter = ErrorReporter(demo.paths.log_file, lambda: shell.window, keep_words=shell.window.compose.flush)
    reporter.install()
    try:
        yield shell, reporter
    finally:
        reporter.uninstall()
        if reporter.box is not None:
            reporter.box.close()
            reporter.box.deleteLater()
        reporter.deleteLater()


def test_an_exception_in_a_slot_is_one_dialog_the_log_has_the_traceback_and_the_app_goes_on(
        reporting: tuple[Shell, ErrorReporter], demo: Services, qtbot,  # type: ignore[no-untyped-def]
        caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> None:
    shell, reporter = reporting
    compose = shell.window.compose
    compose.editor.setFocus()
    qtbot.keyClicks(compose.editor, "Four signs a recruiter is serious")  # not saved yet: the autosave waits
    button = Button()
    button.clicked.connect(broken_slot)
    caplog.set_level(logging.ERROR, logger="personamgr.gui.error_reporter")

    button.clicked.emit()  # Qt calls the slot, which raises; Qt hands the exception to sys.excepthook

    box = reporter.box
    assert box is not None and box.isVisible() and box.objectName() == "unexpectedError"
    assert box.text() == ("personamgr ran into an unexpected problem: KeyError: "
                          "\"persona 'ghost' is not in the list\"")
    assert f"The details are in {demo.paths.log_file}." in box.informativeText()  # type: ignore[union-attr]
    assert "keeps running" in box.informativeText()
    # The traceback is in the log, naming where it came from; nothing reached stderr.
    [record] = [r for r in caplog.records if r.exc_info]
    assert record.exc_info is not None and record.exc_info[0] is KeyError
    assert "broken_slot" in logging.Formatter().formatException(record.exc_info)
    assert "Traceback" not in capfd.readouterr().err
    # The words are still in the box, and are saved as a draft at once (not after the autosave's delay).
    assert compose.editor.toPlainText() == "Four signs a recruiter is serious"
    assert not compose._autosave.isActive()
    career = demo.store.persona("career").uid
    qtbot.waitUntil(lambda: [p.text for p in demo.outbox.in_states([PostState.DRAFT], career)]
                    == ["Four signs a recruiter is serious"], timeout=5000)
    # The app keeps running: the event loop turns and the window still answers.
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)
    qtbot.keyClicks(compose.editor, " right now")
    assert compose.editor.toPlainText() == "Four signs a recruiter is serious right now"


def test_errors_while_the_dialog_is_open_are_counted_in_it_not_stacked(
        reporting: tuple[Shell, ErrorReporter], qtbot) -> None:  # type: ignore[no-untyped-def]
    _shell, reporter = reporting
    button = Button()
    button.clicked.connect(broken_slot)
    button.clicked.emit()
    first = reporter.box
    button.clicked.emit()
    button.clicked.emit()
    assert reporter.box is first and first is not None
    assert first.informativeText().endswith("2 more unexpected problems came after it.")
    first.accept()
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=5000)
    button.clicked.emit()  # a new error once it is closed gets a dialog of its own again
    assert reporter.box is not first and reporter.box is not None and reporter.box.isVisible()
    assert "more unexpected" not in reporter.box.informativeText()


def test_an_error_in_a_plain_thread_is_shown_on_the_gui_thread(
        reporting: tuple[Shell, ErrorReporter], qtbot, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    _shell, reporter = reporting
    caplog.set_level(logging.ERROR, logger="personamgr.gui.error_reporter")

    def run() -> None:
        raise ValueError("a helper thread tripped")

    thread = threading.Thread(target=run, name="helper")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible(), timeout=5000)
    assert reporter.box is not None
    assert reporter.box.text().endswith("ValueError: a helper thread tripped")
    assert any("in thread helper" in r.getMessage() and r.exc_info for r in caplog.records)


def test_uninstall_puts_back_the_hooks_it_found(demo: Services, make_shell: Callable[..., Shell]) -> None:
    import sys

    shell = make_shell(demo)
    before = (sys.excepthook, threading.excepthook)
    reporter = ErrorReporter(None, lambda: shell.window)
    reporter.install()
    assert (sys.excepthook, threading.excepthook) != before
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    reporter.deleteLater()
