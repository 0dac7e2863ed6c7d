"""A fake X API over real HTTP, for real tweepy and real ``requests``.

It is strict where X is strict, so a test that passes here exercises the same
code paths as production:

* every request must carry a valid OAuth 1.0a HMAC-SHA1 signature computed over
  the ORIGINAL X URL (``https://api.twitter.com/...``), with a fresh nonce and a
  consumer/token pair it issued;
* duplicate texts on one account are refused as X refuses them (403, same detail), of any
  age or (``duplicate_window_s``) only while recent;
* replies are accepted only to the account's own posts or to posts that mention it;
* rate-limit headers come with every API response;
* media as X takes it: the one-shot ``POST /2/media/upload`` takes images (``tweet_image``, up to 5 MB), and
  makes a still picture of an animated GIF; a GIF plays on X only when it came through the chunked upload
  (initialize, append in pieces of at most 5 MB, finalize, then the status until it is processed) as
  ``tweet_gif``, up to 15 MB; a post may carry only processed media.

Failures are switched on per test with :meth:`FakeX.fail_next`, tokens are
revoked with :meth:`FakeX.revoke`, the listening socket is closed with
:meth:`FakeX.refuse_connections`. See README.md in this folder.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import hashlib
import hmac
import io
import itertools
import json
import secrets
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple, Protocol
from urllib.parse import parse_qsl, urlsplit

from oauthlib.oauth1.rfc5849 import signature as oauth_sig
from oauthlib.oauth1.rfc5849 import utils as oauth_utils
from PIL import Image

from personamgr.core.text import weighted_length

X_HOST = "https://api.twitter.com"
DUPLICATE_DETAIL = "You are not allowed to create a Tweet with duplicate content."
REPLY_DENIED_DETAIL = (
    "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged "
    "by the author of the post you are replying to."
)
READ_ONLY_DETAIL = (
    "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint."
)
TOO_LONG_MESSAGE = "Your Tweet text is too long. For more information on how X determines text length see " \
    "https://github.com/twitter/twitter-text."

# Endpoint names accepted by fail_next / counted in ``posts``.
ENDPOINTS = {
    ("POST", "/oauth/request_token"): "request_token",
    ("GET", "/oauth/authorize"): "authorize",
    ("POST", "/oauth/access_token"): "access_token",
    ("GET", "/2/users/me"): "users_me",
    ("POST", "/2/tweets"): "tweets",
    ("POST", "/2/media/upload"): "media_upload",
    ("POST", "/2/media/metadata"): "media_metadata",
    ("POST", "/2/media/upload/initialize"): "media_initialize",
    ("POST", "/2/media/upload/{id}/append"): "media_append",
    ("POST", "/2/media/upload/{id}/finalize"): "media_finalize",
    ("GET", "/2/media/upload"): "media_status",
}
MB = 1024 * 1024
# X's limits per media_category (its "media best practices": images 5 MB, GIFs 15 MB), and the categories each
# way of uploading takes: the one-shot upload only stills and subtitles. Neither is in tweepy (no v2 upload there):
# assumptions, as tests/x/test_x_chunked_upload.py lists them.
MEDIA_LIMITS = {"tweet_image": 5 * MB, "dm_image": 5 * MB, "tweet_gif": 15 * MB, "dm_gif": 15 * MB,
                "tweet_video": 512 * MB, "dm_video": 512 * MB, "amplify_video": 512 * MB, "subtitles": MB}
ONE_SHOT_CATEGORIES = ("tweet_image", "dm_image", "subtitles")
MAX_SEGMENT = 5 * MB  # tweepy's API.chunked_upload: "Max chunk size is 5 MiB"
MAX_SEGMENTS = 1000  # an APPEND's segment_index is 0 to 999 (tweepy's API.chunked_upload_append)
PLAYS = ("tweet_gif", "dm_gif")  # the categories X keeps a GIF's animation for
# The media types each category takes (X's media best practices: images JPEG, PNG, GIF, WebP; GIFs; videos MP4, MOV):
# an assumption, tweepy sends whatever type it is given.
MEDIA_TYPES = {"tweet_image": ("image/jpeg", "image/png", "image/gif", "image/webp"), "tweet_gif": ("image/gif",),
               "tweet_video": ("video/mp4", "video/quicktime")}
MEDIA_TYPES |= {"dm_image": MEDIA_TYPES["tweet_image"], "dm_gif": MEDIA_TYPES["tweet_gif"],
                "dm_video": MEDIA_TYPES["tweet_video"], "amplify_video": MEDIA_TYPES["tweet_video"],
                "subtitles": ("text/srt", "application/x-subrip")}
# A post carries up to 4 photos, or 1 animated GIF, or 1 video (tweepy's API.update_status on media_ids).
MAX_PHOTOS = 4
MIXED_MEDIA_MESSAGE = "A post may carry up to 4 images, or 1 animated GIF, or 1 video."  # English: the fake's words
FAILURE_KINDS = ("revoked", "duplicate", "bad_request", "forbidden", "read_only", "rate_limit", "server_error",
                 "server_error_made", "hold", "drop")


@dataclass
class App:
    consumer_key: str
    consumer_secret: str
    access_level: str = "read-write"  # what the developer portal says; "read" makes writes fail with 403


@dataclass
class User:
    id: str
    username: str
    name: str


@dataclass
class Token:
    token: str
    secret: str
    consumer_key: str
    user_id: str
    revoked: bool = False


@dataclass
class Tweet:
    id: str
    author_id: str
    text: str
    reply_to: str | None
    media_ids: tuple[str, ...]
    created_at: float


@dataclass
class Media:
    id: str
    owner: str
    size: int
    category: str
    content_type: str
    alt_text: str | None = None
    # The file names the multipart upload gave its media part (None where it gave none): one for a one-shot upload,
    # one per append for a chunked one, whose pieces each carry a name.
    filenames: tuple[str | None, ...] = ()
    animated: bool = False  # whether it plays on X (an animated GIF sent as an image is shown still)
    processed: bool = True  # a chunked upload is ready for a post once X has processed it
    uploaded_at: float = field(default_factory=time.time)
    looks_left: int = 0  # STATUS answers "in_progress" this many more times before processing ends
    error: str | None = None  # processing ends "failed" with this message


@dataclass
class Upload:
    """A chunked upload between initialize and finalize."""

    id: str
    owner: str
    category: str
    media_type: str
    total_bytes: int
    segments: dict[int, bytes] = field(default_factory=dict)
    filenames: list[str | None] = field(default_factory=list)  # what each append called its piece


@dataclass
class Failure:
    endpoint: str
    kind: str
    times: int = 1
    skip: int = 0  # let this many matching requests through first
    message: str | None = None
    reset_in: float = 900.0  # rate_limit: seconds until x-rate-limit-reset
    reset_header: bool = True
    status: int = 503  # server_error
    retry_after: str | None = None  # server_error: the Retry-After header (seconds, or an HTTP date)
    create: bool = True  # hold / drop: whether the post is created before the response is withheld


    def retry_headers(self) -> dict[str, str]:
        return {"Retry-After": self.retry_after} if self.retry_after is not None else {}


@dataclass
class RequestRecord:
    method: str
    path: str
    endpoint: str | None
    status: int | None
    user_id: str | None


class Sender(Protocol):
    """What a test expects to make the request a wait is for: a thread or a process that sends a post."""

    def is_alive(self) -> bool: ...

    def describe(self) -> str:
        """What it did, for a failure message: still sending, or how it ended."""
        ...


class _Dropped(Exception):
    """Close the connection without answering."""


@dataclass
class _State:
    apps: dict[str, App] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    request_tokens: dict[str, Token] = field(default_factory=dict)  # token -> Token (user_id filled at authorize)
    verifiers: dict[str, str] = field(default_factory=dict)  # request token -> PIN
    tweets: list[Tweet] = field(default_factory=list)
    media: dict[str, Media] = field(default_factory=dict)
    uploads: dict[str, Upload] = field(default_factory=dict)
    nonces: set[tuple[str, str]] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    requests: list[RequestRecord] = field(default_factory=list)
    posts: Counter[str] = field(default_factory=Counter)
    window: dict[str, list[float]] = field(default_factory=dict)  # user id -> create times in the current window
    day: dict[str, list[float]] = field(default_factory=dict)  # "user:<id>" / "app:<key>" -> creates in 24 h


class FakeX:
    """The fake X API. ``with FakeX() as fake:`` starts it on a free port of 127.0.0.1.

    The fake Mastodon and Bluesky servers (tests/fakemastodon, tests/fakebluesky) subclass it for its
    machinery (a real HTTP server on a free port, switched-on failures, held and dropped answers,
    refused connections, request counts) with their own ``ENDPOINTS`` and ``handler``.
    """

    ENDPOINTS: dict[tuple[str, str], str] = ENDPOINTS
    FAILURE_KINDS: tuple[str, ...] = FAILURE_KINDS
    handler: type[BaseHTTPRequestHandler]  # _Handler, set below
    RATE_LIMIT = 200
    RATE_WINDOW_S = 900
    DAY_WINDOW_S = 86_400

    def __init__(self, port: int = 0, hold_max_s: float = 30.0) -> None:
        self._port = port
        self.hold_max_s = hold_max_s
        self.lock = threading.RLock()
        self.state = _State()
        self.browser_user: str | None = None  # who is logged in to X in "the browser" (see authorize)
        # X's 24-hour caps on creating posts, per user and per developer app (its access tier sets them; off
        # unless a test sets them). Past one, X answers 429 while the 15-minute window still has room.
        self.user_day_limit: int | None = None
        self.app_day_limit: int | None = None
        # How far X's clock is ahead of this machine's: its Date header says so, and it refuses signatures whose
        # timestamp is more than 5 minutes from its own time, as X does.
        self.clock_offset_s = 0.0
        # X refuses a copy of a post only while the post is recent, and says nowhere how recent: a test sets the
        # age past which a copy is taken (None: a copy of any post still there is refused).
        self.duplicate_window_s: float | None = None
        # What X's finalize says to wait before looking at a GIF's processing again (X says 1 s): the tests do not
        # wait, the status call itself is what they check.
        self.check_after_s = 0
        # How many STATUS looks X's processing of a chunked upload takes before it ends (0: done at the first),
        # and, when set, the message it then fails with: set before the upload's finalize, they are its own.
        self.processing_looks = 0
        self.processing_error: str | None = None
        # How long X keeps an upload no post uses: its media upload answers say "expires_after_secs": 86400 (the
        # example in X's API v2 reference for POST /2/media/upload and its finalize). Past it, a post offering the id
        # gets X's 400 "Your media IDs are invalid."
        self.media_expiry_s = 86_400
        self._ids = itertools.count(1_900_000_000_000_000_000)
        self._media_ids = itertools.count(1_700_000_000_000_000_000)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._release = threading.Event()
        self._held = threading.Condition(self.lock)
        self.held = 0  # requests currently withheld
        self.held_total = 0

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> FakeX:
        self._server = _Server(("127.0.0.1", self._port), self.handler)
        self._server.fake = self
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="fakex", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeX:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """What ``PERSONAMGR_X_API_URL`` should be set to."""
        return f"http://127.0.0.1:{self._port}"

    def refuse_connections(self) -> None:
        """Close the listening socket: clients get "connection refused" until :meth:`accept_connections`."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def accept_connections(self) -> None:
        """Listen again on the same port (state is kept)."""
        if self._server is None:
            self.start()

    # -- accounts ------------------------------------------------------------------------
    def add_app(self, consumer_key: str | None = None, consumer_secret: str | None = None,
                access_level: str = "read-write") -> App:
        app = App(consumer_key or "ck" + secrets.token_hex(10), consumer_secret or "cs" + secrets.token_hex(20),
                  access_level)
        with self.lock:
            self.state.apps[app.consumer_key] = app
        return app

    def add_user(self, username: str, name: str | None = None, user_id: str | None = None) -> User:
        with self.lock:
            uid = user_id or str(1_000_000 + len(self.state.users) + 1)
            user = User(uid, username, name or username)
            self.state.users[uid] = user
        return user

    def issue_token(self, app: App, user: User) -> Token:
        """Tokens as the developer portal's "Access Token and Secret" button gives them."""
        tok = Token(f"{user.id}-" + secrets.token_hex(16), "ats" + secrets.token_hex(20), app.consumer_key, user.id)
        with self.lock:
            self.state.tokens[tok.token] = tok
        return tok

    def credentials(self, app: App, user: User) -> dict[str, str]:
        """A fresh token for ``user`` as the four-key JSON object ``connect --tokens-stdin`` reads."""
        tok = self.issue_token(app, user)
        return {"consumer_key": app.consumer_key, "consumer_secret": app.consumer_secret,
                "access_token": tok.token, "access_token_secret": tok.secret}

    def revoke(self, access_token: str | None = None) -> None:
        """Revoke one access token, or every token: the next request gets 401."""
        with self.lock:
            for tok in self.state.tokens.values():
                if access_token is None or tok.token == access_token:
                    tok.revoked = True

    def authorize(self, request_token: str, user: User | None = None) -> str:
        """What the user does in the browser: approve the app, and read the PIN."""
        with self.lock:
            rt = self.state.request_tokens[request_token]
            who = user.id if user else self.browser_user
            if who is None:
                raise LookupError("no user is logged in to the fake browser")
            rt.user_id = who
            pin = f"{secrets.randbelow(10_000_000):07d}"
            self.state.verifiers[request_token] = pin
            return pin

    # -- failures ------------------------------------------------------------------------
    def fail_next(self, endpoint: str, kind: str, **options: Any) -> Failure:
        """Make the next matching request(s) to ``endpoint`` fail the way ``kind`` says.

        ``endpoint``: one of :data:`ENDPOINTS`' values, or "any". ``kind``: one of
        :data:`FAILURE_KINDS`. Options: see :class:`Failure` (``times``, ``skip``,
        ``message``, ``reset_in``, ``reset_header``, ``status``, ``create``).
        """
        if kind not in self.FAILURE_KINDS:
            raise ValueError(f"unknown failure {kind!r}")
        if endpoint != "any" and endpoint not in self.ENDPOINTS.values():
            raise ValueError(f"unknown endpoint {endpoint!r}")
        f = Failure(endpoint, kind, **options)
        with self.lock:
            self.state.failures.append(f)
        return f

    def clear_failures(self) -> None:
        with self.lock:
            self.state.failures.clear()

    def release(self) -> None:
        """Let every withheld response go (and every future "hold" return at once)."""
        self._release.set()

    def wait_until_held(self, count: int = 1, timeout: float = 10.0, *, sender: Sender | None = None) -> None:
        """Block until ``count`` requests in total have been withheld (they reached the server).

        Gives up after ``timeout`` seconds, or as soon as ``sender`` (what should make the request) has ended
        without it, with an AssertionError that says what it waited for and what the fake received instead: a
        bare ``assert fake.wait_until_held(...)`` failed under load and told nothing."""
        deadline = time.monotonic() + timeout
        with self._held:
            while self.held_total < count:
                ended = sender is not None and not sender.is_alive()
                left = deadline - time.monotonic()
                if ended or left <= 0:
                    why = "the sender ended without it" if ended else f"none came in {timeout:g} s"
                    raise AssertionError(self._not_held(count, why, sender))
                # A sender that ends notifies nothing: look again at least every 50 ms.
                self._held.wait(left if sender is None else min(left, 0.05))

    def _not_held(self, count: int, why: str, sender: Sender | None) -> str:
        with self.lock:
            held = "no request" if not self.held_total else f"{self.held_total} requests"
            seen = [f"{r.method} {r.path} -> {r.status if r.status is not None else 'no answer'}"
                    for r in self.state.requests]
            queued = [f"{f.kind} at {f.endpoint} (after {f.skip} more)" if f.skip else f"{f.kind} at {f.endpoint}"
                      for f in self.state.failures]
        received = f"It received {len(seen)} requests, the last ones: {'; '.join(seen[-12:])}." if seen else ""
        said = [f"{type(self).__name__} held {held} ({count} awaited): {why}.",
                received or "It received no request.",
                f"Failures still queued: {'; '.join(queued)}." if queued else "No failure is still queued."]
        if sender is not None:
            said.append(f"The sender: {sender.describe()}")
        return " ".join(said)

    def _take_failure(self, endpoint: str) -> Failure | None:
        with self.lock:
            for f in self.state.failures:
                if f.endpoint in (endpoint, "any"):
                    if f.skip:
                        f.skip -= 1
                        return None
                    f.times -= 1
                    if f.times <= 0:
                        self.state.failures.remove(f)
                    return f
        return None

    # -- what happened -------------------------------------------------------------------
    @property
    def tweets(self) -> list[Tweet]:
        with self.lock:
            return list(self.state.tweets)

    def timeline(self, user: User) -> list[Tweet]:
        return [t for t in self.tweets if t.author_id == user.id]

    @property
    def media(self) -> dict[str, Media]:
        with self.lock:
            return dict(self.state.media)

    def post_count(self, endpoint: str | None = None) -> int:
        """How many POST requests arrived (for ``endpoint``, or all), whatever the answer."""
        with self.lock:
            if endpoint is None:
                return sum(self.state.posts.values())
            return self.state.posts[endpoint]

    @property
    def requests(self) -> list[RequestRecord]:
        with self.lock:
            return list(self.state.requests)

    def delete_tweet(self, tweet_id: str) -> None:
        """The account's owner deletes a post on X."""
        with self.lock:
            self.state.tweets = [t for t in self.state.tweets if t.id != tweet_id]

    def age(self, seconds: float) -> None:
        """Time passes on X: every post is ``seconds`` older."""
        with self.lock:
            for t in self.state.tweets:
                t.created_at -= seconds

    def age_media(self, seconds: float) -> None:
        """Time passes on X for the uploads: every one is ``seconds`` older (past ``media_expiry_s``, X has dropped
        it)."""
        with self.lock:
            for m in self.state.media.values():
                m.uploaded_at -= seconds

    def add_tweet(self, author: User, text: str) -> Tweet:
        """A post by someone else, to reply to."""
        with self.lock:
            t = Tweet(str(next(self._ids)), author.id, text, None, (), time.time())
            self.state.tweets.append(t)
        return t

    # -- OAuth 1.0a ----------------------------------------------------------------------
    def verify_oauth(self, method: str, path: str, query: str, headers: dict[str, str], *, body: bytes,
                     content_type: str, request_token: bool = False) -> tuple[dict[str, str], App, Token | None]:
        """Check the request's signature over the original X URL. Raises _AuthFailed."""
        auth = headers.get("authorization", "")
        if not auth.startswith("OAuth "):
            raise _AuthFailed("missing OAuth header")
        params = {k: oauth_utils.unescape(v) for k, v in oauth_utils.parse_authorization_header(auth)}
        for required in ("oauth_consumer_key", "oauth_signature", "oauth_signature_method", "oauth_nonce",
                         "oauth_timestamp"):
            if required not in params:
                raise _AuthFailed(f"{required} missing")
        if params["oauth_signature_method"] != "HMAC-SHA1":
            raise _AuthFailed("unsupported signature method")
        if abs(int(params["oauth_timestamp"]) - (time.time() + self.clock_offset_s)) > 300:
            raise _AuthFailed("timestamp out of bounds")
        with self.lock:
            app = self.state.apps.get(params["oauth_consumer_key"])
            token: Token | None = None
            if "oauth_token" in params:
                pool = self.state.request_tokens if request_token else self.state.tokens
                token = pool.get(params["oauth_token"])
                if token is None or token.consumer_key != params["oauth_consumer_key"]:
                    raise _AuthFailed("unknown token")
            nonce = (params["oauth_consumer_key"], params["oauth_nonce"])
            if nonce in self.state.nonces:
                raise _AuthFailed("nonce reused")
            self.state.nonces.add(nonce)
        if app is None:
            raise _AuthFailed("unknown consumer key")
        form_body = body.decode() if content_type.startswith("application/x-www-form-urlencoded") else None
        collected = oauth_sig.collect_parameters(uri_query=query, body=form_body,
                                                 headers={"Authorization": auth}, exclude_oauth_signature=True)
        base = oauth_sig.signature_base_string(
            method, oauth_sig.base_string_uri(X_HOST + path), oauth_sig.normalize_parameters(collected)
        )
        expected = _hmac_sha1(base, app.consumer_secret, token.secret if token else "")
        if not oauth_sig.safe_string_equals(expected, params["oauth_signature"]):
            raise _AuthFailed("signature mismatch")
        if token is not None and token.revoked:
            raise _AuthFailed("token revoked")
        return params, app, token


