"""The X network: posts, reply-chain threads and images, through tweepy in user context.

Importing this module is cheap (no tweepy, no requests): the app registers the
network at start-up and pays for the HTTP stack on the first publish.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

from personamgr.core.clock import Clock, utc
from personamgr.core.media import X_LIMITS, check_items
from personamgr.core.networks.base import (
    Account,
    MediaItem,
    OutgoingPost,
    Published,
    RejectedError,
    part_key,
    send_parts,
)
from personamgr.core.networks.endpoints import env_base_url
from personamgr.core.networks.links import PostLink, link_parts
from personamgr.core.networks.remote import DEFAULT_TIMEOUT, RemoteNetwork
from personamgr.core.networks.uploads import KeptUploads, attach, upload_key

if TYPE_CHECKING:
    from personamgr.core.networks.x.client import XUpload

X_HOSTS = frozenset({"x.com", "twitter.com"})  # after "www." and "mobile."
CREDENTIAL_KEYS = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")
API_URL_ENV = "PERSONAMGR_X_API_URL"
# How long X keeps an upload no post uses when its answer does not say (its expires_after_secs: a day).
MEDIA_LIFETIME = timedelta(days=1)
# An upload is used again until this long before X drops it: the retry's own requests take time, and X's clock may
# differ from this computer's.
MEDIA_MARGIN = timedelta(hours=1)
# How often an attempt asks whether X has processed a GIF (as often as X's check_after_secs says, 1 s or more)
# before it leaves the post for a retry, which asks about the same upload again.
PROCESSING_LOOKS = 30


def api_base_url(env: Mapping[str, str] | None = None) -> str | None:
    """The override from the environment, checked; None means the real X API."""
    return env_base_url(API_URL_ENV, "X", env)


def check_media(parts: int, media: tuple[tuple[MediaItem, ...], ...]) -> None:
    """Refuse, before anything is sent, images X would refuse. Raises RejectedError naming the part and file."""
    problem = check_items(parts, media, X_LIMITS)
    if problem:
        raise RejectedError(problem)


class XNetwork(RemoteNetwork):
    name = "x"
    display_name = "X"
    repeat_passed = "x_repeat_window_passed"  # the note of a post whose copy X may no longer refuse
    api_url_env = API_URL_ENV  # instead of api.twitter.com
    credential_keys = CREDENTIAL_KEYS

    def __init__(self, clock: Clock | None = None, *, base_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, config_error: str | None = None) -> None:
        super().__init__(clock, base_url=base_url, timeout=timeout, config_error=config_error)
        # A retried post offers X the images it took on an earlier attempt (a GIF X was still processing included).
        self.kept_uploads: KeptUploads[XUpload] = KeptUploads(
            self.clock.now, lambda upload: (upload.lifetime or MEDIA_LIFETIME) - MEDIA_MARGIN)
        self.processing_looks = PROCESSING_LOOKS  # how often an attempt asks whether X has processed a GIF

    def session(self, credentials: Mapping[str, str]):  # type: ignore[no-untyped-def]  # -> XSession (lazy)
        from personamgr.core.networks.x.client import XSession

        return XSession(credentials, base_url=self.base_url, timeout=self.timeout, now=self.clock.now,
                        processing_looks=self.processing_looks)

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        self.refuse_if_misconfigured()
        creds = self.credentials_of(account)
        check_media(len(post.parts), post.media)
        ids = list(post.already_sent)
        x = self.session(creds)

        from personamgr.core.networks.x.errors import MediaGone

        def send(i: int) -> str:
            items = post.media_of(i)
            part = part_key(post, i, *(f"{m.path}\x1f{m.alt_text}" for m in items))
            return attach(self.kept_uploads, [upload_key((creds["consumer_key"], creds["access_token"]), part, j)
                                              for j in range(len(items))],
                          lambda j: x.upload_media(items[j]),
                          lambda uploads: x.create_tweet(post.parts[i], reply_to=ids[-1] if ids else None,
                                                         media_ids=[u.media_id for u in uploads]),
                          usable=lambda j, up: x.made_ready(up, items[j].alt_text, kept=True),
                          ready=lambda j, up: x.made_ready(up, items[j].alt_text, kept=False),
                          gone=MediaGone)

        try:
            send_parts(post, ids, send)
        finally:
            x.close()
        return Published(remote_id=ids[0], url=self.post_url(account, ids[0]), at=utc(self.clock.now()),
                         part_ids=tuple(ids))

    def post_url(self, account: Account, remote_id: str) -> str | None:
        handle = (account.handle or "").lstrip("@")
        return f"https://x.com/{handle}/status/{remote_id}" if handle else f"https://x.com/i/web/status/{remote_id}"

    def read_link(self, link: str) -> PostLink | None:
        """x.com/USER/status/ID as X and the apps show it: twitter.com or x.com, www. or mobile., and the
        account-less /i/web/status/ID and /i/status/ID."""
        parts = link_parts(link)
        if parts is None or parts.host not in X_HOSTS:
            return None
        match parts.path:
            case ("i", "web", "status", post_id) | ("i", "status", post_id):
                author = None
            case (author, "status" | "statuses", post_id):
                pass
            case _:
                return None
        return PostLink(self.name, "x.com", author, post_id) if post_id.isascii() and post_id.isdigit() else None
