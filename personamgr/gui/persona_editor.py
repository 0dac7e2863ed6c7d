"""Creating, editing, deleting, importing and exporting personas from the window.

:class:`PersonaEditor` edits every field of a persona. Validation is
``core.personas.validate`` (the same words the CLI and the importer use); its
error is shown next to the field it names, on the tab that holds it, and the
dialog stays open with everything the user typed.

:class:`PersonaManager` owns the flows around it: New/Edit/Delete (Persona
menu and the persona list's context menu) and Import/Export (File menu).
Importing (a field-by-field preview first) is :class:`~personamgr.gui.persona_import_ui.PersonaImporter`'s.
Every store, file and keyring call runs in a worker; questions are asked
with window-modal boxes opened with ``open()``, never a nested event loop.
"""

from __future__ import annotations

import logging
import re
import zoneinfo
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QLocale, QObject, QPoint, QSize, Qt, QTime, QTimer, QTimeZone, Signal, Slot
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core import costs
from personamgr.core.faults import export_message, in_words
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.outbox import Post, PostState, TransitionError, persona_kept
from personamgr.core.persona_file import save_personas, slot_to_text
from personamgr.core.personas import (
    BUDGET_MAX_USD,
    DEFAULT_SLOTS,
    LATE_HOURS_MAX,
    NAME_MAX,
    NETWORK_LABELS,
    PALETTE,
    POST_CAP_MAX,
    VISIBILITIES,
    MissedPolicy,
    Persona,
    PersonaError,
    QueueSlot,
    Sensitivity,
    next_colour,
    normalise_server,
    validate,
)
from personamgr.core.scheduling import PostSchedule
from personamgr.core.scheduling.zone_change import (
    KEEP_CLOCK_TIP,
    ClockTimesLeft,
    after_zone_change,
    clock_times_left,
)
from personamgr.core.services import Services
from personamgr.gui.a11y import first_control, is_interactive, label_for, with_button_letters, with_letters
from personamgr.gui.colour_swatches import ColourSwatches
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import DraftKeeper
from personamgr.gui.fields_note import FieldsNote
from personamgr.gui.message_boxes import ShowsBoxes
from personamgr.gui.persona_examples import example_for
from personamgr.gui.persona_import_ui import PersonaImporter
from personamgr.gui.widgets import WholeLinesEdit, hint_label
from personamgr.gui.workers import Workers

TAB_IDENTITY, TAB_FOCUS, TAB_SCHEDULE, TAB_LIMITS = range(4)
SENSITIVITY_LABELS = {  # translated where shown (context "PersonaEditor")
    Sensitivity.STRICT: QT_TRANSLATE_NOOP("PersonaEditor", "Strict: warn at the first sign of drift"),
    Sensitivity.NORMAL: QT_TRANSLATE_NOOP("PersonaEditor", "Normal"),
    Sensitivity.RELAXED: QT_TRANSLATE_NOOP("PersonaEditor", "Relaxed: warn only when clearly off-topic"),
}
EXAMPLE_SERVER = "https://fosstodon.org"  # an address, the same in every language
VISIBILITY_LABELS = {  # Mastodon's visibilities; translated where shown (context "PersonaEditor")
    "public": QT_TRANSLATE_NOOP("PersonaEditor", "Public"),
    "unlisted": QT_TRANSLATE_NOOP("PersonaEditor", "Quiet public (unlisted: not in trends or public timelines)"),
    "private": QT_TRANSLATE_NOOP("PersonaEditor", "Followers only"),
    "direct": QT_TRANSLATE_NOOP("PersonaEditor", "Mentioned people only"),
}
MISSED_LABELS = {
    MissedPolicy.ASK: QT_TRANSLATE_NOOP("PersonaEditor", "Ask me what to do"),
    MissedPolicy.POST_LATE: QT_TRANSLATE_NOOP("PersonaEditor", "Post it late, if no later than"),
    MissedPolicy.SKIP: QT_TRANSLATE_NOOP("PersonaEditor", "Skip to the next queue slot"),
}

log = logging.getLogger(__name__)


def day_name(weekday: int) -> str:
    """Monday for 0, in the user's language (Qt's locale data)."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


# -- turning text boxes into persona fields ------------------------------------------------
def lines(text: str) -> tuple[str, ...]:
    """One item per line, trimmed, blank lines dropped."""
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip())


def paragraphs(text: str) -> tuple[str, ...]:
    """Items separated by a blank line: an example post may span several lines."""
    return tuple(p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip())


def hashtags(text: str) -> tuple[str, ...]:
    """``#a b, #c`` -> ("#a", "#b", "#c"): separated by spaces or commas, "#" added where missing."""
    out: list[str] = []
    for raw in re.split(r"[\s,]+", text):
        word = raw.strip()
        if word and word != "#":
            tag = word if word.startswith("#") else f"#{word}"
            if tag not in out:
                out.append(tag)
    return tuple(out)


def _clamped(value: float, high: float) -> float:
    """A stored value shown in a spin box of range 0..high (one written by an older version may be outside it;
    Qt's spin boxes raise on values past 32 bits)."""
    return min(max(0, value), high)


def save_persona(services: Services, before: Persona | None, persona: Persona, *,
                 keep_clock: bool = False) -> tuple[Persona, str | None]:
    """Store a new or changed persona (in a worker); with what a new time zone did to its scheduled posts (they
    keep their moment, or with ``keep_clock`` their clock time; the zone unchanged, ``keep_clock`` moves those an
    earlier change left at their moment)."""
    if before is None:
        return services.store.add_persona(persona), None
    saved = services.store.update_persona(persona)
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    note = after_zone_change(schedule, before, saved, keep_clock=keep_clock)
    if note and not keep_clock and before.timezone != saved.timezone:
        note += " " + translate("PersonaEditor", "To keep the old clock time instead, edit {name} again: the editor "
                                "offers it.").format(name=saved.name)
    return saved, note


def system_timezone() -> str:
    """The machine's IANA zone (Qt reads it the way the desktop does), or UTC."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="replace")
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name


class _GridRow(QWidget):
    """A box with its hint, as a row of the focus tab's grid. Its height does not follow its width: a grid
    squeezes a row to its height-for-width, below its box's smallest, and the box ran under the next row. Its
    wrapped lines' heights are set as minimums instead (:meth:`PersonaEditor._fit_height`)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Its hint's lines at its width, not at a wrapped label's guess (a gap under a one-line field)."""
        hint = super().sizeHint()
        layout = self.layout()
        if layout is not None and self.width() > 0:
            hint.setHeight(layout.totalHeightForWidth(self.width()))
        return hint


