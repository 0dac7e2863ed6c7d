"""A Bluesky send the app did not live through is sent again by itself, and what already went out is found.

Every part is written under a record key fixed before the call and looked up before writing, so sending again
after a crash cannot post twice: a post whose sender died went to "needs review" all the same, asking the user to
look at the account for what the app can look up itself. Real atproto against the fake PDS; the dead sender is a
real process that has exited, as a kill -9 mid-send leaves it.
"""

from __future__ import annotations

from collections.abc import Callable

import lease_helpers
import pytest

from personamgr.core.outbox import Post, PostState, TransitionError
from personamgr.core.post_workflows import Action, actions_for
from personamgr.core.posting import MAX_TRANSIENT_ATTEMPTS
from personamgr.core.scheduling import EventKind, ScheduleEngine, SchedulerEvent

pytestmark = pytest.mark.e2e

PARTS = ("1/3 Orion tonight.", "2/3 Look south after ten.", "3/3 Binoculars are enough.")


def killed_mid_send(w, parts: tuple[str, ...], *, hold_at: int,  # type: ignore[no-untyped-def]
                    look: Callable[[], object] | None = None) -> Post:
    """The PDS makes part ``hold_at``'s record and never answers a sender that then dies (lease_helpers)."""
    return lease_helpers.killed_mid_send(w, "create_record", parts, hold_at=hold_at, look=look)


def test_a_post_whose_sender_died_after_writing_it_is_found_not_posted_twice(bluesky_world) -> None:
    w = bluesky_world
    recovered = killed_mid_send(w, ("Saturn rises at nine.",), hold_at=1)
    assert recovered.state is PostState.SCHEDULED, recovered.error
    assert recovered.error == ("The app stopped while this post was being sent. Bluesky is asked first whether it "
                               "arrived, so it is sent again by itself and cannot go out twice.")
    assert recovered.next_attempt_at is not None and recovered.next_attempt_at <= w.services.clock.now()
    assert w.services.outbox.get(recovered.id).state is PostState.SCHEDULED  # the dead sender's answer changed nothing
    sent = w.services.poster.send(recovered.id)
    assert sent.state is PostState.SENT, sent.error
    [record] = w.fake.posts(w.account)
    assert (record.text, sent.remote_id) == ("Saturn rises at nine.", record.rkey)
    assert w.fake.post_count("create_record") == 1  # found by its key: nothing written again


def test_a_thread_whose_sender_died_at_part_2_goes_on_from_there_each_part_once(bluesky_world) -> None:
    w = bluesky_world
    recovered = killed_mid_send(w, PARTS, hold_at=2)
    assert recovered.state is PostState.SCHEDULED, recovered.error
    assert recovered.error == ("The app stopped while this thread was being sent. Part 1 of 3 went out; part 2 may "
                               "or may not have. Part 3 was not sent. Bluesky is asked first whether part 2 arrived, "
                               "so the thread goes on by itself from there, and no part goes out twice.")
    sent = w.services.poster.send(recovered.id)
    assert sent.state is PostState.SENT, sent.error
    records = {r.text: r for r in w.fake.posts(w.account)}
    assert sorted(records) == sorted(PARTS)  # each part once
    assert sent.remote_ids == tuple(records[p].rkey for p in PARTS)


def test_a_send_that_keeps_killing_the_app_waits_for_review(bluesky_world) -> None:
    """Sent again by itself only while retries last: a post whose every send ends the app is not sent forever."""
    w = bluesky_world
    post = w.services.outbox.create(w.persona.uid, "Jupiter's moons.")
    assert w.services.outbox.update_if(post.id, None, attempts=MAX_TRANSIENT_ATTEMPTS - 1)
    w.services.outbox.claim(post.id, owner=lease_helpers.dead_owner())
    [recovered] = w.services.outbox.recover_abandoned()
    assert recovered.state is PostState.NEEDS_REVIEW
    assert "check the account, then mark it sent or send it again" in (recovered.error or "")


def test_the_scheduler_sends_it_again_and_tells_no_review_is_needed(bluesky_world) -> None:
    """The scheduler's notice said "Post may not have gone out" of a post it then sends by itself."""
    w = bluesky_world
    engine = ScheduleEngine(w.services)
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    recovered = killed_mid_send(w, ("Mars at dawn.",), hold_at=1, look=engine.start)
    assert recovered.state is PostState.SCHEDULED
    engine.run_due()
    assert w.services.outbox.get(recovered.id).state is PostState.SENT
    assert [e.kind for e in events] == [EventKind.RETRY, EventKind.SENT]
    assert events[0].message == recovered.error
    assert len(w.fake.posts(w.account)) == 1


