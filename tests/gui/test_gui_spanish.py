"""The window in Spanish: Qt's translator installed, every screen's words from personamgr_es.qm."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from personamgr.core import i18n as core_i18n
from personamgr.gui import i18n


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_window_in_spanish(qapp, services, make_shell: Callable[..., object]) -> None:  # type: ignore[no-untyped-def]
    from personamgr.core.demo import seed_demo

    try:
        assert i18n.install(qapp, "es") == "es"
        assert core_i18n.translate("settings", "Theme") == "Tema"
        quit_text = core_i18n.translate("QuitFlow", "%n scheduled post(s) will not go out while personamgr is "
                                        "closed.", None, 3)
        assert quit_text == "3 publicaciones programadas no saldrán mientras personamgr esté cerrado."
        assert core_i18n.translate("PersonaManager", "%n draft(s)", None, 1) == "1 borrador"
        seed_demo(services)
        shell = make_shell(services)
        window = shell.window
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "&Archivo" and menus[-1] == "A&yuda"
        assert window.compose.post_button.text() == "Publicar"
        dialog = shell.preferences.open_dialog()
        assert dialog.tabs.tabText(0) == "General" and dialog.windowTitle() == "Ajustes"
        dialog.reject()
    finally:
        i18n.uninstall(qapp)
    assert core_i18n.translate("settings", "Theme") == "Theme"
