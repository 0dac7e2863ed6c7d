"""One signed X session per publish: tweepy's ``Client`` for posts, the same session for media.

Imported only when something is actually sent or connected, so starting the
app does not pay for tweepy.
"""

from __future__ import annotations

import logging
import mimetypes
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import requests
import tweepy
from requests_oauthlib import OAuth1

from personamgr.core.image_check import animated_gif
from personamgr.core.networks.base import MediaItem, RejectedError, TransientError
from personamgr.core.networks.remote import DEFAULT_TIMEOUT
from personamgr.core.networks.x import errors
from personamgr.core.networks.x.transport import X_API, mount
from personamgr.core.reason_words import Note

log = logging.getLogger(__name__)
T = TypeVar("T")
CREDENTIAL_KEYS = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")
SEGMENT_BYTES = 4 * 1024 * 1024  # a chunked upload's pieces: X takes at most 5 MB each
LONGEST_LOOK_S = 10.0  # the longest wait between two looks, whatever X's check_after_secs says


@dataclass(slots=True)
class XUpload:
    """An upload X took, kept between a post's attempts until a post carries it."""

    media_id: str
    name: str  # the file's, for what is said about it
    lifetime: timedelta | None  # how long X keeps it for a post, when its answer says (expires_after_secs)
    processing: dict[str, Any] | None  # X's processing_info until it has processed the upload (chunked ones)
    ready: bool = False  # processed and its alt text set: a post may carry it


@dataclass(frozen=True, slots=True)
class RateLimit:
    limit: int | None
    remaining: int | None
    reset: int | None


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the tokens belong to, from ``GET /2/users/me``."""

    user_id: str
    username: str
    name: str
    access_level: str | None  # X's x-access-level header when sent: "read", "read-write", ...


def _raise_for(response: requests.Response) -> None:
    """tweepy's own status mapping, for the requests tweepy does not make (media)."""
    code = response.status_code
    if 200 <= code < 300:
        return
    cls: type[tweepy.HTTPException] = {
        400: tweepy.BadRequest, 401: tweepy.Unauthorized, 403: tweepy.Forbidden, 404: tweepy.NotFound,
    }.get(code, tweepy.TwitterServerError if code >= 500 else tweepy.HTTPException)
    if code == 429:
        reset = response.headers.get("x-rate-limit-reset")
        raise tweepy.TooManyRequests(response, reset_time=int(reset) if reset and reset.isdigit() else None)
    raise cls(response)


def _lifetime(answer: Mapping[str, Any]) -> timedelta | None:
    """How long X keeps an upload no post uses, as its answer says (``expires_after_secs``)."""
    seconds = answer.get("expires_after_secs")
    return timedelta(seconds=seconds) if isinstance(seconds, int) and seconds > 0 else None


