"""The persona guard's widgets under the compose box: fit meter, inline warning, learn bar, and the ask-once dialog.

Plain views: they show what :class:`personamgr.gui.guard_panel.GuardPanel` tells
them and emit what the user chose. No guard, store or thread work happens here.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from enum import Enum
from typing import ClassVar

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.holds import HoldKind
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.personas import Sensitivity
from personamgr.core.reason_words import StoredReason
from personamgr.gui import theme
from personamgr.gui.a11y import with_button_letters
from personamgr.gui.widgets import MessageLabel, bullets_html, set_tone
from personamgr.gui.wrapped_label import WrappedLabel

# What the meter's colour means; the theme says which colour that is (light or dark).
GREEN = "success"
AMBER = "warning"
RED = "error"

SENSITIVITY_HELP = {  # translated where shown (context "FitMeter")
    Sensitivity.STRICT: QT_TRANSLATE_NOOP("FitMeter", "Strict: warns as soon as a draft drifts from the focus"),
    Sensitivity.NORMAL: QT_TRANSLATE_NOOP("FitMeter", "Normal: warns when a draft looks off focus"),
    Sensitivity.RELAXED: QT_TRANSLATE_NOOP("FitMeter", "Relaxed: warns only when a draft is clearly off focus"),
}


def escape(text: str) -> str:
    """For rich-text labels: <, > and & only (quotes stay readable in the plain-text view tests and a11y read)."""
    return html.escape(text, quote=False)


class ScoreBar(QWidget):
    """A thin bar: the draft's fit (0..1) with a tick at the persona's threshold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(64, 8)
        self.value: float | None = None
        self.threshold = 0.5
        self.tone = GREEN
        self.setAccessibleName(translate("ScoreBar", "Fit"))

    def set_value(self, value: float | None, threshold: float = 0.5, colour: str = GREEN) -> None:
        self.value, self.threshold, self.tone = value, threshold, colour
        self.update()

    @property
    def colour(self) -> QColor:
        return theme.colour(self.tone, self.palette())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(0.5, 1.5, -0.5, -1.5)
        track = self.palette().mid().color()
        track.setAlpha(90)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(track)
        p.drawRoundedRect(r, 2.5, 2.5)
        if self.value is not None:
            filled = QRectF(r.x(), r.y(), max(r.height(), r.width() * max(0.0, min(1.0, self.value))), r.height())
            p.setBrush(self.colour)
            p.drawRoundedRect(filled, 2.5, 2.5)
            x = r.x() + r.width() * max(0.0, min(1.0, self.threshold))
            p.setPen(self.palette().text().color())
            p.drawLine(int(x), 0, int(x), self.height())
        p.end()


