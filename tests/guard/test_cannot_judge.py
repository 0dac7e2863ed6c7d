"""What a person who posts in two languages is told when the guard cannot judge a post's topic.

The posts and personas here are our own. The guard reads English, Spanish, Greek and Japanese: a post in
another language, or a persona whose focus is written in one, gets an honest "cannot judge" (not a warning,
not a false "English only"), with a short form for one-line places such as the fit meter.
"""

from __future__ import annotations

import pytest

from personamgr.core.guard import Guard
from personamgr.core.guard.post_check import check_parts
from personamgr.core.guard.rules import avoid_rule
from personamgr.core.personas import Persona

RUSSIAN_GARDEN = Persona(name="sad", description="Огород, компост и выращивание овощей дома",
                         topics=("огород", "компост", "овощи", "семена"))
CHESS = Persona(name="chess", description="Chess openings, annotated games and club tournaments",
                topics=("chess", "openings", "tournaments"))
CAREER = Persona(name="career", description="Careers, job search, hiring and the economy",
                 topics=("careers", "job search", "hiring"))
MIXED = [RUSSIAN_GARDEN, CHESS, CAREER]


def language_reason(result):  # type: ignore[no-untyped-def]
    return next(r for r in result.reasons if r.kind == "language")


def test_guard_names_the_languages_it_reads(guard: Guard) -> None:
    assert guard.languages == ("en", "es", "el", "ja")
    bare = Guard(guard.embedder, guard.background, guard.calibration, guard.sections)  # without the word table
    assert bare.languages == ("en",)


@pytest.mark.parametrize(("text", "name"), [
    ("Сегодня посадил чеснок на грядках, жду урожай весной.", "Russian"),
    ("오늘 텃밭에 마늘을 심었어요. 봄에 수확할 생각에 설레요.", "Korean"),
    ("زرعت الثوم في الحديقة اليوم، أنتظر الحصاد في الربيع.", "Arabic"),
    # French and Portuguese share letters and many words with Spanish: they must not be read as Spanish
    ("J'ai planté de l'ail dans le potager aujourd'hui, vivement la récolte au printemps.", "French"),
    ("Plantei alho na horta hoje, mal posso esperar pela colheita na primavera.", "Portuguese"),
    ("Não consigo acreditar que o jogo de ontem terminou empatado, que decepção.", "Portuguese"),
    ("Le nouveau tournoi d'échecs du club commence samedi après-midi, venez nombreux !", "French"),
    # Dutch was read as Spanish ("too few words of Spanish"), Italian was called French, and German, Polish,
    # Swedish and Turkish posts were judged as English or left unnamed
    ("Vandaag de hele dag in de tuin gewerkt, eindelijk zijn de tomaten rijp.", "Dutch"),
    ("Ho piantato l'aglio nell'orto oggi, non vedo l'ora del raccolto in primavera.", "Italian"),
    ("Domani ho un colloquio di lavoro per un posto da sviluppatrice", "Italian"),
    ("Heute habe ich im Garten Knoblauch gepflanzt und freue mich schon auf die Ernte.", "German"),
    ("Dzisiaj posadziłem czosnek w ogrodzie i nie mogę się doczekać zbiorów.", "Polish"),
    ("Idag planterade jag vitlök i trädgården och jag längtar redan till skörden.", "Swedish"),
    ("Bugün bahçeye sarımsak ektim ve bahardaki hasadı sabırsızlıkla bekliyorum.", "Turkish"),
], ids=["ru", "ko", "ar", "fr", "pt", "pt-accents", "fr-chess", "nl", "it", "it-short", "de", "pl", "sv", "tr"])
def test_a_post_in_a_language_it_cannot_read_says_which_ones_it_reads(guard: Guard, text: str, name: str) -> None:
    r = guard.check([CHESS, CAREER], text, "chess")
    assert r.fits and not r.judged
    reason = language_reason(r)
    assert not reason.warning
    assert "English only" not in reason.message  # it reads Spanish, Greek and Japanese too
    for language in ("English", "Spanish", "Greek", "Japanese", name):
        assert language in reason.message, reason.message
    assert name in reason.summary and len(reason.summary) <= 50, reason.summary


def test_without_the_word_table_it_still_says_english_only(guard: Guard) -> None:
    bare = Guard(guard.embedder, guard.background, guard.calibration, guard.sections)
    r = bare.check([CHESS, CAREER], "El nuevo torneo de ajedrez del club empieza el sábado por la tarde", "chess")
    assert "English only" in language_reason(r).message and language_reason(r).summary


def test_too_few_words_has_a_short_form_for_the_meter(guard: Guard) -> None:
    r = guard.check([CHESS, CAREER], "ok", "chess")
    reason = next(x for x in r.reasons if x.kind == "empty")
    assert reason.summary and len(reason.summary) < len(reason.message)


@pytest.mark.parametrize("text", [
    "My tomatoes finally ripened after I added more compost to the raised beds.",
    "Won the club chess tournament yesterday with the Sicilian defence.",
    "Five questions to ask at the end of every interview, and what the answers tell you.",
], ids=["garden", "chess", "career"])
def test_a_persona_written_in_a_language_it_cannot_read_is_not_judged(guard: Guard, text: str) -> None:
    """The guard cannot read a focus written in Russian: it must not warn on every post (a garden post on a
    garden persona was "off focus, fits chess better"), but say so."""
    r = guard.check(MIXED, text, "sad")
    assert r.fits and not r.judged and r.suggest is None
    reason = language_reason(r)
    assert "sad" in reason.message and "Russian" in reason.message
    assert "Russian" in reason.summary


