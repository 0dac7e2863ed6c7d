"""``queue list`` on posts whose time passed: a held one says once that it missed its time, and one still
scheduled with nothing running to send it says that it is overdue, what the persona's missed-post policy will do
with it, and how to send it now. In-process through ``main()``, on the demo's sandbox."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from demo_home import open_profile, run

from personamgr.core.outbox import PostState
from personamgr.core.personas import MissedPolicy, QueueSlot
from personamgr.core.scheduling.engine import ScheduleEngine

TEXT = "Hiring managers read the first six lines of a resume: put your best result there."


def overdue(home: Path, late: timedelta, *, plan: bool = False, **persona: object) -> int:
    """A career post due ``late`` ago; with ``plan``, the scheduler has since seen it (its policy applied)."""
    svc = open_profile(home)
    try:
        career = svc.store.persona("career")
        if persona:
            svc.store.update_persona(career.with_changes(**persona))
        post = svc.outbox.create(career.uid, TEXT, state=PostState.SCHEDULED,
                                 scheduled_at=datetime.now(UTC) - late)
        if plan:
            ScheduleEngine(svc).plan()
        return post.id
    finally:
        svc.close()


def listed(home: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert run(home, "queue", "list") == 0
    return capsys.readouterr().out


def test_a_post_held_for_missing_its_time_says_so_once(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It read "Held: missed its time: Missed its time (…) by 3 hours: …"."""
    post = overdue(home, timedelta(hours=3), plan=True)
    out = listed(home, capsys)
    [line] = [ln for ln in out.splitlines() if ln.startswith(f"#{post} ")]
    assert "Held: Missed its time (" in line
    assert line.lower().count("missed its time") == 1


