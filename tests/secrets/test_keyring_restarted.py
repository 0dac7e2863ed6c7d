"""A gnome-keyring that stops in the middle of a call, and the bus starts it again: the real daemon, killed while
our request waits in its queue, on a bus of its own (tests/locked_keyring.py).

gnome-keyring 42 aborts on its own assertion when a client hangs up while a property read of its waits
(``invoke_get_property_in_idle_cb``); the suite's keyring did so under load, and a user's may too. The desktop's bus
starts it again at the next request. The request that was in flight is answered by the bus instead
("org.freedesktop.DBus.Error.NoReply"): personamgr asks once more before it says the keyring stopped.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from locked_keyring import available, on_bus, restarting_secret_service

from personamgr.core.secrets import SecretStore

pytestmark = [pytest.mark.secret_service, pytest.mark.e2e]

CREDENTIALS = {"access_token": "tok-metal", "server": "fosstodon.example"}


def watch_requests_to_the_keyring(env: dict[str, str]) -> tuple[threading.Event, Callable[[], None]]:
    """An event set when the bus hands the Secret Service a method call (a monitor connection sees every one)."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    monitor = open_dbus_connection(bus=env["DBUS_SESSION_BUS_ADDRESS"])
    bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                      interface="org.freedesktop.DBus.Monitoring")
    monitor.send_and_get_reply(new_method_call(
        bus, "BecomeMonitor", "asu", (["type='method_call',destination='org.freedesktop.secrets'"], 0)))
    seen = threading.Event()
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                monitor.receive(timeout=0.2)
            except TimeoutError:
                continue
            except Exception:  # the connection closed: the test is over
                return
            seen.set()

    thread = threading.Thread(target=listen, name="keyring monitor", daemon=True)
    thread.start()

    def close() -> None:
        stop.set()
        thread.join(10)
        monitor.close()

    return seen, close


def running_pid(pids: Path) -> int:
    return int(pids.read_text().split()[-1])


def test_a_keyring_that_stops_mid_call_and_is_started_again_is_asked_once_more(
        missing_real_part: Callable[[str], None]) -> None:
    """Reading a persona's credentials while gnome-keyring crashed failed with "the keyring is not running — posts
    wait until it is started again" though the bus had started it again a moment later; a post went to waiting
    and a connect said the keyring stopped. The call is made once more, and reads the credentials. The daemon is
    stopped before our first request reaches it, so the request is certainly in flight when it dies."""
    if not available():
        missing_real_part("dbus-daemon and gnome-keyring-daemon are needed for a keyring of the test's own")
    with restarting_secret_service() as (env, pids), on_bus(env):
        store = SecretStore(SecretServiceKeyring(), timeout=60)
        store.set_credentials("metal", CREDENTIALS)
        assert store.state().usable
        first = running_pid(pids)
        seen, close_monitor = watch_requests_to_the_keyring(env)
        os.kill(first, signal.SIGSTOP)  # it takes our requests and never answers them
        try:
            with ThreadPoolExecutor(1) as pool:
                reading = pool.submit(store.get_credentials, "metal")
                assert seen.wait(60), "the request never reached the keyring"
                os.kill(first, signal.SIGKILL)  # the bus answers the waiting call: NoReply
                assert reading.result(timeout=120) == CREDENTIALS
        finally:
            close_monitor()
        assert running_pid(pids) != first  # read from the keyring the bus started again
