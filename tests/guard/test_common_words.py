"""Naming a Latin-script language the guard cannot read, without taking a post from English or Spanish.

The posts are our own: the guard's background posts (written for it), the check posts of these tests, and
sentences written here.
"""

from __future__ import annotations

import pytest
from guard.ml_check_posts import POSTS
from guard.subject_check_posts import EVERYDAY, POSTS_ES, SUBJECTS

from personamgr.core.guard import languages
from personamgr.core.guard.background import read
from personamgr.core.guard.common_words import READ, CommonWords, parse
from personamgr.core.guard.guard import MODEL_DIR
from personamgr.core.guard.lang import guess_language


@pytest.fixture(scope="module")
def common() -> CommonWords:
    return CommonWords.load(MODEL_DIR)


def named(common: CommonWords, text: str) -> str:
    return common.name(text, guess_language(text))


def test_every_language_of_the_list_has_a_name_to_show(common: CommonWords) -> None:
    assert set(READ) < set(common.languages)
    missing = [code for code in common.languages if languages.name(code) is None]
    assert not missing


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_background_post_the_guard_reads_is_renamed(common: CommonWords, language: str) -> None:
    posts = read(MODEL_DIR, language).posts
    renamed = [p for p in posts if guess_language(p) in READ and named(common, p) != guess_language(p)]
    assert not renamed


def test_no_check_post_is_renamed(common: CommonWords) -> None:
    english = [p for s in SUBJECTS for p in (*s.posts, *s.examples)] + list(EVERYDAY)
    others = [t for t, _ in POSTS_ES] + [t for posts in POSTS.values() for _, t in posts]
    renamed = [p for p in english + others if named(common, p) != guess_language(p)]
    assert not renamed


@pytest.mark.parametrize(("text", "code"), [
    ("Mijn tomaten zijn eindelijk rijp, de compost heeft dit jaar wonderen gedaan", "nl"),  # was "es"
    ("I miei pomodori sono finalmente maturi dopo tutta questa pioggia", "it"),  # was "en"
    ("Morgen habe ich ein Vorstellungsgespräch und ich bin ziemlich nervös", "de"),
    ("Jutro mam rozmowę o pracę i trochę się denerwuję", "pl"),
    ("Yarın bir iş görüşmem var ve biraz gerginim", "tr"),
    ("I morgen har jeg jobintervju og jeg er lidt nervøs", "da"),
], ids=["nl", "it", "de", "pl", "tr", "da"])
def test_a_post_in_a_listed_language_is_named(common: CommonWords, text: str, code: str) -> None:
    assert named(common, text) == code


@pytest.mark.parametrize("text", [
    "Dvořák's cello concerto tonight with the city orchestra, cannot wait",
    "Pasta al pomodoro tonight, recipe in the thread below",
    "Die Hard is still the best Christmas movie and I will not be taking questions",
    "Kindergarten pickup, then the gym, then finally some sleep",
], ids=["czech-name", "italian-dish", "die-hard", "german-loanword"])
def test_foreign_words_in_an_english_post_leave_it_english(common: CommonWords, text: str) -> None:
    assert named(common, text) == "en"


def test_a_script_language_or_too_few_words_keep_their_guess(common: CommonWords) -> None:
    assert common.name("Σήμερα φύτεψα ντομάτες στον κήπο", "el") == "el"
    assert common.name("ik ben moe", "en") == "en"  # three words: too few to tell


def test_a_list_without_english_or_spanish_is_damaged() -> None:
    """What a post is compared with must be there (a missing or unreadable file: tests/guard/test_model_files.py)."""
    with pytest.raises(ValueError, match="no words"):
        parse("en\tthe and\nes\tde la\nnl\n")
    with pytest.raises(ValueError, match="English or Spanish"):
        parse("# comment\nnl\tde het een\n")


def test_a_focus_is_named_by_the_same_function_as_a_post() -> None:
    """A focus written in Dutch read as Spanish in the persona editor (lang.py alone) while a Dutch post was named
    Dutch: both are named by ``language_of`` now, and the editor says the guard cannot read it."""
    from personamgr.core.guard.common_words import language_of, shared
    from personamgr.core.guard.lang import guess_language
    from personamgr.core.guard.languages import focus_text, unreadable_focus, unreadable_focus_note
    from personamgr.core.personas import Persona

    tuin = Persona(name="tuin", description="Moestuinieren, compost maken en groenten kweken in een kleine tuin",
                   topics=("tuinieren", "compost", "zaden en planten voor het nieuwe seizoen"))
    post = "Vandaag de hele dag in de tuin gewerkt, eindelijk zijn de tomaten rijp."
    common = shared()
    assert guess_language(focus_text(tuin)) == "es"  # what lang.py alone said
    assert language_of(focus_text(tuin), common) == language_of(post, common) == "nl"
    assert unreadable_focus(tuin, common=common) == "nl"
    note = unreadable_focus_note(tuin, common=common) or ""
    assert "It cannot read a focus written in Dutch" in note
    assert unreadable_focus(tuin) is None  # before the list is read: lang.py's guess, Spanish, which is read
