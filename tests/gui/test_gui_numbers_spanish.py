"""The Spanish window writes its numbers as Spanish does: the compose counter read "3,025 / 3,000 bytes", the cost
line "$0.015", insights "80% en el tema" and its charts "0.5", English separators inside Spanish words. English
is unchanged."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from insights_helpers import make_history

from personamgr.core.clock import FakeClock
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui import i18n
from personamgr.gui.app import Shell

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
NBSP = "\u00a0"


@pytest.fixture(params=["es", "en"])
def lang(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    assert i18n.install(qapp, request.param) == request.param
    yield request.param
    i18n.uninstall(qapp)


def test_the_compose_counter(lang: str, demo: Services, make_shell: Callable[..., Shell]) -> None:
    demo.networks["bluesky"] = BlueskyNetwork()
    demo.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky", handle="@sky.bsky.social"))
    career = demo.store.persona("career")
    demo.store.update_persona(career.with_changes(premium=True))
    shell = make_shell(demo)
    compose = shell.window.compose
    compose.editor.setPlainText("x" * 300)
    assert compose.counter.text() == {"es": "300 / 25.000", "en": "300 / 25,000"}[lang]
    compose.editor.setPlainText("x" * 37_345)
    assert compose.counter.toolTip().startswith({"es": "12.345 por encima del límite",
                                                 "en": "12,345 over the limit"}[lang])
    shell.controller.set_active(demo.store.persona("sky").uid)
    compose.editor.setPlainText("👨‍👩‍👧‍👦" * 121)  # 121 graphemes, 3,025 bytes
    assert compose.counter.text() == {"es": "3025 / 3000 bytes", "en": "3,025 / 3,000 bytes"}[lang]
    assert compose.counter.toolTip().startswith({"es": "25 bytes por encima del límite",
                                                 "en": "25 bytes over the limit"}[lang])


def test_the_cost_line(lang: str, demo: Services, clock: FakeClock, make_shell: Callable[..., Shell],
                       idle: Callable[..., None]) -> None:
    p = demo.store.add_persona(Persona(name="founder", handle="@founder_me", topics=("startups",), network="x",
                                       monthly_budget_usd=1500.0, monthly_post_cap=100))
    post = demo.outbox.create(p.uid, "already out", state=PostState.SENDING)
    demo.outbox.transition(post.id, PostState.SENT, sent_at=clock.now(), remote_id="1", remote_ids=("1",),
                           network="x", cost_usd=0.42)
    shell = make_shell(demo)
    shell.controller.set_active(p.uid)
    shell.window.compose.editor.setPlainText("We closed our seed round today.")
    shell.window.compose.cost_line.refresh()
    idle(shell)
    assert shell.window.compose.cost_line.cost.text() == {
        "es": f"≈ 0,015{NBSP}US$ · gastado 0,42{NBSP}US$ de 1500,00{NBSP}US$ este mes · 1 de 100 publicaciones",
        "en": "≈ $0.015 · spent $0.42 of $1,500.00 this month · 1 of 100 posts"}[lang]


def test_the_insights_summary(lang: str, services: Services, clock: FakeClock, make_shell: Callable[..., Shell],
                              qtbot) -> None:  # type: ignore[no-untyped-def]
    shell = make_shell(make_history(services, clock))
    dialog = shell.window.open_insights()
    qtbot.waitUntil(lambda: dialog.insights is not None and len(dialog.charts) == 4, timeout=20_000)
    assert dialog.summary.text() == {
        "es": f"career: 5 publicaciones en los últimos 30 días, 80{NBSP}% en el tema, 40{NBSP}% de conversación; "
              f"coste en X 0,245{NBSP}US$.",
        "en": "career: 5 posts in the last 30 days, 80% on focus, 40% conversation; X cost $0.245."}[lang]
    # the charts' own scales too (pyqtgraph wrote "0.5" beside "0,52 US$")
    ticks = dialog.charts["cost"].getAxis("left").tickStrings([0.0, 0.5, 1.0], 1.0, 0.5)
    assert ticks == {"es": ["0,0", "0,5", "1,0"], "en": ["0.0", "0.5", "1.0"]}[lang]
    dialog.close()
