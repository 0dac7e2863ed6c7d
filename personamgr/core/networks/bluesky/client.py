"""One atproto client per send or connect: the session, facets, images and records, every error mapped.

Imported only when something is actually sent or connected, so starting the app does not pay for atproto.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import httpx
from atproto import Client, SessionEvent, client_utils, models
from atproto_client import exceptions as ax
from atproto_client.models.utils import get_response_model
from atproto_client.request import Request
from atproto_client.utils import facet_detection
from atproto_core.did_doc import DidDocument

from personamgr.core.logs import redact_secret
from personamgr.core.media import mime_of
from personamgr.core.networks.base import AmbiguousError, AuthError, MediaItem, RejectedError
from personamgr.core.networks.bluesky import errors
from personamgr.core.networks.bluesky.network import post_uri
from personamgr.core.networks.remote import DEFAULT_TIMEOUT
from personamgr.core.reason_words import Note

T = TypeVar("T")
REFRESH_MARGIN = timedelta(minutes=1)  # a stored session this close to its end is not tried


class _PinnedClient(Client):
    """atproto's client, kept on one service when ``PERSONAMGR_BLUESKY_URL`` names it.

    After signing in, atproto moves to the PDS the account's DID document names; with an override the
    traffic must stay where the user pointed it (a test server, a gateway).
    """

    pinned = False

    def _update_pds_endpoint(self, pds_endpoint: str) -> None:
        if not self.pinned:
            super()._update_pds_endpoint(pds_endpoint)


def blob_cid(data: bytes) -> str:
    """The CID a PDS gives a blob of ``data`` (CIDv1, raw codec, SHA-256, base32), as a record's image names it."""
    cid = bytes((0x01, 0x55, 0x12, 0x20)) + hashlib.sha256(data).digest()
    return "b" + base64.b32encode(cid).decode().lower().rstrip("=")


def jwt_expiry(token: str) -> datetime | None:
    """The ``exp`` of a JWT, read without checking its signature (only the server can)."""
    try:
        payload = token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return datetime.fromtimestamp(int(data["exp"]), UTC)
    except (IndexError, KeyError, TypeError, ValueError):
        return None


ENTRYWAY_HOSTS = ".bsky.network"  # Bluesky's own PDS hosts (morel.us-east.host.bsky.network, …)


def entryway_signs_in(pds: str) -> bool:
    """Whether an account whose DID document names ``pds`` signs in at the entryway (bsky.social): it is one of
    Bluesky's own hosts, whose accounts the entryway holds and Bluesky's own app signs in there; only an account
    on a PDS of its own must be signed in where it lives."""
    return (urlsplit(pds).hostname or "").endswith(ENTRYWAY_HOSTS)


