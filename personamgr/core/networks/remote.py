"""What X, Mastodon and Bluesky share as networks: where the traffic goes, the stored keys.

Each takes a clock, a (connect, read) timeout and the base-URL override its environment
variable names (endpoints.py); a malformed override is kept as ``config_error`` so every send
is refused with that message rather than going somewhere the user did not mean. What a network
sends, and in which order it checks things, stays in its own module.

Importing this module is cheap: no SDK and no HTTP stack.
"""

from __future__ import annotations

import email.utils
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import ClassVar, Self

from personamgr.core.clock import Clock, SystemClock
from personamgr.core.networks.base import (
    Account,
    AuthError,
    RejectedError,
)
from personamgr.core.networks.endpoints import BaseUrlError, env_base_url
from personamgr.core.personas import secure_address
from personamgr.core.reason_words import Note

DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 30.0)  # (connect, read) seconds


# A server that asks for more than this (misconfigured, or a number past any date) is asked again after it: a post
# is not stalled for good by one answer, and the next answer can say the same again.
RETRY_AFTER_AT_MOST = timedelta(days=1)


def retry_after(value: str | None, now: datetime) -> datetime | None:
    """When a Retry-After header (seconds, or an HTTP date) says to try again, at most :data:`RETRY_AFTER_AT_MOST`
    ahead; None when it says nothing ahead."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit():
        seconds = int(value)
        if seconds <= 0:
            return None
        return now + min(timedelta(seconds=min(seconds, 10**9)), RETRY_AFTER_AT_MOST)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(when, now + RETRY_AFTER_AT_MOST) if when > now else None


class RemoteNetwork:
    """A network reached over HTTP with per-account credentials; subclasses name the variable and the keys."""

    name: ClassVar[str]
    display_name: ClassVar[str]
    needs_credentials: ClassVar[bool] = True
    api_url_env: ClassVar[str]  # PERSONAMGR_X_API_URL, ...
    credential_keys: ClassVar[tuple[str, ...]]  # what a stored account must have for a send

    def __init__(self, clock: Clock | None = None, *, base_url: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, config_error: str | None = None) -> None:
        """``base_url``: where to send all of this network's traffic instead of its own servers.

        ``config_error``: a bad override. Every send is then refused with that message rather than
        silently going to the real network while the user believes it goes elsewhere (or the reverse).
        """
        self.clock = clock or SystemClock()
        self.base_url = base_url
        self.timeout = timeout
        self.config_error = config_error

    @classmethod
    def from_environment(cls, clock: Clock | None = None, env: Mapping[str, str] | None = None) -> Self:
        try:
            return cls(clock, base_url=env_base_url(cls.api_url_env, cls.display_name, env))
        except BaseUrlError as e:
            return cls(clock, config_error=str(e))

    def refuse_if_misconfigured(self) -> None:
        if self.config_error:
            raise RejectedError(self.config_error)

    def refuse_plain_http(self, server: str | None) -> None:
        """Send nothing to an account's server on plain http off this computer: one saved before such addresses were
        refused (a persona, its stored credentials) is refused here, where every request's client is made, with the
        way out; never upgraded silently (the account's token already went there readable)."""
        secure = secure_address(server)
        if secure is not None:
            raise AuthError(Note("insecure_server", network=self.name, server=server, secure=secure))

    def credentials_of(self, account: Account) -> Mapping[str, str]:
        """The account's stored credentials, or an AuthError naming the keys that are missing."""
        creds = account.credentials or {}
        missing = [k for k in self.credential_keys if not creds.get(k)]
        if missing:
            raise AuthError(Note("credentials_incomplete", network=self.name, list=", ".join(missing)))
        return creds
