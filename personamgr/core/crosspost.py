"""Cross-posting: the same words on personas of different networks.

People who keep one identity on X and Mastodon, or Mastodon and Bluesky, post the same text to
both; that is allowed. Two personas on X are not: X's automation rules forbid the same post on
several accounts. Two accounts on the same other network are refused too, because the same words
on both tie them together, which is what personas exist to prevent. The GUI and the CLI ask
:func:`problem` and :func:`targets`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from personamgr.core.guard.rules import X_LIKE
from personamgr.core.i18n import translate
from personamgr.core.personas import Persona


def problem(source: Persona, target: Persona) -> str | None:
    """Why ``source``'s text may not also go to ``target`` (None: it may)."""
    if target.uid == source.uid:
        return translate("CrossPost", "{persona} is the persona it is already posted as.").format(persona=target.name)
    if source.network in X_LIKE and target.network in X_LIKE:
        return translate("CrossPost", "{source} and {target} are both on X, whose automation rules forbid the same "
                         "post on several accounts. Write it differently for each.").format(source=source.name,
                                                                                           target=target.name)
    if source.network == target.network:
        return translate("CrossPost", "{source} and {target} are both on {network}; the same words on both tie the "
                         "two accounts together. Write it differently for each.").format(
            source=source.name, target=target.name, network=target.network_label)
    return None


def targets(personas: Sequence[Persona], source: Persona, scores: Mapping[str, float],
            threshold: float) -> list[Persona]:
    """The personas worth offering a cross-post to: on another network, and the text fits their focus too."""
    return [p for p in personas if problem(source, p) is None and scores.get(p.name, 0.0) >= threshold
            and not p.paused]
