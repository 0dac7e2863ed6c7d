"""The Mastodon network: statuses, reply-chain threads, images with descriptions, content warnings, visibility.

Each persona lives on its own server (``persona.server``); ``PERSONAMGR_MASTODON_URL``
sends every server's traffic to one base URL instead (a test server, a gateway).
Importing this module is cheap: Mastodon.py and requests load on the first send.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from urllib.parse import urlsplit

from personamgr.core.clock import Clock, utc
from personamgr.core.media import MediaLimits, check_items
from personamgr.core.networks.base import (
    Account,
    OutgoingPost,
    Published,
    RejectedError,
    part_key,
    send_parts,
)
from personamgr.core.networks.links import PostLink, is_post_id, link_parts
from personamgr.core.networks.remote import DEFAULT_TIMEOUT, RemoteNetwork
from personamgr.core.networks.uploads import KeptUploads, attach, upload_key
from personamgr.core.personas import DEFAULT_IMAGES, ServerLimits

API_URL_ENV = "PERSONAMGR_MASTODON_URL"
CREDENTIAL_KEYS = ("server", "access_token")
MAX_ALT_TEXT = 1500  # Mastodon's description limit
DEFAULT_IMAGE_BYTES = 16 * 1024 * 1024  # Mastodon 4's image_size_limit, when the server does not say
# Mastodon keeps an Idempotency-Key for an hour from when it made the status; less the time the unanswered
# request may have taken and a clock that differs from the server's by a few minutes.
IDEMPOTENCY_WINDOW = timedelta(minutes=50)
MEDIA_WAIT_S = 120.0  # how long a large upload may stay "processing" before the attempt is given up and retried


def host_of(server: str) -> str:
    return urlsplit(server).netloc or server


class MastodonNetwork(RemoteNetwork):
    name = "mastodon"
    display_name = "Mastodon"
    api_url_env = API_URL_ENV  # instead of every persona's own server
    credential_keys = CREDENTIAL_KEYS
    # Until the persona's server has said otherwise (its instance information, kept with the persona).
    media_limits = MediaLimits("Mastodon", DEFAULT_IMAGES, DEFAULT_IMAGE_BYTES, MAX_ALT_TEXT)
    # Every status carries an Idempotency-Key made from the post: a send the app did not live through is sent again
    # by itself within this while (``posting.resumable``), and the server returns the status it already made.
    repeat_window = IDEMPOTENCY_WINDOW

    def __init__(self, clock: Clock | None = None, *, base_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, config_error: str | None = None,
                 media_wait_s: float = MEDIA_WAIT_S, poll_interval_s: float = 1.0) -> None:
        super().__init__(clock, base_url=base_url, timeout=timeout, config_error=config_error)
        self.media_wait_s = media_wait_s
        self.poll_interval_s = poll_interval_s
        # A status's images are used again only within its repeat window (an unattached upload is the account's
        # until the server's clean-up, a day later), while a resend of a status already made is answered with it.
        self.kept_uploads: KeptUploads[tuple[str, bool]] = KeptUploads(self.clock.now, IDEMPOTENCY_WINDOW)

    def api_base(self, server: str) -> str:
        """Where requests for an account on ``server`` go."""
        self.refuse_if_misconfigured()
        self.refuse_plain_http(server)
        return self.base_url or server

    def client(self, server: str, access_token: str | None = None):  # type: ignore[no-untyped-def]  # -> MastodonClient
        from personamgr.core.networks.mastodon.client import MastodonClient

        return MastodonClient(self.api_base(server), access_token, timeout=self.timeout, now=self.clock.now,
                              label=host_of(server), pinned=self.base_url is not None)

    def _client_for(self, account: Account):  # type: ignore[no-untyped-def]
        creds = self.credentials_of(account)
        return self.client(creds["server"], creds["access_token"])

    def fetch_limits(self, account: Account) -> ServerLimits:
        """What the account's server allows, from its instance information."""
        api = self._client_for(account)
        try:
            return api.limits()
        finally:
            api.close()

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        creds = self.credentials_of(account)
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

            def send(i: int) -> str:
                items = post.media_of(i)
                key = part_key(post, i, *(f"{m.path}\x1f{m.alt_text}" for m in items), post.content_warning,
                               post.visibility)
                names = [m.shown_name for m in items]

                def processed(j: int, media_id: str) -> bool:  # False: the server no longer has it (cleaned up)
                    return api.wait_processed(media_id, names[j], wait_s=self.media_wait_s, poll_s=self.poll_interval_s)

                def status(uploads: list[tuple[str, bool]]) -> tuple[str, str | None]:
                    return api.post_status(post.parts[i], reply_to=ids[-1] if ids else None,
                                           media_ids=[media_id for media_id, _ in uploads],
                                           spoiler_text=post.content_warning, visibility=post.visibility,
                                           idempotency_key=key)

                status_id, url = attach(
                    self.kept_uploads, [upload_key((creds["server"], creds["access_token"]), key, j)
                                        for j in range(len(items))],
                    lambda j: api.upload_image(items[j]), status,
                    usable=lambda j, up: processed(j, up[0]),
                    ready=lambda j, up: up[1] or processed(j, up[0]))
                urls.append(url)
                return status_id

            send_parts(post, ids, send)
        finally:
            api.close()
        first_url = urls[0] if urls and not post.already_sent else self.post_url(account, ids[0])
        return Published(remote_id=ids[0], url=first_url, at=utc(self.clock.now()), part_ids=tuple(ids))

    def server_of(self, account_id: str) -> str | None:
        """The server in an account's id as connecting writes it ("mastodon:SERVER:ID"; auth.connect_with_tokens):
        where the posts that went out as that account are, whichever server the persona is on now."""
        network, _, rest = account_id.partition(":")
        server, _, user_id = rest.rpartition(":")
        return server if network == self.name and server and user_id else None

    def post_url(self, account: Account, remote_id: str) -> str | None:
        server = (account.credentials or {}).get("server") or account.server
        if not server:
            return None
        user = (account.handle or "").lstrip("@").split("@", 1)[0]
        return f"{server}/@{user}/{remote_id}" if user else f"{server}/web/statuses/{remote_id}"

    def read_link(self, link: str) -> PostLink | None:
        """A status as a Mastodon server shows it: /@user/ID, /@user@server/ID (an account of another server, or
        the server's own, named in full), /users/user/statuses/ID, /web/statuses/ID. An account named with its
        own server's name is named the short way, as the server itself does; a server on a port of its own names
        its accounts by its domain with or without the port (its account domain need not carry it)."""
        parts = link_parts(link)
        if parts is None or parts.scheme not in ("http", "https"):
            return None
        match parts.path:
            case (at_user, post_id) if at_user.startswith("@") and len(at_user) > 1:
                author: str | None = at_user[1:]
            case ("users", author, "statuses", post_id):
                pass
            case ("web", "statuses", post_id):
                author = None
            case _:
                return None
        if author is not None:
            user, _, home = author.partition("@")
            own = ("", parts.host, re.sub(r":\d+$", "", parts.host))
            author = user if home.lower() in own else author
        return PostLink(self.name, parts.host, author, post_id) if is_post_id(post_id) else None