def second_persona(w):  # type: ignore[no-untyped-def]
    """Another Bluesky persona, connected to an account of its own: (persona, account)."""
    from personamgr.core.networks.bluesky.auth import Login, connect
    from personamgr.core.personas import Persona

    account, password = w.fake.add_account("moon.bsky.social")
    persona = w.services.store.add_persona(Persona(name="moon", topics=("the moon",), network="bluesky"))
    done = connect(w.services.store, w.services.secrets, w.network, persona, Login("moon.bsky.social", password))
    return done.persona, account


def refused_to_change(w, post_id: int, other_uid: str) -> None:  # type: ignore[no-untyped-def]
    """Moving, editing or deleting the post is not offered, is refused with the reason, and changes nothing."""
    before = w.services.outbox.get(post_id)
    for change in (lambda: w.services.outbox.move(post_id, other_uid),
                   lambda: w.services.outbox.edit(post_id, "Saturn rises at ten."),
                   lambda: w.services.workflows.move(post_id, other_uid)):
        with pytest.raises(TransitionError, match="cannot change until it is sent: its last send was cut short, so "
                                                  "it may be on Bluesky already"):
            change()
    assert not {Action.EDIT, Action.MOVE, Action.DELETE} & set(actions_for(before, w.services.clock.now()))
    with pytest.raises(TransitionError, match="cannot be deleted until it is sent: its last send was cut short, so "
                                              "it may be on Bluesky already"):  # the app would forget it
        w.services.workflows.delete(post_id, seen=before.state)
    after = w.services.outbox.get(post_id)
    assert (after.persona_uid, after.parts, after.state) == (before.persona_uid, before.parts, PostState.SCHEDULED)


def test_a_post_sent_again_by_itself_stays_with_its_persona_until_it_is_sent(bluesky_world) -> None:
    """Its record key comes from its persona and its words are compared when found: moved to another persona in
    the moment before the resend, it was looked up on the other account, not found there, and posted a second
    time, on the other account."""
    w = bluesky_world
    moon, moon_account = second_persona(w)
    recovered = killed_mid_send(w, ("Saturn rises at nine.",), hold_at=1)
    assert recovered.state is PostState.SCHEDULED
    refused_to_change(w, recovered.id, moon.uid)
    sent = w.services.poster.send(recovered.id)
    assert sent.state is PostState.SENT and sent.persona_uid == w.persona.uid
    assert [r.text for r in w.fake.posts(w.account)] == ["Saturn rises at nine."]
    assert w.fake.posts(moon_account) == []
    moved = w.services.outbox.create(w.persona.uid, "A new post, free to move.")
    assert w.services.outbox.move(moved.id, moon.uid).persona_uid == moon.uid  # only the post in doubt is kept


def test_a_post_whose_write_went_unanswered_stays_with_its_persona_until_it_is_sent(bluesky_world) -> None:
    """The same after a write Bluesky did not answer (it is retried, as its record key is looked up first): in the
    wait before the retry it could be moved to another persona, and went out on both accounts."""
    w = bluesky_world
    moon, moon_account = second_persona(w)
    w.fake.fail_next("create_record", "drop")  # written, then the connection closes without an answer
    post = w.post("Saturn rises at nine.")
    assert post.state is PostState.SCHEDULED, post.error
    refused_to_change(w, post.id, moon.uid)
    assert w.services.poster.send(post.id).state is PostState.SENT
    assert [r.text for r in w.fake.posts(w.account)] == ["Saturn rises at nine."]
    assert w.fake.posts(moon_account) == []


def test_a_post_cut_short_before_the_persona_was_switched_to_another_account_waits_for_review(bluesky_world) -> None:
    """Killed mid-send, then the persona was connected to another Bluesky account before the app ran again: the
    post was sent again by itself on the new account (its record looked up there, not found, and written), so it
    went out on both accounts, or on the one it was not meant for."""
    from personamgr.core.networks.bluesky.auth import Login, connect
    from personamgr.core.scheduling import ScheduleEngine

    w = bluesky_world
    recovered = killed_mid_send(w, ("Saturn rises at nine.",), hold_at=1)
    assert recovered.state is PostState.SCHEDULED
    other, password = w.fake.add_account("night.bsky.social")
    connect(w.services.store, w.services.secrets, w.network, w.persona, Login("night.bsky.social", password),
            switch_account=True)
    ScheduleEngine(w.services).run_due()  # the daemon, started again
    after = w.services.outbox.get(recovered.id)
    assert after.state is PostState.NEEDS_REVIEW, after.error
    assert after.error == ("This post was being sent as @sky.bsky.social when sky was connected to "
                           "@night.bsky.social instead, so it may be on @sky.bsky.social and not on "
                           "@night.bsky.social; it is not sent again by itself. Check the account, then mark it sent "
                           "or send it again.")
    assert w.fake.posts(other) == []
    assert [r.text for r in w.fake.posts(w.account)] == ["Saturn rises at nine."]


