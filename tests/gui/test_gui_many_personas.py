"""A social media manager's twenty personas: the window finds one by typing, the tray menu stays short.

The persona list showed seven or eight of twenty at the default size, with nothing to type into; Ctrl+1 to
Ctrl+9 reach the first nine. The tray menu listed every persona, twenty-odd rows in a menu that does not scroll
on every desktop.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shell_helpers import wait_idle

from personamgr.core.personas import PALETTE, Persona
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.tray import TRAY_PERSONAS

pytestmark = pytest.mark.gui

CLIENTS = ["bakery", "bikeshop", "guitars", "gym", "dentist", "florist", "vineyard", "bookshop", "yoga", "garage",
           "cinema", "hotel", "pizzeria", "museum", "zoo", "library", "brewery", "tailor", "barber", "theatre"]


@pytest.fixture
def twenty(services: Services) -> Services:
    for n, name in enumerate(CLIENTS):
        services.store.add_persona(Persona(name=name, handle=f"@{name}_town", topics=(name, "local news"),
                                           colour=PALETTE[n % len(PALETTE)]))
    return services


def shown_rows(shell: Shell) -> list[str]:
    lst = shell.window.persona_list
    return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count()) if not lst.item(i).isHidden()]


def names(shell: Shell, uids: list[str]) -> list[str]:
    return [shell.controller.persona(uid).name for uid in uids]  # type: ignore[union-attr]


def test_typing_finds_a_persona_and_enter_writes_as_it(twenty: Services, make_shell: Callable[..., Shell],
                                                      qtbot) -> None:
    """Ctrl+P, 'gu', Enter: the window writes as guitars, the cursor in compose. The finder reads the name, the
    handle and the topics; Down and Up walk the rows it leaves; Escape gives every row back."""
    shell = make_shell(twenty)
    window = shell.window
    finder = window.persona_finder
    assert finder.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert finder.hasFocus()
    qtbot.keyClicks(finder, "gu")
    assert names(shell, shown_rows(shell)) == ["guitars"]
    qtbot.keyClick(finder, Qt.Key.Key_Return)
    wait_idle(shell)
    assert shell.controller.active.name == "guitars"  # type: ignore[union-attr]
    assert window.compose.editor.hasFocus()

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    finder.clear()
    qtbot.keyClicks(finder, "BAR")  # any case; the handle counts too ("@barber_town")
    assert names(shell, shown_rows(shell)) == ["barber"]
    finder.clear()
    qtbot.keyClicks(finder, "b")
    assert names(shell, shown_rows(shell)) == ["bakery", "bikeshop", "bookshop", "library", "brewery", "barber"]
    qtbot.keyClick(finder, Qt.Key.Key_Down)
    qtbot.keyClick(finder, Qt.Key.Key_Down)
    assert finder.hasFocus()
    qtbot.keyClick(finder, Qt.Key.Key_Up)
    qtbot.keyClick(finder, Qt.Key.Key_Enter)
    wait_idle(shell)
    assert shell.controller.active.name == "bakery"  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(finder, Qt.Key.Key_Escape)
    assert finder.text() == "" and len(shown_rows(shell)) == len(CLIENTS)


def test_a_finder_that_matches_nothing_says_so_and_enter_keeps_the_persona(twenty: Services,
                                                                          make_shell: Callable[..., Shell],
                                                                          qtbot) -> None:
    shell = make_shell(twenty)
    before = shell.controller.active_uid
    finder = shell.window.persona_finder
    finder.setFocus()
    qtbot.keyClicks(finder, "zzzz")
    assert shown_rows(shell) == []
    assert shell.window.persona_finder.nothing_found.isVisible()
    qtbot.keyClick(finder, Qt.Key.Key_Return)
    assert shell.controller.active_uid == before


def test_a_few_personas_need_no_finder(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    assert not shell.window.persona_finder.isVisible()


def test_the_tray_menu_lists_the_personas_used_last_and_the_way_to_the_others(
        twenty: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    """Twenty personas: the tray lists the ones used last (the active one first), and 'All personas…' opens the
    window with the finder in hand."""
    shell = make_shell(twenty)
    tray = shell.tray
    listed = [a.data() for a in tray.persona_actions()]
    assert len(listed) == TRAY_PERSONAS
    assert listed[0] == shell.controller.active_uid
    for name in ("zoo", "tailor"):
        uid = next(p.uid for p in shell.controller.personas if p.name == name)
        shell.controller.set_active(uid)
    wait_idle(shell)
    listed = names(shell, [a.data() for a in tray.persona_actions()])
    assert listed[:2] == ["tailor", "zoo"] and len(listed) == TRAY_PERSONAS
    assert tray.group.checkedAction().data() == shell.controller.active_uid
    more = next(a for a in tray.menu.actions() if a.objectName() == "trayAllPersonas")
    shell.window.hide()
    more.trigger()
    qtbot.waitUntil(shell.window.isVisible)
    QApplication.processEvents()
    assert shell.window.focusWidget() is shell.window.persona_finder  # offscreen: the window is not made active

    again = make_shell(twenty)  # the next start: the same order
    assert names(again, [a.data() for a in again.tray.persona_actions()])[:2] == ["tailor", "zoo"]


def test_the_persona_menu_lists_the_first_nine_and_the_active_one(twenty: Services,
                                                                  make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(twenty)
    window = shell.window
    zoo = next(p.uid for p in shell.controller.personas if p.name == "zoo")
    shell.controller.set_active(zoo)
    wait_idle(shell)
    listed = [a.data() for a in window.persona_group.actions()]
    assert names(shell, listed) == [*CLIENTS[:9], "zoo"]
    assert window.persona_group.checkedAction().data() == zoo
    assert window.find_persona_action in window.persona_menu.actions()


def test_a_few_personas_are_all_in_the_tray(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    assert len(shell.tray.persona_actions()) == 2
    assert not [a for a in shell.tray.menu.actions() if a.objectName() == "trayAllPersonas"]
