"""The cost and policy line under the compose box: shown for X personas, never for the sandbox."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from personamgr.core.clock import FakeClock
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui


@pytest.fixture
def x_persona(demo: Services, clock: FakeClock) -> Persona:
    """An X persona with a $10 budget and a 100-post cap that has already spent $0.42 this month."""
    p = demo.store.add_persona(Persona(name="founder", handle="@founder_me", topics=("startups",), network="x",
                                       monthly_budget_usd=10.0, monthly_post_cap=100))
    post = demo.outbox.create(p.uid, "already out", state=PostState.SENDING)
    demo.outbox.transition(post.id, PostState.SENT, sent_at=clock.now(), remote_id="1", remote_ids=("1", "2"),
                           network="x", cost_usd=0.42)
    return p


def type_text(shell: Shell, idle: Callable[..., None], text: str) -> None:
    """Type, then compute at once instead of waiting out the debounce."""
    shell.window.compose.editor.setPlainText(text)
    shell.window.compose.cost_line.refresh()
    idle(shell)


def test_x_persona_shows_estimate_and_spend(demo: Services, x_persona: Persona, make_shell: Callable[..., Shell],
                                            idle) -> None:
    shell = make_shell(demo)
    shell.controller.set_active(x_persona.uid)
    line = shell.window.compose.cost_line
    type_text(shell, idle, "We closed our seed round today.")
    assert line.cost.isVisible()
    assert line.cost.text() == "≈ $0.015 · spent $0.42 of $10.00 this month · 2 of 100 posts"
    assert not line.policy.isVisible()
    type_text(shell, idle, "Our story: https://example.com/seed")
    assert line.cost.text().startswith("≈ $0.20 · ")


def test_policy_warnings_for_x(demo: Services, x_persona: Persona, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    shell.controller.set_active(x_persona.uid)
    line = shell.window.compose.cost_line
    type_text(shell, idle, "Watching $AAPL and $TSLA this week")
    # Two cashtags is the persona guard's warning (on X and the sandbox); the cost line does not repeat it.
    assert not line.policy.isVisible()
    type_text(shell, idle, "@investor thanks for the call")
    assert "X only lets you reply where the author mentioned or quoted you" in line.policy.text()
    type_text(shell, idle, "Plain words again")
    assert not line.policy.isVisible()


def test_budget_reached_is_said_before_posting(demo: Services, x_persona: Persona,
                                               make_shell: Callable[..., Shell], idle) -> None:
    demo.store.update_persona(x_persona.with_changes(monthly_post_cap=2))
    shell = make_shell(demo)
    shell.controller.set_active(x_persona.uid)
    type_text(shell, idle, "One more")
    line = shell.window.compose.cost_line
    assert line.policy.isVisible() and "has posted 2 of its 2 posts this month" in line.policy.text()


def test_sandbox_shows_no_cost_or_policy(demo: Services, x_persona: Persona, make_shell: Callable[..., Shell],
                                         idle) -> None:
    shell = make_shell(demo)
    line = shell.window.compose.cost_line
    shell.controller.set_active(demo.store.persona("career").uid)
    type_text(shell, idle, "Watching $AAPL and $TSLA, @someone https://example.com")
    assert not line.cost.isVisible() and not line.policy.isVisible()
    shell.controller.set_active(x_persona.uid)  # to X: shown
    type_text(shell, idle, "Hello from X")
    assert line.cost.isVisible()
    shell.controller.set_active(demo.store.persona("metal").uid)  # and back to the sandbox: hidden at once
    assert not line.cost.isVisible() and not line.policy.isVisible()


def test_the_line_follows_typing_after_a_pause(demo: Services, x_persona: Persona,
                                               make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    shell.controller.set_active(x_persona.uid)
    line = shell.window.compose.cost_line
    shell.window.compose.editor.setPlainText("@investor thanks for the call")
    qtbot.waitUntil(line.policy.isVisible, timeout=10_000)
    assert "X only lets you reply" in line.policy.text()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_cost_line_is_read_whole_in_a_small_window(demo: Services, x_persona: Persona,
                                                       make_shell: Callable[..., Shell], idle) -> None:
    """At 1200 pixels wide, with the schedule panel open, the line read "≈ $0.015 · spent $0.00 of $10.00 this m":
    the row's buttons left it too little room and Qt cut it mid-word (seen in the compose-x-cost screenshot)."""
    from PySide6.QtCore import QRect, Qt

    from personamgr.gui.scheduling_ui import attach_scheduling

    shell = make_shell(demo)
    attach_scheduling(shell)
    shell.controller.set_active(x_persona.uid)
    line = shell.window.compose.cost_line
    for width, height in ((1200, 700), (1024, 600)):
        shell.window.resize(width, height)
        type_text(shell, idle, "We closed our seed round today.")
        idle(shell)
        label = line.cost
        assert label.isVisible()
        needed = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000),
                                                  int(Qt.TextFlag.TextWordWrap), label.text())
        assert needed.width() <= label.width() and needed.height() <= label.height(), \
            (width, label.text(), label.size(), needed.size())
