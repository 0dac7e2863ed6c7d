"""A persona whose declared topics span clearly separate fields is told so, gently; a coherent one never is.

The product keeps each account to one or two related fields; nothing checked it beyond the insights' advice.
The guard's own topic knowledge (its knowledge base's sections), offline, reads the topics."""

from __future__ import annotations

import pytest

from personamgr.core.guard import Guard
from personamgr.core.guard.fields import fields_words, separate_fields
from personamgr.core.personas import Persona


@pytest.mark.parametrize(("topics", "fields"), [
    (("python", "rust", "compilers", "knitting", "crochet", "yarn"), (("python", "compilers"),
                                                                      ("knitting", "crochet"))),
    (("careers", "job search", "heavy metal", "guitars"), (("careers", "job search"), ("heavy metal", "guitars"))),
    (("video games", "esports", "parenting", "toddlers"), (("video games", "esports"), ("parenting", "toddlers"))),
])
def test_topics_in_two_separate_fields_are_found(guard: Guard, topics: tuple[str, ...],
                                                 fields: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    assert separate_fields(guard, Persona(name="mixed", topics=topics)) == fields


@pytest.mark.parametrize("topics", [
    ("python", "rust", "compilers"),
    ("python", "rust", "compilers", "type systems", "programming languages"),
    ("careers", "job search", "hiring", "economy"),
    ("heavy metal", "guitars", "concerts", "albums"),
    ("birds", "birdwatching", "nature photography", "hiking"),
    ("recipes", "baking", "sourdough", "restaurants"),
    ("startups", "fundraising", "product management", "venture capital"),
    ("running", "marathon training", "nutrition", "strength training"),
    ("travel", "backpacking", "food", "street food"),
    ("data science", "machine learning", "statistics", "python"),
    ("climate change", "renewable energy", "policy", "electric cars"),
    ("football", "premier league", "transfers", "tactics"),
    ("photography", "cameras", "lenses", "editing"),
])
def test_a_coherent_persona_hears_nothing(guard: Guard, topics: tuple[str, ...]) -> None:
    assert separate_fields(guard, Persona(name="one", topics=topics)) is None


def test_the_note_names_both_fields_and_suggests_two_personas() -> None:
    assert fields_words("mixed", (("python", "compilers"), ("knitting", "crochet"))) == (
        "mixed's topics fall into two separate fields: python, compilers, and knitting, crochet. Followers come for "
        "one focus: consider two personas, one for each.")
