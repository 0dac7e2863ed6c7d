"""X is sent the name the user attached, not the profile copy's.

An attachment is copied into the profile under a name personamgr makes up (32 hex digits); X's multipart upload
carries a file name with the media, and kept it as whatever the copy was called.
"""

from __future__ import annotations

import pytest
from image_files import animated_gif, png

from personamgr.core.media import import_image
from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


def test_x_is_sent_the_names_the_user_attached_in_both_uploads(x_world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A still (the one-shot upload) and an animated GIF (the chunked one, whose every append names its piece)."""
    folder = x_world.services.media_dir
    still = import_image(folder, png(tmp_path / "Stage at night.png"), "The stage", part=0)
    moving = import_image(folder, animated_gif(tmp_path / "baile ñ.gif"), "A dance", part=1)
    assert (still["path"].endswith("Stage at night.png"), moving["path"].endswith(".gif")) == (False, True)

    post = x_world.post("1/2 The stage.", thread=("2/2 The dance.",), media=(still, moving))

    assert post.state is PostState.SENT, (post.state, post.error)
    sent = sorted((m.category, m.filenames) for m in x_world.fake.media.values())
    assert sent == [("tweet_gif", ("baile ñ.gif",)), ("tweet_image", ("Stage at night.png",))]
