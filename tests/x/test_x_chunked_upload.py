"""The fake X's chunked upload refuses what X refuses, and the app sends nothing X would refuse.

Where each check comes from. X cannot be reached from here, so nothing below was tried on the live API.

Confirmed from tweepy 4.17's own code and docstrings (tweepy/api.py; read 2 Dec 2026):
* APPEND pieces of at most 5 MB, counted as 5 * 1024 * 1024 bytes (``chunked_upload``: "Max chunk size is 5 MiB";
  ``chunked_upload_append``: "It must be <= 5 MB"), in the multipart field ``media`` with a file name;
* ``segment_index`` 0 to 999 ("between 0-999 inclusive"; ``chunked_upload`` makes its pieces at least a thousandth
  of the file, so never more than 1,000), numbered 0, 1, 2… in order;
* INIT carries ``total_bytes``, ``media_type`` and an optional ``media_category``; the one-shot upload the field
  ``media`` and an optional ``media_category`` (``simple_upload``);
* FINALIZE answers ``processing_info`` only when X still processes the upload, and STATUS (``command=STATUS``,
  ``media_id``) says ``pending`` or ``in_progress`` with ``check_after_secs`` until it ends, with an ``error`` when it
  failed (``chunked_upload``'s loop);
* a post carries "up to 4 photos or 1 animated GIF or 1 video" (``update_status``'s ``media_ids``).

Not in tweepy, which has no v2 media upload (its uploads go to upload.twitter.com/1.1/media/upload.json; the v2
``Client`` has none, as /work/shared/design.md says): so, assumptions, taken from X's v2 reference and media best
practices as the repo's notes cite them:
* the v2 paths and bodies (``/2/media/upload``, ``…/initialize`` with JSON, ``…/{id}/append``, ``…/{id}/finalize``,
  STATUS by GET on ``/2/media/upload``, ``/2/media/metadata``) and their answers under ``data``;
* ``media_category`` required on the one-shot upload (tweepy's v1.1 leaves it optional; the app always sends it);
* the limits per category (images 5 MB, GIFs 15 MB), the media types each category takes, and which categories the
  one-shot upload takes;
* ``expires_after_secs``: 86,400, the state names ``succeeded`` and ``failed`` and the ``error``'s ``message``;
* finalize refusing missing segments or a size other than ``total_bytes``, the 400 for an id X does not know
  (including an APPEND after FINALIZE, and another account's id), and the fake's words. APPEND's answer (tweepy:
  "returns an empty response body" on v1.1; the fake answers ``expires_at``) is not read by the app.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from image_files import animated_gif, png

from personamgr.core.networks.x.transport import X_API
from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


@pytest.fixture
def x(x_world):  # type: ignore[no-untyped-def]
    """Signed requests to the fake X, as the app signs them (over X's own URL)."""
    session = x_world.network.session(x_world.credentials)

    def call(method: str, path: str, **kwargs: Any) -> requests.Response:
        return session.session.request(method, X_API + path, auth=session.oauth, **kwargs)

    yield call
    session.close()


def _initialize(x, total: int = 10, media_type: str = "image/gif", category: str = "tweet_gif") -> requests.Response:  # type: ignore[no-untyped-def]
    return x("POST", "/2/media/upload/initialize", json={"media_category": category, "media_type": media_type,
                                                         "total_bytes": total})


def _append(x, media_id: str, index: int, data: bytes) -> requests.Response:  # type: ignore[no-untyped-def]
    return x("POST", f"/2/media/upload/{media_id}/append", files={"media": ("a.gif", data, "image/gif")},
             data={"segment_index": str(index)})


def test_initialize_takes_a_media_type_of_its_category_and_a_positive_size(x) -> None:  # type: ignore[no-untyped-def]
    assert _initialize(x).status_code == 200
    assert _initialize(x, media_type="image/png").status_code == 400  # a PNG is no tweet_gif
    assert _initialize(x, media_type="video/mp4", category="tweet_video").status_code == 200
    assert _initialize(x, total=0).status_code == 400
    assert _initialize(x, total=16 * 1024 * 1024).status_code == 400  # GIFs up to 15 MB


def test_append_takes_segments_0_to_999_and_finalize_all_of_them_in_order(x) -> None:  # type: ignore[no-untyped-def]
    media_id = _initialize(x, total=4).json()["data"]["id"]
    assert _append(x, media_id, 1000, b"ab").status_code == 400
    assert _append(x, media_id, 0, b"ab").status_code == 200
    assert _append(x, media_id, 2, b"cd").status_code == 200
    gap = x("POST", f"/2/media/upload/{media_id}/finalize")
    assert gap.status_code == 400 and "Segments missing" in gap.text
    assert _append(x, media_id, 1, b"").status_code == 200  # an empty segment fills the gap, the size is right
    assert x("POST", f"/2/media/upload/{media_id}/finalize").status_code == 200
    assert _append(x, media_id, 3, b"ef").status_code == 400  # after FINALIZE


def test_status_says_how_processing_goes_and_knows_only_the_accounts_ids(x_world, x, tmp_path) -> None:  # type: ignore[no-untyped-def]
    x_world.fake.processing_looks, x_world.fake.check_after_s = 1, 2
    data = animated_gif(tmp_path / "a.gif").read_bytes()
    media_id = _initialize(x, total=len(data)).json()["data"]["id"]
    assert _append(x, media_id, 0, data).status_code == 200
    pending = x("POST", f"/2/media/upload/{media_id}/finalize").json()["data"]["processing_info"]
    assert (pending["state"], pending["check_after_secs"]) == ("pending", 2)

    def status(of: str) -> requests.Response:
        return x("GET", "/2/media/upload", params={"command": "STATUS", "media_id": of})

    looks = [status(media_id).json()["data"]["processing_info"] for _ in range(2)]
    assert [(i["state"], i.get("check_after_secs")) for i in looks] == [("in_progress", 2), ("succeeded", None)]
    assert status("1").status_code == 400
    x_world.fake.age_media(86_400)
    assert status(media_id).status_code == 400  # expired


def test_a_post_carries_up_to_4_images_or_1_animated_gif(x_world, x, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def still() -> str:
        r = x("POST", "/2/media/upload", data={"media_category": "tweet_image"},
              files={"media": ("a.png", png(tmp_path / "a.png").read_bytes(), "image/png")})
        return str(r.json()["data"]["id"])

    data = animated_gif(tmp_path / "a.gif").read_bytes()
    moving = _initialize(x, total=len(data)).json()["data"]["id"]
    _append(x, moving, 0, data)
    x("POST", f"/2/media/upload/{moving}/finalize")
    x("GET", "/2/media/upload", params={"command": "STATUS", "media_id": moving})

    def tweet(text: str, ids: list[str]) -> int:
        return x("POST", "/2/tweets", json={"text": text, "media": {"media_ids": ids}}).status_code

    assert tweet("Five.", [still() for _ in range(5)]) == 400
    assert tweet("Mixed.", [moving, still()]) == 400
    assert tweet("Four.", [still() for _ in range(4)]) == 201
    assert tweet("Alone.", [moving]) == 201


def test_an_animated_gif_with_other_images_is_refused_before_anything_is_uploaded(x_world, tmp_path) -> None:
    """X takes up to 4 photos or 1 animated GIF on a post: a GIF with a photo went up, both uploads were spent and
    X refused the post with its own words. The GIF is named as the user attached it, not as the profile's copy."""
    post = x_world.post("A gif and a chart.", media=({"path": str(animated_gif(tmp_path / "3f9a0c.gif")),
                                                      "name": "dance.gif", "alt_text": "A dancing chart"},
                                                     {"path": str(png(tmp_path / "chart.png")), "alt_text": "A chart"}))
    assert post.state is PostState.FAILED, (post.state, post.error)
    assert post.error == ("X takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): "
                          "dance.gif is on the post with other images. Put it in a thread part of its own, or remove "
                          "the other images.")
    assert x_world.fake.requests == []
    assert x_world.services.outbox.get(post.id).text == "A gif and a chart."
