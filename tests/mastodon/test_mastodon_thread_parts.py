"""A thread's parts are recorded as Mastodon confirms each one (real Mastodon.py against the fake server), and
the unanswered part after them is sent again under its key, replying to the last part recorded."""

from __future__ import annotations

import pytest
from net_helpers import HELD_ANSWER_TIMEOUT, Sending

from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e

PARTS = ("1/3 Tone first.", "2/3 Then the amp.", "3/3 Then the pedals.")


def test_each_part_is_in_the_database_as_soon_as_mastodon_confirms_it(mastodon_world) -> None:
    w = mastodon_world
    w.fake.fail_next("statuses", "hold", skip=1)  # part 1 answered; part 2 made, its answer withheld for now
    post = w.services.outbox.create(w.persona.uid, PARTS[0], thread=PARTS[1:])
    sender = Sending(w.services.poster.send, post.id)
    sender.start()
    try:
        w.fake.wait_until_held(1, timeout=30, sender=sender)
        during = w.services.outbox.get(post.id)
        [first] = [s for s in w.fake.timeline(w.account) if s.text == PARTS[0]]
        assert (during.state, during.remote_ids) == (PostState.SENDING, (first.id,))
    finally:
        w.fake.release()
        sender.join(60)


def test_part_2_unanswered_resumes_after_part_1_and_posts_each_part_once(mastodon_world) -> None:
    w = mastodon_world
    w.network.timeout = HELD_ANSWER_TIMEOUT
    w.fake.fail_next("statuses", "hold", skip=1)
    post = w.post(PARTS[0], thread=PARTS[1:])
    w.fake.release()
    assert post.state is PostState.SCHEDULED, post.error  # Mastodon knows the key: retried, not reviewed
    assert "Part 1 of 3 went out; part 2 may or may not have. Part 3 was not sent." in (post.error or "")
    again = w.services.poster.send(post.id)
    assert again.state is PostState.SENT, again.error
    statuses = {s.text: s for s in w.fake.timeline(w.account)}
    assert sorted(statuses) == sorted(PARTS)
    assert statuses[PARTS[2]].in_reply_to_id == statuses[PARTS[1]].id == again.remote_ids[1]


def test_a_part_that_never_got_an_answer_is_reviewed_as_that_part(mastodon_world, clock) -> None:
    """Out of safe retries on part 2, the review said only "… Check the account, then mark it sent or send it
    again.": what was known of the parts was lost, and the thread offers no "mark it sent", but "Mark what went
    out…" about part 2."""
    from personamgr.core.posting import MAX_TRANSIENT_ATTEMPTS

    w = mastodon_world
    w.fake.fail_next("statuses", "drop", skip=1, times=MAX_TRANSIENT_ATTEMPTS, create=False)
    post = w.post(PARTS[0], thread=PARTS[1:])
    for _ in range(MAX_TRANSIENT_ATTEMPTS - 1):
        assert post.state is PostState.SCHEDULED and post.next_attempt_at is not None, post.error
        clock.set(post.next_attempt_at)
        post = w.services.poster.send(post.id, recheck=True)
    assert post.state is PostState.NEEDS_REVIEW
    assert post.error == ("Part 1 of 3 went out; part 2 may or may not have. Part 3 was not sent. Mastodon did not "
                          f"answer after the post was sent, and it was tried {MAX_TRANSIENT_ATTEMPTS} times: whether "
                          "it went out is not known, and it is not sent again by itself. Check the account for part "
                          "2, then mark what went out or send it again from there.")
