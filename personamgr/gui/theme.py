"""Light and dark: the one place colours are declared.

The theme follows the system's colour scheme (``QStyleHints.colorScheme``,
Qt 6.5+) unless the ``theme`` setting picks one. Widgets never name a colour:
they use palette roles, a ``tone`` property that the theme's stylesheet
colours (``hint``, ``error``, ``warning``, ``success``), or, where they paint
themselves, :func:`colours` for the palette they are painted with. Each theme
is one table below, turned into one stylesheet by :func:`stylesheet`.

Persona colours are the user's data, not the theme's; text drawn on them is
black or white, whichever contrasts more (:func:`text_on`), which keeps at
least 4.5:1 on any colour.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QTextEdit,
    QWidget,
)

Mode = Literal["light", "dark"]

# Each theme's colours, by meaning. Every foreground keeps 4.5:1 on the background it is used on
# (tests/gui/test_theme.py measures it).
LIGHT: dict[str, str] = {
    "error": "#b3261e", "warning": "#8a5000", "success": "#1e6b34", "info": "#1b5fa3",
    "notice_bg": "#fff6d6", "notice_border": "#ecd58a", "notice_text": "#5c4a00",
    "caution_bg": "#fff4e5", "caution_border": "#f0c27a", "caution_text": "#5a3a00",
    "info_bg": "#eef5ff", "info_border": "#b9d3f5", "info_text": "#16375e",
    "meter_track": "#e3e3e3", "badge": "#c62828", "badge_text": "#ffffff", "muted": "#6b6b6b",
    "chip_sent_bg": "#dff3e4", "chip_sent": "#1e6b34",
    "chip_failed_bg": "#fbe0de", "chip_failed": "#a3211b",
    "chip_held_bg": "#fff3c4", "chip_held": "#6b5200",
    "chip_needs_review_bg": "#fdebd3", "chip_needs_review": "#8a4b00",
    "chip_sending_bg": "#dcecfb", "chip_sending": "#1b5fa3",
    "chip_scheduled_bg": "#ece4f8", "chip_scheduled": "#5b3694",
    "chip_draft_bg": "#ececec", "chip_draft": "#4a4a4a",
    "dot_ok": "#2e9e4f", "dot_warn": "#c27c00", "dot_bad": "#c0392b", "dot_wait": "#8a8a8a",
    "control_outline": "#808080", "field_border": "#808080",
}
DARK: dict[str, str] = {
    "error": "#ff8a80", "warning": "#f2b552", "success": "#7fd18f", "info": "#8cc4ff",
    "notice_bg": "#3a3220", "notice_border": "#6b5a2a", "notice_text": "#f3e2a6",
    "caution_bg": "#3d2e1a", "caution_border": "#7a5a2a", "caution_text": "#f6d8a8",
    "info_bg": "#1d2b3d", "info_border": "#35506f", "info_text": "#cfe3ff",
    "meter_track": "#4a4a4a", "badge": "#c62828", "badge_text": "#ffffff", "muted": "#a8a8a8",
    "chip_sent_bg": "#1e3a26", "chip_sent": "#9be0aa",
    "chip_failed_bg": "#4a1f1c", "chip_failed": "#ffb4ab",
    "chip_held_bg": "#3d3514", "chip_held": "#f5dc7a",
    "chip_needs_review_bg": "#47321a", "chip_needs_review": "#ffcc8a",
    "chip_sending_bg": "#1c3350", "chip_sending": "#a9d1ff",
    "chip_scheduled_bg": "#33284a", "chip_scheduled": "#d3bfff",
    "chip_draft_bg": "#3a3a3a", "chip_draft": "#d6d6d6",
    "dot_ok": "#5cc27a", "dot_warn": "#f0b040", "dot_bad": "#ff7b6b", "dot_wait": "#9a9a9a",
    "control_outline": "#8a8a8a", "field_border": "#8a8a8a",
}
TABLES: dict[Mode, dict[str, str]] = {"light": LIGHT, "dark": DARK}

# The dark palette for when the platform offers none (Fusion), by role.
DARK_PALETTE: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2f3136",
    QPalette.ColorRole.ToolTipBase: "#2b2b2b", QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#a0a0a0", QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#353535", QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff8a80", QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3c3c3c", QPalette.ColorRole.Mid: "#5a5a5a",
    QPalette.ColorRole.Dark: "#181818", QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3a78c9", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8cc4ff", QPalette.ColorRole.LinkVisited: "#c5a8ff",
}
DARK_DISABLED = "#7c7c7c"

TEMPLATE = """
QLabel[tone="hint"], QCheckBox[tone="hint"] { color: palette(placeholder-text); }
QLabel[tone="error"] { color: %(error)s; }
QLabel[tone="warning"] { color: %(warning)s; }
QLabel[tone="success"] { color: %(success)s; }
QLabel[tone="strong-error"] { color: %(error)s; font-weight: 600; }
QLabel[tone="strong-warning"] { color: %(warning)s; font-weight: 600; }
QLabel[tone="strong-success"] { color: %(success)s; font-weight: 600; }
QLabel[section="true"] { font-weight: 600; font-size: %(section_pt)spt; color: palette(placeholder-text); }
#leftPane { background: palette(base); }
#draftBar, #settingsNotice, #zoneNotice, #serverNotice {
    background: %(notice_bg)s; border: 1px solid %(notice_border)s; border-radius: 6px; }
