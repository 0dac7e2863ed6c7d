"""Real ``keyring`` backends for tests: in memory, blocking until released, and locked.

Each is a ``KeyringBackend`` subclass, so it goes through keyring's own API exactly like an OS store.
The app classifies a backend by its module (see ``personamgr.core.secrets.classify``): this module's
name looks like no plaintext or fail backend, so these all count as secure stores.

Every ``KeyringBackend`` subclass registers itself with keyring when it is defined. These never win
auto-detection (their priority raises, so keyring treats them as not viable), and the root
``tests/conftest.py`` forgets them as well, so ``keyring.get_keyring()`` elsewhere in the run only
ever picks a real backend.
"""

from __future__ import annotations

import threading

import keyring.errors
from jaraco.classes import properties
from keyring.backend import KeyringBackend

BLOCK_LIMIT_S = 60.0  # a blocked call gives up on its own after this, should a test forget to release it


class TestOnlyBackend(KeyringBackend):
    """A backend keyring never chooses by itself: asking for its priority raises, which means "not viable"."""

    __test__ = False  # a helper, not a test class (its name starts with "Test")

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805
        raise RuntimeError("a test-only keyring backend, never chosen automatically")


class MemoryKeyring(TestOnlyBackend):
    """A secure-classified backend that keeps secrets in this process (standing in for an OS store).

    Deleting a missing entry raises ``PasswordDeleteError``, as keyring's contract says.
    """

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class BlockingKeyring(MemoryKeyring):
    """A keyring whose every call blocks until ``release`` is set, like a locked Secret Service whose
    unlock prompt nobody answers. Once released it behaves as :class:`MemoryKeyring`.

    ``entered`` is set when a call has started waiting; ``calls`` counts the calls.
    """

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.entered = threading.Event()
        self.calls = 0

    def _block(self) -> None:
        self.calls += 1
        self.entered.set()
        self.release.wait(BLOCK_LIMIT_S)

    def get_password(self, service: str, username: str) -> str | None:
        self._block()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._block()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._block()
        super().delete_password(service, username)


class BlockingChainKeyring(BlockingKeyring):
    """A :class:`BlockingKeyring` that also looks like a chain whose ``backends`` list blocks the same way,
    so even finding out which store is in use (the app asks to classify it) hangs."""

    @property
    def backends(self) -> list[KeyringBackend]:
        self._block()
        return [self]


class LockedKeyring(TestOnlyBackend):
    """A locked keyring: every call raises ``KeyringLocked``."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")
