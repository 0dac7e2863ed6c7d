"""Bluesky accounts: app-password login with a reused session, posting through atproto, error mapping.

Only :mod:`.network` is imported at start-up; atproto (and its pydantic models) load on first use.
"""

from personamgr.core.networks.bluesky.network import BlueskyNetwork

__all__ = ["BlueskyNetwork"]
