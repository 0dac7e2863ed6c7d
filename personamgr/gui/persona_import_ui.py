"""Importing personas from the window: a field-by-field preview before anything is written, and undo.

:class:`ImportPreview` shows what the file would change (``core.persona_import`` plans it): every
persona it adds or updates, and for each, every field with its value now and after the import. Its
"Replace whole personas" box plans again with the file replacing whole personas, and the fields that
would go back to their defaults are marked *cleared*. :class:`PersonaImporter` owns the flow: read
and plan (worker), preview, write (worker, which backs the personas up first), and File ▸ Undo last
import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from personamgr.core import persona_import as pi
from personamgr.core.faults import describe
from personamgr.core.i18n import translate
from personamgr.core.persona_file import PersonaFileError
from personamgr.core.scheduling import PostSchedule
from personamgr.core.scheduling.zone_change import KEEP_CLOCK_TIP, changes_zone, import_notes
from personamgr.core.services import Services
from personamgr.gui.a11y import with_letters
from personamgr.gui.message_boxes import ShowsBoxes
from personamgr.gui.workers import Workers

# A preview of a very long file shows this many personas; the rest are counted (the import still takes all).
SHOWN_PERSONAS = 500
CUT = 200  # characters of one value shown in a cell; the tooltip has it whole


def _cell(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= CUT else one[: CUT - 1] + "…"


class ImportPreview(QDialog):
    """The plan of one import, field by field. ``replaceToggled(bool)`` asks the owner to plan again."""

    replaceToggled = Signal(bool)  # noqa: N815 (Qt naming)
    confirmed = Signal(object)  # the ImportPlan the user saw and accepted

    def __init__(self, plan: pi.ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(translate("ImportPreview", "Import personas from {file}").format(file=plan.path.name))
        self.setMinimumSize(640, 460)
        self.plan = plan
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importChanges")
        self.tree.setAccessibleName(translate("ImportPreview", "What the import changes"))  # not a bare "tree"
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([translate("ImportPreview", "Persona and field"), translate("ImportPreview", "Now"),
                                   translate("ImportPreview", "After the import")])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # now and after side by side, equally
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.replace_check = QCheckBox(translate("ImportPreview", "Replace whole personas: fields the file leaves "
                                                                  "out go back to their defaults"))
        self.replace_check.setObjectName("replaceWhole")
        self.replace_check.setChecked(plan.replace_whole)
        self.replace_check.toggled.connect(self._toggled)
        self.keep_clock_check = QCheckBox(translate("ImportPreview", "New time zone: move scheduled posts to the same "
                                                                     "clock time there"))
        self.keep_clock_check.setObjectName("keepClockTimes")
        self.keep_clock_check.setToolTip(translate("ZoneChange", KEEP_CLOCK_TIP))
        self.clears = QLabel()
        self.clears.setObjectName("importClears")
        self.clears.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("importNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel))
        self.import_button = self.buttons.addButton(translate("ImportPreview", "&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.replace_check)
        layout.addWidget(self.clears)
        layout.addWidget(self.keep_clock_check)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.show_plan(plan)

    # -- showing a plan ------------------------------------------------------------------
    def show_plan(self, plan: pi.ImportPlan) -> None:
        self.plan = plan
        self.replace_check.blockSignals(True)
        self.replace_check.setChecked(plan.replace_whole)
        self.replace_check.blockSignals(False)
        self.replace_check.setEnabled(True)
        # Only a persona that is already there can have fields the file leaves out: for new ones neither the box
        # nor the line about kept fields means anything.
        existing = bool(plan.updated or plan.unchanged)
        self.replace_check.setVisible(existing)
        self.clears.setVisible(existing)
        self.keep_clock_check.setVisible(changes_zone(plan.updated_pairs()))
        self.summary.setText(self.summary_text(plan))
        self.tree.clear()
        cleared = 0
        shown = [c for c in plan.changes if c.kind is not pi.ChangeKind.SAME]
        for change in shown[:SHOWN_PERSONAS]:
            cleared += self._add(change)
        if len(shown) > SHOWN_PERSONAS:
            hidden = len(shown) - SHOWN_PERSONAS  # a plain name: pyside6-lupdate reads no other count
            more = QTreeWidgetItem([translate("ImportPreview", "… and %n more persona(s)", None, hidden)])
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(more)
        if plan.replace_whole and cleared:
            self.clears.setText(translate("ImportPreview", "Replacing whole personas clears %n field(s) (marked "
                                          "“cleared” above): their values now are not in the file.", None, cleared))
        elif plan.replace_whole:
            self.clears.setText(translate("ImportPreview", "Nothing is cleared: the file gives every field it "
                                                           "changes."))
        else:
            self.clears.setText(translate("ImportPreview", "Fields the file leaves out keep their values."))
        if not plan.changes_anything:
            self.note.setText(translate("ImportPreview", "The file matches your personas: there is nothing to "
                                                         "import."))
        elif plan.updated:
            self.note.setText(translate("ImportPreview", "Posts and credentials are kept. The personas are backed "
                                                         "up first; File ▸ Undo last import puts them back."))
        else:
            self.note.setText(translate("ImportPreview", "Posts and credentials are kept. File ▸ Undo last import "
                                                         "removes the added personas again."))
        self.import_button.setEnabled(plan.changes_anything)
        self.tree.expandAll()

    def _add(self, change: pi.PersonaChange) -> int:
        """One persona and its changed fields; returns how many of them are cleared."""
        if change.kind is pi.ChangeKind.ADD:
            title = translate("ImportPreview", "New: {name}").format(name=change.persona.name)
        elif change.before is not None and change.before.name != change.persona.name:
            title = translate("ImportPreview", "Update: {old} → {new}").format(old=change.before.name,
                                                                                new=change.persona.name)
        else:
            title = translate("ImportPreview", "Update: {name}").format(name=change.persona.name)
        top = QTreeWidgetItem([title])
        bold = QFont(top.font(0))
        bold.setBold(True)
        top.setFont(0, bold)
        self.tree.addTopLevelItem(top)
        cleared = 0
        for fc in change.fields():
            name = translate("ImportPreview", "{field} (cleared)").format(field=fc.label) if fc.cleared else fc.label
            item = QTreeWidgetItem([name, _cell(self._value(fc.before)), _cell(self._value(fc.after))])
            item.setToolTip(1, fc.before)
            item.setToolTip(2, fc.after)
            if fc.cleared:
                cleared += 1
                italic = QFont(item.font(0))
                italic.setItalic(True)
                for col in range(3):
                    item.setFont(col, italic)
            top.addChild(item)
        return cleared

    @staticmethod
    def summary_text(plan: pi.ImportPlan) -> str:
        n = len(plan.changes)  # a plain name: pyside6-lupdate reads no other count
        return translate("ImportPreview", "{file}: %n persona(s): {added} to add, {updated} to update, {same} "
                                          "unchanged.", None, n).format(file=plan.path.name, added=plan.added,
                                                                         updated=plan.updated, same=plan.unchanged)

    @staticmethod
    def _value(text: str) -> str:
        """The preview's words for "no value" in the user's language (values themselves are the user's own)."""
        return {"(none)": translate("ImportPreview", "(none)"), "(empty)": translate("ImportPreview", "(empty)"),
                "yes": translate("ImportPreview", "yes"), "no": translate("ImportPreview", "no")}.get(text, text)

    def rows(self) -> list[tuple[str, ...]]:
        """What the preview shows, as text (persona rows, then their field rows indented), for tests and reading."""
        out: list[tuple[str, ...]] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.append((top.text(0),))
            out += [("  " + top.child(j).text(0), top.child(j).text(1), top.child(j).text(2))
                    for j in range(top.childCount())]
        return out

    # -- answers -------------------------------------------------------------------------
    def _toggled(self, on: bool) -> None:
        self.import_button.setEnabled(False)
        self.replace_check.setEnabled(False)  # until the new plan is shown
        self.replaceToggled.emit(on)

    def _accept(self) -> None:
        if self.import_button.isEnabled():
            self.import_button.setEnabled(False)
            self.confirmed.emit(self.plan)


class PersonaImporter(QObject, ShowsBoxes):
    """File ▸ Import personas… and File ▸ Undo last import. Reports through :attr:`message`."""

    message = Signal(str)
    question_name = "importQuestion"
    notice_name = "importNotice"
    dialog_attr = "preview"

    def __init__(self, services: Services, workers: Workers, parent: QWidget,
                 before_write: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workers = workers
        self.window = parent
        self.before_write = before_write
        self.preview: ImportPreview | None = None
        self.box: QMessageBox | None = None

    @property
    def _backups(self) -> Path:
        paths = self.services.paths
        if paths is not None:
            return paths.backups
        store_path = self.services.store.path
        return (store_path.parent if store_path else Path.cwd()) / "backups"

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, translate("PersonaImporter", "Import personas"),
                                              str(Path.home()),
                                              translate("PersonaImporter", "Personas (*.toml);;All files (*)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str | Path, *, replace_whole: bool = False) -> None:
        """Read and plan (worker), then show the preview; nothing is written until the user says Import."""
        path = Path(path)
        store = self.services.store
        self.workers.submit(lambda: pi.read_plan(store, path, replace_whole=replace_whole),
                            done=self._show, failed=lambda e: self._failed(path, e), name="plan import")

    def _show(self, plan: pi.ImportPlan) -> None:
        preview = self.preview
        if preview is not None and preview.isVisible() and preview.plan.path == plan.path:
            preview.show_plan(plan)
            return
        preview = ImportPreview(plan, self.window)
        preview.replaceToggled.connect(lambda on: self.import_from(plan.path, replace_whole=on))
        preview.confirmed.connect(self._apply)
        self._keep(preview)
        preview.open()

    def _apply(self, plan: pi.ImportPlan) -> None:
        if self.before_write is not None:
            self.before_write()
        services, backups = self.services, self._backups
        preview = self.preview
        keep_clock = preview is not None and preview.keep_clock_check.isVisibleTo(preview) and \
            preview.keep_clock_check.isChecked()

        def write() -> tuple[pi.ImportResult, list[str]]:
            result = pi.apply_import(services.store, plan, backups, services.clock)
            schedule = PostSchedule(services.store, services.outbox, services.clock)
            return result, import_notes(schedule, plan.updated_pairs(), keep_clock=keep_clock)

        def done(written: tuple[pi.ImportResult, list[str]]) -> None:
            result, notes = written
            if self.preview is not None:
                self.preview.accept()
            n = len(plan.changes)
            said = translate("PersonaImporter", "Imported %n persona(s) from {file}: {added} new, {updated} "
                                                "updated.", None, n).format(file=plan.path.name, added=result.added,
                                                                             updated=result.updated)
            later = [translate("PersonaImporter", "To keep the old clock times instead, edit the persona: its "
                               "editor offers it.")] if notes and not keep_clock else []
            self.message.emit(" ".join([said, *notes, *later]))

        self.workers.submit(write, done=done, failed=lambda e: self._failed(plan.path, e), name="import personas")

    def _failed(self, path: Path, error: BaseException) -> None:
        store_fault = describe(error, self.services.store.path)
        if isinstance(error, PersonaFileError):
            text = str(error)  # file:line: problem, one line each
        elif isinstance(error, pi.ImportFailed):
            text = f"{path}: {error}"
        elif store_fault is not None:  # a full disk, a locked database ...: the transaction was rolled back
            text = translate("PersonaImporter", "{path}: nothing was imported: {reason}").format(path=path,
                                                                                                reason=store_fault)
        else:
            raise error
        if self.preview is not None and self.preview.isVisible():
            self.preview.reject()
        self.message.emit(translate("PersonaImporter", "Nothing was imported."))
        # Only a mistake in the file is the file's to fix; a full disk or a conflict is said in ``text``.
        info = translate("PersonaImporter", "Nothing was imported: a file is imported whole or not at all. Fix the "
                         "file and try again.") if isinstance(error, PersonaFileError) else \
            translate("PersonaImporter", "Nothing was imported.")
        self._tell(QMessageBox.Icon.Critical, translate("PersonaImporter", "Import personas"), text, info)

    # -- undo ----------------------------------------------------------------------------
    @Slot()
    def undo_last(self) -> None:
        """Ask (naming the file and what goes back), then undo in a worker."""
        store = self.services.store
        self.workers.submit(lambda: pi.last_import(store), done=self._confirm_undo, name="read last import")

    def _confirm_undo(self, record: dict[str, object] | None) -> None:
        if record is None:
            self._tell(QMessageBox.Icon.Information, translate("PersonaImporter", "Undo last import"),
                       translate("PersonaImporter", "There is no import to undo."))
            return
        added, updated = len(record.get("added") or []), len(record.get("updated") or [])  # type: ignore[arg-type]
        at = pi.imported_at(record)
        name = Path(str(record.get("file"))).name
        question = translate("PersonaImporter", "Undo the import of {file} on {when} UTC?").format(
            file=name, when=f"{at:%Y-%m-%d %H:%M}") if at else \
            translate("PersonaImporter", "Undo the import of {file}?").format(file=name)
        info = (translate("PersonaImporter", "%n persona(s) go back to how they were before it (edits made since are "
                                             "lost).", None, updated) + " " +
                translate("PersonaImporter", "The %n it added are removed, unless they have posts or an account "
                                             "since.", None, added) + " " +
                translate("PersonaImporter", "Your personas are backed up first."))
        self._ask(translate("PersonaImporter", "Undo last import"), question, info,
                  translate("PersonaImporter", "Undo import"), self._undo)

    def _undo(self) -> None:
        store, clock, backups = self.services.store, self.services.clock, self._backups

        def done(result: pi.UndoResult) -> None:
            lines = [what.format(names=", ".join(names)) for what, names in (
                (translate("PersonaImporter", "Restored: {names}."), result.restored),
                (translate("PersonaImporter", "Removed: {names}."), result.removed),
                (translate("PersonaImporter", "Kept, because they have posts or an account: {names}."), result.kept),
                (translate("PersonaImporter", "Deleted since the import, so not restored: {names}."),
                 result.missing)) if names]
            done_text = translate("PersonaImporter", "Undid the import of {file}.").format(file=Path(result.file).name)
            self.message.emit(done_text)
            self._tell(QMessageBox.Icon.Information, translate("PersonaImporter", "Undo last import"), done_text,
                       " ".join([*lines, translate("PersonaImporter", "Your personas as they were just before are "
                                                                      "in {path}.").format(path=result.backup)]))

        def failed(error: BaseException) -> None:
            store_fault = describe(error, store.path)
            if not isinstance(error, pi.ImportFailed) and store_fault is None:
                raise error
            message = str(error) if store_fault is None else \
                translate("PersonaImporter", "nothing was undone: {reason}").format(reason=store_fault)
            self._tell(QMessageBox.Icon.Critical, translate("PersonaImporter", "Undo last import"),
                       message[:1].upper() + message[1:])

        self.workers.submit(lambda: pi.undo_last_import(store, backups, clock), done=done, failed=failed,
                            name="undo import")
