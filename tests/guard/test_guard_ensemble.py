"""English posts are scored by two different models, MiniLM and the static e5 word table, and their
calibrated scores mixed (``Calibration.w_static``). Posts and personas are written for these tests."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from personamgr.core.guard import Guard
from personamgr.core.guard.guard import clean_for_model
from personamgr.core.guard.scoring import relative_step
from personamgr.core.personas import Persona

POSTS = {
    "career": [
        "Three interviews this week and my resume finally gets callbacks. Job search tip: tailor every cover letter.",
        "Our company is hiring two senior accountants; the economy has not slowed our team down.",
    ],
    "metal": [
        "That riff in the second track is pure thrash. Vinyl preorder is in and the setlist leaked.",
        "Spent the evening restringing my seven-string guitar for tomorrow's heavy metal concert.",
    ],
    "kitchen": [
        "Baked sourdough bread for dinner and tried a new lasagne recipe from my grandmother's notebook.",
        "Best ramen restaurant in town: rich broth, soft egg, and the dumplings are homemade.",
    ],
}


def _twin(guard: Guard, **changes: object) -> Guard:
    """A guard sharing the loaded models, with other calibration."""
    g = Guard(guard.embedder, guard.background, replace(guard.calibration, **changes),  # type: ignore[arg-type]
              guard.sections)
    g.multilingual = guard.multilingual
    return g


def test_both_models_contribute_to_an_english_score(guard: Guard, personas: list[Persona]) -> None:
    assert guard.multilingual is not None, "the shipped multilingual table is missing"
    w = guard.calibration.w_static
    assert 0.0 < w < 1.0
    text = POSTS["metal"][0]
    sc = guard.scorer(personas)
    minilm, _ = sc.score(guard.embedder.embed(clean_for_model(text)), text)
    table = guard.multilingual.english_z(personas, text)
    assert table is not None
    assert not np.allclose(minilm, table, atol=0.05), "the two models should disagree somewhat"
    expected = relative_step((1.0 - w) * minilm + w * table, guard.calibration)
    names = [p.name for p in personas]
    for i, name in enumerate(names):
        r = guard.check(personas, text, name)
        assert r.extra["raw"] == pytest.approx(float(expected[i]), abs=1e-6)
    # and the mix is neither model alone
    alone = _twin(guard, w_static=0.0).check(personas, text, "career").extra["raw"]
    only_table = _twin(guard, w_static=1.0).check(personas, text, "career").extra["raw"]
    mixed = guard.check(personas, text, "career").extra["raw"]
    assert abs(mixed - alone) > 1e-4 and abs(mixed - only_table) > 1e-4


def test_without_the_table_the_guard_is_minilm_alone(guard: Guard, personas: list[Persona]) -> None:
    off = _twin(guard, w_static=0.0)
    no_table = _twin(guard)
    no_table.multilingual = None
    for text in (POSTS["kitchen"][0], POSTS["career"][1]):
        a = off.check(personas, text, "metal")
        b = no_table.check(personas, text, "metal")
        assert a.scores == pytest.approx(b.scores) and a.fits == b.fits and a.suggest == b.suggest


@pytest.mark.parametrize("owner", sorted(POSTS))
def test_english_posts_still_route_with_the_ensemble(guard: Guard, personas: list[Persona], owner: str) -> None:
    for text in POSTS[owner]:
        mine = guard.check(personas, text, owner)
        assert mine.fits and mine.suggest is None, (text, mine.scores)
        assert max(mine.scores, key=mine.scores.__getitem__) == owner
        for other in (p.name for p in personas if p.name != owner):
            r = guard.check(personas, text, other)
            assert not r.fits and r.suggest == owner, (text, other, r.scores)


def test_words_the_table_does_not_know_leave_minilm_to_judge(guard: Guard, personas: list[Persona]) -> None:
    assert guard.multilingual is not None
    text = "zqxv blorptang wuggle"
    assert guard.multilingual.english_z(personas, text) is None
    r = guard.check(personas, text, "career")
    off = _twin(guard, w_static=0.0).check(personas, text, "career")
    assert r.scores == pytest.approx(off.scores)


def test_the_table_reads_english_posts_on_its_main_components_for_english_personas(guard: Guard) -> None:
    """Beside MiniLM, the table's 96 main components make the better second opinion; a persona written in
    another language, which only the table reads, keeps all of them (MLSettings.english_dims)."""
    ml = guard.multilingual
    assert ml is not None and ml.english.table.dim == ml.settings.english_dims < ml.table.dim
    english = Persona(name="kitchen", description="Home cooking, recipes and baking", topics=("cooking", "recipes"))
    spanish = Persona(name="cocina", description="Cocina casera, recetas y repostería", topics=("cocina", "recetas"))
    text = POSTS["kitchen"][0]
    pair = [english, spanish]
    mixed = ml.english_z(pair, text)
    main = ml.english._english_z(ml.english.scorer(pair, "en"), text)
    full = ml._english_z(ml.scorer(pair, "en"), text)
    assert mixed is not None and main is not None and full is not None
    assert mixed[0] == pytest.approx(main[0]) and mixed[1] == pytest.approx(full[1])
    assert mixed[0] != pytest.approx(full[0])
