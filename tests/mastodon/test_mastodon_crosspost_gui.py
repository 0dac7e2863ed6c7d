"""The cross-post offer after a post: to a persona on another network the text fits, never to a second X account.

Real window (offscreen), real Mastodon.py to the fake server. The guard's verdict is given, not computed: the
offer reads the verdict on screen, and loading the model here would only slow the test down.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from types import SimpleNamespace

import pytest
from shell_helpers import close_shell, wait_idle

from personamgr.core.guard.types import GuardResult
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.gui.app import build_shell

pytestmark = [pytest.mark.gui, pytest.mark.e2e]


def verdict(persona: str, text: str, scores: dict[str, float]) -> SimpleNamespace:
    result = GuardResult(persona=persona, fits=True, score=scores[persona], scores=scores, suggest=None, reasons=(),
                         length=len(text), too_long=False, threshold=0.5)
    return SimpleNamespace(result=result, result_key=SimpleNamespace(text=text))


@pytest.fixture
def shell(qtbot, mastodon_world):
    s = build_shell(mastodon_world.services, tray_available=False)
    yield s
    close_shell(s)


def settle(shell) -> None:
    wait_idle(shell)  # the workers, and the refreshes the views queued after them


def test_offered_across_networks_and_posted_there(shell, mastodon_world) -> None:
    w = mastodon_world
    store = w.services.store
    riffs = store.add_persona(Persona(name="riffs", topics=("guitars",)))  # the sandbox, X's stand-in
    store.add_persona(Persona(name="axes", topics=("guitars",)))
    settle(shell)
    shell.controller.set_active(riffs.uid)
    compose, bar = shell.window.compose, shell.crosspost
    text = "New strings on the old Ibanez tonight."
    bar.guard = verdict("riffs", text, {"riffs": 0.9, "axes": 0.95, "metal": 0.8})
    compose.editor.setPlainText(text)
    compose._post_now()
    settle(shell)
    assert not bar.isHidden(), "no offer"
    assert bar.target is not None and bar.target.name == "metal"  # axes fits better, but is a second X account
    assert "It fits metal on Mastodon too" in bar.label.text()
    bar.post_button.click()
    settle(shell)
    assert [s.text for s in w.fake.timeline(w.account)] == [text]
    assert bar.label.text() == "Posted to metal too."
    assert [p.state for p in w.services.outbox.history(w.persona.uid)] == [PostState.SENT]


def test_not_offered_where_the_text_does_not_fit(shell, mastodon_world) -> None:
    store = mastodon_world.services.store
    riffs = store.add_persona(Persona(name="riffs", topics=("guitars",)))
    settle(shell)
    shell.controller.set_active(riffs.uid)
    text = "Quarterly hiring numbers are in."
    shell.crosspost.guard = verdict("riffs", text, {"riffs": 0.7, "metal": 0.2})
    shell.window.compose.editor.setPlainText(text)
    shell.window.compose._post_now()
    settle(shell)
    assert shell.crosspost.isHidden()


def test_a_database_locked_when_posting_there_is_said_in_words(quick_locks, shell, mastodon_world) -> None:
    """Post to metal, with the database locked by another program just then, said "Could not post to metal:
    (sqlite3.OperationalError) database is locked (Background on this error at: https://sqlalche.me/…)"."""
    from db_locks import locked

    w = mastodon_world
    riffs = w.services.store.add_persona(Persona(name="riffs", topics=("guitars",)))
    settle(shell)
    shell.controller.set_active(riffs.uid)
    compose, bar = shell.window.compose, shell.crosspost
    text = "New strings on the old Ibanez tonight."
    bar.guard = verdict("riffs", text, {"riffs": 0.9, "metal": 0.8})
    compose.editor.setPlainText(text)
    compose._post_now()
    settle(shell)
    assert not bar.isHidden(), "no offer"
    with locked(w.services.store.path):
        bar.post_button.click()
        settle(shell)
    assert bar.label.text() == (f"Could not post to metal: {w.services.store.path} is locked by another program, "
                                "and stayed locked while personamgr waited. If another personamgr or a database tool "
                                "has it open, close that and try again; nothing was changed."), bar.label.text()
    assert w.fake.timeline(w.account) == []
