"""The topic fit: the sectioned background (topic knowledge base), the vectorised scorer and the verdict
on posts written for these tests (never benchmark text)."""

from __future__ import annotations

import math
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from personamgr.core.guard import Guard, scoring
from personamgr.core.guard import background as bgfile
from personamgr.core.guard.embed import MODEL_DIR
from personamgr.core.guard.guard import TOPIC_CHARS
from personamgr.core.guard.scoring import Scorer
from personamgr.core.personas import Persona


def test_parse_sections_and_background_only_posts() -> None:
    bt = bgfile.parse("# a comment\nbefore any header\n# -- music\nnew album out\n\n# ~~ misc\nhello\n"
                      "# -- sports\nwhat a goal\n# -- music\ngig tonight\n")
    assert bt.posts == ("before any header", "new album out", "hello", "what a goal", "gig tonight")
    assert bt.sections == ("music", "sports")
    assert bt.labels == (-1, 0, -1, 1, 0)


def test_shipped_background_matches_its_vectors() -> None:
    """A background.txt edited without rebuilding background.npz would silently lose the knowledge base."""
    bt = bgfile.read(MODEL_DIR)
    vecs, labels = bgfile.load(MODEL_DIR)
    assert len(bt.posts) == len(vecs) == len(labels)
    assert (labels >= 0).any()
    counts = np.bincount(labels[labels >= 0])
    assert len(bt.sections) >= 20 and counts.min() >= 10, dict(zip(bt.sections, counts, strict=True))


def test_mismatched_vectors_drop_the_sections_not_the_guard(tmp_path: Path) -> None:
    (tmp_path / bgfile.TEXT_FILE).write_text("# -- music\none\ntwo\n", encoding="utf-8")
    bgfile.save(tmp_path / bgfile.VECTORS_FILE, np.ones((3, 4), dtype=np.float32))
    vecs, labels = bgfile.load(tmp_path)
    assert vecs.shape == (3, 4) and (labels == -1).all()


def _weights(guard: Guard, personas: list[Persona]) -> dict[str, dict[str, float]]:
    sections = bgfile.read(MODEL_DIR).sections
    sc = guard.scorer(personas)
    out = {}
    for prof in sc.profiles:
        assert prof.kb_weights is not None
        out[prof.persona.name] = {sections[i]: float(w) for i, w in enumerate(prof.kb_weights)}
    return out


def test_a_two_subject_persona_borrows_both_subjects(guard: Guard) -> None:
    ps = [
        Persona(name="eat-travel", description="Eating my way around the world",
                topics=("restaurants", "recipes", "travel", "trips abroad")),
        Persona(name="metal", description="Heavy metal, guitars, gigs and albums I love",
                topics=("heavy metal", "concerts")),
    ]
    w = _weights(guard, ps)
    assert w["eat-travel"]["food and dining"] > 0.2, w["eat-travel"]
    assert w["eat-travel"]["travel and adventure"] > 0.2, w["eat-travel"]
    assert max(w["metal"], key=w["metal"].get) == "music"


PERSONA_SHAPES = [
    Persona(name="full", description="Careers and hiring", topics=("careers", "hiring"), keywords=("resume",),
            examples=("Five questions to ask at the end of every interview", "Hiring is slowing down"),
            avoid=("heavy metal",)),
    Persona(name="topics-only", topics=("cooking",)),
    Persona(name="description-only", description="Football and match-day takes"),
    Persona(name="keywords-only", keywords=("riff", "setlist", "vinyl")),
    Persona(name="examples-only", examples=("New vinyl pressing arrived, spinning it tonight",)),
]


def test_vectorised_scoring_equals_the_per_persona_formula(guard: Guard) -> None:
    sc: Scorer = guard.scorer(PERSONA_SHAPES)
    rng = np.random.default_rng(3)
    v = sc.centered(rng.normal(size=(25, sc.background.shape[1])).astype(np.float32))
    v[0] = sc.centered(guard.embedder.embed("Got the job after four interviews!")[None, :])[0]
    sec = sc.section_scores(v)
    assert sec is not None
    for r in range(len(v)):
        fast, _ = sc.raw_one(v[r], sec[r])
        slow = [float(sc._raw_many(p, v[r:r + 1], sec[r:r + 1])[0]) for p in sc.profiles]
        np.testing.assert_allclose(fast, slow, atol=1e-5)


