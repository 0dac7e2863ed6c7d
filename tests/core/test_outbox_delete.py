"""Deleting a post is one conditional DELETE: never a post in flight, never a sent one."""

from __future__ import annotations

import pytest

from personamgr.core.outbox import PostState, TransitionError
from personamgr.core.personas import Persona
from personamgr.core.services import Services


@pytest.fixture
def uid(services: Services) -> str:
    return services.store.add_persona(Persona(name="career", topics=("careers",))).uid


@pytest.mark.parametrize("state", [PostState.DRAFT, PostState.SCHEDULED, PostState.FAILED, PostState.NEEDS_REVIEW])
def test_delete_removes_a_post_that_has_not_gone_out(services: Services, uid: str, state: PostState) -> None:
    post = services.outbox.create(uid, "words", state=state)
    seen: list[str] = []
    services.store.subscribe(seen.append)
    gone = services.outbox.delete(post.id)
    assert gone.id == post.id and gone.text == "words"
    with pytest.raises(LookupError):
        services.outbox.get(post.id)
    assert "posts" in seen


@pytest.mark.parametrize("state", [PostState.SENDING, PostState.SENT])
def test_delete_refuses_a_post_in_flight_or_sent(services: Services, uid: str, state: PostState) -> None:
    post = services.outbox.create(uid, "words", state=state)
    with pytest.raises(TransitionError, match=state.value):
        services.outbox.delete(post.id)
    assert services.outbox.get(post.id).state is state


def test_delete_with_expect_loses_the_race_cleanly(services: Services, uid: str) -> None:
    post = services.outbox.create(uid, "words", state=PostState.FAILED)
    services.outbox.claim(post.id)  # a retry started sending it meanwhile
    with pytest.raises(TransitionError):
        services.outbox.delete(post.id, expect=[PostState.FAILED])
    assert services.outbox.get(post.id).state is PostState.SENDING


def test_delete_of_a_missing_post(services: Services) -> None:
    with pytest.raises(LookupError):
        services.outbox.delete(12345)
