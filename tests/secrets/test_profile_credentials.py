"""Credentials belong to a (profile, persona) pair, in the real Secret Service (gnome-keyring).

QA #1: keyring entries were named ``persona:<uid>`` and an export carries the uid, so a persona imported into
another profile posted with the first profile's login, and deleting it there deleted that login.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from personamgr.core import persona_import
from personamgr.core.archive import export_archive, import_archive
from personamgr.core.clock import FakeClock
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.persona_file import save_personas
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

pytestmark = pytest.mark.secret_service

CREDS = {"access_token": "tok-profile-a-123456", "access_token_secret": "sec-profile-a-123456"}


@pytest.fixture
def keyring_store(network_secrets: SecretStore, missing_real_part: Callable[[str], None]) -> SecretStore:
    """The real Secret Service on a service name of this test's own (emptied afterwards by the fixture)."""
    if getattr(network_secrets, "kind", "") != "secret-service":
        missing_real_part("no Secret Service reachable: run inside dbus-run-session with gnome-keyring")
    return network_secrets


def entry_names(store: SecretStore) -> set[str]:
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        items = secretstorage.get_default_collection(bus).search_items({"service": store.service})
        return {item.get_attributes()["username"] for item in items}


@pytest.fixture
def open_profile(tmp_path: Path, keyring_store: SecretStore, clock: FakeClock) -> Iterator[Callable[[str], Services]]:
    opened: list[Services] = []

    def open_(name: str) -> Services:
        svc = open_services(AppPaths.resolve(tmp_path / name).ensure(), secrets=keyring_store, clock=clock)
        opened.append(svc)
        return svc

    yield open_
    for svc in opened:
        svc.close()


def connect(svc: Services, name: str) -> Persona:
    """A persona on X whose account this profile connected (credentials in the keyring, account recorded)."""
    persona = svc.store.add_persona(Persona(name=name, handle="@chess_x", network="x", topics=("chess",)))
    svc.secrets.set_credentials(persona.uid, CREDS)
    svc.store.set_connection_state(persona.uid, "ok", "1234567")
    return persona


def test_an_imported_persona_neither_uses_nor_deletes_the_other_profiles_login(
        open_profile: Callable[[str], Services], keyring_store: SecretStore, tmp_path: Path) -> None:
    p2 = open_profile("p2")
    chess = connect(p2, "chessx")
    export = tmp_path / "p2-export.toml"
    save_personas(export, p2.store.personas())
    p5 = open_profile("p5")
    assert p5.secrets.entry_name(chess.uid) != p2.secrets.entry_name(chess.uid)
    persona_import.apply_import(p5.store, persona_import.read_plan(p5.store, export), p5.paths.backups, p5.clock)
    imported = p5.store.persona("chessx")
    assert imported.uid == chess.uid  # the same persona, as the export carries it

    assert p5.secrets.get_credentials(chess.uid) is None
    post = p5.outbox.create(chess.uid, "Locked keyring test: the Najdorf again.")
    result = p5.poster.send(post.id)
    assert result.state is PostState.FAILED and "chessx was not connected to an account" in (result.error or "")

    assert p5.delete_persona(imported) is None
    assert p2.secrets.get_credentials(chess.uid) == CREDS  # the first profile's login is untouched
    assert entry_names(keyring_store) == {p2.secrets.entry_name(chess.uid)}


def test_import_everything_into_another_profile_carries_no_login(
        open_profile: Callable[[str], Services], keyring_store: SecretStore, tmp_path: Path) -> None:
    a = open_profile("a")
    chess = connect(a, "chessx")
    export_archive(a, tmp_path / "everything.toml")
    b = open_profile("b")
    import_archive(b, tmp_path / "everything.toml")
    assert b.secrets.get_credentials(chess.uid) is None
    assert b.store.connection_state(chess.uid) == ("ok", None)  # nothing says it is linked to an account
    b.delete_persona(b.store.persona("chessx"))
    assert a.secrets.get_credentials(chess.uid) == CREDS


def test_an_entry_from_before_profiles_moves_to_the_profile_that_connected_it(
        open_profile: Callable[[str], Services], keyring_store: SecretStore, tmp_path: Path) -> None:
    legacy = SecretStore(keyring_store.backend, service=keyring_store.service, timeout=15)  # the old naming
    old = open_profile("old")
    chess = old.store.add_persona(Persona(name="chessx", handle="@chess_x", network="x", topics=("chess",)))
    old.store.set_connection_state(chess.uid, "ok", "1234567")
    legacy.set_credentials(chess.uid, CREDS)
    assert entry_names(keyring_store) == {f"persona:{chess.uid}"}

    # Another profile that only imported the persona does not take it, and leaves it where it is.
    other = open_profile("other")
    other.store.add_persona(chess)
    assert other.secrets.get_credentials(chess.uid) is None
    assert other.delete_persona(other.store.persona("chessx")) is None
    assert entry_names(keyring_store) == {f"persona:{chess.uid}"}

    # The profile that connected it reads it once under the old name, writes it under its own, then drops the old.
    assert old.secrets.get_credentials(chess.uid) == CREDS
    assert entry_names(keyring_store) == {old.secrets.entry_name(chess.uid)}
    assert old.secrets.get_credentials(chess.uid) == CREDS
    assert old.delete_persona(old.store.persona("chessx")) is None
    assert entry_names(keyring_store) == set()


