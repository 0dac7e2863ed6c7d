"""A Mastodon send the app did not live through: inside the hour Mastodon recognises its Idempotency-Key, sending it
again returns the status already made, so it is sent again by itself; past it, a second send would be a second
status, so it waits for review.

Real Mastodon.py against the fake server, which makes the status and withholds the answer; the dead sender is a
real process that has exited, as a kill -9 mid-send leaves it.
"""

from __future__ import annotations

from datetime import timedelta

import lease_helpers
import pytest

from personamgr.core.networks.mastodon.errors import IDEMPOTENCY_WINDOW
from personamgr.core.outbox import Post, PostState, TransitionError
from personamgr.core.post_workflows import Action, actions_for

pytestmark = pytest.mark.e2e

TEXT = "Tonight: the deep cuts setlist."
PARTS = ("1/3 New strings tonight.", "2/3 Ernie Ball, 10-46.", "3/3 They hold the tuning.")


def killed_mid_send(w, parts: tuple[str, ...] = (TEXT,), *, hold_at: int = 1) -> Post:  # type: ignore[no-untyped-def]
    """Mastodon makes part ``hold_at``'s status and never answers a sender that then dies (lease_helpers)."""
    return lease_helpers.killed_mid_send(w, "statuses", parts, hold_at=hold_at)


def test_inside_the_keys_hour_it_is_sent_again_by_itself_and_posted_once(mastodon_world) -> None:
    w = mastodon_world
    recovered = killed_mid_send(w)
    assert recovered.state is PostState.SCHEDULED, recovered.error
    assert recovered.error == ("The app stopped while this post was being sent. It carries a key Mastodon "
                               "recognises, so it is sent again by itself and cannot go out twice.")
    assert recovered.next_attempt_at is not None and recovered.next_attempt_at <= w.services.clock.now()
    with pytest.raises(TransitionError, match=r"cannot change until .* UTC"):  # changed, its key would be new
        w.services.outbox.edit(recovered.id, "Tonight: the deep-cuts setlist.")
    # Deleted, the app forgot a status that may be on the account, and is made on the retry if it is not.
    assert Action.DELETE not in actions_for(recovered, w.services.clock.now())
    with pytest.raises(TransitionError, match=r"cannot be deleted until .* UTC: Mastodon did not answer"):
        w.services.workflows.delete(recovered.id, seen=recovered.state)
    sent = w.services.poster.send(recovered.id)
    assert sent.state is PostState.SENT, sent.error
    [status] = w.fake.timeline(w.account)
    assert (status.text, sent.remote_id) == (TEXT, status.id)  # the key returned the status already made


def test_a_thread_goes_on_from_its_part_in_doubt_each_part_once(mastodon_world) -> None:
    w = mastodon_world
    recovered = killed_mid_send(w, PARTS, hold_at=2)
    assert recovered.state is PostState.SCHEDULED, recovered.error
    assert recovered.error == ("The app stopped while this thread was being sent. Part 1 of 3 went out; part 2 may "
                               "or may not have. Part 3 was not sent. Part 2 carries a key Mastodon recognises, so "
                               "the thread goes on by itself from there, and no part goes out twice.")
    sent = w.services.poster.send(recovered.id)
    assert sent.state is PostState.SENT, sent.error
    assert sorted(s.text for s in w.fake.timeline(w.account)) == sorted(PARTS)


def test_past_the_keys_hour_it_waits_for_review_and_is_not_posted_again(mastodon_world, clock) -> None:
    """Not sent again before the hour was over (the app closed, say): a second send would be a second status."""
    w = mastodon_world
    recovered = killed_mid_send(w)
    assert recovered.state is PostState.SCHEDULED
    clock.advance(IDEMPOTENCY_WINDOW)
    w.fake.expire_idempotency_keys()
    review = w.services.poster.send(recovered.id)
    assert review.state is PostState.NEEDS_REVIEW
    assert (review.error or "").startswith("Mastodon did not answer when this post was sent, and it recognises a "
                                           "repeat of it only for an hour. That hour has passed")
    assert [s.text for s in w.fake.timeline(w.account)] == [TEXT]


def test_found_after_the_keys_hour_it_waits_for_review(mastodon_world, clock) -> None:
    """The sender died, and nothing looked until the hour was over: it is not due again, it needs review."""
    w = mastodon_world
    services = w.services
    post = services.outbox.create(w.persona.uid, TEXT)
    assert services.outbox.claim(post.id, owner=lease_helpers.dead_owner()) is not None
    clock.advance(IDEMPOTENCY_WINDOW + timedelta(minutes=1))
    [review] = services.outbox.recover_abandoned()
    assert review.state is PostState.NEEDS_REVIEW
    assert review.error == ("The app stopped while this post was being sent. It may or may not have gone out: check "
                            "the account, then mark it sent or send it again.")


