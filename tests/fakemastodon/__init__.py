"""The fake Mastodon server used by the Mastodon e2e tests (see README.md)."""

from fakemastodon.server import FakeMastodon, MastodonAccount, MastodonMedia, Status

__all__ = ["FakeMastodon", "MastodonAccount", "MastodonMedia", "Status"]
