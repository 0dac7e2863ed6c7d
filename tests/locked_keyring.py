"""A real gnome-keyring whose login collection is locked, on a private D-Bus session of its own.

The suite's own keyring stays unlocked for every other test: once a Secret Service collection is
locked, only its unlock prompt opens it again. So this one gets its own bus and daemon, and no
display: the prompt cannot show, and a request that needs the collection open is refused the way a
user's "Cancel" on the prompt is (keyring raises ``KeyringLocked``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import run_folder

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY")
PASSWORD = "personamgr-test"


def available() -> bool:
    return all(shutil.which(tool) for tool in ("dbus-daemon", "gnome-keyring-daemon"))


@contextmanager
def locked_secret_service() -> Iterator[dict[str, str]]:
    """Start dbus-daemon and gnome-keyring-daemon, lock the default collection, and yield the environment
    (``DBUS_SESSION_BUS_ADDRESS`` set, no display) that reaches them. Both processes end afterwards."""
    import secretstorage

    with secret_service_on_own_bus() as (env, _daemon):
        with on_bus(env):
            _lock_default_collection(secretstorage)
        yield env


# A session bus that starts no service by itself: once the keyring daemon on it stops, no Secret Service answers
# (the standard session bus would start a fresh gnome-keyring-daemon, as a desktop may or may not).
_NO_ACTIVATION = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir={home}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


# A session bus that starts services as the standard one (--session) does, from the system's service files, but
# listens in its own folder: the standard one's socket is made in /tmp, where a killed run left it.
_STARTING = _NO_ACTIVATION.replace("  <policy", "  <standard_session_servicedirs />\n  <policy", 1)


# A session bus whose Secret Service is the test keyring, started (again) on demand, unlocked, with the same data:
# as a desktop's bus starts gnome-keyring again after it stopped. Each start appends its pid to {home}/pids.
_RESTARTING = _NO_ACTIVATION.replace("  <policy", "  <servicedir>{home}/services</servicedir>\n  <policy", 1)
_START_KEYRING = """#!/bin/bash
echo $$ >>"{home}/pids"
export HOME="{home}" XDG_DATA_HOME="{home}/data"
exec gnome-keyring-daemon --foreground --unlock --components=secrets < <(printf '%s' "{password}") >/dev/null 2>&1
"""


@contextmanager
def restarting_secret_service() -> Iterator[tuple[dict[str, str], Path]]:
    """A bus of its own that starts an unlocked gnome-keyring whenever the Secret Service is asked for, the first
    time and after it stopped; yields the environment that reaches it and the file of the keyring's pids (the
    last one is running). Both end afterwards."""
    home = run_folder.mkdtemp("restarting-keyring.")
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    env.update(HOME=str(home), XDG_DATA_HOME=f"{home}/data", XDG_RUNTIME_DIR=str(home))
    (home / "services").mkdir()
    start = home / "start-keyring"
    start.write_text(_START_KEYRING.format(home=home, password=PASSWORD), encoding="utf-8")
    start.chmod(0o700)
    (home / "services" / "org.freedesktop.secrets.service").write_text(
        f"[D-BUS Service]\nName=org.freedesktop.secrets\nExec={start}\n", encoding="utf-8")
    (home / "bus.conf").write_text(_RESTARTING.format(home=home), encoding="utf-8")
    bus = subprocess.Popen(["dbus-daemon", f"--config-file={home}/bus.conf", "--nofork", "--print-address=1"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        yield env, home / "pids"
    finally:
        pids = (home / "pids").read_text().split() if (home / "pids").exists() else []
        for pid in pids:
            with suppress(ProcessLookupError):
                os.kill(int(pid), signal.SIGTERM)
        bus.terminate()
        bus.wait(10)
        if bus.stdout is not None:
            bus.stdout.close()
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def secret_service_on_own_bus(*, activation: bool = True) -> Iterator[tuple[dict[str, str], subprocess.Popen[str]]]:
    """Start dbus-daemon and an unlocked gnome-keyring-daemon on it; yield the environment that reaches them (no
    display) and the keyring daemon, which the caller may stop. Without ``activation`` the bus starts no service
    by itself. Both processes end afterwards."""
    home = str(run_folder.mkdtemp("own-keyring."))
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    env.update(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_RUNTIME_DIR=home)
    with open(f"{home}/bus.conf", "w", encoding="utf-8") as f:
        f.write((_STARTING if activation else _NO_ACTIVATION).format(home=home))
    bus = subprocess.Popen(["dbus-daemon", f"--config-file={home}/bus.conf", "--nofork", "--print-address=1"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    daemon = None
    try:
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        assert env["DBUS_SESSION_BUS_ADDRESS"], f"dbus-daemon did not start (is {home} too long for a socket?)"
        daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                  env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        assert daemon.stdin is not None and daemon.stdout is not None
        daemon.stdin.write(PASSWORD)
        daemon.stdin.close()
        # It prints its environment once it has read the password and made the login collection; asking the
        # bus before then can leave the "default" alias pointing at a collection that never appears.
        daemon.stdout.readline()
        yield env, daemon
    finally:
        for proc in (daemon, bus):
            if proc is not None:
                proc.terminate()
                proc.wait(10)
        for pipe in (bus.stdout, daemon.stdout if daemon is not None else None):
            if pipe is not None:
                pipe.close()
        shutil.rmtree(home, ignore_errors=True)


def _lock_default_collection(secretstorage) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 20
    while True:
        try:
            with closing(secretstorage.dbus_init()) as connection:
                collection = secretstorage.Collection(connection)  # the "default" alias; never made here
                collection.lock()
                assert collection.is_locked()
                return
        except (secretstorage.exceptions.SecretServiceNotAvailableException,
                secretstorage.exceptions.ItemNotFoundException):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def is_locked(env: dict[str, str]) -> bool:
    """Whether the default collection on ``env``'s bus is (still) locked."""
    import secretstorage

    with on_bus(env), closing(secretstorage.dbus_init()) as connection:
        return bool(secretstorage.Collection(connection).is_locked())


def unlock(env: dict[str, str]) -> None:
    """Unlock the default collection on ``env``'s bus with its password, as the user does at the desktop's
    prompt: through gnome-keyring's own interface for that, since no prompt can show here."""
    import secretstorage
    from secretstorage.util import DBusAddressWrapper

    with on_bus(env), closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.Collection(connection)
        service = DBusAddressWrapper("/org/freedesktop/secrets", "org.freedesktop.Secret.Service", connection)
        _output, session = service.call("OpenSession", "sv", "plain", ("s", ""))
        internal = DBusAddressWrapper("/org/freedesktop/secrets",
                                      "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface", connection)
        internal.call("UnlockWithMasterPassword", "o(oayays)", collection.collection_path,
                      (session, b"", PASSWORD.encode(), "text/plain"))


@contextmanager
def on_bus(env: dict[str, str]) -> Iterator[None]:
    """secretstorage finds the bus by the environment variable: point it at ``env``'s for a while."""
    saved = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = env["DBUS_SESSION_BUS_ADDRESS"]
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = saved
