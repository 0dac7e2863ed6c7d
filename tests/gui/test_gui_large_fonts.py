"""The desktop's font at 15 pt (a setting many users with low vision choose): no text cut or run into another.

At 15 pt the persona list's rows stayed 76 px tall (the name, its handle and two lines of focus need more), the
compose box kept 11 pt (smaller than every other text in the window), and the persona editor's Focus tab ran its
boxes over their hints.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, QRectF
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QWidget,
)
from shell_helpers import settle_layout

from personamgr.core.services import Services
from personamgr.gui import theme
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui

LARGE = 15.0


@pytest.fixture
def large_font(qapp: QApplication) -> Iterator[QFont]:
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(LARGE)
    qapp.setFont(font)
    theme.apply(qapp, "light")  # the theme's sizes follow the font the app starts with
    try:
        yield font
    finally:
        qapp.setFont(before)
        theme.apply(qapp, "light")


def test_a_persona_row_is_as_tall_as_what_it_shows(large_font: QFont, demo: Services,
                                                   make_shell: Callable[..., Shell]) -> None:
    """The name (5 % larger, bold), then two lines of focus, and the row's padding."""
    shell = make_shell(demo)
    lst = shell.window.persona_list
    option = QStyleOptionViewItem()
    option.initFrom(lst)
    option.font = lst.font()
    name = QFont(lst.font())
    name.setBold(True)
    name.setPointSizeF(name.pointSizeF() * 1.05)
    needed = QFontMetrics(name).height() + 3 + 2 * QFontMetrics(lst.font()).lineSpacing() + 2 * 6
    row = lst.itemDelegate().sizeHint(option, lst.model().index(0, 0, QModelIndex()))
    assert row.height() >= needed, (row.height(), needed)
    assert lst.visualItemRect(lst.item(1)).top() >= needed


