"""Fixtures for the X network tests: the fake X API, a keyring, a profile with an X persona.

Keyring: ``network_secrets`` (tests/conftest.py), the real Secret Service when one is reachable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakex import App, FakeX, User

from personamgr.core.clock import FakeClock
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.networks.x import XNetwork
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

# Generous, so a busy shared machine never turns a plain post into a timeout; the hold tests pass their own.
TEST_TIMEOUT = (5.0, 20.0)


@pytest.fixture
def x_secrets(network_secrets: SecretStore) -> SecretStore:
    return network_secrets


@pytest.fixture
def fake() -> Iterator[FakeX]:
    with FakeX(hold_max_s=20) as f:
        yield f


@dataclass
class XWorld:
    """A profile with one persona connected to an account on the fake X."""

    fake: FakeX
    services: Services
    network: XNetwork
    app: App
    user: User
    persona: Persona
    credentials: dict[str, str]

    def post(self, text: str, thread: tuple[str, ...] = (), media: tuple[dict[str, object], ...] = ()):  # type: ignore[no-untyped-def]
        p = self.services.outbox.create(self.persona.uid, text, thread=thread, media=media)
        return self.services.poster.send(p.id)


@pytest.fixture
def x_world(fake: FakeX, x_secrets: SecretStore, clock: FakeClock, tmp_path: Path) -> Iterator[XWorld]:
    paths = AppPaths.resolve(tmp_path / "profile").ensure()
    network = XNetwork(clock, base_url=fake.base_url, timeout=TEST_TIMEOUT)
    services = open_services(paths, secrets=x_secrets, clock=clock,
                             networks={"sandbox": SandboxNetwork(paths.sandbox_database, clock), "x": network})
    app = fake.add_app()
    user = fake.add_user("career_me")
    persona = services.store.add_persona(Persona(name="career", handle="@career_me", network="x",
                                                 topics=("careers",)))
    creds = fake.credentials(app, user)
    x_secrets.set_credentials(persona.uid, creds)
    services.store.set_connection_state(persona.uid, "ok", user.id)
    yield XWorld(fake, services, network, app, user, persona, creds)
    services.close()
