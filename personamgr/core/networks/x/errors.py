"""X's answers and transport failures, mapped to the network errors the Poster understands.

The mapping is the contract with the user:

=============================================  ==========================  ==================
What happened                                  Error                       Post becomes
=============================================  ==========================  ==================
401                                            AuthError                   failed, persona "reconnect needed"
401 with this computer's clock 5+ min off      RejectedError               failed, "set the clock", tokens kept
403 app lacks write permission                 AuthError                   failed, persona "reconnect needed"
403 duplicate content                          RejectedError(duplicate)    failed, not retried
400 naming media ids X no longer has           MediaGone                   uploaded again at once, sent again
other 403, 400, 404                            RejectedError               failed, X's message
429                                            RateLimitedError(reset_at)  scheduled at the reset of the
                                                                           window used up (15 min or 24 h); 15
                                                                           min when that reset is not ahead
429 on an image upload (its own window)        RateLimitedError(images_    the same; only the posts with images
                                               only)                       wait with it
5xx on creating a tweet (X may have made it)   AmbiguousError(retry_safe)  retried with backoff, not before
                                                                           its Retry-After, only as it is, for
                                                                           COPY_WINDOW: a copy of a recent post
                                                                           is refused (then needs review)
other 5xx                                      TransientError              retried with backoff, not before
                                                                           its Retry-After
connect timeout, TLS failure                   TransientError              retried with backoff
DNS failure, connection refused                OfflineError                scheduled, retried
read timeout / dropped answer on a write       AmbiguousError              needs review
read timeout / dropped answer, safe request    TransientError              retried with backoff
=============================================  ==========================  ==================
"""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

import requests
import tweepy

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
from personamgr.core.networks.remote import retry_after
from personamgr.core.networks.requests_faults import exception_chain, unreachable
from personamgr.core.reason_words import Note

DUPLICATE_MARK = "duplicate content"  # English: X's words
PERMISSION_MARKS = ("oauth1-permissions", "oauth1 app permissions")  # English: X's words
REPLY_MARK = "reply to this conversation is not allowed"  # English: X's words
DEFAULT_RATE_WAIT = timedelta(minutes=15)  # when X sends no x-rate-limit-reset
DAY_CAPS = ("x-user-limit-24hour", "x-app-limit-24hour")  # X's 24-hour caps on posting, per user and per app
# OAuth 1.0a signatures carry the time they were made; X refuses one made too far from its own time with a bare
# 401, like revoked tokens. Past this difference from X's Date header, the 401 is put down to the clock.
CLOCK_SKEW_LIMIT = timedelta(minutes=5)

# How long after a server error X is trusted to refuse a copy of the post it may have made. X says nowhere how
# recent a post must be for that; an hour is well inside what it is seen to refuse, and covers the retries' backoff.
COPY_WINDOW = timedelta(hours=1)


class MediaGone(RejectedError):
    """X refused the post's media ids (400, "Your media IDs are invalid."): an upload kept from an earlier attempt
    expired, or X dropped it sooner. Uploaded again, the post can go."""


def _names_media(exc: tweepy.HTTPException) -> bool:
    """Whether X's 400 is about the post's media ids (its ``errors[].parameters`` names ``media.media_ids``)."""
    return any(isinstance(e, dict) and "media.media_ids" in (e.get("parameters") or {}) for e in exc.api_errors)


def x_message(exc: tweepy.HTTPException) -> str:
    """What X said, in its own words."""
    messages = [m for m in exc.api_messages if m]
    if messages:
        return "; ".join(dict.fromkeys(messages))
    return f"{exc.response.status_code} {exc.response.reason}"


def _problem_type(exc: tweepy.HTTPException) -> str:
    try:
        body = exc.response.json()
    except ValueError:
        return ""
    return str(body.get("type", "")) if isinstance(body, dict) else ""


def clock_skew(response: requests.Response) -> timedelta | None:
    """How far this computer's clock is ahead of X's (negative: behind), when it is more than X tolerates.

    Measured against the real time the signature was made with (oauthlib reads ``time.time()``), not the
    app's clock, and read from the answer's ``Date`` header.
    """
    try:
        theirs = email.utils.parsedate_to_datetime(response.headers.get("date", ""))
    except (TypeError, ValueError):
        return None
    if theirs.tzinfo is None:
        return None
    skew = datetime.now(UTC) - theirs
    return skew if abs(skew) > CLOCK_SKEW_LIMIT else None


def clock_message(skew: timedelta) -> str:
    """What to tell the user when X refused a request because this computer's clock is wrong."""
    return Note("x_clock", minutes=abs(skew).total_seconds() / 60, ahead=skew > timedelta(0))


