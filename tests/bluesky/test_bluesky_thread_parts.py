"""A thread's parts are recorded as Bluesky confirms each one (real atproto against the fake PDS)."""

from __future__ import annotations

import pytest
from net_helpers import Sending

from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e

PARTS = ("1/3 Look up.", "2/3 Find Orion.", "3/3 Follow the belt.")


def test_each_part_is_in_the_database_as_soon_as_bluesky_confirms_it(bluesky_world) -> None:
    w = bluesky_world
    w.fake.fail_next("create_record", "hold", skip=1)  # part 1 answered; part 2 written, its answer withheld
    post = w.services.outbox.create(w.persona.uid, PARTS[0], thread=PARTS[1:])
    sender = Sending(w.services.poster.send, post.id)
    sender.start()
    try:
        w.fake.wait_until_held(1, timeout=30, sender=sender)
        during = w.services.outbox.get(post.id)
        [first] = [r for r in w.fake.posts(w.account) if r.text == PARTS[0]]
        assert (during.state, during.remote_ids) == (PostState.SENDING, (first.rkey,))
    finally:
        w.fake.release()
        sender.join(60)
    after = w.services.poster.send(post.id)  # whatever the held answer was, the thread ends once, in order
    assert after.state is PostState.SENT, after.error
    assert sorted(r.text for r in w.fake.posts(w.account)) == sorted(PARTS)


def test_a_thread_in_doubt_is_not_sent_again_from_the_account_its_persona_was_switched_to(bluesky_world) -> None:
    """Part 1 went out as @sky, part 2 met a server error (sent again by itself: the record key is looked up
    first); the user connected sky to @comet: Send again looked the key up on @comet's repository, did not find it,
    and sent parts 2-3 from @comet as replies to @sky's post. It waits for review, and is not sent from @comet."""
    from personamgr.core.networks.bluesky.auth import Login, connect
    from personamgr.core.outbox import TransitionError
    from personamgr.core.post_workflows import Action, actions_for

    w = bluesky_world
    w.fake.fail_next("create_record", "server_error", status=500, skip=1)
    post = w.post(PARTS[0], thread=PARTS[1:])
    assert post.state is PostState.SCHEDULED and len(post.remote_ids) == 1, post.error
    other, password = w.fake.add_account("comet.bsky.social")
    connect(w.services.store, w.services.secrets, w.network, w.persona, Login("comet.bsky.social", password),
            switch_account=True)
    review = w.services.outbox.get(post.id)
    assert (review.state, review.sent_as) == (PostState.NEEDS_REVIEW, "@sky.bsky.social")
    assert "@sky.bsky.social" in (review.error or "")
    assert actions_for(review) == (Action.MARK_SENT, Action.EDIT)
    with pytest.raises(TransitionError, match="cannot continue that thread"):
        w.services.workflows.send_again(review.id)
    assert w.services.poster.send(review.id, expect=[PostState.NEEDS_REVIEW]).state is PostState.NEEDS_REVIEW
    assert w.fake.posts(other) == []
    # The user looked: part 2 is not on @sky. The rest is then a thread that can only stop there.
    failed = w.services.workflows.mark_sent(review.id, part_out=False)
    assert actions_for(failed) == (Action.EDIT, Action.STOP)


def test_the_part_in_doubt_is_checked_against_the_account_the_thread_went_out_as(bluesky_world) -> None:
    """Part 2 was written on @sky and never answered; sky was then connected to @comet. "Mark what went out…"
    refused part 2's link on @sky (by its handle or its DID) and took @comet's for it. It is checked against the
    account the thread went out as."""
    import lease_helpers

    from personamgr.core.networks.bluesky.auth import Login, connect
    from personamgr.core.part_links import LinkRefused
    from personamgr.core.post_workflows import Action, actions_for

    w = bluesky_world
    lease_helpers.killed_mid_send(w, "create_record", PARTS, hold_at=2)
    other, password = w.fake.add_account("comet.bsky.social")
    connect(w.services.store, w.services.secrets, w.network, w.persona, Login("comet.bsky.social", password),
            switch_account=True)
    [review] = w.services.outbox.in_states([PostState.NEEDS_REVIEW])
    first, second = (next(r for r in w.fake.posts(w.account) if r.text == p) for p in PARTS[:2])
    with pytest.raises(LinkRefused, match=r"that link is to a post of @comet\.bsky\.social, not of @sky\.bsky\.social"):
        w.services.workflows.mark_sent(review.id, part_out=True,
                                       link=f"https://bsky.app/profile/comet.bsky.social/post/{second.rkey}")
    with pytest.raises(LinkRefused, match=rf"that link is to a post of {other.did}, not of @sky\.bsky\.social"):
        w.services.workflows.mark_sent(review.id, part_out=True,
                                       link=f"https://bsky.app/profile/{other.did}/post/{second.rkey}")
    found = w.services.workflows.mark_sent(review.id, part_out=True,
                                           link=f"https://bsky.app/profile/{w.account.did}/post/{second.rkey}")
    assert (found.state, found.remote_ids) == (PostState.FAILED, (first.rkey, second.rkey))
    assert actions_for(found) == (Action.EDIT, Action.STOP)
    assert w.services.workflows.part_links(found) == [f"https://bsky.app/profile/sky.bsky.social/post/{r.rkey}"
                                                      for r in (first, second)]


def test_a_post_whose_tries_never_reached_bluesky_goes_out_as_the_account_switched_to(bluesky_world) -> None:
    """Bluesky refused the session, then, retried, answered with its rate limit: nothing reached @sky. sky was then
    connected to @comet: the post stopped for review ("it may be on @sky"), though it cannot be. It stays
    scheduled, and goes out once, as @comet."""
    from personamgr.core.networks.bluesky.auth import Login, connect

    w = bluesky_world
    for endpoint in ("create_record", "refresh_session", "create_session"):  # the app password refused too
        w.fake.fail_next(endpoint, "revoked")
    failed = w.post("Saturn rises at nine.")
    assert failed.state is PostState.FAILED, failed.error
    w.fake.fail_next("create_record", "rate_limit", reset_in=600)
    waiting = w.services.workflows.retry(failed.id).post
    assert (waiting.state, waiting.attempts) == (PostState.SCHEDULED, 1), waiting.error
    other, password = w.fake.add_account("comet.bsky.social")
    connect(w.services.store, w.services.secrets, w.network, w.persona, Login("comet.bsky.social", password),
            switch_account=True)
    after = w.services.outbox.get(failed.id)
    assert (after.state, after.next_attempt_at) == (PostState.SCHEDULED, waiting.next_attempt_at), after.error
    sent = w.services.poster.send(failed.id)
    assert (sent.state, sent.sent_as) == (PostState.SENT, "@comet.bsky.social"), sent.error
    assert [r.text for r in w.fake.posts(other)] == ["Saturn rises at nine."] and w.fake.posts(w.account) == []
