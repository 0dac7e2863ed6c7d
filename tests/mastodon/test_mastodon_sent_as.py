"""After a persona is switched to another account, its old posts say which account they went out as.

metal posted as @metal, then was connected to @riffs: the history showed the old posts as metal's, with nothing to
say they are on @metal, not on @riffs (and their links named @riffs). The history line, ``posts list``, ``posts
show`` and ``queue list`` (text and JSON) now say "sent as @metal" where it is not the account the persona posts as
now; in Spanish in a Spanish window. Real Mastodon.py against the fake server; the CLI in-process on that profile.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json

import pytest
from demo_home import run
from PySide6.QtWidgets import QApplication

from personamgr.core.networks.mastodon.auth import connect_with_tokens
from personamgr.core.outbox import Post, PostState
from personamgr.gui.history import detail

pytestmark = [pytest.mark.gui, pytest.mark.e2e]
PARTS = ("1/3 New strings tonight.", "2/3 Ernie Ball, 10-46.", "3/3 They hold the tuning.")
METAL, RIFFS = "@metal@fosstodon.example", "@riffs@fosstodon.example"


def sent_then_switched(w) -> tuple[Post, Post]:  # type: ignore[no-untyped-def]
    """A post sent as @metal, and a thread with part 1 out as @metal; then metal is connected to @riffs."""
    sent = w.post("Tonight: the deep cuts setlist.")
    assert sent.state is PostState.SENT, sent.error
    w.fake.fail_next("statuses", "unprocessable", skip=1, message="Validation failed: Text can't be blank")
    thread = w.post(PARTS[0], thread=PARTS[1:])
    assert thread.state is PostState.FAILED and len(thread.remote_ids) == 1, thread.error
    riffs = w.fake.add_account("riffs")
    connect_with_tokens(w.services.store, w.services.secrets, w.network, w.persona,
                        {"server": w.persona.server, "access_token": w.fake.add_token(riffs)}, switch_account=True)
    return w.services.outbox.get(sent.id), w.services.outbox.get(thread.id)


def test_the_history_line_says_which_account_a_post_went_out_as(mastodon_world, qapp: QApplication) -> None:
    sent, _thread = sent_then_switched(mastodon_world)
    assert (sent.out_as, sent.other_account) == (METAL, METAL)
    assert detail(sent) == f"Sent as {METAL} (metal now posts as {RIFFS}): {sent.remote_url}"
    fresh = mastodon_world.post("Riffs from the new account.")
    assert (fresh.out_as, fresh.other_account, detail(fresh)) == (RIFFS, None, fresh.remote_url)


def test_the_history_line_says_it_in_spanish(mastodon_world, spanish: None) -> None:
    sent, _thread = sent_then_switched(mastodon_world)
    assert detail(sent) == f"Enviada como {METAL} (metal ahora publica como {RIFFS}): {sent.remote_url}"


def test_the_cli_says_which_account_a_post_went_out_as(mastodon_world, capsys: pytest.CaptureFixture[str]) -> None:
    w = mastodon_world
    sent, thread = sent_then_switched(w)
    home = w.services.paths.data.parent  # the --data-dir the profile was opened with
    capsys.readouterr()
    assert run(home, "posts", "list", "--json") == 0
    rows = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert (rows[sent.id]["sent_as"], rows[sent.id]["sent_as_other"]) == (METAL, True)
    assert (rows[thread.id]["sent_as"], rows[thread.id]["sent_as_other"]) == (METAL, True)
    assert rows[sent.id]["links"] == [sent.remote_url]
    assert run(home, "posts", "list") == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(f"#{sent.id} "))
    assert line.endswith(f"[sent as {METAL}]"), line
    assert run(home, "posts", "show", str(sent.id)) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(f" · sent as {METAL} (metal now posts as {RIFFS})")
    assert run(home, "queue", "list", "--json") == 0
    [row] = map(json.loads, capsys.readouterr().out.splitlines())
    assert (row["id"], row["sent_as"], row["sent_as_other"]) == (thread.id, METAL, True)
    assert run(home, "queue", "list") == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(f"#{thread.id} "))
    assert line.endswith(f"[sent as {METAL}]"), line


@pytest.fixture
def shell(qtbot, mastodon_world):  # type: ignore[no-untyped-def]
    from shell_helpers import close_shell

    from personamgr.gui.app import build_shell

    s = build_shell(mastodon_world.services, tray_available=False)
    yield s
    close_shell(s)


def test_send_again_after_a_switch_says_which_account_it_goes_out_as(mastodon_world, shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Cut short as @metal, the post waits for review after metal was connected to @riffs. "Send again?" said it
    may be on @riffs's timeline, and, on Mastodon, that a repeat is recognised within the hour: sent again, it went
    out as @riffs, where nothing recognises it. The question names the account it goes out as now, and the one it
    may be on."""
    import lease_helpers
    from PySide6.QtWidgets import QMessageBox
    from shell_helpers import wait_idle

    from personamgr.gui.history import POST_ROLE

    w = mastodon_world
    cut_short = lease_helpers.killed_mid_send(w, "statuses", ("Tonight: the deep cuts setlist.",), hold_at=1)
    riffs = w.fake.add_account("riffs")
    connect_with_tokens(w.services.store, w.services.secrets, w.network, w.persona,
                        {"server": w.persona.server, "access_token": w.fake.add_token(riffs)}, switch_account=True)
    history = shell.window.history

    def listed() -> Post | None:
        return next((history.item(i).data(POST_ROLE) for i in range(history.count())
                     if history.item(i).data(POST_ROLE).id == cut_short.id), None)

    qtbot.waitUntil(lambda: (p := listed()) is not None and p.state is PostState.NEEDS_REVIEW, timeout=30_000)
    wait_idle(shell)
    shell.window.post_actions.send_again(listed())
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == f"Send again as {RIFFS}?"
    assert box.text() == f"This post may already be on {METAL}'s timeline."
    assert box.informativeText() == (
        f"Sent again, it goes out as {RIFFS}, the account metal posts as now, not as {METAL}; nothing can tell it is "
        f"the same post, so if it is on {METAL}, it will then be on both accounts. Look at {METAL} first; if it is "
        f'there, choose "It went out: mark as sent" instead.')
    assert box.icon() is QMessageBox.Icon.Warning
    labels = [b.text().replace("&", "") for b in box.buttons()]
    assert f"Send as {RIFFS}" in labels and box.defaultButton().text().replace("&", "") == "Cancel"
    next(b for b in box.buttons() if b.text().replace("&", "") == "Cancel").click()
    wait_idle(shell)
    assert w.services.outbox.get(cut_short.id).state is PostState.NEEDS_REVIEW and w.fake.timeline(riffs) == []
