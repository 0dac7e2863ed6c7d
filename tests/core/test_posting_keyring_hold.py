"""A locked or unresponsive keyring holds a post for a later try; it never fails it for good."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from personamgr.core.clock import FakeClock
from personamgr.core.outbox import PostState
from personamgr.core.posting import KEYRING_RETRY
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services
from tests.core.test_posting_outcomes import ScriptedNetwork, net, send  # noqa: F401 (fixture)


class HangingKeyring(KeyringBackend):
    """A keyring whose every call blocks until released, as a locked one waiting on an unlock prompt."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(30)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(30)


class LockedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


@pytest.fixture
def hanging() -> Iterator[HangingKeyring]:
    backend = HangingKeyring()
    yield backend
    backend.release.set()


def test_hanging_keyring_holds_the_post(services: Services, net: ScriptedNetwork,  # noqa: F811
                                        hanging: HangingKeyring, clock: FakeClock) -> None:
    net.needs_credentials = True
    services.poster.secrets = SecretStore(hanging, timeout=0.2)
    post = services.outbox.get(send(services))
    assert post.state is PostState.SCHEDULED
    assert post.next_attempt_at == clock.now() + KEYRING_RETRY
    assert post.error is not None and "did not answer" in post.error and "held" in post.error
    assert post.attempts == 0  # waiting for the keyring does not use up a try
    assert net.calls == []


def test_locked_keyring_holds_the_post(services: Services, net: ScriptedNetwork,  # noqa: F811
                                       clock: FakeClock) -> None:
    net.needs_credentials = True
    services.poster.secrets = SecretStore(LockedKeyring(), timeout=5)
    post = services.outbox.get(send(services))
    assert post.state is PostState.SCHEDULED
    assert post.error is not None and "locked" in post.error
    assert post.next_attempt_at is not None and post.next_attempt_at - clock.now() == timedelta(minutes=2)
    assert net.calls == []
