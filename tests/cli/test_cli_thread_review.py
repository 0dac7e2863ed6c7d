"""``personamgr posts mark-sent`` on a thread in doubt asks about its one uncertain part and records only what is
true; ``posts show`` tells which part is in doubt; ``posts retry`` then sends only the rest. In-process through
``main()``, on a real profile with the sandbox network."""

from __future__ import annotations

from pathlib import Path

import pytest
from demo_home import open_profile, run
from lease_helpers import dead_owner

from personamgr.core.networks.base import Account, OutgoingPost
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import PostState

PARTS = ("1/3 Read the ad twice.", "2/3 Circle the verbs.", "3/3 Those are the job.")


def killed_after_part_1(home: Path) -> tuple[int, str]:
    """A thread whose sender died after the sandbox took part 1 (recorded) and while part 2 was in flight."""
    svc = open_profile(home)
    try:
        persona = svc.store.persona("career")
        post = svc.outbox.create(persona.uid, PARTS[0], thread=PARTS[1:])
        sandbox = svc.networks["sandbox"]
        assert isinstance(sandbox, SandboxNetwork)
        first = sandbox.publish(Account(persona.uid, persona.handle), OutgoingPost(parts=PARTS[:1])).remote_id
        svc.outbox.claim(post.id, owner=dead_owner())
        svc.outbox.update_if(post.id, [PostState.SENDING], remote_ids=[first], network="sandbox")
        return post.id, first
    finally:
        svc.close()


def timeline(home: Path) -> list[str]:
    svc = open_profile(home)
    try:
        sandbox = svc.networks["sandbox"]
        assert isinstance(sandbox, SandboxNetwork)
        return [e.text for e in sandbox.timeline() if e.text in PARTS]
    finally:
        svc.close()


def test_show_names_the_part_in_doubt(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post_id, first = killed_after_part_1(home)
    assert run(home, "posts", "show", str(post_id)) == 0
    out = capsys.readouterr().out
    assert f"Part 1 of 3 · sandbox://career_me/status/{first}" in out
    assert "Part 2 of 3 · may or may not have gone out" in out and "Part 3 of 3 · not sent" in out
    assert "Part 1 of 3 went out; part 2 may or may not have. Part 3 was not sent." in out
    assert f"personamgr posts mark-sent {post_id} --part-out LINK / --part-not-out" in out


def test_mark_sent_without_an_answer_asks_about_part_2_and_changes_nothing(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post_id, _ = killed_after_part_1(home)
    assert run(home, "posts", "mark-sent", str(post_id)) == 2
    err = capsys.readouterr().err
    assert "Look at the account for part 2 of 3." in err
    assert f"personamgr posts mark-sent {post_id} --part-out LINK" in err
    assert f"personamgr posts retry {post_id} --yes" in err
    svc = open_profile(home)
    try:
        assert svc.outbox.get(post_id).state is PostState.NEEDS_REVIEW
    finally:
        svc.close()


def test_part_2_not_out_then_retry_sends_only_parts_2_and_3(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post_id, _ = killed_after_part_1(home)
    assert run(home, "posts", "mark-sent", str(post_id), "--part-not-out") == 0
    out = capsys.readouterr().out
    assert f"#{post_id} is not sent: Part 1 of 3 went out and parts 2–3 did not, as you checked." in out
    assert f"To send the rest: personamgr posts retry {post_id}" in out
    assert run(home, "posts", "retry", str(post_id)) == 0
    assert sorted(timeline(home)) == sorted(PARTS)  # part 1 once


def test_part_2_out_with_its_link_records_it_and_retry_sends_part_3(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post_id, _ = killed_after_part_1(home)
    assert run(home, "posts", "mark-sent", str(post_id), "--part-out") == 1  # part 3 replies to it: the link
    assert "the link of part 2 is needed" in capsys.readouterr().err
    assert run(home, "posts", "mark-sent", str(post_id), "--part-out", "sandbox://career_me/status/42") == 0
    assert "Parts 1–2 of 3 went out and part 3 did not" in capsys.readouterr().out
    assert run(home, "posts", "retry", str(post_id)) == 0
    svc = open_profile(home)
    try:
        post = svc.outbox.get(post_id)
        assert post.state is PostState.SENT and post.remote_ids[1] == "42"
    finally:
        svc.close()
    assert sorted(timeline(home)) == sorted([PARTS[0], PARTS[2]])  # part 2 was already out: not posted again


def test_a_single_post_not_found_is_told_how_to_send_it_not_the_rest(home: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """A single post has no "rest": after --part-not-out it said "To send the rest: personamgr posts retry N"."""
    svc = open_profile(home)
    try:
        post = svc.outbox.create(svc.store.persona("career").uid, "One post, in doubt.")
        svc.outbox.claim(post.id, owner=dead_owner())
    finally:
        svc.close()
    assert run(home, "posts", "show", str(post.id)) == 0  # the CLI looks for senders gone, and finds this one
    capsys.readouterr()
    assert run(home, "posts", "mark-sent", str(post.id), "--part-not-out") == 0
    out = capsys.readouterr().out
    assert out == (f"#{post.id} is not sent: It did not go out, as you checked. Retry sends it.\n"
                   f"To send it: personamgr posts retry {post.id}\n")


def test_retry_without_yes_says_which_part_may_be_out_not_the_whole_thread(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"#5 may already be on @career_me's timeline" of a thread whose part 1 is known to be there and part 3 never
    went: the doubt is part 2 alone."""
    post_id, _ = killed_after_part_1(home)
    assert run(home, "posts", "retry", str(post_id)) == 2
    err = capsys.readouterr().err
    assert f"personamgr: error: part 2 of #{post_id} may already be on @career_me's timeline: The app stopped " \
           "while this thread was being sent. Part 1 of 3 went out; part 2 may or may not have." in err, err