def test_section_scores_a_slice_of_rows_at_a_time_equal_the_whole(guard: Guard, personas: list[Persona]) -> None:
    """``SECTION_ROWS`` bounds the temporaries of a profile's first build; each row's scores stay its own, and the
    layout stays that of the whole gather's (a column sum over another layout rounds differently in the last bit)."""
    sc = guard.scorer(personas)
    v = sc.background
    assert len(v) > 4 * scoring.SECTION_ROWS
    s = v @ sc._kb.T
    s[sc._kb_rows, np.arange(len(sc._kb_rows))] = -2.0
    s = np.concatenate([s, np.full((len(v), 1), -2.0, dtype=s.dtype)], axis=1)
    g = s[:, sc._kb_index]  # every row at once
    whole = np.partition(g, g.shape[2] - sc._kb_top, axis=2)[:, :, -sc._kb_top:].mean(axis=2)
    sliced = sc.section_scores(v, exclude_self=True)
    assert sliced is not None and sliced.dtype == whole.dtype and np.array_equal(sliced, whole)
    assert sliced.strides == whole.strides and np.array_equal(sliced.std(axis=0), whole.std(axis=0))


def test_without_sections_the_guard_still_scores(guard: Guard, personas: list[Persona]) -> None:
    """The multilingual path builds its own Scorer without a knowledge base."""
    plain = Guard(guard.embedder, guard.background, guard.calibration)
    r = plain.check(personas, "Sent my resume to three companies today", "career")
    assert r.judged and 0.0 <= r.score <= 1.0 and set(r.scores) == {p.name for p in personas}


# Posts written for this test. Each is plainly about one persona's focus in words the persona never declared,
# which is what the knowledge base is for.
ON_TOPIC = [
    ("career", "Got the offer after three rounds and a take-home task, starting in March"),
    ("career", "My manager finally approved my promotion, all those late nights paid off"),
    ("career", "Thirty applications and two callbacks, the market is brutal right now"),
    ("metal", "Front row last night, my ears are still ringing from the encore"),
    ("metal", "Their new record is heavier than anything they've done, no skips"),
    ("metal", "Restrung my Les Paul and practised the solo for two hours"),
    ("kitchen", "Lasagne from scratch tonight, four hours well spent"),
    ("kitchen", "My sourdough finally rose properly, crusty and soft inside"),
    ("kitchen", "Tried that little ramen place by the station, worth the queue"),
]


@pytest.mark.parametrize(("owner", "text"), ON_TOPIC)
def test_plain_posts_fit_their_persona(guard: Guard, personas: list[Persona], owner: str, text: str) -> None:
    r = guard.check(personas, text, owner)
    assert r.fits, (r.score, r.scores, [x.message for x in r.reasons])
    assert max(r.scores, key=r.scores.get) == owner


def test_plain_posts_are_flagged_on_the_other_personas_and_routed_home(
        guard: Guard, personas: list[Persona]) -> None:
    flagged, pairs = 0, 0
    for owner, text in ON_TOPIC:
        for other in (p.name for p in personas if p.name != owner):
            r = guard.check(personas, text, other)
            pairs += 1
            flagged += not r.fits
            assert r.score < r.scores[owner], (text, other, r.scores)
            if not r.fits:
                assert r.suggest == owner, (text, other, r.scores)
    # "kitchen" is relaxed, so a borderline post may pass there; nearly all must still be caught
    assert flagged >= 0.85 * pairs, f"{flagged} of {pairs}"


def test_everyday_posts_are_not_all_flagged(guard: Guard, personas: list[Persona]) -> None:
    """A post that belongs to nobody is off focus for all; one that belongs to somebody fits there."""
    r = guard.check(personas, "My cat knocked the plant off the windowsill again", "career")
    assert not r.fits
    assert guard.check(personas, "Which questions do you ask at the end of an interview?", "career").fits


def test_concurrent_checks_agree_with_serial_ones(guard: Guard, personas: list[Persona]) -> None:
    """The GUI's worker and the scheduler may check at the same time; the helper thread is shared."""
    texts = [t for _, t in ON_TOPIC]
    want = [guard.check(personas, t, "career").scores for t in texts]
    got: dict[int, dict[str, float]] = {}

    def run(i: int) -> None:
        got[i] = guard.check(personas, texts[i], "career").scores

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, w in enumerate(want):
        assert got[i] == pytest.approx(w, abs=1e-6)


@pytest.mark.parametrize(("phrase", "text", "hit"), [
    ("interview", "Three interviews this week", True),
    ("movies", "Movie night with the kids", True),
    ("job search", "My job searches go nowhere", True),
    ("tv shows", "This TV show is great", True),
    ("AI", "Is #AI overhyped?", True),
    ("news", "My new phone arrived", False),
    ("band", "Broadband is down again", False),
    ("riff", "Riffing on the idea", False),
])
def test_declared_words_match_their_plural_and_singular(phrase: str, text: str, hit: bool) -> None:
    from personamgr.core.guard.scoring import inflected_pattern

    pat = inflected_pattern(phrase)
    assert pat is not None and bool(pat.search(text)) is hit


def test_an_inflected_keyword_is_named_as_the_reason(guard: Guard, personas: list[Persona]) -> None:
    r = guard.check(personas, "Back-to-back interviews all afternoon, exhausted", "career")
    assert r.fits and "interview" in r.matched_keywords


