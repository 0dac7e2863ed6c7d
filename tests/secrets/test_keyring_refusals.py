"""The secret store refuses every keyring that is not a real secure store, and never hangs its caller.

All backends here are real ``keyring`` backends: keyring's own fail backend, keyrings.alt's plaintext
file backend, and small ``KeyringBackend`` subclasses that behave like a locked or hung keyring
(most from tests/keyring_doubles.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import keyring.backend
import keyring.errors
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring_doubles import BlockingChainKeyring, BlockingKeyring, LockedKeyring, MemoryKeyring, TestOnlyBackend
from keyrings.alt.file import PlaintextKeyring

from personamgr.core.personas import Persona
from personamgr.core.secrets import (
    KeyringStatus,
    SecretsError,
    SecretsTimeout,
    SecretStore,
    SecretsUnavailable,
    classify,
)
from personamgr.core.services import Services

CREDS = {"access_token": "1234-tok3nvalue", "access_token_secret": "s3cr3t-value-xyz"}


class LockedRefusingKeyring(LockedKeyring):
    """Locked for writes; reads fail the way a D-Bus error does."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("D-Bus said no")


class NotHereKeyring(MemoryKeyring):
    """A secure backend that declines a write the way keyring's chainer falls through on."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError


class FixedChain(chainer.ChainerBackend):
    """keyring's real chainer over a chosen list of backends (it normally picks every viable one)."""

    viable = False  # the chainer declares itself always viable; this one must never be auto-detected

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805
        raise RuntimeError("a test-only keyring backend, never chosen automatically")

    def __init__(self, *backends: KeyringBackend) -> None:
        super().__init__()
        self._chosen = list(backends)

    @property
    def backends(self) -> list[KeyringBackend]:  # type: ignore[override]
        return self._chosen


@pytest.fixture
def plaintext(tmp_path: Path) -> PlaintextKeyring:
    kr = PlaintextKeyring()
    kr.file_path = str(tmp_path / "keyring_pass.cfg")  # never the user's own file
    return kr


def test_fail_backend_is_unavailable_and_refused() -> None:
    store = SecretStore(fail.Keyring(), timeout=5)
    state = store.state()
    assert state.status is KeyringStatus.UNAVAILABLE and not state.usable
    assert "No secure credential store was found" in state.message
    with pytest.raises(SecretsUnavailable, match="No secure credential store was found"):
        store.set_credentials("uid1", CREDS)
    with pytest.raises(SecretsUnavailable):
        store.get_credentials("uid1")
    with pytest.raises(SecretsUnavailable):
        store.set_app_secret("x", {"consumer_secret": "abcdefgh"})


def test_plaintext_backend_is_insecure_and_nothing_is_written(plaintext: PlaintextKeyring, tmp_path: Path) -> None:
    store = SecretStore(plaintext, timeout=5)
    state = store.state()
    assert state.status is KeyringStatus.INSECURE
    assert "plain file" in state.message and "will not store" in state.message
    with pytest.raises(SecretsUnavailable, match="plain file"):
        store.set_credentials("uid1", CREDS)
    with pytest.raises(SecretsUnavailable):
        store.set_app_secret("x", {"consumer_secret": "abcdefgh"})
    assert not Path(plaintext.file_path).exists()
    assert list(tmp_path.iterdir()) == []


def test_chain_of_only_fail_and_plaintext_is_refused(plaintext: PlaintextKeyring) -> None:
    chain = FixedChain(plaintext, fail.Keyring())
    assert classify(chain).status is KeyringStatus.INSECURE
    with pytest.raises(SecretsUnavailable):
        SecretStore(chain, timeout=5).set_credentials("uid", CREDS)
    assert not Path(plaintext.file_path).exists()


def test_a_chain_with_a_secure_store_never_falls_back_to_the_plaintext_file(plaintext: PlaintextKeyring) -> None:
    """keyring's chainer moves on to the next backend when one declines; the app must use only the secure one."""
    secure = NotHereKeyring()
    chain = FixedChain(secure, plaintext)
    assert classify(chain).status is KeyringStatus.SECURE
    with pytest.raises(SecretsError, match="cannot save the credentials"):
        SecretStore(chain, timeout=5).set_credentials("uid", CREDS)
    assert not Path(plaintext.file_path).exists()


