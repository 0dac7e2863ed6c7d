"""A fake Bluesky PDS over real HTTP (XRPC), for the real atproto SDK.

It checks what a real PDS and the app view check, so a passing test runs production's code paths:

* ``createSession`` with an app password, at most 30 per 5 minutes and 300 a day per account, then 429 with
  ``ratelimit-reset`` (Bluesky's documented limits: docs.bsky.app/docs/advanced-guides/rate-limits);
  ``refreshSession``; JWTs the SDK can decode (base64url JSON with ``exp``); expired access tokens answer
  400 ``ExpiredToken``, revoked sessions 401; an account taken down by moderation (:meth:`FakeBluesky.take_down`)
  gets 401 ``AccountTakedown`` on every request and sign-in, one its owner deactivated 401 ``AccountDeactivated``
  on its requests (it may still sign in), as the PDS's auth verifier answers; the server's clock can differ from
  the machine's (``clock_offset_s``), as a PDS's does from a user's wrong clock: tokens expire by the server's time;
* ``createRecord``: the repo is the caller's DID, a client-chosen ``rkey`` is a valid record key and not taken
  (a taken key is a bare 500, as atproto issue 3718 describes), text at most 300 graphemes, every facet's
  UTF-8 byte range inside the text and matching what it marks (the link's text, ``#tag``; a mention only names
  a DID, whoever's it is, as the PDS takes it), at most 4 images whose blobs this account uploaded, replies
  whose root and parent exist with the right CIDs;
* ``uploadBlob`` at most the PDS's upload limit (5 MiB, its default); an image in a post at most 2,000,000 bytes,
  checked when the record is made, as the PDS checks a blob against the lexicon (app.bsky.embed.images: "May be up
  to 2 MB, formerly limited to 1 MB"), with its ``BlobTooLarge``; ``getRecord`` (400 ``RecordNotFound``);
  ``resolveHandle``; a record whose image names a blob this account's PDS does not have (never uploaded here, or
  garbage-collected: :meth:`FakeBluesky.collect_garbage`) gets 400 ``BlobNotFound`` "Could not find blob: CID", the
  reference PDS's answer.

Given a PLC directory (``directory=``, tests/fakebluesky/directory.py), it is one server of a network of them, as
the real PDSes are: its accounts are registered there with this server as their PDS, its sessions carry their DID
document (``didDoc``, which the SDK follows to the PDS), ``resolveHandle`` resolves a handle of any server in the
directory (as bsky.social and every PDS resolve any handle), and ``createSession`` answers only for its own
accounts: an account of another PDS is 401 ``Invalid identifier or password``, as bsky.social answers an account
hosted elsewhere.

Failures (:meth:`fail_next`), holds, drops and refused connections work as in tests/fakex.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import regex
from fakex.server import FakeX, RequestRecord, _Handler

from fakebluesky.directory import FakePlcDirectory

X = "/xrpc/"
ENDPOINTS = {
    ("POST", X + "com.atproto.server.createSession"): "create_session",
    ("POST", X + "com.atproto.server.refreshSession"): "refresh_session",
    ("GET", X + "com.atproto.identity.resolveHandle"): "resolve_handle",
    ("POST", X + "com.atproto.repo.uploadBlob"): "upload_blob",
    ("POST", X + "com.atproto.repo.createRecord"): "create_record",
    ("GET", X + "com.atproto.repo.getRecord"): "get_record",
}
FAILURE_KINDS = ("revoked", "expired", "rate_limit", "server_error", "hold", "drop")
SESSION_LIMITS = ((300, 30), (86400, 300))  # createSession per account: (window in seconds, how many)
BLOB_UPLOAD_LIMIT = 5 * 1024 * 1024  # the PDS's PDS_BLOB_UPLOAD_LIMIT default
MAX_IMAGE = 2_000_000  # app.bsky.embed.images#image's maxSize
RKEY_RE = re.compile(r"[A-Za-z0-9._:~-]{1,512}")


@dataclass
class BlueskyAccount:
    did: str
    handle: str
    app_passwords: set[str] = field(default_factory=set)
    status: str = "active"  # "takendown" by moderation, "deactivated" by its owner


@dataclass
class Blob:
    cid: str
    owner: str
    size: int
    mime: str
    # A name sent with it (a Content-Disposition header): uploadBlob's body is the bytes alone and its lexicon has
    # no name, so a client that names the file sends nothing the PDS keeps; recorded so a test can see none came.
    filename: str | None = None


@dataclass
class PostRecord:
    uri: str
    cid: str
    did: str
    rkey: str
    value: dict[str, Any]

    @property
    def text(self) -> str:
        return str(self.value.get("text", ""))


@dataclass
class _BState:
    accounts: dict[str, BlueskyAccount] = field(default_factory=dict)
    access: dict[str, str] = field(default_factory=dict)  # access jwt -> did
    refresh: dict[str, str] = field(default_factory=dict)  # refresh jwt -> did
    revoked: set[str] = field(default_factory=set)  # dids whose sessions were revoked
    records: dict[str, PostRecord] = field(default_factory=dict)  # uri -> record
    blobs: dict[str, Blob] = field(default_factory=dict)
    sessions_made: dict[str, list[float]] = field(default_factory=dict)


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _blob_cid(data: bytes) -> str:
    """A blob's real CID (CIDv1, raw codec, SHA-256, base32), as a PDS names it: the app compares images by it."""
    cid = bytes((0x01, 0x55, 0x12, 0x20)) + hashlib.sha256(data).digest()
    return "b" + base64.b32encode(cid).decode().lower().rstrip("=")


