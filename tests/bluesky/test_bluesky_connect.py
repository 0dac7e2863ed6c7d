"""Signing in to Bluesky when the network fails: what to do now, never the words for a post that waits."""

from __future__ import annotations

import pytest

from personamgr.core.clock import SystemClock
from personamgr.core.networks.accounts import ConnectError
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.bluesky.auth import Login, sign_in


def test_a_server_that_does_not_accept_the_connection_at_sign_in_says_to_try_again(no_connect: str) -> None:
    """It said "Bluesky could not sign in: Bluesky did not accept the connection in time; nothing was sent. It will
    be tried again.": nothing tries a sign-in again."""
    network = BlueskyNetwork(SystemClock(), base_url=no_connect.replace("https://", "http://"), timeout=(0.5, 5))
    with pytest.raises(ConnectError) as e:
        sign_in(network, None, Login("alice.bsky.social", "abcd-efgh-ijkl-mnop"))
    assert str(e.value) == ("Bluesky did not accept the connection in time, so personamgr could not sign in. Check "
                            "your connection (and the persona's server), then try again."), str(e.value)
