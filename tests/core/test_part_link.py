"""The link the user pastes for a thread's part in doubt is that persona's post, on its network and server.

Part 3 replies to whatever part 2's link names: a link to another account, another network or another Mastodon
server was recorded as part 2 (only its last path segment was read), and Retry then replied to a stranger's post.
The shape is checked before anything is recorded, with no network call.

The user pastes what their browser or the app shows, not the form the app builds: twitter.com, mobile.twitter.com,
x.com/i/web/status/ID, with ?s=20&t=…, a trailing slash or a #fragment; Mastodon's /@user/ID, /@user@server/ID and
/users/user/statuses/ID; Bluesky's profile by handle or DID. Every form naming the persona's own post is read, and
the canonical link is what is kept; a refusal says what the link is to and why that is not the part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from personamgr.core.clock import FakeClock
from personamgr.core.outbox import PostState, TransitionError
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

PARTS = ("1/3 interview", "2/3 questions", "3/3 answers")
X_ID, MASTODON_ID, BLUESKY_KEY = "1850000000000000002", "110000000000000002", "3kabcdefghi22"

PERSONAS = {
    "x": Persona(name="career", handle="@career_me", description="jobs", network="x"),
    "mastodon": Persona(name="metal", handle="@metal@social.example", description="riffs", network="mastodon",
                        server="https://social.example"),
    "bluesky": Persona(name="sky", handle="@alice.bsky.social", description="clouds", network="bluesky"),
}

CANONICAL = {
    "x": (f"https://x.com/career_me/status/{X_ID}", X_ID),
    "mastodon": (f"https://social.example/@metal/{MASTODON_ID}", MASTODON_ID),
    "bluesky": (f"https://bsky.app/profile/alice.bsky.social/post/{BLUESKY_KEY}", BLUESKY_KEY),
}

# What a browser or an app shows for the persona's own post.
GOOD = [
    ("x", f"https://x.com/career_me/status/{X_ID}"),
    ("x", f"https://x.com/career_me/status/{X_ID}?s=20"),
    ("x", f"https://twitter.com/career_me/status/{X_ID}?s=20&t=AbCdEf-123_x"),
    ("x", f"https://mobile.twitter.com/career_me/status/{X_ID}"),
    ("x", f"https://www.twitter.com/Career_Me/status/{X_ID}/"),
    ("x", f"https://x.com/i/web/status/{X_ID}"),
    ("x", f"https://x.com/i/status/{X_ID}"),
    ("x", f"https://x.com/career_me/status/{X_ID}#reply"),
    ("x", f"  x.com/career_me/status/{X_ID}  "),
    ("mastodon", f"https://social.example/@metal/{MASTODON_ID}"),
    ("mastodon", f"https://social.example/@metal/{MASTODON_ID}/"),
    ("mastodon", f"https://social.example/@metal@social.example/{MASTODON_ID}"),
    ("mastodon", f"https://social.example/users/metal/statuses/{MASTODON_ID}"),
    ("mastodon", f"https://Social.Example/@Metal/{MASTODON_ID}?utm_source=share#top"),
    ("bluesky", f"https://bsky.app/profile/alice.bsky.social/post/{BLUESKY_KEY}"),
    ("bluesky", f"https://bsky.app/profile/Alice.bsky.social/post/{BLUESKY_KEY}/"),
]

OWN_NUMBERS = " (each server numbers the posts it shows its own way)"
# Not the persona's own post on its network and server: what each is, and why it is not the part.
WRONG = [
    ("x", f"https://x.com/someone_else/status/{X_ID}", "that link is to a post of @someone_else, not of @career_me"),
    ("x", f"https://twitter.com/someone_else/status/{X_ID}?s=20", "that link is to a post of @someone_else, not of "
                                                                  "@career_me"),
    ("x", f"https://bsky.app/profile/career_me/post/{X_ID}", "that link is to a post on Bluesky, not on X"),
    ("x", f"https://social.example/@career_me/{X_ID}", "that link is to a post on Mastodon, not on X"),
    ("x", f"https://example.com/{X_ID}", "that link is not to a post on X"),
    ("x", "https://x.com/career_me", "that link is not to a post on X"),
    ("x", X_ID, "that link is not to a post on X"),
    ("mastodon", f"https://other.example/@metal/{MASTODON_ID}", "that link is to a post on other.example, not on "
                                                                "social.example" + OWN_NUMBERS),
    ("mastodon", f"https://other.example/@metal@social.example/{MASTODON_ID}", "that link is to a post on "
                                                                               "other.example, not on social.example"
                                                                               + OWN_NUMBERS),
    ("mastodon", f"https://social.example/@someone/{MASTODON_ID}", "that link is to a post of @someone, not of "
                                                                   "@metal@social.example"),
    ("mastodon", f"https://social.example/@metal@other.example/{MASTODON_ID}", "that link is to a post of "
                                                                               "@metal@other.example, not of "
                                                                               "@metal@social.example"),
    ("mastodon", f"https://x.com/metal/status/{X_ID}", "that link is to a post on X, not on Mastodon"),
    ("bluesky", f"https://bsky.app/profile/bob.bsky.social/post/{BLUESKY_KEY}", "that link is to a post of "
                                                                               "@bob.bsky.social, not of "
                                                                               "@alice.bsky.social"),
    ("bluesky", f"https://bsky.app/profile/did:plc:someoneelse/post/{BLUESKY_KEY}", "that link is to a post of "
                                                                                   "did:plc:someoneelse, not of "
                                                                                   "@alice.bsky.social"),
    ("bluesky", f"https://x.com/alice/status/{X_ID}", "that link is to a post on X, not on Bluesky"),
    ("bluesky", "https://bsky.app/profile/alice.bsky.social", "that link is not to a post on Bluesky"),
]


def in_doubt(services: Services, network: str, out: tuple[str, ...] = ("first",)) -> int:
    """A thread on ``network`` needing review with ``out`` recorded: the part after them is in doubt."""
    persona = services.store.add_persona(PERSONAS[network])
    post = services.outbox.create(persona.uid, PARTS[0], thread=PARTS[1:], state=PostState.NEEDS_REVIEW)
    assert services.outbox.update_if(post.id, None, remote_ids=list(out), network=network)
    return post.id


@pytest.mark.parametrize(("network", "link", "said"), WRONG)
def test_a_link_to_another_account_network_or_server_is_refused_saying_which_and_nothing_recorded(
        services: Services, network: str, link: str, said: str) -> None:
    post_id = in_doubt(services, network)
    before = services.outbox.get(post_id)
    with pytest.raises(TransitionError) as e:
        services.workflows.mark_sent(post_id, part_out=True, link=link)
    example = CANONICAL[network][0].rsplit("/", 1)[0] + "/…"
    assert str(e.value) == (f"{said}: copy the link of part 2 from the post of {PERSONAS[network].account_label} "
                            f"(it looks like {example})")
    assert services.outbox.get(post_id) == before


@pytest.mark.parametrize(("network", "link"), GOOD)
def test_every_form_of_the_link_to_the_persona_s_own_post_records_the_part(
        services: Services, network: str, link: str) -> None:
    post_id = in_doubt(services, network)
    after = services.workflows.mark_sent(post_id, part_out=True, link=link)
    canonical, remote_id = CANONICAL[network]
    assert (after.state, after.remote_ids) == (PostState.FAILED, ("first", remote_id))
    assert services.workflows.part_links(after)[1] == canonical


@pytest.mark.parametrize(("network", "link"), [g for g in GOOD if "#" in g[1] or "?" in g[1] or "i/" in g[1]])
def test_part_1_found_is_shown_by_its_canonical_link(services: Services, network: str, link: str) -> None:
    post_id = in_doubt(services, network, out=())
    after = services.workflows.mark_sent(post_id, part_out=True, link=link)
    canonical, remote_id = CANONICAL[network]
    assert (after.state, after.remote_ids) == (PostState.FAILED, (remote_id,))
    assert services.workflows.part_links(after) == [canonical]


@pytest.fixture
def keyring_services(profile_paths: AppPaths, clock: FakeClock, network_secrets: SecretStore) -> Iterator[Services]:
    """Services with a real keyring, where a connected Bluesky persona keeps its DID."""
    svc = open_services(profile_paths, secrets=network_secrets, clock=clock)
    yield svc
    svc.close()


def test_a_bluesky_link_naming_the_persona_by_its_did_records_the_part(keyring_services: Services) -> None:
    post_id = in_doubt(keyring_services, "bluesky")
    uid = keyring_services.store.persona("sky").uid
    keyring_services.secrets.set_credentials(uid, {"handle": "alice.bsky.social", "did": "did:plc:alice123",
                                                   "app_password": "abcd-efgh-ijkl-mnop"})
    try:
        after = keyring_services.workflows.mark_sent(
            post_id, part_out=True, link=f"https://bsky.app/profile/did:plc:alice123/post/{BLUESKY_KEY}?ref=share")
        assert after.remote_ids == ("first", BLUESKY_KEY)
    finally:
        keyring_services.secrets.delete_credentials(uid)


def test_a_link_given_for_the_last_part_is_checked_and_kept(services: Services) -> None:
    """The last part needs no link (nothing replies to it), but one given was ignored unread: a stranger's post
    marked the thread sent, and the part's own link, when right, was not kept for "Open part 3"."""
    persona = services.store.add_persona(PERSONAS["x"])
    post = services.outbox.create(persona.uid, PARTS[0], thread=PARTS[1:], state=PostState.NEEDS_REVIEW)
    assert services.outbox.update_if(post.id, None, remote_ids=["1", "2"], network="x")
    with pytest.raises(TransitionError, match="that link is to a post of @someone_else, not of @career_me: copy the "
                                              "link of part 3 from"):
        services.workflows.mark_sent(post.id, part_out=True, link=f"https://x.com/someone_else/status/{X_ID}")
    assert services.outbox.get(post.id).state is PostState.NEEDS_REVIEW
    link = f"https://twitter.com/career_me/status/{X_ID}?s=20"
    after = services.workflows.mark_sent(post.id, part_out=True, link=link)
    assert (after.state, after.remote_ids) == (PostState.SENT, ("1", "2", X_ID))
    assert services.workflows.part_links(after)[2] == f"https://x.com/career_me/status/{X_ID}"


