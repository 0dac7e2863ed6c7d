"""Bulleted lines hang: a wrapped line starts under the text, not under the bullet ("• New personas post to the
sandbox, … Connect an X," then "Mastodon or Bluesky …" flush with the bullet read as a new paragraph)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from shell_helpers import finish_tasks

from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.app import Shell

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

BULLET = "• "


def line_starts(label: QLabel) -> list[list[float]]:
    """For each paragraph of ``label`` that wraps, where its text starts on each line (after a typed bullet on the
    first), laid out as the label lays it out: its font, its width."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    if label.textFormat() == Qt.TextFormat.PlainText or not QtGui_Qt.mightBeRichText(label.text()):
        doc.setPlainText(label.text())
    else:
        doc.setHtml(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # lays it out
    starts = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        if layout.lineCount() > 1:
            skip = len(BULLET) if block.text().startswith(BULLET) else 0
            x = [layout.position().x() + layout.lineAt(0).cursorToX(skip)[0]]
            x += [layout.position().x() + layout.lineAt(i).cursorToX(layout.lineAt(i).textStart())[0]
                  for i in range(1, layout.lineCount())]
            starts.append(x)
        block = block.next()
    return starts


def assert_hanging(labels: list[QLabel]) -> None:
    wrapped = [(label.text()[:40], starts) for label in labels for starts in line_starts(label)]
    assert wrapped, "no bulleted line wraps here: the check would prove nothing"
    for text, starts in wrapped:
        assert max(starts) - min(starts) <= 1, (text, starts)


def test_the_welcome_pages_bullets_hang(services: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(services, demo=False)
    shell.window.resize(1000, 600)
    QApplication.processEvents()
    assert shell.window.welcome.isVisible()
    assert_hanging(shell.window.welcome.lines)


def test_the_connect_dialogs_advice_hangs(services: Services) -> None:
    from personamgr.gui.connect_dialog import ConnectDialog
    from personamgr.gui.workers import Workers

    workers = Workers()
    persona = services.store.add_persona(Persona(name="career", topics=("careers",), network="x"))
    dialog = ConnectDialog(services, workers, persona, open_url=lambda _url: None)
    try:
        dialog.show()
        assert workers.wait(30, QApplication.processEvents)
        QApplication.processEvents()
        assert_hanging([dialog.findChild(QLabel, "connectGuidance")])
    finally:
        dialog.close()
        dialog.deleteLater()
        finish_tasks(workers)
