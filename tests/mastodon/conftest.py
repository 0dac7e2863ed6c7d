"""Fixtures for the Mastodon tests: the fake Mastodon server, a keyring, a profile with a Mastodon persona."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon, MastodonAccount

from personamgr.core.clock import FakeClock
from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

SERVER = "https://fosstodon.example"  # what the user typed; PERSONAMGR_MASTODON_URL sends its traffic to the fake
TEST_TIMEOUT = (5.0, 20.0)


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with FakeMastodon(hold_max_s=20) as f:
        yield f


@dataclass
class MastodonWorld:
    fake: FakeMastodon
    services: Services
    network: MastodonNetwork
    account: MastodonAccount
    persona: Persona
    token: str

    def post(self, text: str, thread: tuple[str, ...] = (), media: tuple[dict[str, object], ...] = (), **kw: object):  # type: ignore[no-untyped-def]
        p = self.services.outbox.create(self.persona.uid, text, thread=thread, media=media, **kw)  # type: ignore[arg-type]
        return self.services.poster.send(p.id)


def mastodon_services(paths: AppPaths, fake: FakeMastodon, secrets: SecretStore, clock: FakeClock,
                      **network_options: object) -> tuple[Services, MastodonNetwork]:
    network = MastodonNetwork(clock, base_url=fake.base_url, timeout=TEST_TIMEOUT, poll_interval_s=0.01,
                              **network_options)  # type: ignore[arg-type]
    services = open_services(paths, secrets=secrets, clock=clock,
                             networks={"sandbox": SandboxNetwork(paths.sandbox_database, clock), "mastodon": network})
    return services, network


@pytest.fixture
def mastodon_world(fake: FakeMastodon, network_secrets: SecretStore, clock: FakeClock,
                   tmp_path: Path) -> Iterator[MastodonWorld]:
    paths = AppPaths.resolve(tmp_path / "profile").ensure()
    services, network = mastodon_services(paths, fake, network_secrets, clock)
    account = fake.add_account("metal")
    token = fake.add_token(account)
    persona = services.store.add_persona(Persona(name="metal", topics=("guitars",), network="mastodon",
                                                 server=SERVER, handle="@metal@fosstodon.example"))
    network_secrets.set_credentials(persona.uid, {"server": SERVER, "access_token": token})
    services.store.set_connection_state(persona.uid, "ok", f"mastodon:{SERVER}:{account.id}")
    yield MastodonWorld(fake, services, network, account, services.store.persona(persona.uid), token)
    services.close()
