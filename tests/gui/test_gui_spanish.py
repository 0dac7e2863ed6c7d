"""The window in Spanish: Qt's translator installed, every screen's words from personamgr_es.qm."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from shell_helpers import finish_tasks

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
        assert dialog.tabs.tabText(0) == "&General" and dialog.windowTitle() == "Ajustes"
        dialog.reject()
    finally:
        i18n.uninstall(qapp)
    assert core_i18n.translate("settings", "Theme") == "Theme"


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_connect_dialogs_show_their_spanish_lines_whole(qapp, services) -> None:  # type: ignore[no-untyped-def]
    """Spanish runs longer than English: a line that does not wrap was cut at the dialog's edge ("… Keys and to")."""
    from PySide6.QtWidgets import QApplication, QLabel

    from personamgr.core.personas import Persona
    from personamgr.gui.connect_accounts import AccountConnectDialog
    from personamgr.gui.connect_dialog import ConnectDialog
    from personamgr.gui.workers import Workers

    workers = Workers()
    try:
        assert i18n.install(qapp, "es") == "es"
        for network, dialog_class in (("x", ConnectDialog), ("mastodon", AccountConnectDialog),
                                      ("bluesky", AccountConnectDialog)):
            persona = services.store.add_persona(Persona(name=f"p-{network}", topics=("chess",), network=network))
            d = dialog_class(services, workers, persona, open_url=lambda _url: None)
            d.show()
            assert workers.wait(30, QApplication.processEvents)
            QApplication.processEvents()
            cut = [lab.text() for lab in d.findChildren(QLabel)
                   if lab.isVisible() and not lab.wordWrap() and lab.sizeHint().width() > lab.width()]
            assert not cut, (network, cut)
            d.close()
            d.deleteLater()
    finally:
        i18n.uninstall(qapp)
        finish_tasks(workers)
