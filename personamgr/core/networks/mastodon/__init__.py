"""Mastodon accounts: app registration and OAuth per server, posting through Mastodon.py, error mapping.

Only :mod:`.network` is imported at start-up; everything that needs Mastodon.py or
requests is imported on first use.
"""

from personamgr.core.networks.mastodon.network import MastodonNetwork

__all__ = ["MastodonNetwork"]
