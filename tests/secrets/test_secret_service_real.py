"""Credentials in the real Secret Service (gnome-keyring in the private D-Bus session scripts/test starts).

Skipped when no Secret Service answers, unless PERSONAMGR_REQUIRE_REAL_PARTS=1 (as under scripts/test),
where a missing Secret Service fails the run instead.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from personamgr.core.clock import FakeClock
from personamgr.core.logs import setup_logging
from personamgr.core.networks.base import Account, AuthError, OutgoingPost, Published
from personamgr.core.networks.links import PostLink
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.persona_file import save_personas
from personamgr.core.personas import Persona
from personamgr.core.secrets import KeyringStatus, SecretStore, call_with_timeout, classify, closing_when_refused
from personamgr.core.services import Services, open_services

pytestmark = pytest.mark.secret_service


@pytest.fixture
def secret_service(missing_real_part: Callable[[str], None]) -> KeyringBackend:
    """keyring's SecretService backend, proven to answer a write and a read, or skip/fail."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        missing_real_part("no D-Bus session (run the suite through scripts/test, which starts one)")
    try:
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring

        backend = closing_when_refused(SecretServiceKeyring())
        probe_user = f"probe-{uuid.uuid4().hex}"

        def probe() -> str | None:
            backend.set_password("personamgr-test-probe", probe_user, "probe")
            try:
                return backend.get_password("personamgr-test-probe", probe_user)
            finally:
                backend.delete_password("personamgr-test-probe", probe_user)

        answer = call_with_timeout(probe, 15, "probe the Secret Service")
    except Exception as e:
        missing_real_part(f"the Secret Service is not usable here: {type(e).__name__}: {e}")
        raise  # unreachable: skip or fail raised
    if answer != "probe":
        missing_real_part(f"the Secret Service answered {answer!r} to a probe")
    return backend


@pytest.fixture
def secrets(secret_service: KeyringBackend) -> Iterator[SecretStore]:
    """A store on a service name of its own, emptied afterwards."""
    store = SecretStore(secret_service, service=f"personamgr-test-{uuid.uuid4().hex[:8]}", timeout=15)
    yield store
    _entries(store.service, delete=True)


def _entries(service: str, *, delete: bool = False) -> list[dict[str, str]]:
    """The attributes of every Secret Service item of ``service``, read straight over D-Bus."""
    import secretstorage

    con = secretstorage.dbus_init()
    try:
        items = list(secretstorage.get_default_collection(con).search_items({"service": service}))
        attrs = [dict(item.get_attributes()) for item in items]
        if delete:
            for item in items:
                item.delete()
        return attrs
    finally:
        con.close()


def test_classify_says_secure_for_the_secret_service(secret_service: KeyringBackend) -> None:
    state = classify(secret_service)
    assert state.status is KeyringStatus.SECURE
    assert "Secret Service" in state.message
    # keyring's own choice in this session is the Secret Service too, so the app's default store works.
    assert classify(keyring.get_keyring()).status is KeyringStatus.SECURE


def test_round_trip_per_persona(secrets: SecretStore) -> None:
    a, b = uuid.uuid4().hex, uuid.uuid4().hex
    secrets.set_credentials(a, {"access_token": "111-aaaaaaaa", "access_token_secret": "ssssssss-a"})
    secrets.set_credentials(b, {"access_token": "222-bbbbbbbb", "access_token_secret": "ssssssss-b"})
    assert secrets.get_credentials(a) == {"access_token": "111-aaaaaaaa", "access_token_secret": "ssssssss-a"}
    assert secrets.get_credentials(b) == {"access_token": "222-bbbbbbbb", "access_token_secret": "ssssssss-b"}
    secrets.set_credentials(a, {"access_token": "333-replaced"})
    assert secrets.get_credentials(a) == {"access_token": "333-replaced"}
    labels = {attrs["username"] for attrs in _entries(secrets.service)}
    assert labels == {f"persona:{a}", f"persona:{b}"}  # one entry per persona, keyed by its uid
    assert secrets.delete_credentials(a) is True
    assert secrets.get_credentials(a) is None
    assert secrets.get_credentials(b) is not None
    secrets.set_app_secret("x", {"consumer_key": "ck-123456", "consumer_secret": "cs-123456"})
    assert secrets.get_app_secret("x") == {"consumer_key": "ck-123456", "consumer_secret": "cs-123456"}


