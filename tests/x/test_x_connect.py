"""Connecting a persona to X: the PIN flow and pasted tokens, against the fake X over real HTTP."""

from __future__ import annotations

import re

import pytest
import requests

from personamgr.core.networks.x import auth
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona

pytestmark = pytest.mark.e2e


def browser_pin(url: str) -> str:
    """What the user does: open the authorize page (as whoever is logged in to X there) and read the PIN."""
    page = requests.get(url, timeout=10).text
    m = re.search(r"<code id='pin'>(\d+)</code>", page)
    assert m, page
    return m.group(1)


@pytest.fixture
def fresh(x_world):
    """A second persona, not yet connected, in the same profile as the connected 'career'."""
    p = x_world.services.store.add_persona(Persona(name="metal", topics=("guitars",)))
    return p


def test_pin_flow_connects_and_records_the_account(x_world, fresh) -> None:
    fake, svc = x_world.fake, x_world.services
    metal_user = fake.add_user("metal_me")
    fake.browser_user = metal_user.id
    app = auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret)
    flow = auth.start_pin_flow(app, x_world.network)
    assert flow.authorize_url.startswith(fake.base_url + "/oauth/authorize?oauth_token=")
    creds = auth.finish_pin_flow(flow, browser_pin(flow.authorize_url), x_world.network)
    done = auth.connect_with_tokens(svc.store, svc.secrets, x_world.network, fresh, creds)

    assert (done.username, done.user_id) == ("metal_me", metal_user.id)
    persona = svc.store.persona("metal")
    assert (persona.handle, persona.network) == ("@metal_me", "x")
    assert svc.store.connection_state(persona.uid) == ("ok", metal_user.id)
    assert svc.secrets.get_credentials(persona.uid) == creds
    assert creds["access_token"].startswith(metal_user.id + "-")

    post = svc.outbox.create(persona.uid, "Restringing the Les Paul tonight.")
    assert svc.poster.send(post.id).state is PostState.SENT
    assert [t.text for t in fake.timeline(metal_user)] == ["Restringing the Les Paul tonight."]


def test_app_keys_are_kept_once(x_world) -> None:
    app = auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret)
    assert auth.saved_app(x_world.services.secrets) is None
    auth.save_app(x_world.services.secrets, app)
    assert auth.saved_app(x_world.services.secrets) == app


def test_wrong_app_secret_is_refused_at_the_start(x_world) -> None:
    app = auth.AppKeys(x_world.app.consumer_key, "not-the-secret")
    with pytest.raises(auth.ConnectError, match="API key"):
        auth.start_pin_flow(app, x_world.network)


def test_a_wrong_computer_clock_is_named_at_the_start(x_world) -> None:
    x_world.fake.clock_offset_s = -900.0  # X's clock 15 minutes behind this machine's
    app = auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret)
    with pytest.raises(auth.ConnectError, match="clock is 15 minutes ahead of X's"):
        auth.start_pin_flow(app, x_world.network)


def test_wrong_pin_is_refused_and_nothing_is_saved(x_world, fresh) -> None:
    x_world.fake.browser_user = x_world.fake.add_user("metal_me").id
    flow = auth.start_pin_flow(auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret), x_world.network)
    browser_pin(flow.authorize_url)
    with pytest.raises(auth.ConnectError, match="PIN"):
        auth.finish_pin_flow(flow, "0000000", x_world.network)
    assert x_world.services.secrets.get_credentials(fresh.uid) is None


def test_pin_must_be_digits(x_world) -> None:
    flow = auth.start_pin_flow(auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret), x_world.network)
    with pytest.raises(auth.ConnectError, match="not one"):
        auth.finish_pin_flow(flow, "my password", x_world.network)


def test_second_account_while_browser_still_logged_in_as_the_first_is_refused(x_world, fresh) -> None:
    """The classic mistake: X signs in whoever the browser is logged in as. We refuse and say what to do."""
    fake, svc = x_world.fake, x_world.services
    fake.browser_user = x_world.user.id  # still logged in as @career_me
    flow = auth.start_pin_flow(auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret), x_world.network)
    creds = auth.finish_pin_flow(flow, browser_pin(flow.authorize_url), x_world.network)
    with pytest.raises(auth.ConnectError, match="log out of X in the browser") as e:
        auth.connect_with_tokens(svc.store, svc.secrets, x_world.network, fresh, creds)
    assert "already connected to the persona 'career'" in str(e.value)
    assert svc.secrets.get_credentials(fresh.uid) is None
    assert svc.store.persona("metal").network == "sandbox"


def test_reconnect_after_revocation(x_world) -> None:
    fake, svc = x_world.fake, x_world.services
    fake.revoke()
    assert x_world.post("before").state is PostState.FAILED
    assert svc.store.connection_state(x_world.persona.uid)[0] == "reconnect_needed"
    creds = fake.credentials(x_world.app, x_world.user)
    auth.connect_with_tokens(svc.store, svc.secrets, x_world.network, svc.store.persona("career"), creds)
    assert svc.store.connection_state(x_world.persona.uid) == ("ok", x_world.user.id)
    assert x_world.post("after").state is PostState.SENT


def test_switching_a_persona_to_another_account_needs_confirmation(x_world) -> None:
    fake, svc = x_world.fake, x_world.services
    other = fake.add_user("someone_else")
    creds = fake.credentials(x_world.app, other)
    persona = svc.store.persona("career")
    with pytest.raises(auth.ConnectError, match="switch"):
        auth.connect_with_tokens(svc.store, svc.secrets, x_world.network, persona, creds)
    assert svc.secrets.get_credentials(persona.uid) == x_world.credentials
    auth.connect_with_tokens(svc.store, svc.secrets, x_world.network, persona, creds, switch_account=True)
    assert svc.store.persona("career").handle == "@someone_else"


