"""Networks a persona can post to, all behind :class:`personamgr.core.networks.base.Network`."""