def test_a_single_post_marked_sent_with_its_link_keeps_the_canonical_link(services: Services) -> None:
    persona = services.store.add_persona(PERSONAS["mastodon"])
    post = services.outbox.create(persona.uid, "one riff", state=PostState.NEEDS_REVIEW)
    with pytest.raises(TransitionError, match=re.escape("that link is to a post of @someone, not of "
                                                        "@metal@social.example: copy the link of the post from")):
        services.workflows.mark_sent(post.id, link=f"https://social.example/@someone/{MASTODON_ID}")
    link = f"https://social.example/@metal@social.example/{MASTODON_ID}/"
    after = services.workflows.mark_sent(post.id, link=link)
    assert (after.state, after.remote_id, after.remote_url) == (PostState.SENT, MASTODON_ID,
                                                                f"https://social.example/@metal/{MASTODON_ID}")


PORTED = Persona(name="ported", handle="@metal@social.example", description="riffs", network="mastodon",
                 server="https://social.example:8443")


@pytest.mark.parametrize("link", [
    f"https://social.example:8443/@metal/{MASTODON_ID}",
    f"https://social.example:8443/@metal@social.example:8443/{MASTODON_ID}",
    f"https://social.example:8443/@metal@social.example/{MASTODON_ID}",
    f"https://Social.Example:8443/@Metal@SOCIAL.example/{MASTODON_ID}",
])
def test_a_mastodon_server_on_its_own_port_is_read_with_or_without_the_port_in_the_account(
        services: Services, link: str) -> None:
    """A server on a port of its own names its accounts @user@domain (its account domain, without the port) or
    @user@domain:port; both are its own accounts. The first was refused as "a post of @metal@social.example, not
    of @metal@social.example", a sentence at odds with itself, and the part could not be recorded."""
    persona = services.store.add_persona(PORTED)
    post = services.outbox.create(persona.uid, PARTS[0], thread=PARTS[1:], state=PostState.NEEDS_REVIEW)
    assert services.outbox.update_if(post.id, None, remote_ids=["first"], network="mastodon")
    after = services.workflows.mark_sent(post.id, part_out=True, link=link)
    assert (after.state, after.remote_ids) == (PostState.FAILED, ("first", MASTODON_ID))
    assert services.workflows.part_links(after)[1] == f"https://social.example:8443/@metal/{MASTODON_ID}"


def test_an_account_of_another_port_on_the_same_host_is_not_the_persona_s() -> None:
    """The port names the server only when the link's own host has it: @metal@social.example:9000 seen on
    social.example:8443 is an account of another server."""
    from personamgr.core.networks.mastodon.network import MastodonNetwork

    read = MastodonNetwork().read_link(f"https://social.example:8443/@metal@social.example:9000/{MASTODON_ID}")
    assert read is not None and read.author == "metal@social.example:9000"
