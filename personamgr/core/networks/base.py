"""One interface for every network a persona can post to.

The outbox and the GUI never know which network they are talking to. A
network publishes a post for an account or raises one of the errors below;
each error maps to exactly one visible post state (see ``posting.Poster``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol, runtime_checkable

from personamgr.core.networks.links import PostLink
from personamgr.core.note_words import full_stop, parts_known, way_of
from personamgr.core.reason_words import Note

__all__ = ["full_stop", "parts_known"]  # said in core.note_words; the networks and the window take them from here


@dataclass(frozen=True, slots=True)
class Account:
    """Who is posting: the persona's identity and, where needed, its credentials."""

    persona_uid: str
    handle: str | None
    credentials: Mapping[str, str] | None = field(default=None, repr=False)
    server: str | None = None  # Mastodon instance, Bluesky PDS (the persona's ``service_url``)
    # Called with the whole new credentials when a network renews them while sending (a Bluesky session).
    on_credentials: Callable[[Mapping[str, str]], None] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class MediaItem:
    path: str
    alt_text: str = ""
    mime_type: str = "image/png"
    name: str = ""  # the file's name as the user attached it (the path is the profile's copy), for what is said

    @property
    def shown_name(self) -> str:
        return self.name or Path(self.path).name


@dataclass(frozen=True, slots=True)
class OutgoingPost:
    parts: tuple[str, ...]  # one part for a single post; several for a thread (a reply chain)
    media: tuple[tuple[MediaItem, ...], ...] = ()  # media per part, aligned with ``parts``
    already_sent: tuple[str, ...] = ()  # remote ids of parts that went out on an earlier attempt
    # The post's identity across every attempt ("<persona uid>-<post id>"), and when it was written. Networks
    # that let a client name its write (Mastodon's Idempotency-Key, Bluesky's record key) derive that name
    # from these, so a retry of the same post can never make a second one.
    key: str = ""
    created_at: datetime | None = None
    content_warning: str = ""  # Mastodon
    visibility: str = "public"  # Mastodon
    # Called with the ids of every part out so far as soon as the network confirms each part (send_parts does
    # it), so the caller can record them before the next part goes: a sender killed mid-thread then leaves a
    # record of exactly which parts are out. It may raise a NetworkError to stop the thread before the next part.
    on_part_out: Callable[[tuple[str, ...]], None] | None = field(default=None, repr=False, compare=False)

    def media_of(self, index: int) -> tuple[MediaItem, ...]:
        """The media of part ``index`` (none where ``media`` stops short of the parts)."""
        return self.media[index] if index < len(self.media) else ()


@dataclass(frozen=True, slots=True)
class Published:
    remote_id: str  # the first part's id
    url: str | None
    at: datetime
    part_ids: tuple[str, ...]


