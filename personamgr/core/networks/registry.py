"""Networks beyond the built-in sandbox, by name. The X network registers here."""

from __future__ import annotations

from personamgr.core.clock import Clock
from personamgr.core.networks.base import Network
from personamgr.core.paths import AppPaths


def extra_networks(paths: AppPaths, clock: Clock) -> dict[str, Network]:
    """Networks other than the sandbox for the profile at ``paths``.

    Cheap: the X network imports tweepy only when it first sends something.
    ``PERSONAMGR_X_API_URL`` (e.g. ``http://127.0.0.1:8765``) sends X traffic
    to another host: the test server, or a gateway.
    """
    from personamgr.core.networks.x.network import XNetwork

    return {"x": XNetwork.from_environment(clock)}
