"""Faults around the database get their own words: a full disk, a read-only file or folder, a locked database,
a folder where the file should be and an empty file are never called damaged, and nothing intact is to be deleted.
Real files, a real small file system (tmpfs, mounted as root), real SQLite locks."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from db_locks import locked, say_locks_soon
from sqlalchemy.exc import OperationalError

from personamgr.core.clock import FakeClock
from personamgr.core.faults import Fault, data_folder_message, describe
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.services import open_services
from personamgr.core.store import Store, StoreError, marker_path

NEVER = ("damaged", "delete", "start afresh")  # words that would lead a user to throw away an intact database


def names(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM personas ORDER BY id")]
    finally:
        con.close()


def make_profile(path: Path, clock: FakeClock, *personas: str) -> None:
    st = Store.open(path, clock=clock)
    for n in personas:
        st.add_persona(Persona(name=n, description=f"about {n}"))
    st.close()


def assert_not_called_damaged(message: str) -> None:
    lowered = message.lower()
    assert not any(word in lowered for word in NEVER), message


# -- an empty file -----------------------------------------------------------------------------------------

def test_an_empty_file_where_a_profile_was_is_refused_not_taken_as_new(tmp_path: Path, clock: FakeClock) -> None:
    """The reported loss: a 0-byte database was opened as a new, empty profile, with no word that the personas
    were gone."""
    path = tmp_path / "personamgr.db"
    make_profile(path, clock, "career")
    assert marker_path(path).is_file()
    path.write_bytes(b"")  # a crash or a full disk cut it short
    with pytest.raises(StoreError) as e:
        Store.open(path, clock=clock)
    assert e.value.fault is Fault.EMPTY
    message = str(e.value)
    assert message.startswith(f"{path} is empty (0 bytes), but it held your profile (a profile was created here on "
                              "2026-01-05)")
    assert "to start afresh, delete the empty file" in message and "damaged" not in message
    assert path.stat().st_size == 0  # not silently made into a new database


def test_an_empty_file_of_an_older_profile_with_backups_is_refused_and_names_the_newest(
        tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    make_profile(path, clock, "career")
    marker_path(path).unlink()  # a profile from before the marker existed
    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / "personamgr-schema1-20260101T000000Z.db").write_bytes(path.read_bytes())
    path.write_bytes(b"")
    with pytest.raises(StoreError, match=r"Restore the newest copy, .*schema1-20260101T000000Z\.db") as e:
        Store.open(path, clock=clock, backups=backups)
    assert e.value.fault is Fault.EMPTY


def test_a_brand_new_empty_file_is_still_a_new_profile(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    path.touch()
    Store.open(path, clock=clock).close()
    assert names(path) == []


# -- a folder, a lock --------------------------------------------------------------------------------------

def test_a_folder_in_place_of_the_database(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    path.mkdir()
    (path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError) as e:
        Store.open(path, clock=clock)
    assert e.value.fault is Fault.FOLDER
    assert str(e.value) == (f"{path} is a folder, not a database file. Move that folder away (nothing in it was "
                            "changed), or use another data folder with --data-dir.")
    assert (path / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_database_locked_by_another_program(tmp_path: Path, clock: FakeClock,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    say_locks_soon(monkeypatch)
    path = tmp_path / "personamgr.db"
    make_profile(path, clock, "career")
    st = Store.open(path, clock=clock)  # open before the lock: the next write meets it
    try:
        with locked(path):
            with pytest.raises(StoreError) as opening:
                Store.open(path, clock=clock)
            assert opening.value.fault is Fault.LOCKED
            assert str(opening.value).startswith(f"{path} is locked by another program")
            assert_not_called_damaged(str(opening.value))
            with pytest.raises(OperationalError) as writing:
                st.add_persona(Persona(name="metal", description="x"))
            assert describe(writing.value, path) == str(opening.value)
    finally:
        st.close()
    assert names(path) == ["career"]



def test_with_quick_locks_a_write_of_personamgrs_own_that_holds_the_lock_longer_is_waited_for(
        tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' quick locks (db_locks) are quick for the test's lock alone. They shortened every wait of the test:
    on a slow machine one of personamgr's own writes (a draft, the scheduler's pass) held the lock a moment longer
    than that, and the next write was refused as "locked by another program" where there was none. Here the slow
    step is a write of the same store that keeps its lock for a second: the next write waits for it, as it would for
    the user, and goes in."""
    import threading

    say_locks_soon(monkeypatch)
    path = tmp_path / "personamgr.db"
    make_profile(path, clock, "career")
    st = Store.open(path, clock=clock)
    holding, release = threading.Event(), threading.Event()

    def slow_step() -> None:
        with st.begin() as con:
            con.exec_driver_sql("BEGIN IMMEDIATE")
            holding.set()
            release.wait(30)

    step = threading.Thread(target=slow_step)
    step.start()
    try:
        assert holding.wait(30), "the slow step never took the lock"
        threading.Timer(1.0, release.set).start()  # longer than a quick lock's wait
        st.add_persona(Persona(name="metal", description="x"))
    finally:
        release.set()
        step.join(30)
        st.close()
    assert names(path) == ["career", "metal"]

