"""personamgr: several X, Mastodon and Bluesky accounts, one desktop app, each persona kept to its focus."""

__version__ = "0.1.0"