def test_hanging_keyring_times_out_without_blocking_the_caller() -> None:
    hung = BlockingKeyring()
    store = SecretStore(hung, timeout=1.0)  # generous: finding the backend must not time out on a busy machine
    try:
        assert store.state().usable  # finding the backend does not call it
        for call in (lambda: store.set_credentials("uid", CREDS), lambda: store.get_credentials("uid"),
                     lambda: store.delete_credentials("uid")):
            with pytest.raises(SecretsTimeout, match=r"did not answer within .* It may be locked"):
                call()
            # The call really was stuck inside the keyring when we gave up on it.
            assert hung.entered.is_set() and not hung.release.is_set()
    finally:
        hung.release.set()


def test_locked_and_failing_keyrings_give_user_messages() -> None:
    store = SecretStore(LockedRefusingKeyring(), timeout=5)
    with pytest.raises(SecretsError, match="The keyring is locked, so personamgr could not save the credentials"):
        store.set_credentials("uid", CREDS)
    with pytest.raises(SecretsError, match="The keyring refused to read the credentials: D-Bus said no"):
        store.get_credentials("uid")


def test_round_trip_and_damaged_entries() -> None:
    kr = MemoryKeyring()
    store = SecretStore(kr, timeout=5)
    store.set_credentials("uid1", CREDS)
    store.set_credentials("uid2", {"access_token": "other-token-999"})
    assert store.get_credentials("uid1") == CREDS
    assert store.get_credentials("uid2") == {"access_token": "other-token-999"}
    assert store.get_credentials("uid3") is None
    assert set(kr.entries) == {("personamgr", "persona:uid1"), ("personamgr", "persona:uid2")}
    assert json.loads(kr.entries[("personamgr", "persona:uid1")]) == CREDS
    kr.entries[("personamgr", "persona:uid1")] = "{not json"
    with pytest.raises(SecretsError, match="damaged; reconnect the account"):
        store.get_credentials("uid1")
    assert store.delete_credentials("uid2") is True
    assert store.delete_credentials("uid2") is False


def test_deleting_a_persona_with_a_hung_keyring_still_deletes_it_and_says_what_is_left(services: Services) -> None:
    hung = BlockingKeyring()
    services.secrets = SecretStore(hung, timeout=0.3)
    p = services.store.add_persona(Persona(name="career", description="jobs"))
    try:
        warning = services.delete_persona(p)
    finally:
        hung.release.set()
    assert warning is not None and "could not be removed from the keyring" in warning
    assert services.store.personas() == []


def test_deleting_a_persona_without_a_keyring_is_silent(services: Services) -> None:
    """The profile's default store is keyring's fail backend: there is nothing to delete and nothing to warn about."""
    p = services.store.add_persona(Persona(name="career", description="jobs"))
    assert services.delete_persona(p) is None
    assert services.store.personas() == []


DEFAULT_BACKEND = textwrap.dedent(
    """
    import json
    from personamgr.core.secrets import SecretStore, SecretsError
    store = SecretStore(timeout=10)
    state = store.state()
    try:
        store.set_credentials("uid", {"access_token": "never-written-123"})
        refused = None
    except SecretsError as e:
        refused = str(e)
    print(json.dumps({"status": state.status.value, "backend": state.backend, "refused": refused}))
    """
)


def test_headless_machine_without_dbus_refuses_by_default(tmp_path: Path) -> None:
    """What keyring picks on its own with no D-Bus (here: the fail or the plaintext backend) is refused."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "PYTHON_KEYRING_BACKEND")
           and not k.startswith("XDG_")}
    env.update(HOME=str(home), DBUS_SESSION_BUS_ADDRESS="unix:path=" + str(tmp_path / "no-bus"))
    proc = subprocess.run([sys.executable, "-c", DEFAULT_BACKEND], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["status"] in ("unavailable", "insecure"), result
    assert result["refused"], result
    leaked = [p for p in home.rglob("*") if p.is_file() and b"never-written-123" in p.read_bytes()]
    assert leaked == []


def test_test_backends_are_never_auto_detected() -> None:
    mine = {TestOnlyBackend, MemoryKeyring, BlockingKeyring, BlockingChainKeyring, LockedKeyring, LockedRefusingKeyring,
            NotHereKeyring, FixedChain}
    assert not mine & set(KeyringBackend.get_viable_backends())
    assert not any(isinstance(b, tuple(mine)) for b in keyring.backend.get_all_keyring())