class NetworkError(Exception):
    """Base of every failure a network reports. ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AuthError(NetworkError):
    """Credentials were refused (401): the persona needs reconnecting. The post is kept."""


class RejectedError(NetworkError):
    """The network refused this post for good (duplicate content, too long, policy). Not retried."""

    def __init__(self, message: str, *, duplicate: bool = False) -> None:
        super().__init__(message)
        self.duplicate = duplicate


class RateLimitedError(NetworkError):
    """Too many requests: try again at ``reset_at``.

    ``message`` says why, not when: the Poster keeps the post scheduled until ``reset_at``, and every place that
    shows its next try (the history's "Next try", the notification, the CLI) tells that time in the persona's zone.
    A time in the reason too was read twice, once per sentence. It says the post waits, never that it is held:
    held is the state that waits for the user. ``images_only``: the limit is on image uploads alone (Mastodon's
    30 per 30 minutes, X's media endpoint), apart from the one on posts: a post without images may go out meanwhile.
    """

    def __init__(self, message: str, reset_at: datetime, *, images_only: bool = False) -> None:
        super().__init__(message)
        self.reset_at = reset_at
        self.images_only = images_only


class TransientError(NetworkError):
    """A server error or a dropped connection before the request was sent: safe to retry with backoff.

    ``retry_at``: when the server said to come back (its Retry-After), if it did; no try comes sooner.
    """

    def __init__(self, message: str, *, retry_at: datetime | None = None) -> None:
        super().__init__(message)
        self.retry_at = retry_at


class OfflineError(TransientError):
    """No network at all: hold the post and retry when the network is back."""


class ConnectTimeoutError(TransientError):
    """The server did not accept the connection in time (a slow network, a firewall that drops it): nothing was
    sent. Retried when posting; at connect, the user tries again."""


class SecureConnectionError(TransientError):
    """The secure (TLS) connection failed: a certificate the computer does not trust (or a wrong clock), or
    something between that is not the server. Retried when posting; at connect, the user has something to check."""


class AmbiguousError(NetworkError):
    """The request may have reached the network (a timeout after sending): needs review, never re-sent.

    ``retry_safe``: the request carried a key the network honours (Mastodon's Idempotency-Key, a Bluesky
    record key checked before writing), so sending it again cannot make a second post: it is retried
    like a server error instead of waiting for review.

    ``repeat_window``: how long the network recognises that key (Mastodon forgets it after an hour); None
    means for good. A retry after the window would be a new post, so it waits for review instead.
    """

    def __init__(self, message: str, *, retry_safe: bool = False, repeat_window: timedelta | None = None,
                 retry_at: datetime | None = None, answered: bool = False) -> None:
        super().__init__(message)
        self.retry_safe = retry_safe
        self.repeat_window = repeat_window
        self.retry_at = retry_at  # as TransientError's: no retry before the server said to come back
        self.answered = answered  # it answered, with an error that does not say whether the post was made


def in_doubt(why: str, out: int, total: int, *, then: bool = True) -> str:
    """What is known of a post whose send went unanswered (``why``) after ``out`` of its ``total`` parts were
    recorded out, and the way out. A single post's note is said alone, with a single post's way out ("mark it
    sent"); a thread's says which part is in doubt, and (``then``: unless it is sent again by itself) the way out
    for that part ("Mark what went out…")."""
    if total < 2:
        return why
    if not then:
        return Note("in_doubt", out=out, total=total, why=why)
    if not isinstance(why, Note):  # a network's own words
        return Note("in_doubt", out=out, total=total, why=why, way="send")
    return Note("in_doubt", out=out, total=total, why=Note(why.kind, **why.values, bare=True), way=way_of(why.kind))


class PartialThreadError(NetworkError):
    """Some parts of a thread went out, then one failed. ``cause`` says why part ``failed_index`` failed.

    ``total``: how many parts the thread has (0: not known). When the cause is an unanswered send, the failed
    part may be out after all, and the message says so rather than calling it failed.
    """

    def __init__(self, sent_ids: tuple[str, ...], failed_index: int, cause: NetworkError, total: int = 0) -> None:
        self.sent_ids = sent_ids
        self.failed_index = failed_index
        self.cause = cause
        self.total = total
        super().__init__(self._told(cause.message))

    def _told(self, why: str) -> str:
        sent = self.sent_ids
        if not sent:
            return why
        if isinstance(self.cause, AmbiguousError) and self.total:
            return in_doubt(why, len(sent), self.total, then=not self.cause.retry_safe)
        return Note("part_failed", sent=len(sent), failed=self.failed_index + 1, error=why)


class UnrecordedPartError(PartialThreadError):
    """A part went out but could not be recorded, so the next part was held back: nothing failed on the network,
    and ``cause`` (the recording's fault) is the whole story."""

    def _told(self, why: str) -> str:
        return why


def send_parts(post: OutgoingPost, sent: list[str], send_part: Callable[[int], str]) -> list[str]:
    """Send every part after ``sent`` (the ids that already went out) in order; returns all the ids.

    ``send_part(i)`` sends part ``i`` (replying to the last of ``sent``) and returns its id. Each id is handed to
    ``post.on_part_out`` before the next part goes. Once any part has gone out, a failure becomes a
    PartialThreadError, so what went out is recorded and never re-sent. Every network's publish loop is this one.
    """
    total = len(post.parts)
    for i in range(len(sent), total):
        try:
            sent.append(send_part(i))
        except NetworkError as e:
            if sent:
                raise PartialThreadError(tuple(sent), i, e, total) from None
            raise
        if post.on_part_out is not None:
            try:
                post.on_part_out(tuple(sent))
            except NetworkError as e:  # not recorded: the next part waits, so only this one can be in doubt
                if i + 1 < total:
                    raise UnrecordedPartError(tuple(sent), i + 1, e, total) from None
    return sent


@runtime_checkable
class Network(Protocol):
    name: str  # stored on personas: "sandbox", "x"
    display_name: str
    needs_credentials: bool

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        """Publish every part of ``post`` not in ``post.already_sent`` (through :func:`send_parts`, which reports
        each part to ``post.on_part_out`` as it goes out), or raise a NetworkError."""
        ...

    def post_url(self, account: Account, remote_id: str) -> str | None:
        """Where the user can see a published post."""
        ...

    def read_link(self, link: str) -> PostLink | None:
        """What ``link`` names if it is a link to a post on this network, in any form the network's site and apps
        show (for any account and server: the caller compares); None when it is not."""
        ...


def part_key(post: OutgoingPost, index: int, *extra: str) -> str:
    """A stable name for part ``index`` of ``post`` and what it carries (its words, its media, ...).

    The same post, part and content always give the same name, on every attempt and in every process;
    changed words give a new one, because a network that answers a repeated name with the post it
    already made would otherwise record words that never went out.
    """
    import hashlib

    h = hashlib.sha256()
    for piece in (post.key, str(index), post.parts[index], *extra):
        h.update(piece.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()
