"""A fake Mastodon server over real HTTP, for real Mastodon.py and real ``requests``.

Strict where Mastodon is strict, so a test that passes here runs production's code paths:

* bearer tokens it issued (through the OAuth code flow or :meth:`FakeMastodon.add_token`), with the
  scopes they were granted; a revoked token gets 401, a token without ``write:statuses`` 403;
* app registration (``POST /api/v1/apps``), the sign-in page (``GET /oauth/authorize``, which records
  whether ``force_login`` was asked), ``POST /oauth/token`` (client, secret, code, redirect and scopes checked;
  also the client-credentials grant, a token for the app itself), ``POST /oauth/revoke``; a registration an admin
  removed (:meth:`FakeMastodon.forget_app`) takes every token it gave with it, and is unknown to the sign-in page
  (401) and to ``/oauth/token`` (401 ``invalid_client``), in Doorkeeper's words;
* ``POST /api/v1/statuses``: the ``Idempotency-Key`` (a repeat within an hour returns the status already
  made, like Mastodon's redis key), the server's character limit counted Mastodon's way, at most
  ``max_media`` attachments, each the account's own and processed, replies to statuses that exist, valid
  visibility; ``X-RateLimit-*`` headers on every answer;
* ``POST /api/v2/media`` (the file part's name kept as ``uploads[id].filename``) with a description of at most
  1,500 characters and an image within the size limit, at most ``media_limit`` (30) per account in each fixed
  30-minute window, apart from the statuses' limit:
  then 429 with ``X-RateLimit-Limit: 30``, ``X-RateLimit-Remaining: 0`` and the window's end as
  ``X-RateLimit-Reset``, as Mastodon's Rack::Attack ``throttle_api_media`` answers (config/initializers/
  rack_attack.rb); a file over ``process_threshold`` bytes comes back unprocessed (202, ``url`` null) and is ready
  after ``process_polls`` reads of ``GET /api/v1/media/:id`` (206 until then);
* ``GET /api/v1/instance`` and ``/api/v2/instance`` with the configurable limits; a server older than 4.0
  (``version="3.5.3"``) has no ``/api/v2/instance`` (404) and tells its limits in v1's ``configuration`` (from
  3.4.2 on; before that, not at all).

A server that moved (:meth:`FakeMastodon.move`) answers every request to its old address with a redirect
(301, or 308 that keeps the method) to the same path at its new one, as a web server does for a domain that
changed; the new address is the same fake under another host name (``localhost``).

Failures (:meth:`fail_next`), holds, drops and refused connections work as in tests/fakex; ``gateway_error``
is what the nginx in front of a busy server answers (504 by default, or ``status=502``) when the server was slow:
the status is made all the same (unless ``create=False``), its Idempotency-Key kept.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

from fakex.server import FakeX, RequestRecord, _Handler

from personamgr.core.text import mastodon_length

ENDPOINTS = {
    ("POST", "/api/v1/apps"): "apps",
    ("GET", "/oauth/authorize"): "authorize",
    ("POST", "/oauth/token"): "oauth_token",
    ("POST", "/oauth/revoke"): "oauth_revoke",
    ("GET", "/api/v1/accounts/verify_credentials"): "verify_credentials",
    ("GET", "/api/v1/instance"): "instance_v1",
    ("GET", "/api/v2/instance"): "instance_v2",
    ("POST", "/api/v2/media"): "media_upload",
    ("GET", "/api/v1/media/*"): "media_get",
    ("POST", "/api/v1/statuses"): "statuses",
}
FAILURE_KINDS = ("revoked", "rate_limit", "server_error", "gateway_error", "unprocessable", "hold", "drop")
VISIBILITIES = ("public", "unlisted", "private", "direct")
IDEMPOTENCY_TTL_S = 3600
# Doorkeeper's (Mastodon's OAuth provider) description of invalid_client: on its sign-in page and from /oauth/token.
UNKNOWN_CLIENT = ("Client authentication failed due to unknown client, no client authentication included, or "
                  "unsupported authentication method.")


@dataclass
class MastodonAccount:
    id: str
    username: str


@dataclass
class OAuthApp:
    client_id: str
    client_secret: str
    scopes: tuple[str, ...]
    redirect_uris: str


@dataclass
class MastodonToken:
    token: str
    account_id: str  # "" for an app's own token (the client-credentials grant): it acts for no account
    scopes: tuple[str, ...]
    revoked: bool = False
    client_id: str | None = None  # the registration it was given through (None: made on the server's own pages)


@dataclass
class MastodonMedia:
    id: str
    owner: str
    size: int
    content_type: str
    description: str | None
    polls_left: int  # reads of GET /api/v1/media/:id until it is processed
    attached: bool = False
    filename: str | None = None  # the name the client gave the file part (Mastodon keeps it as the file's name)

    @property
    def processed(self) -> bool:
        return self.polls_left <= 0


@dataclass
class Status:
    id: str
    account_id: str
    text: str
    in_reply_to_id: str | None
    media_ids: tuple[str, ...]
    spoiler_text: str
    visibility: str
    created_at: float


@dataclass
class _MState:
    accounts: dict[str, MastodonAccount] = field(default_factory=dict)
    oauth_apps: dict[str, OAuthApp] = field(default_factory=dict)
    tokens: dict[str, MastodonToken] = field(default_factory=dict)
    codes: dict[str, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)  # code -> client, account, scopes
    statuses: list[Status] = field(default_factory=list)
    media: dict[str, MastodonMedia] = field(default_factory=dict)
    uploads_in_window: dict[tuple[str, int], int] = field(default_factory=dict)  # (account, window) -> uploads
    idempotency: dict[tuple[str, str], tuple[str, float]] = field(default_factory=dict)  # (account, key) -> status
    authorize_requests: list[dict[str, str]] = field(default_factory=list)


class FakeMastodon(FakeX):
    """``with FakeMastodon() as fake:``; point ``PERSONAMGR_MASTODON_URL`` (or ``base_url=``) at ``fake.base_url``."""

    ENDPOINTS = ENDPOINTS
    FAILURE_KINDS = FAILURE_KINDS
    RATE_LIMIT = 300
    RATE_WINDOW_S = 300
    MEDIA_WINDOW_S = 1800  # Rack::Attack's media throttle: a fixed period of 30 minutes

    def __init__(self, port: int = 0, hold_max_s: float = 30.0, *, max_characters: int = 500, max_media: int = 4,
                 image_size_limit: int = 16 * 1024 * 1024, process_threshold: int = 200_000,
                 process_polls: int = 2, version: str = "4.3.0") -> None:
        super().__init__(port, hold_max_s)
        self.version = version
        self.m = _MState()
        self.max_characters = max_characters
        self.max_media = max_media
        self.image_size_limit = image_size_limit
        self.process_threshold = process_threshold
        self.process_polls = process_polls
        self.media_limit = 30  # uploads per account per MEDIA_WINDOW_S
        self._status_ids = itertools.count(110_000_000_000_000_001)
        self._media_ids = itertools.count(111_000_000_000_000_001)
        self.browser_user: str | None = None  # the account logged in to the server in "the browser"
        self.moved: tuple[str, int] | None = None  # (new base URL, redirect status) once the server moved
        self.redirected = 0  # requests answered with that redirect

    def move(self, status: int = 301) -> str:
        """The server moved: its old address redirects every request to the new one, which it returns."""
        new = f"http://localhost:{self.port}"
        with self.lock:
            self.moved = (new, status)
        return new

    # -- accounts ------------------------------------------------------------------------
    def add_account(self, username: str) -> MastodonAccount:
        with self.lock:
            acc = MastodonAccount(str(100 + len(self.m.accounts) + 1), username)
            self.m.accounts[acc.id] = acc
        return acc

    def add_token(self, account: MastodonAccount, scopes: tuple[str, ...] = ("read", "write")) -> str:
        """A token as the server's Preferences → Development page makes one."""
        tok = MastodonToken(secrets.token_urlsafe(24), account.id, scopes)
        with self.lock:
            self.m.tokens[tok.token] = tok
        return tok.token

    def revoke(self, token: str | None = None) -> None:
        with self.lock:
            for t in self.m.tokens.values():
                if token is None or t.token == token:
                    t.revoked = True

    def forget_app(self, client_id: str | None = None) -> None:
        """An admin removed personamgr's registration (``client_id``, or every one): the server forgets it and, as
        Doorkeeper deletes an application's tokens with it, every token it gave."""
        with self.lock:
            gone = {c for c in self.m.oauth_apps if client_id in (None, c)}
            self.m.oauth_apps = {c: a for c, a in self.m.oauth_apps.items() if c not in gone}
            self.m.tokens = {t: tok for t, tok in self.m.tokens.items() if tok.client_id not in gone}
            self.m.codes = {code: g for code, g in self.m.codes.items() if g[0] not in gone}

    def expire_idempotency_keys(self) -> None:
        """What an hour does to the server's Idempotency-Keys: it forgets them, and a repeat is a new status."""
        self.age_idempotency_keys(IDEMPOTENCY_TTL_S)

    def age_idempotency_keys(self, seconds: float) -> None:
        """``seconds`` pass on the server for its Idempotency-Keys (kept an hour from the status they made, as
        Mastodon's PostStatusService keeps them in redis with a 3,600-second expiry)."""
        with self.lock:
            self.m.idempotency = {k: (sid, at - seconds) for k, (sid, at) in self.m.idempotency.items()}

    def code_from_page(self, html: str) -> str:
        start = html.index("<code id='code'>") + len("<code id='code'>")
        return html[start:html.index("</code>", start)]

    # -- what happened -------------------------------------------------------------------
    @property
    def statuses(self) -> list[Status]:
        with self.lock:
            return list(self.m.statuses)

    def timeline(self, account: MastodonAccount) -> list[Status]:
        return [s for s in self.statuses if s.account_id == account.id]

    @property
    def uploads(self) -> dict[str, MastodonMedia]:
        with self.lock:
            return dict(self.m.media)

    @property
    def authorize_requests(self) -> list[dict[str, str]]:
        with self.lock:
            return list(self.m.authorize_requests)


