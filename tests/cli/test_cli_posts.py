"""``personamgr post``/``queue add`` with threads and images, and ``personamgr posts``: in-process through
``main()``, on a real profile folder with the sandbox network and the real guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from demo_home import open_profile, run
from image_files import animated_gif, png

from personamgr.core.holds import HoldKind
from personamgr.core.outbox import PostState

THREAD = """Five questions to ask at the end of every job interview, and what the answers tell you.
---
Ask how the hiring manager measures success in the first ninety days.
---
Then ask what the last person in the role went on to do. That's the thread.
"""
OFF = "New Mastodon album tonight: the riffs are heavy and I'm front row at the gig with my guitar."


def thread_file(tmp_path: Path, text: str = THREAD, name: str = "thread.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_post_a_thread_with_images_as_one_reply_chain(home: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    chart, office = png(tmp_path / "chart.png"), png(tmp_path / "office.png")
    code = run(home, "post", "--persona", "career", "--thread", str(thread_file(tmp_path)),
               "--image", str(chart), "--alt", "Hiring by month", "--image", str(office))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("Sent as career (@career_me) (3 parts): sandbox://career_me/status/")
    assert "office.png has no alt text" in err and "chart.png" not in err  # the nudge, for the one without
    svc = open_profile(home)
    try:
        timeline = list(reversed(svc.networks["sandbox"].timeline(svc.store.persona("career").uid)))  # type: ignore[attr-defined]
        ours = timeline[-3:]
        assert [e.text[:9] for e in ours] == ["Five ques", "Ask how t", "Then ask "]
        assert [e.reply_to for e in ours] == [None, ours[0].remote_id, ours[1].remote_id]
        assert [a for _, a in ours[0].media] == ["Hiring by month", ""] and ours[1].media == ()
        [post] = [p for p in svc.outbox.history() if p.thread]
        assert all(Path(m["path"]).parent == svc.media_dir for m in post.media)  # copies in the profile
    finally:
        svc.close()
    capsys.readouterr()
    assert run(home, "posts", "show", str(post.id)) == 0
    shown = capsys.readouterr().out
    for i, rid in enumerate(post.remote_ids, 1):
        assert f"Part {i} of 3 · sandbox://career_me/status/{rid}" in shown
    assert "[image chart.png: Hiring by month]" in shown and "[image office.png: (no alt text)]" in shown


def test_queue_add_a_thread_keeps_its_images_when_the_originals_go(home: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    chart = png(tmp_path / "chart.png")
    assert run(home, "queue", "add", "--persona", "career", "--at", "2030-06-03T09:00", "--thread",
               str(thread_file(tmp_path)), "--image", str(chart), "--alt", "Hiring by month") == 0
    assert "Scheduled #3 a 3-part thread for career at Mon 03 Jun 2030 09:00 EDT" in capsys.readouterr().out
    chart.unlink()
    svc = open_profile(home)
    try:
        post = svc.outbox.get(3)
        copy = Path(post.media[0]["path"])
        assert post.state is PostState.SCHEDULED and post.parts[2].startswith("Then ask") and copy.exists()
    finally:
        svc.close()
    assert run(home, "posts", "delete", "3") == 0
    assert not copy.exists()  # the copy went with the post
    assert "Deleted #3 (scheduled, career)" in capsys.readouterr().out


@pytest.mark.parametrize("case", [
    (("--thread", "{empty}"), 2, "part 2 of the thread in"),
    (("--thread", "{long}"), 1, "Too long for career: part 2 is 299 of 280 characters on Sandbox; shorten it by 19."),
    (("--thread", "{missing}"), 1, "cannot read the thread file"),
    (("--thread", "{thread}", "and some text"), 2, "give the text or --thread FILE, not both"),
    (("--image", "{notes}", "Text"), 1, "notes.png is not an image type that Sandbox accepts"),
    (("--image", "{png}", "--alt", "x" * 1001, "Text"), 1, "The alt text of a.png is 1,001 characters"),
    (("--image", "{png}", "--image", "{png}", "--image", "{png}", "--image", "{png}", "--image", "{png}", "Text"), 1,
     "Sandbox allows at most 4 images per post; the post has 5"),
    (("--image", "{gif}", "--image", "{png}", "Text"), 1,
     "Sandbox takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): dance.gif is on the "
     "post with other images."),
])
def test_bad_content_is_refused_with_a_clear_message_and_nothing_is_kept(
        home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[tuple[str, ...], int, str]) -> None:
    args, code, message = case
    files = {"empty": thread_file(tmp_path, "one\n---\n\n---\nthree", "empty.txt"),
             "long": thread_file(tmp_path, "one\n---\n" + "x " * 150, "long.txt"),
             "missing": tmp_path / "nope.txt", "thread": thread_file(tmp_path), "png": png(tmp_path / "a.png"),
             "notes": tmp_path / "notes.png", "gif": animated_gif(tmp_path / "dance.gif")}
    (tmp_path / "notes.png").write_text("hello", encoding="utf-8")
    argv = [a.format(**{k: str(v) for k, v in files.items()}) for a in args]
    assert run(home, "post", "--persona", "career", "--anyway", *argv) == code
    assert message in capsys.readouterr().err
    svc = open_profile(home)
    try:
        assert len(svc.outbox.history()) == 2  # only the demo's two posts
        assert not svc.media_dir or not svc.media_dir.exists() or not any(svc.media_dir.iterdir())
    finally:
        svc.close()


def test_alt_must_follow_an_image(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        run(home, "post", "--persona", "career", "--alt", "a chart", "Text")
    assert e.value.code == 2 and "--alt must follow the --image it describes" in capsys.readouterr().err


def test_the_guard_judges_a_thread_as_a_whole(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    off = thread_file(tmp_path, OFF + "\n---\nThe setlist was all deep cuts and the guitars were loud.")
    assert run(home, "post", "--persona", "career", "--thread", str(off)) == 1
    err = capsys.readouterr().err
    assert "not posted: the persona guard has concerns about this thread on career" in err
    assert "use --persona metal" in err


def make(home: Path, state: PostState, text: str, **values: object) -> int:
    svc = open_profile(home)
    try:
        post = svc.outbox.create(svc.store.persona("career").uid, text)
        svc.outbox.update_if(post.id, None, state=state.value, **values)
        return post.id
    finally:
        svc.close()


def state_of(home: Path, post_id: int) -> PostState:
    svc = open_profile(home)
    try:
        return svc.outbox.get(post_id).state
    finally:
        svc.close()


def test_posts_list_by_state_names_each_times_zone(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    held = make(home, PostState.HELD, "Almost the same words again", hold_kind=HoldKind.NEAR_DUPLICATE.value,
                error="Held before sending: This is nearly the same as a post that already went out.")
    review = make(home, PostState.NEEDS_REVIEW, "Did this go out?", error="X timed out.")
    capsys.readouterr()
    assert run(home, "posts", "list", "--state", "attention") == 0
    out = capsys.readouterr().out
    assert f"#{held:<5} career       Held: near-duplicate" in out and f"#{review:<5} career       Needs review" in out
    assert run(home, "posts", "list", "--state", "held", "--json") == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["id"], row["state"], row["hold"]) == (held, "held", "near_duplicate")
    assert "mark_sent" not in row["actions"] and row["time_local"].endswith(("EST", "EDT"))
    assert run(home, "posts", "list") == 0
    listed = capsys.readouterr().out
    assert "Sent" in listed and ("EST" in listed or "EDT" in listed)


def test_mark_sent_only_for_posts_that_may_have_gone_out(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    held = make(home, PostState.HELD, "Held one", hold_kind=HoldKind.OFF_FOCUS.value)
    review = make(home, PostState.NEEDS_REVIEW, "Maybe out")
    assert run(home, "posts", "mark-sent", str(held)) == 1
    assert "never went out" in capsys.readouterr().err
    assert run(home, "posts", "mark-sent", str(review)) == 0
    assert state_of(home, review) is PostState.SENT and state_of(home, held) is PostState.HELD
    assert run(home, "posts", "mark-sent", "999") == 1
    assert "there is no post #999" in capsys.readouterr().err


def test_retry_asks_the_guard_and_needs_yes_for_a_post_that_may_be_out(home: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    review = make(home, PostState.NEEDS_REVIEW, OFF, error="X timed out after the post was sent.")
    assert run(home, "posts", "retry", str(review)) == 2
    err = capsys.readouterr().err
    assert "may already be on @career_me's timeline" in err and f"posts mark-sent {review}" in err
    assert run(home, "posts", "retry", str(review), "--yes") == 1  # checked, but the guard objects: asked
    err = capsys.readouterr().err
    assert "not sent: This may not belong on career." in err and f"posts retry {review} --anyway" in err
    assert state_of(home, review) is PostState.NEEDS_REVIEW
    assert run(home, "posts", "retry", str(review), "--yes", "--anyway") == 0
    assert state_of(home, review) is PostState.SENT
    failed = make(home, PostState.FAILED, "Five questions to ask at the end of every interview, revisited.")
    assert run(home, "posts", "retry", str(failed)) == 0
    assert state_of(home, failed) is PostState.SENT
    assert run(home, "posts", "retry", str(failed)) == 1
    assert "already went out" in capsys.readouterr().err


def test_queue_remove_leaves_a_post_that_may_be_out_for_review(home: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """``queue remove`` made a needs-review post a draft, and ``posts retry`` then sent it again without --yes."""
    review = make(home, PostState.NEEDS_REVIEW, "Five interview questions", error="X timed out after the post "
                  "was sent.")
    assert run(home, "queue", "remove", str(review)) == 1
    err = capsys.readouterr().err
    assert f"post {review} may already have gone out (it needs review)" in err
    assert "mark it sent or send it again" in err
    assert state_of(home, review) is PostState.NEEDS_REVIEW
    assert run(home, "posts", "retry", str(review)) == 2  # still asks for --yes
    assert state_of(home, review) is PostState.NEEDS_REVIEW


CASHTAGS = "Hiring is up: $AAPL and $MSFT both posted new roles for people over 40."


def test_what_x_refuses_is_never_offered_anyway(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The window's question has no "Post anyway" for a post X refuses (two cashtags); the CLI told the user to
    add --anyway, which on X only fails the post (or queues it to fail at its time)."""
    held = make(home, PostState.HELD, CASHTAGS, hold_kind=HoldKind.X_RULES.value)
    assert run(home, "posts", "retry", str(held)) == 1
    err = capsys.readouterr().err
    # The sandbox keeps X's rule as its own, and is named (main said "X" of a sandbox persona).
    assert "not sent: Sandbox will refuse this post as it is on career." in err and "--anyway" not in err
    assert ("Sandbox refuses a post like this, so it cannot be sent as it is: change the words in the window (Edit…), "
            f"or delete it: personamgr posts delete {held}") in err
    assert state_of(home, held) is PostState.HELD
    for command in (("post",), ("queue", "add")):
        assert run(home, *command, "--persona", "career", "--anyway", CASHTAGS) == 1
        err = capsys.readouterr().err
        assert "Sandbox refuses a post like this, so it cannot be " in err, err
        assert "(--anyway does not change that): change the words first." in err
    svc = open_profile(home)
    try:
        assert [p.id for p in svc.outbox.history() if "$AAPL" in p.text] == [held]  # nothing new was kept
    finally:
        svc.close()


