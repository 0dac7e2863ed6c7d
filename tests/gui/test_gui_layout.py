"""The window comes back the size the user left it, with its schedule dock where they put it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from shell_helpers import wait_idle

from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.main_window import LAYOUT_KEY
from personamgr.gui.scheduling_ui import attach_scheduling

pytestmark = pytest.mark.gui


def test_size_and_dock_survive_a_restart(demo: Services, make_shell: Callable[..., Shell]) -> None:
    first = make_shell(demo)
    ui = attach_scheduling(first)
    ui.dock.hide()  # the user closed the schedule panel
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
    assert not ui2.dock.isVisible()


def test_nothing_saved_or_damaged_keeps_the_defaults(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo, show=False)
    assert not shell.window.restore_layout()
    demo.store.set_setting(LAYOUT_KEY, {"geometry": "not base64 at all", "state": ""})
    assert not shell.window.restore_layout()
    demo.store.set_setting(LAYOUT_KEY, "garbage")
    assert not shell.window.restore_layout()
