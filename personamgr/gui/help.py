"""The Help menu: keyboard shortcuts (F1), the data folder, the demo (or, in it, your own profile), About.

:data:`SHORTCUTS` is the one list of the window's shortcuts: the dialog shows
it, and the widgets that own a shortcut take its keys from it
(:func:`keys`), so the list cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from personamgr import __version__
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.launch import start_detached
from personamgr.gui.a11y import with_letters

# (name, keys in Qt's portable form (the first is the one bound), what it does)
SHORTCUTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("post", ("Ctrl+Return",), QT_TRANSLATE_NOOP("shortcuts", "Post the draft, with a few seconds to undo")),
    ("schedule", ("Ctrl+Shift+Return",), QT_TRANSLATE_NOOP("shortcuts", "Schedule the draft…")),
    ("new_draft", ("Ctrl+N",), QT_TRANSLATE_NOOP("shortcuts", "Start a new draft (the one in the box is kept in "
                                                 "the history)")),
    ("thread_part", ("Ctrl+Shift+N",), QT_TRANSLATE_NOOP("shortcuts", "Add a post to the thread after this one")),
    ("undo_send", ("Ctrl+Z",), QT_TRANSLATE_NOOP("shortcuts", "Undo a post that is about to go out")),
    ("persona", ("Ctrl+1 … Ctrl+9",), QT_TRANSLATE_NOOP("shortcuts", "Switch to persona 1 to 9")),
    ("find_persona", ("Ctrl+P",), QT_TRANSLATE_NOOP("shortcuts", "Find a persona: type part of its name, handle or "
                                                    "topic; arrows choose, Enter writes as it")),
    ("search", ("Ctrl+F",), QT_TRANSLATE_NOOP("shortcuts", "Search the history")),
    ("post_menu", ("Menu", "Shift+F10"),
     QT_TRANSLATE_NOOP("shortcuts", "Actions of the post selected in the history")),
    ("delete_post", ("Delete",), QT_TRANSLATE_NOOP("shortcuts", "Delete the post selected in the history")),
    ("insights", ("Ctrl+I",), QT_TRANSLATE_NOOP("shortcuts", "Persona insights")),
    ("calendar", ("Ctrl+Shift+K",), QT_TRANSLATE_NOOP("shortcuts", "The calendar: a week or a month of posts; in it, "
                                                      "arrows select, Alt+arrows move, Enter edits, Esc closes")),
    ("inbox", ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("shortcuts", "The inbox: posts that failed, were held, or need a "
                                                   "look")),
    ("settings", ("Ctrl+,",), QT_TRANSLATE_NOOP("shortcuts", "Settings")),
    ("shortcuts", ("F1",), QT_TRANSLATE_NOOP("shortcuts", "This list of shortcuts")),
    ("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("shortcuts", "Quit")),
)
_BY_NAME = {name: keys for name, keys, _what in SHORTCUTS}
RANGE = " … "  # "Ctrl+1 … Ctrl+9": a family of shortcuts, from the first to the last


def shown_keys(seq: str) -> str:
    """Keys as the desktop names them in the user's language ("Control+N" in Spanish); a family's ends alike."""
    return RANGE.join(QKeySequence(end).toString(QKeySequence.SequenceFormat.NativeText) for end in seq.split(RANGE))


def keys(name: str) -> QKeySequence:
    """The key sequence of shortcut ``name`` (the first, where the list names several)."""
    return QKeySequence(_BY_NAME[name][0])


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.resize(560, 420)
        self.table = QTreeWidget()
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)  # a long action wraps onto more lines rather than end in "…"
        self.table.setHeaderLabels([translate("ShortcutsDialog", "Keys"), translate("ShortcutsDialog", "Does")])
        for _name, seqs, what in SHORTCUTS:
            QTreeWidgetItem(self.table, [", ".join(shown_keys(seq) for seq in seqs), translate("shortcuts", what)])
        self.table.resizeColumnToContents(0)
        self.table.header().sectionResized.connect(self._fit_rows)
        buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Give each row the height its words need at the column's width: a tree view sizes rows for one line
        even when it wraps, and cut the calendar's keys off behind an ellipsis."""
        metrics = self.table.fontMetrics()
        column = max(self.table.viewport().width() - self.table.columnWidth(0),  # the last column stretches
                     self.table.header().minimumSectionSize())
        width = max(1, column - 2 * self.table.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) - 4)
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            lines = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text(1))
            item.setSizeHint(1, QSize(width, lines.height() + 4))


