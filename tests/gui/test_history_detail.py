"""The line under each post in the history says where it went, when it goes, or why it did not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from personamgr.core.outbox import Post, PostState
from personamgr.gui.history import detail, when

pytestmark = pytest.mark.gui
T = datetime(2030, 6, 3, 18, 0, tzinfo=UTC)


def post(state: PostState, **kw: object) -> Post:
    return Post(id=1, persona_uid="u", persona_name="career", state=state, text="hi", created_at=T, updated_at=T,
                **kw)  # type: ignore[arg-type]


def test_scheduled_says_when_it_goes_out() -> None:
    assert detail(post(PostState.SCHEDULED, scheduled_at=T)) == f"Goes out {when(T)}."


def test_a_held_post_says_why_and_when_it_is_tried_again() -> None:
    d = detail(post(PostState.SCHEDULED, scheduled_at=T, next_attempt_at=T, error="X is rate limiting."))
    assert d == f"X is rate limiting. Next try {when(T)}."


def test_sent_shows_the_link_and_failed_the_reason() -> None:
    assert detail(post(PostState.SENT, remote_url="sandbox://me/status/1")) == "sandbox://me/status/1"
    assert detail(post(PostState.FAILED, error="Duplicate content.")) == "Duplicate content."
