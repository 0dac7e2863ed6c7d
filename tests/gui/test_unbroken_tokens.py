"""A command-line option or a path is read and typed as one piece: a wrapped label never splits it across lines.

The Spanish data page showed "Inicia personamgr con --" on one line and "data-dir para …" on the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from personamgr.core.services import Services
from personamgr.gui import i18n
from personamgr.gui.app import Shell
from personamgr.gui.widgets import hint_label

# An option (--data-dir) or a path (/tmp/…/data), written with the characters a label may show in their place.
TOKEN = re.compile(r"(?<!\w)[-\u2011]{1,2}\w[\w\-\u2011]*|(?:~|\.)?(?:/[\w.\-\u2060]+)+/?")


def lines_of(label: QLabel) -> list[str]:
    """The lines a word-wrapped label shows at its current width, laid out as QLabel lays out plain text."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    width = label.contentsRect().width() - 2 * label.margin() - 2 * label.indent() if label.indent() > 0 else \
        label.contentsRect().width() - 2 * label.margin()
    layout.beginLayout()
    shown: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        shown.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return shown


def split_tokens(root: QWidget) -> list[tuple[str, list[str]]]:
    """Each visible wrapped label whose lines cut an option or a path, with those lines."""
    found = []
    labels = [root] if isinstance(root, QLabel) else []
    for label in labels + root.findChildren(QLabel):
        if not (label.isVisible() and label.wordWrap()):
            continue
        shown = lines_of(label)
        ends = set()
        pos = 0
        for line in shown[:-1]:
            pos += len(line)
            ends.add(pos)
        text = label.text()
        for match in TOKEN.finditer(text):
            start, end = match.span()
            if any(start < cut < end for cut in ends) and label.fontMetrics().horizontalAdvance(match.group()) < \
                    label.contentsRect().width():
                found.append((match.group(), shown))
    return found


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.parametrize("language", ["en", "es"])
def test_no_settings_page_splits_an_option_or_a_path(qapp, demo: Services, make_shell: Callable[..., Shell],
                                                     language: str) -> None:
    try:
        i18n.install(qapp, language)
        shell = make_shell(demo)
        dialog = shell.preferences.open_dialog()
        for width in range(dialog.minimumWidth(), dialog.minimumWidth() + 400, 9):
            dialog.resize(width, dialog.height())
            for page in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(page)
                QApplication.processEvents()
                assert split_tokens(dialog) == [], (width, page)
        dialog.reject()
    finally:
        i18n.uninstall(qapp)


@pytest.mark.gui
def test_a_hint_keeps_an_option_and_a_path_whole_at_every_width(qtbot) -> None:  # type: ignore[no-untyped-def]
    hint = hint_label("Start personamgr with --data-dir to keep /home/someone/.local/share/personamgr elsewhere.")
    qtbot.addWidget(hint)
    hint.show()
    for width in range(60, 600, 3):
        hint.resize(width, 200)
        assert split_tokens(hint) == [], width
    assert hint.text().replace("\u2011", "-").replace("\u2060", "") == (
        "Start personamgr with --data-dir to keep /home/someone/.local/share/personamgr elsewhere.")