def from_http(exc: tweepy.HTTPException, now: datetime, *, write: bool = False, upload: bool = False) -> NetworkError:
    """X's answer as the error the Poster understands; ``write``: the request creates a tweet; ``upload``: it
    uploads an image (``POST /2/media/upload``, whose rate limit is its own, apart from the tweets')."""
    status = exc.response.status_code
    msg = x_message(exc)
    if isinstance(exc, tweepy.Unauthorized):
        skew = clock_skew(exc.response)
        if skew is not None:  # the tokens may be fine: reconnecting would meet the same 401
            return RejectedError(clock_message(skew))
        return AuthError(Note("x_credentials", error=msg))
    if isinstance(exc, tweepy.Forbidden):
        low = (msg + " " + _problem_type(exc)).lower()
        if any(mark in low for mark in PERMISSION_MARKS):
            return AuthError(Note("x_read_only"))
        if DUPLICATE_MARK in low:
            return RejectedError(Note("x_refused", error=msg), duplicate=True)
        if REPLY_MARK in low:
            return RejectedError(Note("x_reply_refused", error=msg))
        return RejectedError(Note("x_refused", error=msg))
    if isinstance(exc, tweepy.TooManyRequests):
        return _rate_limited(exc, now, upload=upload)
    if isinstance(exc, tweepy.TwitterServerError) and write:
        # X may have stored the tweet before its answer failed. Sent again as it is, X refuses the copy (the post
        # then waits for review); changed in the wait, it would be a second tweet: so it stays as it is. X refuses
        # a copy only of a recent post it still has, so that holds only for a while: past it, review.
        return AmbiguousError(Note("x_server_error_sent", status=status, error=msg), retry_safe=True,
                              repeat_window=COPY_WINDOW,
                              retry_at=retry_after(exc.response.headers.get("retry-after"), now), answered=True)
    if isinstance(exc, tweepy.TwitterServerError):
        return TransientError(Note("x_server_error", status=status, error=msg),
                              retry_at=retry_after(exc.response.headers.get("retry-after"), now))
    if isinstance(exc, tweepy.BadRequest) and _names_media(exc):
        return MediaGone(Note("x_refused", error=msg))
    return RejectedError(Note("x_refused", error=msg))


def _used_up(headers: Mapping[str, str], family: str) -> datetime | None:
    """When the window of ``family`` (``x-rate-limit``, ``x-user-limit-24hour``, ...) resets, if it is used up."""
    remaining, reset = headers.get(f"{family}-remaining", ""), headers.get(f"{family}-reset", "")
    if remaining.strip() == "0" and reset.strip().isdigit():
        return datetime.fromtimestamp(int(reset), UTC)
    return None


def _rate_limited(exc: tweepy.TooManyRequests, now: datetime, *, upload: bool = False) -> RateLimitedError:
    """A 429, waiting for the window that is actually used up.

    X caps posts per 15 minutes (``x-rate-limit-*``, the only one tweepy reads) and, by access tier, per 24
    hours for the user and for the developer app (``x-user-limit-24hour-*``, ``x-app-limit-24hour-*``). When a
    24-hour cap is the one used up, the 15-minute window still has room and resets soon: trying again then
    would only meet the same 429, while the user was told a time that was not true.
    """
    headers = exc.response.headers
    day = [(at, family) for family in DAY_CAPS if (at := _used_up(headers, family)) is not None]
    if day:
        at, family = max(day)
        at = max(at, _used_up(headers, "x-rate-limit") or at)
        limit = headers.get(f"{family}-limit", "").strip()
        return day_cap_reached(family, _ahead(at, now), limit=int(limit) if limit.isdigit() else None)
    reset = exc.reset_time
    at = datetime.fromtimestamp(reset, UTC) if reset else now + DEFAULT_RATE_WAIT
    if upload:  # the upload endpoint's window: a post without images may go out meanwhile
        return RateLimitedError(Note("x_media_rate_limit"), _ahead(at, now), images_only=True)
    return RateLimitedError(Note("x_rate_limit"), _ahead(at, now))


def _ahead(reset_at: datetime, now: datetime) -> datetime:
    """X's reset, or the default wait when it is not ahead of ``now``.

    The reset is a moment by X's clock, and this computer's may run a few minutes ahead (X refuses a signature
    only past 5 minutes): a window ending within that reads as already over, and a post due again at once would
    meet the same 429 again and again until it is.
    """
    return reset_at if reset_at > now else now + DEFAULT_RATE_WAIT


def day_cap_reached(family: str, at: datetime, *, limit: int | None = None) -> RateLimitedError:
    """X's 24-hour cap ``family`` is used up until ``at``: whose cap it is, how many posts a day X allows (its
    ``-limit`` header: the access tier decides it, so the user cannot know it otherwise), and when it resets."""
    kind = "x_user_day_cap" if family == "x-user-limit-24hour" else "x_app_day_cap"
    if limit is None:
        return RateLimitedError(Note(kind), at)
    return RateLimitedError(Note(kind + "_of", limit=limit), at)


def from_transport(exc: requests.RequestException, *, write: bool) -> NetworkError:
    """A failure below HTTP. ``write``: the request creates something, so it must never be re-sent blindly."""
    if isinstance(exc, requests.ConnectTimeout):
        return ConnectTimeoutError(Note("x_connect_timeout"))
    if isinstance(exc, requests.ReadTimeout):
        if write:
            return AmbiguousError(Note("x_write_timeout"))
        return TransientError(Note("x_read_timeout"))
    if isinstance(exc, requests.exceptions.SSLError):
        return SecureConnectionError(Note("x_tls", error=exc.__class__.__name__))
    if unreachable(exception_chain(exc)):
        return OfflineError(Note("x_unreachable"))
    if isinstance(exc, requests.exceptions.ProxyError):
        return OfflineError(Note("x_proxy"))
    if write:
        return AmbiguousError(Note("x_write_broke"))
    return TransientError(Note("x_broke", error=exc.__class__.__name__))
