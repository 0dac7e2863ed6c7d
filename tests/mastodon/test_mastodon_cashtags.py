"""Two cashtags go out on Mastodon: one per post is X's rule, not Mastodon's (real window, real guard, real
Mastodon.py to the fake server)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from cashtag_window import post_from_the_window

pytestmark = [pytest.mark.gui, pytest.mark.e2e]


def test_two_cashtags_go_out_from_the_window(qtbot, mastodon_world) -> None:  # type: ignore[no-untyped-def]
    """Fails on main: the guard's question "X will refuse this post as it is on metal.", with no "Post anyway"."""
    w = mastodon_world
    post_from_the_window(qtbot, w.services, "New guitars for the tour: $AAPL and $MSFT paid for the strings.",
                         lambda: [s.text for s in w.fake.timeline(w.account)])
