"""A post about the day is not about a persona's subject; it is about a persona whose subject is everyday life.

Every persona competes with everyday life (``scoring.EVERYDAY``, ``everyday_step``). Posts written for these tests;
figures: bench/README.md, "Issue 14, phase 18".
"""

from __future__ import annotations

import numpy as np
import pytest

from personamgr.core.guard import Guard
from personamgr.core.guard import e5 as e5_module
from personamgr.core.guard.embed import MAX_TOKENS, embed_in_batches, safe_text
from personamgr.core.guard.scoring import EVERYDAY, with_everyday
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


class _Reads:
    """An onnxruntime session that notes the word pieces of every text it reads, and reads them."""

    def __init__(self, session: object) -> None:
        self.session = session
        self.texts: list[list[int]] = []

    def run(self, names: object, feed: dict[str, np.ndarray]) -> object:
        for ids, mask in zip(feed["input_ids"], feed["attention_mask"], strict=True):
            self.texts.append(ids[mask > 0].tolist())
        return self.session.run(names, feed)  # type: ignore[attr-defined]


def test_everyday_life_is_read_once_for_every_persona_set(guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    """Everyday life's anchors never change for a model, and every persona set has them: a new set reads its own
    texts only (MiniLM and e5 alike), and gets everyday life's vectors as a fresh reading gives them."""
    e5 = guard.e5_reading()
    assert e5 is not None
    guard.check([RESEARCH, METAL], "今夜のライブ用にバンTにアイロンかけてる", "metal")  # a first set: read here if ever
    minilm = _Reads(guard.embedder._session)
    e5_reads = _Reads(e5.encoder._session)
    monkeypatch.setattr(guard.embedder, "_session", minilm)
    monkeypatch.setattr(e5.encoder, "_session", e5_reads)
    chess = Persona(name="chess", description="Chess: openings, endgames, tournaments and puzzles",
                    topics=("chess", "openings", "endgames"))
    for text in ("Won my first tournament game with the Sicilian today",
                 "Hoy gané mi primera partida de torneo con la siciliana",
                 "今日はシシリアンで大会初勝利"):
        guard.check([chess, HOME], text, "chess")
    everyday = EVERYDAY.description
    assert minilm.texts and guard.embedder._tok.encode(safe_text(everyday), MAX_TOKENS) not in minilm.texts
    assert e5_reads.texts and e5.encoder._tok.encode(safe_text(everyday), e5_module.MAX_PIECES) not in e5_reads.texts
    monkeypatch.undo()
    sc = guard.scorer(with_everyday([chess, HOME]))
    anchors = [everyday, *(sc.cal.topic_template.replace("{}", t) for t in EVERYDAY.topics)]
    tok = guard.embedder._tok
    fresh = sc.centered(embed_in_batches(guard.embedder._session, lambda t: tok.encode(safe_text(t), MAX_TOKENS),
                                         anchors, 16))
    mine = sc.profiles[-1]
    assert mine.persona is EVERYDAY and mine.desc is not None
    assert np.array_equal(mine.desc, fresh[0]) and np.array_equal(mine.topics, fresh[1:])
