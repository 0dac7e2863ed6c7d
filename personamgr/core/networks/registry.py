"""Networks beyond the built-in sandbox, by name. The X network registers here."""

from __future__ import annotations

from personamgr.core.clock import Clock
from personamgr.core.networks.base import Network
from personamgr.core.paths import AppPaths


def extra_networks(paths: AppPaths, clock: Clock) -> dict[str, Network]:
    """Networks other than the sandbox for the profile at ``paths``."""
    return {}