class PersonaEditor(QDialog):
    """Edit one persona, or create one (``persona=None``). Emits :attr:`saved` once it is in the store."""

    saved = Signal(object)  # Persona, as stored

    def __init__(self, services: Services, controller: PersonaController, workers: Workers,
                 persona: Persona | None = None, parent: QWidget | None = None, *,
                 guard: Callable[[], Any | None] | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        self.workers = workers
        self.guard = guard or (lambda: None)  # the compose box's loaded model, which reads the topics' fields
        self.original = persona
        self.note: str | None = None  # what saving changed beyond the persona (a new zone's scheduled posts)
        self.setObjectName("personaEditor")
        self.setWindowTitle(translate("PersonaEditor", "Edit {name}").format(name=persona.name) if persona
                            else translate("PersonaEditor", "New persona"))
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._tab_of: dict[str, int] = {}
        # A new persona starts with weekday queue slots, so its first "Add to queue" has somewhere to go.
        start = persona or Persona(name="", colour=next_colour(controller.personas), timezone=system_timezone(),
                                   queue_slots=DEFAULT_SLOTS)

        self.example = example_for(p.name for p in controller.personas)  # greyed in the empty fields
        self.tabs = QTabWidget()
        self.tabs.addTab(self._identity_tab(start), translate("PersonaEditor", "&Identity"))
        self.tabs.addTab(self._focus_tab(start), translate("PersonaEditor", "&Focus"))
        self.tabs.addTab(self._schedule_tab(start), translate("PersonaEditor", "Sched&ule"))
        self.tabs.addTab(self._limits_tab(start), translate("PersonaEditor", "&Limits"))
        self.tabs.currentChanged.connect(self._fit_note)

        self.general_error = QLabel()
        self.general_error.setObjectName("generalError")
        self.general_error.setProperty("tone", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                                     | QDialogButtonBox.StandardButton.Cancel))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(translate("PersonaEditor", "&Create") if persona is None
                                 else translate("PersonaEditor", "&Save"))
        # Its own letter: the tabs' and the fields' letters leave Cancel's usual C to Create.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("PersonaEditor", "Ca&ncel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        # 620 x 600 at least, and more if a tab needs it (the slot row's buttons in Spanish): a minimum set by
        # hand overrides the layout's own, which then squeezed the form's labels to nothing.
        self.setMinimumSize(layout.minimumSize().expandedTo(QSize(620, 600)))
        self._busy = False
        if persona is not None:
            self._load_spend(persona)
        self.name_edit.setFocus()  # a name typed at once goes in (the first focus was the Identity tab's title)
        with_button_letters(self)

    # -- building ------------------------------------------------------------------------
    def _field(self, form: QFormLayout | QGridLayout, tab: int, field: str, label: str, widget: QWidget, *,
               hint: str = "") -> None:
        """A form row: the widget, a hint under it, and its (hidden) error under that. In a grid, the row takes
        the widget's vertical stretch of the spare height."""
        box = QWidget() if isinstance(form, QFormLayout) else _GridRow()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget, 1)
        if hint:
            h = hint_label(hint)
            h.setObjectName(f"{field}Hint")
            v.addWidget(h)
        err = QLabel()
        err.setObjectName(f"error_{field}")
        err.setProperty("tone", "error")
        err.setWordWrap(True)
        err.hide()
        v.addWidget(err)
        if isinstance(form, QGridLayout):
            self._grid_row(form, label, widget, box)
        elif label:
            form.addRow(label_for(first_control(widget), label), box)  # it names the control, not the box around it
        else:
            form.addRow("", box)
        if label and is_interactive(widget) and not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", ""))  # the form's label names the box around it
        self._widgets[field] = widget
        self._errors[field] = err
        self._tab_of[field] = tab

    @staticmethod
    def _form(page: QWidget) -> QFormLayout:
        """A form at the top of ``page``: fields as wide as the dialog, spare height below, not between rows."""
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        outer.addLayout(form)
        outer.addStretch(1)
        return form

    @staticmethod
    def _grid(page: QWidget) -> QGridLayout:
        """Rows over the whole of ``page``, whose boxes share its spare height by their stretch: a form layout
        gives none to its rows (an empty band under the last) and squeezes wrapped rows into each other."""
        grid = QGridLayout(page)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        return grid

    @staticmethod
    def _grid_row(grid: QGridLayout, label: str, widget: QWidget, box: QWidget) -> None:
        """A label beside ``box``, level with the first line of ``widget`` (a form's label is too)."""
        row = grid.rowCount()
        caption = QLabel(label)
        caption.setBuddy(widget)
        line = caption.fontMetrics().height()
        if isinstance(widget, QPlainTextEdit):
            top = widget.frameWidth() + round(widget.document().documentMargin())
        else:
            top = max(0, (widget.sizeHint().height() - line) // 2)
        caption.setContentsMargins(0, top, 0, 0)
        grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(box, row, 1)
        grid.setRowStretch(row, widget.sizePolicy().verticalStretch())

    @staticmethod
    def _box(text: str, placeholder: str, rows: int, share: int) -> WholeLinesEdit:
        """A box ``rows`` whole lines tall at least, that takes ``share`` of the tab's spare height: a list of
        topics reads better with all of it in sight than in a three-line box with empty space under the form."""
        box = WholeLinesEdit(text)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(box.lines_tall(rows))
        policy = box.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Expanding)
        policy.setVerticalStretch(share)
        box.setSizePolicy(policy)
        return box

    def _identity_tab(self, p: Persona) -> QWidget:
        page = QWidget()
        form = self._form(page)
        self._form_of_identity = form
        self.name_edit = QLineEdit(p.name)
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.example.name)
        self.name_edit.setMaxLength(NAME_MAX)
        self._field(form, TAB_IDENTITY, "name", translate("PersonaEditor", "N&ame"), self.name_edit,
                    hint=translate("PersonaEditor", "Unique; used in menus and by the CLI."))
        self.handle_edit = QLineEdit(p.handle or "")
        self.handle_edit.setObjectName("handleEdit")
        self.handle_edit.setPlaceholderText(self.example.handle)
        self._field(form, TAB_IDENTITY, "handle", translate("PersonaEditor", "&Handle"), self.handle_edit)

        colour_row = QWidget()
        ch = QHBoxLayout(colour_row)
        ch.setContentsMargins(0, 0, 0, 0)
        ch.setSpacing(4)
        self.colour_edit = QLineEdit(p.colour)
        self.colour_edit.setObjectName("colourEdit")
        self.colour_edit.setAccessibleName(translate("PersonaEditor", "Colour"))
        self.colour_edit.setMaximumWidth(90)
        self.colour_edit.textChanged.connect(self._show_colour)
        ch.addWidget(self.colour_edit)
        self.colour_swatches = ColourSwatches()
        self.colour_swatches.chosen.connect(self.colour_edit.setText)
        ch.addWidget(self.colour_swatches)
        pick = QToolButton()
        pick.setText("…")
        pick.setToolTip(translate("PersonaEditor", "Choose any colour"))
        pick.setAccessibleName(translate("PersonaEditor", "Choose any colour"))
        pick.clicked.connect(self._pick_colour)
        ch.addWidget(pick)
        self.colour_swatch = QLabel()
        self.colour_swatch.setFixedSize(22, 22)
        ch.addSpacing(6)
        ch.addWidget(self.colour_swatch)
        ch.addStretch(1)
        self._field(form, TAB_IDENTITY, "colour", translate("PersonaEditor", "C&olour"), colour_row)
        self._show_colour(p.colour)

        self.network_combo = QComboBox()
        self.network_combo.setObjectName("networkCombo")
        names = ["sandbox", "x", "mastodon", "bluesky"]
        names = [n for n in names if n in self.services.networks or n == p.network] + [
            n for n in self.services.networks if n not in names]
        if p.network not in names:
            names.append(p.network)
        for n in names:
            net = self.services.networks.get(n)
            label = getattr(net, "display_name", NETWORK_LABELS.get(n, n))  # one the profile lacks (the demo's)
            self.network_combo.addItem(translate("networks", label), n)
        self.network_combo.setCurrentIndex(max(0, self.network_combo.findData(p.network)))
        self.network_combo.currentIndexChanged.connect(self._network_hint)
        self.network_note = QLabel()
        self.network_note.setProperty("tone", "hint")
        self.network_note.setWordWrap(True)
        net_box = QWidget()
        nv = QVBoxLayout(net_box)
        nv.setContentsMargins(0, 0, 0, 0)
        nv.addWidget(self.network_combo)
        nv.addWidget(self.network_note)
        self._field(form, TAB_IDENTITY, "network", translate("PersonaEditor", "Ne&twork"), net_box)
        self.premium_check = QCheckBox(translate("PersonaEditor", "Premium account (posts up to 25,000 characters "
                                                                  "instead of 280)"))
        self.premium_check.setObjectName("premiumCheck")
        self.premium_check.setChecked(p.premium)
        self._field(form, TAB_IDENTITY, "premium", "", self.premium_check)
        self.server_edit = QLineEdit(p.server or "")
        self.server_edit.setObjectName("serverEdit")
        self.server_edit.setAccessibleName(translate("PersonaEditor", "Server"))
        self._field(form, TAB_IDENTITY, "server", translate("PersonaEditor", "Se&rver"), self.server_edit)
        self.visibility_combo = QComboBox()
        self.visibility_combo.setObjectName("visibilityCombo")
        self.visibility_combo.setAccessibleName(translate("PersonaEditor", "Default visibility"))
        for value, label in ((v, VISIBILITY_LABELS[v]) for v in VISIBILITIES):
            self.visibility_combo.addItem(translate("PersonaEditor", label), value)
        self.visibility_combo.setCurrentIndex(max(0, self.visibility_combo.findData(p.visibility)))
        self._field(form, TAB_IDENTITY, "visibility", translate("PersonaEditor", "&Visibility"), self.visibility_combo,
                    hint=translate("PersonaEditor", "Each post's visibility unless you choose another for it."))
        self.warning_edit = QLineEdit(p.content_warning)
        self.warning_edit.setObjectName("contentWarningEdit")
        self.warning_edit.setAccessibleName(translate("PersonaEditor", "Default content warning"))
        self.warning_edit.setPlaceholderText(translate("PersonaEditor", "none"))
        self._field(form, TAB_IDENTITY, "content_warning", translate("PersonaEditor", "Content &warning"),
                    self.warning_edit, hint=translate("PersonaEditor", "Shown before each post's text unless you "
                                                                       "change it for that post; it counts toward "
                                                                       "the length."))

        self.timezone_combo = QComboBox()
        self.timezone_combo.setObjectName("timezoneCombo")
        self.timezone_combo.setEditable(True)
        self.timezone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone_combo.addItems(sorted(zoneinfo.available_timezones()))
        completer = QCompleter(self.timezone_combo.model(), self.timezone_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone_combo.setCompleter(completer)
        self.timezone_combo.setCurrentText(p.timezone)
        self._field(form, TAB_IDENTITY, "timezone", translate("PersonaEditor", "Time &zone"), self.timezone_combo,
                    hint=translate("PersonaEditor", 'Queue slots and the monthly budget follow this zone; posts '
                                                    'already scheduled keep the moment they go out. Type to search: '
                                                    '"berlin", "new_york".'))
        # Offered while the zone differs from the saved one, or while posts an earlier change left at their moment
        # remain (read in a worker): the choice means nothing otherwise.
        self.keep_clock_check = QCheckBox(translate("PersonaEditor", "Move its scheduled posts to the same clock "
                                                                     "time in the new zone"))
        self._left: ClockTimesLeft | None = None
        self.keep_clock_check.setObjectName("keepClockTimes")
        self.keep_clock_check.setToolTip(translate("ZoneChange", KEEP_CLOCK_TIP))
        self._field(form, TAB_IDENTITY, "keep_clock", "", self.keep_clock_check)
        self.timezone_combo.currentTextChanged.connect(self._offer_keep_clock)
        self._offer_keep_clock()
        if self.original is not None:
            self._read_clock_times_left(self.original)
        self._network_hint()
        return page

    def _read_clock_times_left(self, persona: Persona) -> None:
        schedule = PostSchedule(self.services.store, self.services.outbox, self.services.clock)

        def found(left: ClockTimesLeft | None) -> None:
            self._left = left
            self._offer_keep_clock()

        self.workers.submit(lambda: clock_times_left(schedule, persona), done=found, name="clock times left",
                            failed=lambda e: log.warning("could not read the posts a zone change left: %s", e))

    def _offer_keep_clock(self) -> None:
        changed = self.original is not None and self.timezone_combo.currentText().strip() != self.original.timezone
        left = self._left if not changed else None
        if left is not None:
            count = left.count  # a plain name: pyside6-lupdate reads no other count
            self.keep_clock_check.setText(translate("PersonaEditor", "Move %n scheduled post(s) to the clock time "
                                                    "(it|they) had in {zone}", None, count).format(zone=left.zone))
        else:
            self.keep_clock_check.setText(translate("PersonaEditor", "Move its scheduled posts to the same clock "
                                                    "time in the new zone"))
        self._show_row("keep_clock", changed or left is not None)

    def _focus_tab(self, p: Persona) -> QWidget:
        page = QWidget()
        form = self._grid(page)
        self._focus_form = form
        self.description_edit = self._box(p.description, self.example.description, 2, 1)
        self.description_edit.setObjectName("descriptionEdit")
        self._field(form, TAB_FOCUS, "description", translate("PersonaEditor", "&Description"), self.description_edit,
                    hint=translate("PersonaEditor", "A description or at least one topic is required: the guard checks "
                                                    "posts against them."))
        # Said as the focus is typed: a focus the guard cannot read would make every post look off focus.
        self.focus_language_note = QLabel()
        self.focus_language_note.setObjectName("focusLanguageNote")
        self.focus_language_note.setWordWrap(True)
        self.focus_language_note.setProperty("tone", "warning")
        self.focus_language_note.hide()
        form.addWidget(self.focus_language_note, form.rowCount(), 0, 1, 2)
        self.topics_edit = self._box("\n".join(p.topics), self.example.topics, 3, 2)
        self.topics_edit.setObjectName("topicsEdit")
        self._field(form, TAB_FOCUS, "topics", translate("PersonaEditor", "T&opics"), self.topics_edit,
                    hint=translate("PersonaEditor", "One per line."))
        self.fields_note = FieldsNote(self.workers, self.guard)  # two separate fields in one persona: said gently
        form.addWidget(self.fields_note, form.rowCount(), 1)
        self.topics_edit.textChanged.connect(self._check_fields)
        self._check_fields()
        self.keywords_edit = self._box("\n".join(p.keywords), self.example.keywords, 3, 1)
        self.keywords_edit.setObjectName("keywordsEdit")
        self._field(form, TAB_FOCUS, "keywords", translate("PersonaEditor", "&Keywords"), self.keywords_edit,
                    hint=translate("PersonaEditor", "One per line."))
        self.examples_edit = self._box("\n\n".join(p.examples), translate(
            "PersonaEditor", "A post that is typical of this persona.\n\nAnother one."), 4, 3)
        self.examples_edit.setObjectName("examplesEdit")
        self._field(form, TAB_FOCUS, "examples", translate("PersonaEditor", "&Example posts"), self.examples_edit,
                    hint=translate("PersonaEditor", "Separate posts with a blank line."))
        self.avoid_edit = self._box("\n".join(p.avoid), self.example.avoid, 3, 1)
        self.avoid_edit.setObjectName("avoidEdit")
        self._field(form, TAB_FOCUS, "avoid", translate("PersonaEditor", "&Avoid topics"), self.avoid_edit,
                    hint=translate("PersonaEditor", "One per line."))
        self.hashtags_edit = QLineEdit(" ".join(p.hashtags))
        self.hashtags_edit.setObjectName("hashtagsEdit")
        self.hashtags_edit.setPlaceholderText(self.example.hashtags)
        self._field(form, TAB_FOCUS, "hashtags", translate("PersonaEditor", "Signature &hashtags"), self.hashtags_edit,
                    hint=translate("PersonaEditor", "The guard warns if they show up on another persona."))
        self.sensitivity_combo = QComboBox()
        self.sensitivity_combo.setObjectName("sensitivityCombo")
        for s, label in SENSITIVITY_LABELS.items():
            self.sensitivity_combo.addItem(translate("PersonaEditor", label), s.value)
        self.sensitivity_combo.setCurrentIndex(self.sensitivity_combo.findData(p.sensitivity.value))
        self._field(form, TAB_FOCUS, "sensitivity", translate("PersonaEditor", "&Guard"), self.sensitivity_combo)
        for box in (self.description_edit, self.topics_edit, self.keywords_edit, self.examples_edit):
            box.textChanged.connect(self._focus_language)
        self._focus_language()
        self._read_common_words()
        return page

    @Slot()
    def _check_fields(self) -> None:
        self.fields_note.check(Persona(name=self.name_edit.text().strip() or self.example.name,
                                       topics=lines(self.topics_edit.toPlainText())))

    def _read_common_words(self) -> None:
        """The guard's common-words list names a focus's language as it names a post's: read once per process, on
        a worker (a 30 kB file), then the note is said again with it."""
        from personamgr.core.guard import common_words

        if common_words.loaded() is not None:
            return
        note = self.focus_language_note

        def again(_common: object) -> None:
            if shiboken6.isValid(note):  # the dialog may have been closed and freed meanwhile
                self._focus_language()

        self.workers.submit(common_words.shared, done=again, name="common words", failed=lambda e: log.warning(
            "the guard's common-words list could not be read (the guard says so when it loads): %s", e))

    @Slot()
    def _focus_language(self) -> None:
        from personamgr.core.guard import common_words
        from personamgr.core.guard.languages import unreadable_focus_note

        note = unreadable_focus_note(Persona(
            name="", description=self.description_edit.toPlainText(), topics=lines(self.topics_edit.toPlainText()),
            keywords=lines(self.keywords_edit.toPlainText()), examples=paragraphs(self.examples_edit.toPlainText())),
            common=common_words.loaded())
        self.focus_language_note.setText(note or "")
        self.focus_language_note.setVisible(bool(note))
        if note:  # once the note's lines are laid out
            self._fit_note()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_note()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the hints wrap on more or fewer lines
            self._fit_note()

    @Slot()
    def _fit_note(self) -> None:
        """Fit the focus tab to its rows once it shows (turned to, or its note said)."""
        if self.tabs.currentIndex() == TAB_FOCUS:
            QTimer.singleShot(0, self, self._fit_height)

    def _fit_height(self, *, again: bool = True) -> None:
        """As tall as the focus tab's rows need at this width: its wrapped lines (the note, three or four lines;
        the hints) counted one line each in the grid's minimum, and the boxes ran under their hints. Each is given
        the height of its text at this width, and the dialog grows by what is still missing."""
        form = self._focus_form
        page = form.parentWidget()
        if not self.isVisible() or page is None or not page.isVisible():
            return
        form.activate()  # the labels' widths of now: a tab turned to gets its geometry only now
        for label in page.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                label.setMinimumHeight(label.heightForWidth(label.width()))
        form.activate()
        missing = form.minimumSize().height() - page.height()
        if missing > 0:
            self.resize(self.width(), self.height() + missing)
        if again:  # the rows' new heights reach the grid's minimum only once laid out (a large font ran the
            QTimer.singleShot(0, self, lambda: self._fit_height(again=False))  # examples' box over its hint)

    def _schedule_tab(self, p: Persona) -> QWidget:
        page = QWidget()
        form = self._form(page)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.missed_combo = QComboBox()
        self.missed_combo.setObjectName("missedCombo")
        for m, label in MISSED_LABELS.items():
            self.missed_combo.addItem(translate("PersonaEditor", label), m.value)
        self.missed_combo.setCurrentIndex(self.missed_combo.findData(p.missed_policy.value))
        self.late_spin = QSpinBox()
        self.late_spin.setObjectName("lateSpin")
        self.late_spin.setAccessibleName(translate("PersonaEditor", "How late it may still go out"))
        self.late_spin.setRange(0, LATE_HOURS_MAX)
        self.late_spin.setSuffix(translate("PersonaEditor", " hours late"))
        self.late_spin.setValue(_clamped(p.late_hours, LATE_HOURS_MAX))
        self.missed_combo.currentIndexChanged.connect(self._missed_changed)
        h.addWidget(self.missed_combo, 1)
        h.addWidget(self.late_spin)
        self._field(form, TAB_SCHEDULE, "missed_policy", translate("PersonaEditor", "&Missed posts"), row,
                    hint=translate("PersonaEditor", "When a scheduled time passed while personamgr was closed or the "
                                                    "computer slept."))
        self._widgets["late_hours"] = self.late_spin
        self._errors["late_hours"] = self._errors["missed_policy"]
        self._tab_of["late_hours"] = TAB_SCHEDULE
        self._missed_changed()

        slots_box = QWidget()
        sv = QVBoxLayout(slots_box)
        sv.setContentsMargins(0, 0, 0, 0)
        self.slots_list = QListWidget()
        self.slots_list.setObjectName("slotsList")
        self.slots_list.setAccessibleName(translate("PersonaEditor", "Queue slots"))
        self.slots_list.setFixedHeight(110)
        add_row = QHBoxLayout()
        self.slot_day = QComboBox()
        self.slot_day.setObjectName("slotDay")
        self.slot_day.setAccessibleName(translate("PersonaEditor", "Day of the new slot"))
        self.slot_day.addItems([day_name(d) for d in range(7)])
        self.slot_time = QTimeEdit(QTime(9, 0))
        self.slot_time.setObjectName("slotTime")
        self.slot_time.setAccessibleName(translate("PersonaEditor", "Time of the new slot"))
        self.slot_time.setDisplayFormat("HH:mm")
        self.add_slot_button = QPushButton(translate("PersonaEditor", "Add slot"))
        self.add_slot_button.setObjectName("addSlot")
        self.add_slot_button.clicked.connect(lambda _checked=False: self._add_slot())
        self.weekdays_button = QPushButton(translate("PersonaEditor", "Every weekday"))
        self.weekdays_button.setToolTip(translate("PersonaEditor", "Add this time on Monday to Friday"))
        self.weekdays_button.clicked.connect(lambda _checked=False: self._add_slot(range(5)))
        self.remove_slot_button = QPushButton(translate("PersonaEditor", "Remove"))
        self.remove_slot_button.setObjectName("removeSlot")
        self.remove_slot_button.clicked.connect(self._remove_slot)
        self.remove_slot_button.setEnabled(False)  # until a slot is chosen: it removes the chosen ones
        self.slots_list.itemSelectionChanged.connect(
            lambda: self.remove_slot_button.setEnabled(bool(self.slots_list.selectedItems())))
        add_row.addWidget(label_for(self.slot_day, translate("PersonaEditor", "New slo&t:")))
        for w in (self.slot_day, self.slot_time, self.add_slot_button, self.weekdays_button):
            add_row.addWidget(w)
        add_row.addStretch(1)
        add_row.addWidget(self.remove_slot_button)
        sv.addWidget(self.slots_list)
        sv.addLayout(add_row)
        self._field(form, TAB_SCHEDULE, "queue_slots", translate("PersonaEditor", "&Queue slots"), slots_box,
                    hint=translate("PersonaEditor", '"Add to queue" takes the next free slot, in the persona\'s time '
                                                    'zone.'))
        self._set_slots(p.queue_slots)
        return page

    def _limits_tab(self, p: Persona) -> QWidget:
        page = QWidget()
        form = self._form(page)
        budget_row = QWidget()
        bh = QHBoxLayout(budget_row)
        bh.setContentsMargins(0, 0, 0, 0)
        self.budget_check = QCheckBox(translate("PersonaEditor", "Limit to"))
        self.budget_check.setObjectName("budgetCheck")
        # its words lead into the amount beside it: said alone, "Limit to" does not say what it limits
        self.budget_check.setAccessibleName(translate("PersonaEditor", "Limit the monthly budget"))
        self.budget_spin = QDoubleSpinBox()
        self.budget_spin.setObjectName("budgetSpin")
        self.budget_spin.setAccessibleName(translate("PersonaEditor", "Monthly budget"))
        self.budget_spin.setRange(0, BUDGET_MAX_USD)
        self.budget_spin.setDecimals(2)
        self.budget_spin.setPrefix("$ ")
        self.budget_spin.setSuffix(translate("PersonaEditor", " a month"))
        self.budget_check.setChecked(p.monthly_budget_usd is not None)
        self.budget_spin.setValue(_clamped(p.monthly_budget_usd if p.monthly_budget_usd is not None else 10.0,
                                           BUDGET_MAX_USD))
        self.budget_check.toggled.connect(self.budget_spin.setEnabled)
        self.budget_spin.setEnabled(self.budget_check.isChecked())
        bh.addWidget(self.budget_check)
        bh.addWidget(self.budget_spin, 1)
        self._field(form, TAB_LIMITS, "monthly_budget_usd", translate("PersonaEditor", "Monthly &budget"), budget_row,
                    hint=translate("PersonaEditor", "X bills about $0.015 a post, about $0.20 with a link. Posting "
                                                    "stops at the budget."))
        cap_row = QWidget()
        ch = QHBoxLayout(cap_row)
        ch.setContentsMargins(0, 0, 0, 0)
        self.cap_check = QCheckBox(translate("PersonaEditor", "At most"))
        self.cap_check.setObjectName("capCheck")
        self.cap_check.setAccessibleName(translate("PersonaEditor", "Cap the posts a month"))
        self.cap_spin = QSpinBox()
        self.cap_spin.setObjectName("capSpin")
        self.cap_spin.setAccessibleName(translate("PersonaEditor", "Monthly post cap"))
        self.cap_spin.setRange(0, POST_CAP_MAX)
        self.cap_spin.setSuffix(translate("PersonaEditor", " posts a month"))
        self.cap_check.setChecked(p.monthly_post_cap is not None)
        self.cap_spin.setValue(_clamped(p.monthly_post_cap if p.monthly_post_cap is not None else 100, POST_CAP_MAX))
        self.cap_check.toggled.connect(self.cap_spin.setEnabled)
        self.cap_spin.setEnabled(self.cap_check.isChecked())
        ch.addWidget(self.cap_check)
        ch.addWidget(self.cap_spin, 1)
        self._field(form, TAB_LIMITS, "monthly_post_cap", translate("PersonaEditor", "Monthly &post cap"), cap_row,
                    hint=translate("PersonaEditor", "Each part of a thread counts as one post."))
        self.spend_label = QLabel(translate("PersonaEditor", "Nothing spent yet.") if self.original is None
                                  else translate("PersonaEditor", "Reading…"))
        self.spend_label.setObjectName("spendLabel")
        self.spend_label.setProperty("tone", "hint")
        form.addRow(translate("PersonaEditor", "Spent so far"), self.spend_label)
        return page

    # -- small behaviours ----------------------------------------------------------------
    @Slot(str)
    def _show_colour(self, text: str) -> None:
        ok = bool(re.fullmatch(r"#[0-9a-fA-F]{6}", text.strip()))
        style = f"background: {text.strip()};" if ok else "background: transparent;"
        self.colour_swatch.setStyleSheet(f"QLabel {{ {style} border: 1px solid palette(mid); border-radius: 4px; }}")
        self.colour_swatches.show_colour(text)

    @Slot()
    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour_edit.text().strip() or PALETTE[0]), self,
                                       translate("PersonaEditor", "Persona colour"))
        if colour.isValid():
            self.colour_edit.setText(colour.name())

    @Slot()
    def _network_hint(self) -> None:
        network = self.network_combo.currentData()
        notes = {
            "x": translate("PersonaEditor", "After saving, connect the X account: Persona ▸ Connect account…"),
            "sandbox": translate("PersonaEditor", "The built-in demo network: posts stay on this computer."),
            "mastodon": translate("PersonaEditor", "After saving, connect the account: Persona ▸ Connect account… "
                                                   "You sign in on your own server; its limits (characters, images) "
                                                   "are read from it."),
            "bluesky": translate("PersonaEditor", "After saving, connect the account with an app password: Persona ▸ "
                                                  "Connect account… Leave the server empty: the account's own server "
                                                  "is found from its handle. Posts are at most 300 characters."),
        }
        note = notes.get(network, "")
        if self.services.paths is not None and self.services.paths.demo:  # its one network (core.services)
            note = translate("PersonaEditor", "{note} The demo posts only here; to post on X, Mastodon or Bluesky, "
                             "make your personas in your own profile (Help ▸ Open your own profile).").format(
                note=notes["sandbox"]) if network == "sandbox" else translate(
                "PersonaEditor", "The demo posts only on its built-in sandbox and connects no account: choose the "
                "sandbox, or make this persona in your own profile (Help ▸ Open your own profile).")
        self.network_note.setText(note)
        for field, shown in (("premium", network in ("x", "sandbox")), ("server", network in ("mastodon", "bluesky")),
                             ("visibility", network == "mastodon"), ("content_warning", network == "mastodon")):
            self._show_row(field, shown)
        self.server_edit.setPlaceholderText(translate("PersonaEditor", "found from the handle")
                                            if network == "bluesky" else EXAMPLE_SERVER)

    def _show_row(self, field: str, shown: bool) -> None:
        """Show or hide a row of the identity tab, its label with it."""
        row = self._widgets[field].parentWidget()
        label = self._form_of_identity.labelForField(row)
        row.setVisible(shown)
        if label is not None:
            label.setVisible(shown)

    @Slot()
    def _missed_changed(self) -> None:
        self.late_spin.setEnabled(self.missed_combo.currentData() == MissedPolicy.POST_LATE.value)

    def slots(self) -> tuple[QueueSlot, ...]:
        return tuple(self.slots_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.slots_list.count()))

    def _set_slots(self, slots: tuple[QueueSlot, ...] | list[QueueSlot]) -> None:
        self.slots_list.clear()
        for slot in sorted(set(slots), key=lambda q: (q.weekday, q.hour, q.minute)):
            item = QListWidgetItem(f"{day_name(slot.weekday)}  {slot.hour:02d}:{slot.minute:02d}")
            item.setData(Qt.ItemDataRole.UserRole, slot)
            item.setToolTip(slot_to_text(slot))
            self.slots_list.addItem(item)

    def _add_slot(self, days: range | None = None) -> None:
        t = self.slot_time.time()
        chosen = list(days) if days is not None else [self.slot_day.currentIndex()]
        self._set_slots([*self.slots(), *(QueueSlot(d, t.hour(), t.minute()) for d in chosen)])

    @Slot()
    def _remove_slot(self) -> None:
        gone = {i.data(Qt.ItemDataRole.UserRole) for i in self.slots_list.selectedItems()}
        self._set_slots([s for s in self.slots() if s not in gone])

    def _load_spend(self, persona: Persona) -> None:
        store, now = self.services.store, self.services.clock.now()
        label = self.spend_label

        def show(text: str) -> None:
            if shiboken6.isValid(label):  # the dialog may have been closed and freed meanwhile
                label.setText(text)

        self.workers.submit(lambda: costs.summary(store, persona, now), done=show, name="persona spend",
                            failed=lambda e: show(translate("PersonaEditor", "Could not read the spending: {error}."
                                                            ).format(error=in_words(e, store.path))))

    # -- saving --------------------------------------------------------------------------
    def persona_from_fields(self) -> Persona:
        """The persona as the fields describe it (not yet validated). Keeps uid and pause state."""
        base = self.original or Persona(name="")
        handle = self.handle_edit.text().strip()
        if handle and not handle.startswith("@"):
            handle = f"@{handle}"
        return replace(
            base,
            name=self.name_edit.text().strip(),
            handle=handle or None,
            colour=self.colour_edit.text().strip().lower(),
            network=str(self.network_combo.currentData()),
            premium=self.premium_check.isChecked() and self.network_combo.currentData() in ("x", "sandbox"),
            server=normalise_server(self.server_edit.text()) or None
            if self.network_combo.currentData() in ("mastodon", "bluesky") else None,
            visibility=str(self.visibility_combo.currentData()),
            content_warning=self.warning_edit.text().strip(),
            timezone=self.timezone_combo.currentText().strip(),
            description=self.description_edit.toPlainText().strip(),
            topics=lines(self.topics_edit.toPlainText()),
            keywords=lines(self.keywords_edit.toPlainText()),
            examples=paragraphs(self.examples_edit.toPlainText()),
            avoid=lines(self.avoid_edit.toPlainText()),
            hashtags=hashtags(self.hashtags_edit.text()),
            sensitivity=Sensitivity(self.sensitivity_combo.currentData()),
            missed_policy=MissedPolicy(self.missed_combo.currentData()),
            late_hours=self.late_spin.value(),
            queue_slots=self.slots(),
            monthly_budget_usd=self.budget_spin.value() if self.budget_check.isChecked() else None,
            monthly_post_cap=self.cap_spin.value() if self.cap_check.isChecked() else None,
        )

    def _check_unique(self, p: Persona) -> None:
        for other in self.controller.personas:
            if other.uid == p.uid:
                continue
            if other.name.casefold() == p.name.casefold():
                raise PersonaError(translate("PersonaEditor", "another persona is already named {name!r}").format(
                    name=other.name), "name")
            if p.handle and other.handle and other.handle.casefold() == p.handle.casefold():
                raise PersonaError(translate("PersonaEditor", "{name} already uses the handle {handle}").format(
                    name=other.name, handle=other.handle), "handle")

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
        self.general_error.hide()

    def show_error(self, error: PersonaError | str, field: str | None = None) -> None:
        """Show ``error`` under its field (switching to its tab), or under the tabs."""
        field = getattr(error, "field", None) or field
        label = self._errors.get(field or "")
        if label is None:
            self.general_error.setText(str(error))
            self.general_error.show()
            return
        label.setText(str(error))  # as core words it (not capitalised: it may start with a persona's name)
        label.show()
        self.tabs.setCurrentIndex(self._tab_of[field])  # type: ignore[index]
        self._widgets[field].setFocus()  # type: ignore[index]

    def error_text(self, field: str | None = None) -> str:
        """The error shown for ``field`` ("" when none); None asks for the general one."""
        label = self.general_error if field is None else self._errors[field]
        return label.text() if not label.isHidden() else ""

    @Slot()
    def accept(self) -> None:
        """Validate on the spot; store in a worker; stay open, with every field as typed, on an error."""
        if self._busy:
            return
        self.clear_errors()
        try:
            persona = validate(self.persona_from_fields())
            self._check_unique(persona)
        except PersonaError as e:
            self.show_error(e)
            return
        self._set_busy(True)
        services, before = self.services, self.original
        keep_clock = self.keep_clock_check.isChecked() and self.keep_clock_check.isVisibleTo(self)
        self.workers.submit(lambda: save_persona(services, before, persona, keep_clock=keep_clock), done=self._saved,
                            failed=self._save_failed, name="save persona")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.tabs.setEnabled(not busy)

    def _saved(self, result: tuple[Persona, str | None]) -> None:
        persona, self.note = result
        self._set_busy(False)
        self.original = persona
        self.saved.emit(persona)
        super().accept()

    def _save_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, PersonaError):
            self.show_error(error)
        else:
            self.show_error(translate("PersonaEditor", "Not saved: {error}. Everything you typed is still "
                                      "here.").format(error=in_words(error, self.services.store.path)))