class HelpMenu:
    """Fills the window's Help menu; keeps its newest dialog (tests read it)."""

    def __init__(self, window: QMainWindow, data_folder: Path | None, profile_args: Sequence[str], *,
                 demo: bool) -> None:
        """``profile_args``: the options that open this profile in another process; ``demo``: this is the demo,
        whose Help opens the user's own profile instead (the one the demo's ``profile_args`` name, less --demo)."""
        self.window = window
        self.data_folder = data_folder
        self.demo_args = None if demo else [*profile_args, "--demo"]
        self.own_args = [a for a in profile_args if a != "--demo"] if demo else None
        self.dialog: QDialog | None = None
        self.about_box: QMessageBox | None = None
        menu: QMenu = window.menuBar().addMenu(translate("HelpMenu", "&Help"))
        menu.setObjectName("helpMenu")
        self.menu = menu
        self.shortcuts_action = QAction(translate("HelpMenu", "&Keyboard shortcuts"), window)
        self.shortcuts_action.setObjectName("helpShortcuts")
        self.shortcuts_action.setShortcut(keys("shortcuts"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        menu.addAction(self.shortcuts_action)
        self.folder_action = QAction(translate("HelpMenu", "Open the &data folder"), window)
        self.folder_action.setObjectName("helpDataFolder")
        self.folder_action.setEnabled(data_folder is not None)
        self.folder_action.triggered.connect(self.open_data_folder)
        menu.addAction(self.folder_action)
        if demo:  # the way from the demo to the user's own personas and accounts
            self.own_action = QAction(translate("HelpMenu", "Open your own p&rofile"), window)
            self.own_action.setObjectName("helpOwnProfile")
            self.own_action.triggered.connect(self.open_own_profile)
            menu.addAction(self.own_action)
        else:
            self.demo_action = QAction(translate("HelpMenu", "Open the d&emo"), window)
            self.demo_action.setObjectName("helpDemo")
            self.demo_action.triggered.connect(self.open_demo)
            menu.addAction(self.demo_action)
        menu.addSeparator()
        self.about_action = QAction(translate("HelpMenu", "&About personamgr"), window)
        self.about_action.setObjectName("helpAbout")
        self.about_action.triggered.connect(self.about)
        menu.addAction(self.about_action)

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.window)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_data_folder(self) -> bool:
        if self.data_folder is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder))))

    def open_demo(self) -> bool:
        """Start ``personamgr --demo`` as its own process: the demo has its own profile and its own lock."""
        return self._start(self.demo_args, translate("HelpMenu", "Could not start the demo: {error}"),
                           translate("HelpMenu", "The demo opens in a window of its own."))

    def open_own_profile(self) -> bool:
        """From the demo: start ``personamgr`` on the user's own profile (an open window of it comes forward)."""
        return self._start(self.own_args, translate("HelpMenu", "Could not open your own profile: {error}"),
                           translate("HelpMenu", "Your own profile opens in a window of its own; the demo's personas "
                                     "and posts stay in the demo."))

    def _start(self, args: Sequence[str] | None, failed: str, started: str) -> bool:
        """Start personamgr with ``args`` in a process of its own, and say in the status bar how that went."""
        if args is None:
            return False
        try:
            start_detached(args)
        except OSError as e:
            self.window.statusBar().showMessage(failed.format(error=e.strerror or e), 15_000)
            return False
        self.window.statusBar().showMessage(started, 10_000)
        return True

    def about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, translate("HelpMenu", "About personamgr"),
                          translate("HelpMenu", "personamgr {version}").format(version=__version__),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("aboutBox")
        with_letters(box)
        folder = str(self.data_folder) if self.data_folder else translate("HelpMenu", "(none)")
        box.setInformativeText(translate(
            "HelpMenu", "Run several accounts from one desktop app, each kept to its own focus.\n\n"
            "Your data: {folder}\nQt {qt}. MIT licence.").format(folder=folder, qt=qVersion()))
        self.about_box = box
        box.open()
        return box
