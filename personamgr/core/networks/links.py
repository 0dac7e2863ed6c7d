"""Reading a link the user pasted as a post's link: which network, server and account it names, and the post id.

Users paste what their browser or app shows (twitter.com or x.com, ``?s=20``, a trailing slash, a fragment), not
the form ``post_url`` builds, so each network reads every form of its own post links (``read_link``), and
``core.part_links`` compares what a link names with the persona it is for.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class PostLink:
    """What a post link names. ``author`` is as the link writes it, without "@" (None when it names no account,
    as X's /i/web/status/ID); ``server`` is the host showing the post, whose numbering ``post_id`` is in."""

    network: str
    server: str
    author: str | None
    post_id: str


@dataclass(frozen=True, slots=True)
class LinkParts:
    """A pasted link taken apart: the host in lower case without "www." or "mobile." (with its port, if any),
    and the path's segments; the query and fragment (X's ``?s=20&t=…``, ``#reply``) never name the post."""

    scheme: str
    host: str
    path: tuple[str, ...]


def link_parts(link: str) -> LinkParts | None:
    """``link`` taken apart, or None when it cannot be a link (words, spaces inside). A link pasted without its
    scheme ("x.com/user/status/1") is read as https."""
    text = link.strip()
    if not text or any(c.isspace() for c in text):
        return None
    try:
        parts = urlsplit(text if "://" in text else f"https://{text}")
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("mobile.")
    if not host:
        return None
    return LinkParts(parts.scheme.lower(), f"{host}:{port}" if port else host,
                     tuple(p for p in parts.path.split("/") if p))


def is_post_id(text: str) -> bool:
    """Post ids and record keys are ASCII letters and digits on every network."""
    return text.isascii() and text.isalnum()