class PersonaManager(QObject, ShowsBoxes):
    """The persona flows of the window: new, edit, delete, import, export. Reports through :attr:`message`."""

    message = Signal(str)  # one line for the status bar
    question_name = "personaQuestion"
    notice_name = "personaNotice"
    dialog_attr = "editor"  # the open (or last) persona editor

    def __init__(self, services: Services, controller: PersonaController, workers: Workers, parent: QWidget, *,
                 drafts: DraftKeeper | None = None,
                 before_delete: Callable[[Callable[[], None]], None] | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        self.workers = workers
        self.window = parent
        self.drafts = drafts
        self.before_delete = before_delete
        self.editor: PersonaEditor | None = None
        self.box: QMessageBox | None = None  # the last question or error shown (tests answer it)
        self.guard: Callable[[], Any | None] | None = None  # the loaded guard model, when there is one (app.py)
        self.importer = PersonaImporter(services, workers, parent)
        self.importer.message.connect(self.message)

    # -- new and edit --------------------------------------------------------------------
    @Slot()
    def new_persona(self) -> PersonaEditor:
        editor = PersonaEditor(self.services, self.controller, self.workers, None, self.window, guard=self.guard)
        editor.saved.connect(self._created)
        return self._show(editor)

    @Slot()
    def edit_persona(self, uid: str = "") -> PersonaEditor | None:
        persona = self.controller.persona(uid or self.controller.active_uid)
        if persona is None:
            return None
        editor = PersonaEditor(self.services, self.controller, self.workers, persona, self.window, guard=self.guard)
        editor.saved.connect(lambda p: self.message.emit(" ".join(filter(None, (translate(
            "PersonaManager", "Saved {name}.").format(name=p.name), editor.note)))))
        return self._show(editor)

    def _show(self, editor: PersonaEditor) -> PersonaEditor:
        self._keep(editor)
        editor.open()
        return editor

    def _created(self, persona: Persona) -> None:
        self.controller.set_active(persona.uid)
        extra = " " + translate("PersonaManager", "Connect its X account from the Persona menu.") \
            if persona.network == "x" else ""
        self.message.emit(translate("PersonaManager", "Created {name}.{extra}").format(name=persona.name, extra=extra))

    # -- delete --------------------------------------------------------------------------
    @Slot()
    def delete_persona(self, uid: str = "") -> None:
        """Count what goes with the persona (worker), ask, then delete it and its secrets (worker)."""
        persona = self.controller.persona(uid or self.controller.active_uid)
        if persona is None:
            return
        outbox = self.services.outbox

        def read() -> tuple[Counter[PostState], list[Post]]:
            return (Counter(p.state for p in outbox.in_states(list(PostState), persona.uid)),
                    outbox.may_be_out(persona.uid))

        def count() -> None:
            self.workers.submit(read, done=lambda found: self._confirm_delete(persona, *found),
                                failed=lambda e: self._tell(QMessageBox.Icon.Critical,
                                                            translate("PersonaManager", "Delete persona"),
                                                            translate("PersonaManager", "Could not read {name}'s "
                                                                      "posts: {error}").format(
                                    name=persona.name, error=in_words(e, self.services.store.path))),
                                name="count posts")

        if self.before_delete is not None:
            self.before_delete(count)  # the compose box's unsaved words land in the store first, then they count
        else:
            count()

    @staticmethod
    def describe_posts(counts: Counter[PostState]) -> str:
        """"12 posts (3 scheduled, 1 failed) and 2 drafts": what deleting takes with it."""
        drafts = counts.get(PostState.DRAFT, 0)
        posts = sum(n for s, n in counts.items() if s is not PostState.DRAFT)
        detail = ", ".join(f"{counts[s]} {s.label.lower().rstrip('…')}" for s in PostState
                           if s is not PostState.DRAFT and counts.get(s))
        said_posts = translate("PersonaManager", "%n post(s)", None, posts)
        if detail:
            said_posts += f" ({detail})"
        said_drafts = translate("PersonaManager", "%n draft(s)", None, drafts)
        if posts and drafts:
            return translate("PersonaManager", "{posts} and {drafts}").format(posts=said_posts, drafts=said_drafts)
        if posts or drafts:
            return said_posts if posts else said_drafts
        return translate("PersonaManager", "no posts or drafts")

    def _confirm_delete(self, persona: Persona, counts: Counter[PostState], may_be_out: list[Post]) -> None:
        if may_be_out:  # the core refuses it: say why, and which posts, rather than ask
            self._tell(QMessageBox.Icon.Warning, translate("PersonaManager", "Delete persona"),
                       persona_kept(persona.name, persona.network, may_be_out))
            return
        info = (translate("PersonaManager", "Its {what} will be deleted with it.").format(
            what=self.describe_posts(counts)) if counts else translate("PersonaManager", "It has no posts or drafts."))
        if counts.get(PostState.SCHEDULED):
            info += " " + translate("PersonaManager", "Its scheduled posts will not go out.")
        info += " " + translate("PersonaManager", "Its credentials, if any, are removed from the keyring. Posts "
                                "already on the network stay there.")
        info += " " + translate("PersonaManager", "This cannot be undone; File ▸ Export personas… keeps a copy of its "
                                "settings.")
        who = f"{persona.name} ({persona.handle})" if persona.handle else persona.name
        self._ask(translate("PersonaManager", "Delete persona"),
                  translate("PersonaManager", "Delete {name}?").format(name=who), info,
                  translate("PersonaManager", "Delete {name}").format(name=persona.name.replace("&", "&&")),
                  lambda: self._delete(persona), icon=QMessageBox.Icon.Warning, destructive=True)

    def _delete(self, persona: Persona) -> None:
        services = self.services

        def failed(error: BaseException) -> None:
            if isinstance(error, TransitionError):  # a post of it came to be in doubt meanwhile: the core says why
                self._tell(QMessageBox.Icon.Warning, translate("PersonaManager", "Delete persona"), str(error))
                return
            self._tell(QMessageBox.Icon.Critical, translate("PersonaManager", "Delete persona"),
                       translate("PersonaManager", "{name} was not deleted: {error}").format(
                           name=persona.name, error=in_words(error, self.services.store.path)))

        self.workers.submit(lambda: services.delete_persona(persona),
                            done=lambda warning: self._deleted(persona, warning), failed=failed,
                            name="delete persona")

    def _deleted(self, persona: Persona, warning: str | None) -> None:
        if self.drafts is not None:
            post_id = self.drafts.post_id(persona.uid)
            if post_id is not None:
                self.drafts.detach(persona.uid, post_id)
        self.message.emit(translate("PersonaManager", "Deleted {name}.").format(name=persona.name))
        if warning:
            self._tell(QMessageBox.Icon.Warning, translate("PersonaManager", "Persona deleted, credentials left "
                                                                             "behind"), warning,
                       translate("PersonaManager", "Remove the entry named personamgr / persona:… with your keyring "
                                                   "manager (Passwords and Keys), or delete the persona's developer "
                                                   "app access on X."))

    # -- import and export ---------------------------------------------------------------
    @Slot()
    def import_personas(self) -> None:
        self.importer.choose_file()

    @Slot()
    def export_personas(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, translate("PersonaManager", "Export personas"),
                                              str(Path.home() / "personas.toml"),
                                              translate("PersonaManager", "Personas (*.toml)"))
        if path:
            self.export_to(path)

    def import_from(self, path: str | Path) -> None:
        """Preview what the file changes, field by field; write it only when the user says Import."""
        self.importer.import_from(path)

    def export_to(self, path: str | Path) -> None:
        store = self.services.store

        def write() -> int:
            personas = store.personas()
            save_personas(path, personas)
            return len(personas)

        def failed(error: BaseException) -> None:
            if not isinstance(error, OSError):
                raise error
            self._tell(QMessageBox.Icon.Critical, translate("PersonaManager", "Export personas"),
                       export_message(error, Path(path)))

        self.workers.submit(write, done=lambda n: self.message.emit(
            translate("PersonaManager", "Exported %n persona(s) to {path}. Credentials are never exported.", None,
                      n).format(path=path)),
            failed=failed, name="export personas")

    # -- the persona list ----------------------------------------------------------------
    def attach_list(self, persona_list: QListWidget) -> None:
        """Right-click a persona for Edit / Delete; double-click to edit; New from empty space."""
        persona_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        persona_list.customContextMenuRequested.connect(
            lambda pos: self.list_menu(persona_list, pos).exec(persona_list.viewport().mapToGlobal(pos)))
        persona_list.itemDoubleClicked.connect(lambda item: self.edit_persona(item.data(Qt.ItemDataRole.UserRole)))

    def list_menu(self, persona_list: QListWidget, pos: QPoint) -> QMenu:
        menu = QMenu(persona_list)
        item = persona_list.itemAt(pos)
        uid = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        persona = self.controller.persona(uid) if uid else None
        if persona is not None:
            menu.addAction(translate("PersonaManager", "Edit {name}…").format(name=persona.name),
                           lambda: self.edit_persona(persona.uid))
            menu.addAction(translate("PersonaManager", "Delete {name}…").format(name=persona.name),
                           lambda: self.delete_persona(persona.uid))
            menu.addSeparator()
        menu.addAction(translate("PersonaManager", "New persona…"), self.new_persona)
        return menu
