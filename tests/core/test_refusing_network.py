"""A post the network would refuse as it is (too long, two cashtags on X) is said to be refused by *its* network.

Every network has a length limit of its own; the hold's headline said "X will refuse this post" for a Mastodon or
Bluesky post over theirs, and the badge "against X's rules".
"""

from __future__ import annotations

import pytest

from personamgr.core.guard.rules import cashtag_rule, length_rule
from personamgr.core.holds import HoldKind, held_message
from personamgr.core.personas import Persona
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
    assert held_message(HoldKind.X_RULES, "metal", kept).startswith(
        f"Held before sending: {name} will refuse this post as it is on metal.")


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