class FitMeter(QFrame):
    """"fits career · 0.91" with a bar, and a small menu to change the persona's sensitivity."""

    sensitivityChosen = Signal(str)  # noqa: N815 (Qt naming) a Sensitivity value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fitMeter")
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 0, 0, 0)
        row.setSpacing(8)
        self.bar = ScoreBar()
        self.label = MessageLabel()  # cut with "…" (whole in the tooltip), but for the first hint and a failure
        self.label.setObjectName("fitLabel")
        self.label.setAccessibleName(translate("FitMeter", "Persona fit"))
        self.sensitivity = QToolButton()
        self.sensitivity.setObjectName("sensitivityButton")
        self.sensitivity.setAccessibleName(translate("FitMeter", "Guard sensitivity"))
        self.sensitivity.setAccessibleName(translate("FitMeter", "Guard sensitivity"))
        self.sensitivity.setAutoRaise(True)
        self.sensitivity.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sensitivity.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sensitivity.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # the ▾ in the text says it
        menu = QMenu(self.sensitivity)
        self.sensitivity_actions: dict[str, QAction] = {}
        group = QActionGroup(menu)
        group.setExclusive(True)
        for level in Sensitivity:
            action = QAction(translate("settings", level.value.capitalize()), menu)  # the settings' own words
            action.setCheckable(True)
            action.setToolTip(translate("FitMeter", SENSITIVITY_HELP[level]))
            action.setStatusTip(translate("FitMeter", SENSITIVITY_HELP[level]))
            action.triggered.connect(lambda _checked=False, v=level.value: self.sensitivityChosen.emit(v))
            group.addAction(action)
            menu.addAction(action)
            self.sensitivity_actions[level.value] = action
        menu.setToolTipsVisible(True)
        self.sensitivity.setMenu(menu)
        row.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.label, 1)
        row.addWidget(self.sensitivity)
        self.state = "idle"
        self._verdict: tuple[str, str, str] | None = None  # (whole, short, tip) of the verdict shown
        self.set_quiet("")

    def set_sensitivity(self, persona_name: str, level: str) -> None:
        shown = translate("settings", level.capitalize()).lower()  # the settings' word for it, in the user's language
        self.sensitivity.setText(translate("FitMeter", "Guard: {level} ▾").format(level=shown))
        self.sensitivity.setToolTip(translate("FitMeter", "How eagerly the guard warns on {name}. {help}.").format(
            name=persona_name, help=translate("FitMeter", SENSITIVITY_HELP[Sensitivity(level)])))
        for value, action in self.sensitivity_actions.items():
            action.setChecked(value == level)

    def set_quiet(self, text: str, state: str = "idle", detail: str = "") -> None:
        """A state without a score: before the model is loaded, with nothing typed, when it failed, or when
        the guard cannot judge the topic. ``detail``: the whole reason behind a short ``text``, in the tooltip
        and for screen readers."""
        self.state = state
        self._verdict = None
        self.bar.set_value(None)
        self.bar.setVisible(False)  # an empty track reads as "0", which is not what a quiet state means
        set_tone(self.label, AMBER if state == "failed" else "hint")
        # A failure names a file and its fix (a path is long), and the first hint says what the meter is for (cut at
        # 1024x600 beside the schedule panel, at "…as you…"): wrapped rather than cut.
        self.label.setWordWrap(state in ("failed", "empty"))
        self.label.set_detail(detail)
        self.label.setText(text)
        self._describe(f"{text}. {detail}" if detail and detail != text else text)

    def set_result(self, text: str, score: float | None, threshold: float, *, colour: str, tip: str,
                   state: str, short: str = "") -> None:
        """A verdict; ``score`` None when the topic was not judged (no bar: there is no fit to show). ``short``:
        the verdict without what the warning under the meter says too ("— fits metal better"), shown when the
        whole does not fit the row (Spanish at 1024x600 with the schedule panel open cut the score itself)."""
        self.state = state
        self.bar.setVisible(score is not None)
        self.bar.set_value(score, threshold, colour)
        set_tone(self.label, f"strong-{colour}")
        self.label.setWordWrap(False)
        self._verdict = (text, short or text, tip)
        self._fit_verdict()
        self._describe(text)
        self.bar.setToolTip(tip)

    def _fit_verdict(self) -> None:
        if self._verdict is None:
            return
        text, short, tip = self._verdict
        whole = self.label.fontMetrics().horizontalAdvance(text) <= self.label.width() - 2
        self.label.setText(text if whole else short)
        # the scores per persona, after the whole text when the label is cut or shortened
        self.label.set_detail(tip if whole or short == text else f"{text}\n\n{tip}")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._fit_verdict()

    def _describe(self, text: str) -> None:
        """The meter's words as its accessible description: Qt announces the change to assistive technology."""
        self.setAccessibleDescription(text)
        self.label.setAccessibleDescription(text)
        self.bar.setAccessibleDescription(text)


