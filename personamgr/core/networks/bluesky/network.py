"""The Bluesky network: posts with link, mention and hashtag facets, root+parent threads, images with alt text.

Every part is written under a record key derived from the post (:func:`record_key`), and
before writing, the key is looked up: a part that already went out (an attempt that timed out,
an app killed mid-send) is found and counted as sent instead of being posted again. That is
also why a timeout needs no review here.

``PERSONAMGR_BLUESKY_URL`` sends all traffic to another service URL (a test server, a
gateway); the persona's ``server`` names its PDS otherwise. With none (or bsky.social, the
entryway, which signs in only the accounts Bluesky hosts), a sign-in goes to the PDS the
account's DID document names (``client.BlueskyClient.find_pds``), so an account on a
self-hosted PDS connects with its handle alone.
Importing this module is cheap: atproto loads on the first send.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from personamgr.core.clock import Clock, utc
from personamgr.core.expiring import Expiring
from personamgr.core.i18n import QT_TRANSLATE_NOOP
from personamgr.core.media import MediaLimits, check_items
from personamgr.core.networks.base import Account, OutgoingPost, Published, RejectedError, part_key, send_parts
from personamgr.core.networks.bluesky.mentions import ANSWER_KEEP, Answer, MentionKey
from personamgr.core.networks.links import PostLink, is_post_id, link_parts
from personamgr.core.networks.remote import DEFAULT_TIMEOUT, RemoteNetwork
from personamgr.core.networks.uploads import KeptUploads, attach, upload_key
from personamgr.core.personas import BLUESKY_DEFAULT_SERVER

API_URL_ENV = "PERSONAMGR_BLUESKY_URL"
PLC_DIRECTORY = "https://plc.directory"  # where a did:plc account's DID document (and so its PDS) is published
CREDENTIAL_KEYS = ("handle", "did", "app_password")  # plus "session", the reusable session string
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 2_000_000  # the blob limit of app.bsky.embed.images ("up to 2 MB, formerly limited to 1 MB")
MAX_ALT_TEXT = 2000
BLUESKY_IMAGES = MediaLimits("Bluesky", MAX_IMAGES, MAX_IMAGE_BYTES, MAX_ALT_TEXT, too_big_hint=QT_TRANSLATE_NOOP(
    "Media", "Save a smaller copy (as JPEG, or with fewer pixels: 2,000 pixels wide is plenty) and attach that."))
POST_COLLECTION = "app.bsky.feed.post"
APP_HOST = "bsky.app"  # where post_url shows a post, whichever PDS holds it
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
# How long a blob uploaded for a post not yet made is used again. A PDS deletes a blob no record references "after
# some time" (the atproto blob spec names none, and leaves it to each PDS); we assume at least an hour, a guess no
# document confirms, and stop short of it. A PDS that deletes one sooner answers BlobNotFound: the image is then
# uploaded again at once, so a wrong guess costs one refused write, never the post.
BLOB_KEEP = timedelta(minutes=50)


def record_key(post: OutgoingPost, index: int) -> str:
    """A TID (the key Bluesky posts use) that is the same for part ``index`` of ``post`` on every attempt.

    Its time is when the post was written (plus the part's index in microseconds, so the parts of a
    thread sort in order); its 10-bit clock id comes from the post's identity, so two posts written in
    the same microsecond still differ.
    """
    written = post.created_at or datetime(2024, 1, 1, tzinfo=UTC)
    micros = int(utc(written).timestamp() * 1_000_000) + index
    clock_id = int.from_bytes(hashlib.sha256(post.key.encode()).digest()[:2], "big") & 0x3FF
    n = ((micros & ((1 << 53) - 1)) << 10) | clock_id
    return "".join(_TID_ALPHABET[(n >> (5 * (12 - i))) & 31] for i in range(13))


def post_uri(did: str, rkey: str) -> str:
    return f"at://{did}/{POST_COLLECTION}/{rkey}"


class BlueskyNetwork(RemoteNetwork):
    name = "bluesky"
    display_name = "Bluesky"
    api_url_env = API_URL_ENV  # instead of the persona's PDS
    credential_keys = CREDENTIAL_KEYS
    media_limits = BLUESKY_IMAGES
    # Every part is written under a key fixed before the call and looked up first: a send the app did not live
    # through is sent again by itself (``posting.resumable``), and what went out is found, not posted twice.
    finds_its_writes = True

    def __init__(self, clock: Clock | None = None, *, base_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, config_error: str | None = None,
                 entryway: str = BLUESKY_DEFAULT_SERVER, directory: str = PLC_DIRECTORY) -> None:
        """``entryway``: the service a persona with no server of its own signs in through (bsky.social);
        ``directory``: the PLC directory that says which PDS a did:plc account lives on."""
        super().__init__(clock, base_url=base_url, timeout=timeout, config_error=config_error)
        self.entryway = entryway
        self.directory = directory
        self.kept_uploads: KeptUploads[Any] = KeptUploads(self.clock.now, BLOB_KEEP)  # blob refs of parts not made
        # What compose was told of each handle a post mentions, for a few minutes (bluesky/mentions.py)
        self.mention_answers: Expiring[MentionKey, Answer] = Expiring(self.clock.now, ANSWER_KEEP)

    def client(self, server: str | None):  # type: ignore[no-untyped-def]  # -> BlueskyClient
        self.refuse_if_misconfigured()
        self.refuse_plain_http(server)
        from personamgr.core.networks.bluesky.client import BlueskyClient

        if self.base_url is not None:
            # DID documents still come from the directory: a mention is linked only once its account's document
            # claims its handle.
            return BlueskyClient(self.base_url, timeout=self.timeout, now=self.clock.now, pinned=True,
                                 documents=self.directory)
        if server and server.rstrip("/") not in (BLUESKY_DEFAULT_SERVER, self.entryway.rstrip("/")):
            return BlueskyClient(server, timeout=self.timeout, now=self.clock.now, documents=self.directory)
        return BlueskyClient(self.entryway, timeout=self.timeout, now=self.clock.now, directory=self.directory)

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        creds = self.credentials_of(account)
        problem = check_items(len(post.parts), post.media, BLUESKY_IMAGES)
        if problem:
            raise RejectedError(problem)
        api = self.client(account.server)
        from personamgr.core.networks.bluesky.errors import BlobGone

        try:
            api.sign_in(creds, on_credentials=account.on_credentials)
            did = api.did
            done = list(post.already_sent)
            refs: list[tuple[str, str]] = []  # (uri, cid) of each part, for the reply references
            for rkey in done:
                refs.append(api.existing_ref(did, rkey))

            def send(i: int) -> str:
                rkey = record_key(post, i)
                text, items = post.parts[i], post.media_of(i)
                root, parent = (refs[0], refs[-1]) if refs else (None, None)
                ref = api.written(did, rkey, text, items)  # an earlier attempt that was not answered
                if ref is None:
                    part = part_key(post, i, rkey, *(f"{m.path}\x1f{m.alt_text}" for m in items))
                    keys = [upload_key((api.service, did), part, j) for j in range(len(items))]
                    ref = attach(self.kept_uploads, keys, lambda j: api.upload(items[j]),
                                 lambda blobs: api.create_part(did, rkey, text, items, blobs, root=root,
                                                               parent=parent),
                                 gone=BlobGone)
                refs.append(ref)
                return rkey

            send_parts(post, done, send)
        finally:
            api.close()
        return Published(remote_id=done[0], url=self.post_url(account, done[0]), at=utc(self.clock.now()),
                         part_ids=tuple(done))

    def post_url(self, account: Account, remote_id: str) -> str | None:
        who = (account.handle or "").lstrip("@") or (account.credentials or {}).get("did", "")
        return f"https://{APP_HOST}/profile/{who}/post/{remote_id}" if who else None

    def read_link(self, link: str) -> PostLink | None:
        """bsky.app/profile/WHO/post/RKEY, where WHO is the account's handle or its DID."""
        parts = link_parts(link)
        if parts is None or parts.host != APP_HOST:
            return None
        match parts.path:
            case ("profile", who, "post", rkey) if is_post_id(rkey):
                return PostLink(self.name, APP_HOST, who, rkey)
        return None
