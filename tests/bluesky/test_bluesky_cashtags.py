"""Two cashtags go out on Bluesky: one per post is X's rule, not Bluesky's (real window, real guard, real
atproto to the fake server)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from cashtag_window import post_from_the_window

pytestmark = [pytest.mark.gui, pytest.mark.e2e]


def test_two_cashtags_go_out_from_the_window(qtbot, bluesky_world) -> None:  # type: ignore[no-untyped-def]
    """Fails on main: the guard's question "X will refuse this post as it is on sky.", with no "Post anyway"."""
    w = bluesky_world
    post_from_the_window(qtbot, w.services, "Astronomy night: $AAPL and $MSFT paid for the new telescope.",
                         lambda: [p.text for p in w.fake.posts(w.account)])
