"""A Bluesky account whose PDS is not the entryway: found from its handle, as the network finds it.

Three real HTTP servers make the network: a PLC directory, the entryway (what bsky.social is: it signs in only the
accounts it hosts) and the account's own PDS (self-hosted, or one of Bluesky's own hosts). The user types only the
handle and an app password; the real atproto SDK talks to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakebluesky import FakeBluesky, FakePlcDirectory
from fakebluesky.server import _b64

from personamgr.core.clock import SystemClock
from personamgr.core.networks.accounts import ConnectError
from personamgr.core.networks.base import Account, OutgoingPost
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.bluesky.auth import Login, connect
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

pytestmark = pytest.mark.e2e

TEST_TIMEOUT = (5.0, 20.0)


@dataclass
class Sky:
    plc: FakePlcDirectory
    entryway: FakeBluesky
    home: FakeBluesky  # the PDS the account lives on

    def network(self, **kw: object) -> BlueskyNetwork:
        return BlueskyNetwork(SystemClock(), timeout=TEST_TIMEOUT, entryway=self.entryway.base_url,
                              directory=self.plc.base_url, **kw)  # type: ignore[arg-type]


@pytest.fixture
def sky() -> Iterator[Sky]:
    with FakePlcDirectory() as plc, FakeBluesky(directory=plc) as entryway, FakeBluesky(directory=plc) as home:
        yield Sky(plc, entryway, home)


@pytest.fixture
def services(sky: Sky, network_secrets: SecretStore, tmp_path: Path) -> Iterator[Services]:
    paths = AppPaths.resolve(tmp_path / "profile").ensure()
    clock = SystemClock()
    s = open_services(paths, secrets=network_secrets, clock=clock,
                      networks={"sandbox": SandboxNetwork(paths.sandbox_database, clock), "bluesky": sky.network()})
    yield s
    s.close()


def _persona(services: Services, server: str | None = None) -> Persona:
    return services.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky", server=server))


@pytest.mark.parametrize("server", ["entryway", None], ids=["server-bsky.social", "no-server"])
def test_an_account_on_its_own_pds_connects_with_its_handle_and_posts_there(
        sky: Sky, services: Services, network_secrets: SecretStore, server: str | None) -> None:
    """It said 'Bluesky refused the handle ana.example.org or the app password. Check both; …' of a right handle and
    app password: the sign-in went to bsky.social, which signs in only the accounts it hosts."""
    account, password = sky.home.add_account("ana.example.org")
    persona = _persona(services, sky.entryway.base_url if server else None)
    done = connect(services.store, network_secrets, services.networks["bluesky"], persona,
                   Login("ana.example.org", password))
    assert done.persona.handle == "@ana.example.org"
    post = services.outbox.create(done.persona.uid, "Jupiter rises at nine tonight.")
    assert services.poster.send(post.id).state is PostState.SENT
    assert [r.text for r in sky.home.posts(account)] == ["Jupiter rises at nine tonight."]
    assert sky.entryway.post_count("create_session") == 0 and sky.home.sessions_created(account) == 1


def test_a_session_that_ended_is_renewed_on_the_accounts_own_pds(sky: Sky) -> None:
    """A stored session whose refresh token has ended is replaced with the app password: on the account's PDS,
    where its app password is, not on bsky.social."""
    account, password = sky.home.add_account("ana.example.org")
    ended = ".".join((_b64({"typ": "JWT"}), _b64({"exp": int((datetime.now(UTC) - timedelta(days=1)).timestamp())}),
                      "sig"))
    session = ":::".join(("ana.example.org", account.did, ended, ended, sky.home.base_url))
    creds = {"handle": "ana.example.org", "did": account.did, "app_password": password, "session": session}
    network = sky.network()
    sent = network.publish(Account("p1", "@ana.example.org", creds, server="https://bsky.social"),
                           OutgoingPost(("Saturn's rings, edge on.",), key="p1-1"))
    assert sent.remote_id and [r.text for r in sky.home.posts(account)] == ["Saturn's rings, edge on."]
    assert sky.home.sessions_created(account) == 1 and sky.entryway.post_count("create_session") == 0


def test_a_handle_nobody_has_is_said_so(sky: Sky, services: Services, network_secrets: SecretStore) -> None:
    with pytest.raises(ConnectError) as e:
        connect(services.store, network_secrets, services.networks["bluesky"], _persona(services),
                Login("nobody.example.org", "abcd-efgh-ijkl-mnop"))
    assert str(e.value) == ("No Bluesky account has the handle nobody.example.org. Check its spelling: it is the "
                            "name after @ on the account's profile."), str(e.value)


def test_a_directory_out_of_reach_falls_back_to_bsky_social(sky: Sky, services: Services,
                                                           network_secrets: SecretStore) -> None:
    """An account bsky.social hosts still connects when the PLC directory cannot be reached: the entryway signs
    it in and its session names its PDS."""
    account, password = sky.entryway.add_account("sky.bsky.social")
    sky.plc.fail_next("did_document", "server_error")
    done = connect(services.store, network_secrets, services.networks["bluesky"], _persona(services),
                   Login("sky.bsky.social", password))
    assert done.persona.handle == "@sky.bsky.social" and sky.entryway.sessions_created(account) == 1


def test_a_persona_with_its_own_server_signs_in_there_without_asking_the_directory(
        sky: Sky, services: Services, network_secrets: SecretStore) -> None:
    account, password = sky.home.add_account("ana.example.org")
    connect(services.store, network_secrets, services.networks["bluesky"], _persona(services, sky.home.base_url),
            Login("ana.example.org", password))
    assert sky.home.sessions_created(account) == 1
    assert sky.plc.requests == [] and sky.entryway.requests == []


def test_an_account_on_one_of_bluesky_s_own_hosts_signs_in_at_bsky_social(
        sky: Sky, services: Services, network_secrets: SecretStore) -> None:
    """An account bsky.social hosts lives on one of Bluesky's own PDS hosts (``*.host.bsky.network``), which its DID
    document names. It signs in at bsky.social, the way Bluesky's own app signs it in and every such account has
    always connected here; the lookup is for accounts on a PDS of their own."""
    account, password = sky.entryway.add_account("sky.bsky.social")
    sky.plc.register(account.did, "sky.bsky.social", "https://morel.us-east.host.bsky.network")
    connect(services.store, network_secrets, services.networks["bluesky"], _persona(services),
            Login("sky.bsky.social", password))
    assert sky.entryway.sessions_created(account) == 1


def test_a_handle_its_account_does_not_claim_is_not_signed_in_under(
        sky: Sky, services: Services, network_secrets: SecretStore) -> None:
    """A handle is an account's only when both ways agree (atproto.com/specs/handle): the handle's domain names
    a DID, and that DID's document claims the handle back (``alsoKnownAs``). ana.example.org's record was
    pointed at Bob's account, whose document claims bob.example.net: Bluesky shows ana.example.org as an invalid
    handle. personamgr signed Ana's account in all the same (its PDS still had the old handle) and showed it as
    @ana.example.org; now it says why not, and neither the app password nor a sign-in goes anywhere."""
    ana, password = sky.home.add_account("ana.example.org")
    bob, _ = sky.home.add_account("bob.example.net")
    sky.plc.point("ana.example.org", bob.did)
    persona = _persona(services)
    with pytest.raises(ConnectError) as e:
        connect(services.store, network_secrets, services.networks["bluesky"], persona,
                Login("ana.example.org", password))
    assert str(e.value) == (
        f"Bluesky does not take ana.example.org as an account's handle: it points to the account {bob.did}, which "
        "does not claim it, so Bluesky shows it as an invalid handle. Sign in with the handle shown on the "
        "account's profile; if ana.example.org is yours, point its _atproto DNS record (or its "
        "/.well-known/atproto-did file) at your account."), str(e.value)
    assert sky.home.post_count("create_session") == 0 and sky.entryway.post_count("create_session") == 0
    assert sky.home.sessions_created(ana) == 0 and services.store.persona(persona.uid).handle is None
    assert network_secrets.get_credentials(persona.uid) is None


def test_a_handle_naming_a_did_web_with_a_path_is_said_bluesky_does_not_take_it(
        sky: Sky, services: Services, network_secrets: SecretStore) -> None:
    """did:web names a DID document by a domain, and W3C's did:web allows a path (did:web:example.com:u:alice,
    at https://example.com/u/alice/did.json); atproto takes only the domain's own (atproto.com/specs/did), and
    the atproto SDK's resolver refuses a path (UnsupportedDidWebPathError). Such a handle was sent to bsky.social
    with the app password, and the user read 'Bluesky refused the handle … or the app password. Check both'."""
    sky.plc.point("alice.example.com", "did:web:example.com:u:alice")
    with pytest.raises(ConnectError) as e:
        connect(services.store, network_secrets, services.networks["bluesky"], _persona(services),
                Login("alice.example.com", "abcd-efgh-ijkl-mnop"))
    assert str(e.value) == (
        "alice.example.com points to did:web:example.com:u:alice, a did:web with a path, which Bluesky does not "
        "take, so no Bluesky account has that handle. Check the handle's _atproto DNS record (or its "
        "/.well-known/atproto-did file)."), str(e.value)
    assert sky.entryway.post_count("create_session") == 0 and sky.home.post_count("create_session") == 0


@pytest.mark.parametrize("own_server", [False, True], ids=["at-bsky.social", "own-server"])
def test_a_mention_of_a_handle_its_account_does_not_claim_links_no_one(
        sky: Sky, services: Services, network_secrets: SecretStore, own_server: bool) -> None:
    """A mention links the account whose handle it is, checked both ways as signing in checks it
    (atproto.com/specs/handle; resolveHandle "does not necessarily bi-directionally verify"). carol.example.org's
    record names Bob's account, whose document claims bob.example.net: Bluesky shows carol.example.org as an invalid
    handle, and a post that mentioned @carol.example.org linked Bob's profile."""
    host = sky.home if own_server else sky.entryway
    me, password = host.add_account("sky.example.org")
    bob, _ = sky.home.add_account("bob.example.net")
    sky.plc.point("carol.example.org", bob.did)
    done = connect(services.store, network_secrets, services.networks["bluesky"],
                   _persona(services, sky.home.base_url if own_server else None), Login("sky.example.org", password))
    post = services.outbox.create(done.persona.uid, "Clear skies, @carol.example.org and @bob.example.net!")
    sent = services.poster.send(post.id)
    assert sent.state is PostState.SENT, sent.error
    [rec] = host.posts(me)
    raw = rec.text.encode()
    assert {raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode(): f["features"][0]["did"]
            for f in rec.value["facets"]} == {"@bob.example.net": bob.did}


