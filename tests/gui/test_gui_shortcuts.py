"""The keyboard shortcuts dialog (F1), read whole, in English and in Spanish."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from personamgr.gui import i18n
from personamgr.gui.help import ShortcutsDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def _cut_rows(dialog: ShortcutsDialog) -> list[str]:
    """The actions whose words do not fit in their cell as the dialog shows it."""
    table = dialog.table
    metrics = table.fontMetrics()
    cut = []
    for row in range(table.topLevelItemCount()):
        item = table.topLevelItem(row)
        cell = table.visualItemRect(item)
        width = table.columnWidth(1)
        needs = metrics.boundingRect(QRect(0, 0, width - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text(1))
        if needs.height() > cell.height():
            cut.append(item.text(1))
    return cut


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_shortcut_is_read_whole(qapp: QApplication, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    """The calendar's row ended "in it, arrows select, Alt+…" (in Spanish three rows were cut): the keys the
    row exists to teach were behind an ellipsis, with no tooltip and no way to widen the cell."""
    try:
        assert i18n.install(qapp, language) == language
        dialog = ShortcutsDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _cut_rows(dialog) == []
    finally:
        i18n.uninstall(qapp)


def test_in_spanish_the_persona_keys_are_named_as_the_others(qapp: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every row said "Control+N", "Control+Mayúsculas+K" but one: "Ctrl+1 … Ctrl+9", written by hand."""
    try:
        assert i18n.install(qapp, "es") == "es"
        dialog = ShortcutsDialog()
        qtbot.addWidget(dialog)
        keys = [dialog.table.topLevelItem(r).text(0) for r in range(dialog.table.topLevelItemCount())]
        assert _native("Ctrl+N") in keys
        assert f"{_native('Ctrl+1')} … {_native('Ctrl+9')}" in keys
        assert not any(k.startswith("Ctrl+") for k in keys) or _native("Ctrl+N").startswith("Ctrl+")
    finally:
        i18n.uninstall(qapp)
