"""A thread's parts are recorded as Bluesky confirms each one (real atproto against the fake PDS)."""

from __future__ import annotations

import threading

import pytest

from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e

PARTS = ("1/3 Look up.", "2/3 Find Orion.", "3/3 Follow the belt.")


def test_each_part_is_in_the_database_as_soon_as_bluesky_confirms_it(bluesky_world) -> None:
    w = bluesky_world
    w.fake.fail_next("create_record", "hold", skip=1)  # part 1 answered; part 2 written, its answer withheld
    post = w.services.outbox.create(w.persona.uid, PARTS[0], thread=PARTS[1:])
    sender = threading.Thread(target=w.services.poster.send, args=(post.id,))
    sender.start()
    try:
        assert w.fake.wait_until_held(1, timeout=30)
        during = w.services.outbox.get(post.id)
        [first] = [r for r in w.fake.posts(w.account) if r.text == PARTS[0]]
        assert (during.state, during.remote_ids) == (PostState.SENDING, (first.rkey,))
    finally:
        w.fake.release()
        sender.join(60)
    after = w.services.poster.send(post.id)  # whatever the held answer was, the thread ends once, in order
    assert after.state is PostState.SENT, after.error
    assert sorted(r.text for r in w.fake.posts(w.account)) == sorted(PARTS)
