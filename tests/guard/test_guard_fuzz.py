"""Random unicode never crashes the guard or X's length counter."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamgr.core.guard import Guard
from personamgr.core.guard.lang import guess_language
from personamgr.core.personas import Persona
from personamgr.core.text import weighted_length

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=400)


@given(ANY_TEXT)
@settings(max_examples=300)
def test_weighted_length_never_crashes(text: str) -> None:
    n = weighted_length(text)
    assert isinstance(n, int) and n >= 0


@given(ANY_TEXT)
@settings(max_examples=300)
def test_language_guess_never_crashes(text: str) -> None:
    assert isinstance(guess_language(text), str)


@given(ANY_TEXT, st.dictionaries(st.sampled_from(["career", "metal", "x"]), st.lists(ANY_TEXT, max_size=4), max_size=3))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_guard_never_crashes(guard: Guard, personas: list[Persona], text: str, recent: dict[str, list[str]]) -> None:
    r = guard.check(personas, text, "career", recent=recent)
    assert isinstance(r.fits, bool)
    assert all(math.isfinite(v) and 0.0 <= v <= 1.0 for v in r.scores.values())
    assert r.score == r.scores["career"]
    assert r.length == weighted_length(text)
