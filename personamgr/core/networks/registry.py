"""Networks beyond the built-in sandbox, by name: X, Mastodon and Bluesky register here."""

from __future__ import annotations

from personamgr.core.clock import Clock
from personamgr.core.networks.base import Network
from personamgr.core.paths import AppPaths


def extra_networks(paths: AppPaths, clock: Clock) -> dict[str, Network]:
    """Networks other than the sandbox for the profile at ``paths``.

    Cheap: each network imports its SDK (tweepy, Mastodon.py, atproto) only when it first sends something.
    ``PERSONAMGR_X_API_URL``, ``PERSONAMGR_MASTODON_URL`` and ``PERSONAMGR_BLUESKY_URL`` (e.g.
    ``http://127.0.0.1:8765``) send that network's traffic to another host: the test server, or a gateway.
    """
    from personamgr.core.networks.bluesky.network import BlueskyNetwork
    from personamgr.core.networks.mastodon.network import MastodonNetwork
    from personamgr.core.networks.x.network import XNetwork

    return {"x": XNetwork.from_environment(clock), "mastodon": MastodonNetwork.from_environment(clock),
            "bluesky": BlueskyNetwork.from_environment(clock)}
