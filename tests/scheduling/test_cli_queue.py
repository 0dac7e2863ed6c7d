"""``personamgr queue``: in-process through ``main()``, on a real profile folder."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sched_helpers import make_persona

from personamgr.cli.main import main
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.services import open_services


@pytest.fixture
def home(tmp_path: Path) -> str:
    data = tmp_path / "home"
    svc = open_services(AppPaths.resolve(data))
    svc.store.add_persona(make_persona())  # career, New York, slots Mon/Wed 09:00 and Fri 12:00
    svc.store.add_persona(make_persona("metal", tz="Europe/Berlin", slots=()))
    svc.close()
    return str(data)


def run(home: str, *argv: str) -> int:
    return main(["--data-dir", home, "queue", *argv])


def listed(home: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert run(home, "list", "--json") == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_add_at_a_local_time_in_the_personas_zone(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "add", "--persona", "career", "--at", "2030-06-03T14:00", "Interview tips") == 0
    out = capsys.readouterr().out
    assert "Scheduled #1 for career at Mon 03 Jun 2030 14:00 EDT (2030-06-03 18:00 UTC)." in out
    assert "neither the app nor `personamgr daemon` is running" in out
    assert run(home, "add", "--persona", "metal", "--at", "2030-06-03T14:00Z", "Riffs") == 0
    assert "16:00 CEST (2030-06-03 14:00 UTC)" in capsys.readouterr().out
    rows = listed(home, capsys)
    assert [(r["id"], r["due_utc"]) for r in rows] == [(2, "2030-06-03T14:00:00+00:00"),
                                                       (1, "2030-06-03T18:00:00+00:00")]


def test_add_on_dst_days_tells_the_user_what_happens(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "add", "--persona", "career", "--at", "2030-03-10T02:30", "--anyway", "spring") == 0
    out = capsys.readouterr().out
    assert "at Sun 10 Mar 2030 03:30 EDT (2030-03-10 07:30 UTC)" in out
    assert "02:30 does not exist" in out
    assert run(home, "add", "--persona", "career", "--at", "2030-11-03T01:30", "--anyway", "fall") == 0
    out = capsys.readouterr().out
    assert "at Sun 03 Nov 2030 01:30 EDT (2030-11-03 05:30 UTC)" in out
    assert "happens twice" in out and "not the second (01:30 EST)" in out


def test_add_without_at_takes_the_next_free_slots(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    for text in ("one", "two", "three", "four"):
        assert run(home, "add", "--persona", "career", "--anyway", text) == 0  # queue order, not the guard
    out = capsys.readouterr().out
    assert out.count("in the next free queue slot") == 4
    rows = listed(home, capsys)
    assert [r["text"] for r in rows] == ["one", "two", "three", "four"]
    assert len({r["due_utc"] for r in rows}) == 4
    assert all(str(r["due_local"]).startswith(("Mon", "Wed", "Fri")) for r in rows)


@pytest.mark.parametrize(("argv", "code", "message"), [
    (("add", "--persona", "career", "--at", "next tuesday", "x"), 2, "is not an ISO 8601 date and time"),
    (("add", "--persona", "career", "--at", "2030-06-03", "x"), 2, "has no time of day; use e.g. 2030-06-03T09:00"),
    (("add", "--persona", "career", "--at", "2001-01-01T10:00", "x"), 1, "is in the past"),
    (("add", "--persona", "nobody", "x"), 1, "no persona named 'nobody' (known: career, metal)"),
    (("add", "--persona", "career", "   "), 2, "the post is empty"),
    (("add", "--persona", "career", "x" * 281), 1, "Too long for career: 281 of 280 characters on Sandbox"),
    (("add", "--persona", "metal", "x"), 1, "metal has no queue slots; add some"),
    (("remove", "99"), 1, "post 99 does not exist"),
])
def test_bad_input_gets_a_specific_message(home: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
                                           code: int, message: str) -> None:
    assert run(home, *argv) == code
    assert message in capsys.readouterr().err


def test_refused_schedules_keep_the_words_as_a_draft(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "add", "--persona", "career", "--at", "2001-01-01T10:00", "my careful words") == 1
    assert "The text was kept as draft #1." in capsys.readouterr().err
    svc = open_services(AppPaths.resolve(home))
    try:
        kept = svc.outbox.get(1)
        assert (kept.state, kept.text) == (PostState.DRAFT, "my careful words")
    finally:
        svc.close()


def test_remove_keeps_a_draft_and_pause_resume(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "add", "--persona", "career", "--at", "2030-06-03T14:00", "--anyway", "keep me") == 0
    assert run(home, "remove", "1") == 0
    assert "kept as a draft" in capsys.readouterr().out
    assert listed(home, capsys) == []
    assert run(home, "remove", "1") == 1
    assert "post 1 is draft, so it cannot be unscheduled" in capsys.readouterr().err
    assert run(home, "add", "--persona", "career", "--at", "2030-06-03T14:00", "--anyway", "paused one") == 0
    assert run(home, "pause", "--persona", "career") == 0
    assert run(home, "pause", "--all") == 0
    capsys.readouterr()
    run(home, "list")
    out = capsys.readouterr().out
    assert "All posting is paused" in out and "[paused]" in out
    assert run(home, "resume", "--all") == 0 and run(home, "resume", "--persona", "career") == 0
    capsys.readouterr()
    run(home, "list")
    out = capsys.readouterr().out
    assert "[paused]" not in out and "All posting is paused" not in out and "paused one" in out


def test_add_asks_the_guard_first_and_remembers_anyway(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    off = "New Gojira album tonight: the riffs are crushing and the drummer is unreal. Front row at the gig!"
    assert run(home, "add", "--persona", "career", "--at", "2030-06-03T14:00", off) == 1
    err = capsys.readouterr().err
    assert "not queued: the persona guard has concerns about this post on career" in err
    assert "To have it queued as metal instead, use --persona metal." in err
    svc = open_services(AppPaths.resolve(home))
    try:
        assert svc.outbox.in_states([PostState.SCHEDULED]) == []  # nothing queued behind the user's back
    finally:
        svc.close()
    assert run(home, "add", "--persona", "career", "--at", "2030-06-03T14:00", "--anyway", off) == 0
    svc = open_services(AppPaths.resolve(home))
    try:
        [post] = svc.outbox.in_states([PostState.SCHEDULED])
        assert post.guard_override  # the send-time check will not hold it again
    finally:
        svc.close()


def test_a_persona_without_slots_is_told_the_command_that_gives_it_some(home: str,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """QA #9: "add some in the persona's settings" named no way to do it from the command line."""
    assert run(home, "add", "--persona", "metal", "Riff of the day") == 1
    assert "personamgr personas queue metal --weekdays" in capsys.readouterr().err
    assert main(["--data-dir", home, "personas", "queue", "metal"]) == 0
    assert "metal has no queue slots (Europe/Berlin)" in capsys.readouterr().out
    assert main(["--data-dir", home, "personas", "queue", "metal", "tuesday 9"]) == 2
    assert "queue slot 'tuesday 9' must look like 'mon 09:30'" in capsys.readouterr().err
    # A slot in the right shape with a time or day that does not exist says which ("must look like" did not)
    assert main(["--data-dir", home, "personas", "queue", "metal", "mon 25:00"]) == 2
    assert "queue slot 'mon 25:00': there is no 25:00 (times are 00:00 to 23:59)" in capsys.readouterr().err
    assert main(["--data-dir", home, "personas", "queue", "metal", "mon 09:75"]) == 2
    assert "queue slot 'mon 09:75': there is no 09:75 (times are 00:00 to 23:59)" in capsys.readouterr().err
    assert main(["--data-dir", home, "personas", "queue", "metal", "fun 09:00"]) == 2
    assert ("queue slot 'fun 09:00': the day must be mon, tue, wed, thu, fri, sat or sun"
            in capsys.readouterr().err)
    assert main(["--data-dir", home, "personas", "queue", "metal", "--weekdays"]) == 0
    assert capsys.readouterr().out.startswith("metal (Europe/Berlin): mon 09:00, mon 12:30, mon 17:00, tue 09:00")
    assert run(home, "add", "--persona", "metal", "Riff of the day") == 0
    assert "Scheduled #2 for metal in the next free queue slot," in capsys.readouterr().out
    assert main(["--data-dir", home, "personas", "queue", "metal", "sat 10:00", "mon 08:15"]) == 0
    assert capsys.readouterr().out == "metal (Europe/Berlin): mon 08:15, sat 10:00\n"


