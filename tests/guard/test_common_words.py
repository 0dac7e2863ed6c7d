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


# Our own sentences. Catalan shares most of its common words with Spanish ("de la que el en a no un les"), so a
# Catalan post held many Spanish words and was read as Spanish (or, with its l' and d', as French).
CATALAN = [
    "El president del govern ha dit que la situació de la sanitat és molt greu aquest hivern.",
    "La casa de la meva mare és a prop de la platja i des de la terrassa es veu el mar.",
    "Què en penseu, d'això? Jo crec que el partit d'ahir va ser molt millor que el de la setmana passada.",
    "He plantat tomàquets a l'hort i ara només falta que plogui una mica.",
    "La reunió de l'equip de la feina ha estat molt llarga, però al final hem arribat a un acord.",
    "El concert de la banda del barri va ser un èxit i la plaça estava plena de gent.",
    "Ahir vaig llegir un article sobre la història de la ciutat que em va agradar molt.",
    "La seva empresa també busca gent perquè els projectes nous no paren d'arribar.",
]
SPANISH = [  # the same things said in Spanish: they stay Spanish
    "El presidente del gobierno ha dicho que la situación de la sanidad es muy grave este invierno.",
    "La casa de mi madre está cerca de la playa y desde la terraza se ve el mar.",
    "¿Qué pensáis de eso? Yo creo que el partido de ayer fue mucho mejor que el de la semana pasada.",
    "He plantado tomates en el huerto y ahora solo falta que llueva un poco.",
    "La reunión del equipo del trabajo ha sido muy larga, pero al final hemos llegado a un acuerdo.",
    "El concierto de la banda del barrio fue un éxito y la plaza estaba llena de gente.",
    "Ayer leí un artículo sobre la historia de la ciudad que me gustó mucho.",
    "Su empresa también busca gente porque los proyectos nuevos no paran de llegar.",
]


@pytest.mark.parametrize("text", CATALAN)
def test_a_catalan_post_is_named_catalan(common: CommonWords, text: str) -> None:
    assert named(common, text) == "ca"


@pytest.mark.parametrize("text", SPANISH)
def test_the_same_said_in_spanish_stays_spanish(common: CommonWords, text: str) -> None:
    assert named(common, text) == "es"


def test_no_spanish_post_of_ours_is_named_catalan(common: CommonWords) -> None:
    """The Catalan rule counts only the words one list has and the other lacks: it must take none of the shipped
    Spanish background posts, and none of our Spanish check posts, whatever lang.py guessed for them."""
    spanish = [*read(MODEL_DIR, "es").posts, *(t for t, _ in POSTS_ES), *(t for _, t in POSTS.get("es", ()))]
    assert len(spanish) > 1000
    catalan = [p for p in spanish if named(common, p) == "ca"]
    assert not catalan


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


def test_an_english_focus_that_names_its_subjects_twice_is_read() -> None:
    """Seen on our own check set (tests/guard/threshold_check_posts.py): a persona declared in English as
    "Technology, science and video games", with those words again as its topics and "AI" among its keywords, was
    named Italian ("video" twice, "ai": three of Italian's common words against English's one "and"), so the guard
    never judged its posts' topic. A word a focus says again is not more evidence of its language."""
    from personamgr.core.guard.common_words import shared
    from personamgr.core.guard.languages import unreadable_focus
    from personamgr.core.personas import Persona

    tech = Persona(name="tech", description="Technology, science and video games",
                   topics=("technology", "science", "video games", "phones", "software"),
                   keywords=("app", "console", "AI", "PC"))
    assert unreadable_focus(tech, common=shared()) is None
