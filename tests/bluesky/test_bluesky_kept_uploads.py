"""Images a retried Bluesky post already uploaded are used again while the PDS still has them.

A blob no record references is the PDS's to delete after a while (the atproto blob spec names no time); the fake
deletes them when told (``collect_garbage``) and then refuses a record naming one as the reference PDS does (400
``BlobNotFound``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from atproto import models
from atproto_client import exceptions as ax
from image_files import png

from personamgr.core.networks.base import MediaItem
from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


def _picture_post(w, tmp_path: Path):  # type: ignore[no-untyped-def]
    return w.post("Tonight's sky.", media=({"path": str(png(tmp_path / "sky.png")), "alt_text": "Orion"},))


def test_an_image_is_not_uploaded_again_when_the_post_is_retried(bluesky_world, tmp_path: Path) -> None:
    """The PDS failed (503) after the image went up: the retry uploaded it again, though the PDS still had it."""
    w = bluesky_world
    w.fake.fail_next("create_record", "server_error", status=503)
    post = _picture_post(w, tmp_path)
    assert post.state is PostState.SCHEDULED, post.error
    post = w.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert w.fake.post_count("upload_blob") == 1


def test_a_blob_the_pds_deleted_meanwhile_is_uploaded_again_at_once(bluesky_world, tmp_path: Path) -> None:
    """The PDS no longer has the blob kept from the first attempt: the post is not failed for it, the image goes up
    again and the post goes out in the same attempt."""
    w = bluesky_world
    w.fake.fail_next("create_record", "server_error", status=503)
    post = _picture_post(w, tmp_path)
    w.fake.collect_garbage()
    post = w.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    assert [r.status for r in w.fake.requests if r.endpoint == "create_record"] == [503, 400, 200]
    assert w.fake.post_count("upload_blob") == 2
    [rec] = w.fake.posts(w.account)
    assert rec.value["embed"]["images"][0]["alt"] == "Orion"


def test_the_fake_refuses_a_blob_it_does_not_have_as_the_pds_does(bluesky_world, tmp_path: Path) -> None:
    w = bluesky_world
    api = w.network.client(None)
    try:
        api.sign_in(w.services.secrets.get_credentials(w.persona.uid))
        blob = api.upload(MediaItem(str(png(tmp_path / "gone.png"))))
        w.fake.collect_garbage()
        record = models.AppBskyFeedPost.Record(
            created_at=api.client.get_current_time_iso(), text="Gone.",
            embed=models.AppBskyEmbedImages.Main(images=[models.AppBskyEmbedImages.Image(alt="", image=blob)]))
        with pytest.raises(ax.BadRequestError) as refused:
            api.client.app.bsky.feed.post.create(api.did, record)
    finally:
        api.close()
    content = refused.value.response.content
    assert (content.error, content.message) == ("BlobNotFound", f"Could not find blob: {blob.ref.link}")