@pytest.mark.parametrize("document", ["unreachable", "dropped", "garbled"])
def test_a_mention_whose_did_document_cannot_be_read_links_no_one(
        sky: Sky, services: Services, network_secrets: SecretStore, document: str) -> None:
    """A handle is verified only when its DID document claims it (atproto.com/specs/handle). A document that could
    not be read (the directory failed, the connection dropped, a page that is no DID document) verified nothing, and
    the mention was linked all the same to whatever DID the handle's domain named."""
    me, password = sky.entryway.add_account("sky.example.org")
    comet, _ = sky.home.add_account("comet.example.org")
    done = connect(services.store, network_secrets, services.networks["bluesky"], _persona(services),
                   Login("sky.example.org", password))
    if document == "garbled":
        sky.plc.garble(comet.did)
    else:
        sky.plc.fail_next("did_document", "server_error" if document == "unreachable" else "drop")
    post = services.outbox.create(done.persona.uid, "Clear skies, @comet.example.org!")
    sent = services.poster.send(post.id)
    assert sent.state is PostState.SENT, sent.error
    [rec] = sky.entryway.posts(me)
    assert rec.text == "Clear skies, @comet.example.org!" and not rec.value.get("facets")
    assert sky.plc.requests[-1].path == f"/{comet.did}"  # the document was asked for


def test_a_mention_whose_document_claims_it_is_linked(sky: Sky, services: Services,
                                                      network_secrets: SecretStore) -> None:
    me, password = sky.entryway.add_account("sky.example.org")
    comet, _ = sky.home.add_account("comet.example.org")
    done = connect(services.store, network_secrets, services.networks["bluesky"], _persona(services),
                   Login("sky.example.org", password))
    post = services.outbox.create(done.persona.uid, "Clear skies, @comet.example.org!")
    assert services.poster.send(post.id).state is PostState.SENT
    [rec] = sky.entryway.posts(me)
    assert [f["features"][0]["did"] for f in rec.value["facets"]] == [comet.did]
