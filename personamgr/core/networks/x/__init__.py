"""Real X accounts: OAuth 1.0a connect, posting through tweepy, media upload v2, error mapping.

Only :mod:`.network` is imported at start-up; everything that needs tweepy or
requests is imported on first use.
"""

from personamgr.core.networks.x.network import XNetwork

__all__ = ["XNetwork"]
