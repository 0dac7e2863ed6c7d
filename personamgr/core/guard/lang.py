"""A small, dependency-free guess at whether a post is English.

The guard's model reads English. For other languages its scores are unreliable, so
the guard says so quietly instead of warning. This separates English and Spanish from
the rest and names a script's language; the guard names other Latin-script languages
(Dutch, German, ...) with their most common words (``common_words.py``).
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_TAGS = re.compile(r"[@#][\w]+")


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_EN = _words(
    "the a an and or but of to in on at for with from by is are was were be been am i you he she it we they "
    "my your his her our their this that these those not no yes do does did have has had will would can could "
    "just so very what when where who why how all about up out if me him them us there here than then now get "
    "got one like more new today time day week year love good great best see go going know think really "
    "still back after before over because into been much some any only also too well make made"
)
_ES = _words(
    "el la los las un una unos unas y o pero de del al en con por para es son fue era ser estar está están "
    "que qué como cómo cuando muy más menos mi mis tu tus su sus nuestro este esta estos estas ese esa eso "
    "no sí ya lo le les se nos hay todo todos nada hoy mañana también porque pues así bien gracias hola "
    "donde dónde quien quién sin sobre entre hasta desde cada otro otra"
)
_OTHER_LATIN = _words(
    # French, Portuguese, Italian, German, Indonesian/Malay, Tagalog and Swahili function words
    "le les des est une dans pour pas avec sur ce qui et je tu il nous vous ils elle "
    "não uma com para por os as em um muito mais mas você "
    "il di che non per con sono una gli della nel "
    "der die das und ist nicht ein eine mit auf für ich sie wir zu den dem von "
    "yang dan di ini itu dengan untuk tidak ada saya kamu aku ke dari "
    "ang ng mga sa na ko mo ako ikaw siya hindi "
    "na ya wa kwa ni la za katika huu hii"
)


# French and Portuguese: words neither Spanish nor English has, and letters Spanish never writes. Both share
# Latin script and much vocabulary with Spanish, so without these a French or Portuguese post was read by the
# Spanish word table and judged as Spanish; with them it gets an honest "cannot judge".
_FR = _words(
    "je ai est une dans pas avec sur ce qui et il nous vous ils elle elles du au aux des mais ou où très "
    "cette ces mon ton son notre votre leur leurs être avoir fait été aujourd hui demain toujours rien "
    "merci bonjour quel quelle ne peu beaucoup"
)
_FR_ELISION = re.compile(r"(?i)\b(?:[cdjlmnst]|qu)['’][^\W\d_]")  # j'ai, l'ail, d'échecs, qu'il
_PT = _words(
    "não uma com você eu ele ela isso isto meu minha teu tua seu sua nosso nossa muito mas em ao aos pela "
    "pelo pelos pelas na nas dos das do da é são foi estou estava hoje amanhã também obrigado obrigada "
    "então aqui agora ainda nunca sempre já tão bom boa"
)
_FR_MARKS = frozenset("èëîïûùœÈÎÛ")  # letters French writes and Spanish never does
_PT_MARKS = frozenset("ãõÃÕ")  # the same for Portuguese
_FR_PT_MARKS = frozenset("çâêôàÇÂÊÔÀ")  # both, never Spanish
# function words Spanish shares with French or Portuguese: they say nothing about which of the three it is
_ROMANCE_SHARED = _words("de la le les que en a o e un no se por para es son mi")


def _romance_not_spanish(words: list[str], body: str) -> str | None:
    """'fr' or 'pt' when a Latin-script post reads as French or Portuguese rather than Spanish."""
    es = sum(w in _ES and w not in _ROMANCE_SHARED for w in words)
    fr = sum(w in _FR and w not in _ES for w in words) + len(_FR_ELISION.findall(body))
    pt = sum(w in _PT and w not in _ES for w in words)
    chars = set(body)
    fr += 3 * bool(chars & _FR_MARKS) + bool(chars & _FR_PT_MARKS)
    pt += 3 * bool(chars & _PT_MARKS) + bool(chars & _FR_PT_MARKS)
    es += 3 * bool(chars & set("ñ¿¡Ñ"))
    best, lang = max((fr, "fr"), (pt, "pt"))
    return lang if best >= 2 and best > es else None


def _script_share(text: str) -> tuple[float, str]:
    """Share of letters outside Latin script, and the most common such script."""
    total = 0
    other: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        total += 1
        if ord(ch) < 0x250:
            continue
        try:
            name = unicodedata.name(ch)
        except ValueError:
            continue
        script = name.split(" ", 1)[0]
        if script == "LATIN":
            continue
        other[script] = other.get(script, 0) + 1
    if not total:
        return 0.0, ""
    n = sum(other.values())
    top = max(other, key=other.__getitem__) if other else ""
    return n / total, top


_SCRIPT_LANG = {
    "GREEK": "el", "CJK": "ja", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CYRILLIC": "ru",
    "ARABIC": "ar", "HEBREW": "he", "DEVANAGARI": "hi", "THAI": "th", "HALFWIDTH": "ja", "FULLWIDTH": "ja",
}


MIN_WORDS = 4  # fewer words than this are too few to tell a language by


def _body(text: str) -> str:
    """The post without links, mentions and hashtags, which are no language's words."""
    return _TAGS.sub(" ", _URL.sub(" ", text))


def _words_in(body: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(body)]


def post_words(text: str) -> list[str]:
    """The post's words as the guesses count them: casefolded, without links, mentions and hashtags."""
    return _words_in(_body(text))


def guess_language(text: str) -> str:
    """'en' when the post reads as English (or has too few words to tell), else a rough code or 'other'."""
    body = _body(text)
    share, script = _script_share(body)
    if share >= 0.3:
        return _SCRIPT_LANG.get(script, "other")
    words = _words_in(body)
    if len(words) < MIN_WORDS:
        return "en"
    en = sum(w in _EN for w in words)
    es = sum(w in _ES for w in words)
    ot = sum(w in _OTHER_LATIN for w in words)
    romance = _romance_not_spanish(words, body) if en < len(words) / 4 else None
    if romance is not None:
        return romance
    if accented(body) and es >= en:
        return "es" if es >= ot else "other"
    if en >= max(es, ot) or en / len(words) >= 0.25:
        return "en"
    if es > ot:
        return "es"
    return "other" if ot >= 2 else "en"


def accented(text: str) -> bool:
    return any(ch in "áéíóúñ¿¡ÁÉÍÓÚÑ" for ch in text)