class BlueskyClient:
    """A client for one account on one service. Calls raise only NetworkError (or ConnectError when connecting)."""

    def __init__(self, service: str, *, timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC), pinned: bool = False,
                 directory: str | None = None, documents: str | None = None) -> None:
        """``directory``: ``service`` is an entryway, and sign-ins go to the PDS the account's DID document
        names, read from this PLC directory (see :meth:`find_pds`); ``documents``: the PLC directory did:plc
        documents are read from otherwise (a handle a post mentions is checked against its account's)."""
        self.service = service
        self.directory = directory
        self.documents = directory or documents
        self.now = now
        connect, read = timeout
        request = Request(timeout=httpx.Timeout(read, connect=connect), trust_env=not pinned)
        self.client = _PinnedClient(base_url=service, request=request)
        self.client.pinned = pinned
        self.did = ""
        self.handle = ""
        self.known_did = ""  # the account's DID as stored at connect, to find its PDS without its handle
        self.sessions_created = 0
        self._login: tuple[str, str] | None = None  # handle and app password, to renew a dead stored session
        self._renewed = False
        self._renewing = False
        self._keep: Callable[[], None] = lambda: None

    def close(self) -> None:
        self.client.request.close()

    def call(self, fn: Callable[[], T], *, write: bool = False) -> T:
        """Run one request; a stored session that turns out to be dead is renewed once, then it runs again.

        An access token the server calls expired (``ExpiredToken`` while atproto, by this machine's clock,
        thought it valid: the clocks differ) is refreshed with the refresh token; only a session that cannot be
        refreshed is replaced with the app password, since Bluesky allows few new sessions (30 per 5 minutes,
        300 a day per account) and too many lock the account out of signing in. A refused session means nothing
        was written, so running a write again is safe.
        """
        try:
            return self._mapped(fn, write=write)
        except AuthError as e:
            if self._login is None or self._renewed:
                raise
            expired = isinstance(e, errors.SessionExpired)
        self._renewed = True
        if not (expired and self._refreshed()):
            self._renew()
        return self._mapped(fn, write=write)

    def _refreshed(self) -> bool:
        """``refreshSession`` with the refresh token; False when the server refuses that token too.

        atproto announces the new session (``SessionEvent.REFRESH``), so it is kept for the next send.
        """
        try:
            with self.client._refresh_lock:  # atproto's own lock around its refreshes
                self._mapped(self.client._refresh_and_set_session, write=False)
        except AuthError:
            return False
        self._note_session()
        return True

    def _mapped(self, fn: Callable[[], T], *, write: bool) -> T:
        try:
            return fn()
        except ax.AtProtocolError as e:
            raise errors.from_atproto(e, now=self.now(), write=write) from None
        except httpx.TransportError as e:  # below XRPC, and not wrapped by atproto (a dropped answer, say)
            raise errors.from_transport(e, write=write) from None

    # -- the session -------------------------------------------------------------------------
    def create_session(self, handle: str, app_password: str) -> None:
        """``createSession`` (limited to 30 per 5 minutes and 300 a day per account: only when needed), on the
        account's own PDS when this client starts at an entryway."""
        if self.directory is not None:
            pds = self.find_pds(handle, self.known_did)
            self.client.update_base_url(self.service if pds is None or entryway_signs_in(pds) else pds)
        self._mapped(lambda: self.client.login(handle.lstrip("@"), app_password, fetch_bsky_profile=False),
                     write=False)
        self.sessions_created += 1
        self._note_session()

    def _note_session(self) -> None:
        session = self.client._session  # atproto keeps it there; export_session_string reads it too
        assert session is not None
        self.did, self.handle = session.did, session.handle
        redact_secret(session.access_jwt)
        redact_secret(session.refresh_jwt)

    def session_string(self) -> str:
        return self.client.export_session_string()

    def sign_in(self, creds: Mapping[str, str],
                on_credentials: Callable[[Mapping[str, str]], None] | None = None) -> None:
        """Reuse the stored session; make a new one with the app password only when it cannot be used.

        Whenever atproto makes or renews the session, the new one is handed to ``on_credentials`` (the
        Poster keeps it in the keyring), so the next send reuses it instead of creating another.
        """
        def keep() -> None:
            if on_credentials is not None:
                on_credentials({**creds, "session": self.session_string()})

        self._keep = keep

        def changed(event: SessionEvent, _session: object) -> None:
            if event is SessionEvent.REFRESH and not self._renewing:  # atproto renewed it by itself
                keep()

        self.client.on_session_change(changed)
        self._login = (creds["handle"], creds["app_password"])
        self.known_did = creds.get("did", "")
        session = creds.get("session", "")
        refresh = session.split(":::")[3] if session.count(":::") >= 3 else ""
        expires = jwt_expiry(refresh) if refresh else None
        if expires is not None and expires > self.now() + REFRESH_MARGIN:
            self.client.login(session_string=session, fetch_bsky_profile=False)
            self._note_session()
            return
        self._renewed = True
        self._renew()

    def _renew(self) -> None:
        """A new session from the app password (the stored one has ended, or was revoked)."""
        assert self._login is not None
        handle, password = self._login
        self._renewing = True
        try:
            self.create_session(handle, password)
        except AuthError as e:
            raise AuthError(Note("bluesky_password", handle=handle, error=e.message)) from None
        finally:
            self._renewing = False
        self._keep()

    # -- where the account lives ---------------------------------------------------------------
    def find_pds(self, handle: str, did: str = "") -> str | None:
        """The PDS the account's DID document names (its ``#atproto_pds`` service), or None when the document
        cannot be read (the entryway then signs it in, as it does every account Bluesky hosts).

        The entryway signs in only the accounts it hosts, so an account on a self-hosted PDS (or moved to one)
        must be signed in where it lives, as the official app and atproto's own resolver find it: handle → DID →
        document (:meth:`identity`). ``did``: known already (a session being renewed), so a handle changed since
        still finds it, and is not checked again. Connecting, the handle must be the account's both ways
        (HandleNotClaimed, UnsupportedDid; HandleNotFound when no account has it), and the app password is not
        sent otherwise.
        """
        self.client.update_base_url(self.service)
        doc = self.did_document(did) if did else self.identity(handle)[1]
        if doc is None:
            return None
        pds = doc.get_pds_endpoint()
        return pds if pds and pds.startswith(("https://", "http://")) else None

    def identity(self, handle: str) -> tuple[str, DidDocument | None]:
        """The DID ``handle`` names and its document, the handle checked both ways as Bluesky checks it
        (atproto.com/specs/handle): ``resolveHandle`` (which "does not necessarily bi-directionally verify") finds
        the DID its domain names, and that DID's document must claim the handle back in ``alsoKnownAs``, or Bluesky
        shows it as an invalid handle (HandleNotClaimed). HandleNotFound when no account has it; UnsupportedDid for
        a did:web with a path, which atproto does not take. A document that cannot be read is None, unchecked."""
        handle = handle.lstrip("@")

        def lookup() -> str:
            try:
                return str(self.client.resolve_handle(handle).did)
            except ax.BadRequestError:
                raise errors.HandleNotFound(handle) from None

        did = self.call(lookup)
        if did.startswith("did:web:") and ":" in did.removeprefix("did:web:"):
            raise errors.UnsupportedDid(handle, did)
        doc = self.did_document(did)
        if doc is not None and (doc.get_handle() or "").lower() != handle.lower():
            raise errors.HandleNotClaimed(handle, did)
        return did, doc

    def did_document(self, did: str) -> DidDocument | None:
        """``did``'s document (the PLC directory for did:plc, the host's ``/.well-known/did.json`` for did:web), or
        None when it cannot be read."""
        url = self._did_document_url(did)
        if url is None:
            return None
        try:
            answer = self.client.request._client.get(url)  # atproto's own HTTP client: its timeouts and proxies
            doc = DidDocument.from_dict(answer.json()) if answer.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            return None
        return doc if doc is not None and doc.id == did else None

    def _did_document_url(self, did: str) -> str | None:
        if did.startswith("did:plc:") and self.documents:
            return f"{self.documents.rstrip('/')}/{did}"
        if did.startswith("did:web:") and ":" not in did.removeprefix("did:web:"):
            return f"https://{unquote(did.removeprefix('did:web:'))}/.well-known/did.json"
        return None

    # -- posting ------------------------------------------------------------------------------
    def resolve(self, handle: str) -> str | None:
        """The DID of the account ``handle`` is, verified both ways (:meth:`mention`), or None: the mention stays plain
        text, and links no one."""
        return self.mention(handle)[0]

    def mention(self, handle: str) -> tuple[str | None, str | None]:
        """(the DID ``handle`` names, None) when that DID's document claims the handle back, as atproto verifies a
        handle (atproto.com/specs/handle: a handle is valid only when the DID document names it); else (None, why):
        ``"unknown"`` no account has it, ``"unclaimed"`` its account's document names another handle (or a DID
        atproto does not take), ``"unverified"`` the document could not be read or made no sense, so nothing
        confirms the handle is that account's (a mention then links no one rather than maybe the wrong one)."""
        try:
            did, doc = self.identity(handle)
        except errors.HandleNotFound:
            return None, "unknown"
        except errors.HandleNotClaimed:  # UnsupportedDid is one too
            return None, "unclaimed"
        return (did, None) if doc is not None else (None, "unverified")

    def rich_text(self, text: str) -> client_utils.TextBuilder:
        """``text`` with its links, mentions and hashtags as facets, built with atproto's TextBuilder.

        Detection is atproto's own (a port of the official app's): a link needs a scheme or a known top-level
        domain, a mention must resolve to a DID, tags are as the app reads them. Offsets are UTF-8 bytes.
        """
        raw = text.encode("utf-8")
        spans: list[tuple[int, int, str, str]] = []  # byte start, byte end, kind, value
        for f in facet_detection.detect_facets(text):
            feature = f.features[0]
            if isinstance(feature, models.AppBskyRichtextFacet.Link):
                spans.append((f.index.byte_start, f.index.byte_end, "link", feature.uri))
            elif isinstance(feature, models.AppBskyRichtextFacet.Tag):
                spans.append((f.index.byte_start, f.index.byte_end, "tag", feature.tag))
        for m in facet_detection.detect_mentions(text):
            did = self.resolve(m.handle)
            if did:
                spans.append((m.byte_start, m.byte_end, "mention", did))
        builder = client_utils.TextBuilder()
        at = 0
        for start, end, kind, value in sorted(spans):
            if start < at:
                continue  # overlapping detections: the first wins
            if start > at:
                builder.text(raw[at:start].decode("utf-8"))
            label = raw[start:end].decode("utf-8")
            {"link": builder.link, "tag": builder.tag, "mention": builder.mention}[kind](label, value)
            at = end
        if at < len(raw):
            builder.text(raw[at:].decode("utf-8"))
        return builder

    def existing_ref(self, did: str, rkey: str) -> tuple[str, str]:
        """(uri, cid) of a part that went out on an earlier attempt, for the next part's reply reference."""
        found = self.find(did, rkey)
        if found is None:
            raise RejectedError(Note("bluesky_part_gone"))
        return found[0], found[1]

    def find(self, did: str, rkey: str) -> tuple[str, str, str, tuple[tuple[str, str], ...]] | None:
        """(uri, cid, text, images) of the post under ``rkey``, or None: ``getRecord`` before every write. Each
        image is (its blob's CID, its alt text)."""
        def get() -> tuple[str, str, str, tuple[tuple[str, str], ...]] | None:
            try:
                got = self.client.app.bsky.feed.post.get(did, rkey)
            except ax.BadRequestError as e:
                if errors.xrpc_error(e)[0] in ("RecordNotFound", "InvalidRequest"):
                    return None
                raise
            images = getattr(getattr(got.value, "embed", None), "images", None) or ()
            return got.uri, got.cid, got.value.text, tuple(
                (getattr(i.image.ref, "link", None) or str(i.image.cid), i.alt) for i in images)

        return self.call(get)

    def upload(self, item: MediaItem) -> Any:
        """``uploadBlob``. Sent as httpx ``content``: the SDK's own helper passes raw bytes as ``data``, which
        httpx deprecates (a warning on every upload)."""
        data = Path(item.path).read_bytes()
        mime = mime_of(item)
        response = self.call(lambda: self.client.invoke_procedure(
            "com.atproto.repo.uploadBlob", content=data, input_encoding=mime, output_encoding="application/json"))
        return get_response_model(response, models.ComAtprotoRepoUploadBlob.Response).blob

    def written(self, did: str, rkey: str, text: str, media: Sequence[MediaItem]) -> tuple[str, str] | None:
        """(uri, cid) of the part under ``rkey`` when an earlier attempt already wrote it, else None."""
        found = self.find(did, rkey)
        if found is None:
            return None
        # Another version under the key (its words or its images changed since): not what is recorded as sent.
        if found[2] != text or found[3] != tuple((blob_cid(Path(m.path).read_bytes()), m.alt_text) for m in media):
            raise AmbiguousError(Note("bluesky_edited_out", post_uri=post_uri(did, rkey)))
        return found[0], found[1]

    def create_part(self, did: str, rkey: str, text: str, media: Sequence[MediaItem], blobs: Sequence[Any], *,
                    root: tuple[str, str] | None, parent: tuple[str, str] | None) -> tuple[str, str]:
        """Write one part under ``rkey``, its images the ``blobs`` uploaded for ``media``. Returns (uri, cid)."""
        builder = self.rich_text(text)
        embed = None
        if media:
            images = [models.AppBskyEmbedImages.Image(alt=m.alt_text, image=blob)
                      for m, blob in zip(media, blobs, strict=True)]
            embed = models.AppBskyEmbedImages.Main(images=images)
        reply = None
        if root is not None and parent is not None:
            reply = models.AppBskyFeedPost.ReplyRef(
                root=models.ComAtprotoRepoStrongRef.Main(uri=root[0], cid=root[1]),
                parent=models.ComAtprotoRepoStrongRef.Main(uri=parent[0], cid=parent[1]))
        record = models.AppBskyFeedPost.Record(created_at=self.client.get_current_time_iso(),
                                               text=builder.build_text(), facets=builder.build_facets() or None,
                                               reply=reply, embed=embed)
        made = self.call(lambda: self.client.app.bsky.feed.post.create(did, record, rkey=rkey), write=True)
        return made.uri, made.cid
