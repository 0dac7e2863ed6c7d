"""Post two cashtags from the real window, with the real guard loaded, on a persona whose network has no
one-cashtag rule (X's): shared by the Mastodon and Bluesky tests."""

from __future__ import annotations

from collections.abc import Callable

from shell_helpers import close_shell, wait_idle

from personamgr.core.guard import Guard
from personamgr.core.services import Services
from personamgr.gui.app import build_shell


def post_from_the_window(qtbot, services: Services, text: str, sent: Callable[[], list[str]]) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` and press Post; ``sent``: the texts the fake server holds. Fails saying what the guard asked
    if it asked anything."""
    shell = build_shell(services, tray_available=False)
    try:
        panel = shell.guard
        assert panel is not None
        panel.load(Guard.load)
        qtbot.waitUntil(lambda: panel.state == "ready", timeout=60_000)
        shell.window.show()
        editor = shell.window.compose.editor
        editor.setFocus()
        editor.insertPlainText(text)
        shell.window.compose.post_button.click()

        def out_or_asked() -> bool:
            wait_idle(shell)
            return text in sent() or (panel.dialog is not None and panel.dialog.isVisible())

        qtbot.waitUntil(out_or_asked, timeout=60_000)
        if panel.dialog is not None:
            raise AssertionError(f"the guard asked {panel.dialog.head.text()!r}: {panel.dialog.reasons.text()!r}")
        assert sent() == [text]
    finally:
        close_shell(shell)
