"""Personas on subjects the guard's knowledge base was not written for still warn on clearly unrelated posts.

Posts are our own (tests/guard/subject_check_posts.py); figures: scripts/guard_checks.py --subjects.
"""

from __future__ import annotations

import pytest
from guard.subject_check_posts import SUBJECTS, Subject

from personamgr.core.guard import Guard
from personamgr.core.personas import Persona

BY_NAME = {s.name: s for s in SUBJECTS}


def _alone(s: Subject, k: int = 0) -> list[Persona]:
    return [Persona(name=s.name, description=s.description, topics=s.topics, examples=s.examples[:k])]


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("gardening", "New guitar day! Can't stop playing"),
        ("gardening", "What a goal in the last minute, the stadium went wild"),
        ("chess", "The government's new budget raises taxes again"),
        ("knitting", "My new phone arrived today and the battery already lasts two days"),
        ("astronomy", "Job interview tomorrow, wish me luck"),
        ("law", "Leg day at the gym, I can barely walk"),
        # seen by QA on a first-hour profile with one persona: these showed "fits"
        ("gardening", "Played the Sicilian today and lost in the endgame with a rook down."),
        ("gardening", "New iPhone review: the camera is great and the battery lasts all day."),
        ("gardening", "The referee was terrible in last night's football match."),
    ],
)
@pytest.mark.parametrize("k", [0, 5])
def test_a_persona_alone_warns_on_a_clearly_unrelated_post(guard: Guard, subject: str, text: str, k: int) -> None:
    r = guard.check(_alone(BY_NAME[subject], k), text, subject)
    assert r.judged and not r.fits
    assert [x.kind for x in r.warnings] == ["topic"]


@pytest.mark.parametrize("subject", [s.name for s in SUBJECTS])
def test_a_persona_alone_fits_its_own_posts(guard: Guard, subject: str) -> None:
    s = BY_NAME[subject]
    for k in (0, 5):
        for text in s.posts:
            r = guard.check(_alone(s, k), text, subject)
            assert r.fits, (k, text)
