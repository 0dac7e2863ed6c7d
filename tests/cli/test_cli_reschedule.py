"""``personamgr posts reschedule``: the CLI way to the "reschedule it" that held posts ask for, with the window's
state rules and ``queue add --at``'s reading of the time. In-process through ``main()``, on a real profile folder
with the sandbox network."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from demo_home import open_profile, run

from personamgr.core.holds import HoldKind
from personamgr.core.outbox import Post, PostState

TEXT = "Five questions to ask at the end of every job interview, and what the answers tell you."


def make(home: Path, state: PostState, **values: object) -> int:
    svc = open_profile(home)
    try:
        post = svc.outbox.create(svc.store.persona("career").uid, TEXT)
        assert svc.outbox.update_if(post.id, None, state=state.value, **values)
        return post.id
    finally:
        svc.close()


def get(home: Path, post_id: int) -> Post:
    svc = open_profile(home)
    try:
        return svc.outbox.get(post_id)
    finally:
        svc.close()


@pytest.mark.parametrize("hold", [HoldKind.MONTHLY_LIMIT, HoldKind.MISSED])
def test_a_held_post_is_rescheduled_from_the_cli_at_a_time_in_its_personas_zone(
        home: Path, hold: HoldKind, capsys: pytest.CaptureFixture[str]) -> None:
    """Its message said "reschedule it", and only the window and the calendar could."""
    held = make(home, PostState.HELD, hold_kind=hold.value, scheduled_at=datetime(2026, 1, 5, 14))
    capsys.readouterr()
    assert run(home, "posts", "show", str(held)) == 0
    assert f"personamgr posts reschedule {held} --at WHEN" in capsys.readouterr().out
    assert run(home, "posts", "reschedule", str(held), "--at", "2030-06-03T09:00") == 0
    out = capsys.readouterr().out
    assert f"Rescheduled #{held} (career) to Mon 03 Jun 2030 09:00 EDT (2030-06-03 13:00 UTC)." in out
    post = get(home, held)
    assert (post.state, post.hold_kind, post.scheduled_at) == (PostState.SCHEDULED, None,
                                                              datetime(2030, 6, 3, 13, tzinfo=UTC))


def test_a_scheduled_post_is_rescheduled_and_a_dst_gap_is_explained(home: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "queue", "add", "--persona", "career", "--at", "2030-06-03T09:00", TEXT) == 0
    capsys.readouterr()
    [post] = [p for p in profile_posts(home) if p.state is PostState.SCHEDULED and p.text == TEXT]
    assert run(home, "posts", "reschedule", str(post.id), "--at", "2030-03-10T02:30") == 0  # no 02:30 that day
    out = capsys.readouterr().out
    assert "Note: " in out and get(home, post.id).scheduled_at == datetime(2030, 3, 10, 7, 30, tzinfo=UTC)


def profile_posts(home: Path) -> list[Post]:
    svc = open_profile(home)
    try:
        return svc.outbox.history()
    finally:
        svc.close()


@pytest.mark.parametrize(("state", "values", "words"), [
    (PostState.NEEDS_REVIEW, {}, "may already have gone out"),
    (PostState.FAILED, {}, "is failed, so it cannot be rescheduled"),
    (PostState.DRAFT, {}, "is draft, so it cannot be rescheduled"),
    (PostState.HELD, {"hold_kind": HoldKind.X_RULES.value}, "cannot be rescheduled"),
])
def test_reschedule_is_refused_where_the_state_does_not_offer_it(
        home: Path, state: PostState, values: dict[str, object], words: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    post_id = make(home, state, **values)
    before = get(home, post_id)
    capsys.readouterr()
    assert run(home, "posts", "reschedule", str(post_id), "--at", "2030-06-03T09:00") == 1
    assert words in capsys.readouterr().err
    after = get(home, post_id)
    assert (after.state, after.scheduled_at) == (before.state, before.scheduled_at)


def test_reschedule_reads_at_as_queue_add_does(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    held = make(home, PostState.HELD, hold_kind=HoldKind.MONTHLY_LIMIT.value)
    capsys.readouterr()
    assert run(home, "posts", "reschedule", str(held), "--at", "next tuesday") == 2
    assert "--at: 'next tuesday' is not an ISO 8601 date and time" in capsys.readouterr().err
    assert run(home, "posts", "reschedule", str(held), "--at", "2020-01-01T09:00") == 1
    assert "is in the past" in capsys.readouterr().err
    assert run(home, "posts", "reschedule", "999", "--at", "2030-06-03T09:00") == 1
    assert "there is no post #999" in capsys.readouterr().err
    assert get(home, held).state is PostState.HELD


def test_queue_list_names_the_commands_a_held_post_offers(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``queue list`` showed "... send it now, reschedule it, or keep it as a draft." and no way to do it."""
    held = make(home, PostState.HELD, hold_kind=HoldKind.MISSED.value, scheduled_at=datetime(2026, 1, 5, 14),
                error="Missed its time. Send it now, reschedule it, or keep it as a draft.")
    capsys.readouterr()
    assert run(home, "queue", "list") == 0
    out = capsys.readouterr().out
    assert (f"    personamgr posts retry {held}, personamgr posts reschedule {held} --at WHEN, "
            f"personamgr queue remove {held}, personamgr posts delete {held}\n") in out


def test_queue_add_and_reschedule_warn_when_the_month_has_no_room_under_the_cap(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The cap was found out at the post's time, as a hold; scheduling says so first (and still schedules)."""
    svc = open_profile(home)
    svc.store.update_persona(svc.store.persona("career").with_changes(monthly_post_cap=1))
    svc.close()
    assert run(home, "queue", "add", "--persona", "career", "--at", "2030-06-03T09:00", TEXT) == 0
    assert "cap" not in capsys.readouterr().out
    assert run(home, "queue", "add", "--persona", "career", "--at", "2030-06-04T09:00",
               "Hiring managers read the first six lines of a resume: put your best result there.") == 0
    warning = ("Note: career has 0 posts out and 1 more scheduled for the month from 1 June; with this one that is "
               "2, over its monthly cap of 1. It will be held at its time unless you raise the cap in the "
               "persona's settings or schedule it for 1 July or later.")
    out = capsys.readouterr().out
    assert warning in out
    second = int(out.split("#", 1)[1].split()[0])
    assert run(home, "posts", "reschedule", str(second), "--at", "2030-07-01T09:00") == 0
    assert "cap" not in capsys.readouterr().out  # July has room
    assert run(home, "posts", "reschedule", str(second), "--at", "2030-06-30T09:00") == 0
    assert warning in capsys.readouterr().out