def test_a_switch_to_the_same_account_changes_nothing(bluesky_world) -> None:
    """Reconnecting the account it was (a new app password) is no switch: the post is still sent again by itself."""
    from personamgr.core.networks.bluesky.auth import Login, connect

    w = bluesky_world
    recovered = killed_mid_send(w, ("Saturn rises at nine.",), hold_at=1)
    connect(w.services.store, w.services.secrets, w.network, w.persona, Login("sky.bsky.social", w.app_password))
    assert w.services.outbox.get(recovered.id).state is PostState.SCHEDULED


def test_a_post_in_review_whose_images_alone_changed_is_not_recorded_sent_with_images_that_never_went_out(
        bluesky_world, tmp_path) -> None:
    """Cut short after Bluesky wrote it with one image, out of retries so it waits for review; the user changed its
    image (the words as they were) and sent it again. Bluesky found the record under its key, words alike, and the
    post was recorded sent with the new image, while Bluesky shows the old one."""
    from image_files import png
    from net_helpers import Sending

    from personamgr.core.posting import Poster

    w = bluesky_world
    dark, light = png(tmp_path / "dark.png", grey=0x20), png(tmp_path / "light.png", grey=0xE0)
    post = w.services.outbox.create(w.persona.uid, "Orion, first light.",
                                    media=({"path": str(dark), "alt_text": "Orion over the hill"},))
    assert w.services.outbox.update_if(post.id, None, attempts=MAX_TRANSIENT_ATTEMPTS - 1)
    ghost = Poster(w.services.store, w.services.outbox, w.services.secrets, w.services.networks, w.services.clock,
                   owner=lease_helpers.dead_owner(), heartbeat_s=3600)
    w.fake.fail_next("create_record", "hold")
    sender = Sending(ghost.send, post.id)
    sender.start()
    try:
        w.fake.wait_until_held(1, timeout=30, sender=sender)
        [review] = w.services.outbox.recover_abandoned()
    finally:
        w.fake.release()
        sender.join(60)
    assert review.state is PostState.NEEDS_REVIEW
    w.services.workflows.edit(post.id, [review.text], media=[{"path": str(light), "alt_text": "Orion over the hill"}])
    again = w.services.workflows.send_again(post.id, anyway=True).post
    assert again.state is not PostState.SENT or [m["path"] for m in again.media] == [str(dark)], again.media
    assert again.state is PostState.NEEDS_REVIEW, again.error
    assert "An earlier version of this post (before it was edited) already went out on Bluesky" in (again.error or "")
    assert len(w.fake.posts(w.account)) == 1


def test_a_thread_cut_short_at_a_part_in_doubt_cannot_be_stopped_there(bluesky_world) -> None:
    """Killed at part 2 of 3, the thread is sent again by itself from part 2 (looked up first). "Stop here" was
    offered: part 1 became the sent post and parts 2-3 a new draft, with a new record key, so part 2, already on
    Bluesky, went out a second time when the draft was sent."""
    w = bluesky_world
    recovered = killed_mid_send(w, PARTS, hold_at=2)
    assert recovered.state is PostState.SCHEDULED and len(recovered.remote_ids) == 1
    assert Action.STOP not in actions_for(recovered, w.services.clock.now())
    with pytest.raises(TransitionError, match="cannot change until it is sent: its last send was cut short"):
        w.services.workflows.stop(recovered.id, seen=recovered.state)
    assert w.services.poster.send(recovered.id).state is PostState.SENT
    assert sorted(r.text for r in w.fake.posts(w.account)) == sorted(PARTS)  # each part once


def test_a_switch_the_locked_database_refused_leaves_the_post_and_the_account_as_they_were(
        quick_locks, bluesky_world) -> None:
    """Cut short as @sky (sent again by itself); sky is switched to @night while another program holds the
    database: the switch says so, and the post, the persona and its credentials stay @sky's."""
    from db_locks import locked

    from personamgr.core.networks.accounts import ConnectError
    from personamgr.core.networks.bluesky.auth import Login, connect

    w = bluesky_world
    recovered = killed_mid_send(w, ("Saturn rises at nine.",), hold_at=1)
    _other, password = w.fake.add_account("night.bsky.social")
    before = w.services.secrets.get_credentials(w.persona.uid)
    with locked(w.services.paths.database), pytest.raises(ConnectError) as refused:
        connect(w.services.store, w.services.secrets, w.network, w.persona, Login("night.bsky.social", password),
                switch_account=True)
    assert str(refused.value).startswith("sky was not switched to @night.bsky.social: ")
    assert str(refused.value).endswith("; nothing was changed. sky still posts as @sky.bsky.social.")
    assert w.services.store.persona(w.persona.uid).handle == "@sky.bsky.social"
    assert w.services.secrets.get_credentials(w.persona.uid) == before
    assert w.services.outbox.get(recovered.id).state is PostState.SCHEDULED
