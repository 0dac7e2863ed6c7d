"""A thread is judged as one post: its topic on all parts together, X's per-tweet rules part by part."""

from __future__ import annotations

from personamgr.core.guard import Guard
from personamgr.core.guard.post_check import check_parts
from personamgr.core.personas import Persona

THREAD = [
    "Five questions to ask at the end of every job interview, and what the answers tell you about the team.",
    "Ask how the hiring manager measures success in the first ninety days. Vague answers are a warning.",
    "That's all. Go get them.",  # no topic of its own
]


def test_a_short_closing_part_rides_on_the_whole_threads_topic(guard: Guard, personas: list[Persona]) -> None:
    alone = guard.check(personas, THREAD[2], "career")
    whole = check_parts(guard, personas, THREAD, "career")
    assert whole.fits, [r.message for r in whole.warnings]
    assert whole.scores["career"] > whole.scores["metal"]
    assert alone.score < whole.score - 0.2  # the part alone says far less about career than the thread does


def test_an_off_focus_thread_is_caught_as_a_whole(guard: Guard, personas: list[Persona]) -> None:
    metal = ["That opening riff on the new record is the heaviest thing I have heard all year.",
             "Front row at the gig tonight, the setlist was all deep cuts and the guitars were loud."]
    result = check_parts(guard, personas, metal, "career")
    assert not result.fits and result.suggest == "metal"
    assert any(r.kind in ("topic", "avoid") for r in result.warnings)


def test_per_part_rules_name_their_part(guard: Guard, personas: list[Persona]) -> None:
    parts = [THREAD[0], "Watching $AAPL and $MSFT earnings for hiring signals.", "x " * 150]
    result = check_parts(guard, personas, parts, "career")
    messages = [r.message for r in result.warnings]
    assert any(m.startswith("Part 2: It has 2 cashtags") for m in messages), messages
    assert any(m.startswith("Part 3: Too long for career: 300 of 280 characters") for m in messages), messages
    assert result.too_long and result.length == 300
    # Two cashtags spread over two parts are fine: X counts them per tweet.
    spread = check_parts(guard, personas, [THREAD[0] + " $AAPL", THREAD[1] + " $MSFT"], "career")
    assert not any(r.kind == "cashtags" for r in spread.reasons)


def test_a_part_that_repeats_a_recent_post_is_a_near_duplicate(guard: Guard, personas: list[Persona]) -> None:
    recent = {"metal": [THREAD[1]]}
    result = check_parts(guard, personas, THREAD, "career", recent=recent)
    assert [r.message[:7] for r in result.warnings if r.kind == "duplicate"] == ["Part 2:"]


def test_a_single_post_is_checked_exactly_as_the_guard_checks_it(guard: Guard, personas: list[Persona]) -> None:
    assert check_parts(guard, personas, [THREAD[0]], "career") == guard.check(personas, THREAD[0], "career")
