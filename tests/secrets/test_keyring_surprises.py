"""Secrets that are not what personamgr wrote, and a keyring daemon that stops: the real gnome-keyring, each on a
D-Bus session of its own (tests/locked_keyring.py), so stopping it leaves the suite's keyring alone.

An entry under our service may hold what another version or another program wrote there (a list, a bare string,
an empty value); the Secret Service may stop while the window or the daemon runs (a crash, a logout of another
session). Each is said in words, the post waits or fails with a way out, and nothing the user wrote is lost.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from locked_keyring import available, on_bus, secret_service_on_own_bus

from personamgr.core.networks.x.auth import APP_SECRET_NAME, saved_app
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SERVICE, SecretStore
from personamgr.core.services import open_services
from personamgr.gui.keyring_status import short_text

pytestmark = [pytest.mark.secret_service, pytest.mark.e2e]

# What another version or program may have left under our service: valid JSON that is not our object, or nothing.
NOT_OURS = ["", "[]", '"tok3n"', "42", "null", '{"access_token": {"kind": "oauth2"}}']


@pytest.fixture
def own_keyring(missing_real_part: Callable[[str], None]) -> Iterator[tuple[dict[str, str], subprocess.Popen[str]]]:
    """An unlocked gnome-keyring on a bus that starts no service by itself: once stopped, it stays stopped."""
    if not available():
        missing_real_part("dbus-daemon and gnome-keyring-daemon are needed for a keyring of the test's own")
    with secret_service_on_own_bus(activation=False) as (env, daemon):
        yield env, daemon


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "personamgr", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def connected_profile(env: dict[str, str], root: Path, mastodon: FakeMastodon) -> dict[str, str]:
    """A profile whose persona ``metal`` is connected to ``mastodon`` (its token in the keyring on ``env``'s bus);
    the environment the CLI needs to reach both."""
    svc = open_services(AppPaths.resolve(root).ensure(), secrets=SecretStore())
    svc.store.add_persona(Persona(name="metal", topics=("guitars",), network="mastodon"))
    svc.close()
    token = mastodon.add_token(mastodon.add_account("metal"))
    cli_env = {**env, "PERSONAMGR_MASTODON_URL": mastodon.base_url, "PERSONAMGR_HOME": str(root)}
    r = run(["connect", "--persona", "metal", "--tokens-stdin"], cli_env,
            json.dumps({"server": "fosstodon.example", "access_token": token}))
    assert r.returncode == 0, r.stderr
    return cli_env


def entries(env: dict[str, str]) -> list[str]:
    """The user names of every item under our service on ``env``'s bus."""
    import secretstorage

    with on_bus(env):
        con = secretstorage.dbus_init()
        try:
            items = secretstorage.get_default_collection(con).search_items({"service": SERVICE})
            return [str(item.get_attributes().get("username")) for item in items]
        finally:
            con.close()


@pytest.mark.parametrize("value", NOT_OURS, ids=["empty", "list", "string", "number", "null", "nested"])
def test_a_persona_entry_personamgr_did_not_write_is_said_damaged_and_the_post_kept(
        own_keyring: tuple[dict[str, str], subprocess.Popen[str]], tmp_path: Path, value: str) -> None:
    """A keyring entry for the persona holding JSON that is not an object ("[]", a bare string, null) made
    ``post`` say "something unexpected went wrong (AttributeError: 'list' object has no attribute 'values')":
    a bug report for a keyring that another program or version wrote."""
    env, _daemon = own_keyring
    with FakeMastodon() as m:
        cli_env = connected_profile(env, tmp_path / "profile", m)
        [name] = entries(env)
        with on_bus(env):
            SecretServiceKeyring().set_password(SERVICE, name, value)
        r = run(["post", "--persona", "metal", "--anyway", "Gig tonight at the Roxy"], cli_env)
        assert r.returncode == 1 and "Traceback" not in r.stderr and "unexpected" not in r.stderr, r.stderr
        assert "The credentials stored for this persona are damaged; reconnect the account." in r.stderr, r.stderr
        assert m.statuses == []
        listed = run(["posts", "list"], cli_env)
        assert "Gig tonight at the Roxy" in listed.stdout  # kept, to send once reconnected


@pytest.mark.parametrize("value", NOT_OURS, ids=["empty", "list", "string", "number", "null", "nested"])
def test_saved_developer_app_keys_personamgr_did_not_write_are_asked_for_again(
        own_keyring: tuple[dict[str, str], subprocess.Popen[str]], value: str) -> None:
    """The X developer app's keys under our service, in a shape we did not write, raised JSONDecodeError or
    AttributeError out of the connect dialog's worker; they are treated as not saved, and asked for again (saving
    them replaces the entry)."""
    env, _daemon = own_keyring
    with on_bus(env):
        backend = SecretServiceKeyring()
        backend.set_password(SERVICE, f"app:{APP_SECRET_NAME}", value)
        assert saved_app(SecretStore(backend, timeout=15)) is None


def test_the_keyring_stopping_while_the_app_runs_keeps_the_post_waiting_and_says_why(
        own_keyring: tuple[dict[str, str], subprocess.Popen[str]], tmp_path: Path) -> None:
    """The Secret Service stopped while the window (or the daemon) ran: the scheduled post FAILED with "The keyring
    refused to read the credentials: Failed to create the collection: The name org.freedesktop.secrets was not
    provided by any .service files.". The keyring is gone for now, as when it is locked: the post waits, and the
    message says what to do."""
    env, daemon = own_keyring
    with FakeMastodon() as m:
        cli_env = connected_profile(env, tmp_path / "profile", m)
        with on_bus(env):
            svc = open_services(AppPaths.resolve(tmp_path / "profile"),
                                secrets=SecretStore(SecretServiceKeyring(), timeout=15))
            try:
                persona = svc.store.persona("metal")
                post = svc.outbox.create(persona.uid, "New strings for the Les Paul")
                daemon.kill()
                daemon.wait(10)
                after = svc.poster.send(post.id)
                state = svc.secrets.state()
            finally:
                svc.close()
        assert after.state is PostState.SCHEDULED, (after.state, after.error)
        assert after.next_attempt_at is not None
        assert after.error is not None and "metal" in after.error and "waits" in after.error, after.error
        assert "org.freedesktop" not in after.error and "collection" not in after.error, after.error
        # The window's keyring line says it too (it said "Credentials: the Secret Service keyring", as if all was well).
        assert not state.usable and state.stopped
        assert short_text(state) == ("bad", "Credentials: the Secret Service keyring (GNOME Keyring / KWallet) is not "
                                            "running — posts wait until it is started again")
        # A process started after it stopped finds no secure keyring at all, and says so; the post is kept.
        r = run(["post", "--persona", "metal", "--anyway", "Gig tonight at the Roxy"], cli_env)
        assert r.returncode == 1 and "Traceback" not in r.stderr and "unexpected" not in r.stderr, r.stderr
        assert "keyring" in r.stderr, r.stderr
        listed = run(["posts", "list"], cli_env).stdout
        assert "Gig tonight at the Roxy" in listed and "New strings for the Les Paul" in listed, listed


class VanishingEntryKeyring(SecretServiceKeyring):
    """The real Secret Service backend, reading an entry another program deleted between the search and the read:
    the running gnome-keyring answers that the item does not exist (secretstorage's ItemNotFoundException)."""

    def get_password(self, service: str, username: str) -> str | None:
        import secretstorage

        con = secretstorage.dbus_init()
        try:
            gone = secretstorage.get_default_collection(con).collection_path + "/4242"
            return secretstorage.Item(con, gone).get_secret().decode()
        finally:
            con.close()


def test_an_error_from_a_running_keyring_is_not_said_to_be_a_stopped_keyring(
        own_keyring: tuple[dict[str, str], subprocess.Popen[str]]) -> None:
    """Any secretstorage or jeepney error counted as "the keyring stopped": an entry deleted mid-read, answered by
    the running gnome-keyring, made the post wait "until the keyring is started again", and the window said the
    keyring was not running. Only a Secret Service that is not there is a stopped one; the running keyring's own
    answer is said as a refusal, in its words."""
    from personamgr.core.secrets import SecretsError, SecretsStopped

    env, _daemon = own_keyring
    with on_bus(env):
        store = SecretStore(VanishingEntryKeyring(), timeout=15)
        with pytest.raises(SecretsError) as raised:
            store.get_credentials("p-1")
        assert not isinstance(raised.value, SecretsStopped), str(raised.value)
        assert "refused to read" in str(raised.value) and "does not exist" in str(raised.value), str(raised.value)
        assert store.state().usable
