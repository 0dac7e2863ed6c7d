"""The notices the app opens on their own (not through gui/message_boxes.py) have an OK with an Alt-letter, in
English and Spanish, and so will any box added later: "already running", "cannot open its data", the rescued
draft and the error reporter had an OK the keyboard reached only by Return, and the rescued draft's Show Details…
lost its letter once pressed (Qt renames it Hide Details…)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from mnemonics import without_letters
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from shell_helpers import when_shown

from personamgr.gui import i18n
from personamgr.gui.a11y import mnemonic, with_letters
from personamgr.gui.app import explain_cannot_open
from personamgr.gui.app_instance import refusal_box
from personamgr.gui.error_reporter import ErrorReporter

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

GUI = Path(__file__).resolve().parents[2] / "personamgr" / "gui"
BOXES = {"QMessageBox", "QDialogButtonBox"}
LETTERS = {"with_letters", "with_button_letters"}
STATIC = {"information", "warning", "critical", "question", "about"}  # QMessageBox's own one-call boxes


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    if request.param != "en":
        assert i18n.install(qapp, request.param) == request.param
    try:
        yield request.param
    finally:
        i18n.uninstall(qapp)


def _called(node: ast.AST) -> set[str]:
    """The names called in ``node`` (``f(...)`` and ``x.f(...)`` alike)."""
    out = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            out.add(func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "")
    return out


def unlettered_boxes() -> list[str]:
    """Every function of personamgr/gui that builds a message box or a button box and gives its buttons no
    letters, and every call of QMessageBox's one-call boxes (information(), warning(), ...), which take none."""
    out = []
    for path in sorted(GUI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                called = _called(node)
                if called & BOXES and not called & LETTERS:
                    out.append(f"{path.name}:{node.lineno} {node.name} builds a box without with_letters")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STATIC
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == "QMessageBox"):
                out.append(f"{path.name}:{node.lineno} QMessageBox.{node.func.attr}() has no Alt-letters")
    return out


def test_every_box_the_window_builds_gives_its_buttons_letters() -> None:
    """On main: _refuse, explain_cannot_open, Shell._rescue and ErrorReporter._show."""
    assert unlettered_boxes() == []


def test_the_refusal_to_open_has_a_lettered_ok(language: str) -> None:
    box = refusal_box("Another personamgr is running for this profile.")
    try:
        assert without_letters(box) == []
        assert [mnemonic(b.text()) for b in box.buttons()] == ["o" if language == "en" else "a"]
    finally:
        box.deleteLater()


def test_cannot_open_its_data_has_a_lettered_ok(language: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[str]] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(without_letters(box) or [b.text() for b in box.buttons()])
        box.accept()

    when_shown(lambda: next((w for w in QApplication.topLevelWidgets()
                             if isinstance(w, QMessageBox) and w.objectName() == "cannotOpen" and w.isVisible()),
                            None), read_and_close)
    explain_cannot_open("the database is damaged")
    assert seen == [["&OK" if language == "en" else "&Aceptar"]], seen


def test_the_error_reporter_s_ok_has_a_letter(language: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    reporter = ErrorReporter(None, lambda: None)
    try:
        reporter._show("KeyError", "persona 'ghost' is not in the list")
        box = reporter.box
        assert box is not None
        qtbot.waitUntil(box.isVisible, timeout=30_000)
        assert without_letters(box) == []
    finally:
        if reporter.box is not None:
            reporter.box.close()
            reporter.box.deleteLater()
        reporter.deleteLater()


def _details_button(box: QMessageBox) -> QPushButton:
    return next(b for b in box.findChildren(QPushButton) if box.buttonRole(b) is QMessageBox.ButtonRole.ActionRole)


def test_show_details_keeps_a_letter_as_it_is_pressed(language: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The rescued draft's box holds the words in its details; Qt's Show Details… becomes Hide Details… when
    pressed, and with_letters ran before that (on main: 'Hide Details...' had no letter)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Your draft is kept in a file", "…", QMessageBox.StandardButton.Ok)
    box.setDetailedText("Salary bands are public now")
    with_letters(box)
    qtbot.addWidget(box)
    box.show()
    shown: list[str] = []
    for _ in range(3):  # shown, hidden, shown again
        shown.append(_details_button(box).text())
        _details_button(box).click()
    shown.append(_details_button(box).text())
    assert [mnemonic(text) for text in shown if mnemonic(text) is None] == [], shown
    assert len(set(shown)) == 2, shown  # its words do change: Show and Hide
    letters = {mnemonic(b.text()) for b in box.buttons()}
    assert len(letters) == len(box.buttons()), [b.text() for b in box.buttons()]