def test_deleting_a_persona_deletes_its_secrets(secrets: SecretStore, profile_paths: AppPaths,
                                               clock: FakeClock) -> None:
    svc = open_services(profile_paths, secrets=secrets, clock=clock)
    try:
        career = svc.store.add_persona(Persona(name="career", description="jobs"))
        metal = svc.store.add_persona(Persona(name="metal", description="riffs"))
        svc.secrets.set_credentials(career.uid, {"access_token": "career-token-1"})
        svc.secrets.set_credentials(metal.uid, {"access_token": "metal-token-2"})
        assert svc.delete_persona(career) is None
        assert svc.secrets.get_credentials(career.uid) is None
        assert svc.secrets.get_credentials(metal.uid) == {"access_token": "metal-token-2"}
        assert {e["username"] for e in _entries(secrets.service)} == {svc.secrets.entry_name(metal.uid)}
        assert [p.name for p in svc.store.personas()] == ["metal"]
    finally:
        svc.close()


@dataclass
class CredentialedNetwork:
    """A real ``Network`` that needs credentials, checks them, and logs the way HTTP libraries do."""

    clock: FakeClock
    expected: dict[str, str]
    name: str = "locked-down"
    display_name: str = "Network that needs credentials"
    needs_credentials: bool = True
    seen: list[dict[str, str]] = field(default_factory=list)

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        creds = dict(account.credentials or {})
        self.seen.append(creds)
        # What requests/tweepy would log at DEBUG, and a careless INFO line: neither may reach the log file.
        logging.getLogger("requests.packages.urllib3").debug("headers: Authorization: OAuth oauth_token=%s",
                                                             creds.get("access_token"))
        logging.getLogger("personamgr.test.network").info("posting with %s", creds)
        if creds != self.expected:
            raise AuthError("bad credentials")
        return Published(remote_id="9001", url=None, at=self.clock.now(), part_ids=("9001",))

    def post_url(self, account: Account, remote_id: str) -> str | None:
        return None

    def read_link(self, link: str) -> PostLink | None:
        return None


def _leaks(paths: list[Path], secrets: list[str]) -> list[str]:
    found = []
    for p in paths:
        data = p.read_bytes()
        for s in secrets:
            for form in {s.encode(), s.encode("utf-16-le"), s.encode("unicode_escape")}:
                if form in data:
                    found.append(f"{p.name} contains {s!r}")
    return found


def test_secrets_leak_nowhere(secrets: SecretStore, profile_paths: AppPaths, clock: FakeClock,
                              tmp_path: Path) -> None:
    """Credentials stored in the real keyring and used for a post appear in no database, log or export."""
    creds = {"access_token": "7777-leakcheckTOKENvalue", "access_token_secret": "leakcheckSECRETvalue42"}
    setup_logging(profile_paths.log_file, verbose=True)
    svc = open_services(profile_paths, secrets=secrets, clock=clock)
    try:
        net = CredentialedNetwork(clock, creds)
        svc.networks[net.name] = net
        career = svc.store.add_persona(Persona(name="career", handle="@career_me", description="jobs",
                                               network=net.name))
        metal = svc.store.add_persona(Persona(name="metal", description="riffs"))
        svc.secrets.set_credentials(career.uid, creds)
        post = svc.outbox.create(career.uid, "Five questions for every interview.")
        assert svc.poster.send(post.id).state is PostState.SENT
        assert net.seen == [creds]  # the credentials really went through the app
        sandbox_post = svc.outbox.create(metal.uid, "Riff of the day.")
        assert svc.poster.send(sandbox_post.id).state is PostState.SENT
        export = tmp_path / "export.toml"
        save_personas(export, svc.store.personas())
        logging.getLogger("personamgr").info("done")
        for h in logging.getLogger().handlers:
            h.flush()
        live = sorted(p for p in profile_paths.data.rglob("*") if p.is_file())  # db, -wal, -shm, sandbox db
        assert any(p.name.endswith("-wal") for p in live)
        assert _leaks([*live, export, *profile_paths.logs.rglob("*")], list(creds.values())) == []
    finally:
        svc.close()
        setup_logging(None)
    files = [p for p in (profile_paths.data, profile_paths.logs, profile_paths.config, profile_paths.cache)
             for p in p.rglob("*") if p.is_file()]
    assert _leaks(files, list(creds.values())) == []
    assert "posting with" in profile_paths.log_file.read_text(encoding="utf-8")  # the log did get the line


def test_with_the_real_keyring_the_cli_and_services_default_to_it(profile_paths: AppPaths, clock: FakeClock,
                                                                  secret_service: KeyringBackend) -> None:
    """``open_services`` without a store uses keyring's own choice, which is the Secret Service here."""
    svc: Services = open_services(profile_paths, clock=clock)
    try:
        assert svc.secrets.state().usable
    finally:
        svc.close()
