"""Connecting Mastodon personas: app registration once per server, forced login, token to the keyring."""

from __future__ import annotations

import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from fakemastodon import FakeMastodon

from personamgr.core.networks.accounts import ConnectError
from personamgr.core.networks.mastodon import auth
from personamgr.core.personas import Persona

pytestmark = pytest.mark.e2e


def browser_code(fake: FakeMastodon, url: str) -> str:
    """What the user does: open the sign-in page (logged in as ``fake.browser_user``), copy the code."""
    with urllib.request.urlopen(url, timeout=10) as r:
        return fake.code_from_page(r.read().decode())


@pytest.fixture
def blank(mastodon_world):
    return mastodon_world.services.store.add_persona(Persona(name="fresh", topics=("synths",), network="mastodon"))


def test_sign_in_registers_once_forces_login_and_keeps_the_token(mastodon_world, blank) -> None:
    w = mastodon_world
    other = w.fake.add_account("synth")
    w.fake.browser_user = other.id
    w.fake.max_characters = 5000
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example")
    creds = auth.finish_code_flow(w.services.secrets, flow, browser_code(w.fake, flow.authorize_url), w.network)
    done = auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, blank, creds)
    assert w.fake.authorize_requests[-1]["force_login"] in ("True", "true", "1")
    assert w.fake.authorize_requests[-1]["scope"] == "read:accounts write:statuses write:media"
    # QA #13: no "state=None&lang=None" in the address the user opens.
    query = parse_qs(urlsplit(flow.authorize_url).query)
    assert "None" not in {v for values in query.values() for v in values}
    assert query["lang"] == ["en"] and len(query["state"][0]) >= 16
    assert done.handle == "@synth@fosstodon.example"
    persona = w.services.store.persona(blank.uid)
    assert (persona.network, persona.server, persona.handle) == ("mastodon", "https://fosstodon.example",
                                                                 "@synth@fosstodon.example")
    assert persona.char_limit == 5000  # the server's own limit, read at connect
    stored = w.services.secrets.get_credentials(blank.uid)
    assert stored == {"server": "https://fosstodon.example", "access_token": creds["access_token"]}
    # a second account on the same server: the registration is reused, not made again
    third = w.fake.add_account("chip")
    w.fake.browser_user = third.id
    again = auth.start_code_flow(w.services.secrets, w.network, "https://fosstodon.example/")
    assert again.app == flow.app
    assert w.fake.post_count("apps") == 1


def test_the_same_account_on_two_personas_is_refused(mastodon_world, blank) -> None:
    w = mastodon_world
    creds = {"server": "https://fosstodon.example", "access_token": w.fake.add_token(w.account)}
    with pytest.raises(ConnectError, match="already connected to the persona 'metal'"):
        auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, blank, creds)
    assert w.services.secrets.get_credentials(blank.uid) is None


def test_a_wrong_code_is_refused_and_nothing_is_saved(mastodon_world, blank) -> None:
    w = mastodon_world
    w.fake.browser_user = w.account.id
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example")
    with pytest.raises(ConnectError, match="did not let personamgr accept the code"):
        auth.finish_code_flow(w.services.secrets, flow, "not-the-code", w.network)
    assert w.services.secrets.get_credentials(blank.uid) is None


def test_a_revoked_token_is_refused_at_connect(mastodon_world, blank) -> None:
    w = mastodon_world
    token = w.fake.add_token(w.fake.add_account("gone"))
    w.fake.revoke(token)
    with pytest.raises(ConnectError, match="refused this access token"):
        auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, blank,
                                 {"server": "https://fosstodon.example", "access_token": token})


def test_a_server_older_than_mastodon_4_connects_with_its_own_limits(mastodon_world, blank) -> None:
    """/api/v2/instance came with Mastodon 4.0; a server before it answers 404 there and tells its limits in
    /api/v1/instance. Connecting to one said "…did not let personamgr confirm the account: … refused the post:
    Record not found", so no persona could be connected to it at all."""
    w = mastodon_world
    w.fake.version, w.fake.max_characters = "3.5.3", 1000
    creds = {"server": "https://fosstodon.example", "access_token": w.fake.add_token(w.fake.add_account("old"))}
    done = auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, blank, creds)
    assert done.handle == "@old@fosstodon.example"
    persona = w.services.store.persona(blank.uid)
    assert persona.char_limit == 1000 and persona.server_limits is not None
    assert persona.server_limits.max_media == 4


