"""Fixtures for the Bluesky tests: the fake PDS, a keyring, a profile with a connected Bluesky persona."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakebluesky import BlueskyAccount, FakeBluesky, FakePlcDirectory

from personamgr.core.clock import SystemClock
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.bluesky.auth import Login, connect
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

TEST_TIMEOUT = (5.0, 20.0)


@pytest.fixture
def plc() -> Iterator[FakePlcDirectory]:
    """Where the fake PDS's accounts' DID documents are read (a mention is linked only when its document claims the
    handle)."""
    with FakePlcDirectory() as d:
        yield d


@pytest.fixture
def fake(plc: FakePlcDirectory) -> Iterator[FakeBluesky]:
    with FakeBluesky(hold_max_s=20, directory=plc) as f:
        yield f


@dataclass
class BlueskyWorld:
    fake: FakeBluesky
    services: Services
    network: BlueskyNetwork
    account: BlueskyAccount
    app_password: str
    persona: Persona

    def post(self, text: str, thread: tuple[str, ...] = (), media: tuple[dict[str, object], ...] = ()):  # type: ignore[no-untyped-def]
        p = self.services.outbox.create(self.persona.uid, text, thread=thread, media=media)
        return self.services.poster.send(p.id)


@pytest.fixture
def bluesky_world(fake: FakeBluesky, plc: FakePlcDirectory, network_secrets: SecretStore,
                  tmp_path: Path) -> Iterator[BlueskyWorld]:
    # The real clock: the fake's JWTs expire in real time, and atproto reads them against its own clock.
    clock = SystemClock()
    paths = AppPaths.resolve(tmp_path / "profile").ensure()
    network = BlueskyNetwork(clock, base_url=fake.base_url, timeout=TEST_TIMEOUT, directory=plc.base_url)
    services = open_services(paths, secrets=network_secrets, clock=clock,
                             networks={"sandbox": SandboxNetwork(paths.sandbox_database, clock), "bluesky": network})
    account, password = fake.add_account("sky.bsky.social")
    persona = services.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky"))
    done = connect(services.store, network_secrets, network, persona, Login("sky.bsky.social", password))
    yield BlueskyWorld(fake, services, network, account, password, done.persona)
    services.close()
