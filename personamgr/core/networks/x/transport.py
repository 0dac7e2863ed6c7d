"""The one HTTP session every X request goes through: timeouts, and the base-URL override.

tweepy passes no timeout to ``requests`` and hard-codes ``https://api.twitter.com``.
A transport adapter mounted on the session fixes both without touching tweepy:
it fills in a (connect, read) timeout when the caller gave none, and, when
``PERSONAMGR_X_API_URL`` is set, sends the request to that host instead. The
rewrite happens after the OAuth 1.0a signature was computed, so the signature
still covers the original X URL, as X (or a gateway in front of it) expects.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter

from personamgr.core.networks.remote import DEFAULT_TIMEOUT

X_API = "https://api.twitter.com"
X_HOSTS = frozenset({"api.twitter.com", "api.x.com", "upload.twitter.com"})


def rewrite(url: str, base_url: str) -> str:
    """``url`` on an X host, moved to ``base_url`` (its path prefix kept in front)."""
    src = urlsplit(url)
    if src.hostname not in X_HOSTS:
        return url
    dst = urlsplit(base_url)
    return urlunsplit((dst.scheme, dst.netloc, dst.path.rstrip("/") + src.path, src.query, src.fragment))


class XTransportAdapter(HTTPAdapter):
    """Timeouts on every request; optional redirect of X hosts to ``base_url``. Never retries by itself."""

    def __init__(self, base_url: str | None = None, timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> None:
        super().__init__(max_retries=0)  # a retried POST could post twice: retries are the Poster's decision
        self.base_url = base_url
        self.timeout = timeout

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Any = None,  # noqa: PLR0917
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        if timeout is None:
            timeout = self.timeout
        if self.base_url and request.url:
            request.url = rewrite(request.url, self.base_url)
            proxies = {}  # the override names the host to talk to; no proxy in between
        return super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies)


def mount(session: requests.Session, base_url: str | None, timeout: tuple[float, float] = DEFAULT_TIMEOUT
          ) -> requests.Session:
    """Route every request of ``session`` through :class:`XTransportAdapter`."""
    adapter = XTransportAdapter(base_url, timeout)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    if base_url:
        session.trust_env = False  # no proxies or netrc from the environment for the override host
    return session


def make_session(base_url: str | None, timeout: tuple[float, float] = DEFAULT_TIMEOUT) -> requests.Session:
    return mount(requests.Session(), base_url, timeout)