def test_the_compose_box_is_no_smaller_than_the_desktops_font(large_font: QFont, demo: Services,
                                                               make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    editor = shell.window.compose.editor
    assert editor.font().pointSizeF() >= LARGE, editor.font().pointSizeF()


def test_the_focus_tab_runs_no_box_over_its_hint(large_font: QFont, demo: Services,
                                                 make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    editor.tabs.setCurrentIndex(1)
    settle_layout(editor)  # the tab fits its rows once shown
    page = editor.tabs.currentWidget()

    def on_page(w: QWidget) -> QRect:
        return QRect(w.mapTo(page, QPoint(0, 0)), w.size())

    hints = [w for w in page.findChildren(QLabel) if w.isVisible() and w.text() and not w.buddy()]
    boxes = [w for kind in (QAbstractScrollArea, QLineEdit, QComboBox) for w in page.findChildren(kind)
             if w.isVisible() and not isinstance(w.parentWidget(), QComboBox)]
    assert hints and boxes

    for hint in hints:
        for box in boxes:
            assert not on_page(hint).intersects(on_page(box)), (hint.text(), box.objectName(), on_page(hint),
                                                                on_page(box))
    editor.reject()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_calendars_hours_are_whole(large_font: QFont, demo: Services, make_shell: Callable[..., Shell]) -> None:
    """The week view's hour column stayed 56 px wide: at 15 pt "11:00" read ".1:00", cut at the window's edge."""
    from personamgr.gui.calendar_layout import Mode
    from personamgr.gui.scheduling_ui import attach_scheduling

    shell = make_shell(demo)
    calendar = attach_scheduling(shell).open_calendar()
    canvas = calendar.canvas
    assert canvas.span.mode is Mode.WEEK
    widest = max(canvas.fontMetrics().horizontalAdvance(f"{h:02d}:00") for h in range(24))
    assert canvas.layout().day_rect(0).left() - 6 >= widest, (canvas.layout().day_rect(0).left(), widest)
    calendar.close()


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    from personamgr.gui import i18n

    i18n.install(qapp, request.param)
    try:
        yield request.param
    finally:
        i18n.uninstall(qapp)


def test_the_settings_say_every_label_and_choice_whole(large_font: QFont, language: str, demo: Services,
                                                        make_shell: Callable[..., Shell], qtbot) -> None:
    """At 15 pt the dialog kept its 560 px: General's "Quitting with posts scheduled" and its choice "Offer to start
    the background sender" were cut. It opened at most 2/3 of the screen tall, and in Spanish the help under a row
    lost its last line. Every page's labels and combo boxes get the width their words need, each help its lines."""
    from PySide6.QtWidgets import QFormLayout

    shell = make_shell(demo)
    dialog = shell.preferences.open_dialog()
    qtbot.waitExposed(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        page = dialog.tabs.currentWidget()
        for form in page.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if label is not None and isinstance(label.widget(), QLabel) and label.widget().text():
                    words = label.widget()
                    needed = words.fontMetrics().horizontalAdvance(words.text())
                    assert words.width() >= needed, (words.text(), words.width(), needed)
        for combo in page.findChildren(QComboBox):
            assert combo.width() >= combo.sizeHint().width(), (combo.objectName(), combo.width(), combo.sizeHint())
        for words in page.findChildren(QLabel):
            if words.isVisible() and words.wordWrap():
                needed = words.heightForWidth(words.width())
                assert words.height() >= needed, (language, words.text(), words.height(), needed)
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_insights_charts_keep_apart(large_font: QFont, services: Services, clock,
                                        make_shell: Callable[..., Shell], qtbot) -> None:
    """At 15 pt the dialog kept its 620 px while its words (the summary, the advice) took more lines: the grid gave
    its charts less than their height, and each chart's bottom axis labels ran under the next chart's title."""
    dialog = insights_with_charts(services, clock, make_shell, qtbot)
    charts = list(dialog.charts.values())

    def on_dialog(w: QWidget) -> QRect:
        return QRect(w.mapTo(dialog, QPoint(0, 0)), w.size())

    for chart in charts:
        assert chart.height() >= chart.minimumHeight(), (chart.objectName(), chart.height())
        for other in [*charts, *dialog.chart_titles.values()]:
            assert other is chart or not on_dialog(chart).intersects(on_dialog(other)), (
                chart.objectName(), on_dialog(chart), other.objectName(), on_dialog(other))
    dialog.close()


def insights_with_charts(services: Services, clock, make_shell: Callable[..., Shell], qtbot):  # type: ignore[no-untyped-def]
    """The insights dialog over a month of history, shown, its four charts drawn."""
    from insights_helpers import make_history

    shell = make_shell(make_history(services, clock))
    dialog = shell.window.open_insights()
    qtbot.waitUntil(lambda: dialog.insights is not None and len(dialog.charts) == 4, timeout=20_000)
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    return dialog


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_insights_chart_titles_follow_the_font(large_font: QFont, services: Services, clock,
                                                   make_shell: Callable[..., Shell], qtbot) -> None:
    """At 15 pt the charts' axis labels grew with the desktop's font, and their titles stayed a fixed 10 pt, the
    smallest words in the dialog: a chart's title is as large as its labels, and whole over its chart."""
    dialog = insights_with_charts(services, clock, make_shell, qtbot)
    for name, chart in dialog.charts.items():
        title = dialog.chart_titles[name]
        assert title.font().pointSizeF() >= chart.getAxis("bottom").font().pointSizeF(), name
        assert title.height() >= title.heightForWidth(title.width()), (name, title.height())
    dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_insights_axis_labels_keep_their_tails(large_font: QFont, services: Services, clock,
                                                   make_shell: Callable[..., Shell], qtbot) -> None:
    """At 15 pt the charts' bottom labels lost what hangs below the line: "Strayed" read "Straved". pyqtgraph
    sizes an axis by its labels' inked height, not their line's; a bottom axis is now as tall as a whole line."""
    dialog = insights_with_charts(services, clock, make_shell, qtbot)
    for chart in dialog.charts.values():
        axis = chart.getAxis("bottom")
        line = QFontMetrics(axis.font()).height()
        assert axis.height() >= line, (chart.objectName(), axis.height(), line)
    dialog.close()


@pytest.fixture(params=[9.0, 12.0, 15.0, 18.0], ids=lambda size: f"{size:g}pt")
def font_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The desktop's font at the sizes a user may pick."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(request.param)
    qapp.setFont(font)
    theme.apply(qapp, "light")
    try:
        yield request.param
    finally:
        qapp.setFont(before)
        theme.apply(qapp, "light")


def bottom_labels(chart: QWidget) -> tuple[QRectF, list[tuple[QRectF, str]]]:
    """The chart's bottom axis (its rect) and the labels pyqtgraph draws under it, where and what."""
    axis = chart.getAxis("bottom")  # type: ignore[attr-defined]
    return axis.mapRectFromParent(axis.geometry()), drawn_labels(axis)


def drawn_labels(axis: Any) -> list[tuple[QRectF, str]]:
    """The labels pyqtgraph draws along ``axis``, where (in the axis's own coordinates) and what."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _line, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in texts]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_insights_weeks_say_this_week_at_every_font_size(font_size: float, services: Services, clock,
                                                             make_shell: Callable[..., Shell], qtbot) -> None:
    """At 15 pt the weekly chart showed no "this week" under its last bar: pyqtgraph drops a label that runs past
    the end of its axis. Every label under a chart is kept whole within its axis (moved in to end there); the
    weeks, a sequence, leave out one in the middle where two would overlap, never this week."""
    dialog = insights_with_charts(services, clock, make_shell, qtbot)

    def whole() -> None:
        for chart in dialog.charts.values():
            axis, labels = bottom_labels(chart)
            for rect, text in labels:
                assert axis.left() <= rect.left() and rect.right() <= axis.right(), (text, rect, axis)
        axis, weeks = bottom_labels(dialog.charts["cost"])  # career posts to X: what its weeks cost
        assert weeks and weeks[-1][1] == "this week", [text for _rect, text in weeks]
        assert weeks[0][1] == "−4 w", [text for _rect, text in weeks]
        for (left, a), (right, b) in itertools.pairwise(weeks):
            assert not left.intersects(right), (a, b)
        for name, expected in (("focus", ["On focus", "Strayed"]), ("kinds", ["Bare links", "Conversation", "Other"])):
            shown = [text.replace("\n", " ") for _rect, text in bottom_labels(dialog.charts[name])[1]]
            assert shown == expected, name  # on one line or two (a label too wide for its bar wraps)

    qtbot.waitUntil(whole, timeout=10_000)  # once the dialog has its size: the labels follow the axis' width
    dialog.close()


def axis_labels(chart: QWidget, side: str) -> list[tuple[QRectF, str]]:
    """The labels pyqtgraph draws along the chart's ``side`` axis, where (in the chart's own coordinates) and what."""
    axis = chart.getAxis(side)  # type: ignore[attr-defined]
    to_chart = axis.sceneTransform()  # the scene is the chart's view, one to one
    return [(to_chart.mapRect(rect), text) for rect, text in drawn_labels(axis)]


@pytest.fixture
def largest_font(qapp: QApplication) -> Iterator[float]:
    """The largest font a user may pick (``font_size``'s last)."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(18.0)
    qapp.setFont(font)
    theme.apply(qapp, "light")
    try:
        yield 18.0
    finally:
        qapp.setFont(before)
        theme.apply(qapp, "light")


@pytest.mark.usefixtures("largest_font")
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_insights_at_the_largest_font_keep_every_label_whole_and_apart(
        language: str, services: Services, clock, make_shell: Callable[..., Shell], qtbot) -> None:
    """At 18 pt the charts' labels ran into each other ("Bare links" into "Conversation", the weekdays into one
    another) and the rhythm chart's title, wider than its chart, was cut (in Spanish, "Cuándo salen las
    publicacion"), its hours after 15 with it. Each chart's title is whole within its width, each label apart from
    the others and inside its chart."""
    dialog = insights_with_charts(services, clock, make_shell, qtbot)

    def laid_out() -> None:
        for name, chart in dialog.charts.items():
            inside = QRectF(chart.rect())
            plot = chart.getPlotItem()
            assert inside.contains(plot.sceneBoundingRect()), (language, name, plot.sceneBoundingRect(), inside)
            labels = axis_labels(chart, "bottom") + axis_labels(chart, "left")
            assert labels, name
            for rect, text in labels:
                assert inside.contains(rect), (language, name, text, rect, inside)
            for (a, first), (b, second) in itertools.combinations(labels, 2):
                assert not a.intersects(b), (language, name, first, a, second, b)
        for name in dialog.charts:  # a title over its chart, in words that wrap: the chart's width is not the title's
            title = dialog.chart_titles[name]
            assert title.isVisible() and title.wordWrap(), name
            assert title.height() >= title.heightForWidth(title.width()), (language, name, title.height())
            words = max(title.text().split(), key=title.fontMetrics().horizontalAdvance)
            assert title.fontMetrics().horizontalAdvance(words) <= title.contentsRect().width(), (language, name)

    qtbot.waitUntil(laid_out, timeout=10_000)  # once the dialog has grown to its words: the labels follow the axes
    dialog.close()
