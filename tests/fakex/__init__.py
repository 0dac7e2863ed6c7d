"""The fake X API server used by the e2e tests (see README.md)."""

from fakex.server import (
    DUPLICATE_DETAIL,
    FAILURE_KINDS,
    REPLY_DENIED_DETAIL,
    App,
    Failure,
    FakeX,
    Media,
    Token,
    Tweet,
    User,
)

__all__ = [
    "DUPLICATE_DETAIL",
    "FAILURE_KINDS",
    "REPLY_DENIED_DETAIL",
    "App",
    "Failure",
    "FakeX",
    "Media",
    "Token",
    "Tweet",
    "User",
]
