"""Images a retried X post already uploaded are used again while X still has them, uploaded again once it does not.

X keeps an upload that no post uses for a limited time (its answer's ``expires_after_secs``: a day, as its media
upload reference shows it); the fake refuses an expired media id as X does (400, "Your media IDs are invalid.").
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import tweepy
from image_files import png

from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


def _picture_post(x_world, tmp_path):  # type: ignore[no-untyped-def]
    return x_world.post("A chart for later.", media=({"path": str(png(tmp_path / "chart.png")),
                                                      "alt_text": "Hiring by month"},))


def test_an_image_is_not_uploaded_again_when_the_post_is_retried(x_world, clock, tmp_path) -> None:
    """X said to wait (429) after the image went up: the retry uploaded it again, spending one more of the account's
    uploads and leaving the first copy unused, though X still had it."""
    x_world.fake.fail_next("tweets", "rate_limit", reset_in=600)
    post = _picture_post(x_world, tmp_path)
    assert post.state is PostState.SCHEDULED, post.error
    [first] = x_world.fake.media
    clock.advance(timedelta(minutes=10))  # X's reset, by the test's clock
    post = x_world.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert x_world.fake.tweets[0].media_ids == (first,)
    assert (x_world.fake.post_count("media_upload"), x_world.fake.post_count("media_metadata")) == (1, 1)


def test_an_image_past_its_time_is_uploaded_again(x_world, clock, tmp_path) -> None:
    """A day later X no longer has the upload: the retry does not offer it, it uploads the image again."""
    x_world.fake.fail_next("tweets", "rate_limit", reset_in=600)
    post = _picture_post(x_world, tmp_path)
    x_world.fake.age_media(86_400)
    clock.advance(timedelta(hours=24))
    post = x_world.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert x_world.fake.post_count("media_upload") == 2
    assert x_world.fake.post_count("tweets") == 2  # the 429, then the post: the old id was not tried
    assert x_world.fake.tweets[0].media_ids == (max(x_world.fake.media),)


def test_an_upload_x_dropped_early_is_uploaded_again_at_once(x_world, clock, tmp_path) -> None:
    """X refuses a media id it no longer has whatever the app expected: the post is not failed for it, the image
    goes up again and the post goes out in the same attempt."""
    x_world.fake.fail_next("tweets", "rate_limit", reset_in=600)
    post = _picture_post(x_world, tmp_path)
    x_world.fake.age_media(86_400)  # gone from X while the app still counts it valid
    clock.advance(timedelta(minutes=10))  # X's reset, by the test's clock
    post = x_world.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert [(r.endpoint, r.status) for r in x_world.fake.requests if r.endpoint == "tweets"] == [
        ("tweets", 429), ("tweets", 400), ("tweets", 201)]
    assert x_world.fake.post_count("media_upload") == 2


def test_the_fake_refuses_an_expired_media_id_as_x_does(x_world, tmp_path) -> None:
    x = x_world.network.session(x_world.credentials)
    try:
        r = x.session.post("https://api.twitter.com/2/media/upload", auth=x.oauth,
                           data={"media_category": "tweet_image"},
                           files={"media": ("a.png", png(tmp_path / "a.png").read_bytes(), "image/png")})
        assert r.json()["data"]["expires_after_secs"] == 86_400
        media_id = r.json()["data"]["id"]
        x_world.fake.age_media(86_400)
        with pytest.raises(tweepy.BadRequest) as refused:
            x.client.create_tweet(text="Late.", media_ids=[media_id], user_auth=True)
    finally:
        x.close()
    assert refused.value.api_errors == [{"parameters": {"media.media_ids": [media_id]},
                                         "message": "Your media IDs are invalid."}]
