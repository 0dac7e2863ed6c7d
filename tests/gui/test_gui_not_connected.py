"""A persona never connected says so in compose, before anything is posted, with the way to connect it.

Compose showed "as @career_me on X" with Post enabled; the user learnt that career had no account only when the
post failed. Now the banner over compose says it and offers Connect account…; Post waits for the connection,
and Schedule… and Add to queue stay (a scheduled post needs the account only at its time)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from shell_helpers import wait_idle

from personamgr.core.services import Services
from personamgr.gui import i18n
from personamgr.gui.app import Shell
from personamgr.gui.scheduling_ui import attach_scheduling

pytestmark = pytest.mark.gui
TEXT = "Five questions to ask at the end of every job interview, and why the last one matters most."


def test_compose_says_a_persona_never_connected_cannot_post_yet_and_how_to_connect_it(
        demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:  # type: ignore[no-untyped-def]
    career = demo.store.update_persona(demo.store.persona("career").with_changes(network="x"))
    shell = make_shell(demo)
    scheduling = attach_scheduling(shell).compose
    compose, banner = shell.window.compose, shell.window.connection_banner
    shell.controller.set_active(career.uid)
    compose.editor.setPlainText(TEXT)
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.text.text() == ("<b>career is not connected to its X account yet,</b> so it cannot post now. "
                                  "Connect it first; a post you schedule waits, and needs the account only at its "
                                  "time.")
    assert banner.button.text() == "Connect account…"
    assert not compose.post_button.isEnabled()
    assert compose.post_button.toolTip().startswith("career is not connected to an account yet")
    assert scheduling.schedule_button.isEnabled() and scheduling.queue_button.isEnabled()
    with qtbot.waitSignal(banner.reconnectRequested) as asked:
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert asked.args == [career.uid]

    metal = demo.store.persona("metal")  # the sandbox needs no account: nothing to say, Post as ever
    shell.controller.set_active(metal.uid)
    compose.editor.setPlainText("Spinning Master of Puppets again, louder.")
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=10_000)
    assert compose.post_button.isEnabled()

    shell.controller.set_active(career.uid)
    demo.store.set_connection_state(career.uid, "ok", "2244994945")  # what connecting records
    qtbot.waitUntil(lambda: not banner.isVisible() and compose.post_button.isEnabled(), timeout=10_000)
    assert compose.post_button.toolTip().startswith("Post now.")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_ways_to_send_stay_in_sight_when_the_banner_shows_at_the_default_size(
        demo: Services, make_shell: Callable[..., Shell], qtbot, qapp, language: str) -> None:  # type: ignore[no-untyped-def]
    """At 1200x700 with the Schedule panel open, the banner's wrapped lines (four in Spanish) pushed Image,
    + Thread, Schedule… and Post below compose's fold: the user saw the text box and the guard, and scrolled to
    find them. The banner's lines now count in what compose needs, which it takes from the history."""
    if language == "es":
        assert i18n.install(qapp, "es") == "es"
    try:
        the_ways_to_send_stay_in_sight(demo, make_shell, qtbot)
    finally:
        if language == "es":
            i18n.uninstall(qapp)


def the_ways_to_send_stay_in_sight(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from personamgr.gui.screen_fit import DEFAULT_SIZE

    synths = demo.store.update_persona(demo.store.persona("career").with_changes(
        network="mastodon", server="https://fosstodon.org", content_warning="synth nerdery"))
    shell = make_shell(demo)
    scheduling = attach_scheduling(shell)
    window, compose, banner = shell.window, shell.window.compose, shell.window.connection_banner
    window.resize(DEFAULT_SIZE)
    shell.controller.set_active(synths.uid)
    compose.editor.setPlainText(TEXT)
    scheduling.show_queue()  # the Schedule panel open beside compose
    qtbot.waitUntil(lambda: banner.isVisible() and scheduling.dock.isVisible(), timeout=10_000)
    assert window.size() == DEFAULT_SIZE
    viewport = window.findChild(QWidget, "composeArea").viewport()
    ways = (compose.post_button, scheduling.compose.schedule_button, scheduling.compose.queue_button)

    def in_sight() -> None:
        for way in ways:
            where = QRect(way.mapTo(viewport, QPoint(0, 0)), way.size())
            assert viewport.rect().contains(where), (way.text(), where, viewport.rect())

    qtbot.waitUntil(in_sight, timeout=3_000)  # the layout settles


@pytest.mark.parametrize("language", ["en", "es"])
def test_at_1024x600_the_banner_leaves_the_history_whole_rows(demo: Services, make_shell: Callable[..., Shell],
                                                               qtbot, qapp, language: str) -> None:  # type: ignore[no-untyped-def]
    """A 1024x600 netbook, the Schedule panel beside compose, a persona never connected: the banner's four wrapped
    lines (84 px) left the history a 68 px slit, less than one post. Below the default height the banner says its
    headline on one line beside its button (the whole sentence in its tooltip): compose's ways to send stay in
    sight, and the history shows a whole post, with room for more."""
    from PySide6.QtWidgets import QWidget

    if language == "es":
        assert i18n.install(qapp, "es") == "es"
    try:
        career = demo.store.update_persona(demo.store.persona("career").with_changes(network="x"))
        shell = make_shell(demo, show=False)
        scheduling = attach_scheduling(shell)
        window, compose, banner = shell.window, shell.window.compose, shell.window.connection_banner
        window.restore_layout(screen=QRect(0, 0, 1024, 600))
        window.show()
        wait_idle(shell)  # fitted to the screen
        shell.controller.set_active(career.uid)
        compose.editor.setPlainText(TEXT)
        qtbot.waitUntil(lambda: banner.isVisible() and scheduling.dock.isVisible(), timeout=10_000)
        assert window.height() <= 600
        viewport = window.findChild(QWidget, "composeArea").viewport()
        ways = (compose.post_button, scheduling.compose.schedule_button, scheduling.compose.queue_button)
        history = window.history

        def laid_out() -> None:
            for way in ways:
                where = QRect(way.mapTo(viewport, QPoint(0, 0)), way.size())
                assert viewport.rect().contains(where), (way.text(), where, viewport.rect())
            first = history.visualItemRect(history.item(0))
            assert history.viewport().height() >= first.height() * 1.4, (history.viewport().size(), first)

        qtbot.waitUntil(laid_out, timeout=3_000)
        assert "cannot post now" in banner.toolTip() or "no puede publicar" in banner.toolTip()
        window.resize(1200, 800)  # room again: the whole sentence
        qtbot.waitUntil(lambda: "cannot post now" in banner.text.text() or "no puede publicar" in banner.text.text(),
                        timeout=3_000)
    finally:
        if language == "es":
            i18n.uninstall(qapp)
