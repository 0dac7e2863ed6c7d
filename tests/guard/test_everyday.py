"""A post about the day is not about a persona's subject; it is about a persona whose subject is everyday life.

Every persona competes with everyday life (``scoring.EVERYDAY``, ``everyday_step``). Posts written for these tests;
figures: bench/README.md, "Issue 14, phase 18".
"""

from __future__ import annotations

import numpy as np
import pytest

from personamgr.core.guard import Guard
from personamgr.core.guard.scoring import with_everyday
from personamgr.core.personas import Persona

RESEARCH = Persona(
    name="research", description="Machine learning research: papers, models, training runs and benchmarks",
    topics=("machine learning", "deep learning", "research papers", "neural networks"),
    keywords=("model", "GPU", "dataset"))
METAL = Persona(
    name="metal", description="Heavy metal: bands, riffs, gigs and albums",
    topics=("heavy metal", "bands", "concerts", "albums"), keywords=("riff", "guitar", "setlist"))
HOME = Persona(
    name="home", description="Family life at home: my kids, our days, the house and our weekends",
    topics=("family", "parenting", "home life", "kids"), keywords=("school run", "bedtime"))

SLEEP = "Couldn't sleep at all last night, running on coffee today"
CHORES = "Laundry, groceries, hoovering: my whole Saturday gone"


@pytest.mark.parametrize("text", [SLEEP, CHORES])
def test_a_post_about_the_day_warns_on_a_persona_about_a_subject(guard: Guard, text: str) -> None:
    r = guard.check([RESEARCH, METAL], text, "research")
    assert r.judged and not r.fits
    assert [x.kind for x in r.warnings] == ["topic"]


@pytest.mark.parametrize(("persona", "text"), [
    ("research", "Finally got the model to converge, time for coffee"),
    ("research", "Por fin el modelo converge, me voy a por un café"),
    ("research", "やっとモデルが収束した。コーヒー休憩にしよう"),
    ("metal", "Ironing my band shirt for the gig tonight, can't wait"),
    ("metal", "Planchando la camiseta del grupo para el concierto de esta noche"),
    ("metal", "今夜のライブ用にバンTにアイロンかけてる"),
])
def test_a_personas_own_casual_post_fits(guard: Guard, persona: str, text: str) -> None:
    for personas in ([RESEARCH, METAL], [RESEARCH if persona == "research" else METAL]):
        r = guard.check(personas, text, persona)
        assert r.judged and r.fits, (len(personas), r.reasons)


@pytest.mark.parametrize("text", [
    SLEEP, CHORES,
    "No he pegado ojo esta noche, hoy voy a base de café",
    "Colada, compra y aspiradora: adiós a mi sábado",
    "昨日は全然眠れなかった。今日はコーヒーで乗り切る",
    "洗濯と買い出しと掃除で土曜日が終わった",
])
def test_a_post_about_the_day_fits_a_persona_about_everyday_life(guard: Guard, text: str) -> None:
    for personas in ([RESEARCH, METAL, HOME], [HOME]):
        r = guard.check(personas, text, "home")
        assert r.judged and r.fits, (len(personas), r.reasons)


def test_a_post_about_the_day_is_not_offered_to_another_subject(guard: Guard) -> None:
    r = guard.check([RESEARCH, METAL], SLEEP, "metal")
    assert set(r.scores) == {"research", "metal"}
    assert r.suggest is None


def test_everyday_life_leaves_each_personas_anchors_as_they_were(guard: Guard) -> None:
    """MiniLM's int8 model scales its activations per batch: read in a batch with a persona's texts, everyday life's
    would move that persona's anchors, and its score, whether or not everyday life fits the post."""
    personas = [RESEARCH, METAL, HOME]
    alone = guard.scorer(personas).profiles
    beside = guard.scorer(with_everyday(personas)).profiles
    for a, b in zip(alone, beside, strict=False):
        assert a.desc is not None and b.desc is not None
        assert np.array_equal(a.desc, b.desc) and np.array_equal(a.topics, b.topics), a.persona.name