def test_a_post_cut_short_before_the_persona_was_switched_to_another_account_waits_for_review(mastodon_world) -> None:
    """Killed mid-send, then the persona was connected to another account on the server before the app ran again:
    the post was sent again by itself as the new account (a new account's Idempotency-Key is another key), so it
    went out on both accounts."""
    from personamgr.core.networks.mastodon.auth import connect_with_tokens
    from personamgr.core.scheduling import ScheduleEngine

    w = mastodon_world
    recovered = killed_mid_send(w)
    assert recovered.state is PostState.SCHEDULED
    other = w.fake.add_account("riffs")
    connect_with_tokens(w.services.store, w.services.secrets, w.network, w.persona,
                        {"server": w.persona.server, "access_token": w.fake.add_token(other)}, switch_account=True)
    ScheduleEngine(w.services).run_due()  # the daemon, started again
    after = w.services.outbox.get(recovered.id)
    assert after.state is PostState.NEEDS_REVIEW, after.error
    assert (after.error or "").startswith("This post was being sent as @metal@fosstodon.example when metal was "
                                          "connected to @riffs@fosstodon.example instead")
    assert w.fake.timeline(other) == []
    assert [s.text for s in w.fake.timeline(w.account)] == [TEXT]


def test_a_persona_is_not_deleted_while_a_post_of_it_may_be_out(mastodon_world, clock) -> None:
    """Deleted with its persona, a post cut short (sent again by itself) or one that needs review would be forgotten
    while it may be on the account: the persona is kept, with its credentials, and the refusal names the posts."""
    w = mastodon_world
    services = w.services
    recovered = killed_mid_send(w)
    assert recovered.state is PostState.SCHEDULED
    with pytest.raises(TransitionError) as refused:
        services.delete_persona(w.persona)
    assert str(refused.value) == (
        f"metal cannot be deleted yet: the app would forget posts that may already be on Mastodon. Post "
        f"{recovered.id} is being sent, or is sent again by itself exactly as it is: wait until it is sent or needs "
        f"review.")
    assert services.outbox.get(recovered.id).state is PostState.SCHEDULED
    assert services.secrets.get_credentials(w.persona.uid)  # a refusal takes nothing with it
    clock.advance(IDEMPOTENCY_WINDOW)
    w.fake.expire_idempotency_keys()
    review = services.poster.send(recovered.id)
    assert review.state is PostState.NEEDS_REVIEW
    with pytest.raises(TransitionError, match=rf"Post {review.id} needs review: check the account, then mark each "
                                              r"one sent or send it again\.$"):
        services.delete_persona(w.persona)
    services.workflows.mark_sent(review.id)  # the user looked: it is on the account
    services.delete_persona(w.persona)
    assert all(p.uid != w.persona.uid for p in services.store.personas())


def test_a_thread_with_parts_out_is_not_continued_from_the_account_its_persona_was_switched_to(mastodon_world) -> None:
    """Part 1 went out as @metal; the persona is then connected to @riffs: Retry sent parts 2-3 from @riffs as
    replies to @metal's status. The thread is not continued from @riffs: it says which account its part went out
    as, and offers to stop there (the rest becomes a draft, sent as @riffs only when the user sends it)."""
    from personamgr.core.networks.mastodon.auth import connect_with_tokens

    w = mastodon_world
    w.fake.fail_next("statuses", "unprocessable", skip=1, message="Validation failed: Text can't be blank")
    post = w.post(PARTS[0], thread=PARTS[1:])
    assert post.state is PostState.FAILED and len(post.remote_ids) == 1
    assert (post.sent_as, post.sent_as_id) == ("@metal@fosstodon.example",
                                               f"mastodon:{w.persona.server}:{w.account.id}")
    other = w.fake.add_account("riffs")
    connect_with_tokens(w.services.store, w.services.secrets, w.network, w.persona,
                        {"server": w.persona.server, "access_token": w.fake.add_token(other)}, switch_account=True)
    after = w.services.outbox.get(post.id)
    assert after.state is PostState.FAILED
    assert after.error == ("Part 1 of 3 went out as @metal@fosstodon.example, but metal now posts as "
                           "@riffs@fosstodon.example, so the rest cannot continue that thread. Stop the thread here; "
                           "the rest is kept as a draft, to send as @riffs@fosstodon.example if you choose.")
    assert actions_for(after) == (Action.EDIT, Action.STOP)
    with pytest.raises(TransitionError, match="cannot continue that thread"):
        w.services.workflows.retry(post.id)
    assert w.services.poster.send(post.id).remote_ids == after.remote_ids  # the scheduler, or a stale window
    assert w.fake.timeline(other) == []
    sent, draft = w.services.workflows.stop(post.id)
    assert (sent.state, sent.parts, sent.sent_as) == (PostState.SENT, PARTS[:1], "@metal@fosstodon.example")
    assert draft is not None and draft.parts == PARTS[1:]


