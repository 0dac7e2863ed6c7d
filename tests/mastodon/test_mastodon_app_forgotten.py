"""A Mastodon server that forgot personamgr's registration (an admin removed it): registered again, the persona kept.

Doorkeeper, Mastodon's OAuth provider, deletes an application's tokens with it: the persona's token died too, and
its sign-in page answers the old client id with "Client authentication failed due to unknown client ...".
"""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from fakemastodon import FakeMastodon

from personamgr.core.networks.accounts import ConnectError
from personamgr.core.networks.mastodon import auth
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona

pytestmark = pytest.mark.e2e


def browser_code(fake: FakeMastodon, url: str) -> str:
    """What the user does: open the sign-in page (logged in as ``fake.browser_user``), copy the code."""
    with urllib.request.urlopen(url, timeout=10) as r:
        return fake.code_from_page(r.read().decode())


def sign_in(w, persona: Persona):  # type: ignore[no-untyped-def]
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example")
    creds = auth.finish_code_flow(w.services.secrets, flow, browser_code(w.fake, flow.authorize_url), w.network)
    auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, persona, creds)
    return flow


@pytest.fixture
def synth(mastodon_world) -> Persona:  # type: ignore[no-untyped-def]
    """A persona connected by signing in, with settings of its own."""
    w = mastodon_world
    w.fake.browser_user = w.fake.add_account("synth").id
    persona = w.services.store.add_persona(Persona(name="synth", topics=("synths",), network="mastodon",
                                                   visibility="unlisted", content_warning="synth talk"))
    sign_in(w, persona)
    return w.services.store.persona(persona.uid)


def test_a_registration_the_server_forgot_is_made_again_and_the_persona_keeps_its_queue(mastodon_world, synth,
                                                                                        clock) -> None:
    """personamgr kept offering the registration the server had forgotten: its sign-in page said 'Client
    authentication failed due to unknown client', there was no code to paste, and no way to register again."""
    w = mastodon_world
    later = w.services.outbox.create(synth.uid, "Modular patch of the week.", state=PostState.SCHEDULED,
                                     scheduled_at=clock.now() + timedelta(hours=1))
    old_token = w.services.secrets.get_credentials(synth.uid)["access_token"]
    w.fake.forget_app()
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example", store=w.services.store,
                                persona=synth)
    try:
        code = browser_code(w.fake, flow.authorize_url)
    except urllib.error.HTTPError as e:
        pytest.fail(f"the sign-in page refused the registration: {e.code} {e.read().decode()}")
    assert w.fake.post_count("apps") == 2
    assert flow.notice == ("fosstodon.example no longer knew personamgr's registration (its admins may have removed "
                           "it, which also ends every sign-in made through it), so personamgr registered itself "
                           "there again. Sign in to connect the account anew.")
    assert w.services.secrets.get_credentials(synth.uid) is None  # the old token is dropped: the server ended it
    assert w.services.store.connection_state(synth.uid)[0] == "reconnect_needed"
    creds = auth.finish_code_flow(w.services.secrets, flow, code, w.network)
    auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, synth, creds)
    assert creds["access_token"] != old_token
    kept = w.services.store.persona(synth.uid)
    assert (kept.name, kept.visibility, kept.content_warning, kept.topics) == (
        "synth", "unlisted", "synth talk", ("synths",))
    assert w.services.outbox.get(later.id).state is PostState.SCHEDULED
    sent = w.services.poster.send(later.id)
    assert sent.state is PostState.SENT, sent.error


def test_a_registration_still_known_is_used_and_a_live_token_kept(mastodon_world, synth) -> None:
    w = mastodon_world
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example", store=w.services.store,
                                persona=synth)
    assert (flow.notice, w.fake.post_count("apps")) == (None, 1)
    assert w.services.secrets.get_credentials(synth.uid) is not None
    browser_code(w.fake, flow.authorize_url)
    assert not [t for t in w.fake.m.tokens.values() if not t.account_id and not t.revoked]  # the check's own token


def test_a_new_registration_can_be_asked_for(mastodon_world, synth) -> None:
    """``connect --new-app`` and the window's "Register again": the server is not asked whether it knows the old."""
    w = mastodon_world
    old = auth.saved_app(w.services.secrets, "https://fosstodon.example")
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example", new_app=True)
    assert flow.app != old and auth.saved_app(w.services.secrets, "https://fosstodon.example") == flow.app
    assert w.fake.post_count("apps") == 2
    assert flow.notice is None
    browser_code(w.fake, flow.authorize_url)


def test_a_registration_forgotten_while_signing_in_is_said_so_and_made_again_next_time(mastodon_world,
                                                                                      synth) -> None:
    w = mastodon_world
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example")
    code = browser_code(w.fake, flow.authorize_url)
    w.fake.forget_app()
    with pytest.raises(ConnectError, match=r"no longer knows personamgr's registration\. Start again"):
        auth.finish_code_flow(w.services.secrets, flow, code, w.network)
    assert auth.saved_app(w.services.secrets, "https://fosstodon.example") is None
