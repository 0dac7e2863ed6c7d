"""The fake Bluesky PDS used by the Bluesky e2e tests (see server.py)."""

from fakebluesky.server import Blob, BlueskyAccount, FakeBluesky, PostRecord

__all__ = ["Blob", "BlueskyAccount", "FakeBluesky", "PostRecord"]
