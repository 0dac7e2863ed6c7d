"""The settings dialog, generated from ``core.settings.REGISTRY``: one page per section, one row per setting.

A setting's widget follows its type (a check box, a list of choices, a number),
and its one line of help sits under it, so the dialog and the README say the
same thing. The Data page adds what is not a stored preference: the data
folder (with a button that opens it) and exporting or importing everything.
OK applies every change at once; nothing is half-saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.faults import in_words
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.settings import REGISTRY, SECTIONS, Setting, SettingError, Settings
from personamgr.gui.a11y import label_for, with_button_letters, with_letters
from personamgr.gui.widgets import grow_to_fit, hint_label, keep_whole

DATA_PAGE = "data"
MINIMUM_WIDTH = 560  # room for the help texts under the rows to wrap into a few lines


# Each page's tab with an Alt-letter ("General" is also the settings' section, written without one elsewhere).
TAB_WORDS = {
    "General": QT_TRANSLATE_NOOP("SettingsDialog", "&General"),
    "Writing": QT_TRANSLATE_NOOP("SettingsDialog", "&Writing"),
    "Appearance": QT_TRANSLATE_NOOP("SettingsDialog", "&Appearance"),
}


class SettingsDialog(QDialog):
    """Edit the settings; :attr:`applied` carries the keys that changed once they are saved."""

    applied = Signal(list)  # the keys that changed
    exportRequested = Signal()  # noqa: N815 (Qt naming)
    importRequested = Signal()  # noqa: N815 (Qt naming)
    openDataFolderRequested = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, settings: Settings, *, data_folder: str, locked: dict[str, str] | None = None,
                 current: Callable[[str], Any] | None = None, parent: QWidget | None = None) -> None:
        """``locked`` maps keys that cannot be changed here to the reason; ``current`` overrides a stored value
        with the live one (start at login is whatever the desktop's autostart folder says)."""
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.editors: dict[str, QWidget] = {}
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setProperty("tone", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(translate("SettingsDialog", "Settings pages"))
        locked = locked or {}
        for section in SECTIONS:
            page = QWidget()
            form = QFormLayout(page)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(10)
            for s in (s for s in REGISTRY if s.section == section):
                value = current(s.key) if current is not None else None
                self._row(form, s, settings.get(s.key) if value is None else value, locked.get(s.key))
            self.tabs.addTab(page, translate("SettingsDialog", TAB_WORDS.get(section, section)))
        self.tabs.addTab(self._data_page(data_folder), translate("SettingsDialog", "&Data"))

        self.buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                     | QDialogButtonBox.StandardButton.Cancel
                                                     | QDialogButtonBox.StandardButton.RestoreDefaults))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setToolTip(translate("SettingsDialog", "Put every setting on this dialog back to its default"))
        defaults.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # A set minimum width replaces the one the rows need: at 15 pt the dialog kept 560 px (a window opens at
        # most 2/3 of the screen wide) and cut "Quitting with posts scheduled" and its choice.
        self.setMinimumWidth(max(MINIMUM_WIDTH, layout.minimumSize().width()))
        with_button_letters(self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's)
        """A window opens at most 2/3 of the screen tall: at a large font, or in Spanish, the help under a row then
        lost its last line."""
        super().showEvent(event)
        grow_to_fit(self)

    # -- building ------------------------------------------------------------------------
    def _row(self, form: QFormLayout, s: Setting, value: Any, locked: str | None) -> None:
        label = translate("settings", s.label)
        editor: QWidget
        if s.kind is bool:
            editor = QCheckBox(label)
            editor.setChecked(bool(value))
            shown_label = ""
        elif s.choices:
            editor = QComboBox()
            for v, text in s.choices:
                editor.addItem(translate("settings", text), v)
            editor.setCurrentIndex(max(0, editor.findData(value)))
            shown_label = label
        else:
            editor = QSpinBox()
            editor.setRange(s.minimum or 0, s.maximum or 1_000_000)
            editor.setValue(int(value))
            shown_label = label
        editor.setObjectName(f"setting_{s.key}")
        editor.setAccessibleName(label)
        help_text = translate("settings", s.help)
        editor.setAccessibleDescription(help_text)
        editor.setToolTip(help_text)
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(editor)
        v.addWidget(hint_label(locked or help_text))
        if locked:
            editor.setEnabled(False)
        if shown_label:
            form.addRow(label_for(editor, shown_label), box)  # the label names the editor, not the box around it
        else:
            form.addRow("", box)
        self.editors[s.key] = editor

    def _data_page(self, data_folder: str) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setSpacing(10)
        v.addWidget(QLabel(translate("SettingsDialog", "Data folder")))
        row = QHBoxLayout()
        self.folder_label = QLabel(keep_whole(data_folder))
        self.folder_label.setObjectName("dataFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setAccessibleName(translate("SettingsDialog", "Data folder"))
        self.open_folder = QPushButton(translate("SettingsDialog", "Open"))
        self.open_folder.setObjectName("openDataFolder")
        self.open_folder.setAccessibleName(translate("SettingsDialog", "Open the data folder"))
        self.open_folder.clicked.connect(self.openDataFolderRequested)
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.open_folder)
        v.addLayout(row)
        v.addWidget(hint_label(translate("SettingsDialog", "Personas, posts and drafts live here. Start personamgr "
                                         "with --data-dir to keep them somewhere else.")))
        v.addSpacing(8)
        v.addWidget(QLabel(translate("SettingsDialog", "Everything in one file")))
        row = QHBoxLayout()
        self.export_button = QPushButton(translate("SettingsDialog", "Export everything…"))
        self.export_button.setObjectName("exportAll")
        self.export_button.clicked.connect(self.exportRequested)
        self.import_button = QPushButton(translate("SettingsDialog", "Import…"))
        self.import_button.setObjectName("importAll")
        self.import_button.setAccessibleName(translate("SettingsDialog", "Import everything from a file"))
        self.import_button.clicked.connect(self.importRequested)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addWidget(hint_label(translate("SettingsDialog", "Personas, drafts, the queue and these settings. "
                                         "Credentials are never exported: connect the accounts again after an "
                                         "import.")))
        v.addStretch(1)
        return page

    # -- reading and applying ------------------------------------------------------------
    def value(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QSpinBox)
        return editor.value()

    def set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))

    def changes(self) -> dict[str, Any]:
        return {s.key: self.value(s.key) for s in REGISTRY
                if self.editors[s.key].isEnabled() and self.value(s.key) != self.settings.get(s.key)}

    def restore_defaults(self) -> None:
        for s in REGISTRY:
            if self.editors[s.key].isEnabled():
                self.set_value(s.key, s.default)

    def accept(self) -> None:
        try:
            changed = self.settings.update(self.changes())
        except (SettingError, OSError) as e:
            self.error.setText(translate("SettingsDialog", "Not saved: {error}").format(
                error=in_words(e, self.settings.path) + "."))
            self.error.show()
            grow_to_fit(self)  # a dialog that kept its height cut the page's help texts mid-line
            return
        self.error.hide()
        super().accept()
        self.applied.emit(changed)
