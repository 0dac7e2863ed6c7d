"""The English gloss of a post in Spanish, Greek or Japanese, and MiniLM reading it (our own words and posts).

The word table maps each Spanish, Greek and Japanese word to its nearest English word in e5's space
(scripts/build_multilingual_table.py, ``gloss_map``); MiniLM, which reads English only, reads the gloss.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from personamgr.core.guard import Guard
from personamgr.core.guard.multilingual import WordTable
from personamgr.core.guard.scoring import everyday_step, with_everyday
from personamgr.core.personas import Persona


@pytest.fixture(scope="module")
def table(guard: Guard) -> WordTable:
    assert guard.multilingual is not None
    return guard.multilingual.table


@pytest.mark.parametrize(("word", "english"), [
    ("huevos", "eggs"), ("guitarra", "guitar"), ("montaña", "mountain"), ("fútbol", "football"),
    ("μάχες", "battles"), ("τηλεσκόπιο", "telescope"), ("ντομάτες", "tomatoes"), ("ποδόσφαιρο", "football"),
    ("学校", "school"), ("猫", "cat"), ("ギター", "guitar"), ("カメラ", "camera"), ("自転車", "bike"),
])
def test_a_word_reads_as_its_english_word(table: WordTable, word: str, english: str) -> None:
    assert table.read(word).gloss == english


def test_a_post_reads_word_by_word(table: WordTable) -> None:
    # "esta" is a function word (no gloss); "cocino", "una" are on the English list (names, loanwords)
    assert table.read("Esta noche cocino una receta de pan").gloss == "night cocino una recipe de pan"
    assert table.read("Hoy he plantado tomates").gloss == "today he planted tomatoes"
    assert table.read("Σήμερα φύτεψα ντομάτες").gloss.split()[::2] == ["today", "tomatoes"]
    assert table.read("今日は庭にトマトを植えた").gloss.split()[:2] == ["today", "garden"]


def test_function_words_have_no_gloss_and_unknown_words_read_as_written(table: WordTable) -> None:
    """A frequent word's nearest English word is noise (και, の); a name the table lacks is still a name."""
    assert table.read("και το").gloss == ""
    assert table.read("の は").gloss == ""
    assert table.read("Zxqwerty y Ξχψω").gloss.split()[0] == "zxqwerty"
    assert "ξχψω" in table.read("Zxqwerty y Ξχψω").gloss.split()


def test_one_pass_gives_the_vector_and_the_gloss(table: WordTable) -> None:
    text = "Receta fácil: pan casero con masa madre #CocinaFácil https://example.com @amiga"
    r = table.read(text)
    assert (r.ids, r.total) == table.tokens(text)
    assert np.array_equal(table.embed(r)[0], table.embed(text)[0])
    assert "example" not in r.gloss and "amiga" not in r.gloss


SUBJECTS = [
    Persona(name="stars", description="Amateur astronomy: telescopes, planets, the night sky",
            topics=("astronomy", "telescopes", "planets")),
    Persona(name="kitchen", description="Home cooking, recipes and baking",
            topics=("cooking", "recipes", "baking")),
    Persona(name="pitch", description="Football: matches, goals, the league",
            topics=("football", "matches", "league")),
]


@pytest.mark.parametrize(("text", "subject"), [
    ("Είδα τον Κρόνο με το τηλεσκόπιο απόψε, οι δακτύλιοι φαίνονταν καθαρά", "stars"),
    ("Μαγείρεψα μουσακά για όλη την οικογένεια, η συνταγή της γιαγιάς", "kitchen"),
    ("Τι γκολ στο τελευταίο λεπτό του αγώνα, η ομάδα μας πρώτη στο πρωτάθλημα", "pitch"),
])
def test_minilm_reads_a_greek_post_through_its_gloss(guard: Guard, table: WordTable, text: str,
                                                      subject: str) -> None:
    """MiniLM has no Greek words; through the gloss it ranks the post's subject first, on its own."""
    sc = guard.scorer(SUBJECTS)
    z = guard._minilm_language_z(sc, table.read(text).gloss, text, "el")
    assert [p.name for p in SUBJECTS][int(np.argmax(z))] == subject


def test_a_greek_post_gets_minilms_opinion(guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the gloss, a Greek post was the word table's alone: without the Greek reading the scores differ."""
    assert guard.multilingual is not None
    text = "Είδα τον Κρόνο με το τηλεσκόπιο απόψε, οι δακτύλιοι φαίνονταν καθαρά"
    with_minilm = guard.check(SUBJECTS, text, "stars")
    monkeypatch.setattr(guard.multilingual, "settings", replace(guard.multilingual.settings, minilm_shares={}))
    table_only = guard.check(SUBJECTS, text, "stars")
    assert with_minilm.language == table_only.language == "el" and with_minilm.judged and with_minilm.fits
    assert with_minilm.scores != table_only.scores


@pytest.mark.parametrize(("text", "language", "share"), [
    ("Anoche probamos unos calamares buenísimos en el puerto, qué ricos", "es", 0.7),
    ("Μαγείρεψα μουσακά για όλη την οικογένεια, η συνταγή της γιαγιάς", "el", 0.5),
])
def test_minilms_share_of_a_post_is_its_languages(guard: Guard, table: WordTable, text: str, language: str,
                                                   share: float) -> None:
    """MiniLM's reading of the gloss carries most of a Spanish post's score: there it ranks far better than the
    table, whose misses (slang, forms it lacks) pulled on-focus posts under the threshold at an equal share. In
    Greek, where the table ranks better, the two still weigh alike (bench/README.md, "Issue 14, phase 13")."""
    ml = guard.multilingual
    assert ml is not None
    read = table.read(text)
    personas = with_everyday(SUBJECTS)  # as the guard scores them: everyday life competes with each
    scored = ml.score(personas, text, language, read)
    assert scored is not None
    minilm = guard._minilm_language_z(guard.scorer(personas), read.gloss, text, language)
    mixed = everyday_step((1.0 - share) * scored.z + share * minilm, ml.settings.calibration)
    r = guard.check(SUBJECTS, text, "kitchen")
    assert r.language == language and r.judged
    assert r.extra["raw"] == pytest.approx(
        mixed[1] - ml.settings.thresholds[language] + guard.calibration.threshold, abs=1e-9)
