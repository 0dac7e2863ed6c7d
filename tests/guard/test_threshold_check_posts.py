"""The Spanish and Japanese threshold check set (tests/guard/threshold_check_posts.py) is what its figures assume:
at least 150 posts a language, known labels, posts on focus for every persona of every set, and each post named its
language as the guard reads it, so ``scripts/guard_checks.py --thresholds`` measures the path it says it measures."""

from __future__ import annotations

import pytest
from guard.threshold_check_posts import EXAMPLES, POSTS, SETS

from personamgr.core.guard import Guard

LABELS = {*EXAMPLES, "daily"}


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_each_language_has_enough_labelled_posts(lang: str) -> None:
    posts = POSTS[lang]
    assert len(posts) >= 150
    assert len({text for _, text in posts}) == len(posts)
    assert all(set(labels.split()) <= LABELS for labels, _ in posts)
    for spec in SETS.values():
        for p in spec:
            on = [text for labels, text in posts if not p.focus.isdisjoint(labels.split())]
            assert len(on) >= 6, (lang, p.name)


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_each_post_is_read_in_its_language(guard: Guard, lang: str) -> None:
    persona = SETS["twelve"][0].persona(0)
    assert [text for _, text in POSTS[lang] if guard.check([persona], text, persona.name).language != lang] == []


def test_every_persona_takes_five_examples_of_its_own_subjects() -> None:
    for spec in SETS.values():
        for p in spec:
            examples = p.persona(5).examples
            assert len(set(examples)) == 5
            assert all(any(e in EXAMPLES[label] for label in p.focus) for e in examples)
