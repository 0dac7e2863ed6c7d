"""A thread with parts out: those parts are public, so nothing may lose their links or move them.

QA #2 and #3: moving a partly-sent thread to another persona erased the link of the part on X, and
the next retry replied on Mastodon to an X id; Delete removed the record of a live post.
"""

from __future__ import annotations

import re

import pytest
from posting_helpers import ScriptedNetwork

from personamgr.core.networks.base import PartialThreadError, RejectedError
from personamgr.core.outbox import Post, PostState, TransitionError
from personamgr.core.personas import Persona
from personamgr.core.post_workflows import Action, actions_for
from personamgr.core.services import Services


@pytest.fixture
def partly_sent(services: Services, net: ScriptedNetwork) -> Post:
    """A 3-part thread on "career" whose part 2 was refused: part 1 is out as r0."""
    services.store.add_persona(Persona(name="metal", description="riffs", network="scripted"))
    net.answers = [PartialThreadError(("r0",), 1, RejectedError("X refused the post: Reply not allowed"))]
    post = services.outbox.create(services.store.persona("career").uid, "1/3 interview",
                                  thread=("2/3 questions", "3/3 answers"),
                                  media=({"path": "a.png", "part": 0}, {"path": "c.png", "part": 2}))
    after = services.poster.send(post.id)
    assert (after.state, after.remote_ids, after.failed_part) == (PostState.FAILED, ("r0",), 2)
    return after


def test_the_message_says_part_1_in_the_singular_with_sentences_joined_and_the_network_recorded(
        partly_sent: Post) -> None:
    assert partly_sent.error == ("Part 1 of the thread went out; part 2 failed: X refused the post: Reply not "
                                 "allowed. The remaining parts are unsent.")
    assert partly_sent.network == "scripted"  # the parts out are on the persona's network, and the record says so


def test_plural_parts_and_a_message_that_ends_its_own_sentence() -> None:
    e = PartialThreadError(("a", "b"), 2, RejectedError("Too long!"))
    assert e.message == "Parts 1–2 of the thread went out; part 3 failed: Too long! The remaining parts are unsent."


def test_a_partly_sent_thread_cannot_move_and_keeps_its_link(services: Services, partly_sent: Post) -> None:
    metal = services.store.persona("metal").uid
    with pytest.raises(TransitionError, match=r"part 1 of post .* already went out on .*stays with career"):
        services.workflows.move(partly_sent.id, metal)
    after = services.outbox.get(partly_sent.id)
    assert (after.persona_name, after.remote_ids) == ("career", ("r0",))


def test_no_update_can_erase_or_replace_the_link_of_a_part_out(services: Services, partly_sent: Post) -> None:
    outbox = services.outbox
    assert not outbox.update_if(partly_sent.id, None, remote_ids=[])
    assert not outbox.update_if(partly_sent.id, None, remote_ids=["other"])
    assert not outbox.update_if(partly_sent.id, None, remote_ids=["other", "r1"])
    with services.store.engine.connect() as con:
        pid = services.store.persona_id(con, services.store.persona("metal").uid)
    assert not outbox.update_if(partly_sent.id, None, persona_id=pid)
    assert outbox.get(partly_sent.id).remote_ids == ("r0",)
    assert outbox.update_if(partly_sent.id, None, remote_ids=["r0", "r1"])  # adding the next part's link is fine
    assert outbox.get(partly_sent.id).remote_ids == ("r0", "r1")


def test_a_partly_sent_thread_cannot_be_deleted(services: Services, partly_sent: Post) -> None:
    with pytest.raises(TransitionError, match=r"part 1 of post .* already went out .* is public"):
        services.workflows.delete(partly_sent.id)
    assert services.outbox.get(partly_sent.id).remote_ids == ("r0",)


def test_it_offers_retry_edit_and_stop_never_move_or_delete(partly_sent: Post) -> None:
    assert actions_for(partly_sent) == (Action.RETRY, Action.EDIT, Action.STOP)


def test_stop_here_records_the_parts_out_as_sent_and_keeps_the_rest_as_a_draft(
        services: Services, partly_sent: Post, net: ScriptedNetwork) -> None:
    sent, draft = services.workflows.stop(partly_sent.id, seen=PostState.FAILED)
    assert (sent.state, sent.parts, sent.remote_ids, sent.remote_id) == (PostState.SENT, ("1/3 interview",),
                                                                          ("r0",), "r0")
    assert sent.remote_url == "https://example.invalid/r0" and sent.failed_part is None and sent.error is None
    assert [m["path"] for m in sent.media] == ["a.png"]
    assert draft is not None and draft.state is PostState.DRAFT and draft.persona_name == "career"
    assert draft.parts == ("2/3 questions", "3/3 answers")
    assert draft.media == ({"path": "c.png", "part": 1},)  # the image stays with its part
    assert actions_for(sent) == ()  # a sent post: only its links
    with pytest.raises(TransitionError, match="no part of post"):
        services.workflows.stop(draft.id)
    assert len(net.calls) == 1  # nothing was sent


def test_stop_from_a_stale_state_changes_nothing(services: Services, partly_sent: Post) -> None:
    with pytest.raises(TransitionError, match="not stopped"):
        services.workflows.stop(partly_sent.id, seen=PostState.SCHEDULED)
    assert services.outbox.get(partly_sent.id).state is PostState.FAILED
    assert len(services.outbox.in_states([PostState.DRAFT])) == 0


def test_a_persona_moved_to_another_network_does_not_reply_there_to_the_first_networks_ids(
        services: Services, partly_sent: Post, net: ScriptedNetwork) -> None:
    """QA #2b: the retry replied on Mastodon to an X id ("Record not found"). Retry is not offered: it cannot."""
    career = services.store.persona("career")
    services.store.update_persona(career.with_changes(network="sandbox"))
    said = ("Part 1 of the thread went out on scripted, but career now posts to Sandbox, so the rest cannot continue "
            "it. Stop the thread here; the rest is kept as a draft.")
    with pytest.raises(TransitionError, match=re.escape(said)):
        services.workflows.retry(partly_sent.id)
    after = services.poster.send(partly_sent.id)  # the scheduler, or a window that read it before the move
    assert after.state is PostState.FAILED and after.remote_ids == ("r0",)
    assert after.error == said
    assert len(net.calls) == 1  # nothing more was sent
    assert actions_for(after) == (Action.EDIT, Action.STOP)


def test_the_images_of_a_part_out_cannot_change(services: Services, partly_sent: Post) -> None:
    """Part 1 went out with a.png; its words could not change, but its images could: the record then said part 1
    went out with b.png, which never did. The images of the parts not out may still change."""
    with pytest.raises(TransitionError, match=f"parts 1–1 of post {partly_sent.id} already went out; only the rest "
                                              "can change"):
        services.workflows.edit(partly_sent.id, list(partly_sent.parts),
                                media=[{"path": "b.png", "part": 0}, {"path": "c.png", "part": 2}])
    assert [m["path"] for m in services.outbox.get(partly_sent.id).media] == ["a.png", "c.png"]
    after = services.workflows.edit(partly_sent.id, list(partly_sent.parts),
                                    media=[{"path": "a.png", "part": 0}, {"path": "d.png", "part": 2}])
    assert [m["path"] for m in after.media] == ["a.png", "d.png"]