@pytest.mark.parametrize("text", ["x", "ok", "👍", "@someone", "https://example.com/a/b", "#1", "ok @bob 10"])
def test_too_few_words_are_not_judged(guard: Guard, personas: list[Persona], text: str) -> None:
    """The meter must not warn on a first keystroke, nor the send-time check on a one-word reply."""
    r = guard.check(personas, text, "career")
    assert r.fits and not r.judged and r.suggest is None
    assert any("Too few words" in x.message and not x.warning for x in r.reasons)


@pytest.mark.parametrize("text", ["Metallica!", "Riffs", "ギター"])
def test_one_real_word_is_enough_to_judge(guard: Guard, personas: list[Persona], text: str) -> None:
    assert not any("Too few words" in x.message for x in guard.check(personas, text, "career").reasons)


def test_a_persona_with_examples_is_judged_at_its_own_threshold(guard: Guard) -> None:
    """Examples lift every real post of a persona, so its verdict's threshold sits ``examples_shift`` higher;
    without the shift, the same persona would warn less the more the user told about it."""
    plain = Persona(name="garden", description="Vegetable gardening at home", topics=("gardening", "vegetables"))
    told = Persona(name="garden", description=plain.description, topics=plain.topics,
                   examples=("Planted three rows of garlic before the frost", "First ripe tomatoes of the summer"))
    chess = Persona(name="chess", topics=("chess", "openings"))
    post = "Finally finished the quarterly tax return"
    a = guard.check([plain, chess], post, "garden")
    b = guard.check([told, chess], post, "garden")
    assert b.threshold > a.threshold
    unshifted = Guard(guard.embedder, guard.background, replace(guard.calibration, examples_shift=0.0), guard.sections)
    unshifted.multilingual = guard.multilingual
    assert unshifted.check([told, chess], post, "garden").threshold == pytest.approx(a.threshold)


@pytest.mark.parametrize(("post", "language"), [
    ("Finally finished the quarterly tax return", "en"),
    ("Por fin terminé la declaración trimestral de impuestos de la empresa", "es"),
    ("Τελικά τελείωσα τη φορολογική δήλωση του τριμήνου για την εταιρεία", "el"),
    ("やっと四半期の確定申告が終わった。会社の書類は本当に多い", "ja"),
], ids=["english", "spanish", "greek", "japanese"])
def test_the_examples_shift_is_the_post_languages(guard: Guard, post: str, language: str) -> None:
    """Examples lift a persona's posts by how well the language's reader matches them to the examples, so
    the shift that keeps its false warnings at those of the same persona without examples is per language
    (``MLSettings.examples_shifts``; English keeps ``Calibration.examples_shift``). Japanese, which e5 reads,
    needs the most: with the English shift, five examples caught less than none on the dev tweets."""
    plain = Persona(name="garden", description="Vegetable gardening at home", topics=("gardening", "vegetables"))
    told = replace(plain, examples=("Planted three rows of garlic before the frost",
                                    "First ripe tomatoes of the summer"))
    chess = Persona(name="chess", topics=("chess", "openings"))
    a = guard.check([plain, chess], post, "garden")
    b = guard.check([told, chess], post, "garden")
    assert a.language == b.language == language
    assert guard.multilingual is not None
    shifts = guard.multilingual.settings.examples_shifts
    cal = guard.calibration
    shift = shifts.get(language, cal.examples_shift)
    assert a.threshold == pytest.approx(0.5)  # the shown threshold: 0.5 is the normal one (Scorer.display)
    assert b.threshold == pytest.approx(1 / (1 + math.exp(-shift / cal.display_scale)))
    assert shifts["ja"] != guard.calibration.examples_shift  # the Japanese path is not judged at English's


@pytest.mark.parametrize("tail", [
    "Negotiating an offer this month? Ask for the range before you name a number. ",
    "今日は転職の面接で、最初の五分で給料のことを聞かれました。",
], ids=["english", "japanese"])
def test_a_post_longer_than_any_network_allows_is_judged_on_its_beginning(
        guard: Guard, personas: list[Persona], tail: str) -> None:
    """A pasted log or a whole file held the checker for seconds and gigabytes (a 5 MB post: 8 s and 700 MB;
    1.2 million Japanese characters: 16 s and 2.4 GB), on every keystroke. The topic is judged on the post's
    first ``TOPIC_CHARS`` characters, more than any network takes; the length still counts all of it."""
    head = ("Which albums made you pick up a guitar? Mine: Master of Puppets. " * 100)[:TOPIC_CHARS]
    long = guard.check(personas, head + tail * 300, "metal")
    short = guard.check(personas, head + tail, "metal")
    assert long.scores == short.scores and long.language == short.language == "en"
    assert long.length > short.length > TOPIC_CHARS and long.too_long
