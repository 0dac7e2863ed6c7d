"""A post the network would refuse as it is (too long, two cashtags on X) is said to be refused by *its* network.

Every network has a length limit of its own; the hold's headline said "X will refuse this post" for a Mastodon or
Bluesky post over theirs, and the badge "against X's rules".
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from personamgr.core.guard.rules import cashtag_rule, length_rule
from personamgr.core.holds import GUARD_HOLDS, HoldKind, held_message
from personamgr.core.outbox import Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.post_workflows import Action, actions_for
from personamgr.core.text import measure_for

LONG = "Riffs all night at the club. " * 40


@pytest.mark.parametrize(("network", "name"), [("x", "X"), ("mastodon", "Mastodon"), ("bluesky", "Bluesky"),
                                               ("sandbox", "Sandbox")])
def test_a_post_too_long_for_its_network_is_said_to_be_refused_by_that_network(network: str, name: str) -> None:
    """Fails on main: 'X will refuse this post as it is on metal.' for every network."""
    persona = Persona(name="metal", network=network)
    reason = length_rule(persona, measure_for(persona, LONG))
    assert reason is not None
    kept = [reason.kept()]
    assert HoldKind.X_RULES.headline("metal", kept) == f"{name} will refuse this post as it is on metal."
    assert held_message(HoldKind.X_RULES, "metal", kept) == (
        f"Held before sending: {name} will refuse this post as it is on metal. Edit it, or delete it.")


def test_two_cashtags_on_x_and_on_the_sandbox_name_each() -> None:
    for network, name in (("x", "X"), ("sandbox", "Sandbox")):
        reason = cashtag_rule(Persona(name="desk", network=network), "Watching $AAPL and $MSFT today.")
        assert reason is not None
        assert HoldKind.X_RULES.headline("desk", [reason.kept()]) == f"{name} will refuse this post as it is on desk."


def test_a_reason_kept_without_its_network_is_x_s_as_it_was_then() -> None:
    """Cashtag reasons kept before they named their network were X's rule (the only one checked then)."""
    assert HoldKind.X_RULES.headline("desk", ["It has 2 cashtags ($A, $B); X allows at most one per post."]) == (
        "X will refuse this post as it is on desk.")
    assert HoldKind.X_RULES.headline("desk") == "X will refuse this post as it is on desk."


def test_the_badge_names_no_network_it_may_not_be() -> None:
    assert HoldKind.X_RULES.label == "against the network's rules"


@pytest.mark.parametrize("kind", sorted(GUARD_HOLDS - {HoldKind.UNCHECKED}))
def test_a_held_post_offers_post_anyway_in_words_only_where_it_offers_it_as_an_action(kind: HoldKind) -> None:
    """A post held because its network would refuse it has no "post anyway" (post_workflows), and its history line
    said 'Edit it or choose "post anyway".' all the same (seen under Xvfb on a sandbox post over its length)."""
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    post = Post(id=1, persona_uid="u", persona_name="metal", state=PostState.HELD, text="t", created_at=now,
                updated_at=now, hold_kind=kind)
    offered = Action.POST_ANYWAY in actions_for(post, now)
    assert ('"post anyway"' in held_message(kind, "metal")) is offered, held_message(kind, "metal")
