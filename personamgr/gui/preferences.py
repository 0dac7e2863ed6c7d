"""Settings in the running window: the dialog, what each setting changes, and export/import of everything.

Each setting takes effect the moment it is saved (the theme repaints, close-to-
tray and start-at-login change) except the language, which needs a restart.
Start at login is the desktop's autostart entry (``core.autostart``), so its
check box shows what the desktop will do, even if the user changed it there.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from personamgr.core.autostart import Autostart, default_command
from personamgr.core.faults import export_message, place_advice, place_fault
from personamgr.core.i18n import translate
from personamgr.core.personas import PersonaError
from personamgr.gui import theme
from personamgr.gui.message_boxes import ShowsBoxes

if TYPE_CHECKING:
    from personamgr.gui.app import Shell
    from personamgr.gui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)


class Preferences(QObject, ShowsBoxes):
    message = Signal(str)  # one line for the status bar
    _changed = Signal(str)  # a setting changed, on any thread -> handled on the GUI thread
    notice_name = "preferencesNotice"
    dialog_attr = "dialog"

    def __init__(self, shell: Shell, autostart: Autostart, profile_args: Sequence[str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shell = shell
        self.settings = shell.services.settings
        self.autostart = autostart
        self.profile_args = list(profile_args)
        self.window = shell.window
        self.box: QMessageBox | None = None
        self.dialog: SettingsDialog | None = None
        self._reverting = False
        app = QApplication.instance()
        self.follower = theme.ThemeFollower(app, self.settings.get("theme")) if isinstance(app, QApplication) \
            else None
        self._changed.connect(self.apply, Qt.ConnectionType.QueuedConnection)
        self.settings.subscribe(self._emit_changed)
        self.apply("theme")
        self.apply("close_to_tray")

    def _emit_changed(self, key: str) -> None:
        try:
            self._changed.emit(key)
        except RuntimeError:  # the window is gone (quitting)
            pass

    # -- the dialog ----------------------------------------------------------------------
    def locked(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.shell.window.demo:
            out["start_at_login"] = translate("Preferences", "Not for the demo: open personamgr on your own profile "
                                              "to start it at login.")
        if not self.shell.tray_available:
            out["close_to_tray"] = translate("Preferences", "This desktop shows no tray icons, so closing the "
                                             "window quits.")
        return out

    def _live(self, key: str) -> Any:
        if key == "start_at_login":
            try:
                return self.autostart.is_enabled()
            except OSError:
                return None
        return None

    @Slot()
    def open_dialog(self) -> SettingsDialog:
        from personamgr.gui.settings_dialog import SettingsDialog  # not needed for the first frame

        paths = self.shell.services.paths
        dialog = SettingsDialog(self.settings, data_folder=str(paths.data) if paths else "", locked=self.locked(),
                                current=self._live, parent=self.window)
        dialog.openDataFolderRequested.connect(self.open_data_folder)
        dialog.exportRequested.connect(self.export_everything)
        dialog.importRequested.connect(self.import_everything)
        self._keep(dialog)
        dialog.open()
        return dialog

    # -- effects -------------------------------------------------------------------------
    @Slot(str)
    def apply(self, key: str) -> None:
        value = self.settings.get(key)
        if key == "theme" and self.follower is not None:
            self.follower.set_choice(value)
        elif key == "close_to_tray":
            self.window.close_to_tray = bool(self.shell.tray_available and value)
        elif key == "start_at_login" and not self._reverting:
            self._start_at_login(bool(value))
        elif key == "language":
            self.message.emit(translate("Preferences", "The new language is used from the next start."))

    def _start_at_login(self, on: bool) -> None:
        try:
            if on:
                self.autostart.enable(default_command([*self.profile_args, "--background"]))
            else:
                self.autostart.disable()
        except OSError as e:
            self._reverting = True
            try:
                self.settings.set("start_at_login", not on)
            finally:
                self._reverting = False
            self._tell(QMessageBox.Icon.Warning, translate("Preferences", "Start at login"),
                       self._login_items_fault(e, on))
            return
        where = self.autostart.path
        self.message.emit(translate("Preferences", "personamgr starts in the tray when you log in ({where}).").format(
            where=where) if on else translate("Preferences", "personamgr no longer starts at login."))

    def _login_items_fault(self, error: OSError, on: bool) -> str:
        """Why the login items did not change, about their folder (a full or read-only ~/.config)."""
        if error.errno is None:  # not the disk's: start at login is not supported here, say
            return translate("Preferences", "Could not change the login items: {error}").format(error=error)
        place = Path(error.filename) if isinstance(error.filename, str) else self.autostart.path or Path.home()
        kind, why = place_fault(error, place)
        text = (translate("Preferences", "Could not turn on start at login: {why}. {advice}") if on else
                translate("Preferences", "Could not turn off start at login: {why}. {advice}"))
        return text.format(why=why, advice=place_advice(kind))

    @Slot()
    def open_data_folder(self) -> bool:
        paths = self.shell.services.paths
        return paths is not None and bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data))))

    # -- everything in one file ----------------------------------------------------------
    @Slot()
    def export_everything(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, translate("Preferences", "Export everything"),
                                              str(Path.home() / "personamgr-archive.toml"),
                                              translate("Preferences", "personamgr archive (*.toml)"))
        if path:
            self.export_to(path)

    @Slot()
    def import_everything(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, translate("Preferences", "Import everything"),
                                              str(Path.home()),
                                              translate("Preferences", "personamgr archive (*.toml);;All files (*)"))
        if path:
            self.import_from(path)

    def export_to(self, path: str | Path) -> None:
        from personamgr.core.archive import export_archive

        services = self.shell.services

        def failed(error: BaseException) -> None:
            if not isinstance(error, OSError):
                raise error
            self._tell(QMessageBox.Icon.Critical, translate("Preferences", "Export everything"),
                       export_message(error, Path(path)))

        self.shell.workers.submit(lambda: export_archive(services, path), failed=failed, name="export archive",
                                  done=lambda s: self.message.emit(translate(
                                      "Preferences", "Exported {what} to {path}. Credentials are never "
                                      "exported.").format(what=s.describe(), path=path)))

    def import_from(self, path: str | Path) -> None:
        from personamgr.core.archive import ArchiveError, ArchiveIncomplete, import_archive

        services = self.shell.services

        def failed(error: BaseException) -> None:
            if not isinstance(error, (ArchiveError, PersonaError, OSError)):
                raise error
            info = error.info if isinstance(error, ArchiveIncomplete) else translate("Preferences",
                                                                                    "Nothing was imported.")
            self._tell(QMessageBox.Icon.Critical, translate("Preferences", "Import everything"), str(error), info)

        self.shell.workers.submit(lambda: import_archive(services, path), failed=failed, name="import archive",
                                  done=lambda s: self.message.emit(translate(
                                      "Preferences", "Imported {what} from {name}. Connect X accounts again: "
                                      "credentials are not in the file.").format(what=s.describe(),
                                                                                 name=Path(path).name)))
