"""Every way a Mastodon call can fail, as the one NetworkError (and so the one post state) it means.

=============================================  ==========================  =====================================
Mastodon.py raises                             becomes                     the post
=============================================  ==========================  =====================================
MastodonUnauthorizedError (401)                AuthError                   failed, persona "reconnect needed"
a redirect to another address (the server      ServerMovedError (an        failed, persona "reconnect needed",
moved), stopped before the token goes there    AuthError)                  with the new address to use
403 "outside the authorized scopes"            AuthError                   failed, reconnect to grant posting
other 4xx (422 too long, 404 reply gone, ...)  RejectedError               failed, the server's own words
MastodonRatelimitError (429)                   RateLimitedError(reset_at)  scheduled at X-RateLimit-Reset
429 on an image upload (30 per 30 minutes)     RateLimitedError(images_    scheduled at X-RateLimit-Reset; only
                                               only)                       the posts with images wait with it
502 / 504 on a status (a gateway gave up on   AmbiguousError(retry_safe)  retried: its Idempotency-Key makes a
the server, which may have made it)                                        repeat return the status already made;
                                                                           after the key's hour, needs review
MastodonServerError (other 5xx, and any 5xx    TransientError              retried with backoff, not before
on a read or an upload)                                                    its Retry-After
connect timeout, TLS failure                   TransientError              retried with backoff
DNS failure, connection refused                OfflineError                scheduled, retried
read timeout / dropped answer on a status      AmbiguousError(retry_safe)  retried: its Idempotency-Key makes a
                                                                           repeat return the status already made;
                                                                           after the key's hour, needs review
read timeout on anything else                  TransientError              retried with backoff
=============================================  ==========================  =====================================
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import requests
from mastodon import errors as m

from personamgr.core.networks.base import (
    AmbiguousError,
    AuthError,
    ConnectTimeoutError,
    NetworkError,
    OfflineError,
    RateLimitedError,
    RejectedError,
    SecureConnectionError,
    TransientError,
)
from personamgr.core.networks.mastodon.network import IDEMPOTENCY_WINDOW
from personamgr.core.networks.remote import retry_after
from personamgr.core.networks.requests_faults import exception_chain, unreachable
from personamgr.core.reason_words import Note

DEFAULT_RATE_WAIT = timedelta(minutes=5)  # Mastodon's windows are 5 minutes; used when no reset header came
SCOPE_MARK = "outside the authorized scopes"  # English: the server's words
# What the proxy in front of a Mastodon server (nginx) answers when the server was too slow or its connection broke:
# the server itself may have gone on and made the status.
GATEWAY_STATUSES = frozenset({502, 504})


class Moved(Exception):
    """A redirect to another address, stopped in the client before the account's token is sent there."""

    def __init__(self, target: str, status: int) -> None:
        super().__init__(f"{status} to {target}")
        self.target = target
        self.status = status


class ServerMovedError(AuthError):
    """The server answers from a new address: the persona must be connected again there."""


def server_message(exc: m.MastodonAPIError) -> str:
    """What the server said, in its own words ("Validation failed: Text character limit of 500 exceeded")."""
    args = exc.args
    if len(args) >= 4 and args[3]:
        return str(args[3])
    if len(args) >= 3:
        return f"{args[1]} {args[2]}"
    return str(exc)


def status_of(exc: m.MastodonAPIError) -> int | None:
    args = exc.args
    return args[1] if len(args) >= 2 and isinstance(args[1], int) else None


def from_mastodon(exc: Exception, *, now: datetime, reset: float | None, write: bool,
                  server: str = "Mastodon", retry_after_header: str | None = None,
                  upload: bool = False) -> NetworkError:
    """Map one Mastodon.py exception. ``reset``: the client's ``ratelimit_reset`` (epoch seconds) when known;
    ``retry_after_header``: the failed answer's Retry-After (Mastodon.py's exception does not carry it).

    ``write``: the call creates a status that carries an Idempotency-Key, so a timeout after sending is safe
    to retry; every other call (uploads, reads) is simply repeated. ``upload``: the call uploads an image, which
    Mastodon limits apart from statuses (30 per 30 minutes per account).
    """
    if isinstance(exc, m.MastodonRatelimitError):
        at = datetime.fromtimestamp(reset, UTC) if reset and reset > now.timestamp() else now + DEFAULT_RATE_WAIT
        if upload:
            return RateLimitedError(Note("mastodon_media_rate_limit", server=server), at, images_only=True)
        return RateLimitedError(Note("mastodon_rate_limit", server=server), at)
    if isinstance(exc, m.MastodonUnauthorizedError):
        return AuthError(Note("mastodon_token", server=server, server_message=server_message(exc)))
    if isinstance(exc, m.MastodonServerError):
        if write and status_of(exc) in GATEWAY_STATUSES:
            return AmbiguousError(Note("mastodon_write_gateway", server=server, status_of=status_of(exc),
                                       server_message=server_message(exc)),
                                  retry_safe=True, repeat_window=IDEMPOTENCY_WINDOW)
        return TransientError(Note("mastodon_server_error", server=server, status_of=status_of(exc),
                                   server_message=server_message(exc)),
                              retry_at=retry_after(retry_after_header, now))
    if isinstance(exc, m.MastodonAPIError):
        msg = server_message(exc)
        if status_of(exc) == 403 and SCOPE_MARK in msg.lower():
            return AuthError(Note("mastodon_scope", server=server, msg=msg))
        return RejectedError(Note("mastodon_refused", server=server, msg=msg))
    if isinstance(exc, m.MastodonNetworkError):
        return _from_transport(exc, write=write, server=server)
    if isinstance(exc, m.MastodonIllegalArgumentError | m.MastodonIOError):
        return RejectedError(Note("mastodon_unprepared", server=server, error=str(exc)))
    return RejectedError(Note("mastodon_unexpected", server=server, name=type(exc).__name__, error=str(exc)))


def _from_transport(exc: Exception, *, write: bool, server: str) -> NetworkError:
    chain = exception_chain(exc)
    moved = next((e for e in chain if isinstance(e, Moved)), None)
    if moved is not None:  # nothing was sent past the redirect
        return ServerMovedError(Note("mastodon_moved", server=server, target=urlsplit(moved.target).netloc,
                                     status=moved.status))
    if any(isinstance(e, requests.ConnectTimeout) for e in chain):
        return ConnectTimeoutError(Note("mastodon_connect_timeout", server=server))
    if any(isinstance(e, requests.exceptions.SSLError) for e in chain):
        return SecureConnectionError(Note("mastodon_tls", server=server))
    if unreachable(chain):
        return OfflineError(Note("mastodon_unreachable", server=server))
    if write:
        timed_out = any(isinstance(e, requests.ReadTimeout) for e in chain)
        return AmbiguousError(Note("mastodon_write_timeout" if timed_out else "mastodon_write_dropped", server=server),
                              retry_safe=True, repeat_window=IDEMPOTENCY_WINDOW)
    return TransientError(Note("mastodon_broke", server=server, name=type(exc).__name__))
