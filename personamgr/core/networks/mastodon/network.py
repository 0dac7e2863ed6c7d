"""The Mastodon network: statuses, reply-chain threads, images with descriptions, content warnings, visibility.

Each persona lives on its own server (``persona.server``); ``PERSONAMGR_MASTODON_URL``
sends every server's traffic to one base URL instead (a test server, a gateway).
Importing this module is cheap: Mastodon.py and requests load on the first send.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from urllib.parse import urlsplit

from personamgr.core.clock import Clock, SystemClock, utc
from personamgr.core.i18n import translate
from personamgr.core.media import MediaLimits, check_items
from personamgr.core.networks.base import (
    Account,
    AuthError,
    NetworkError,
    OutgoingPost,
    PartialThreadError,
    Published,
    RejectedError,
    part_key,
)
from personamgr.core.networks.endpoints import BaseUrlError, env_base_url
from personamgr.core.personas import DEFAULT_IMAGES, ServerLimits

API_URL_ENV = "PERSONAMGR_MASTODON_URL"
CREDENTIAL_KEYS = ("server", "access_token")
DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 30.0)  # (connect, read) seconds
MAX_ALT_TEXT = 1500  # Mastodon's description limit
DEFAULT_IMAGE_BYTES = 16 * 1024 * 1024  # Mastodon 4's image_size_limit, when the server does not say
MEDIA_WAIT_S = 120.0  # how long a large upload may stay "processing" before the attempt is given up and retried


def credentials_of(account: Account) -> Mapping[str, str]:
    creds = account.credentials or {}
    missing = [k for k in CREDENTIAL_KEYS if not creds.get(k)]
    if missing:
        raise AuthError(translate(
            "Mastodon", "The stored Mastodon credentials are incomplete (missing {list}).").format(
            list=', '.join(missing)))
    return creds


def host_of(server: str) -> str:
    return urlsplit(server).netloc or server


class MastodonNetwork:
    name = "mastodon"
    display_name = "Mastodon"
    needs_credentials = True
    # Until the persona's server has said otherwise (its instance information, kept with the persona).
    media_limits = MediaLimits("Mastodon", DEFAULT_IMAGES, DEFAULT_IMAGE_BYTES, MAX_ALT_TEXT)

    def __init__(self, clock: Clock | None = None, *, base_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, config_error: str | None = None,
                 media_wait_s: float = MEDIA_WAIT_S, poll_interval_s: float = 1.0) -> None:
        """``base_url``: where to send every server's traffic instead (``PERSONAMGR_MASTODON_URL``).

        ``config_error``: a bad override; every send is then refused with that message.
        """
        self.clock = clock or SystemClock()
        self.base_url = base_url
        self.timeout = timeout
        self.config_error = config_error
        self.media_wait_s = media_wait_s
        self.poll_interval_s = poll_interval_s

    @classmethod
    def from_environment(cls, clock: Clock | None = None, env: Mapping[str, str] | None = None) -> MastodonNetwork:
        try:
            return cls(clock, base_url=env_base_url(API_URL_ENV, "Mastodon", env))
        except BaseUrlError as e:
            return cls(clock, config_error=str(e))

    def api_base(self, server: str) -> str:
        """Where requests for an account on ``server`` go."""
        if self.config_error:
            raise RejectedError(self.config_error)
        return self.base_url or server

    def client(self, server: str, access_token: str | None = None):  # type: ignore[no-untyped-def]  # -> MastodonClient
        from personamgr.core.networks.mastodon.client import MastodonClient

        return MastodonClient(self.api_base(server), access_token, timeout=self.timeout, now=self.clock.now,
                              label=host_of(server), pinned=self.base_url is not None)

    def _client_for(self, account: Account):  # type: ignore[no-untyped-def]
        creds = credentials_of(account)
        return self.client(creds["server"], creds["access_token"])

    def fetch_limits(self, account: Account) -> ServerLimits:
        """What the account's server allows, from its instance information."""
        api = self._client_for(account)
        try:
            return api.limits()
        finally:
            api.close()

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        api = self._client_for(account)
        try:
            if any(post.media):  # the server's own image limits, fresh (text limits are the Poster's)
                limits = api.limits()
                problem = check_items(len(post.parts), post.media, replace(
                    self.media_limits, per_post=limits.max_media, max_bytes=api.image_size_limit))
                if problem:
                    raise RejectedError(problem)
            ids = list(post.already_sent)
            urls: list[str | None] = []
            for i in range(len(ids), len(post.parts)):
                try:
                    items = post.media[i] if i < len(post.media) else ()
                    media_ids = [api.upload_image(m, wait_s=self.media_wait_s, poll_s=self.poll_interval_s)
                                 for m in items]
                    key = part_key(post, i, *(f"{m.path}\x1f{m.alt_text}" for m in items), post.content_warning,
                                   post.visibility)
                    status_id, url = api.post_status(post.parts[i], reply_to=ids[-1] if ids else None,
                                                     media_ids=media_ids, spoiler_text=post.content_warning,
                                                     visibility=post.visibility, idempotency_key=key)
                    ids.append(status_id)
                    urls.append(url)
                except NetworkError as e:
                    if ids:
                        raise PartialThreadError(tuple(ids), i, e) from None
                    raise
        finally:
            api.close()
        first_url = urls[0] if urls and not post.already_sent else self.post_url(account, ids[0])
        return Published(remote_id=ids[0], url=first_url, at=utc(self.clock.now()), part_ids=tuple(ids))

    def post_url(self, account: Account, remote_id: str) -> str | None:
        server = (account.credentials or {}).get("server") or account.server
        if not server:
            return None
        user = (account.handle or "").lstrip("@").split("@", 1)[0]
        return f"{server}/@{user}/{remote_id}" if user else f"{server}/web/statuses/{remote_id}"

