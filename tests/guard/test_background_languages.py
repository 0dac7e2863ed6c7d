"""The guard's background posts written in Spanish, Greek and Japanese (background-es.txt, ...), for real.

MiniLM reads a post in Spanish or Greek through its English gloss against posts in the same language glossed
the same way, and multilingual-e5 reads a Japanese post against the Japanese ones; that only works if each file
is the English one line for line (the shift between languages is the difference of parallel posts' means,
and each knowledge-base section must cover the same ground). Posts here are our own, never benchmark text.
"""

from __future__ import annotations

import numpy as np
import pytest

from personamgr.core.guard import Guard, background
from personamgr.core.guard.embed import MODEL_DIR
from personamgr.core.guard.lang import guess_language
from personamgr.core.guard.languages import TABLE_LANGUAGES
from personamgr.core.personas import Persona


def _blocks(text: str) -> list[tuple[str, int]]:
    """(header, number of posts) of each block of a background file, in order."""
    out: list[tuple[str, int]] = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith(("# --", "# ~~")):
            out.append((s, 0))
        elif s and not s.startswith("#") and out:
            out[-1] = (out[-1][0], out[-1][1] + 1)
    return out


@pytest.mark.parametrize("lang", TABLE_LANGUAGES)
def test_each_language_is_the_english_background_block_by_block(lang: str) -> None:
    english = (MODEL_DIR / background.TEXT_FILE).read_text(encoding="utf-8")
    other = (MODEL_DIR / background.text_file(lang)).read_text(encoding="utf-8")
    assert _blocks(other) == _blocks(english)
    en, tr = background.parse(english), background.parse(other)
    assert tr.labels == en.labels and tr.sections == en.sections
    # written in the language, not left in English (a name or a slogan may be the same everywhere)
    assert len(set(tr.posts) & set(en.posts)) < 0.01 * len(en.posts)
    assert sum(guess_language(p) == "en" for p in tr.posts) < 0.05 * len(tr.posts)


@pytest.mark.parametrize("lang", TABLE_LANGUAGES)
def test_the_shipped_vectors_are_the_posts_of_the_file(guard: Guard, lang: str) -> None:
    """A file edited without rebuilding its vectors (scripts/build_guard_model.py --background-only), or a
    word table rebuilt without them (the gloss comes from the table), would compare posts with vectors of
    other text."""
    vecs, labels = guard.language_backgrounds[lang]
    posts = background.read(MODEL_DIR, lang).posts
    assert len(vecs) == len(posts) and (labels >= 0).sum() > 700
    picks = [0, len(posts) // 3, len(posts) // 2, len(posts) - 1]
    assert guard.multilingual is not None
    texts = [guard.multilingual.table.read(posts[i]).gloss for i in picks]
    fresh = guard.embedder.embed_many(texts)
    # int8 MiniLM quantises activations per batch, so a post embedded in another batch moves a little (a
    # short gloss most: cosine 0.989); a vector of other text is far from it and nearer its own post
    sims = fresh @ vecs[picks].T
    assert np.all(np.diag(sims) > 0.97) and list(sims.argmax(axis=1)) == list(range(len(picks)))


@pytest.mark.parametrize(("lang", "text", "section"), [
    ("es", "Anoche fui al concierto, la banda tocó el disco entero y el guitarrista se marcó un solo brutal",
     "music"),
    ("es", "El nuevo móvil tiene una cámara increíble pero la batería dura poco", "science and technology"),
    ("es", "Receta fácil: pan casero con masa madre", "food and dining"),
    ("el", "Τι γκολ στο τελευταίο λεπτό του αγώνα, η ομάδα μας πρώτη στο πρωτάθλημα", "sports"),
    ("el", "Μαγείρεψα μουσακά για όλη την οικογένεια, η συνταγή της γιαγιάς", "food and dining"),
])
def test_a_post_is_nearest_its_subject_in_its_own_language(guard: Guard, personas: list[Persona], lang: str,
                                                           text: str, section: str) -> None:
    """MiniLM compares the gloss of a Spanish or Greek post with the knowledge base written in that language,
    glossed the same way."""
    assert guard.multilingual is not None
    sc, _, _ = guard._language_scorer(guard.scorer(personas), lang)
    gloss = guard.multilingual.table.read(text).gloss
    sec = sc.section_scores(sc.centered(guard.embedder.embed(gloss)[None, :]))
    assert sec is not None
    assert background.read(MODEL_DIR, lang).sections[int(np.argmax(sec[0]))] == section


def test_the_language_knowledge_base_is_chosen_in_english(guard: Guard, personas: list[Persona]) -> None:
    """Which sections speak for a persona is decided where its text and the posts share a language."""
    sc = guard.scorer(personas)
    lsc, _, _ = guard._language_scorer(sc, "es")
    for english, spanish in zip(sc.profiles, lsc.profiles, strict=True):
        assert english.kb_weights is not None and spanish.kb_weights is english.kb_weights