def test_deleting_a_persona_connected_before_profiles_deletes_the_old_entry(
        open_profile: Callable[[str], Services], keyring_store: SecretStore) -> None:
    legacy = SecretStore(keyring_store.backend, service=keyring_store.service, timeout=15)
    svc = open_profile("old")
    chess = connect(svc, "chessx")
    svc.secrets.delete_credentials(chess.uid)
    legacy.set_credentials(chess.uid, CREDS)  # as the previous version left it, never read since
    assert svc.delete_persona(svc.store.persona("chessx")) is None
    assert entry_names(keyring_store) == set()


def test_a_copied_profile_folder_gets_its_own_id_and_no_accounts(
        tmp_path: Path, keyring_store: SecretStore, clock: FakeClock) -> None:
    a = open_services(AppPaths.resolve(tmp_path / "a").ensure(), secrets=keyring_store, clock=clock)
    chess = connect(a, "chessx")
    a_name = a.secrets.entry_name(chess.uid)
    a.close()
    shutil.copytree(tmp_path / "a", tmp_path / "copy")
    copy = open_services(AppPaths.resolve(tmp_path / "copy"), secrets=keyring_store, clock=clock)
    try:
        assert copy.secrets.entry_name(chess.uid) != a_name
        assert copy.secrets.get_credentials(chess.uid) is None
        assert copy.store.connection_state(chess.uid) == ("ok", None)  # as if imported: linked to nothing here
        post = copy.outbox.create(chess.uid, "Sent from the test copy?")
        assert "chessx was not connected to an account" in (copy.poster.send(post.id).error or "")
        copy.delete_persona(copy.store.persona("chessx"))
    finally:
        copy.close()
    a = open_services(AppPaths.resolve(tmp_path / "a"), secrets=keyring_store, clock=clock)
    try:  # the original is still itself
        assert a.secrets.entry_name(chess.uid) == a_name
        assert a.secrets.get_credentials(chess.uid) == CREDS
        assert a.store.connection_state(chess.uid) == ("ok", "1234567")
    finally:
        a.close()


def test_a_copy_does_not_take_the_originals_entry_from_before_profiles(
        tmp_path: Path, keyring_store: SecretStore, clock: FakeClock) -> None:
    legacy = SecretStore(keyring_store.backend, service=keyring_store.service, timeout=15)
    a = open_services(AppPaths.resolve(tmp_path / "a").ensure(), secrets=keyring_store, clock=clock)
    chess = connect(a, "chessx")
    a.secrets.delete_credentials(chess.uid)
    legacy.set_credentials(chess.uid, CREDS)  # connected before the upgrade, not read since
    a.close()
    shutil.copytree(tmp_path / "a", tmp_path / "copy")
    copy = open_services(AppPaths.resolve(tmp_path / "copy"), secrets=keyring_store, clock=clock)
    try:
        assert copy.secrets.get_credentials(chess.uid) is None
        assert entry_names(keyring_store) == {f"persona:{chess.uid}"}
    finally:
        copy.close()
    a = open_services(AppPaths.resolve(tmp_path / "a"), secrets=keyring_store, clock=clock)
    try:
        assert a.secrets.get_credentials(chess.uid) == CREDS
        assert entry_names(keyring_store) == {a.secrets.entry_name(chess.uid)}
    finally:
        a.close()


@pytest.mark.parametrize("how", ["moved", "symlinked"])
def test_a_moved_or_symlinked_profile_keeps_its_accounts(tmp_path: Path, keyring_store: SecretStore,
                                                         clock: FakeClock, how: str) -> None:
    a = open_services(AppPaths.resolve(tmp_path / "a").ensure(), secrets=keyring_store, clock=clock)
    chess = connect(a, "chessx")
    a_name = a.secrets.entry_name(chess.uid)
    a.close()
    there = tmp_path / f"elsewhere-{uuid.uuid4().hex[:6]}"
    if how == "moved":
        (tmp_path / "a").rename(there)
    else:
        there.symlink_to(tmp_path / "a")
    svc = open_services(AppPaths.resolve(there), secrets=keyring_store, clock=clock)
    try:
        assert svc.secrets.entry_name(chess.uid) == a_name
        assert svc.secrets.get_credentials(chess.uid) == CREDS
        assert svc.store.connection_state(chess.uid)[0] == "ok"
    finally:
        svc.close()