class GuardWarning(QFrame):
    """The inline warning under the compose box: why the draft strays, and one click to move it."""

    moveRequested = Signal(str)  # noqa: N815 (Qt naming) the persona name to move to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guardWarning")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.target = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("guardWarningTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setWordWrap(True)
        self.reasons = WrappedLabel()
        self.reasons.setObjectName("guardReasons")
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setWordWrap(True)
        self.reasons.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        text.addWidget(self.title)
        text.addWidget(self.reasons)
        self.move_button = QPushButton()
        self.move_button.setObjectName("guardMoveButton")
        self.move_button.setAccessibleName(translate("GuardWarning", "Move to the persona it fits better"))
        self.move_button.clicked.connect(lambda: self.moveRequested.emit(self.target))
        row.addLayout(text, 1)
        row.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignTop)
        self.messages: list[str] = []
        self.hide()

    def show_reasons(self, title: str, messages: list[str], target: str | None) -> None:
        self.messages = list(messages)
        self.title.setText(title)
        self.reasons.setText(bullets_html(messages))
        self.target = target or ""
        self.move_button.setVisible(bool(target))
        self.move_button.setText(translate("GuardWarning", "Move to {target}").format(target=target) if target else "")
        self.move_button.setToolTip(translate("GuardWarning", "Carry this draft to {target} and switch to "
                                                              "it").format(target=target) if target else "")
        if target:
            self.move_button.setAccessibleName(translate("GuardWarning", "Move to {target}").format(target=target))
        # Qt announces a changed description: a screen reader hears the new reasons, not only a sighted user.
        self.setAccessibleDescription(" ".join([title, *messages]))
        self.show()


class LearnBar(QFrame):
    """After "post anyway": offer, never impose, to keep the text as one of the persona's example posts."""

    learnRequested = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learnBar")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        self.label = WrappedLabel()
        self.label.setObjectName("learnLabel")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.add_button = QPushButton(translate("LearnBar", "Add as example"))
        self.add_button.setObjectName("learnButton")
        self.add_button.clicked.connect(self.learnRequested)
        self.close_button = QToolButton()
        self.close_button.setObjectName("learnClose")
        self.close_button.setAccessibleName(translate("LearnBar", "No thanks"))
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(translate("LearnBar", "No thanks: the persona stays as it is"))
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.close_button)
        self.persona_uid = ""
        self.text = ""
        self.hide()

    def offer(self, persona_uid: str, persona_name: str, text: str) -> None:
        self.persona_uid, self.text = persona_uid, text
        name = escape(persona_name)
        short = text if len(text) <= 60 else text[:57].rstrip() + "…"
        self.label.setText(translate("LearnBar", "You posted “{escape}” on <b>{name}</b> although it looked off focus. "
                                                 "Add it to {name}'s example posts, so the guard learns that posts "
                                                 "like it belong there?").format(escape=escape(short), name=name))
        self.add_button.setText(translate("LearnBar", "Add as example"))
        self.add_button.show()
        self.show()

    def done(self, message: str) -> None:
        self.label.setText(escape(message))
        self.add_button.hide()
        self.show()


class Choice(Enum):
    ANYWAY = "anyway"
    MOVE = "move"
    EDIT = "edit"


