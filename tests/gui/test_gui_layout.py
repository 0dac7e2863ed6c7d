"""The window comes back the size the user left it, with its schedule dock where they put it; and at its smallest,
compose is never squeezed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from shell_helpers import settle_layout, wait_idle

from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.main_window import LAYOUT_KEY
from personamgr.gui.scheduling_ui import attach_scheduling

pytestmark = pytest.mark.gui


def career_draft_while_metal(shell: Shell, qtbot) -> Shell:  # type: ignore[no-untyped-def]
    """The window with the schedule panel, and words written for career kept as its draft while metal is active:
    the draft bar says so."""
    attach_scheduling(shell)
    compose = shell.window.compose
    compose.editor.setFocus()
    compose.editor.insertPlainText("Which albums made you pick up a guitar? Mine: Master of Puppets.")
    shell.controller.set_active(shell.services.store.persona("metal").uid)
    qtbot.waitUntil(lambda: not shell.drafts.writing, timeout=10_000)
    return shell


def test_size_and_dock_survive_a_restart(demo: Services, make_shell: Callable[..., Shell]) -> None:
    first = make_shell(demo)
    ui = attach_scheduling(first)
    ui.dock.hide()  # the user closed the schedule panel, and the inbox (a window narrower than both and compose
    ui.inbox_dock.hide()  # beside them cannot be: the window's minimum width follows its open panels)
    first.window.resize(QSize(760, 560))  # within the offscreen screen (800x600): Qt keeps windows on screen
    left = first.window.size()
    first.window.close()  # no tray: closing saves the layout (in a worker), then quits
    wait_idle(first)
    assert isinstance(demo.store.get_setting(LAYOUT_KEY), dict)

    second = make_shell(demo, show=False)
    ui2 = attach_scheduling(second)
    assert second.window.restore_layout()
    second.window.show()
    assert second.window.size() == left
    assert left == QSize(760, 560)
    assert not ui2.dock.isVisible() and not ui2.inbox_dock.isVisible()


def test_nothing_saved_or_damaged_keeps_the_defaults(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo, show=False)
    assert not shell.window.restore_layout()
    demo.store.set_setting(LAYOUT_KEY, {"geometry": "not base64 at all", "state": ""})
    assert not shell.window.restore_layout()
    demo.store.set_setting(LAYOUT_KEY, "garbage")
    assert not shell.window.restore_layout()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_short_window_narrows_compose_between_its_rows_not_along_them(demo: Services,
                                                                        make_shell: Callable[..., Shell]) -> None:
    """On a window shorter than the default, compose's rows stand closer (a 1024x600 screen keeps Post in sight).
    The buttons along a row took the closer gap too, so the window's minimum width shrank by 12 px once it was
    short: dragged to its minimum it stopped 12 px wider than the minimum it then had (the CI caught this in
    test_compose_is_never_squeezed_at_the_windows_minimum_size, when the short window's resize came after the
    drag). The gaps along a row are the same at every height, so compose needs the same width."""
    shell = make_shell(demo)
    window, compose = shell.window, shell.window.compose
    attach_scheduling(shell)
    window.resize(1280, 800)
    wait_idle(shell)
    settle_layout(window)
    tall = compose.minimumSizeHint().width()
    tall_gap = compose.layout().spacing()
    window.resize(1280, 600)
    wait_idle(shell)
    settle_layout(window)
    assert compose.layout().spacing() < tall_gap  # the rows do stand closer
    assert compose.minimumSizeHint().width() == tall


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_compose_is_never_squeezed_at_the_windows_minimum_size(demo: Services, make_shell: Callable[..., Shell],
                                                               qtbot) -> None:
    """At the window's minimum size, with the schedule panel open and the draft bar shown, compose was squeezed
    to a third of what it needs: the bar one cut line, the text box one line under it, the buttons drawn over
    each other and the personas pane over compose. Compose now keeps its rows whole (the window is never
    narrower than they need) and scrolls up and down where the window is too short for it."""
    from PySide6.QtWidgets import QWidget

    shell = career_draft_while_metal(make_shell(demo), qtbot)
    window, compose = shell.window, shell.window.compose
    assert compose.bar.isVisible()
    window.resize(1, 1)  # as small as the user can drag it
    settle_layout(window)
    assert window.size() == window.minimumSize()
    need = compose.minimumSizeHint()
    assert compose.width() >= need.width() and compose.height() >= need.height(), (compose.size(), need)
    rows = [w for w in compose.findChildren(QWidget) if w.parentWidget() is compose and w.isVisible()]
    for w in rows:
        assert compose.rect().contains(w.geometry()), (w.objectName(), w.geometry(), compose.rect())
        assert w.height() >= w.minimumSizeHint().height(), (w.objectName(), w.height(), w.minimumSizeHint())
    label = compose.bar.label
    assert label.height() >= label.heightForWidth(label.width()), "the bar's sentence is cut"
    left = window.persona_list.parentWidget()
    assert left.mapTo(window, left.rect().topRight()).x() < compose.mapTo(window, compose.rect().topLeft()).x()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_windows_minimum_width_does_not_depend_on_its_height(demo: Services, make_shell: Callable[..., Shell],
                                                                 qapp, qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    """A window made short (1024x600 and below) brought compose's rows closer and, with them, the buttons along a
    row: its minimum width changed with its height (907 px tall, 895 short), and a window dragged to its minimum
    stopped at the wrong one. With everything that changes with the height shown (the schedule and inbox panels,
    a persona not connected yet and its banner, a message under compose, the draft bar), the window needs the same
    width at every height."""
    from personamgr.gui import i18n

    demo.store.update_persona(demo.store.persona("career").with_changes(network="x"))  # not connected: the banner
    try:
        assert i18n.install(qapp, language) == language
        shell = career_draft_while_metal(make_shell(demo), qtbot)
        window, compose = shell.window, shell.window.compose
        shell.controller.set_active(demo.store.persona("career").uid)
        compose.say("Moved to metal. Nothing was posted: press Post to send it as metal.")
        qtbot.waitUntil(window.connection_banner.isVisible, timeout=10_000)
        widths = {}
        for height in (800, 700, 600, 540, 480):
            window.resize(1024, height)
            wait_idle(shell)
            settle_layout(window)
            widths[height] = window.minimumSizeHint().width()
        assert len(set(widths.values())) == 1, widths
    finally:
        i18n.uninstall(qapp)
