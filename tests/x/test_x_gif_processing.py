"""A GIF X was still processing when an attempt stopped looking is asked about on the retry, not uploaded again.

X processes a GIF that came through the chunked upload (initialize, append, finalize) before a post may carry it;
an attempt looks at its STATUS a few times (``XNetwork.processing_looks``) and then leaves the post for a retry. The
fake X takes ``processing_looks`` STATUS looks to process an upload and can fail it (``processing_error``).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from image_files import animated_gif

from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


def _gif_post(x_world, tmp_path):  # type: ignore[no-untyped-def]
    x_world.network.processing_looks = 2
    x_world.fake.processing_looks = 3  # X takes longer than an attempt looks
    return x_world.post("A dancing chart.", media=({"path": str(animated_gif(tmp_path / "dance.gif")),
                                                    "alt_text": "A dancing chart"},))


def _calls(x_world) -> list[tuple[str | None, int | None]]:  # type: ignore[no-untyped-def]
    return [(r.endpoint, r.status) for r in x_world.fake.requests]


def test_a_gif_x_was_still_processing_is_not_uploaded_again_on_retry(x_world, clock, tmp_path) -> None:
    """The retry uploaded the GIF again (and X started processing it over), though X had the first one and was about
    to finish it."""
    post = _gif_post(x_world, tmp_path)
    assert post.state is PostState.SCHEDULED, (post.state, post.error)
    assert "still processing the GIF dance.gif" in (post.error or "")
    [first] = x_world.fake.media
    clock.advance(timedelta(minutes=5))
    post = x_world.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert x_world.fake.tweets[0].media_ids == (first,)
    assert x_world.fake.media[first].alt_text == "A dancing chart"
    assert x_world.fake.post_count("media_initialize") == 1
    assert _calls(x_world)[-4:] == [("media_status", 200), ("media_status", 200), ("media_metadata", 200),
                                    ("tweets", 201)]


def test_a_kept_gif_whose_processing_failed_is_uploaded_again(x_world, clock, tmp_path) -> None:
    """X said at the retry's look that processing the kept upload failed: it is uploaded again, and this one is
    processed."""
    x_world.fake.processing_error = "Unsupported frame"  # after its three looks
    post = _gif_post(x_world, tmp_path)
    assert post.state is PostState.SCHEDULED, (post.state, post.error)
    x_world.fake.processing_looks, x_world.fake.processing_error = 0, None  # the next upload's processing
    clock.advance(timedelta(minutes=5))
    post = x_world.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert x_world.fake.post_count("media_initialize") == 2
    assert x_world.fake.tweets[0].media_ids == (max(x_world.fake.media),)


def test_a_kept_gif_x_no_longer_has_is_uploaded_again(x_world, clock, tmp_path) -> None:
    """X dropped the upload sooner than its expires_after_secs said: STATUS does not know the id any more."""
    post = _gif_post(x_world, tmp_path)
    x_world.fake.age_media(86_400)
    x_world.fake.processing_looks = 0
    clock.advance(timedelta(minutes=5))
    post = x_world.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert x_world.fake.post_count("media_initialize") == 2
    assert ("media_status", 400) in _calls(x_world)
    assert x_world.fake.post_count("tweets") == 1  # the dropped id was never offered
    assert x_world.fake.tweets[0].media_ids == (max(x_world.fake.media),)


def test_a_processed_gif_kept_for_a_retry_is_not_asked_about_again(x_world, clock, tmp_path) -> None:
    """X said to wait (429) after the GIF was processed and described: the retry posts it at once."""
    x_world.fake.fail_next("tweets", "rate_limit", reset_in=600)
    post = x_world.post("A dancing chart.", media=({"path": str(animated_gif(tmp_path / "dance.gif")),
                                                    "alt_text": "A dancing chart"},))
    assert post.state is PostState.SCHEDULED, post.error
    before = len(x_world.fake.requests)
    clock.advance(timedelta(minutes=10))
    post = x_world.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert _calls(x_world)[before:] == [("tweets", 201)]


def test_a_gif_x_fails_to_process_fails_the_post_with_x_s_words(x_world, tmp_path) -> None:
    x_world.fake.processing_error = "Unsupported frame"
    post = x_world.post("A broken chart.", media=({"path": str(animated_gif(tmp_path / "dance.gif")),
                                                   "alt_text": "A broken chart"},))
    assert post.state is PostState.FAILED, (post.state, post.error)
    assert "X could not process the GIF dance.gif (Unsupported frame)" in (post.error or "")
    assert x_world.fake.post_count("tweets") == 0
