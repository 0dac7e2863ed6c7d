"""Shared fixtures: the real shipped model, loaded once, and personas written for these tests."""

from __future__ import annotations

import pytest

from personamgr.core.guard import Guard
from personamgr.core.personas import Persona, Sensitivity


@pytest.fixture(scope="session")
def guard() -> Guard:
    return Guard.load()


@pytest.fixture
def personas() -> list[Persona]:
    return [
        Persona(
            name="career",
            description="Careers, job search and the economy for professionals over 40",
            topics=("careers", "job search", "hiring", "economy"),
            keywords=("resume", "interview"),
            avoid=("heavy metal",),
            handle="@career_me",
            hashtags=("#CareerTips",),
        ),
        Persona(
            name="metal",
            description="Heavy metal, guitars, gigs and albums I love",
            topics=("music", "heavy metal", "concerts", "guitars"),
            keywords=("riff", "setlist", "vinyl"),
            handle="@metal_me",
            hashtags=("#MetalMonday",),
            colour="#c0392b",
        ),
        Persona(
            name="kitchen",
            description="Home cooking, recipes and restaurants",
            topics=("cooking", "recipes", "food", "baking"),
            keywords=("dinner", "bread"),
            handle="@kitchen_me",
            sensitivity=Sensitivity.RELAXED,
            colour="#16a085",
        ),
    ]
