"""The example persona greyed in a new persona's empty fields.

An example named like one of the user's own personas ("career" beside the
demo's career) reads as a persona to make again, so the editor shows the first
example no persona is named. Each field comes from the same example, so the
hints describe one persona, not a mix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class Example:
    name: str
    handle: str
    description: str
    topics: str  # one per line, as the field takes them
    keywords: str
    avoid: str
    hashtags: str

    def translated(self) -> Example:
        return Example(*(translate("PersonaEditor", getattr(self, f.name)) for f in fields(self)))


EXAMPLES = (
    Example(QT_TRANSLATE_NOOP("PersonaEditor", "career"), QT_TRANSLATE_NOOP("PersonaEditor", "@career_me"),
            QT_TRANSLATE_NOOP("PersonaEditor", "Careers, job search and the economy for professionals over 40"),
            QT_TRANSLATE_NOOP("PersonaEditor", "careers\njob search"),
            QT_TRANSLATE_NOOP("PersonaEditor", "resume\ninterview"), QT_TRANSLATE_NOOP("PersonaEditor", "heavy metal"),
            QT_TRANSLATE_NOOP("PersonaEditor", "#careers #jobsearch")),
    Example(QT_TRANSLATE_NOOP("PersonaEditor", "kitchen"), QT_TRANSLATE_NOOP("PersonaEditor", "@kitchen_notes"),
            QT_TRANSLATE_NOOP("PersonaEditor", "Home cooking, recipes and seasonal food on a budget"),
            QT_TRANSLATE_NOOP("PersonaEditor", "cooking\nrecipes"),
            QT_TRANSLATE_NOOP("PersonaEditor", "dinner\nbaking"), QT_TRANSLATE_NOOP("PersonaEditor", "politics"),
            QT_TRANSLATE_NOOP("PersonaEditor", "#homecooking #recipes")),
    Example(QT_TRANSLATE_NOOP("PersonaEditor", "chess"), QT_TRANSLATE_NOOP("PersonaEditor", "@chess_notes"),
            QT_TRANSLATE_NOOP("PersonaEditor", "Club chess: openings, annotated games and tournaments"),
            QT_TRANSLATE_NOOP("PersonaEditor", "chess\nopenings"),
            QT_TRANSLATE_NOOP("PersonaEditor", "endgame\ntournament"), QT_TRANSLATE_NOOP("PersonaEditor", "politics"),
            QT_TRANSLATE_NOOP("PersonaEditor", "#chess #openings")),
)


def example_for(names: Iterable[str]) -> Example:
    """The first example, in the window's language, that none of ``names`` is, case aside; the last if every
    one is taken."""
    taken = {n.casefold() for n in names}
    shown = [e.translated() for e in EXAMPLES]
    return next((e for e in shown if e.name.casefold() not in taken), shown[-1])
