"""Random unicode never crashes the guard or X's length counter."""

from __future__ import annotations

import io
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamgr.cli.guard import serve
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


# Lines a script might send: raw bytes, JSON of any shape, and requests with odd values in each field.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
REQUESTS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES,
        "text": st.one_of(ANY_TEXT, JSON_VALUES),
        "persona": st.one_of(st.sampled_from(["career", "metal", "nobody"]), JSON_VALUES),
        "recent": JSON_VALUES,
    },
)
LINES = st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    REQUESTS.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    st.integers(1, 50_000).map(lambda n: b"[" * n + b"]" * (n % 3)),
).map(lambda b: b.replace(b"\n", b" "))


def _strict(name: str) -> None:
    raise AssertionError(f"{name} is not strict JSON")


@given(st.lists(LINES, max_size=6))
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_line_reader_answers_every_line_in_strict_json(
    guard: Guard, personas: list[Persona], lines: list[bytes]
) -> None:
    out = io.BytesIO()
    errors = serve(guard, personas, io.BytesIO(b"".join(line + b"\n" for line in lines)), out)
    answers = [json.loads(x, parse_constant=_strict) for x in out.getvalue().decode("utf-8").split("\n")[:-1]]
    assert len(answers) == sum(1 for line in lines if line.strip())
    assert all(isinstance(a, dict) and "id" in a and ("error" in a) != ("fits" in a) for a in answers)
    assert errors == sum("error" in a for a in answers)
