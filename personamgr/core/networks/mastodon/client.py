"""One Mastodon.py client per send or connect: timeouts, "throw" on rate limits, and every error mapped.

Imported only when something is actually sent or connected, so starting the app does not pay for
Mastodon.py.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

import requests
from mastodon import Mastodon
from mastodon import errors as merrors

from personamgr import __version__
from personamgr.core.media import mime_of
from personamgr.core.networks.base import MediaItem, NetworkError, TransientError
from personamgr.core.networks.mastodon import errors
from personamgr.core.networks.mastodon.network import DEFAULT_IMAGE_BYTES
from personamgr.core.networks.remote import DEFAULT_TIMEOUT
from personamgr.core.personas import DEFAULT_IMAGES, MASTODON_DEFAULT_LIMIT, ServerLimits
from personamgr.core.reason_words import Note

T = TypeVar("T")
USER_AGENT = f"personamgr/{__version__}"


def _json_of(answer: requests.Response) -> dict[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class MastodonClient:
    """A client for one account (or, without a token, for one server). Calls raise only NetworkError."""

    def __init__(self, api_base: str, access_token: str | None, *, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC), label: str = "Mastodon",
                 pinned: bool = False) -> None:
        self.api_base = api_base
        self.now = now
        self.label = label
        self.timeout = timeout
        self.session = requests.Session()
        if pinned:
            self.session.trust_env = False  # the override names the host to talk to; no proxy in between
        self.session.hooks["response"].append(self._stop_at_a_move)
        self.session.hooks["response"].append(self._note_retry_after)
        self._retry_after: str | None = None  # the last answer's Retry-After header
        # "throw": Mastodon.py's default waits for the rate limit inside the call (up to 5 minutes, again and
        # again); the Poster reschedules instead. The version is read from the server when it matters (media).
        self.api = Mastodon(access_token=access_token, api_base_url=api_base, ratelimit_method="throw",
                            request_timeout=timeout, session=self.session, user_agent=USER_AGENT)
        self._limits: ServerLimits | None = None
        self.image_size_limit = DEFAULT_IMAGE_BYTES

    def close(self) -> None:
        self.session.close()

    def _note_retry_after(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        self._retry_after = response.headers.get("Retry-After")

    def _stop_at_a_move(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        """Stop at a redirect that requests would follow without the account's token (another host, or off https).

        Followed, the new address answers 401 for want of the token, which reads as a revoked token, and a
        reconnect with the old address meets the same redirect again; a 301 also turns a POST into a GET.
        """
        if response.is_redirect:
            target = urljoin(response.url, response.headers["location"])
            if self.session.should_strip_auth(response.url, target):
                response.close()  # raised past requests, which would otherwise release its connection
                raise errors.Moved(target, response.status_code)

    def call(self, fn: Callable[[], T], *, write: bool = False, upload: bool = False) -> T:
        try:
            return fn()
        except merrors.MastodonError as e:
            raise errors.from_mastodon(e, now=self.now(), reset=self.api.ratelimit_reset, write=write,
                                       server=self.label, retry_after_header=self._retry_after,
                                       upload=upload) from None

    # -- the API -------------------------------------------------------------------------
    def verify(self) -> dict[str, Any]:
        """The account the token belongs to (``GET /api/v1/accounts/verify_credentials``)."""
        return dict(self.call(self.api.account_verify_credentials))

    def limits(self) -> ServerLimits:
        """The server's limits from its instance information (once per client)."""
        if self._limits is None:
            info = self.call(self._instance_info)
            conf = info.get("configuration") or {}
            statuses = conf.get("statuses") or {}
            media = conf.get("media_attachments") or {}
            self.image_size_limit = int(media.get("image_size_limit") or DEFAULT_IMAGE_BYTES)
            self._limits = ServerLimits(
                max_characters=int(statuses.get("max_characters") or MASTODON_DEFAULT_LIMIT),
                max_media=int(statuses.get("max_media_attachments") or DEFAULT_IMAGES),
                characters_reserved_per_url=int(statuses.get("characters_reserved_per_url") or 23),
                fetched_at=self.now().astimezone(UTC).isoformat(timespec="seconds"))
        return self._limits

    def _instance_info(self) -> Any:
        """``GET /api/v2/instance``; on a server older than Mastodon 4.0, which has none (404), ``/api/v1/instance``.

        Both carry ``configuration`` (v1 from Mastodon 3.4.2 on); before that a server says no limits, so
        Mastodon's defaults hold.
        """
        try:
            return self.api.instance_v2()
        except merrors.MastodonNotFoundError:
            with warnings.catch_warnings():  # the deprecation of v1 is no news on a server that has nothing newer
                warnings.simplefilter("ignore", category=merrors.MastodonDeprecationWarning)
                return self.api.instance_v1()

    def upload_image(self, item: MediaItem) -> tuple[str, bool]:
        """``POST /api/v2/media`` with the alt text as its description: (its id, whether it is processed).

        A large file comes back unprocessed (no ``url`` yet): :meth:`wait_processed`. An upload is safe to repeat
        (an unattached one is cleaned up by the server), so failures here are retried.
        """
        path = Path(item.path)
        with path.open("rb") as fh:  # opened here: Mastodon.py leaves a file it opened itself unclosed
            media = self.call(lambda: self.api.media_post(fh, mime_type=mime_of(item),
                                                          description=item.alt_text or None,
                                                          file_name=item.shown_name),
                              upload=True)
        return str(media["id"]), bool(media.get("url"))

    def wait_processed(self, media_id: str, name: str, *, wait_s: float, poll_s: float = 1.0) -> bool:
        """Poll ``GET /api/v1/media/:id`` until the server has processed it, for at most ``wait_s``: False when the
        server no longer has it (cleaned up); TransientError when it is still processing.

        Mastodon.py's own ``synchronous=True`` polls with no time limit and turns every error, a revoked token
        included, into "could not be processed"; this keeps each error's meaning.
        """
        deadline = time.monotonic() + wait_s
        delay = poll_s
        while True:
            media = self.call(lambda: self._media_or_none(media_id))
            if media is None:
                return False
            if media.get("url"):
                return True
            if time.monotonic() >= deadline:
                raise TransientError(Note("mastodon_processing", label=self.label, name=name, wait_s=wait_s))
            time.sleep(delay)
            delay = min(delay * 2, 5.0)

    def _media_or_none(self, media_id: str) -> Any:
        try:
            return self.api.media(media_id)
        except merrors.MastodonNotFoundError:
            return None

    def app_known(self, client_id: str, client_secret: str, scopes: list[str]) -> bool:
        """Whether the server still knows the app registration: False only when it answers the client-credentials
        grant (``POST /oauth/token``) with 401 ``invalid_client``, as Mastodon's Doorkeeper does for a registration
        an admin removed. Any other answer cannot tell, so it counts as known. The app token it gives is revoked at
        once (personamgr has no use for it). Mastodon.py has no call for this grant."""
        def form(path: str, data: dict[str, str]) -> requests.Response:
            try:
                return self.session.post(self.api_base.rstrip("/") + path, data=data, timeout=self.timeout)
            except (requests.RequestException, errors.Moved) as e:  # as Mastodon.py wraps its own requests
                raise merrors.MastodonNetworkError(e) from e

        client = {"client_id": client_id, "client_secret": client_secret}
        answer = self.call(lambda: form("/oauth/token", {**client, "grant_type": "client_credentials",
                                                         "scope": " ".join(scopes)}))
        if answer.status_code == 401 and _json_of(answer).get("error") == "invalid_client":
            return False
        token = _json_of(answer).get("access_token")
        if answer.ok and isinstance(token, str):
            try:
                self.call(lambda: form("/oauth/revoke", {**client, "token": token}))
            except NetworkError:  # the server keeps it unused; it acts for no account
                pass
        return True

    def post_status(self, text: str, *, reply_to: str | None, media_ids: list[str], spoiler_text: str,
                    visibility: str, idempotency_key: str) -> tuple[str, str | None]:
        """``POST /api/v1/statuses`` with an ``Idempotency-Key``: a repeat within an hour returns the same status."""
        status = self.call(lambda: self.api.status_post(
            text, in_reply_to_id=reply_to, media_ids=media_ids or None, spoiler_text=spoiler_text or None,
            visibility=visibility, idempotency_key=idempotency_key), write=True)
        return str(status["id"]), status.get("url")

