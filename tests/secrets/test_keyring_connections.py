"""Every call personamgr makes to the Secret Service closes its D-Bus connection, refused or not.

keyring's Secret Service backend opens a connection for each call and closes it only once it has the collection;
a call refused there left its socket open until the garbage collector found it. A window left open beside a locked
keyring whose prompt is dismissed then held a socket per refusal, and a whole-suite run failed in whichever test
the collector happened to run in (ResourceWarning: unclosed socket, raised at the teardown of an unrelated
Mastodon test). The real gnome-keyring, on a D-Bus session of its own (tests/locked_keyring.py).
"""

from __future__ import annotations

import gc
import warnings
from collections.abc import Callable, Iterator

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from locked_keyring import available, locked_secret_service, on_bus, secret_service_on_own_bus

from personamgr.core.secrets import SecretsError, SecretsLocked, SecretStore

pytestmark = [pytest.mark.secret_service, pytest.mark.e2e]


@pytest.fixture
def bus_of_its_own(missing_real_part: Callable[[str], None]) -> Iterator[None]:
    if not available():
        missing_real_part("dbus-daemon and gnome-keyring-daemon are needed for a keyring of the test's own")
    yield


def unclosed_after(call: Callable[[], object]) -> list[str]:
    """The sockets ``call`` left for the garbage collector to close (what it said of each)."""
    gc.collect()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        call()
        gc.collect()
    return [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)]


def test_a_call_the_locked_keyring_refuses_closes_its_connection(bus_of_its_own: None) -> None:
    with locked_secret_service() as env, on_bus(env):
        store = SecretStore(SecretServiceKeyring())

        def read() -> None:
            with pytest.raises(SecretsLocked):  # no display: the unlock prompt cannot show, as if dismissed
                store.get_credentials("someone")

        assert unclosed_after(read) == []


def test_a_call_to_a_collection_that_is_not_there_closes_its_connection(bus_of_its_own: None) -> None:
    with secret_service_on_own_bus() as (env, _daemon), on_bus(env):
        backend = SecretServiceKeyring()
        backend.preferred_collection = "/org/freedesktop/secrets/collection/nowhere"  # as keyringrc.cfg may set it
        store = SecretStore(backend)

        def read() -> None:
            with pytest.raises(SecretsError):
                store.get_credentials("someone")

        assert unclosed_after(read) == []


def test_a_call_the_keyring_answers_still_reads_and_writes(bus_of_its_own: None) -> None:
    with secret_service_on_own_bus() as (env, _daemon), on_bus(env):
        store = SecretStore(SecretServiceKeyring())

        def both() -> None:
            store.set_credentials("someone", {"access_token": "tok-1"})
            assert store.get_credentials("someone") == {"access_token": "tok-1"}

        assert unclosed_after(both) == []


def test_the_network_tests_probe_of_a_refusing_keyring_leaves_no_socket(bus_of_its_own: None) -> None:
    """The network tests' keyring probe (net_helpers.secret_service_backend) asks twice, as the app does, and used
    keyring's backend as it comes: a first ask refused as gnome-keyring crashed mid-call under load left a socket
    that the collector found in the middle of a later test (a clean-clone CI run failed so in
    tests/x/test_x_connect_dialog.py: "unclosed <socket.socket ... raddr=/tmp/dbus-...>", the keyring having
    aborted on its own assertion in that second)."""
    from net_helpers import secret_service_backend

    with locked_secret_service() as env, on_bus(env):
        found: list[object] = []
        assert unclosed_after(lambda: found.append(secret_service_backend())) == []
        assert found == [None]  # refused both times: the locked keyring stores nothing
