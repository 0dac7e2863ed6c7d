"""Light and dark throughout: colours only in the theme, and every text readable on what it is drawn on."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from personamgr.core.personas import PALETTE
from personamgr.core.services import Services
from personamgr.gui import theme
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui

GUI = Path(theme.__file__).resolve().parent
AA = 4.5  # WCAG 2 AA for normal text


@pytest.fixture(autouse=True)
def _back_to_light(qapp: QApplication) -> None:
    yield
    theme.apply(qapp, "light")


def test_no_widget_names_a_colour() -> None:
    """Colours live in gui/theme.py only: widgets use palette roles, tones, or the theme's table."""
    offenders = []
    for path in sorted(GUI.glob("*.py")):
        if path.name == "theme.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\(|QColor\(\"", line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert not offenders, "hard-coded colours:\n" + "\n".join(offenders)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_tone_reads_on_its_background(mode: str) -> None:
    table = theme.TABLES[mode]  # type: ignore[index]
    pal = theme.dark_palette() if mode == "dark" else QApplication.style().standardPalette()
    window, base = pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Base)
    for tone in ("error", "warning", "success", "info"):
        for bg in (window, base):
            assert theme.contrast(QColor(table[tone]), bg) >= AA, (mode, tone, bg.name())
    for bar in ("notice", "caution", "info"):
        assert theme.contrast(QColor(table[f"{bar}_text"]), QColor(table[f"{bar}_bg"])) >= AA, (mode, bar)
    for state in ("sent", "failed", "needs_review", "sending", "scheduled", "draft"):
        assert theme.contrast(QColor(table[f"chip_{state}"]), QColor(table[f"chip_{state}_bg"])) >= AA, (mode, state)
    assert theme.contrast(QColor(table["badge_text"]), QColor(table["badge"])) >= AA
    assert theme.contrast(pal.color(QPalette.ColorRole.Text), base) >= AA
    assert theme.contrast(pal.color(QPalette.ColorRole.PlaceholderText), base) >= AA, "hints must stay readable"


@pytest.mark.parametrize("colour", PALETTE)
def test_text_on_every_persona_colour_keeps_4_5_to_1(colour: str) -> None:
    bg = QColor(colour)
    assert theme.contrast(theme.text_on(bg), bg) >= AA


@given(st.integers(0, 0xFFFFFF))
def test_text_on_any_colour_a_user_picks_keeps_4_5_to_1(rgb: int) -> None:
    bg = QColor(f"#{rgb:06x}")
    assert theme.contrast(theme.text_on(bg), bg) >= AA


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_selected_persona_row_keeps_its_text_readable(mode: str) -> None:
    """The list tints the selected row with the persona's colour; the row's text must still read."""
    pal = theme.dark_palette() if mode == "dark" else QApplication.style().standardPalette()
    base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
    for colour in PALETTE:
        tint = QColor(colour)
        a = 40 / 255  # the list's selection alpha
        mixed = QColor.fromRgbF(base.redF() * (1 - a) + tint.redF() * a, base.greenF() * (1 - a) + tint.greenF() * a,
                                base.blueF() * (1 - a) + tint.blueF() * a)
        assert theme.contrast(text, mixed) >= AA, (mode, colour)


def test_system_follows_the_colour_scheme_hint_and_a_choice_overrides_it() -> None:
    app = QApplication.instance()
    assert theme.apply(app, "dark") == "dark"
    assert theme.is_dark(app.palette()) and "chip" not in app.styleSheet()
    assert theme.apply(app, "light") == "light"
    assert not theme.is_dark(app.palette())
    expected = theme.system_mode(app)  # offscreen reports no scheme: its palette decides
    assert theme.apply(app, "system") == expected


