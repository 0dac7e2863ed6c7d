"""Every way an atproto call can fail, as the one NetworkError (and so the one post state) it means.

=============================================  ==========================  =====================================
atproto raises                                 becomes                     the post
=============================================  ==========================  =====================================
UnauthorizedError (401/403), a session that    AuthError                   failed, persona "reconnect needed"
cannot be renewed with the app password
400 ExpiredToken / InvalidToken                SessionExpired              refreshed with the refresh token (a new
                                                                           session only if that is refused), retried
other 400, 413 (BlobTooLarge, text too long)   RejectedError               failed, Bluesky's own words
RateLimitExceededError (429)                   RateLimitedError(reset_at)  scheduled at ratelimit-reset
5xx (a duplicate record key is a bare 500)     TransientError              retried: the key is looked up first
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

from personamgr.core.i18n import translate
from personamgr.core.networks.base import (
    AmbiguousError,
    AuthError,
    NetworkError,
    OfflineError,
    RateLimitedError,
    RejectedError,
    TransientError,
)

DEFAULT_RATE_WAIT = timedelta(minutes=5)
SESSION_ERRORS = frozenset({"ExpiredToken", "InvalidToken"})


class SessionExpired(AuthError):
    """The stored session can no longer be used; a new one may be made with the app password."""


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
        return RateLimitedError(translate(
            "Bluesky", "Bluesky's rate limit was reached; the post waits until it resets, then goes out by "
            "itself."), at)
    if isinstance(exc, ax.UnauthorizedError):
        return AuthError(translate(
            "Bluesky", "Bluesky refused this account's session ({error}): the app password was revoked or the "
            "account signed out.").format(error=_said(exc)))
    if isinstance(exc, ax.BadRequestError):
        name, _ = xrpc_error(exc)
        if name in SESSION_ERRORS:
            return SessionExpired(translate(
                "Bluesky", "Bluesky says the session has ended ({error}).").format(error=_said(exc)))
        return RejectedError(translate(
            "Bluesky", "Bluesky refused the post: {error}").format(error=_said(exc)))
    if isinstance(exc, ax.InvokeTimeoutError):
        cause = exc.__cause__
        if isinstance(cause, httpx.ConnectTimeout | httpx.PoolTimeout):
            return TransientError(translate(
                "Bluesky", "Bluesky did not accept the connection in time; nothing was sent. It will be tried "
                "again."))
        if write:
            return AmbiguousError(translate(
                "Bluesky", "Bluesky did not answer in time after the post was sent. It will be sent again "
                "shortly; Bluesky is asked first whether it arrived, so it cannot go out twice and "
                "needs no review."), retry_safe=True)
        return TransientError(translate(
            "Bluesky", "Bluesky did not answer in time; it will be tried again."))
    if isinstance(exc, ax.NetworkError) and exc.response is None:
        return _connection_lost(exc.__cause__ or exc, write=write)
    if isinstance(exc, ax.RequestErrorBase) and exc.response is not None:
        status = exc.response.status_code
        if status == 413:
            return RejectedError(translate(
                "Bluesky", "Bluesky refused the post as too large: {error}").format(error=_said(exc)))
        if status >= 500 or status in (409, 502):
            return TransientError(translate(
                "Bluesky", "Bluesky had a server error ({status}: {error}); the post will be tried again.").format(
                status=status, error=_said(exc)))
        return RejectedError(translate(
            "Bluesky", "Bluesky refused the post: {error}").format(error=_said(exc)))
    return RejectedError(translate(
        "Bluesky", "Bluesky answered in an unexpected way ({name}: {error}).").format(
        name=type(exc).__name__, error=exc))


def from_transport(exc: httpx.TransportError, *, write: bool) -> NetworkError:
    """A failure below XRPC that atproto lets through unwrapped (a connection closed without an answer)."""
    return _connection_lost(exc, write=write)


def _connection_lost(cause: BaseException, *, write: bool) -> NetworkError:
    """No answer came (refused, or closed mid-way): offline, ambiguous after a write, or worth another try."""
    if isinstance(cause, httpx.ConnectError):
        return OfflineError(translate(
            "Bluesky", "Bluesky cannot be reached (no network, or the connection was refused); nothing was sent."
            " The post waits and goes out by itself when the network is back."))
    if write:
        return AmbiguousError(translate(
            "Bluesky", "The connection to Bluesky broke after the post was sent. It will be sent again shortly; "
            "Bluesky is asked first whether it arrived, so it cannot go out twice and needs no "
            "review."), retry_safe=True)
    return TransientError(translate(
        "Bluesky", "The connection to Bluesky broke ({name}); it will be tried again.").format(
        name=type(cause).__name__))