def test_delete_refuses_a_sent_post(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "posts", "delete", "1") == 1
    assert "#1 is sent, so it cannot be deleted" in capsys.readouterr().err


def partly_sent(home: Path) -> int:
    """A 3-part thread on career whose part 1 is out (as the poster records a part-way failure)."""
    svc = open_profile(home)
    try:
        post = svc.outbox.create(svc.store.persona("career").uid, "Part one", thread=("Part two", "Part three"))
        assert svc.outbox.update_if(post.id, None, state=PostState.FAILED.value, remote_ids=["s1"],
                                    network="sandbox", error="Part 1 of the thread went out; part 2 failed.")
        return post.id
    finally:
        svc.close()


def test_a_partly_sent_thread_offers_retry_and_stop_never_delete(home: Path, capsys: pytest.CaptureFixture[str]
                                                                 ) -> None:
    """QA #3: after part 1 went out, `posts show` offered delete, and delete removed the live post's record."""
    post_id = partly_sent(home)
    assert run(home, "posts", "show", str(post_id)) == 0
    shown = capsys.readouterr().out
    assert f"What you can do: personamgr posts retry {post_id}, personamgr posts stop {post_id}\n" in shown
    assert "delete" not in shown
    assert run(home, "posts", "delete", str(post_id)) == 1
    err = capsys.readouterr().err
    assert f"#{post_id} cannot be deleted: part 1 of post {post_id} already went out on Sandbox" in err
    assert f"personamgr posts stop {post_id}" in err
    assert state_of(home, post_id) is PostState.FAILED
    assert run(home, "posts", "stop", str(post_id)) == 0
    out = capsys.readouterr().out
    assert f"#{post_id} ends at part 1: part 1 is out on career, and it is recorded as sent." in out
    svc = open_profile(home)
    try:
        sent = svc.outbox.get(post_id)
        [draft] = [p for p in svc.outbox.in_states([PostState.DRAFT]) if p.text == "Part two"]
        assert (sent.state, sent.parts, sent.remote_ids) == (PostState.SENT, ("Part one",), ("s1",))
        assert draft.parts == ("Part two", "Part three") and f"kept as draft #{draft.id}" in out
    finally:
        svc.close()
    assert run(home, "posts", "stop", str(post_id)) == 1
    assert "sent now, so it was not stopped" in capsys.readouterr().err