def test_the_part_in_doubt_is_checked_against_the_account_the_thread_went_out_as(mastodon_world) -> None:
    """Part 2 was made as @metal and never answered; metal was then connected to @riffs. "Mark what went out…"
    refused the link of part 2 on @metal ("a post of @metal, not of @riffs") and took @riffs' for it: the thread's
    next part would reply to a status of another account. It is checked against the account the thread went out
    as."""
    from personamgr.core.networks.mastodon.auth import connect_with_tokens
    from personamgr.core.part_links import LinkRefused

    w = mastodon_world
    killed_mid_send(w, PARTS, hold_at=2)
    other = w.fake.add_account("riffs")
    connect_with_tokens(w.services.store, w.services.secrets, w.network, w.persona,
                        {"server": w.persona.server, "access_token": w.fake.add_token(other)}, switch_account=True)
    [review] = w.services.outbox.in_states([PostState.NEEDS_REVIEW])
    assert actions_for(review) == (Action.MARK_SENT, Action.EDIT)
    first, second = sorted(w.fake.timeline(w.account), key=lambda s: s.text)
    with pytest.raises(LinkRefused, match=r"that link is to a post of @riffs, not of @metal@fosstodon\.example"):
        w.services.workflows.mark_sent(review.id, part_out=True, link=f"{w.persona.server}/@riffs/{second.id}")
    found = w.services.workflows.mark_sent(review.id, part_out=True, link=f"{w.persona.server}/@metal/{second.id}")
    assert (found.state, found.remote_ids) == (PostState.FAILED, (first.id, second.id))
    assert (found.error or "").startswith("Parts 1–2 of 3 went out as @metal@fosstodon.example, but metal now posts "
                                          "as @riffs@fosstodon.example"), found.error
    assert actions_for(found) == (Action.EDIT, Action.STOP)
    assert w.services.workflows.part_links(found) == [f"{w.persona.server}/@metal/{s.id}" for s in (first, second)]


def test_a_post_whose_tries_never_reached_the_server_goes_out_as_the_account_switched_to(mastodon_world) -> None:
    """The server refused the token, then, retried, answered with its rate limit: nothing reached @metal. metal
    was then connected to @riffs: the post stopped for review ("it may be on @metal"), though it cannot be. It
    stays scheduled, and goes out once, as @riffs."""
    from personamgr.core.networks.mastodon.auth import connect_with_tokens

    w = mastodon_world
    w.fake.fail_next("statuses", "revoked")
    failed = w.post(TEXT)
    assert failed.state is PostState.FAILED, failed.error
    w.fake.fail_next("statuses", "rate_limit", reset_in=600)
    waiting = w.services.workflows.retry(failed.id).post
    assert (waiting.state, waiting.attempts) == (PostState.SCHEDULED, 1), waiting.error
    other = w.fake.add_account("riffs")
    connect_with_tokens(w.services.store, w.services.secrets, w.network, w.persona,
                        {"server": w.persona.server, "access_token": w.fake.add_token(other)}, switch_account=True)
    after = w.services.outbox.get(failed.id)
    assert (after.state, after.next_attempt_at) == (PostState.SCHEDULED, waiting.next_attempt_at), after.error
    sent = w.services.poster.send(failed.id)
    assert (sent.state, sent.sent_as) == (PostState.SENT, "@riffs@fosstodon.example"), sent.error
    assert [s.text for s in w.fake.timeline(other)] == [TEXT] and w.fake.timeline(w.account) == []


def test_a_sender_that_never_reaches_mastodon_is_named_when_the_wait_for_it_gives_up(mastodon_world) -> None:
    """A run under load once failed here with a bare AssertionError: the wait for Mastodon to hold the status
    gave up and said neither what it waited for nor what happened instead. A sender that stops before the request
    (here: its credentials are gone) ends the wait at once, and the failure says what the fake received and what
    the sender did."""
    w = mastodon_world
    w.services.secrets.delete_credentials(w.persona.uid)
    with pytest.raises(AssertionError) as gave_up:
        killed_mid_send(w)
    said = str(gave_up.value)
    post = w.services.outbox.history()[0]
    assert said.startswith("FakeMastodon held no request (1 awaited): the sender ended without it"), said
    assert f"post {post.id} is {post.state.value}: {post.error}" in said, said
    assert "received no request" in said and "still queued: hold at statuses" in said, said
