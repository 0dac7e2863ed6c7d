"""First run: a welcome that starts the user off; the Help menu with shortcuts, the data folder and About."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from personamgr.core.persona_file import save_personas
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.help import SHORTCUTS
from personamgr.gui.scheduling_ui import attach_scheduling

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def test_an_empty_profile_opens_on_the_welcome(services: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(services, demo=False)
    window = shell.window
    assert window.first_run and window.welcome.isVisible()
    words = " ".join(label.text() for label in window.welcome.lines)
    assert "sandbox" in words and "Connect an X, Mastodon or Bluesky account" in words  # the sandbox, or a real account
    assert "persona guard" in words and "warns" in words  # what the guard does
    assert "demo" in words  # where the demo is
    for button in (window.welcome.create_button, window.welcome.import_button, window.welcome.demo_button):
        assert button.isVisible() and button.isEnabled()


def test_creating_the_first_persona_leaves_the_welcome(services: Services, make_shell: Callable[..., Shell],
                                                       idle, qtbot) -> None:
    shell = make_shell(services, demo=False)
    shell.window.welcome.create_button.click()
    editor = shell.window.personas.editor
    assert editor is not None and editor.isVisible()
    editor.name_edit.setText("career")
    editor.description_edit.setPlainText("Careers, job search and hiring")
    editor.accept()
    idle(shell)
    qtbot.waitUntil(lambda: not shell.window.first_run, timeout=5000)
    assert shell.controller.active is not None and shell.controller.active.name == "career"
    assert shell.window.compose.isVisible()


def test_importing_a_personas_file_leaves_the_welcome(services: Services, make_shell: Callable[..., Shell],
                                                      tmp_path: Path, idle, qtbot) -> None:
    shell = make_shell(services, demo=False)
    path = tmp_path / "p.toml"
    save_personas(path, [Persona(name="metal", description="Heavy metal: guitars, gigs and albums")])
    shell.window.personas.import_from(path)
    idle(shell)
    preview = shell.window.personas.importer.preview  # every import is previewed before it is written
    assert preview is not None and preview.isVisible()
    preview.import_button.click()
    idle(shell)
    qtbot.waitUntil(lambda: not shell.window.first_run, timeout=5000)


def test_the_demo_never_shows_the_welcome(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    assert not shell.window.first_run
    assert shell.help.own_action.isEnabled()  # already the demo: Help opens the user's own profile instead


def test_f1_lists_every_shortcut(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    assert shell.help.shortcuts_action.shortcut().toString() == "F1"
    shell.help.shortcuts_action.trigger()
    dialog = shell.help.dialog
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())]
    assert len(rows) == len(SHORTCUTS)
    assert any(r.text(0) == "Ctrl+Return" and "undo" in r.text(1) for r in rows)
    assert any(r.text(0) == "Ctrl+F" and "history" in r.text(1) for r in rows)
    dialog.reject()


def test_about_names_the_version_and_the_data_folder(demo: Services, make_shell: Callable[..., Shell],
                                                     profile_paths) -> None:
    from personamgr import __version__

    shell = make_shell(demo)
    box = shell.help.about()
    assert __version__ in box.text()
    assert str(profile_paths.data) in box.informativeText()
    box.close()


def test_the_menus_hold_help_and_settings(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    attach_scheduling(shell)  # its Schedule menu goes before Help
    titles = [a.text() for a in shell.window.menuBar().actions()]
    assert titles[-2:] == ["&Schedule", "&Help"]
    assert shell.window.settings_action.shortcut().toString() == "Ctrl+,"
    actions = [a.objectName() for a in shell.help.menu.actions()]
    assert actions[:3] == ["helpShortcuts", "helpDataFolder", "helpOwnProfile"] and actions[-1] == "helpAbout"
