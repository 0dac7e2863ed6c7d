"""After metal moved to ANOTHER Mastodon server, what went out as @metal@fosstodon.example is still read on
fosstodon.example: "Mark what went out" took the new server's links for it (and refused the old server's, the only
true ones, "each server numbers the posts it shows its own way"), and the history's links of a thread's parts
pointed at the new server, where those numbers name other statuses. Real Mastodon.py against the fake server (one
fake answers for both servers' names), real keyring.
"""

from __future__ import annotations

import lease_helpers
import pytest

from personamgr.core.networks.mastodon.auth import connect_with_tokens
from personamgr.core.outbox import Post, PostState
from personamgr.core.part_links import LinkRefused

pytestmark = pytest.mark.e2e

OLD, NEW = "https://fosstodon.example", "https://metal.example"
PARTS = ("1/3 New strings tonight.", "2/3 Ernie Ball, 10-46.", "3/3 They hold the tuning.")


def moved_to_another_server(w) -> None:  # type: ignore[no-untyped-def]
    """metal connects its account on another server (the same fake answers for it)."""
    there = w.fake.add_account("metal")
    connect_with_tokens(w.services.store, w.services.secrets, w.network, w.persona,
                        {"server": NEW, "access_token": w.fake.add_token(there)}, switch_account=True)
    persona = w.services.store.persona(w.persona.uid)
    assert (persona.server, persona.handle) == (NEW, "@metal@metal.example")


def test_the_part_in_doubt_is_checked_on_the_server_it_went_out_on(mastodon_world) -> None:  # type: ignore[no-untyped-def]
    w = mastodon_world
    lease_helpers.killed_mid_send(w, "statuses", PARTS, hold_at=2)
    moved_to_another_server(w)
    [review] = w.services.outbox.in_states([PostState.NEEDS_REVIEW])
    assert review.other_account == "@metal@fosstodon.example"
    first, second = sorted(w.fake.timeline(w.account), key=lambda s: s.text)
    with pytest.raises(LinkRefused, match=r"that link is to a post on metal\.example, not on fosstodon\.example"):
        w.services.workflows.mark_sent(review.id, part_out=True, link=f"{NEW}/@metal/{second.id}")
    found = w.services.workflows.mark_sent(review.id, part_out=True, link=f"{OLD}/@metal/{second.id}")
    assert found.remote_ids == (first.id, second.id)
    assert w.services.workflows.part_links(found) == [f"{OLD}/@metal/{s.id}" for s in (first, second)]


def test_a_post_marked_sent_after_the_move_keeps_its_link_on_the_old_server(mastodon_world) -> None:  # type: ignore[no-untyped-def]
    w = mastodon_world
    lease_helpers.killed_mid_send(w, "statuses", ("Tonight: the deep cuts setlist.",), hold_at=1)
    moved_to_another_server(w)
    [review] = w.services.outbox.in_states([PostState.NEEDS_REVIEW])
    [status] = w.fake.timeline(w.account)
    marked: Post = w.services.workflows.mark_sent(review.id, link=f"{OLD}/@metal/{status.id}")
    assert (marked.state, marked.remote_id) == (PostState.SENT, status.id)
    assert w.services.workflows.part_links(marked) == [f"{OLD}/@metal/{status.id}"]
