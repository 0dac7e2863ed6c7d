"""Personas written in Spanish or Japanese judge posts in their own language and in English.

Posts are our own (tests/guard/subject_check_posts.py); figures: scripts/guard_checks.py --languages.
"""

from __future__ import annotations

import numpy as np
import pytest
from guard.subject_check_posts import PERSONAS_ES, PERSONAS_JA, POSTS_ES, POSTS_JA, SUBJECTS, LocalPersona

from personamgr.core.guard import Guard
from personamgr.core.guard.e5 import E5Reading
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
    # the first three: food, football, photography. Not with shogi: a football match and a shogi match share
    # their words (試合 a match, 逆転 a comeback), and the national team's comeback scores alike on both.
    personas = _personas(spec)[:3]
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


def test_minilm_reads_a_focus_written_in_spanish_or_japanese_through_its_gloss(guard: Guard) -> None:
    """MiniLM reads English only: a focus as written gave it next to nothing to match a glossed post against."""
    assert guard.multilingual is not None
    cocina, ryouri = _personas(PERSONAS_ES)[0], _personas(PERSONAS_JA)[0]
    english = Persona(name="cooking", description="Home cooking, recipes and restaurants")
    embed = guard._minilm_embed([cocina, ryouri, english])
    for p in (cocina, ryouri):
        gloss = guard.multilingual.table.read(p.description).gloss
        assert gloss and gloss != p.description
        np.testing.assert_allclose(embed([p.description]), guard.embedder.embed_many([gloss]), atol=1e-6)
    np.testing.assert_allclose(embed([english.description]), guard.embedder.embed_many([english.description]),
                               atol=1e-6)


def _twin(guard: Guard) -> Guard:
    """A guard sharing the loaded parts, whose own parts a test may change."""
    g = Guard(guard.embedder, guard.background, guard.calibration, guard.sections)
    g.multilingual, g.common_words, g.e5_dir = guard.multilingual, guard.common_words, guard.e5_dir
    g.language_backgrounds = dict(guard.language_backgrounds)
    return g


def test_a_persona_written_in_japanese_on_a_spanish_post_is_moved_from_the_japanese_gloss(guard: Guard) -> None:
    """Why MiniLM's vectors of the Japanese gloss ship, though e5 reads every Japanese post: on a Spanish post,
    MiniLM reads a persona written in Japanese through its gloss, moved from the Japanese gloss's centre."""
    personas = [_personas(PERSONAS_JA)[0], *_personas(PERSONAS_ES)[1:3]]
    text = "Anoche hice gyozas caseras, el relleno quedó jugosísimo"
    without = _twin(guard)
    del without.language_backgrounds["ja"]  # the persona is moved from the English centre instead
    assert guard.check(personas, text, personas[0].name).scores != without.check(personas, text,
                                                                                personas[0].name).scores


def test_a_persona_written_in_spanish_on_a_japanese_post_is_moved_by_e5s_spanish_shift(guard: Guard) -> None:
    """Why e5-background.npz holds the Spanish ordinary posts, though e5 reads Japanese posts only: a persona
    written in Spanish is moved by its own language's direction in e5's space."""
    e5 = guard.e5_reading()
    assert e5 is not None
    personas = [_personas(PERSONAS_ES)[0], *_personas(PERSONAS_JA)[1:3]]
    text = "手作りの餃子を焼いた、中がとてもジューシー"
    without = _twin(guard)
    without._e5 = E5Reading(e5.encoder, e5.knowledge, e5.sections,
                            {lang: v for lang, v in e5.ordinary.items() if lang != "es"}, e5.persona_language)
    assert guard.check(personas, text, personas[0].name).scores != without.check(personas, text,
                                                                                personas[0].name).scores


@pytest.mark.parametrize(
    ("persona", "text"),
    [
        (_personas(PERSONAS_ES)[5], "Mi hermana se casa en junio y ya estamos buscando vestido"),
        (_personas(PERSONAS_ES)[2], "Anoche fui a un concierto de rock, la guitarra sonaba brutal"),
        (Persona(name=SUBJECTS[3].name, description=SUBJECTS[3].description, topics=SUBJECTS[3].topics),
         "今月の電気代が高すぎる"),
    ],
    ids=lambda v: v.name if isinstance(v, Persona) else None,
)
def test_a_persona_alone_warns_on_a_clear_stray_in_spanish_or_japanese(guard: Guard, persona: Persona,
                                                                       text: str) -> None:
    """A lone persona has no other to lose to; at the English lone threshold (``Calibration.alone_shift``) it
    let nearly every Spanish or Japanese stray through (``MLSettings.alone_shifts``)."""
    r = guard.check([persona], text, persona.name)
    assert r.judged and not r.fits


def test_a_persona_written_in_japanese_alone_warns_on_the_other_subjects_japanese_posts(guard: Guard) -> None:
    """Each of our Japanese personas alone, on each of our Japanese posts on another subject: at least a quarter
    are warned (29.5 %; 27.1 % before multilingual-e5 read Japanese posts: scripts/guard_checks.py --languages).
    Which single post crosses the line moves with the model: once e5 read them, a concert post on the gardening
    persona and a sushi post on the photography one fit alone, where MiniLM's reading warned (bench/README.md,
    "Issue 14, phase 11"); the share is what the lone threshold (``MLSettings.alone_shifts``) answers for."""
    strays = [(p, text) for p in _personas(PERSONAS_JA) for owner, text in POSTS_JA if owner != p.name]
    warned = [not guard.check([p], text, p.name).fits for p, text in strays]
    assert sum(warned) / len(warned) >= 0.25


@pytest.mark.parametrize(("spec", "posts"), [(PERSONAS_ES, POSTS_ES), (PERSONAS_JA, POSTS_JA)], ids=["es", "ja"])
def test_a_persona_alone_fits_its_own_posts_in_either_language(
    guard: Guard, spec: tuple[LocalPersona, ...], posts: tuple[tuple[str, str], ...]
) -> None:
    for p in _personas(spec):
        for owner, text in posts:
            if owner == p.name:
                r = guard.check([p], text, p.name)
                assert r.fits, (p.name, text, r.reasons)
