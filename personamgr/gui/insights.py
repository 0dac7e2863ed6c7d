"""Persona insights: four small charts and the advice the app exists for (Persona ▸ Insights…, Ctrl+I).

The figures come from ``core.insights`` (the local history only) and the charts
from pyqtgraph, chosen over QtCharts for its size (see bench/README.md). Both
the figures and the pyqtgraph import (about a second on a busy machine) are
done in a worker; the dialog shows "Reading the history…" meanwhile. Each chart
carries its numbers as an accessible description, for those who cannot see it.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from personamgr.core import costs
from personamgr.core.i18n import number, percent, translate
from personamgr.core.insights import HOURS, PERIODS, Insights, persona_insights
from personamgr.core.services import Services
from personamgr.gui import theme
from personamgr.gui.a11y import label_for, with_letters
from personamgr.gui.controller import PersonaController
from personamgr.gui.widgets import bullets_html, hint_label
from personamgr.gui.workers import Workers


def weekday(day: int) -> str:
    """"Mon" for 0, in the user's language (Qt's locale data)."""
    return QLocale().dayName(day + 1, QLocale.FormatType.ShortFormat)


def _chart_title(title: str) -> QLabel:
    """A chart's title, in words that wrap over it. pyqtgraph's own title is one line as wide as its words: at a
    large font it made the chart wider than its place in the grid, and the title and the chart's right end were cut.
    """
    label = QLabel(title)
    label.setObjectName("insightsChartTitle")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _chart_height(chart: Any) -> int:
    """The least height that shows ``chart``'s seven weekdays (the rhythm's rows) one under the other, with its
    bottom labels on two lines (a label too wide for its bar wraps): at a large font a fixed height ran them into
    each other."""
    line = QFontMetrics(chart.getAxis("left").font()).height()
    return 7 * line + 2 * line + 2 * chart.getAxis("bottom").style["tickTextOffset"][1] + 12


def _load(services: Services, persona: Any, days: int) -> Insights:
    import pyqtgraph  # noqa: F401 (imported here, off the GUI thread: it is the slow part of opening the dialog)

    return persona_insights(services.store, persona, services.clock.now(), days)


class InsightsDialog(QDialog):
    def __init__(self, services: Services, controller: PersonaController, workers: Workers,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        self.workers = workers
        self.insights: Insights | None = None
        self.charts: dict[str, QWidget] = {}
        self.chart_titles: dict[str, QLabel] = {}
        self._cells: list[QWidget] = []
        self._generation = 0
        self.setObjectName("insightsDialog")
        self.setWindowTitle(translate("InsightsDialog", "Persona insights"))
        self.resize(860, 620)
        self.persona_combo = QComboBox()
        self.persona_combo.setObjectName("insightsPersona")
        self.persona_combo.setAccessibleName(translate("InsightsDialog", "Persona"))
        for p in controller.personas:
            self.persona_combo.addItem(p.name, p.uid)
        self.persona_combo.setCurrentIndex(max(0, self.persona_combo.findData(controller.active_uid)))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("insightsPeriod")
        self.period_combo.setAccessibleName(translate("InsightsDialog", "Period"))
        for days in PERIODS:
            self.period_combo.addItem(translate("InsightsDialog", "Last %n day(s)", None, days), days)
        top = QHBoxLayout()
        top.addWidget(label_for(self.persona_combo, translate("InsightsDialog", "&Persona:")))
        top.addWidget(self.persona_combo)
        top.addSpacing(12)
        top.addWidget(label_for(self.period_combo, translate("InsightsDialog", "P&eriod:")))
        top.addWidget(self.period_combo)
        top.addStretch(1)
        self.summary = QLabel(translate("InsightsDialog", "Reading the history…"))
        self.summary.setObjectName("insightsSummary")
        self.summary.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(12)
        self.advice = QVBoxLayout()
        self.advice_labels: list[QLabel] = []
        note = hint_label(translate("InsightsDialog", "From the posts on this computer only: nothing is read from the "
                                    "networks (X charges for reading)."))
        buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addLayout(self.grid, 1)
        column.addLayout(self.advice)
        column.addWidget(note)
        # Scrolls where the screen is too short for it (a large font): squeezed, the charts ran into each other.
        self.body = QScrollArea()
        self.body.setObjectName("insightsBody")
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        self.persona_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    @property
    def days(self) -> int:
        return int(self.period_combo.currentData())

    @Slot()
    def refresh(self) -> None:
        persona = self.controller.persona(str(self.persona_combo.currentData() or ""))
        if persona is None:
            self.summary.setText(translate("InsightsDialog", "No persona yet."))
            return
        self._generation += 1
        gen, services, days = self._generation, self.services, self.days
        self.workers.submit(lambda: _load(services, persona, days), done=lambda i: self._show(gen, persona.colour, i),
                            name="insights")

    # -- showing -------------------------------------------------------------------------
    def _show(self, gen: int, colour: str, insights: Insights) -> None:
        if gen != self._generation:
            return
        self.insights = insights
        i = insights
        posts = i.posts
        if posts:  # a cost only where the network charges for posts (X): Mastodon's and Bluesky's cost nothing
            summary = (translate("InsightsDialog", "{name}: %n post(s) in the last {days} days, {share} on focus, "
                                 "{talk} conversation; X cost {cost}.", None, posts) if i.billed else
                       translate("InsightsDialog", "{name}: %n post(s) in the last {days} days, {share} on focus, "
                                 "{talk} conversation.", None, posts))
            self.summary.setText(summary.format(
                name=i.persona, days=i.days, share=percent(i.on_focus_share or 0.0),
                talk=percent(i.conversation_share or 0.0), cost=costs.describe(i.cost_usd)))
        else:
            self.summary.setText(translate("InsightsDialog", "{name} has sent nothing in the last {days} days.").format(
                name=i.persona, days=i.days))
        self._charts(colour, i)
        for label in self.advice_labels:
            self.advice.removeWidget(label)
            label.deleteLater()
        self.advice_labels = []
        for line in i.advice():
            label = QLabel(bullets_html([line]))
            label.setWordWrap(True)
            label.setObjectName("insightsAdvice")
            self.advice.addWidget(label)
            self.advice_labels.append(label)
        # The summary and advice take more lines at a large font: the dialog grows to show them with the charts,
        # within its screen. Once the new charts and labels show (a layout counts no hidden widget).
        QTimer.singleShot(0, self, self._grow)

    def _grow(self) -> None:
        """As wide as the body's words and charts need beside a scroll bar, and as tall, within the screen."""
        body, view = self.body.widget(), self.body.viewport()
        self.body.setMinimumWidth(body.minimumSizeHint().width() + self.body.verticalScrollBar().sizeHint().width())
        missing = body.heightForWidth(view.width()) - view.height()
        screen = self.screen()
        if missing > 0 and screen is not None:
            frame = self.frameGeometry().height() - self.height()
            self.resize(self.width(), min(self.height() + missing, screen.availableGeometry().height() - frame))

    def _charts(self, colour: str, i: Insights) -> None:
        import pyqtgraph as pg

        from personamgr.gui.chart_axis import Chart, LabelAxis, NumberAxis  # pyqtgraph loads with the first chart

        for cell in self._cells:
            self.grid.removeWidget(cell)
            cell.deleteLater()
        self._cells, self.charts, self.chart_titles = [], {}, {}  # a persona off X has no cost chart: no lingering
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        persona, warn = QColor(colour), theme.colour("warning", pal)
        muted = theme.colour("muted", pal)

        def plot(name: str, title: str, description: str, *, counts: bool = True, weeks: bool = False) -> Any:
            w = Chart(background=base, axisItems={"left": NumberAxis("left", whole=counts),
                                                  "bottom": LabelAxis("bottom", thin=weeks)})
            w.setObjectName(f"chart_{name}")
            w.setAccessibleName(title)
            w.setAccessibleDescription(description)
            w.setMenuEnabled(False)
            w.setMouseEnabled(x=False, y=False)
            w.hideButtons()
            for side in ("left", "bottom"):
                axis = w.getAxis(side)
                axis.setPen(pg.mkPen(muted))
                axis.setTextPen(pg.mkPen(text))
            line = QFontMetrics(w.getAxis("left").font()).height()  # the top label stands half above its tick
            w.getPlotItem().layout.setContentsMargins(1, math.ceil(line / 2), 1, 1)
            w.setMinimumHeight(max(170, _chart_height(w)))
            self.charts[name] = w
            self.chart_titles[name] = _chart_title(title)
            return w

        def bars(w: Any, labels: list[str], values: list[float], brushes: list[QColor]) -> None:
            w.addItem(pg.BarGraphItem(x=list(range(len(values))), height=values, width=0.6,
                                      brushes=[pg.mkBrush(b) for b in brushes], pens=[pg.mkPen(None)] * len(values)))
            w.getAxis("bottom").setTicks([list(enumerate(labels))])
            w.setYRange(0, max([*values, 1]) * 1.15)

        on_label, off_label = translate("InsightsDialog", "On focus"), translate("InsightsDialog", "Strayed")
        focus = plot("focus", translate("InsightsDialog", "Posts on focus"),
                     f"{on_label}: {number(i.on_focus)}. {off_label}: {number(i.off_focus)}.")
        bars(focus, [on_label, off_label], [i.on_focus, i.off_focus], [persona, warn])

        kinds = [translate("InsightsDialog", "Bare links"), translate("InsightsDialog", "Conversation"),
                 translate("InsightsDialog", "Other")]
        values = [i.link_only, i.conversation, i.other]
        talk = plot("kinds", translate("InsightsDialog", "Links or conversation"),
                    " ".join(f"{k}: {number(v)}." for k, v in zip(kinds, values, strict=True)))
        bars(talk, kinds, values, [muted, persona, muted])

        busiest = max(((d, h) for d in range(7) for h in range(HOURS)), key=lambda dh: i.rhythm[dh[0]][dh[1]])
        peak = i.rhythm[busiest[0]][busiest[1]]  # plain names for counts: pyside6-lupdate reads no other
        rhythm = plot("rhythm", translate("InsightsDialog", "When posts go out (weekday, hour)"),
                      translate("InsightsDialog", "Busiest: {day} {hour}:00, %n post(s).", None, peak).format(
                          day=weekday(busiest[0]), hour=busiest[1]))
        import numpy as np

        grid = np.array(i.rhythm, dtype=float).T  # x: hour, y: weekday
        image = pg.ImageItem(grid)
        stops = np.array([0.0, 1.0])
        cmap = pg.ColorMap(stops, [base, persona])
        image.setLookupTable(cmap.getLookupTable(nPts=64))
        image.setLevels([0, max(1.0, float(grid.max()))])
        rhythm.addItem(image)
        rhythm.getAxis("left").setTicks([[(d + 0.5, weekday(d)) for d in range(7)]])
        rhythm.getAxis("bottom").setTicks([[(h + 0.5, str(h)) for h in range(0, HOURS, 3)]])
        rhythm.invertY(True)
        rhythm.setXRange(0, HOURS, padding=0)
        rhythm.setYRange(0, 7, padding=0)

        last = len(i.weekly_cost) - 1
        weeks = []
        for n in range(last + 1):
            ago = last - n  # a plain name: pyside6-lupdate reads no other count
            weeks.append(translate("InsightsDialog", "this week") if n == last
                         else translate("InsightsDialog", "−%n w", None, ago))
        if i.billed:
            last_chart = "cost"
            weekly = plot(last_chart, translate("InsightsDialog", "X cost per week (USD)"),
                          translate("InsightsDialog", "Total {total} over {days} days.").format(
                              total=costs.describe(i.cost_usd), days=i.days), counts=False, weeks=True)
            bars(weekly, weeks, list(i.weekly_cost), [persona] * len(i.weekly_cost))
        else:
            last_chart, sent = "weekly", i.posts  # a plain name: pyside6-lupdate reads no other count
            weekly = plot(last_chart, translate("InsightsDialog", "Posts per week"),
                          translate("InsightsDialog", "%n post(s) over {days} days.", None, sent).format(days=i.days),
                          weeks=True)
            bars(weekly, weeks, [float(n) for n in i.weekly_posts], [persona] * len(i.weekly_posts))
        if len(weeks) > 6:
            weekly.getAxis("bottom").setTicks([[(n, w) for n, w in enumerate(weeks) if n % 3 == len(weeks) % 3 - 1
                                                or n == len(weeks) - 1]])

        for n, name in enumerate(("focus", "kinds", "rhythm", last_chart)):
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.chart_titles[name])
            column.addWidget(self.charts[name], 1)
            self._cells.append(cell)
            self.grid.addWidget(cell, n // 2, n % 2)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