def test_read_only_app_is_refused_with_guidance(x_world, fresh) -> None:
    fake = x_world.fake
    ro_app = fake.add_app(access_level="read")
    creds = fake.credentials(ro_app, fake.add_user("metal_me"))
    with pytest.raises(auth.ConnectError, match="Read and write"):
        auth.connect_with_tokens(x_world.services.store, x_world.services.secrets, x_world.network, fresh, creds)
    assert x_world.services.secrets.get_credentials(fresh.uid) is None


def test_revoked_tokens_are_refused_at_connect(x_world, fresh) -> None:
    creds = x_world.fake.credentials(x_world.app, x_world.fake.add_user("metal_me"))
    x_world.fake.revoke(creds["access_token"])
    with pytest.raises(auth.ConnectError, match="refused these tokens"):
        auth.connect_with_tokens(x_world.services.store, x_world.services.secrets, x_world.network, fresh, creds)


def test_offline_connect_says_so(x_world, fresh) -> None:
    creds = x_world.fake.credentials(x_world.app, x_world.fake.add_user("metal_me"))
    x_world.fake.refuse_connections()
    with pytest.raises(auth.ConnectError, match="cannot be reached"):
        auth.connect_with_tokens(x_world.services.store, x_world.services.secrets, x_world.network, fresh, creds)
    with pytest.raises(auth.ConnectError, match="cannot be reached"):
        auth.start_pin_flow(auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret), x_world.network)


@pytest.mark.parametrize(("text", "message"), [
    ("", "not valid JSON"),
    ("{'consumer_key': 'a'}", "not valid JSON"),
    ('["a", "b"]', "one JSON object"),
    ('{"consumer_key": "a", "consumer_secret": "b", "access_token": "c"}', "lack access_token_secret"),
    ('{"consumer_key": "a", "consumer_secret": "b", "access_token": "c", "access_token_secret": "  "}',
     "lack access_token_secret"),
    ('{"consumer_key": "a", "consumer_secret": "b", "access_token": "c", "access_token_secret": "d", "x": 1}',
     "Unexpected keys in the tokens: x"),
])
def test_token_json_errors_are_specific(text: str, message: str) -> None:
    with pytest.raises(auth.ConnectError, match=re.escape(message)):
        auth.parse_tokens(text)


def test_a_failed_secure_connection_at_connect_says_what_to_check_not_that_it_will_retry(x_world, fresh,
                                                                                         not_tls: str) -> None:
    """Connecting when the secure connection to X failed said "X could not confirm the account: The secure
    connection to X failed (SSLError); nothing was sent. It will be tried again.": nothing tries a connect again."""
    from personamgr.core.networks.x.network import XNetwork

    creds = x_world.fake.credentials(x_world.app, x_world.fake.add_user("metal_me"))
    with pytest.raises(auth.ConnectError) as e:
        auth.connect_with_tokens(x_world.services.store, x_world.services.secrets,
                                 XNetwork(base_url=not_tls, timeout=(5, 5)), fresh, creds)
    assert str(e.value) == ("The secure connection to X failed, so personamgr could not confirm the account. Check "
                            "the computer's date and any proxy or network login page, then try again."), str(e.value)
    assert x_world.services.secrets.get_credentials(fresh.uid) is None


def test_a_failed_secure_connection_in_the_pin_flow_says_what_to_check(x_world, not_tls: str) -> None:
    """Starting the PIN flow when the secure connection to X failed said "The secure connection to X failed
    (SSLError); nothing was sent. Try again when X can be reached.": X could be reached; nothing said what to
    check."""
    from personamgr.core.networks.x.network import XNetwork

    app = auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret)
    with pytest.raises(auth.ConnectError) as e:
        auth.start_pin_flow(app, XNetwork(base_url=not_tls, timeout=(5, 5)))
    assert str(e.value) == ("The secure connection to X failed, so personamgr could not start signing in. Check the "
                            "computer's date and any proxy or network login page, then try again."), str(e.value)


def test_x_not_accepting_the_connection_in_the_pin_flow_says_to_try_again(x_world, no_connect: str) -> None:
    from personamgr.core.networks.x.network import XNetwork

    app = auth.AppKeys(x_world.app.consumer_key, x_world.app.consumer_secret)
    with pytest.raises(auth.ConnectError) as e:
        auth.start_pin_flow(app, XNetwork(base_url=no_connect, timeout=(0.5, 5)))
    assert str(e.value) == ("X did not accept the connection in time, so personamgr could not start signing in. "
                            "Check your connection (and any proxy), then try again."), str(e.value)


def test_a_connection_the_locked_database_refused_says_so_and_keeps_nothing(quick_locks, x_world, fresh) -> None:
    """The keyring took metal's tokens, then the database was locked by another program: the user read the
    library's error, with SQL in it. It says what happened, and nothing of the connection is kept."""
    from db_locks import locked

    svc = x_world.services
    creds = x_world.fake.credentials(x_world.app, x_world.fake.add_user("metal_me"))
    with locked(svc.paths.database), pytest.raises(auth.ConnectError) as refused:
        auth.connect_with_tokens(svc.store, svc.secrets, x_world.network, fresh, creds)
    assert str(refused.value) == (
        f"metal was not connected to @metal_me: {svc.paths.database} is locked by another program, and stayed locked "
        "while personamgr waited. If another personamgr or a database tool has it open, close that and try again; "
        "nothing was changed.")
    assert svc.store.connection_state(fresh.uid) == ("ok", None) and svc.store.persona("metal").handle is None
    assert svc.secrets.get_credentials(fresh.uid) is None