def test_a_persona_it_cannot_read_is_never_suggested(guard: Guard) -> None:
    for text in ("My tomatoes finally ripened after I added more compost to the raised beds.",
                 "Сегодня посадил чеснок на грядках, жду урожай весной."):
        for persona in ("chess", "career"):
            assert guard.check(MIXED, text, persona).suggest != "sad"


def test_english_personas_beside_it_are_still_judged(guard: Guard) -> None:
    r = guard.check(MIXED, "Won the club chess tournament yesterday with the Sicilian defence.", "career")
    assert r.judged and not r.fits and r.suggest == "chess"


def test_the_jsonl_answer_says_whether_the_topic_was_judged(guard: Guard) -> None:
    judged = guard.check([CHESS, CAREER], "Won the club chess tournament with the Sicilian defence.", "chess")
    quiet = guard.check([CHESS, CAREER], "Сегодня посадил чеснок на грядках, жду урожай весной.", "chess")
    assert judged.to_json()["judged"] is True
    assert quiet.to_json()["judged"] is False


def test_an_avoid_topic_is_found_inside_japanese_text() -> None:
    """Japanese is written without spaces: "政治" stands between other characters, not between word breaks."""
    persona = Persona(name="ryouri", description="家庭料理のレシピ", topics=("料理",), avoid=("政治", "選挙"))
    reason = avoid_rule(persona, "今日は料理の話ではなく政治の話をします。")
    assert reason is not None and "政治" in reason.message and "選挙" not in reason.message
    assert avoid_rule(persona, "今日は大根の煮物を作りました。") is None
    english = Persona(name="career", description="Careers", topics=("careers",), avoid=("art",))
    assert avoid_rule(english, "Smart hiring starts with the job description.") is None  # still whole words


def test_a_threads_part_number_is_said_in_the_windows_language(guard: Guard) -> None:
    from personamgr.core import i18n

    i18n.install(lambda _c, text, _d=None, _n=-1: "Parte {n}: {message}" if text == "Part {n}: {message}" else text)
    try:
        r = check_parts(guard, [CHESS, CAREER], ["Chess openings for club players, a thread.", "$AAPL $MSFT"],
                        "chess")
    finally:
        i18n.install(None)
    assert any(x.message.startswith("Parte 2: ") for x in r.reasons), [x.message for x in r.reasons]


def test_an_avoid_topic_matches_with_or_without_accents() -> None:
    """People type Spanish and Greek without accents as often as with them: "politica" is "política"."""
    es = Persona(name="ajedrez", description="Ajedrez y torneos", topics=("ajedrez",), avoid=("política",))
    assert avoid_rule(es, "Hoy no voy a hablar de politica, solo de la partida.") is not None
    assert avoid_rule(es, "POLÍTICA y ajedrez no se mezclan") is not None
    bare = Persona(name="ajedrez", description="Ajedrez y torneos", topics=("ajedrez",), avoid=("politica",))
    assert avoid_rule(bare, "La política local otra vez en el club.") is not None
    el = Persona(name="kipos", description="Κήπος", topics=("κήπος",), avoid=("πολιτική",))
    assert avoid_rule(el, "Σήμερα δεν θα μιλήσω για πολιτικη.") is not None
    ja = Persona(name="ryouri", description="料理", topics=("料理",), avoid=("かき",))
    assert avoid_rule(ja, "今日ははがきを書きました。") is None  # が is not か: kana marks are not accents
    assert avoid_rule(ja, "今日はかきフライを作りました。") is not None


def test_marks_that_make_another_letter_are_kept() -> None:
    ru = Persona(name="sad", description="Сад", topics=("сад",), avoid=("мой",))
    assert avoid_rule(ru, "Это моимо") is None
    assert avoid_rule(Persona(name="sad", description="Сад", topics=("сад",), avoid=("мои",)), "мой сад") is None


@pytest.mark.parametrize("text", [
    "El nuevo torneo de ajedrez del club empieza el sábado por la tarde, ¡venid todos!",
    "Hoy planté ajo en el huerto, tengo muchas ganas de la cosecha en primavera.",
    "Me han ascendido a jefa de equipo y estoy muy contenta con el cambio",
    "No puedo creer que el partido de ayer terminara en empate, qué decepción.",
], ids=["chess", "garden", "career", "football"])
def test_spanish_is_still_read_as_spanish(guard: Guard, text: str) -> None:
    """The French and Portuguese cues must not take Spanish posts away from the Spanish reading."""
    assert guard.check([CHESS, CAREER], text, "chess").language == "es"


def test_an_english_persona_on_technology_and_video_games_is_judged(guard: Guard) -> None:
    """Its focus names "video games" in its description and its topics, and has "AI" among its keywords: it was
    refused as a focus written in Italian, so a cooking post on it showed "fits" (in any language)."""
    tech = Persona(name="tech", description="Technology, science and video games",
                   topics=("technology", "science", "video games", "phones", "software"),
                   keywords=("app", "console", "AI", "PC"))
    food = Persona(name="food", description="Cooking at home and eating out", topics=("food", "recipes"))
    for text in ("Slow-cooked lentils with chorizo tonight, my grandmother's recipe",
                 "Lentejas con chorizo para cenar, la receta de mi abuela"):
        r = guard.check([tech, food], text, "tech")
        assert r.judged and not r.fits and r.suggest == "food", text
