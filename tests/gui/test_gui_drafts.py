"""Drafts are never lost: autosaved per persona, restored at start-up, kept or moved on a switch."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from personamgr.core.outbox import PostState
from personamgr.core.services import Services
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui


def drafts_of(services: Services, name: str) -> list[str]:
    uid = services.store.persona(name).uid
    return [p.text for p in services.outbox.in_states([PostState.DRAFT], uid) if p.text]


def write(shell: Shell, text: str) -> None:
    shell.window.compose.editor.setFocus()
    shell.window.compose.editor.insertPlainText(text)


def test_typing_is_autosaved_as_a_draft_post(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    write(shell, "Negotiating a raise in a")
    qtbot.waitUntil(lambda: drafts_of(demo, "career") == ["Negotiating a raise in a"], timeout=5000)
    write(shell, " cooling market")
    qtbot.waitUntil(lambda: drafts_of(demo, "career") == ["Negotiating a raise in a cooling market"], timeout=5000)


def test_draft_is_restored_at_start_up(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    write(shell, "Half-written thought about layoffs")
    shell.window.close()  # closing saves at once (no debounce wait)
    assert drafts_of(demo, "career") == ["Half-written thought about layoffs"]
    again = make_shell(demo)
    assert again.window.compose.editor.toPlainText() == "Half-written thought about layoffs"
    # the draft lives in the compose box, not in the history
    assert all(p.text != "Half-written thought about layoffs" for p in again.window.history.posts())


def test_switching_keeps_the_draft_and_says_so(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    write(shell, "Interview tip: ask about the team's last promotion")
    shell.tray.persona_actions()[1].trigger()  # switch to metal at once, before the autosave delay
    assert drafts_of(demo, "career") == ["Interview tip: ask about the team's last promotion"]
    assert compose.editor.toPlainText() == ""
    assert compose.bar.isVisible()
    assert "Your draft for <b>career</b> is kept" in compose.bar.label.text()
    assert compose.bar.move_here.text() == "Move it to metal"
    write(shell, "New riff")
    qtbot.mouseClick(compose.bar.switch_back, Qt.MouseButton.LeftButton)
    assert shell.controller.active_uid == demo.store.persona("career").uid
    assert compose.editor.toPlainText() == "Interview tip: ask about the team's last promotion"
    # metal's text was kept too, and switching away from it said so in turn
    assert drafts_of(demo, "metal") == ["New riff"]
    assert compose.bar.isVisible() and "metal" in compose.bar.label.text()


def test_move_brings_the_draft_to_the_new_persona(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    write(shell, "Restringing the Les Paul tonight")  # oops: written as career
    shell.window.persona_list.setCurrentRow(1)
    qtbot.mouseClick(compose.bar.move_here, Qt.MouseButton.LeftButton)
    assert compose.editor.toPlainText() == "Restringing the Les Paul tonight"
    assert not compose.bar.isVisible()
    assert "Moved your draft from career to metal" in compose.status.text()
    assert drafts_of(demo, "metal") == ["Restringing the Les Paul tonight"]
    assert drafts_of(demo, "career") == []
    shell.window.persona_list.setCurrentRow(0)
    assert compose.editor.toPlainText() == ""
    assert "Your draft for <b>metal</b> is kept" in compose.bar.label.text()  # it now belongs to metal


def test_move_onto_an_existing_draft_keeps_both(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    shell.window.persona_list.setCurrentRow(1)
    write(shell, "Setlist leaked")
    shell.window.persona_list.setCurrentRow(0)
    write(shell, "Drop C tuning")
    shell.window.persona_list.setCurrentRow(1)
    qtbot.mouseClick(compose.bar.move_here, Qt.MouseButton.LeftButton)
    assert compose.editor.toPlainText() == "Drop C tuning\n\nSetlist leaked"
    assert drafts_of(demo, "metal") == ["Drop C tuning\n\nSetlist leaked"]
    assert drafts_of(demo, "career") == []


def test_posting_sends_the_draft_itself(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    write(shell, "Hiring freezes thaw in spring")
    qtbot.waitUntil(lambda: drafts_of(demo, "career") == ["Hiring freezes thaw in spring"], timeout=5000)
    draft_id = shell.drafts.post_id(demo.store.persona("career").uid)
    qtbot.mouseClick(shell.window.compose.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo.outbox.get(draft_id).state is PostState.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: shell.window.compose.editor.toPlainText() == "", timeout=10_000)
    assert drafts_of(demo, "career") == []
    write(shell, "Next one")
    shell.window.compose.flush()
    assert shell.drafts.post_id(demo.store.persona("career").uid) != draft_id


def test_when_the_database_cannot_be_written_the_text_stays_in_the_box(
        profile_paths, clock, fail_secrets, make_shell: Callable[..., Shell], *,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A database locked by another program: the draft is not saved, the box says why and keeps the words
    (across a persona switch too), nothing is sent, and the words are saved once the lock is gone."""
    import sqlite3

    from personamgr.core import store as store_module
    from personamgr.core.demo import seed_demo
    from personamgr.core.services import open_services

    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.2)
    services = open_services(profile_paths, secrets=fail_secrets, clock=clock)
    try:
        seed_demo(services)
        shell = make_shell(services)
        compose = shell.window.compose
        other = sqlite3.connect(profile_paths.database, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            write(shell, "Three ways to answer the salary question")
            compose.flush()
            assert compose.status.text().startswith(f"Not saved: {profile_paths.database} is locked by another "
                                                    "program")
            assert compose.status.text().endswith("Your text stays here and is saved as soon as it can be.")
            compose.post()  # the Post button: nothing is sent, the words stay
            assert compose.editor.toPlainText() == "Three ways to answer the salary question"
            shell.tray.persona_actions()[1].trigger()  # switch away and back: the words come back
            shell.tray.persona_actions()[0].trigger()
            assert compose.editor.toPlainText() == "Three ways to answer the salary question"
        finally:
            other.execute("ROLLBACK")
            other.close()
        compose.flush()
        assert drafts_of(services, "career") == ["Three ways to answer the salary question"]
        assert [e.text for e in services.networks["sandbox"].timeline()  # type: ignore[attr-defined]
                if "salary" in e.text] == []
    finally:
        services.close()