def test_the_window_in_dark_is_dark_throughout(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    theme.apply(QApplication.instance(), "dark")
    QApplication.processEvents()
    window = shell.window
    for widget in (window, window.compose.editor, window.history, window.persona_list):
        assert widget.palette().color(widget.backgroundRole()).lightness() < 100, widget.objectName()
    bar = window.compose.bar
    assert theme.TABLES["dark"]["notice_bg"] in QApplication.instance().styleSheet()
    assert bar.objectName() == "draftBar"


@pytest.mark.parametrize("kind", ["check box", "radio button"])
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_check_box_can_be_seen(qapp: QApplication, mode: str, kind: str) -> None:
    """In dark, Fusion drew a check box's and a radio button's outline a shade darker than the window (1.2:1):
    "Pause all posting", unticked, was its words and no box. In light, a pale grey on the pale window. What shows
    a control and its state keeps 3:1 on the window (WCAG 2, non-text contrast), ticked or not."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    theme.apply(qapp, mode)
    box = QCheckBox("Pause all posting") if kind == "check box" else QRadioButton("Ask me what to do")
    box.resize(box.sizeHint())
    box.show()
    QApplication.processEvents()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if kind == "check box"
               else QStyle.SubElement.SE_RadioButtonIndicator)
    indicator = box.style().subElementRect(element, option, box)
    window = box.palette().color(QPalette.ColorRole.Window)
    for checked in (False, True):
        box.setChecked(checked)
        image = box.grab().toImage()
        y = indicator.center().y()
        row = [image.pixelColor(x, y) for x in range(indicator.left(), indicator.center().x())]
        best = max(theme.contrast(c, window) for c in row)  # the outline, where the row crosses it
        assert best >= 3, (mode, kind, checked, round(best, 2), [c.name() for c in row])
    box.close()


FIELDS = ["line edit", "text box", "rich text box", "spin box", "date and time", "editable combo box", "compose"]


def a_field(kind: str) -> QWidget:
    from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QPlainTextEdit, QSpinBox, QTextEdit

    if kind == "editable combo box":
        combo = QComboBox()
        combo.setEditable(True)
        return combo
    if kind == "compose":  # the compose box: the theme's stylesheet draws its border
        editor = QPlainTextEdit()
        editor.setObjectName("composeEditor")
        return editor
    return {"line edit": QLineEdit, "text box": QPlainTextEdit, "rich text box": QTextEdit, "spin box": QSpinBox,
            "date and time": QDateTimeEdit}[kind]()


@pytest.mark.parametrize("kind", FIELDS)
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_field_can_be_seen(qapp: QApplication, mode: str, kind: str) -> None:
    """In dark, a line edit's and a text box's border was a shade off the window (Fusion's, 1.2:1 to 1.5:1; the
    compose box's palette(mid), 2.1:1): the persona editor's fields and the schedule's date were dark holes with
    no edge. In light, Fusion's were a pale grey on a pale window (2.0:1, a text box 1.7:1, compose 1.8:1). A
    field's boundary keeps 3:1 on the window around it (WCAG 2, non-text contrast), when it does not have the
    focus (with it, Fusion's highlighted outline shows it)."""
    from PySide6.QtWidgets import QVBoxLayout

    theme.apply(qapp, mode)
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(8, 8, 8, 8)
    field = a_field(kind)
    layout.addWidget(field)
    host.resize(240, 120)
    host.show()
    host.setFocus()
    QApplication.processEvents()
    assert not field.hasFocus()
    window = host.palette().color(QPalette.ColorRole.Window)
    image = host.grab().toImage()
    box = field.geometry()
    edge = [image.pixelColor(x, box.center().y()) for x in range(box.left() - 1, box.left() + 2)]
    edge += [image.pixelColor(box.center().x(), y) for y in range(box.top() - 1, box.top() + 2)]
    best = max(theme.contrast(c, window) for c in edge)
    assert best >= 3, (mode, kind, round(best, 2), [c.name() for c in edge])
    host.close()


LISTS = ["list", "tree", "table"]


@pytest.mark.parametrize("kind", LISTS)
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_list_s_frame_can_be_seen(qapp: QApplication, mode: str, kind: str) -> None:
    """A list's frame (the schedule, the inbox, the persona editor's lists) is where its rows end and the window
    begins: its edge keeps 3:1 on the window around it (WCAG 2, non-text contrast), as a field's does."""
    from PySide6.QtWidgets import QListWidget, QTableWidget, QTreeWidget, QVBoxLayout

    theme.apply(qapp, mode)
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(8, 8, 8, 8)
    frame = {"list": QListWidget, "tree": QTreeWidget, "table": QTableWidget}[kind]()
    layout.addWidget(frame)
    host.resize(240, 160)
    host.show()
    host.setFocus()
    QApplication.processEvents()
    window = host.palette().color(QPalette.ColorRole.Window)
    image = host.grab().toImage()
    box = frame.geometry()
    edge = [image.pixelColor(x, box.center().y()) for x in range(box.left() - 1, box.left() + 2)]
    edge += [image.pixelColor(box.center().x(), y) for y in range(box.top() - 1, box.top() + 2)]
    best = max(theme.contrast(c, window) for c in edge)
    assert best >= 3, (mode, kind, round(best, 2), [c.name() for c in edge])
    host.close()