def _all_scopes(granted: tuple[str, ...]) -> set[str]:
    """"write" grants every write:..., "read" every read:..."""
    out = set(granted)
    for s in granted:
        if ":" not in s:
            out |= {f"{s}:{x}" for x in ("statuses", "media", "accounts", "favourites", "lists", "follows")}
    return out


class _MastodonHandler(_Handler):
    server: Any  # _Server whose .fake is a FakeMastodon
    path_arg = ""

    @property
    def fm(self) -> FakeMastodon:
        return self.server.fake  # type: ignore[no-any-return]

    def _dispatch(self, method: str) -> None:
        moved = self.fm.moved
        if moved is None or self.headers.get("Host") == urlsplit(moved[0]).netloc:
            return super()._dispatch(method)
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        record = RequestRecord(method, urlsplit(self.path).path, "moved", None, None)
        with self.fm.lock:
            self.fm.state.requests.append(record)
            self.fm.redirected += 1
        self._send(record, moved[1], b"", "text/html", {"Location": moved[0] + self.path})
        return None

    def route(self, method: str, path: str) -> str | None:
        path = path.rstrip("/") or "/"
        if path == "/.well-known/oauth-authorization-server":
            return "well_known"
        if method == "GET" and path.startswith("/api/v1/media/"):
            self.path_arg = path.rsplit("/", 1)[1]
            return "media_get"
        return self.fm.ENDPOINTS.get((method, path))

    # -- helpers -------------------------------------------------------------------------
    def _error(self, record: RequestRecord, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        self._json(record, status, {"error": message}, headers)

    def _form(self, body: bytes) -> dict[str, list[str]]:
        ctype = self.headers.get("Content-Type", "")
        if ctype.startswith("application/json"):
            obj = json.loads(body or b"{}")
            return {k: (v if isinstance(v, list) else [v]) for k, v in obj.items()}
        return parse_qs(body.decode(), keep_blank_values=True)

    def _rate(self, account_id: str, consume: bool) -> tuple[dict[str, str], bool]:
        headers, exhausted = self._rate_headers(account_id, consume)
        reset = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(int(headers["x-rate-limit-reset"])))
        return {"X-RateLimit-Limit": headers["x-rate-limit-limit"],
                "X-RateLimit-Remaining": headers["x-rate-limit-remaining"], "X-RateLimit-Reset": reset}, exhausted

    def _apply_failure(self, record: RequestRecord, endpoint: str, create: Any = None) -> bool:
        f = self.fm._take_failure(endpoint)
        if f is None:
            return False
        if f.kind == "revoked":
            self._error(record, 401, "The access token was revoked")
        elif f.kind == "rate_limit":
            headers = {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0"}
            if f.reset_header:
                headers["X-RateLimit-Reset"] = time.strftime("%Y-%m-%dT%H:%M:%S.000Z",
                                                             time.gmtime(time.time() + f.reset_in))
            self._error(record, 429, "Too many requests", headers)
        elif f.kind == "server_error":
            self._send(record, f.status, b"<html><body>We're sorry, but something went wrong</body></html>",
                       "text/html", f.retry_headers())
        elif f.kind == "gateway_error":  # the proxy in front gave up on a slow server that went on and made it
            if f.create and create is not None:
                create()
            status = 504 if f.status == 503 else f.status  # 503 is Failure's default for a server_error
            self._send(record, status, f"<html><head><title>{status} Gateway</title></head><body><center><h1>{status} "
                       "Gateway</h1></center><hr><center>nginx</center></body></html>".encode(), "text/html")
        elif f.kind == "unprocessable":
            self._error(record, 422, f.message or "Validation failed")
        else:  # hold / drop
            self.withhold(record, f, create)
        return True

    # -- OAuth ---------------------------------------------------------------------------
    def _well_known(self, record: RequestRecord, query: str, body: bytes) -> None:
        base = self.fm.base_url
        self._json(record, 200, {
            "issuer": base + "/", "authorization_endpoint": base + "/oauth/authorize",
            "token_endpoint": base + "/oauth/token", "scopes_supported": ["read", "write", "read:accounts",
                                                                          "write:statuses", "write:media"],
            "response_types_supported": ["code"], "grant_types_supported": ["authorization_code",
                                                                            "client_credentials"]})

    def _apps(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "apps"):
            return
        form = self._form(body)
        name = (form.get("client_name") or [""])[0]
        if not name:
            return self._error(record, 422, "Validation failed: Application name can't be blank")
        app = OAuthApp(secrets.token_urlsafe(16), secrets.token_urlsafe(32),
                       tuple((form.get("scopes") or ["read"])[0].split()), (form.get("redirect_uris") or [""])[0])
        with self.fm.lock:
            self.fm.m.oauth_apps[app.client_id] = app
        self._json(record, 200, {"id": "1", "name": name, "client_id": app.client_id,
                                 "client_secret": app.client_secret, "redirect_uri": app.redirect_uris})

    def _authorize(self, record: RequestRecord, query: str, body: bytes) -> None:
        params = dict(parse_qsl(query))
        fm = self.fm
        with fm.lock:
            fm.m.authorize_requests.append(params)
            app = fm.m.oauth_apps.get(params.get("client_id", ""))
        if app is None:  # Doorkeeper's error page for invalid_client
            return self._send(record, 401, f"<h2>An error has occurred</h2><pre>{UNKNOWN_CLIENT}</pre>".encode(),
                              "text/html")
        if params.get("redirect_uri") != app.redirect_uris:
            return self._send(record, 400, b"<p>The redirect URI included is not valid.</p>", "text/html")
        scopes = tuple(params.get("scope", "read").split())
        if not set(scopes) <= _all_scopes(app.scopes):
            return self._send(record, 400, b"<p>The requested scope is invalid.</p>", "text/html")
        if fm.browser_user is None:
            return self._send(record, 200, b"<p>Log in to continue.</p>", "text/html")
        code = secrets.token_urlsafe(20)
        with fm.lock:
            fm.m.codes[code] = (app.client_id, fm.browser_user, scopes)
            who = fm.m.accounts[fm.browser_user].username
        self._send(record, 200, f"<p>Authorised as @{who}. Copy this code: <code id='code'>{code}</code></p>".encode(),
                   "text/html")

    def _oauth_token(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "oauth_token"):
            return None
        form = {k: v[0] for k, v in self._form(body).items()}
        fm = self.fm
        with fm.lock:
            app = fm.m.oauth_apps.get(form.get("client_id", ""))
            grant = fm.m.codes.pop(form.get("code", ""), None)
        if app is None or app.client_secret != form.get("client_secret"):
            return self._json(record, 401, {"error": "invalid_client", "error_description": UNKNOWN_CLIENT})
        if form.get("grant_type") == "client_credentials":  # a token for the app itself, within its scopes
            scopes = tuple(form.get("scope", "read").split())
            if not set(scopes) <= _all_scopes(app.scopes):
                return self._json(record, 400, {"error": "invalid_scope", "error_description": "The requested "
                                                "scope is invalid, unknown, or malformed."})
            tok = MastodonToken(secrets.token_urlsafe(24), "", scopes, client_id=app.client_id)
            with fm.lock:
                fm.m.tokens[tok.token] = tok
            return self._json(record, 200, {"access_token": tok.token, "token_type": "Bearer",
                                            "scope": " ".join(scopes), "created_at": int(time.time())})
        if (grant is None or grant[0] != app.client_id or form.get("redirect_uri") != app.redirect_uris
                or form.get("grant_type") != "authorization_code"):
            return self._json(record, 400, {"error": "invalid_grant", "error_description": "The provided "
                                            "authorization grant is invalid, expired, revoked, or was issued to "
                                            "another client."})
        tok = MastodonToken(secrets.token_urlsafe(24), grant[1], grant[2], client_id=app.client_id)
        with fm.lock:
            fm.m.tokens[tok.token] = tok
        return self._json(record, 200, {"access_token": tok.token, "token_type": "Bearer",
                                        "scope": " ".join(tok.scopes), "created_at": int(time.time())})

    def _oauth_revoke(self, record: RequestRecord, query: str, body: bytes) -> None:
        """``POST /oauth/revoke``: the client revokes a token it was given (Doorkeeper answers 200 whatever the
        token)."""
        form = {k: v[0] for k, v in self._form(body).items()}
        fm = self.fm
        with fm.lock:
            app = fm.m.oauth_apps.get(form.get("client_id", ""))
            if app is None or app.client_secret != form.get("client_secret"):
                return self._json(record, 401, {"error": "invalid_client", "error_description": UNKNOWN_CLIENT})
            tok = fm.m.tokens.get(form.get("token", ""))
            if tok is not None and tok.client_id == app.client_id:
                tok.revoked = True
        return self._json(record, 200, {})

    def _bearer(self, record: RequestRecord, scope: str | None = None) -> MastodonToken | None:
        auth = self.headers.get("Authorization", "")
        with self.fm.lock:
            tok = self.fm.m.tokens.get(auth[7:]) if auth.startswith("Bearer ") else None
        if tok is None or tok.revoked:
            self._error(record, 401, "The access token is invalid" if tok is None else "The access token was revoked")
            return None
        if scope and scope not in _all_scopes(tok.scopes):
            self._error(record, 403, "This action is outside the authorized scopes")
            return None
        if not tok.account_id:  # an app's own token
            self._error(record, 422, "This method requires an authenticated user")
            return None
        record.user_id = tok.account_id
        return tok

    # -- API -----------------------------------------------------------------------------
    def _verify_credentials(self, record: RequestRecord, query: str, body: bytes) -> None:
        tok = self._bearer(record, "read:accounts")
        if tok is None or self._apply_failure(record, "verify_credentials"):
            return
        acc = self.fm.m.accounts[tok.account_id]
        headers, _ = self._rate(acc.id, consume=False)
        self._json(record, 200, {"id": acc.id, "username": acc.username, "acct": acc.username,
                                 "display_name": acc.username, "url": f"{self.fm.base_url}/@{acc.username}"},
                   headers)

    def _instance(self) -> dict[str, Any]:
        fm = self.fm
        return {"max_characters": fm.max_characters, "max_media_attachments": fm.max_media,
                "characters_reserved_per_url": 23}

    def _media_configuration(self) -> dict[str, Any]:
        return {"image_size_limit": self.fm.image_size_limit, "description_limit": 1500,
                "supported_mime_types": ["image/png", "image/jpeg", "image/gif", "image/webp"]}

    def _older_than(self, version: str) -> bool:
        def parts(v: str) -> tuple[int, ...]:
            return tuple(int(p) for p in v.split("."))

        return parts(self.fm.version) < parts(version)

    def _instance_v1(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._apply_failure(record, "instance_v1"):
            return
        answer: dict[str, Any] = {"uri": "fake.social", "title": "Fake", "version": self.fm.version}
        if not self._older_than("3.4.2"):  # the limits joined v1's answer in 3.4.2
            answer["configuration"] = {"statuses": self._instance(), "media_attachments": self._media_configuration()}
        self._json(record, 200, answer)

    def _instance_v2(self, record: RequestRecord, query: str, body: bytes) -> None:
        if self._older_than("4.0.0"):  # Mastodon 4.0 added it; an older server has no such route
            return self._error(record, 404, "Record not found")
        if self._apply_failure(record, "instance_v2"):
            return
        self._json(record, 200, {"domain": "fake.social", "title": "Fake", "version": self.fm.version,
                                 "api_versions": {"mastodon": 2},
                                 "configuration": {"statuses": self._instance(),
                                                   "media_attachments": self._media_configuration()}})

    def _media_upload(self, record: RequestRecord, query: str, body: bytes) -> None:
        tok = self._bearer(record, "write:media")
        if tok is None or self._apply_failure(record, "media_upload") or self._media_throttled(record, tok):
            return
        ctype = self.headers.get("Content-Type", "")
        if not ctype.startswith("multipart/form-data"):
            return self._error(record, 422, "Validation failed: File can't be blank")
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {ctype}\r\n\r\n".encode() + body)
        fields: dict[str, tuple[bytes, str, str | None]] = {}
        for part in msg.iter_parts():
            fields[str(part.get_param("name", header="content-disposition"))] = (
                part.get_payload(decode=True) or b"", part.get_content_type(), part.get_filename())
        if "file" not in fields:
            return self._error(record, 422, "Validation failed: File can't be blank")
        data, content_type, filename = fields["file"]
        description = fields["description"][0].decode() if "description" in fields else None
        fm = self.fm
        if content_type not in ("image/png", "image/jpeg", "image/gif", "image/webp"):
            return self._error(record, 422, f"Validation failed: File content type {content_type} is invalid")
        if len(data) > fm.image_size_limit:
            return self._error(record, 422, "Validation failed: File file size must be less than 16 MB")
        if description is not None and len(description) > 1500:
            return self._error(record, 422, "Validation failed: Description is too long (maximum is 1500 characters)")
        big = len(data) > fm.process_threshold
        m = MastodonMedia(str(next(fm._media_ids)), tok.account_id, len(data), content_type, description,
                          fm.process_polls if big else 0, filename=filename)
        with fm.lock:
            fm.m.media[m.id] = m
        self._json(record, 202 if big else 200, self._media_json(m))

    def _media_throttled(self, record: RequestRecord, tok: MastodonToken) -> bool:
        """Count the upload in its fixed window, or answer 429 when the window's uploads are used up."""
        fm = self.fm
        now = time.time()
        window = int(now // fm.MEDIA_WINDOW_S)
        with fm.lock:
            used = fm.m.uploads_in_window.get((tok.account_id, window), 0)
            if used < fm.media_limit:
                fm.m.uploads_in_window[(tok.account_id, window)] = used + 1
                return False
        reset = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime((window + 1) * fm.MEDIA_WINDOW_S))
        self._error(record, 429, "Too many requests", {"X-RateLimit-Limit": str(fm.media_limit),
                                                       "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset})
        return True

    def _media_json(self, m: MastodonMedia) -> dict[str, Any]:
        url = f"{self.fm.base_url}/media/{m.id}.png" if m.processed else None
        return {"id": m.id, "type": "image", "url": url, "preview_url": url, "description": m.description}

    def _media_get(self, record: RequestRecord, query: str, body: bytes) -> None:
        tok = self._bearer(record, "write:media")
        if tok is None or self._apply_failure(record, "media_get"):
            return
        with self.fm.lock:
            m = self.fm.m.media.get(self.path_arg)
            if m is None or m.owner != tok.account_id:
                return self._error(record, 404, "Record not found")
            if not m.processed:
                m.polls_left -= 1
        self._json(record, 200 if m.processed else 206, self._media_json(m))

    def _statuses(self, record: RequestRecord, query: str, body: bytes) -> None:
        tok = self._bearer(record, "write:statuses")
        if tok is None:
            return
        fm = self.fm
        form = self._form(body)
        text = (form.get("status") or [""])[0]
        reply_to = (form.get("in_reply_to_id") or [None])[0]
        media_ids = tuple(form.get("media_ids[]") or form.get("media_ids") or ())
        spoiler = (form.get("spoiler_text") or [""])[0]
        visibility = (form.get("visibility") or ["public"])[0]
        key = self.headers.get("Idempotency-Key")
        created: list[Status] = []

        def create() -> None:
            with fm.lock:
                st = Status(str(next(fm._status_ids)), tok.account_id, text, reply_to, media_ids, spoiler, visibility,
                            time.time())
                fm.m.statuses.append(st)
                for mid in media_ids:
                    fm.m.media[mid].attached = True
                if key:
                    fm.m.idempotency[(tok.account_id, key)] = (st.id, time.time())
                created.append(st)

        with fm.lock:  # Mastodon answers a repeated key with the status it made, before anything else
            seen = fm.m.idempotency.get((tok.account_id, key or ""))
            if key and seen and time.time() - seen[1] < IDEMPOTENCY_TTL_S:
                st = next(s for s in fm.m.statuses if s.id == seen[0])
                return self._json(record, 200, self._status_json(st))
        if self._apply_failure(record, "statuses", create):
            return
        headers, exhausted = self._rate(tok.account_id, consume=True)
        if exhausted:
            return self._error(record, 429, "Too many requests", headers)
        if visibility not in VISIBILITIES:
            return self._error(record, 422, "Validation failed: Visibility is not included in the list", headers)
        if not text.strip() and not media_ids:
            return self._error(record, 422, "Validation failed: Text can't be blank", headers)
        if mastodon_length(text, 23, spoiler) > fm.max_characters:
            return self._error(record, 422, f"Validation failed: Text character limit of {fm.max_characters} "
                               "exceeded", headers)
        if len(media_ids) > fm.max_media:
            return self._error(record, 422, f"Validation failed: Cannot attach more than {fm.max_media} files",
                               headers)
        with fm.lock:
            for mid in media_ids:
                m = fm.m.media.get(mid)
                if m is None or m.owner != tok.account_id:
                    return self._error(record, 422, "Validation failed: Media attachment ids are invalid", headers)
                if not m.processed:
                    return self._error(record, 422, "Cannot attach files that have not finished processing. Try "
                                       "again in a moment!", headers)
            if reply_to is not None and not any(s.id == reply_to for s in fm.m.statuses):
                return self._error(record, 404, "Record not found", headers)
        create()
        self._json(record, 200, self._status_json(created[0]), headers)

    def _status_json(self, st: Status) -> dict[str, Any]:
        acc = self.fm.m.accounts[st.account_id]
        return {"id": st.id, "content": f"<p>{st.text}</p>", "spoiler_text": st.spoiler_text,
                "visibility": st.visibility, "in_reply_to_id": st.in_reply_to_id,
                "url": f"{self.fm.base_url}/@{acc.username}/{st.id}",
                "media_attachments": [{"id": m} for m in st.media_ids],
                "account": {"id": acc.id, "username": acc.username, "acct": acc.username}}


FakeMastodon.handler = _MastodonHandler