def test_a_server_that_moved_is_said_so_at_connect_not_taken_for_a_refused_token(mastodon_world, blank) -> None:
    w = mastodon_world
    creds = {"server": "https://fosstodon.example", "access_token": w.fake.add_token(w.fake.add_account("moved"))}
    new = w.fake.move(308).removeprefix("http://")
    with pytest.raises(ConnectError) as e:
        auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, blank, creds)
    assert str(e.value) == (f"fosstodon.example did not let personamgr confirm the account: fosstodon.example now "
                            f"sends personamgr on to {new} (308): the server has a new address, and personamgr does "
                            f"not take the account's token there unasked. Use {new} when connecting.")
    assert w.services.secrets.get_credentials(blank.uid) is None


def test_a_server_that_moved_during_sign_in_keeps_personamgrs_registration(mastodon_world) -> None:
    w = mastodon_world
    w.fake.browser_user = w.account.id
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example")
    code = browser_code(w.fake, flow.authorize_url)
    new = w.fake.move(308).removeprefix("http://")
    with pytest.raises(ConnectError, match=rf"now sends personamgr on to {new} \(308\)"):
        auth.finish_code_flow(w.services.secrets, flow, code, w.network)
    assert auth.saved_app(w.services.secrets, "https://fosstodon.example") == flow.app


@pytest.mark.parametrize(("text", "message"), [
    ("{", "not valid JSON"),
    ("[]", "must be one JSON object"),
    ('{"server": "fosstodon.org"}', "lack access_token"),
    ('{"server": "ftp://x", "access_token": "t"}', "must start with https://"),
    ('{"server": "x.org", "access_token": "t", "extra": 1}', "Unexpected keys in the tokens: extra"),
])
def test_token_json_errors_are_specific(text: str, message: str) -> None:
    with pytest.raises(ConnectError, match=message):
        auth.parse_tokens(text)


def test_an_account_the_persona_cannot_take_leaves_nothing_in_the_keyring(mastodon_world, blank) -> None:
    """Everything is checked before anything is stored (QA #7: the token stayed after a refused handle)."""
    w = mastodon_world
    odd = w.fake.add_account("no spaces allowed")
    creds = {"server": "https://fosstodon.example", "access_token": w.fake.add_token(odd)}
    with pytest.raises(ConnectError, match=r"handle '@no spaces allowed@fosstodon\.example' must look like"):
        auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, blank, creds)
    assert w.services.secrets.get_credentials(blank.uid) is None
    assert w.services.store.connection_state(blank.uid) == ("ok", None)
    assert w.services.store.persona(blank.uid).handle is None


def test_a_failed_secure_connection_at_connect_says_what_to_check_not_that_it_will_retry(
        mastodon_world, blank, not_tls: str) -> None:
    """Connecting to a server whose secure connection fails said "…did not let personamgr confirm the account: The
    secure connection to … failed; nothing was sent. It will be tried again.": the posting words. Nothing tries a
    connect again; it says what to check and that the user tries again."""
    from personamgr.core.networks.mastodon.network import MastodonNetwork

    host = not_tls.removeprefix("https://")
    with pytest.raises(ConnectError) as e:
        auth.connect_with_tokens(mastodon_world.services.store, mastodon_world.services.secrets,
                                 MastodonNetwork(timeout=(5, 5)), blank, {"server": not_tls, "access_token": "t"})
    assert str(e.value) == (f"The secure connection to {host} failed, so personamgr could not confirm the account. "
                            "Check the server's address (and the computer's date), then try again."), str(e.value)
    assert mastodon_world.services.secrets.get_credentials(blank.uid) is None


def test_a_server_that_does_not_accept_the_connection_at_connect_says_to_try_again_not_that_it_will_retry(
        mastodon_world, blank, no_connect: str) -> None:
    """A server that did not accept the connection in time said "… did not let personamgr confirm the account: …
    did not accept the connection in time; nothing was sent. It will be tried again.": nothing tries a connect
    again."""
    from personamgr.core.networks.mastodon.network import MastodonNetwork

    host = no_connect.removeprefix("https://")
    with pytest.raises(ConnectError) as e:
        auth.connect_with_tokens(mastodon_world.services.store, mastodon_world.services.secrets,
                                 MastodonNetwork(timeout=(0.5, 5)), blank, {"server": no_connect, "access_token": "t"})
    assert str(e.value) == (f"{host} did not accept the connection in time, so personamgr could not confirm the "
                            "account. Check your connection and the server's address, then try again."), str(e.value)
    assert mastodon_world.services.secrets.get_credentials(blank.uid) is None
