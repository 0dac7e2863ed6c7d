"""Mastodon is sent the name the user attached, not the profile copy's (Mastodon keeps it as the file's name)."""

from __future__ import annotations

import pytest
from image_files import png

from personamgr.core.media import import_image
from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


def test_mastodon_is_sent_the_name_the_user_attached(mastodon_world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    attached = import_image(mastodon_world.services.media_dir, png(tmp_path / "Amp ñ.png"), "The amp")

    post = mastodon_world.post("The amp.", media=(attached,))

    assert post.state is PostState.SENT, (post.state, post.error)
    assert [m.filename for m in mastodon_world.fake.uploads.values()] == ["Amp ñ.png"]