def test_at_with_a_day_name_names_the_date_it_would_be(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`--at 'mon 9:30'` was told "is not an ISO 8601 date and time": true, and no help to someone who wrote
    the day they meant. The message names the next Monday in the persona's zone, ready to paste."""
    before = next_monday_930()
    assert run(home, "add", "--persona", "career", "--at", "mon 9:30", "Interview tips") == 2
    after = next_monday_930()  # the clock may pass Monday 09:30 while the command runs: either day is right
    err = capsys.readouterr().err
    assert "'mon 9:30' is a day of the week, not a date; give the date too: the next Monday is " in err
    assert f"so {before}T09:30" in err or f"so {after}T09:30" in err, err
    assert "ISO 8601" not in err


def next_monday_930() -> str:
    """The date of the next Monday 09:30 in New York, read from the real clock as the command reads it."""
    now = datetime.now(ZoneInfo("America/New_York"))
    ahead = (0 - now.weekday()) % 7 or (7 if (now.hour, now.minute) >= (9, 30) else 0)
    return (now + timedelta(days=ahead)).date().isoformat()


def test_too_far_ahead_is_told_in_the_personas_zone(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "9999-01-01 04:00 UTC is more than 10 years ahead" for a time the user gave in New York."""
    assert run(home, "add", "--persona", "career", "--at", "9998-12-31T23:00", "Interview tips") == 1
    err = capsys.readouterr().err
    assert "Thu 31 Dec 9998 23:00 EST is more than 10 years ahead" in err and "UTC" not in err


def test_add_for_a_utc_persona_names_the_time_once(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "12:30 UTC (2026-12-01 12:30 UTC)"."""
    svc = open_services(AppPaths.resolve(home))
    svc.store.add_persona(make_persona("news", tz="UTC", slots=()))
    svc.close()
    assert run(home, "add", "--persona", "news", "--at", "2030-06-03T12:30", "Morning brief") == 0
    out = capsys.readouterr().out
    assert "Scheduled #1 for news at Mon 03 Jun 2030 12:30 UTC.\n" in out