#draftBar QLabel, #settingsNotice QLabel, #zoneNotice QLabel, #serverNotice QLabel { color: %(notice_text)s; }
#guardWarning { background: %(caution_bg)s; border: 1px solid %(caution_border)s; border-radius: 6px; }
#guardWarning QLabel { color: %(caution_text)s; }
#learnBar, #undoBar { background: %(info_bg)s; border: 1px solid %(info_border)s; border-radius: 6px; }
#learnBar QLabel, #undoBar QLabel { color: %(info_text)s; }
#connectionBanner { background: %(caution_bg)s; border: 1px solid %(caution_border)s; border-radius: 6px; }
#connectionBanner QLabel { color: %(caution_text)s; }
QPlainTextEdit#composeEditor, PartEditor { border: 1px solid %(field_border)s; border-radius: 6px; padding: 4px;
  font-size: %(compose_pt)spt; background: palette(base); }
QPlainTextEdit#composeEditor:focus, PartEditor:focus { border: 1px solid palette(highlight); }
QToolButton#imageTile[missingAlt="true"] { color: %(warning)s; }
QLabel#keyringDot[level="ok"] { color: %(dot_ok)s; }
QLabel#keyringDot[level="warn"] { color: %(dot_warn)s; }
QLabel#keyringDot[level="bad"] { color: %(dot_bad)s; }
QLabel#keyringDot[level="wait"] { color: %(dot_wait)s; }
"""


def stylesheet(mode: Mode, font_pt: float = 9.0) -> str:
    """The application stylesheet of ``mode``: the template filled with that theme's table. ``font_pt``: the
    application's font size. The compose box's words and the section titles are a little larger than a small
    font, and never smaller than the desktop's (at 15 pt, a fixed 11 pt compose box was the smallest text)."""
    sizes = {"compose_pt": f"{max(11.0, font_pt):g}", "section_pt": f"{max(10.0, font_pt - 1):g}"}
    return TEMPLATE % (TABLES[mode] | sizes)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def colours(palette: QPalette | None = None) -> dict[str, str]:
    """The theme table that goes with ``palette`` (the application's by default), for widgets that paint."""
    if palette is None:
        app = QGuiApplication.instance()
        palette = QGuiApplication.palette() if app is not None else QPalette()
    return TABLES["dark" if is_dark(palette) else "light"]


def colour(name: str, palette: QPalette | None = None) -> QColor:
    return QColor(colours(palette)[name])


