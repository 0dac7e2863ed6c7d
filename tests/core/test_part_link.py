"""The link the user pastes for a thread's part in doubt is that persona's post, on its network and server.

Part 3 replies to whatever part 2's link names: a link to another account, another network or another Mastodon
server was recorded as part 2 (only its last path segment was read), and Retry then replied to a stranger's post.
The shape is checked before anything is recorded, with no network call.
"""

from __future__ import annotations

import pytest

from personamgr.core.outbox import PostState, TransitionError
from personamgr.core.personas import Persona
from personamgr.core.services import Services

PARTS = ("1/3 interview", "2/3 questions", "3/3 answers")

PERSONAS = {
    "x": Persona(name="career", handle="@career_me", description="jobs", network="x"),
    "mastodon": Persona(name="metal", handle="@metal@social.example", description="riffs", network="mastodon",
                        server="https://social.example"),
    "bluesky": Persona(name="sky", handle="@alice.bsky.social", description="clouds", network="bluesky"),
}

GOOD = {
    "x": ("https://x.com/career_me/status/1850000000000000002?s=20", "1850000000000000002"),
    "mastodon": ("https://social.example/@metal/110000000000000002", "110000000000000002"),
    "bluesky": ("https://bsky.app/profile/alice.bsky.social/post/3kabcdefghi22", "3kabcdefghi22"),
}

WRONG = [
    ("x", "https://x.com/someone_else/status/1850000000000000002", "a post of @career_me on X"),
    ("x", "https://bsky.app/profile/career_me/post/1850000000000000002", "a post of @career_me on X"),
    ("x", "https://example.com/1850000000000000002", "a post of @career_me on X"),
    ("mastodon", "https://other.example/@metal/110000000000000002", "a post of @metal@social.example on Mastodon"),
    ("mastodon", "https://social.example/@someone/110000000000000002", "a post of @metal@social.example on Mastodon"),
    ("bluesky", "https://bsky.app/profile/bob.bsky.social/post/3kabcdefghi22", "a post of @alice.bsky.social on "
                                                                              "Bluesky"),
    ("bluesky", "https://x.com/alice.bsky.social/status/3kabcdefghi22", "a post of @alice.bsky.social on Bluesky"),
]


def in_doubt(services: Services, network: str) -> int:
    """A thread on ``network`` needing review with part 1 recorded: part 2 is in doubt."""
    persona = services.store.add_persona(PERSONAS[network])
    post = services.outbox.create(persona.uid, PARTS[0], thread=PARTS[1:], state=PostState.NEEDS_REVIEW)
    assert services.outbox.update_if(post.id, None, remote_ids=["first"], network=network)
    return post.id


@pytest.mark.parametrize(("network", "link", "said"), WRONG)
def test_a_link_to_another_account_network_or_server_is_refused_and_nothing_recorded(
        services: Services, network: str, link: str, said: str) -> None:
    post_id = in_doubt(services, network)
    before = services.outbox.get(post_id)
    with pytest.raises(TransitionError) as e:
        services.workflows.mark_sent(post_id, part_out=True, link=link)
    assert f"that link is not to {said}: copy the link of part 2 from the post on the account" in str(e.value)
    assert services.outbox.get(post_id) == before


@pytest.mark.parametrize("network", sorted(GOOD))
def test_the_link_copied_from_the_account_records_the_part(services: Services, network: str) -> None:
    post_id = in_doubt(services, network)
    link, remote_id = GOOD[network]
    after = services.workflows.mark_sent(post_id, part_out=True, link=link)
    assert (after.state, after.remote_ids) == (PostState.FAILED, ("first", remote_id))


def test_an_x_handle_is_read_in_any_case(services: Services) -> None:
    post_id = in_doubt(services, "x")
    after = services.workflows.mark_sent(post_id, part_out=True, link="https://x.com/Career_Me/status/18500002")
    assert after.remote_ids == ("first", "18500002")
