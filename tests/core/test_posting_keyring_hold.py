"""A locked or unresponsive keyring makes a post wait for a later try; it never fails it for good."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from keyring_doubles import BlockingKeyring, LockedKeyring
from net_helpers import assert_waits_by_itself
from posting_helpers import ScriptedNetwork, send

from personamgr.core.clock import FakeClock
from personamgr.core.outbox import PostState
from personamgr.core.posting import KEYRING_RETRY
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services


@pytest.fixture
def hanging() -> Iterator[BlockingKeyring]:
    backend = BlockingKeyring()
    yield backend
    backend.release.set()


def test_hanging_keyring_makes_the_post_wait(services: Services, net: ScriptedNetwork,
                                        hanging: BlockingKeyring, clock: FakeClock) -> None:
    net.needs_credentials = True
    services.poster.secrets = SecretStore(hanging, timeout=0.2)
    post = services.outbox.get(send(services))
    assert post.state is PostState.SCHEDULED
    assert post.next_attempt_at == clock.now() + KEYRING_RETRY
    assert post.error == ("The keyring did not answer while personamgr read career's credentials; it may be "
                          "locked. Unlock it: the post waits until then.")
    assert post.attempts == 0  # waiting for the keyring does not use up a try
    assert_waits_by_itself(post)
    assert net.calls == []


def test_locked_keyring_makes_the_post_wait(services: Services, net: ScriptedNetwork,
                                       clock: FakeClock) -> None:
    net.needs_credentials = True
    services.poster.secrets = SecretStore(LockedKeyring(), timeout=5)
    post = services.outbox.get(send(services))
    assert post.state is PostState.SCHEDULED
    # It said "Unlock it and try again. The post is held and will be tried again.", and the CLI went on "It
    # will be retried at ...": three tries in a row, one of them the user's to make while it is automatic.
    assert post.error == ("The keyring is locked, so personamgr could not read career's credentials. Unlock it: "
                          "the post waits until then.")
    assert post.next_attempt_at is not None and post.next_attempt_at - clock.now() == timedelta(minutes=2)
    assert_waits_by_itself(post)
    assert net.calls == []
