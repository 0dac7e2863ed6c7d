"""The X network: posts, reply-chain threads and images, through tweepy in user context.

Importing this module is cheap (no tweepy, no requests): the app registers the
network at start-up and pays for the HTTP stack on the first publish.
"""

from __future__ import annotations

from collections.abc import Mapping

from personamgr.core.clock import Clock, SystemClock, utc
from personamgr.core.i18n import translate
from personamgr.core.media import X_LIMITS, check_items
from personamgr.core.networks.base import (
    Account,
    AuthError,
    MediaItem,
    NetworkError,
    OutgoingPost,
    PartialThreadError,
    Published,
    RejectedError,
)
from personamgr.core.networks.endpoints import BaseUrlError, env_base_url

CREDENTIAL_KEYS = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")
API_URL_ENV = "PERSONAMGR_X_API_URL"
DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 30.0)  # (connect, read) seconds


def api_base_url(env: Mapping[str, str] | None = None) -> str | None:
    """The override from the environment, checked; None means the real X API."""
    return env_base_url(API_URL_ENV, "X", env)


def check_media(parts: int, media: tuple[tuple[MediaItem, ...], ...]) -> None:
    """Refuse, before anything is sent, images X would refuse. Raises RejectedError naming the part and file."""
    problem = check_items(parts, media, X_LIMITS)
    if problem:
        raise RejectedError(problem)


def credentials_of(account: Account) -> Mapping[str, str]:
    creds = account.credentials or {}
    missing = [k for k in CREDENTIAL_KEYS if not creds.get(k)]
    if missing:
        raise AuthError(translate(
            "X", "The stored X credentials are incomplete (missing {list}).").format(list=', '.join(missing)))
    return creds


class XNetwork:
    name = "x"
    display_name = "X"
    needs_credentials = True

    def __init__(self, clock: Clock | None = None, *, base_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, config_error: str | None = None) -> None:
        """``base_url``: where to send X API traffic instead of api.twitter.com (``PERSONAMGR_X_API_URL``).

        ``config_error``: a bad override. Every send is then refused with that message rather than
        silently going to the real X while the user believes it goes elsewhere (or the reverse).
        """
        self.clock = clock or SystemClock()
        self.base_url = base_url
        self.timeout = timeout
        self.config_error = config_error

    @classmethod
    def from_environment(cls, clock: Clock | None = None, env: Mapping[str, str] | None = None) -> XNetwork:
        try:
            return cls(clock, base_url=api_base_url(env))
        except BaseUrlError as e:
            return cls(clock, config_error=str(e))

    def session(self, credentials: Mapping[str, str]):  # type: ignore[no-untyped-def]  # -> XSession (lazy)
        from personamgr.core.networks.x.client import XSession

        return XSession(credentials, base_url=self.base_url, timeout=self.timeout, now=self.clock.now)

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        if self.config_error:
            raise RejectedError(self.config_error)
        creds = credentials_of(account)
        check_media(len(post.parts), post.media)
        ids = list(post.already_sent)
        x = self.session(creds)
        try:
            for i in range(len(ids), len(post.parts)):
                try:
                    media_ids = [x.upload_image(m) for m in (post.media[i] if i < len(post.media) else ())]
                    ids.append(x.create_tweet(post.parts[i], reply_to=ids[-1] if ids else None,
                                              media_ids=media_ids))
                except NetworkError as e:
                    if ids:
                        raise PartialThreadError(tuple(ids), i, e) from None
                    raise
        finally:
            x.close()
        return Published(remote_id=ids[0], url=self.post_url(account, ids[0]), at=utc(self.clock.now()),
                         part_ids=tuple(ids))

    def post_url(self, account: Account, remote_id: str) -> str | None:
        handle = (account.handle or "").lstrip("@")
        return f"https://x.com/{handle}/status/{remote_id}" if handle else f"https://x.com/i/web/status/{remote_id}"
