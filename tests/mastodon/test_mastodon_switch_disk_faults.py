"""A switch to another account when the disk fills between the keyring's write and the database's: the keyring is
put back, the message names the full disk, and nothing is lost. Real Mastodon.py against the fake server, real
gnome-keyring, a real tmpfs for the profile. (A read-only remount cannot be made while the database is open for
writing, "mount point is busy": a read-only folder at that moment is not reproducible here.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakemastodon import FakeMastodon

from personamgr.core.clock import FakeClock
from personamgr.core.networks.accounts import ConnectError
from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.networks.mastodon.auth import connect_with_tokens
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

pytestmark = pytest.mark.e2e

SERVER = "https://fosstodon.example"


@pytest.fixture
def on_small_fs(small_fs, fake: FakeMastodon, network_secrets: SecretStore,  # type: ignore[no-untyped-def]
                clock: FakeClock) -> Iterator[Services]:
    network = MastodonNetwork(clock, base_url=fake.base_url, timeout=(5.0, 20.0))
    services = open_services(AppPaths.resolve(small_fs.root / "profile"), secrets=network_secrets, clock=clock,
                             networks={"mastodon": network})
    try:
        yield services
    finally:
        small_fs.free()
        services.close()


def test_a_disk_that_fills_during_a_switch_puts_the_keyring_back_and_says_the_disk_is_full(
        on_small_fs: Services, fake: FakeMastodon, small_fs) -> None:  # type: ignore[no-untyped-def]
    services = on_small_fs
    network = services.networks["mastodon"]
    metal, riffs = fake.add_account("metal"), fake.add_account("riffs")
    persona = services.store.add_persona(Persona(name="metal", topics=("guitars",), network="mastodon",
                                                 server=SERVER))
    connect_with_tokens(services.store, services.secrets, network, persona,  # type: ignore[arg-type]
                        {"server": SERVER, "access_token": (metal_token := fake.add_token(metal))})
    persona = services.store.persona(persona.uid)
    draft = services.outbox.create(persona.uid, "Tonight: the deep cuts setlist.")
    keep = services.secrets.set_credentials

    def keep_then_fill(uid: str, credentials: object) -> None:  # the disk fills just after the keyring's write
        keep(uid, credentials)  # type: ignore[arg-type]
        small_fs.fill()

    services.secrets.set_credentials = keep_then_fill  # type: ignore[method-assign]
    with pytest.raises(ConnectError) as refused:
        connect_with_tokens(services.store, services.secrets, network, persona,  # type: ignore[arg-type]
                            {"server": SERVER, "access_token": fake.add_token(riffs)}, switch_account=True)
    services.secrets.set_credentials = keep  # type: ignore[method-assign]
    said = str(refused.value)
    assert said == (f"metal was not switched to @riffs@fosstodon.example: the disk holding "
                    f"{small_fs.root / 'profile' / 'data'} is full, so personamgr could not write to it. Free some "
                    "space and try again; what was saved before is intact. metal still posts as "
                    "@metal@fosstodon.example."), said
    assert "sqlite3" not in said and "SQL" not in said
    assert (services.secrets.get_credentials(persona.uid) or {}).get("access_token") == metal_token  # put back
    small_fs.free()
    now = services.store.persona(persona.uid)
    assert (now.handle, services.store.connection_state(persona.uid)[1]) == (
        "@metal@fosstodon.example", f"mastodon:{SERVER}:{metal.id}")
    kept = services.outbox.get(draft.id)
    assert (kept.state, kept.text) == (PostState.DRAFT, "Tonight: the deep cuts setlist.")
