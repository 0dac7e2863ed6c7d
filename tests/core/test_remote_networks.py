"""What X, Mastodon and Bluesky share (core/networks/remote.py) holds for each of them.

Both refusals happen before any request: the networks point at a closed local port, so a
refusal that came too late would fail with a connection error instead of the one asserted.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from personamgr.core.networks.base import Account, AuthError, Network, OutgoingPost, RejectedError
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.networks.remote import RemoteNetwork
from personamgr.core.networks.x import XNetwork

CLOSED_PORT = "http://127.0.0.1:9"
NETWORKS = [(XNetwork, "PERSONAMGR_X_API_URL"), (MastodonNetwork, "PERSONAMGR_MASTODON_URL"),
            (BlueskyNetwork, "PERSONAMGR_BLUESKY_URL")]


@pytest.mark.parametrize(("cls", "variable"), NETWORKS)
def test_a_malformed_override_refuses_every_send_and_names_the_variable(cls: type[RemoteNetwork],
                                                                        variable: str) -> None:
    net = cls.from_environment(env={variable: "example.org:8765"})
    assert type(net) is cls and isinstance(net, Network)
    assert net.base_url is None
    creds = {k: "x" for k in net.credential_keys} | {"server": CLOSED_PORT}
    with pytest.raises(RejectedError, match=f"{variable}='example.org:8765' is not a base URL"):
        net.publish(Account("p", "@someone", creds, server=CLOSED_PORT), OutgoingPost(("hello",)))


@pytest.mark.parametrize(("cls", "variable"), NETWORKS)
def test_a_good_override_is_where_the_traffic_goes(cls: type[RemoteNetwork], variable: str) -> None:
    net = cls.from_environment(env={variable: CLOSED_PORT + "/"})
    assert (net.base_url, net.config_error) == (CLOSED_PORT, None)


@pytest.mark.parametrize(("cls", "variable"), NETWORKS)
def test_incomplete_stored_credentials_ask_for_a_reconnect_naming_what_is_missing(cls: type[RemoteNetwork],
                                                                                 variable: str) -> None:
    net = cls(base_url=CLOSED_PORT)
    first, *rest = net.credential_keys
    with pytest.raises(AuthError) as refused:
        net.publish(Account("p", "@someone", {first: "kept"}, server=CLOSED_PORT), OutgoingPost(("hello",)))
    assert refused.value.message == (f"The stored {net.display_name} credentials are incomplete "
                                     f"(missing {', '.join(rest)}).")


@pytest.mark.parametrize(("header", "after"), [
    ("120", timedelta(minutes=2)),
    ("Mon, 05 Jan 2026 10:00:00 GMT", timedelta(hours=1)),  # an HTTP date
    ("0", None), ("Mon, 05 Jan 2026 08:00:00 GMT", None),  # nothing ahead: the backoff decides
    ("soon", None), ("", None), (None, None),
])
def test_retry_after_is_read_in_both_its_forms(header: str | None, after: timedelta | None) -> None:
    from personamgr.core.networks.remote import retry_after

    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert retry_after(header, now) == (now + after if after is not None else None)


@pytest.mark.parametrize("header", ["99999999999999999999", "31536000", "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_a_retry_after_beyond_reason_waits_a_day_at_most(header: str) -> None:
    """A misconfigured server's "come back in a year" (or a number past any date) must neither stall the post for
    good nor overflow the date arithmetic in the middle of a send: it is asked again within a day."""
    from personamgr.core.networks.remote import retry_after

    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    assert retry_after(header, now) == now + timedelta(days=1)


def test_a_retry_after_in_digits_of_another_script_is_not_read() -> None:
    from personamgr.core.networks.remote import retry_after

    assert retry_after("\u00b2", datetime(2026, 1, 5, 9, 0, tzinfo=UTC)) is None  # "²" passes str.isdigit
