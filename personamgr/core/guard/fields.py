"""Whether a persona's declared topics span clearly separate fields, from the guard's own topic knowledge.

The product's advice is one or two related fields per account: followers come for its focus. A persona
declared as "python, compilers, knitting, crochet" is two accounts in one. The guard's knowledge base
(``background.txt``'s sections: music, work and careers, science and technology ...) already says which
subject a topic reads as; this reads each declared topic against it, offline, with the model the guard has
loaded. It speaks only when it is clear, so that a coherent persona never hears it: two sections each hold at
least two topics that read confidently as that section, and no topic of one resembles a topic of the other.
A topic the knowledge base reads vaguely (a single ambiguous word: "rust") counts for neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from personamgr.core.i18n import translate
from personamgr.core.personas import Persona

# A topic reads as a section when it fits it this well, and better than the next section by this much.
CONFIDENT = 0.26
MARGIN = 0.05
# Two topics this alike (their words' centred MiniLM vectors) are one field whatever their sections.
ALIKE = 0.30
# Each field holds at least this many confident topics: one odd topic is not a second field.
FIELD_TOPICS = 2


def separate_fields(guard: Any, persona: Persona) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The two groups of ``persona``'s topics that read as clearly separate fields, or None (one field, or not
    clear). ``guard``: a loaded :class:`~personamgr.core.guard.Guard`."""
    topics = [t.strip() for t in persona.topics if t.strip()]
    if len(topics) < 2 * FIELD_TOPICS:
        return None
    scorer = guard.scorer([Persona(name=persona.name or "persona", topics=tuple(topics))])
    vectors = scorer.centered(guard.embedder.embed_many(
        [scorer.cal.topic_template.replace("{}", t) for t in topics]))
    sections = scorer.section_scores(vectors)
    if sections is None:  # a guard without its knowledge base cannot tell
        return None
    fields: dict[int, list[int]] = {}
    for i, row in enumerate(sections):
        second, best = np.argsort(row)[-2:]
        if row[best] >= CONFIDENT and row[best] - row[second] >= MARGIN:
            fields.setdefault(int(best), []).append(i)
    groups = sorted((g for g in fields.values() if len(g) >= FIELD_TOPICS), key=len, reverse=True)
    if len(groups) < 2:
        return None
    first, other = groups[0], groups[1]
    bare = scorer.centered(guard.embedder.embed_many([topics[i] for i in (*first, *other)]))  # the words alone
    if float((bare[:len(first)] @ bare[len(first):].T).max()) >= ALIKE:
        return None
    return tuple(topics[i] for i in first), tuple(topics[i] for i in other)


def fields_words(persona: str, fields: tuple[Sequence[str], Sequence[str]]) -> str:
    """The gentle note: what was found and the suggestion, in the reader's language."""
    return translate("fields", "{persona}'s topics fall into two separate fields: {first}, and {second}. Followers "
                     "come for one focus: consider two personas, one for each.").format(
        persona=persona, first=", ".join(fields[0]), second=", ".join(fields[1]))