# -- contrast --------------------------------------------------------------------------------
def luminance(c: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def text_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``background`` (never below 4.58:1)."""
    white, black = QColor("#ffffff"), QColor("#000000")
    return white if contrast(white, background) >= contrast(black, background) else black


# -- applying --------------------------------------------------------------------------------
def system_mode(app: QGuiApplication) -> Mode:
    """What the desktop asks for; where it does not say, what its palette looks like."""
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    if scheme == Qt.ColorScheme.Light:
        return "light"
    return "dark" if is_dark(_system_palette(app)) else "light"


def resolve(choice: str, app: QGuiApplication) -> Mode:
    if choice in ("light", "dark"):
        return choice  # type: ignore[return-value]
    return system_mode(app)


_system: dict[str, object] = {}  # the platform's own palette and style, saved before the first change


def _system_palette(app: QGuiApplication) -> QPalette:
    saved = _system.get("palette")
    return saved if isinstance(saved, QPalette) else app.palette()


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, value in DARK_PALETTE.items():
        pal.setColor(role, QColor(value))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(DARK_DISABLED))
    return pal


class VisibleOutlines(QProxyStyle):
    """Fusion, with outlines that can be seen. Fusion draws a check box's, a radio button's, a field's (line
    edit, text box, spin box, editable combo box) and a list's outline a shade off the window: on the dark palette
    1.2:1, an unticked box was its words and no box, a field a dark hole with no edge; on the light one a field's
    edge was 2.0:1, a text box's and a list's 1.7:1, a check box's 1.7:1. WCAG 2 asks 3:1 for what shows a control
    and its state; the outline is drawn again, in the same shape, in the theme's ``control_outline``. An outline
    that shows the keyboard focus stays as Fusion draws it."""

    INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
    FIELDS = (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox)
    FRAMED = (QPlainTextEdit, QTextEdit, QAbstractItemView)  # a text box's edge, and a list's, tree's or table's

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,  # noqa: N802
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        pal = option.palette
        focused = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element in self.INDICATORS and (option.state & focused) != focused:
            _outline(painter, pal, option.rect, round_=element is QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        elif element is QStyle.PrimitiveElement.PE_FrameLineEdit and not option.state & QStyle.StateFlag.State_HasFocus:
            _outline(painter, pal, option.rect, radius=2)
        elif element is QStyle.PrimitiveElement.PE_Frame and isinstance(widget, self.FRAMED):
            _outline(painter, pal, option.rect)

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,  # noqa: N802
                           painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        editable = control is QStyle.ComplexControl.CC_SpinBox or getattr(option, "editable", False)
        if control in self.FIELDS and editable and not option.state & QStyle.StateFlag.State_HasFocus:
            _outline(painter, option.palette, option.rect, radius=2)


def _outline(painter: QPainter, palette: QPalette, rect: QRect, *, radius: float = 0, round_: bool = False) -> None:
    """The ``control_outline`` of ``palette``'s theme around ``rect``, inside it."""
    painter.save()
    # a curve's one-pixel line is smoothed to a paler grey than the colour it is drawn in: a circle's is thicker
    painter.setPen(QPen(colour("control_outline", palette), 1.5 if round_ else 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if round_:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawEllipse(rect.toRectF().adjusted(1.5, 1.5, -1.5, -1.5))
    elif radius:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawRoundedRect(rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    else:
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
    painter.restore()


def apply(app: QApplication, choice: str) -> Mode:
    """Make the whole application light or dark per ``choice`` ("system", "light" or "dark"). Returns the mode.

    The platform's own palette and style are kept when they already match; otherwise Fusion is used with
    the matching palette, since it is the style that honours any palette on every platform. Fusion, the
    platform's or ours, is always :class:`VisibleOutlines`: its own fields' edges are below 3:1 in both modes.
    """
    if "palette" not in _system:
        _system.update(palette=QPalette(app.palette()), style=app.style().name())
    mode = resolve(choice, app)
    system = _system_palette(app)
    matches = is_dark(system) == (mode == "dark")
    if matches and _system["style"] != "fusion":
        if app.style().name() != _system["style"]:
            app.setStyle(QStyleFactory.create(str(_system["style"])))
        app.setPalette(system)
    else:
        if not isinstance(app.style(), VisibleOutlines):
            style = VisibleOutlines(QStyleFactory.create("Fusion"))
            _system["fusion"] = style  # the application does not own a style made in Python: keep it alive
            app.setStyle(style)
        app.setPalette(system if matches else dark_palette() if mode == "dark" else app.style().standardPalette())
    app.setStyleSheet(stylesheet(mode, app.font().pointSizeF()))
    app.setProperty("personamgrTheme", mode)
    return mode


def current_mode(app: QGuiApplication | None = None) -> Mode:
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    mode = app.property("personamgrTheme") if app is not None else None
    return mode if mode in ("light", "dark") else "light"  # type: ignore[return-value]


class ThemeFollower(QObject):
    """Re-applies the theme when the desktop switches between light and dark (only for the "system" choice)."""

    def __init__(self, app: QApplication, choice: str) -> None:
        super().__init__(app)
        self.app = app
        self.choice = choice
        app.styleHints().colorSchemeChanged.connect(self._on_scheme)

    def set_choice(self, choice: str) -> Mode:
        self.choice = choice
        return apply(self.app, choice)

    def _on_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            apply(self.app, "system")
