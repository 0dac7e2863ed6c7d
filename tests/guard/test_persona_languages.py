"""Personas written in Spanish or Japanese judge posts in their own language and in English.

Posts are our own (tests/guard/subject_check_posts.py); figures: scripts/guard_checks.py --languages.
"""

from __future__ import annotations

import pytest
from guard.subject_check_posts import PERSONAS_ES, PERSONAS_JA, LocalPersona

from personamgr.core.guard import Guard
from personamgr.core.personas import Persona


def _personas(spec: tuple[LocalPersona, ...]) -> list[Persona]:
    return [Persona(name=p.name, description=p.description, topics=p.topics, examples=p.examples) for p in spec]


@pytest.mark.parametrize(("spec", "expected"), [(PERSONAS_ES, "es"), (PERSONAS_JA, "ja")])
def test_the_persona_language_is_recognised(guard: Guard, spec: tuple[LocalPersona, ...], expected: str) -> None:
    assert guard.multilingual is not None
    assert {guard.multilingual.persona_language(p) for p in _personas(spec)} == {expected}


@pytest.mark.parametrize(
    ("spec", "owner", "text"),
    [
        (PERSONAS_JA, "sakkaa", "Great football match tonight, two goals in the last ten minutes"),
        (PERSONAS_JA, "ryouri", "Made homemade gyoza tonight, the filling was so juicy"),
        (PERSONAS_JA, "sakkaa", "日本代表が逆転勝ち、最後まで目が離せない試合だった"),
        (PERSONAS_ES, "futbol", "What a match, the striker scored a hat trick in the second half"),
        (PERSONAS_ES, "jardin", "Las hortensias del jardín están preciosas este año"),
    ],
)
def test_a_post_in_either_language_fits_its_persona_better_than_the_others(
    guard: Guard, spec: tuple[LocalPersona, ...], owner: str, text: str
) -> None:
    personas = _personas(spec)
    home = guard.check(personas, text, owner)
    assert home.fits and home.judged
    for p in personas:
        if p.name != owner:
            r = guard.check(personas, text, p.name)
            assert r.score < home.score
            assert r.fits or r.suggest == owner


@pytest.mark.parametrize(
    ("spec", "persona", "text"),
    [
        (PERSONAS_JA, "ryouri", "Great football match tonight, two goals in the last ten minutes"),
        (PERSONAS_JA, "shashin", "日本代表が逆転勝ち、最後まで目が離せない試合だった"),
        (PERSONAS_ES, "cocina", "What a match, the striker scored a hat trick in the second half"),
        (PERSONAS_ES, "futbol", "Receta de hoy: tortilla de patatas jugosa con cebolla caramelizada"),
    ],
)
def test_a_clear_stray_in_either_language_is_flagged(
    guard: Guard, spec: tuple[LocalPersona, ...], persona: str, text: str
) -> None:
    r = guard.check(_personas(spec), text, persona)
    assert r.judged and not r.fits and r.suggest is not None


def test_an_english_persona_still_reads_english_posts_with_its_own_model(guard: Guard, personas: list[Persona]) -> None:
    assert guard.multilingual is not None
    assert {guard.multilingual.persona_language(p) for p in personas} == {"en"}
    w = guard._static_weights(guard.scorer(personas))
    assert (w == guard.calibration.w_static).all()
    mixed = [*personas, _personas(PERSONAS_JA)[0]]
    assert guard._static_weights(guard.scorer(mixed)).tolist() == [guard.calibration.w_static] * 3 + [1.0]