def test_an_overdue_post_with_nothing_running_says_what_will_happen_and_how_to_send_it(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It was listed at its time as if it were still to come."""
    post = overdue(home, timedelta(minutes=40))
    out = listed(home, capsys)
    lines = out.splitlines()
    at = next(n for n, ln in enumerate(lines) if ln.startswith(f"#{post} "))
    assert "overdue by 40 minutes" in lines[at]
    said = " ".join(ln.strip() for ln in lines[at + 1:at + 3])
    assert said == ("Nothing is running to send it (neither the app nor personamgr daemon). When one of them starts, "
                    "it is held for you to decide: career asks about missed posts. "
                    f"To send it now: personamgr posts retry {post}")


@pytest.mark.parametrize("case", [
    (MissedPolicy.POST_LATE, timedelta(minutes=40), (), "career sends missed posts up to 6 hours late: if one of "
     "them starts by "),
    (MissedPolicy.POST_LATE, timedelta(hours=8), (), "it is held for you to decide: it is more than the 6 hours late "
     "career allows."),
    (MissedPolicy.SKIP, timedelta(minutes=40), (QueueSlot(0, 9),), "it moves to career's next free queue slot."),
    (MissedPolicy.SKIP, timedelta(minutes=40), (), "it is held for you to decide: career skips missed posts to its "
     "next queue slot, but has no queue slots."),
])
def test_the_overdue_line_follows_the_personas_missed_post_policy(
        home: Path, capsys: pytest.CaptureFixture[str],
        case: tuple[MissedPolicy, timedelta, tuple[QueueSlot, ...], str]) -> None:
    policy, late, slots, then = case
    post = overdue(home, late, missed_policy=policy, queue_slots=slots)
    out = listed(home, capsys)
    assert then in out
    assert f"To send it now: personamgr posts retry {post}" in out


def rows(home: Path, capsys: pytest.CaptureFixture[str]) -> dict[int, dict[str, object]]:
    capsys.readouterr()
    assert run(home, "queue", "list", "--json") == 0
    return {row["id"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}


@pytest.mark.parametrize(("policy", "slots", "then"), [
    (MissedPolicy.ASK, (), "hold"),
    (MissedPolicy.POST_LATE, (), "send"),
    (MissedPolicy.SKIP, (QueueSlot(0, 9),), "skip"),
    (MissedPolicy.SKIP, (), "hold"),
])
def test_queue_list_json_says_a_post_is_overdue_and_what_its_policy_will_do(
        home: Path, capsys: pytest.CaptureFixture[str], policy: MissedPolicy, slots: tuple[QueueSlot, ...],
        then: str) -> None:
    """The text said "overdue by 40 minutes"; the JSON had no field for it, so a script could not tell."""
    post = overdue(home, timedelta(minutes=40), missed_policy=policy, queue_slots=slots)
    row = rows(home, capsys)[post]
    assert isinstance(row["overdue_by_s"], int)
    assert row["overdue_by_s"] >= 40 * 60
    assert row["overdue_then"] == then


def test_queue_list_json_keeps_its_fields_and_says_a_post_to_come_is_not_overdue(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = overdue(home, -timedelta(hours=5))
    row = rows(home, capsys)[post]
    assert {"id", "persona", "state", "due_utc", "due_local", "text", "note", "note_kind", "note_values"} < set(row)
    assert (row["persona"], row["state"], row["text"]) == ("career", "scheduled", TEXT)
    assert (row["overdue_by_s"], row["overdue_then"]) == (None, None)


@pytest.mark.parametrize(("network", "connection", "first"), [
    ("x", None, "To send it: connect career to its X account first (personamgr connect --persona career), then "
                "personamgr posts retry {post}."),
    ("mastodon", "reconnect_needed", "To send it: Mastodon refused career's credentials, so reconnect it first "
                                     "(personamgr connect --persona career), then personamgr posts retry {post}."),
])
def test_an_overdue_post_of_a_persona_not_connected_says_to_connect_it_first(
        home: Path, capsys: pytest.CaptureFixture[str], network: str, connection: str | None, first: str) -> None:
    """It said "To send it now: personamgr posts retry N", which fails until the account is connected."""
    post = overdue(home, timedelta(minutes=40), network=network)
    if connection:
        svc = open_profile(home)
        try:
            svc.store.set_connection_state(svc.store.persona("career").uid, connection)
        finally:
            svc.close()
    out = listed(home, capsys)
    assert "overdue by 40 minutes" in out
    assert "To send it now" not in out
    assert f"    {first.format(post=post)}" in out.splitlines()


def test_a_missed_post_of_a_persona_not_connected_is_not_said_to_go_out_late(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "if one of them starts by …, it goes out then" for an X persona never connected: the sender tries it
    then, and it fails for want of an account. The JSON said ``"overdue_then": "send"`` too."""
    post = overdue(home, timedelta(minutes=40), network="x", missed_policy=MissedPolicy.POST_LATE)
    out = listed(home, capsys)
    assert "goes out then" not in out
    assert ("career sends missed posts up to 6 hours late, but it cannot post until its X account is connected: if "
            "one of them starts by ") in out
    assert ", the post fails; later, it is held for you to decide." in out
    assert rows(home, capsys)[post]["overdue_then"] == "fail"


@pytest.mark.parametrize("pause", [("--persona", "career"), ("--all",)])
def test_a_missed_post_of_a_paused_persona_waits_for_resume(
        home: Path, capsys: pytest.CaptureFixture[str], pause: tuple[str, ...]) -> None:
    """It said "When one of them starts, it goes out then" of a paused persona's post: nothing is sent while
    paused, whatever starts; its policy decides when posting resumes."""
    post = overdue(home, timedelta(minutes=40), missed_policy=MissedPolicy.POST_LATE)
    assert run(home, "queue", "pause", *pause) == 0
    out = listed(home, capsys)
    assert "When one of them starts" not in out and "goes out then" not in out
    assert (f"Posting is paused for career: nothing goes out for it until you resume it (personamgr queue resume "
            f"{' '.join(pause)}); then its missed-post policy decides.") in out
    row = rows(home, capsys)[post]
    assert row["overdue_then"] == "wait"
    assert isinstance(row["overdue_by_s"], int)


def test_a_post_whose_time_just_passed_is_not_overdue_while_a_sender_runs(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text said nothing (the running sender applies the policy as it looks), but the JSON gave
    ``overdue_by_s`` and ``overdue_then``: the two forms told a script and a reader different things."""
    from personamgr.core.instance import claim
    from personamgr.core.paths import AppPaths

    post = overdue(home, timedelta(minutes=40))
    primary = claim(AppPaths.resolve(home), "daemon")
    assert primary is not None
    try:
        out = listed(home, capsys)
        row = rows(home, capsys)[post]
    finally:
        primary.close()
    assert "overdue" not in out
    assert (row["overdue_by_s"], row["overdue_then"]) == (None, None)


def resumed(home: Path, capsys: pytest.CaptureFixture[str], *who: str) -> str:
    assert run(home, "queue", "pause", *who) == 0
    capsys.readouterr()
    assert run(home, "queue", "resume", *who) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("who", [("--persona", "career"), ("--all",)])
def test_resuming_with_nothing_overdue_says_nothing_of_missed_posts(
        home: Path, capsys: pytest.CaptureFixture[str], who: tuple[str, ...]) -> None:
    """It always said "Posts whose time passed while paused follow each persona's missed-post policy.", with no
    post whose time had passed."""
    overdue(home, -timedelta(hours=5))
    out = resumed(home, capsys, *who)
    assert "missed" not in out and "passed" not in out, out


@pytest.mark.parametrize("who", [("--persona", "career"), ("--all",)])
def test_resuming_says_how_many_posts_time_passed_while_paused_and_what_their_policy_does(
        home: Path, capsys: pytest.CaptureFixture[str], who: tuple[str, ...]) -> None:
    """It said only that such posts "follow each persona's missed-post policy", not whether there were any, how
    many, nor what the policy does with them: the same words ``queue list`` says of each (core's ``overdue``)."""
    first = overdue(home, timedelta(minutes=40))
    second = overdue(home, timedelta(hours=3))  # due first: listed first, as queue list does
    out = resumed(home, capsys, *who)
    assert (f"2 posts whose time passed while paused (#{second}, #{first}): nothing is running to send them "
            "(neither the app nor personamgr daemon). When one of them starts, it is held for you to decide: career "
            "asks about missed posts.") in out, out
    assert "follow each persona's missed-post policy" not in out


def test_resuming_while_a_sender_runs_says_it_applies_the_policy_now(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from personamgr.core.instance import claim
    from personamgr.core.paths import AppPaths

    post = overdue(home, timedelta(minutes=40))
    primary = claim(AppPaths.resolve(home), "daemon")
    assert primary is not None
    try:
        out = resumed(home, capsys, "--all")
    finally:
        primary.close()
    assert (f"1 post whose time passed while paused (#{post}): career's missed-post policy applies to it now (see "
            "personamgr queue list).") in out, out


def test_queue_list_help_names_every_json_field_and_what_overdue_then_may_be(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A script author reading ``queue list --help`` saw "--json: one JSON object per line", nothing of its fields:
    ``overdue_then`` gained "fail" and "wait" and only a sentence deep in the README's Languages section said so.
    The help names every field a row has and every value ``overdue_then`` takes."""
    from personamgr.core.scheduling.missed import OverdueThen

    overdue(home, timedelta(minutes=40))
    capsys.readouterr()
    assert run(home, "queue", "list", "--json") == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    with pytest.raises(SystemExit):
        run(home, "queue", "list", "--help")
    said = " ".join(capsys.readouterr().out.split())
    for field in row:
        assert re.search(rf"\b{field}\b", said), field
    assert f"overdue_then ({', '.join(t.value for t in list(OverdueThen)[:-1])} or {list(OverdueThen)[-1].value}" \
        in said
