"""The insights dialog: four charts from the local history, their numbers for screen readers, the advice."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from insights_helpers import make_history
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication

from personamgr.core.clock import FakeClock
from personamgr.core.services import Services


@pytest.fixture
def history(services: Services, clock: FakeClock) -> Services:
    return make_history(services, clock)


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_dialog_draws_four_charts_with_their_numbers(history: Services, make_shell: Callable[..., object],
                                                         qtbot) -> None:
    shell = make_shell(history)
    assert shell.window.insights_action.shortcut().toString() == "Ctrl+I"
    dialog = shell.window.open_insights()
    qtbot.waitUntil(lambda: dialog.insights is not None and len(dialog.charts) == 4, timeout=20_000)
    assert dialog.summary.text().startswith("career: 5 posts in the last 30 days, 80% on focus")
    assert set(dialog.charts) == {"focus", "kinds", "rhythm", "cost"}
    assert dialog.charts["focus"].accessibleDescription() == "On focus: 4. Strayed: 1."
    assert [QTextDocumentFragment.fromHtml(label.text()).toPlainText()[:3] for label in dialog.advice_labels] == \
        ["One", "Tal", "An "]  # a bulleted list each (its wrapped lines hang under the text)
    dialog.period_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.insights.days == 90, timeout=20_000)
    assert dialog.insights.posts == 6
    dialog.persona_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.insights.persona == "metal", timeout=20_000)
    dialog.close()
    QApplication.processEvents()


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_only_a_persona_on_x_is_shown_a_cost(history: Services, make_shell: Callable[..., object], qtbot) -> None:
    """A Mastodon persona read "X cost $0.00" and had an "X cost per week" chart: its network charges nothing. It
    is shown its posts per week instead; an X persona keeps its cost."""
    store = history.store
    store.update_persona(store.persona("career").with_changes(network="x"))
    store.update_persona(store.persona("metal").with_changes(network="mastodon", server="https://social.example",
                                                             handle="@metal@social.example"))
    shell = make_shell(history)
    dialog = shell.window.open_insights()
    qtbot.waitUntil(lambda: dialog.insights is not None and len(dialog.charts) == 4, timeout=20_000)
    assert dialog.insights.persona == "career", dialog.insights
    assert dialog.summary.text().endswith("conversation; X cost $0.245.")
    assert set(dialog.charts) == {"focus", "kinds", "rhythm", "cost"}
    dialog.persona_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.insights.persona == "metal" and "cost" not in dialog.charts, timeout=20_000)
    assert dialog.summary.text() == "metal: 1 post in the last 30 days, 100% on focus, 0% conversation."
    assert set(dialog.charts) == {"focus", "kinds", "rhythm", "weekly"}
    assert dialog.charts["weekly"].accessibleName() == "Posts per week"
    assert dialog.charts["weekly"].accessibleDescription() == "1 post over 30 days."
    dialog.close()
    QApplication.processEvents()


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_count_of_posts_is_a_whole_number_on_every_axis(history: Services, make_shell: Callable[..., object],
                                                         qtbot) -> None:
    """A persona with one post in the period (a new one, a quiet month) had its charts' left axes read 0.0, 0.1,
    0.2 … 1.2 posts: pyqtgraph divides any range into tenths. A chart of posts ticks whole numbers only; the X cost
    keeps its cents."""
    store = history.store
    store.update_persona(store.persona("metal").with_changes(network="mastodon", server="https://social.example",
                                                             handle="@metal@social.example"))
    shell = make_shell(history)
    dialog = shell.window.open_insights()
    dialog.persona_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.insights is not None and dialog.insights.persona == "metal"
                    and "weekly" in dialog.charts, timeout=20_000)
    assert dialog.insights.posts == 1
    QApplication.processEvents()
    for name in ("focus", "kinds", "weekly"):
        axis = dialog.charts[name].getAxis("left")
        low, high = dialog.charts[name].getViewBox().viewRange()[1]
        ticks = [v for _spacing, values in axis.tickValues(low, high, axis.height()) for v in values]
        assert ticks and all(float(v).is_integer() for v in ticks), (name, ticks)
    dialog.close()
    QApplication.processEvents()
