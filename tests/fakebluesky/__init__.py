"""The fake Bluesky PDS used by the Bluesky e2e tests (see server.py), and the PLC directory (directory.py)."""

from fakebluesky.directory import FakePlcDirectory
from fakebluesky.server import Blob, BlueskyAccount, FakeBluesky, PostRecord

__all__ = ["Blob", "BlueskyAccount", "FakeBluesky", "FakePlcDirectory", "PostRecord"]