def _cid(data: bytes) -> str:
    digest = base64.b32encode(hashlib.sha256(data).digest()).decode().lower().rstrip("=")
    return "bafyrei" + digest[:52]


class FakeBluesky(FakeX):
    """``with FakeBluesky() as fake:``; point ``PERSONAMGR_BLUESKY_URL`` (or ``base_url=``) at ``fake.base_url``."""

    ENDPOINTS = ENDPOINTS
    FAILURE_KINDS = FAILURE_KINDS

    def __init__(self, port: int = 0, hold_max_s: float = 30.0, *, access_ttl_s: float = 7200,
                 did_doc_pds: str | None = None, directory: FakePlcDirectory | None = None) -> None:
        super().__init__(port, hold_max_s)
        self.b = _BState()
        self.access_ttl_s = access_ttl_s
        self.did_doc_pds = did_doc_pds  # a PDS the DID document names (the SDK would move there unless pinned)
        self.directory = directory
        self._seq = itertools.count(1)

    def add_account(self, handle: str) -> tuple[BlueskyAccount, str]:
        """An account and one app password for it."""
        did = "did:plc:" + secrets.token_hex(12)
        password = "-".join(secrets.token_hex(2) for _ in range(4))
        acc = BlueskyAccount(did, handle, {password})
        with self.lock:
            self.b.accounts[did] = acc
        if self.directory is not None:
            self.directory.register(did, handle, self.base_url)
        return acc, password

    def revoke_sessions(self, account: BlueskyAccount, *, passwords: bool = False) -> None:
        with self.lock:
            self.b.revoked.add(account.did)
            for pool in (self.b.access, self.b.refresh):
                for tok in [t for t, d in pool.items() if d == account.did]:
                    del pool[tok]
            if passwords:
                account.app_passwords.clear()

    def take_down(self, account: BlueskyAccount, status: str = "takendown") -> None:
        """Moderation took the account down (or, ``status="deactivated"``, its owner deactivated it)."""
        with self.lock:
            account.status = status

    def now(self) -> float:
        """The server's clock (``clock_offset_s`` from the machine's)."""
        return time.time() + self.clock_offset_s

    def _jwt(self, did: str, scope: str, ttl: float) -> str:
        now = int(self.now())
        claims = {"scope": scope, "sub": did, "iat": now, "exp": int(now + ttl), "jti": str(next(self._seq))}
        return ".".join((_b64({"typ": "at+jwt", "alg": "HS256"}), _b64(claims), secrets.token_urlsafe(16)))

    def new_session(self, acc: BlueskyAccount) -> dict[str, Any]:
        access = self._jwt(acc.did, "com.atproto.appPass", self.access_ttl_s)
        refresh = self._jwt(acc.did, "com.atproto.refresh", 90 * 86400)
        with self.lock:
            self.b.access[access] = acc.did
            self.b.refresh[refresh] = acc.did
            self.b.revoked.discard(acc.did)
        out: dict[str, Any] = {"did": acc.did, "handle": acc.handle, "accessJwt": access, "refreshJwt": refresh,
                               "active": True}
        if self.directory is not None:
            out["didDoc"] = self.directory.document(acc.did)
        elif self.did_doc_pds:
            out["didDoc"] = {"@context": ["https://www.w3.org/ns/did/v1"], "id": acc.did,
                             "alsoKnownAs": [f"at://{acc.handle}"],
                             "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                                          "serviceEndpoint": self.did_doc_pds}]}
        return out

    # -- what happened -------------------------------------------------------------------
    def posts(self, account: BlueskyAccount) -> list[PostRecord]:
        with self.lock:
            return [r for r in self.b.records.values() if r.did == account.did]

    @property
    def blobs(self) -> dict[str, Blob]:
        """Every blob uploaded and not collected, by CID."""
        with self.lock:
            return dict(self.b.blobs)

    def collect_garbage(self) -> None:
        """The PDS deletes every blob no record references, as it may once such a blob has waited a while (the
        atproto blob spec leaves the time to the PDS)."""
        with self.lock:
            used = {((i.get("image") or {}).get("ref") or {}).get("$link")
                    for r in self.b.records.values() for i in (r.value.get("embed") or {}).get("images") or []}
            self.b.blobs = {cid: b for cid, b in self.b.blobs.items() if cid in used}

    def sessions_created(self, account: BlueskyAccount) -> int:
        with self.lock:
            return len(self.b.sessions_made.get(account.did, []))


class _BlueskyHandler(_Handler):
    server: Any

    @property
    def fb(self) -> FakeBluesky:
        return self.server.fake  # type: ignore[no-any-return]

    def _error(self, record: RequestRecord, status: int, error: str, message: str = "",
               headers: dict[str, str] | None = None) -> None:
        body: dict[str, str] = {"error": error}
        if message:
            body["message"] = message
        self._json(record, status, body, headers)

    def _apply_failure(self, record: RequestRecord, endpoint: str, create: Any = None) -> bool:
        f = self.fb._take_failure(endpoint)
        if f is None:
            return False
        if f.kind == "revoked":
            self._error(record, 401, "AuthenticationRequired", "Token has been revoked")
        elif f.kind == "expired":
            self._error(record, 400, "ExpiredToken", "Token has expired")
        elif f.kind == "rate_limit":
            headers = {"ratelimit-limit": "5000", "ratelimit-remaining": "0", "ratelimit-policy": "5000;w=3600"}
            if f.reset_header:
                headers["ratelimit-reset"] = str(int(time.time() + f.reset_in))
            self._error(record, 429, "RateLimitExceeded", "Rate Limit Exceeded", headers)
        elif f.kind == "server_error":
            self._error(record, f.status, "InternalServerError", "Internal Server Error", f.retry_headers())
        else:
            self.withhold(record, f, create)
        return True

    def _auth(self, record: RequestRecord, *, refresh: bool = False) -> str | None:
        auth = self.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else ""
        fb = self.fb
        with fb.lock:
            did = (fb.b.refresh if refresh else fb.b.access).get(token)
        if did is None:
            self._error(record, 401, "AuthenticationRequired", "Invalid token" if token else "Authentication Required")
            return None
        payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
        if payload["exp"] < fb.now():
            self._error(record, 400, "ExpiredToken", "Token has expired")
            return None
        if self._unavailable(record, fb.b.accounts[did]):
            return None
        record.user_id = did
        return did

    def _unavailable(self, record: RequestRecord, acc: BlueskyAccount, *, signing_in: bool = False) -> bool:
        """Answer for an account that may not act (the PDS's auth verifier), if it is one. True if answered."""
        if acc.status == "takendown":
            self._error(record, 401, "AccountTakedown", "Account has been taken down")
        elif acc.status == "deactivated" and not signing_in:
            self._error(record, 401, "AccountDeactivated", "Account is deactivated")
        else:
            return False
        return True

    def _body(self, body: bytes) -> dict[str, Any]:
        try:
            obj = json.loads(body or b"{}")
        except json.JSONDecodeError:
            return {}
        return obj if isinstance(obj, dict) else {}

    # -- sessions ------------------------------------------------------------------------
    def _create_session(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "create_session"):
            return
        data = self._body(body)
        fb = self.fb
        ident = str(data.get("identifier", "")).lower()
        with fb.lock:
            acc = next((a for a in fb.b.accounts.values() if ident in (a.handle.lower(), a.did)), None)
            for window, limit in SESSION_LIMITS if acc is not None else ():
                now = fb.now()
                made = [t for t in fb.b.sessions_made.get(acc.did, []) if now - t < window]
                if len(made) >= limit:
                    reset = int(min(made) + window)
                    return self._error(record, 429, "RateLimitExceeded", "Rate Limit Exceeded",
                                       {"ratelimit-limit": str(limit), "ratelimit-remaining": "0",
                                        "ratelimit-reset": str(reset), "ratelimit-policy": f"{limit};w={window}"})
        if acc is None or data.get("password") not in acc.app_passwords:
            return self._error(record, 401, "AuthenticationRequired", "Invalid identifier or password")
        if self._unavailable(record, acc, signing_in=True):
            return None
        with fb.lock:
            fb.b.sessions_made.setdefault(acc.did, []).append(fb.now())
        self._json(record, 200, fb.new_session(acc))

    def _refresh_session(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "refresh_session"):
            return
        did = self._auth(record, refresh=True)
        if did is None:
            return
        fb = self.fb
        with fb.lock:
            old = self.headers["Authorization"][7:]
            fb.b.refresh.pop(old, None)  # refresh tokens rotate
            acc = fb.b.accounts[did]
        self._json(record, 200, fb.new_session(acc))

    def _resolve_handle(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "resolve_handle"):
            return
        handle = dict(parse_qsl(query)).get("handle", "").lower()
        with self.fb.lock:
            acc = next((a for a in self.fb.b.accounts.values() if a.handle.lower() == handle), None)
        did = acc.did if acc is not None else None
        if did is None and self.fb.directory is not None:
            did = self.fb.directory.did_of(handle)
        if did is None:
            return self._error(record, 400, "InvalidRequest", "Unable to resolve handle")
        self._json(record, 200, {"did": did})

    # -- repo ----------------------------------------------------------------------------
    def _upload_blob(self, record: RequestRecord, query: str, body: bytes) -> None:
        did = self._auth(record)
        if did is None or self._apply_failure(record, "upload_blob"):
            return
        if len(body) > BLOB_UPLOAD_LIMIT:
            return self._error(record, 413, "PayloadTooLarge", "request entity too large")
        blob = Blob(_blob_cid(body), did, len(body), self.headers.get("Content-Type", ""), self.headers.get_filename())
        with self.fb.lock:
            self.fb.b.blobs[blob.cid] = blob
        self._json(record, 200, {"blob": {"$type": "blob", "ref": {"$link": blob.cid}, "mimeType": blob.mime,
                                          "size": blob.size}})

    def _get_record(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "get_record"):
            return
        p = dict(parse_qsl(query))
        uri = f"at://{p.get('repo', '')}/{p.get('collection', '')}/{p.get('rkey', '')}"
        with self.fb.lock:
            rec = self.fb.b.records.get(uri)
        if rec is None:
            return self._error(record, 400, "RecordNotFound", f"Could not locate record: {uri}")
        self._json(record, 200, {"uri": rec.uri, "cid": rec.cid, "value": rec.value})

    def _create_record(self, record: RequestRecord, query: str, body: bytes) -> None:
        did = self._auth(record)
        if did is None:
            return
        fb = self.fb
        data = self._body(body)
        value = data.get("record") or {}
        collection = data.get("collection")
        rkey = data.get("rkey") or self._tid()
        uri = f"at://{did}/{collection}/{rkey}"
        made: list[PostRecord] = []

        def create() -> None:
            with fb.lock:
                rec = PostRecord(uri, _cid(json.dumps(value, sort_keys=True).encode() + rkey.encode()), did, rkey,
                                 value)
                fb.b.records[uri] = rec
                made.append(rec)

        if self._apply_failure(record, "create_record", create):
            return
        if data.get("repo") not in (did, fb.b.accounts[did].handle):
            return self._error(record, 400, "InvalidRequest", "Input/repo must be the caller's own repo")
        if collection != "app.bsky.feed.post" or value.get("$type") != "app.bsky.feed.post":
            return self._error(record, 400, "InvalidRequest", "Invalid collection or record type")
        if not RKEY_RE.fullmatch(rkey) or rkey in (".", ".."):
            return self._error(record, 400, "InvalidRequest", f"Invalid record key: {rkey}")
        with fb.lock:
            if uri in fb.b.records:  # what today's PDS does on a taken key (atproto issue 3718)
                return self._error(record, 500, "InternalServerError", "Internal Server Error")
        problem = self._check_post(did, value)
        if problem:
            return self._error(record, 400, "InvalidRecord", problem)
        missing = self._missing_blob(did, value)
        if missing:
            return self._error(record, 400, "BlobNotFound", f"Could not find blob: {missing}")
        too_large = self._image_too_large(value)
        if too_large:
            return self._error(record, 400, "BlobTooLarge", too_large)
        create()
        self._json(record, 200, {"uri": made[0].uri, "cid": made[0].cid, "validationStatus": "valid",
                                 "commit": {"cid": _cid(uri.encode()), "rev": self._tid()}})

    def _tid(self) -> str:
        alphabet = "234567abcdefghijklmnopqrstuvwxyz"
        n = (int(time.time() * 1_000_000) << 10) | secrets.randbelow(1024)
        return "".join(alphabet[(n >> (5 * (12 - i))) & 31] for i in range(13))

    def _missing_blob(self, did: str, value: dict[str, Any]) -> str | None:
        """The CID of an image blob this account's repo does not have (each account's blobs are its own)."""
        with self.fb.lock:
            for img in (value.get("embed") or {}).get("images") or []:
                ref = str(((img.get("image") or {}).get("ref") or {}).get("$link") or "")
                blob = self.fb.b.blobs.get(ref)
                if blob is None or blob.owner != did:
                    return ref
        return None

    def _image_too_large(self, value: dict[str, Any]) -> str | None:
        """The PDS's check of each image blob against the lexicon's maxSize, in its words."""
        for img in (value.get("embed") or {}).get("images") or []:
            blob = self.fb.b.blobs.get(((img.get("image") or {}).get("ref") or {}).get("$link") or "")
            if blob is not None and blob.size > MAX_IMAGE:
                return f"This file is too large. It is {blob.size} bytes but the maximum size is {MAX_IMAGE} bytes."
        return None

    def _check_post(self, did: str, value: dict[str, Any]) -> str | None:
        """What the app view's lexicon and facet validation would refuse, in its words."""
        fb = self.fb
        text = value.get("text")
        if not isinstance(text, str):
            return "Record/text must be a string"
        if len(regex.findall(r"\X", text)) > 300 or len(text.encode()) > 3000:
            return "Record/text must not be longer than 300 graphemes"
        if not isinstance(value.get("createdAt"), str):
            return "Record/createdAt must be a datetime"
        raw = text.encode("utf-8")
        for facet in value.get("facets") or []:
            index = facet.get("index") or {}
            start, end = index.get("byteStart"), index.get("byteEnd")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw)):
                return f"Record/facets: byte range {start}-{end} is outside the text ({len(raw)} bytes)"
            try:
                span = raw[start:end].decode("utf-8")
            except UnicodeDecodeError:
                return f"Record/facets: byte range {start}-{end} splits a character"
            for feature in facet.get("features") or []:
                kind = feature.get("$type", "")
                if kind == "app.bsky.richtext.facet#link":
                    uri = feature.get("uri", "")
                    if not uri.startswith(("http://", "https://")) or span not in (uri, uri.split("://", 1)[1]):
                        return f"Record/facets: the link {uri!r} does not match the text it marks ({span!r})"
                elif kind == "app.bsky.richtext.facet#tag":
                    # A #tag marks "#" and the tag; a $cashtag (atproto's and the official app's detection) marks
                    # "$" and the ticker, and its tag is "$" and the ticker in capitals.
                    tag = str(feature.get("tag", ""))
                    if span != "#" + tag and not (tag.startswith("$") and span.upper() == tag):
                        return f"Record/facets: the tag {feature.get('tag')!r} does not match {span!r}"
                elif kind == "app.bsky.richtext.facet#mention":
                    # The lexicon asks only for a DID: the PDS does not look at whose it is, nor whether the text it
                    # marks is that account's handle. Which account a mention links is the client's to get right.
                    if not re.fullmatch(r"did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]", str(feature.get("did", ""))):
                        return f"Record/facets/features/did must be a valid did ({feature.get('did')!r})"
                else:
                    return f"Record/facets: unknown feature {kind!r}"
        embed = value.get("embed")
        if embed is not None:
            if embed.get("$type") != "app.bsky.embed.images":
                return "Record/embed must be app.bsky.embed.images here"
            images = embed.get("images") or []
            if not 1 <= len(images) <= 4:
                return "Record/embed/images must contain 1 to 4 images"
            for img in images:
                if not isinstance(img.get("alt"), str):
                    return "Record/embed/images/alt must be a string"
        reply = value.get("reply")
        if reply is not None:
            for which in ("root", "parent"):
                ref = reply.get(which) or {}
                rec = fb.b.records.get(ref.get("uri", ""))
                if rec is None or rec.cid != ref.get("cid"):
                    return f"Record/reply/{which} does not point at an existing post with that CID"
        return None


FakeBluesky.handler = _BlueskyHandler