def test_a_straying_post_names_the_better_persona_once(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The reason already says "It fits metal better."; the hint after it said "It fits metal better" again."""
    assert run(home, "post", "--persona", "career", OFF) == 1
    err = capsys.readouterr().err
    assert err.count("fits metal better") == 1, err
    assert "--persona metal" in err and "--anyway" in err


@pytest.mark.parametrize("command", [("post",), ("queue", "add")])
def test_a_post_the_guard_cannot_judge_goes_ahead_and_says_so(home: Path, command: tuple[str, ...],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The window's meter says when the topic was not judged; the command line said nothing at all."""
    code = run(home, *command, "--persona", "career", "Сегодня посадил чеснок на грядках, жду урожай весной.")
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Note: the persona guard did not judge the topic: " in err
    assert "not Russian" in err and "the other checks still ran" in err
    assert "persona guard" not in out  # what a script reads on stdout stays as it was


def test_a_post_the_guard_judged_gets_no_note(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "post", "--persona", "career", "Five questions to ask at the end of every interview.") == 0
    assert "Note:" not in capsys.readouterr().err


@pytest.mark.parametrize("command", [("post",), ("queue", "add")])
def test_a_bluesky_post_over_3000_bytes_is_refused_before_it_is_kept(
        home: Path, command: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    """app.bsky.feed.post: 300 graphemes and 3,000 UTF-8 bytes; 121 family emoji are 121 graphemes, 3,025 bytes."""
    svc = open_profile(home)
    try:
        career = svc.store.persona("career")
        svc.store.update_persona(career.with_changes(network="bluesky", handle="@career.bsky.social"))
    finally:
        svc.close()
    assert run(home, *command, "--persona", "career", "👨‍👩‍👧‍👦" * 121) == 1
    assert ("Too long for career: 3,025 of 3,000 bytes on Bluesky (an emoji can take up to 25); shorten it by 25 "
            "bytes.") in capsys.readouterr().err
    svc = open_profile(home)
    try:
        assert len(svc.outbox.history()) == 2  # only the demo's two posts
    finally:
        svc.close()


def test_a_post_sent_again_only_as_it_is_offers_no_delete_and_refuses_it_saying_why(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its last send was cut short and it goes out again by itself exactly as it is: `posts show` offered delete,
    and delete forgot a post that may already be on the network."""
    from datetime import timedelta

    from personamgr.core.outbox import UNTIL_SENT

    svc = open_profile(home)
    try:
        post = svc.outbox.create(svc.store.persona("career").uid, "Resumes in 2026.",
                                 scheduled_at=svc.clock.now() + timedelta(hours=1))
        svc.outbox.update_if(post.id, None, state=PostState.SCHEDULED.value, repeat_safe_until=UNTIL_SENT)
    finally:
        svc.close()
    assert run(home, "posts", "show", str(post.id)) == 0
    shown = capsys.readouterr().out
    assert (f"What you can do: personamgr posts reschedule {post.id} --at WHEN, personamgr queue remove {post.id}, "
            f"personamgr posts retry {post.id}\n") in shown
    assert f"post {post.id} cannot change until it is sent: its last send was cut short" in shown
    assert "delete" not in shown
    assert run(home, "posts", "delete", str(post.id)) == 1
    err = capsys.readouterr().err
    assert (f"post {post.id} cannot be deleted until it is sent: its last send was cut short, so it may be on "
            "Sandbox already") in err
    assert state_of(home, post.id) is PostState.SCHEDULED