class _AuthFailed(Exception):
    pass


def _hmac_sha1(base_string: str, consumer_secret: str, token_secret: str) -> str:
    """RFC 5849 section 3.4.2, written out (oauthlib's helper is deprecated)."""
    key = f"{oauth_utils.escape(consumer_secret)}&{oauth_utils.escape(token_secret)}"
    return base64.b64encode(hmac.new(key.encode(), base_string.encode(), hashlib.sha1).digest()).decode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fake: FakeX


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection: refuse_connections() takes effect at once

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header, by the server's own clock."""
        return super().date_time_string(time.time() + self.server.fake.clock_offset_s if timestamp is None
                                        else timestamp)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    # -- plumbing ------------------------------------------------------------------------
    def route(self, method: str, path: str) -> str | None:
        """The endpoint name for a request (subclasses with path parameters keep them on ``self``)."""
        found = self.server.fake.ENDPOINTS.get((method, path))
        parts = path.split("/")
        if found is None and len(parts) == 6 and parts[1:4] == ["2", "media", "upload"] and parts[4].isdigit():
            self.media_id = parts[4]
            found = self.server.fake.ENDPOINTS.get((method, f"/2/media/upload/{{id}}/{parts[5]}"))
        return found

    def _dispatch(self, method: str) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        endpoint = self.route(method, url.path)
        record = RequestRecord(method, url.path, endpoint, None, None)
        with fake.lock:
            fake.state.requests.append(record)
            if method == "POST":
                fake.state.posts[endpoint or url.path] += 1
        if endpoint is None:
            return self._json(record, 404, {"title": "Not Found Error", "detail": f"No route {url.path}"})
        try:
            getattr(self, f"_{endpoint}")(record, url.query, body)
        except _Dropped:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, record: RequestRecord, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        record.status = status
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, record: RequestRecord, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send(record, status, json.dumps(payload).encode(), "application/json; charset=utf-8", headers)

    def _problem(self, record: RequestRecord, status: int, title: str, detail: str, *,
                 type_: str = "about:blank", headers: dict[str, str] | None = None) -> None:
        self._json(record, status, {"title": title, "detail": detail, "type": type_, "status": status}, headers)

    def _unauthorized(self, record: RequestRecord) -> None:
        self._problem(record, 401, "Unauthorized", "Unauthorized")

    def _authenticate(self, record: RequestRecord, query: str, body: bytes, *, user: bool = True,
                      request_token: bool = False) -> tuple[App, Token | None] | None:
        fake = self.server.fake
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            _params, app, token = fake.verify_oauth(
                self.command, urlsplit(self.path).path, query, headers, body=body,
                content_type=self.headers.get("Content-Type", ""), request_token=request_token,
            )
        except _AuthFailed:
            self._unauthorized(record)
            return None
        if user and token is None:
            self._unauthorized(record)
            return None
        if token is not None and not request_token:
            record.user_id = token.user_id
        return app, token

    def _rate_headers(self, user_id: str, consume: bool) -> tuple[dict[str, str], bool]:
        fake = self.server.fake
        now = time.time()
        with fake.lock:
            window = [t for t in fake.state.window.get(user_id, []) if now - t < fake.RATE_WINDOW_S]
            exhausted = len(window) >= fake.RATE_LIMIT
            if consume and not exhausted:
                window.append(now)
            fake.state.window[user_id] = window
        reset = int((window[0] if window else now) + fake.RATE_WINDOW_S)
        return {
            "x-rate-limit-limit": str(fake.RATE_LIMIT),
            "x-rate-limit-remaining": str(max(0, fake.RATE_LIMIT - len(window))),
            "x-rate-limit-reset": str(reset),
        }, exhausted

    def _day_headers(self, user_id: str, consumer_key: str) -> tuple[dict[str, str], bool]:
        """X's 24-hour caps on creates (``x-user-limit-24hour-*``, ``x-app-limit-24hour-*``), as X sends them
        with every create once its tier has such a cap. True when a cap is used up (nothing is counted then)."""
        fake = self.server.fake
        now = time.time()
        caps = [(f"user:{user_id}", "x-user-limit-24hour", fake.user_day_limit),
                (f"app:{consumer_key}", "x-app-limit-24hour", fake.app_day_limit)]
        headers: dict[str, str] = {}
        with fake.lock:
            windows = {key: [t for t in fake.state.day.get(key, []) if now - t < fake.DAY_WINDOW_S]
                       for key, _, limit in caps if limit is not None}
            exhausted = any(len(windows[key]) >= limit for key, _, limit in caps if limit is not None)
            for key, prefix, limit in caps:
                if limit is None:
                    continue
                window = windows[key]
                if not exhausted:
                    window.append(now)
                fake.state.day[key] = window
                headers[f"{prefix}-limit"] = str(limit)
                headers[f"{prefix}-remaining"] = str(max(0, limit - len(window)))
                headers[f"{prefix}-reset"] = str(int((window[0] if window else now) + fake.DAY_WINDOW_S))
        return headers, exhausted

    def _apply_failure(self, record: RequestRecord, endpoint: str, create: Any = None) -> bool:
        """Answer with the switched-on failure, if any. True if the request was answered (or dropped)."""
        fake = self.server.fake
        f = fake._take_failure(endpoint)
        if f is None:
            return False
        k = f.kind
        if k == "revoked":
            self._unauthorized(record)
        elif k == "duplicate":
            self._problem(record, 403, "Forbidden", DUPLICATE_DETAIL)
        elif k == "read_only":
            self._problem(record, 403, "Unsupported Authentication", f.message or READ_ONLY_DETAIL,
                          type_="https://api.twitter.com/2/problems/oauth1-permissions")
        elif k == "forbidden":
            self._problem(record, 403, "Forbidden", f.message or "You are not permitted to perform this action.")
        elif k == "bad_request":
            self._json(record, 400, {"errors": [{"message": f.message or "Invalid Request"}],
                                     "title": "Invalid Request",
                                     "detail": "One or more parameters to your request was invalid.",
                                     "type": "https://api.twitter.com/2/problems/invalid-request"})
        elif k == "rate_limit":
            headers = {"x-rate-limit-limit": "200", "x-rate-limit-remaining": "0"}
            if f.reset_header:
                headers["x-rate-limit-reset"] = str(int(time.time() + f.reset_in))
            self._problem(record, 429, "Too Many Requests", "Too Many Requests", headers=headers)
        elif k in ("server_error", "server_error_made"):  # made: X stored the post, then its answer failed
            if k == "server_error_made" and create is not None:
                create()
            self._problem(record, f.status, "Service Unavailable", f.message or "Service Unavailable",
                          headers=f.retry_headers())
        elif k in ("hold", "drop"):
            self.withhold(record, f, create)
        return True

    def withhold(self, record: RequestRecord, f: Failure, create: Any = None) -> None:
        """``hold``: do the work (``create``), then answer only after ``release()`` or ``hold_max_s``;
        ``drop``: do the work, then close the connection without an answer."""
        fake = self.server.fake
        if f.create and create is not None:
            create()
        if f.kind == "drop":
            raise _Dropped
        with fake._held:
            fake.held += 1
            fake.held_total += 1
            fake._held.notify_all()
        fake._release.wait(fake.hold_max_s)
        with fake._held:
            fake.held -= 1
        # The client has usually given up by now; answer anyway, as the real server would.
        self._send(record, 503, b'{"error": "held by the test"}', "application/json")

    # -- OAuth endpoints -----------------------------------------------------------------
    def _request_token(self, record: RequestRecord, query: str, body: bytes) -> None:
        auth = self._authenticate(record, query, body, user=False)
        if auth is None:
            return
        if self._apply_failure(record, "request_token"):
            return
        app, _ = auth
        fake = self.server.fake
        tok = Token("rt" + secrets.token_hex(12), "rts" + secrets.token_hex(16), app.consumer_key, "")
        with fake.lock:
            fake.state.request_tokens[tok.token] = tok
        self._send(record, 200, f"oauth_token={tok.token}&oauth_token_secret={tok.secret}"
                   "&oauth_callback_confirmed=true".encode(), "application/x-www-form-urlencoded")

    def _authorize(self, record: RequestRecord, query: str, body: bytes) -> None:
        """The page the browser shows: the PIN for whoever is logged in to X there."""
        fake = self.server.fake
        token = dict(parse_qsl(query)).get("oauth_token", "")
        try:
            pin = fake.authorize(token)
        except KeyError:
            return self._send(record, 400, b"<p>This page is no longer valid.</p>", "text/html")
        except LookupError:
            return self._send(record, 200, b"<p>Log in to X to continue.</p>", "text/html")
        who = fake.state.users[fake.browser_user or ""].username
        self._send(record, 200, f"<p>Authorized as @{who}. Enter this PIN: <code id='pin'>{pin}</code></p>".encode(),
                   "text/html")

    def _access_token(self, record: RequestRecord, query: str, body: bytes) -> None:
        auth = self._authenticate(record, query, body, user=True, request_token=True)
        if auth is None:
            return
        if self._apply_failure(record, "access_token"):
            return
        app, rt = auth
        assert rt is not None
        fake = self.server.fake
        params = {k: oauth_utils.unescape(v)
                  for k, v in oauth_utils.parse_authorization_header(self.headers["Authorization"])}
        verifier = params.get("oauth_verifier") or dict(parse_qsl(body.decode())).get("oauth_verifier")
        with fake.lock:
            expected = fake.state.verifiers.pop(rt.token, None)
            if expected is None or verifier != expected or not rt.user_id:
                fake.state.request_tokens.pop(rt.token, None)
                return self._unauthorized(record)
            fake.state.request_tokens.pop(rt.token, None)
            user = fake.state.users[rt.user_id]
        tok = fake.issue_token(app, user)
        self._send(record, 200, f"oauth_token={tok.token}&oauth_token_secret={tok.secret}"
                   f"&user_id={user.id}&screen_name={user.username}".encode(), "application/x-www-form-urlencoded")

    # -- API v2 --------------------------------------------------------------------------
    def _user_token(self, record: RequestRecord, query: str, body: bytes, endpoint: str) -> Token | None:
        """The user token a request is signed with, or None once it was answered: a refused signature, or a failure
        a test queued for ``endpoint``."""
        auth = self._authenticate(record, query, body)
        if auth is None or self._apply_failure(record, endpoint):
            return None
        _app, tok = auth
        assert tok is not None
        return tok

    def _users_me(self, record: RequestRecord, query: str, body: bytes) -> None:
        auth = self._authenticate(record, query, body)
        if auth is None:
            return
        if self._apply_failure(record, "users_me"):
            return
        app, tok = auth
        assert tok is not None
        user = self.server.fake.state.users[tok.user_id]
        headers, _ = self._rate_headers(user.id, consume=False)
        headers["x-access-level"] = app.access_level
        self._json(record, 200, {"data": {"id": user.id, "name": user.name, "username": user.username}}, headers)

    def _tweets(self, record: RequestRecord, query: str, body: bytes) -> None:
        fake = self.server.fake
        auth = self._authenticate(record, query, body)
        if auth is None:
            return
        app, tok = auth
        assert tok is not None
        try:
            payload = json.loads(body or b"{}")
        except json.JSONDecodeError:
            return self._problem(record, 400, "Invalid Request", "Request body is not valid JSON.")
        text = payload.get("text", "")
        reply_to = (payload.get("reply") or {}).get("in_reply_to_tweet_id")
        media_ids = tuple((payload.get("media") or {}).get("media_ids") or ())
        created: list[Tweet] = []

        def create() -> None:
            with fake.lock:
                t = Tweet(str(next(fake._ids)), tok.user_id, text, reply_to, media_ids, time.time())
                fake.state.tweets.append(t)
                created.append(t)

        if self._apply_failure(record, "tweets", create):
            return
        headers, exhausted = self._rate_headers(tok.user_id, consume=True)
        day_headers, day_exhausted = self._day_headers(tok.user_id, app.consumer_key)
        headers.update(day_headers)
        if exhausted or day_exhausted:
            return self._problem(record, 429, "Too Many Requests", "Too Many Requests", headers=headers)
        if app.access_level == "read":
            return self._problem(record, 403, "Unsupported Authentication", READ_ONLY_DETAIL,
                                 type_="https://api.twitter.com/2/problems/oauth1-permissions", headers=headers)
        if not text and not media_ids:
            return self._bad(record, "Your Tweet must contain text or media.", headers)
        if weighted_length(text) > 280:
            return self._bad(record, TOO_LONG_MESSAGE, headers)
        with fake.lock:
            recent = time.time() - (fake.duplicate_window_s or float("inf"))
            if any(t.author_id == tok.user_id and t.text == text and t.created_at > recent for t in fake.state.tweets):
                return self._problem(record, 403, "Forbidden", DUPLICATE_DETAIL, headers=headers)
            if reply_to is not None:
                parent = next((t for t in fake.state.tweets if t.id == str(reply_to)), None)
                if parent is None:
                    return self._bad(record, "The post you are replying to does not exist.", headers)
                me = fake.state.users[tok.user_id].username.lower()
                if parent.author_id != tok.user_id and f"@{me}" not in parent.text.lower():
                    return self._problem(record, 403, "Forbidden", REPLY_DENIED_DETAIL, headers=headers)
            invalid = [str(mid) for mid in media_ids if not self._usable(fake.state.media.get(str(mid)), tok)]
            if invalid:  # X's answer for an id that is unknown, another account's, unprocessed or expired
                return self._json(record, 400, {
                    "errors": [{"parameters": {"media.media_ids": invalid}, "message": "Your media IDs are invalid."}],
                    "title": "Invalid Request", "detail": "One or more parameters to your request was invalid.",
                    "type": "https://api.twitter.com/2/problems/invalid-request"}, headers)
            moving = [m for mid in media_ids if (m := fake.state.media[str(mid)]).category not in ONE_SHOT_CATEGORIES]
            if len(media_ids) > MAX_PHOTOS or (moving and len(media_ids) > 1):
                return self._bad(record, MIXED_MEDIA_MESSAGE, headers)
        create()
        t = created[0]
        self._json(record, 201, {"data": {"id": t.id, "text": t.text, "edit_history_tweet_ids": [t.id]}}, headers)

    def _usable(self, m: Media | None, tok: Token) -> bool:
        fake = self.server.fake
        return (m is not None and m.owner == tok.user_id and m.processed
                and time.time() - m.uploaded_at < fake.media_expiry_s)

    def _bad(self, record: RequestRecord, message: str, headers: dict[str, str] | None = None) -> None:
        self._json(record, 400, {"errors": [{"message": message}], "title": "Invalid Request",
                                 "detail": "One or more parameters to your request was invalid.",
                                 "type": "https://api.twitter.com/2/problems/invalid-request"}, headers)

    def _media_upload(self, record: RequestRecord, query: str, body: bytes) -> None:
        fake = self.server.fake
        tok = self._user_token(record, query, body, "media_upload")
        if tok is None:
            return
        ctype = self.headers.get("Content-Type", "")
        if not ctype.startswith("multipart/form-data"):
            return self._bad(record, "media upload must be multipart/form-data")
        fields = _form_fields(ctype, body)
        if "media" not in fields:
            return self._bad(record, "The media field is required.")
        data, content_type, filename = fields["media"]
        category = fields["media_category"].data.decode() if "media_category" in fields else ""
        if category not in ONE_SHOT_CATEGORIES:
            return self._bad(record, f"Invalid media_category: {category!r}; one-shot upload takes "
                                     f"{', '.join(ONE_SHOT_CATEGORIES)}")
        if len(data) > MEDIA_LIMITS[category]:
            return self._bad(record, f"File size exceeds {MEDIA_LIMITS[category]} bytes.")
        m = Media(str(next(fake._media_ids)), tok.user_id, len(data), category, content_type, filenames=(filename,))
        with fake.lock:
            fake.state.media[m.id] = m
        self._json(record, 200, {"data": {"id": m.id, "media_key": f"3_{m.id}", "size": m.size,
                                          "expires_after_secs": fake.media_expiry_s}})

    def _media_initialize(self, record: RequestRecord, query: str, body: bytes) -> None:
        fake = self.server.fake
        tok = self._user_token(record, query, body, "media_initialize")
        if tok is None:
            return
        try:
            payload = json.loads(body or b"{}")
        except json.JSONDecodeError:
            return self._bad(record, "Request body is not valid JSON.")
        category, total = str(payload.get("media_category", "")), payload.get("total_bytes")
        media_type = str(payload.get("media_type") or "")
        if category not in MEDIA_LIMITS or type(total) is not int or total <= 0 or not media_type:
            return self._bad(record, "media_category, media_type and total_bytes (a positive number) are required.")
        if media_type not in MEDIA_TYPES[category]:
            return self._bad(record, f"media_type {media_type} is not allowed for media_category {category}.")
        if total > MEDIA_LIMITS[category]:
            return self._bad(record, f"File size exceeds {MEDIA_LIMITS[category]} bytes.")
        up = Upload(str(next(fake._media_ids)), tok.user_id, category, str(payload["media_type"]), total)
        with fake.lock:
            fake.state.uploads[up.id] = up
        self._json(record, 200, {"data": {"id": up.id, "media_key": f"16_{up.id}", "expires_after_secs": 86400}})

    def _media_append(self, record: RequestRecord, query: str, body: bytes) -> None:
        fake = self.server.fake
        tok = self._user_token(record, query, body, "media_append")
        if tok is None:
            return
        fields = _form_fields(self.headers.get("Content-Type", ""), body)
        segment = fields["segment_index"].data.decode() if "segment_index" in fields else ""
        with fake.lock:
            up = fake.state.uploads.get(self.media_id)
            if up is None or up.owner != tok.user_id:
                return self._bad(record, f"Unknown media id {self.media_id}")
            if "media" not in fields or not segment.isdigit():
                return self._bad(record, "media and segment_index are required.")
            if int(segment) >= MAX_SEGMENTS:
                return self._bad(record, f"segment_index must be between 0 and {MAX_SEGMENTS - 1}.")
            if len(fields["media"].data) > MAX_SEGMENT:
                return self._bad(record, f"A segment may be at most {MAX_SEGMENT} bytes.")
            up.segments[int(segment)] = fields["media"].data
            up.filenames.append(fields["media"].filename)
        self._json(record, 200, {"data": {"expires_at": int(time.time()) + 86400}})

    def _media_finalize(self, record: RequestRecord, query: str, body: bytes) -> None:
        fake = self.server.fake
        tok = self._user_token(record, query, body, "media_finalize")
        if tok is None:
            return
        with fake.lock:
            up = fake.state.uploads.get(self.media_id)
            if up is None or up.owner != tok.user_id:
                return self._bad(record, f"Unknown media id {self.media_id}")
            if sorted(up.segments) != list(range(len(up.segments))):
                return self._bad(record, f"Segments missing: {len(up.segments)} appended, numbered "
                                         f"{sorted(up.segments)}.")
            data = b"".join(up.segments[i] for i in sorted(up.segments))
            if len(data) != up.total_bytes:
                return self._bad(record, f"File size mismatch: {len(data)} bytes sent, {up.total_bytes} announced.")
            del fake.state.uploads[up.id]
            plays = up.category in PLAYS
            m = Media(up.id, up.owner, len(data), up.category, up.media_type, filenames=tuple(up.filenames),
                      animated=plays and _animated(data),
                      processed=not plays, looks_left=fake.processing_looks, error=fake.processing_error)
            fake.state.media[m.id] = m
        answer: dict[str, Any] = {"id": m.id, "media_key": f"16_{m.id}", "size": m.size,
                                  "expires_after_secs": fake.media_expiry_s}
        if not m.processed:
            answer["processing_info"] = {"state": "pending", "check_after_secs": fake.check_after_s}
        self._json(record, 200, {"data": answer})

    def _media_status(self, record: RequestRecord, query: str, body: bytes) -> None:
        """``GET /2/media/upload?command=STATUS&media_id=ID``: X processes an upload between two looks at it
        (``processing_looks`` of them), then says it succeeded, or failed (``processing_error``). An id X no longer
        has (unknown, another account's, past ``media_expiry_s``) gets the 400 an unknown id gets."""
        fake = self.server.fake
        tok = self._user_token(record, query, body, "media_status")
        if tok is None:
            return
        params = dict(parse_qsl(query))
        with fake.lock:
            m = fake.state.media.get(params.get("media_id", ""))
            if (params.get("command") != "STATUS" or m is None or m.owner != tok.user_id
                    or time.time() - m.uploaded_at >= fake.media_expiry_s):
                return self._bad(record, f"Unknown media id {params.get('media_id')}")
            if m.looks_left > 0:
                m.looks_left -= 1
                info: dict[str, Any] = {"state": "in_progress", "check_after_secs": fake.check_after_s,
                                        "progress_percent": 50}
            elif m.error is not None:
                info = {"state": "failed", "progress_percent": 100,
                        "error": {"code": 1, "name": "InvalidMedia", "message": m.error}}
            else:
                m.processed = True
                info = {"state": "succeeded", "progress_percent": 100}
        self._json(record, 200, {"data": {"id": m.id, "media_key": f"16_{m.id}", "processing_info": info}})

    def _media_metadata(self, record: RequestRecord, query: str, body: bytes) -> None:
        fake = self.server.fake
        tok = self._user_token(record, query, body, "media_metadata")
        if tok is None:
            return
        try:
            payload = json.loads(body or b"{}")
        except json.JSONDecodeError:
            return self._bad(record, "Request body is not valid JSON.")
        mid = str(payload.get("id", ""))
        alt = ((payload.get("metadata") or {}).get("alt_text") or {}).get("text")
        with fake.lock:
            m = fake.state.media.get(mid)
            if m is None or m.owner != tok.user_id:
                return self._bad(record, f"Unknown media id {mid}")
            if alt is None or len(alt) > 1000:
                return self._bad(record, "alt_text.text must be 1 to 1000 characters.")
            m.alt_text = alt
        self._json(record, 200, {"data": {"associated_metadata": True, "id": mid}})


class FormField(NamedTuple):
    data: bytes
    content_type: str
    filename: str | None  # the name the client gave a file field (X keeps it with the media); None when it gave none


def _form_fields(content_type: str, body: bytes) -> dict[str, FormField]:
    """A multipart/form-data body's fields by name."""
    if not content_type.startswith("multipart/form-data"):
        return {}
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    return {str(part.get_param("name", header="content-disposition")): FormField(
        part.get_payload(decode=True) or b"", part.get_content_type(), part.get_filename())
        for part in msg.iter_parts()}


def _animated(data: bytes) -> bool:
    """Whether the GIF has more than one frame, as X's processing finds it (Pillow, not the app's own reader)."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            return bool(getattr(picture, "is_animated", False))
    except (OSError, ValueError):
        return False


FakeX.handler = _Handler
