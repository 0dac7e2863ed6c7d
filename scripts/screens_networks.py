"""Screens for Mastodon and Bluesky personas, rendered by scripts/screenshots.

Files: persona-editor-mastodon, persona-editor-bluesky (its server found from the handle), connect-x,
connect-mastodon, connect-bluesky, compose-mastodon, compose-bluesky,
compose-bluesky-bytes (within 300 characters, over 3,000 bytes),
persona-list-networks, post-editor-mastodon (Edit on a scheduled post with its own content warning).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from screens_manage import settle_checks
from screens_opened import opened

from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona, ServerLimits
from personamgr.gui.app import Shell
from personamgr.gui.connect_accounts import AccountConnectDialog
from personamgr.gui.connect_dialog import ConnectDialog


def render(app: QApplication, shell: Shell, out: Path, settle: Callable[[QApplication, Shell], None],
           save: Callable[[QWidget, Path, str], None]) -> None:
    services, window = shell.services, shell.window
    store = services.store
    synths = store.add_persona(Persona(
        name="synths", handle="@synths@fosstodon.org", topics=("modular synths", "music gear"), network="mastodon",
        server="https://fosstodon.org", visibility="unlisted", content_warning="synth nerdery", colour="#16a085"))
    store.set_server_limits(synths.uid, ServerLimits(5000, 4, 23, "2026-03-09T10:00:00+00:00"))
    sky = store.add_persona(Persona(name="stars", handle="@stars.bsky.social", topics=("astronomy", "stargazing"),
                                    network="bluesky", colour="#2c3e50"))
    settle(app, shell)

    for persona_uid, name in ((synths.uid, "persona-editor-mastodon"), (sky.uid, "persona-editor-bluesky")):
        editor = window.personas.edit_persona(persona_uid)
        assert editor is not None
        settle(app, shell)
        save(editor, out, name)
        editor.reject()

    x_dialog = ConnectDialog(services, shell.workers, store.persona("career"), open_url=lambda _url: None,
                             parent=window)
    x_dialog.show()
    settle(app, shell)
    save(x_dialog, out, "connect-x")
    x_dialog.reject()
    for persona, name in ((store.persona(synths.uid), "connect-mastodon"), (sky, "connect-bluesky")):
        dialog = AccountConnectDialog(services, shell.workers, persona, open_url=lambda _url: None, parent=window)
        dialog.show()
        settle(app, shell)
        save(dialog, out, name)
        dialog.reject()

    shell.controller.set_active(synths.uid)
    window.compose.editor.setPlainText("Patched the new filter module into the old rack tonight. Demo: "
                                       "https://example.com/a/very/long/link/to/the/demo/recording 🎛️")
    settle_checks(app, shell, settle)
    save(window, out, "compose-mastodon")
    save(window.persona_list, out, "persona-list-networks")
    shell.controller.set_active(sky.uid)
    window.compose.editor.setPlainText("Jupiter and Saturn side by side after sunset tonight 🪐 look south-west, "
                                       "no telescope needed. #astronomy")
    settle_checks(app, shell, settle)
    save(window, out, "compose-bluesky")
    # Within Bluesky's 300 characters but over its 3,000 bytes: a family emoji is one character and 25 bytes
    window.compose.editor.setPlainText("Family stargazing night, the whole crew: " + "👨‍👩‍👧‍👦" * 119)
    settle_checks(app, shell, settle)
    save(window, out, "compose-bluesky-bytes")
    window.compose.editor.clear()

    scheduled = services.outbox.create(synths.uid, "Patch of the week: a slow filter sweep over a drone.",
                                       state=PostState.SCHEDULED, content_warning="loud audio",
                                       scheduled_at=services.clock.now() + timedelta(days=1))
    window.post_actions.edit(scheduled)
    settle(app, shell)
    save(opened(window.post_actions.dialog, "post-editor-mastodon"), out, "post-editor-mastodon")
    window.post_actions.dialog.reject()