class XSession:
    """A signed session for one account. Every call raises only ``NetworkError`` subclasses."""

    def __init__(self, credentials: Mapping[str, str], *, base_url: str | None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, now: Callable[[], datetime],
                 processing_looks: int) -> None:
        self.now = now
        self.processing_looks = processing_looks
        self.last_limit: RateLimit | None = None
        self.access_level: str | None = None
        self.oauth = OAuth1(credentials["consumer_key"], client_secret=credentials["consumer_secret"],
                            resource_owner_key=credentials["access_token"],
                            resource_owner_secret=credentials["access_token_secret"], decoding=None)
        self.client = tweepy.Client(
            consumer_key=credentials["consumer_key"], consumer_secret=credentials["consumer_secret"],
            access_token=credentials["access_token"], access_token_secret=credentials["access_token_secret"],
            return_type=dict, wait_on_rate_limit=False,
        )
        self.session: requests.Session = mount(self.client.session, base_url, timeout)
        self.session.hooks["response"].append(self._note)

    def close(self) -> None:
        self.session.close()

    def _note(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        h = response.headers

        def num(key: str) -> int | None:
            v = h.get(key)
            return int(v) if v and v.isdigit() else None

        if "x-rate-limit-remaining" in h:
            self.last_limit = RateLimit(num("x-rate-limit-limit"), num("x-rate-limit-remaining"),
                                        num("x-rate-limit-reset"))
        if "x-access-level" in h:
            self.access_level = h["x-access-level"]

    def _call(self, fn: Callable[[], T], *, write: bool, upload: bool = False) -> T:
        try:
            return fn()
        except tweepy.HTTPException as e:
            raise errors.from_http(e, self.now(), write=write, upload=upload) from None
        except requests.RequestException as e:
            raise errors.from_transport(e, write=write) from None

    # -- the API -------------------------------------------------------------------------
    def me(self) -> Identity:
        data = self._call(lambda: self.client.get_me(user_auth=True), write=False)["data"]
        return Identity(str(data["id"]), str(data["username"]), str(data.get("name", "")), self.access_level)

    def create_tweet(self, text: str, *, reply_to: str | None = None, media_ids: list[str] | None = None) -> str:
        data = self._call(lambda: self.client.create_tweet(
            text=text, in_reply_to_tweet_id=reply_to, media_ids=media_ids or None, user_auth=True), write=True)
        return str(data["data"]["id"])

    def upload_media(self, item: MediaItem) -> XUpload:
        """Upload one image. X plays a GIF only when it comes as one (``tweet_gif``, through the chunked upload, up to
        15 MB); sent as ``tweet_image`` through the one-shot upload, as every other image is, it shows still.
        Uploading is safe to repeat (an unused upload just expires), so a timeout here is transient. The upload is
        :meth:`made_ready` before a post carries it."""
        path = Path(item.path)
        mime = item.mime_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = path.read_bytes()
        name = item.shown_name  # the name the user attached, not the profile copy's (a name personamgr made up)
        if mime == "image/gif" and animated_gif(data):
            return self._call(lambda: self._upload_gif(name, data), write=False, upload=True)
        return self._call(lambda: self._upload_still(name, data, mime), write=False, upload=True)

    def made_ready(self, upload: XUpload, alt_text: str | None, *, kept: bool) -> bool:
        """Wait until X has processed ``upload`` (a chunked one), then set its alt text (``POST /2/media/metadata``).

        ``kept``: the upload is from an earlier attempt; X is asked about it again (STATUS), and False means X no
        longer has it or failed to process it, so it is uploaded again. A fresh upload X fails to process fails the
        post with X's words. Still processing after this attempt's looks: TransientError, the upload stays kept.
        """
        if upload.ready:
            return True
        if upload.processing is not None:
            if not self._call(lambda: self._processed(upload, kept=kept), write=False, upload=True):
                return False
            upload.processing = None
        if alt_text:
            def metadata() -> None:
                r = self.session.post(X_API + "/2/media/metadata", auth=self.oauth,
                                      json={"id": upload.media_id, "metadata": {"alt_text": {"text": alt_text}}})
                _raise_for(r)

            self._call(metadata, write=False, upload=True)
        upload.ready = True
        return True

    def _upload_still(self, name: str, data: bytes, mime: str) -> XUpload:
        """``POST /2/media/upload``, all at once, as ``tweet_image``."""
        r = self.session.post(X_API + "/2/media/upload", auth=self.oauth, files={"media": (name, data, mime)},
                              data={"media_category": "tweet_image", "media_type": mime})
        _raise_for(r)
        answer = r.json()["data"]
        return XUpload(str(answer["id"]), name, _lifetime(answer), None)

    def _upload_gif(self, name: str, data: bytes) -> XUpload:
        """The chunked upload as ``tweet_gif``: initialize, append the pieces, finalize (X then processes it)."""
        r = self.session.post(X_API + "/2/media/upload/initialize", auth=self.oauth, json={
            "media_category": "tweet_gif", "media_type": "image/gif", "total_bytes": len(data)})
        _raise_for(r)
        media_id = str(r.json()["data"]["id"])
        for index, start in enumerate(range(0, len(data), SEGMENT_BYTES)):
            r = self.session.post(X_API + f"/2/media/upload/{media_id}/append", auth=self.oauth,
                                  files={"media": (name, data[start:start + SEGMENT_BYTES], "image/gif")},
                                  data={"segment_index": str(index)})
            _raise_for(r)
        r = self.session.post(X_API + f"/2/media/upload/{media_id}/finalize", auth=self.oauth)
        _raise_for(r)
        answer = r.json()["data"]
        return XUpload(media_id, name, _lifetime(answer), answer.get("processing_info"))

    def _processed(self, upload: XUpload, *, kept: bool) -> bool:
        """Look at X's processing of ``upload`` until it ends (True: succeeded), at most ``processing_looks`` times,
        as often as its ``check_after_secs`` says. A kept upload is asked about at once (what X said then is old);
        False when X says it failed or no longer knows the id."""
        processing = self._status(upload, kept=kept) if kept else upload.processing
        looks = self.processing_looks
        while True:
            if processing is None:
                return False
            state = processing.get("state", "succeeded")  # no processing_info: nothing left to process
            if state == "succeeded":
                return True
            if state == "failed":
                if kept:
                    log.info("X failed to process kept upload %s: uploading it again", upload.media_id)
                    return False
                error = processing.get("error") or {}
                raise RejectedError(Note("x_gif_failed", name=upload.name,
                                         error=error.get("message") or error.get("name") or "failed"))
            upload.processing = processing
            if looks == 0:
                raise TransientError(Note("x_gif_slow", name=upload.name))
            looks -= 1
            time.sleep(_look_after(processing))
            processing = self._status(upload, kept=kept)

    def _status(self, upload: XUpload, *, kept: bool) -> dict[str, Any] | None:
        """X's ``processing_info`` for ``upload`` (empty when it says none); None when a kept upload's id is one X no
        longer knows (400 or 404: dropped before its time, or past it)."""
        r = self.session.get(X_API + "/2/media/upload", auth=self.oauth,
                             params={"command": "STATUS", "media_id": upload.media_id})
        if kept and r.status_code in {400, 404}:
            log.info("X no longer has kept upload %s (%s): uploading it again", upload.media_id, r.status_code)
            return None
        _raise_for(r)
        return r.json()["data"].get("processing_info") or {}


def _look_after(processing: Mapping[str, Any] | None) -> float:
    """How long to wait before the next STATUS: X's ``check_after_secs`` (1 s when it says none), at most
    LONGEST_LOOK_S."""
    after = (processing or {}).get("check_after_secs")
    return min(float(after), LONGEST_LOOK_S) if isinstance(after, int | float) and after >= 0 else 1.0
