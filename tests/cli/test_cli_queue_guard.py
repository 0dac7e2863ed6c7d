"""Queueing asks the guard about the posts already on the schedule, not only those sent.

A user who queued the same words twice, or a fourth bare link after three queued ones, was told nothing: the
guard's history rules (near-duplicates, a streak of bare links) read only the posts that had gone out, so the
post was held at its time, with nobody there to decide. In-process through ``main()``, on the demo's sandbox.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from demo_home import open_profile, run

from personamgr.cli.guard import load_guard
from personamgr.core.outbox import PostState
from personamgr.core.scheduling.guard_check import GuardCheck

TEXT = "Five questions to ask at the end of every job interview, and what the answers tell you."


def states(home: Path) -> list[tuple[str, PostState]]:
    svc = open_profile(home)
    try:
        return [(p.text, p.state) for p in svc.outbox.history() if p.persona_name == "career"]
    finally:
        svc.close()


def test_queueing_the_same_words_twice_asks_first(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "queue", "add", "--persona", "career", TEXT) == 0
    capsys.readouterr()
    assert run(home, "queue", "add", "--persona", "career", TEXT) == 1
    err = capsys.readouterr().err
    assert "not queued: the persona guard has concerns" in err
    assert "This account already has almost the same text scheduled; X refuses duplicate posts." in err
    assert [s for t, s in states(home) if t == TEXT] == [PostState.SCHEDULED]
    assert run(home, "queue", "add", "--persona", "career", "--anyway", TEXT) == 0  # the user's call, remembered


def test_a_fourth_bare_link_in_the_queue_asks_first(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(3):
        assert run(home, "queue", "add", "--persona", "career", f"https://example.com/jobs/{n}") == 0
    capsys.readouterr()
    assert run(home, "queue", "add", "--persona", "career", "https://example.com/jobs/3") == 1
    err = capsys.readouterr().err
    assert "The 3 posts before it on career, sent or queued, are bare links too" in err


def test_a_bare_link_sent_now_after_three_sent_is_a_streak_whatever_is_queued(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sent now, it follows the links that went out, not the post queued for later."""
    for n in range(3):
        assert run(home, "post", "--persona", "career", f"https://example.com/jobs/{n}") == 0
    assert run(home, "queue", "add", "--persona", "career", TEXT) == 0
    capsys.readouterr()
    assert run(home, "post", "--persona", "career", "https://example.com/jobs/3") == 1
    assert "are bare links too" in capsys.readouterr().err


def test_posting_now_after_the_same_words_were_queued_asks_first(home: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "queue", "add", "--persona", "career", TEXT) == 0
    capsys.readouterr()
    assert run(home, "post", "--persona", "career", TEXT) == 1
    err = capsys.readouterr().err
    assert "This account already has almost the same text scheduled; X refuses duplicate posts." in err


def test_posting_the_same_words_again_says_they_went_out(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"posted or scheduled" did not say which: the user looked in the queue for a post that had gone out."""
    assert run(home, "post", "--persona", "career", TEXT) == 0
    capsys.readouterr()
    assert run(home, "queue", "add", "--persona", "career", TEXT) == 1
    err = capsys.readouterr().err
    assert "This account already posted almost the same text; X refuses duplicate posts." in err
    assert "scheduled" not in err


def test_a_scheduled_post_is_not_a_copy_of_itself(home: Path) -> None:
    """Its last look before it goes out, and its editor's Save, read the others on the schedule, not itself."""
    assert run(home, "queue", "add", "--persona", "career", TEXT) == 0
    svc = open_profile(home)
    try:
        [post] = [p for p in svc.outbox.history() if p.text == TEXT]
        career = svc.store.persona("career")
        check = GuardCheck(svc.store, svc.outbox, guard=load_guard())
        assert "duplicate" not in {r.kind for r in check(post, career)}
        editing = check.verdict(post.parts, career, upcoming=True, besides=post.id)
        assert "duplicate" not in {r.kind for r in editing.reasons}
        assert "duplicate" in {r.kind for r in check.verdict(post.parts, career, upcoming=True).reasons}
    finally:
        svc.close()


def test_queue_list_says_a_thread_is_one(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """posts list said "[2 parts]"; queue list showed the first part alone, as if the rest were not queued."""
    thread = tmp_path / "thread.txt"
    thread.write_text("Three questions for the hiring manager.\n---\nWhat does success look like in 90 days?\n",
                      encoding="utf-8")
    assert run(home, "queue", "add", "--persona", "career", "--thread", str(thread)) == 0
    capsys.readouterr()
    assert run(home, "queue", "list") == 0
    [line] = [ln for ln in capsys.readouterr().out.splitlines() if "Three questions" in ln]
    assert line.endswith("[2 parts]")


def career_on_x_not_connected(home: Path) -> None:
    """The demo's career persona on X, with no account connected (the demo's sandbox needs none)."""
    svc = open_profile(home)
    try:
        svc.store.update_persona(svc.store.persona("career").with_changes(network="x"))
    finally:
        svc.close()


def test_a_post_on_an_account_not_connected_says_how_to_connect_it(home: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """"career is not connected to an account yet. Connect it, then post." named no way to do it."""
    career_on_x_not_connected(home)
    assert run(home, "post", "--persona", "career", TEXT) == 1
    err = capsys.readouterr().err
    assert "career was not connected to an account, so the post did not go out" in err
    assert "Persona ▸ Connect account… in the window, or personamgr connect --persona career" in err


def test_queueing_for_a_persona_never_connected_says_it_needs_the_account_by_then(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It was queued without a word, and failed at its time with "career is not connected to an account yet"."""
    career_on_x_not_connected(home)
    assert run(home, "queue", "add", "--persona", "career", "--at", "2030-06-03T09:00", TEXT) == 0
    assert ("Note: career is not connected to its X account yet: a post scheduled for it goes out only if it is "
            "connected by then (Persona ▸ Connect account… in the window, or personamgr connect --persona career)."
            ) in capsys.readouterr().out


def test_a_post_that_failed_for_want_of_an_account_does_not_say_so_once_it_is_connected(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`queue list` and the window's history went on saying "career is not connected to an account yet. Connect it
    …" after career was connected: the note told what was true when the post failed, in the present tense."""
    career_on_x_not_connected(home)
    assert run(home, "post", "--persona", "career", TEXT) == 1
    svc = open_profile(home)
    try:
        svc.store.set_connection_state(svc.store.persona("career").uid, "ok", "1000001")
    finally:
        svc.close()
    capsys.readouterr()
    assert run(home, "queue", "list") == 0
    out = capsys.readouterr().out
    assert "is not connected" not in out
    assert ("Failed: career was not connected to an account, so the post did not go out. Connect it (Persona ▸ "
            "Connect account… in the window, or personamgr connect --persona career), then retry it.") in out