# -- a full disk, a read-only disk, permissions ------------------------------------------------------------

def test_a_full_disk_is_called_full_and_the_database_is_intact_afterwards(small_fs, clock: FakeClock) -> None:
    paths = AppPaths.resolve(small_fs.root / "profile").ensure()
    services = open_services(paths, clock=clock)
    services.store.add_persona(Persona(name="career", description="Careers"))
    small_fs.fill()
    with pytest.raises(OperationalError) as writing:  # a write meets the full disk ...
        services.store.add_persona(Persona(name="metal", description="x" * 20_000, examples=("y" * 20_000,) * 50))
    assert describe(writing.value, paths.database).startswith(f"the disk holding {paths.data} is full")
    with pytest.raises(StoreError) as beside:  # ... so does a second process while the first has it open (WAL)
        open_services(paths, clock=clock)
    assert beside.value.fault is Fault.FULL, str(beside.value)
    services.close()
    with pytest.raises(StoreError) as opening:  # ... and opening the profile again
        open_services(paths, clock=clock)
    assert opening.value.fault is Fault.FULL, str(opening.value)
    assert "Free some space and try again; what was saved before is intact." in str(opening.value)
    assert_not_called_damaged(str(opening.value))
    small_fs.free()
    again = open_services(paths, clock=clock)
    try:
        assert [p.name for p in again.store.personas()] == ["career"]
    finally:
        again.close()


def test_a_read_only_disk_is_called_read_only(small_fs, clock: FakeClock) -> None:
    paths = AppPaths.resolve(small_fs.root / "profile").ensure()
    open_services(paths, clock=clock).close()
    small_fs.read_only()
    try:
        with pytest.raises(StoreError) as e:
            open_services(paths, clock=clock)
    finally:
        small_fs.read_only(False)
    assert e.value.fault is Fault.READ_ONLY, str(e.value)
    assert "is mounted read-only" in str(e.value)
    assert_not_called_damaged(str(e.value))


def test_existing_data_folders_on_a_read_only_disk_are_not_said_to_be_uncreatable(small_fs) -> None:
    """QA #13: the window said "cannot create its data folder …: Read-only file system" for a folder that exists."""
    from personamgr.core.logs import setup_logging

    paths = AppPaths.resolve(small_fs.root / "profile").ensure()
    paths.data.chmod(0o755)  # ensure() must change it back, which a read-only disk refuses
    small_fs.read_only()
    try:
        with pytest.raises(OSError) as e:
            paths.ensure()
            setup_logging(paths.log_file)
        message = data_folder_message(e.value, paths.data)  # while the disk is still read-only
    finally:
        small_fs.read_only(False)
    assert "is mounted read-only" in message and "use another data folder" in message
    assert "create" not in message


def test_a_data_folder_that_cannot_be_created_or_written_in_says_which(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    error = OSError(20, "Not a directory")
    assert data_folder_message(error, blocker / "sub") == \
        f"personamgr cannot create its data folder {blocker / 'sub'}: Not a directory"
    assert data_folder_message(error, tmp_path) == f"personamgr cannot write in its data folder {tmp_path}: " \
        "Not a directory"


def test_folders_and_files_become_owner_only_even_if_they_existed(tmp_path: Path, clock: FakeClock) -> None:
    """Existing data and log folders at 0755 left the database and the logs world-readable."""
    paths = AppPaths.resolve(tmp_path / "profile")
    for folder in (paths.data, paths.logs, paths.config):
        folder.mkdir(parents=True, mode=0o755)
        folder.chmod(0o755)
    paths.database.write_bytes(b"")
    paths.database.chmod(0o644)
    paths.log_file.write_text("old line\n", encoding="utf-8")
    paths.log_file.chmod(0o644)
    from personamgr.core.logs import setup_logging

    services = open_services(paths, clock=clock)
    setup_logging(paths.log_file)
    try:
        services.store.add_persona(Persona(name="career", description="x"))
        mode = {p: stat.S_IMODE(p.stat().st_mode) for p in (paths.data, paths.logs, paths.config, paths.database,
                                                            paths.sandbox_database, paths.log_file)}
        assert mode == {paths.data: 0o700, paths.logs: 0o700, paths.config: 0o700, paths.database: 0o600,
                        paths.sandbox_database: 0o600, paths.log_file: 0o600}
        wal = paths.database.with_name("personamgr.db-wal")
        assert not wal.exists() or stat.S_IMODE(wal.stat().st_mode) == 0o600
    finally:
        setup_logging(None)
        services.close()
