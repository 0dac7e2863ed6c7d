"""Bluesky is sent no file name: uploadBlob takes the bytes alone (its lexicon has no name), so the profile copy's
name, one personamgr made up, goes nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from image_files import png

from personamgr.core.media import import_image
from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


def test_bluesky_is_sent_no_file_name(bluesky_world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    attached = import_image(bluesky_world.services.media_dir, png(tmp_path / "Amp.png"), "The amp")

    post = bluesky_world.post("The amp.", media=(attached,))

    assert post.state is PostState.SENT, (post.state, post.error)
    assert [(b.filename, b.size) for b in bluesky_world.fake.blobs.values()] == [
        (None, Path(attached["path"]).stat().st_size)]
