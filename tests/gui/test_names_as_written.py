"""A persona's name is shown as written, wherever a sentence around it has markup (bold, for instance)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from personamgr.core.services import Services


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_connect_dialogs_name_a_persona_as_written(qapp, services: Services) -> None:  # type: ignore[no-untyped-def]
    """The connect dialogs said "Connect R&D  to an X account." for a persona named "R&D <team>": its name went
    into their markup as it is."""
    from PySide6.QtGui import QTextDocument

    from personamgr.core.personas import Persona
    from personamgr.gui.connect_accounts import AccountConnectDialog
    from personamgr.gui.connect_dialog import ConnectDialog
    from personamgr.gui.workers import Workers

    workers = Workers()
    for network, dialog_class, intro in (("sandbox", ConnectDialog, "Connect R&D <sandbox> to an X account."),
                                         ("mastodon", AccountConnectDialog, "Connect R&D <mastodon> to a Mastodon"),
                                         ("bluesky", AccountConnectDialog, "Connect R&D <bluesky> to a Bluesky")):
        persona = services.store.add_persona(Persona(name=f"R&D <{network}>", topics=("chess",), network=network))
        d = dialog_class(services, workers, persona, open_url=lambda _url: None)
        d.show()
        assert workers.wait(30, QApplication.processEvents)
        shown = []
        for label in d.findChildren(QLabel):
            doc = QTextDocument()
            doc.setHtml(label.text())
            shown.append(doc.toPlainText())
        assert any(text.startswith(intro) for text in shown), shown
        if network == "sandbox":
            assert any("Persona ▸ Edit R&D <sandbox>… first." in text for text in shown), shown
        d.reject()
        d.deleteLater()
    workers.deleteLater()
