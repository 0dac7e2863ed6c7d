"""Which languages the topic check reads, their names in the user's language, and whether it can read a
persona's focus at all.

Light on purpose (no numpy): the persona editor asks it on the GUI thread before the model is loaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from personamgr.core.guard.common_words import CommonWords, language_of
from personamgr.core.guard.lang import post_words
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.personas import Persona

# What the multilingual word table covers (multilingual.py); English is read by the guard's own model.
TABLE_LANGUAGES = ("es", "el", "ja")
SHIPPED = ("en", *TABLE_LANGUAGES)

NAMES = {"en": QT_TRANSLATE_NOOP("guard", "English"), "es": QT_TRANSLATE_NOOP("guard", "Spanish"),
         "el": QT_TRANSLATE_NOOP("guard", "Greek"), "ja": QT_TRANSLATE_NOOP("guard", "Japanese"),
         "ko": QT_TRANSLATE_NOOP("guard", "Korean"), "ru": QT_TRANSLATE_NOOP("guard", "Russian"),
         "ar": QT_TRANSLATE_NOOP("guard", "Arabic"), "he": QT_TRANSLATE_NOOP("guard", "Hebrew"),
         "hi": QT_TRANSLATE_NOOP("guard", "Hindi"), "th": QT_TRANSLATE_NOOP("guard", "Thai"),
         "fr": QT_TRANSLATE_NOOP("guard", "French"), "pt": QT_TRANSLATE_NOOP("guard", "Portuguese"),
         # the Latin-script languages of common-words.txt (common_words.py names them)
         "it": QT_TRANSLATE_NOOP("guard", "Italian"), "de": QT_TRANSLATE_NOOP("guard", "German"),
         "nl": QT_TRANSLATE_NOOP("guard", "Dutch"), "ca": QT_TRANSLATE_NOOP("guard", "Catalan"),
         "id": QT_TRANSLATE_NOOP("guard", "Indonesian"), "tl": QT_TRANSLATE_NOOP("guard", "Tagalog"),
         "tr": QT_TRANSLATE_NOOP("guard", "Turkish"), "pl": QT_TRANSLATE_NOOP("guard", "Polish"),
         "sv": QT_TRANSLATE_NOOP("guard", "Swedish"), "da": QT_TRANSLATE_NOOP("guard", "Danish"),
         "nb": QT_TRANSLATE_NOOP("guard", "Norwegian"), "fi": QT_TRANSLATE_NOOP("guard", "Finnish"),
         "ro": QT_TRANSLATE_NOOP("guard", "Romanian"), "cs": QT_TRANSLATE_NOOP("guard", "Czech")}


def name(code: str) -> str | None:
    """The language's name in the user's language, or None for a code the guard has no name for."""
    return translate("guard", NAMES[code]) if code in NAMES else None


def name_list(codes: Sequence[str]) -> str:
    """"English, Spanish, Greek and Japanese", in the user's language."""
    names = [name(c) or c for c in codes]
    if len(names) < 2:
        return "".join(names)
    return translate("guard", "{languages} and {last}").format(languages=", ".join(names[:-1]), last=names[-1])


def focus_text(persona: Persona) -> str:
    return " ".join((persona.description, *persona.topics, *persona.keywords, *persona.examples))


@lru_cache(maxsize=256)
def _language(focus: str, common: CommonWords | None) -> str:
    """The language of a focus's text, named from its words each counted once. Why once: a focus names its
    subjects in its description and again in its topics ("Technology, science and video games"; "video games"),
    and a focus made of nouns holds few of English's common words, so a word another language also writes
    (Italian's "video") counted at each mention outweighed them and an English focus was refused as Italian."""
    return language_of(" ".join(dict.fromkeys(post_words(focus))), common)


def unreadable_focus(persona: Persona, reads: Sequence[str] = SHIPPED, common: CommonWords | None = None
                     ) -> str | None:
    """The language of ``persona``'s focus when the topic check cannot read it (Russian, Dutch, ...), else None.

    Named as a post is (``common_words.language_of``, with ``common``, the common-words list, when it is read; its
    words each counted once):
    the guard does not judge a post in Dutch or French, so a persona whose focus is written in one would never
    be judged either. A short English focus ("Chess") is too short for any guess, so it is not refused.
    """
    language = _language(focus_text(persona), common)
    return None if language in ("en", "other", *reads) else language


def unreadable_focus_note(persona: Persona, reads: Sequence[str] = SHIPPED, common: CommonWords | None = None
                          ) -> str | None:
    """What to tell someone writing ``persona`` when the guard cannot read its focus (None when it can)."""
    language = unreadable_focus(persona, reads, common)
    if language is None:
        return None
    return translate("guard", "The guard reads {languages}. It cannot read a focus written in {language}, so it will "
                     "not judge the topic of this persona's posts (the other checks still run). Write the "
                     "description or topics in one of those languages to have it judged.").format(
        languages=name_list(reads), language=name(language) or language)
