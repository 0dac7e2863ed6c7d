"""The room a sender takes on the disk for a post's outcome (core.outcome_room) is there only while it is needed:
gone after an ordinary send, gone when its sender stopped before any outcome, and gone, without changing the post,
when the post has moved on since (the user marked it or sent it again). Real services on the sandbox network."""

from __future__ import annotations

from datetime import UTC, datetime

from lease_helpers import dead_owner

from personamgr.core.outbox import PostState
from personamgr.core.outcome_room import FOLDER, OutcomeRoom
from personamgr.core.personas import Persona
from personamgr.core.services import Services


def _post(services: Services) -> int:
    persona = services.store.add_persona(Persona(name="career", topics=("careers",)))
    return services.outbox.create(persona.uid, "Five questions to ask at the end of every interview").id


def test_an_ordinary_send_leaves_no_file(services: Services) -> None:
    post_id = _post(services)
    assert services.poster.send(post_id).state is PostState.SENT
    assert not (services.store.path.parent / FOLDER).exists()  # type: ignore[union-attr]


def test_the_room_of_a_sender_that_stopped_before_any_outcome_is_removed_and_the_post_left_to_review(
        services: Services) -> None:
    """A sender killed during the network call leaves its room with no outcome in it: nothing to record, and the
    post is for recover_abandoned to judge (in doubt), as before."""
    post_id = _post(services)
    owner = dead_owner()
    assert services.outbox.claim(post_id, owner=owner) is not None
    data = services.store.path.parent  # type: ignore[union-attr]
    room = OutcomeRoom.take(data, post_id, owner)
    assert room is not None and room.path.exists()
    try:
        assert services.poster.record_unrecorded() == []
        assert not room.path.exists()
    finally:
        room.close()
    assert services.outbox.get(post_id).state is PostState.SENDING
    assert [p.state for p in services.outbox.recover_abandoned()] == [PostState.NEEDS_REVIEW]
    assert not (data / FOLDER).exists()


def test_a_kept_outcome_of_a_post_that_has_moved_on_is_removed_and_changes_nothing(services: Services) -> None:
    """The user marked it sent (with the link they found) before the disk took writes again: the file's outcome is
    not written over theirs."""
    post_id = _post(services)
    owner = dead_owner()
    assert services.outbox.claim(post_id, owner=owner) is not None
    data = services.store.path.parent  # type: ignore[union-attr]
    room = OutcomeRoom.take(data, post_id, owner)
    assert room is not None
    assert room.keep(post_id, owner, {"sent_at": datetime(2026, 12, 2, 12, tzinfo=UTC), "remote_id": "kept-1",
                                      "remote_url": "https://sandbox.example/kept-1", "remote_ids": ("kept-1",)})
    room.close()
    assert room.path.exists()
    services.outbox.recover_abandoned()
    services.outbox.transition(post_id, PostState.SENT, remote_id="mine", remote_url="https://sandbox.example/mine",
                               remote_ids=("mine",))
    assert services.poster.record_unrecorded() == []
    after = services.outbox.get(post_id)
    assert (after.state, after.remote_id, after.remote_url) == (PostState.SENT, "mine", "https://sandbox.example/mine")
    assert not (data / FOLDER).exists()