class GuardDialog(QDialog):
    """Asked once before a straying post is posted, scheduled or sent again: Post anyway, Move to …, or Edit.

    Its title and first line name the real reason (``kind``): a near-duplicate is not "may not belong here".
    """

    chosen = Signal(object)  # Choice

    # (window title, "… anyway" button) per action, translated where shown (context "GuardDialog").
    WORDS: ClassVar[dict[str, tuple[str, str]]] = {
        "post": (QT_TRANSLATE_NOOP("GuardDialog", "{reason}: check before posting on {name}"),
                 QT_TRANSLATE_NOOP("GuardDialog", "Post anyway")),
        "schedule": (QT_TRANSLATE_NOOP("GuardDialog", "{reason}: check before scheduling on {name}"),
                     QT_TRANSLATE_NOOP("GuardDialog", "Schedule anyway")),
        "queue": (QT_TRANSLATE_NOOP("GuardDialog", "{reason}: check before queueing on {name}"),
                  QT_TRANSLATE_NOOP("GuardDialog", "Queue anyway")),
        "send": (QT_TRANSLATE_NOOP("GuardDialog", "{reason}: check before sending on {name}"),
                 QT_TRANSLATE_NOOP("GuardDialog", "Send anyway")),
        "save": (QT_TRANSLATE_NOOP("GuardDialog", "{reason}: check before saving on {name}"),
                 QT_TRANSLATE_NOOP("GuardDialog", "Save anyway")),
    }

    def __init__(self, action: str, persona_name: str, messages: list[str], suggest: str | None, *,
                 hard: bool, kind: HoldKind | None = None, found: Sequence[StoredReason] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guardDialog")
        title, anyway = self.WORDS.get(action, self.WORDS["post"])
        kind = kind or (HoldKind.X_RULES if hard else HoldKind.OFF_FOCUS)
        self.kind = kind
        self.setWindowTitle(translate("GuardDialog", title).format(
            reason=kind.label[:1].upper() + kind.label[1:], name=persona_name))
        self.setModal(True)
        self.setMinimumWidth(460)
        self.choice = Choice.EDIT
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        head = QLabel(escape(kind.headline(persona_name, found)))  # found: the reasons as kept, to say which copy
        head.setObjectName("guardDialogHead")
        self.head = head
        head.setStyleSheet("font-size: 11pt; font-weight: 600;" if hard else "font-size: 11pt;")
        head.setWordWrap(True)
        self.reasons = QLabel(bullets_html(messages))
        self.reasons.setObjectName("guardDialogReasons")
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setWordWrap(True)
        layout.addWidget(head)
        layout.addWidget(self.reasons)
        if suggest and action != "post":
            hint = QLabel((translate("GuardDialog", "Move to {name} schedules it on {name} instead, keeping your "
                                     "choice of time.") if action == "schedule" else
                           translate("GuardDialog", "Move to {name} queues it on {name} instead.")).format(
                               name=escape(suggest)))
            hint.setWordWrap(True)
            hint.setProperty("tone", "hint")
            layout.addWidget(hint)
        elif suggest:
            hint = QLabel(translate("GuardDialog", "Move to {escape} carries the draft there so you can post it as "
                                                   "{escape}.").format(escape=escape(suggest)))
            hint.setWordWrap(True)
            hint.setProperty("tone", "hint")
            layout.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.edit_button = QPushButton(translate("GuardDialog", "Edit"))
        self.edit_button.setObjectName("guardEdit")
        self.edit_button.setToolTip(translate("GuardDialog", "Back to the text; nothing is sent"))
        self.move_button = QPushButton(translate("GuardDialog", "Move to "
                                                                "{suggest}").format(suggest=suggest) if suggest else "")
        self.move_button.setObjectName("guardMove")
        self.move_button.setVisible(bool(suggest))
        self.anyway_button = QPushButton(translate("GuardDialog", anyway))
        self.anyway_button.setObjectName("guardAnyway")
        self.anyway_button.setVisible(not hard)
        self.anyway_button.setToolTip(translate("GuardDialog", "Send it on this persona; you will not be asked again "
                                                               "for this text"))
        for b in (self.edit_button, self.move_button, self.anyway_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        # The safe choice is the default: Enter moves it if there is somewhere better, else goes back to editing.
        (self.move_button if suggest else self.edit_button).setDefault(True)
        layout.addLayout(buttons)
        self.edit_button.clicked.connect(lambda: self._choose(Choice.EDIT))
        self.move_button.clicked.connect(lambda: self._choose(Choice.MOVE))
        self.anyway_button.clicked.connect(lambda: self._choose(Choice.ANYWAY))
        self.rejected.connect(lambda: self.chosen.emit(Choice.EDIT) if self.choice is Choice.EDIT else None)
        with_button_letters(self)

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice is not Choice.EDIT else QDialog.DialogCode.Rejected)
        if choice is not Choice.EDIT:
            self.chosen.emit(choice)
