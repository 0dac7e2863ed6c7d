"""A persona saved with an http:// server (off this computer) by an older version sends nothing there
(``RemoteNetwork.refuse_plain_http``): the window says so at start-up, for each such persona, before a post of it
fails, with the https address to use and one click to reconnect."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import update

from personamgr.core import schema as s
from personamgr.core.services import Services
from personamgr.gui import i18n
from personamgr.gui.app import Shell
from personamgr.gui.connect_accounts import AccountConnectDialog
from personamgr.gui.widgets import WORD_JOINER

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def saved_with(services: Services, name: str, network: str, server: str) -> None:
    """``name`` on ``network`` at ``server``, as an older version saved it (an http:// server is refused when typed
    now)."""
    with services.store.begin() as con:
        con.execute(update(s.personas).where(s.personas.c.name == name).values(network=network, server=server))


def test_the_window_says_at_start_up_which_persona_has_an_http_server_and_reconnects_it_in_one_click(
        demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:  # type: ignore[no-untyped-def]
    """It said nothing until a post of the persona failed ("reconnect needed" then)."""
    saved_with(demo, "metal", "mastodon", "http://fosstodon.example")
    saved_with(demo, "career", "bluesky", "http://pds.example:2583")
    shell = make_shell(demo)
    notice = shell.window.server_notice
    assert notice.isVisible()
    words = notice.text.text().replace(WORD_JOINER, "")  # as shown: no line breaks inside an address
    for said in ("metal", "http://fosstodon.example", "https://fosstodon.example", "career",
                 "http://pds.example:2583", "https://pds.example:2583"):
        assert said in words, words
    assert [b.text().replace("&", "") for b in notice.buttons] == ["Use https and reconnect career…",
                                                                   "Use https and reconnect metal…"]
    assert demo.store.connection_state(demo.store.persona("metal").uid)[0] == "ok"  # no post failed yet

    notice.buttons[1].click()
    qtbot.waitUntil(lambda: demo.store.persona("metal").server == "https://fosstodon.example", timeout=10_000)
    qtbot.waitUntil(lambda: isinstance(shell.window.findChild(AccountConnectDialog), AccountConnectDialog)
                    and shell.window.findChild(AccountConnectDialog).isVisible(), timeout=10_000)
    dialog = shell.window.findChild(AccountConnectDialog)
    assert dialog.persona.name == "metal" and dialog.persona.server == "https://fosstodon.example"
    qtbot.waitUntil(lambda: "metal" not in notice.text.text(), timeout=10_000)
    assert "career" in notice.text.text() and len(notice.buttons) == 1
    dialog.reject()


def test_no_server_notice_for_an_https_or_loopback_server(demo: Services, make_shell: Callable[..., Shell]) -> None:
    saved_with(demo, "metal", "mastodon", "https://fosstodon.example")
    saved_with(demo, "career", "mastodon", "http://127.0.0.1:8765")  # a server under test: never leaves here
    assert not make_shell(demo).window.server_notice.isVisible()


def shown_lines(label: QLabel) -> list[str]:
    """The lines a word-wrapped rich-text label shows at its current width, laid out as QLabel lays it out."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width() - 2 * label.margin())
    document.size()  # lays it out
    lines = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            shown = block.text()[line.textStart():line.textStart() + line.textLength()]
            lines.append(shown.replace("\u2028", "").replace(WORD_JOINER, ""))
        block = block.next()
    return lines


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_notice_never_breaks_a_server_address_inside(demo: Services, make_shell: Callable[..., Shell], qapp,
                                                         language: str) -> None:  # type: ignore[no-untyped-def]
    """Seen at 1024x600: 'http://' ended a line and 'fosstodon.example' began the next, an address no longer read
    (or copied) as one. Each address stays on one line, at every width the window takes."""
    saved_with(demo, "metal", "mastodon", "http://fosstodon.example")
    saved_with(demo, "career", "bluesky", "http://pds-1.social-example.org:2583")
    addresses = ["http://fosstodon.example", "https://fosstodon.example", "http://pds-1.social-example.org:2583",
                 "https://pds-1.social-example.org:2583"]
    try:
        i18n.install(qapp, language)
        shell = make_shell(demo)
        label = shell.window.server_notice.text
        split = []
        for width in range(shell.window.minimumWidth(), 1025, 7):
            shell.window.resize(width, 600)
            QApplication.processEvents()
            lines = shown_lines(label)
            assert "".join(lines).replace(" ", "") == label_text(label).replace(" ", ""), lines
            assert label_fits(label), (width, lines)
            split += [(width, a, lines) for a in addresses
                      if a in label_text(label) and not any(a in line for line in lines)]
        assert split == []
    finally:
        i18n.uninstall(qapp)


def label_text(label: QLabel) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().replace("\n", "").replace("\u2028", "").replace(WORD_JOINER, "")


def label_fits(label: QLabel) -> bool:
    """No line of the label is wider than the label: an address kept whole is not cut at the label's edge."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width() - 2 * label.margin())
    return document.idealWidth() <= document.textWidth()
