"""One active persona: the window and the tray follow each other, and the choice persists."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor
from shell_helpers import wait_idle

from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.controller import ACTIVE_KEY

pytestmark = pytest.mark.gui


def icon_colour(shell: Shell) -> str:
    """The colour of the tray icon's disc, read from its pixels (left of the initial)."""
    image = shell.tray.current_icon().pixmap(32, 32).toImage()
    return QColor(image.pixelColor(7, 16)).name()


def tray_labels(shell: Shell) -> list[str]:
    return [a.text() for a in shell.tray.menu.actions() if not a.isSeparator()]


def test_tray_menu_lists_personas_as_exclusive_radio_items(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    assert tray_labels(shell) == ["career  @career_me  (Sandbox)", "metal  @metal_me  (Sandbox)", "Compose…",
                                  "Show window", "Quit"]
    assert shell.tray.group.isExclusive()
    assert all(a.isCheckable() for a in shell.tray.persona_actions())
    assert [a.isChecked() for a in shell.tray.persona_actions()] == [True, False]
    assert icon_colour(shell) == "#1d9bf0"


def test_switching_in_the_window_switches_the_tray(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    metal = demo.store.persona("metal")
    shell.window.persona_list.setCurrentRow(1)
    assert shell.controller.active_uid == metal.uid
    assert shell.tray.checked_uid() == metal.uid
    assert icon_colour(shell) == "#c0392b"
    assert "metal" in shell.tray.icon.toolTip()
    assert shell.window.windowTitle().startswith("metal (@metal_me)")
    assert shell.window.compose.persona_combo.currentData() == metal.uid
    wait_idle(shell)  # remembered in a worker
    assert demo.store.get_setting(ACTIVE_KEY) == metal.uid


def test_switching_in_the_tray_switches_the_window(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    metal, career = demo.store.persona("metal"), demo.store.persona("career")
    shell.tray.persona_actions()[1].trigger()
    assert shell.window.persona_list.currentItem().data(0x0100) == metal.uid
    assert shell.window.compose.persona_combo.currentData() == metal.uid
    assert shell.window.windowTitle().startswith("metal")
    assert shell.window.compose.editor.placeholderText() == "What's new, metal?"
    assert [a.isChecked() for a in shell.tray.persona_actions()] == [False, True]
    # and back, through the window's Persona menu this time
    shell.window.persona_group.actions()[0].trigger()
    assert shell.tray.checked_uid() == career.uid
    assert icon_colour(shell) == "#1d9bf0"


def test_the_combo_switches_and_the_choice_survives_a_restart(demo: Services,
                                                              make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    metal = demo.store.persona("metal")
    combo = shell.window.compose.persona_combo
    combo.activated.emit(combo.findData(metal.uid))
    assert shell.tray.checked_uid() == metal.uid
    wait_idle(shell)  # the choice is written in a worker; a real restart closes the window first, which waits for it
    again = make_shell(demo)  # a new window over the same profile: what the next start-up shows
    assert again.controller.active_uid == metal.uid
    assert again.tray.checked_uid() == metal.uid


def test_a_persona_added_from_another_thread_appears_everywhere(demo: Services, make_shell: Callable[..., Shell],
                                                               qtbot) -> None:
    """Store notifications come from whatever thread wrote; the GUI must pick them up on its own thread."""
    shell = make_shell(demo)
    founder = Persona(name="founder", handle="@founder_me", topics=("startups",), colour="#16a085")
    writer = threading.Thread(target=demo.store.add_persona, args=(founder,))
    writer.start()
    writer.join(10)
    assert tray_labels(shell)[:2] == ["career  @career_me  (Sandbox)", "metal  @metal_me  (Sandbox)"]  # not yet
    qtbot.waitUntil(lambda: "founder  @founder_me  (Sandbox)" in tray_labels(shell), timeout=5000)
    assert shell.window.persona_list.count() == 3
    assert shell.window.compose.persona_combo.count() == 3
