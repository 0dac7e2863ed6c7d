"""Every way an atproto call can fail, as the one NetworkError (and so the one post state) it means.

=============================================  ==========================  =====================================
atproto raises                                 becomes                     the post
=============================================  ==========================  =====================================
401 AccountTakedown / AccountDeactivated       RejectedError               failed, "taken down or deactivated":
                                                                           no new session is asked for
UnauthorizedError (401/403), a session that    AuthError                   failed, persona "reconnect needed"
cannot be renewed with the app password
400 ExpiredToken / InvalidToken                SessionExpired              refreshed with the refresh token (a new
                                                                           session only if that is refused), retried
400 BlobNotFound                               BlobGone                    uploaded again at once, written again
other 400, 413 (BlobTooLarge, text too long)   RejectedError               failed, Bluesky's own words
RateLimitExceededError (429)                   RateLimitedError(reset_at)  scheduled at ratelimit-reset
5xx (a duplicate record key is a bare 500)     TransientError              retried (not before its Retry-After):
                                                                           the key is looked up first
connect timeout                                TransientError              retried with backoff
DNS failure, connection refused                OfflineError                scheduled, retried
read timeout / dropped answer on a write       AmbiguousError(retry_safe)  retried: the record key is looked up
                                                                           before writing, so it cannot post twice
=============================================  ==========================  =====================================
"""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
from atproto_client import exceptions as ax
from atproto_client.models.common import XrpcError

from personamgr.core.networks.base import (
    AmbiguousError,
    AuthError,
    ConnectTimeoutError,
    NetworkError,
    OfflineError,
    RateLimitedError,
    RejectedError,
    TransientError,
)
from personamgr.core.networks.remote import retry_after
from personamgr.core.reason_words import Note

DEFAULT_RATE_WAIT = timedelta(minutes=5)
SESSION_ERRORS = frozenset({"ExpiredToken", "InvalidToken"})
# The PDS's answer for an account that may not act at all: no session, new or renewed, changes it.
ACCOUNT_UNAVAILABLE = frozenset({"AccountTakedown", "AccountDeactivated"})


class SessionExpired(AuthError):
    """The stored session can no longer be used; a new one may be made with the app password."""


class BlobGone(RejectedError):
    """The PDS does not have an image blob the record names (``BlobNotFound``): one kept from an earlier attempt was
    deleted meanwhile, as a PDS deletes blobs no record references. Uploaded again, the post can go."""


class HandleNotFound(RejectedError):
    """No account has this handle (``resolveHandle`` does not know it): said when connecting. ``message``: the
    handle."""


class HandleNotClaimed(RejectedError):
    """The handle names an account (``did``) whose DID document does not claim it back: Bluesky shows it as an
    invalid handle, so it is no account's (atproto.com/specs/handle). Said when connecting."""

    def __init__(self, handle: str, did: str) -> None:
        super().__init__(handle)
        self.handle, self.did = handle, did


class UnsupportedDid(HandleNotClaimed):
    """The handle names a did:web with a path, which atproto does not take (atproto.com/specs/did): no account
    can have it."""


def xrpc_error(exc: ax.RequestErrorBase) -> tuple[str, str]:
    """(error name, message) of an XRPC error answer, as far as it says."""
    content = exc.response.content if exc.response is not None else None
    if isinstance(content, XrpcError):
        return content.error or "", content.message or ""
    if isinstance(content, dict):
        return str(content.get("error") or ""), str(content.get("message") or "")
    return "", ""


def _said(exc: ax.RequestErrorBase) -> str:
    name, message = xrpc_error(exc)
    status = exc.response.status_code if exc.response is not None else "?"
    return message or name or f"{status}"


def from_atproto(exc: Exception, *, now: datetime, write: bool) -> NetworkError:
    """Map one atproto exception. ``write``: the call creates a record under a key looked up before writing."""
    if isinstance(exc, ax.RateLimitExceededError):
        at = exc.reset_at if exc.reset_at and exc.reset_at > now else now + DEFAULT_RATE_WAIT
        return RateLimitedError(Note("bluesky_rate_limit"), at)
    if isinstance(exc, ax.RequestErrorBase) and xrpc_error(exc)[0] in ACCOUNT_UNAVAILABLE:
        return RejectedError(Note("bluesky_account_unavailable", error=_said(exc)))
    if isinstance(exc, ax.UnauthorizedError):
        return AuthError(Note("bluesky_session", error=_said(exc)))
    if isinstance(exc, ax.BadRequestError):
        name, _ = xrpc_error(exc)
        if name in SESSION_ERRORS:
            return SessionExpired(Note("bluesky_session_ended", error=_said(exc)))
        if name == "BlobNotFound":
            return BlobGone(Note("bluesky_refused", error=_said(exc)))
        return RejectedError(Note("bluesky_refused", error=_said(exc)))
    if isinstance(exc, ax.InvokeTimeoutError):
        cause = exc.__cause__
        if isinstance(cause, httpx.ConnectTimeout | httpx.PoolTimeout):
            return ConnectTimeoutError(Note("bluesky_connect_timeout"))
        if write:
            return AmbiguousError(Note("bluesky_write_timeout"), retry_safe=True)
        return TransientError(Note("bluesky_read_timeout"))
    if isinstance(exc, ax.NetworkError) and exc.response is None:
        return _connection_lost(exc.__cause__ or exc, write=write)
    if isinstance(exc, ax.RequestErrorBase) and exc.response is not None:
        status = exc.response.status_code
        if status == 413:
            return RejectedError(Note("bluesky_too_large", error=_said(exc)))
        if status >= 500 or status in (409, 502):
            return TransientError(Note("bluesky_server_error", status=status, error=_said(exc)),
                                  retry_at=retry_after(exc.response.headers.get("retry-after"), now))
        return RejectedError(Note("bluesky_refused", error=_said(exc)))
    return RejectedError(Note("bluesky_unexpected", name=type(exc).__name__, error=str(exc)))


def from_transport(exc: httpx.TransportError, *, write: bool) -> NetworkError:
    """A failure below XRPC that atproto lets through unwrapped (a connection closed without an answer)."""
    return _connection_lost(exc, write=write)


def _connection_lost(cause: BaseException, *, write: bool) -> NetworkError:
    """No answer came (refused, or closed mid-way): offline, ambiguous after a write, or worth another try."""
    if isinstance(cause, httpx.ConnectError):
        return OfflineError(Note("bluesky_unreachable"))
    if write:
        return AmbiguousError(Note("bluesky_write_broke"), retry_safe=True)
    return TransientError(Note("bluesky_broke", name=type(cause).__name__))
