"""Opening a database: create, migrate with a backup, and refuse what is not ours without touching it."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Connection
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable

from personamgr.core import schema
from personamgr.core.clock import FakeClock
from personamgr.core.personas import Persona
from personamgr.core.store import Store, StoreError, inspect_file


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its content hash: "unchanged" means byte for byte, side files included."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_db(path: Path, clock: FakeClock, *names: str) -> None:
    st = Store.open(path, clock=clock)
    for n in names:
        st.add_persona(Persona(name=n, description=f"about {n}"))
    st.close()
    assert not Path(f"{path}-wal").exists(), "closing the last connection should checkpoint the WAL away"


def user_version(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def set_user_version(path: Path, v: int) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA user_version={v}")
        con.commit()
    finally:
        con.close()


def test_new_database_gets_the_current_schema_version(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "sub" / "new.db"
    st = Store.open(path, clock=clock)
    try:
        assert st.schema_version() == schema.SCHEMA_VERSION
        st.add_persona(Persona(name="a", description="d"))
    finally:
        st.close()
    assert user_version(path) == schema.SCHEMA_VERSION
    reopened = Store.open(path, clock=clock)
    try:
        assert [p.name for p in reopened.personas()] == ["a"]
    finally:
        reopened.close()


def test_an_empty_file_is_treated_as_new(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    st = Store.open(path, clock=clock)
    try:
        assert st.schema_version() == schema.SCHEMA_VERSION
    finally:
        st.close()


def _add_colour_name(con: Connection) -> None:
    con.exec_driver_sql("ALTER TABLE personas ADD COLUMN colour_name TEXT NOT NULL DEFAULT 'blue'")


def test_migration_keeps_data_and_backs_up_first(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "data" / "personamgr.db"
    make_db(path, clock, "career", "metal")
    before = path.read_bytes()
    seen: list[bool] = []

    def step(con: Connection) -> None:
        # The backup exists before the migration touches anything.
        seen.append(any((tmp_path / "data" / "backups").glob("*.db")))
        _add_colour_name(con)

    target = schema.SCHEMA_VERSION + 1
    st = Store.open(path, clock=clock, migrations={schema.SCHEMA_VERSION: step}, target_version=target)
    try:
        assert st.schema_version() == target
        assert [p.name for p in st.personas()] == ["career", "metal"]
        with st.engine.connect() as con:
            assert con.exec_driver_sql("SELECT colour_name FROM personas").scalars().all() == ["blue", "blue"]
    finally:
        st.close()
    assert seen == [True]
    (backup,) = (tmp_path / "data" / "backups").glob("*.db")
    assert f"schema{schema.SCHEMA_VERSION}" in backup.name
    assert user_version(backup) == schema.SCHEMA_VERSION
    old = Store.open(backup, clock=clock)
    try:
        assert [p.name for p in old.personas()] == ["career", "metal"]
    finally:
        old.close()
    assert before != path.read_bytes()


def test_two_migrations_in_a_row(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "p.db"
    make_db(path, clock, "a")
    v = schema.SCHEMA_VERSION
    steps = {v: _add_colour_name,
             v + 1: lambda con: con.exec_driver_sql("UPDATE personas SET colour_name = 'red'")}
    st = Store.open(path, clock=clock, migrations=steps, target_version=v + 2)
    try:
        assert st.schema_version() == v + 2
        with st.engine.connect() as con:
            assert con.exec_driver_sql("SELECT name, colour_name FROM personas").all() == [("a", "red")]
    finally:
        st.close()


def test_failing_migration_leaves_the_database_at_the_old_version(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "p.db"
    make_db(path, clock, "career")

    def broken(con: Connection) -> None:
        _add_colour_name(con)  # DDL first: it must be rolled back with the rest
        con.exec_driver_sql("UPDATE personas SET name = 'renamed'")
        raise RuntimeError("step exploded")

    v = schema.SCHEMA_VERSION
    with pytest.raises(StoreError, match=rf"migrating from schema {v} failed \(step exploded\).*left at schema {v}"):
        Store.open(path, clock=clock, migrations={v: broken}, target_version=v + 1)
    assert user_version(path) == v
    st = Store.open(path, clock=clock)
    try:
        assert [p.name for p in st.personas()] == ["career"]
        with st.engine.connect() as con:
            cols = [r[1] for r in con.exec_driver_sql("PRAGMA table_info(personas)")]
        assert "colour_name" not in cols
    finally:
        st.close()
    assert list((tmp_path / "backups").glob("*.db")), "the backup is kept for the user"


def test_missing_migration_step_is_refused_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "p.db"
    make_db(path, clock, "a")
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match="no migration from schema"):
        Store.open(path, clock=clock, migrations={}, target_version=schema.SCHEMA_VERSION + 1)
    assert snapshot(tmp_path) == before


def test_newer_database_is_refused_byte_for_byte_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    make_db(path, clock, "career")
    set_user_version(path, schema.SCHEMA_VERSION + 1)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as e:
        Store.open(path, clock=clock)
    msg = str(e.value)
    assert "newer version of personamgr" in msg
    assert str(path) in msg
    assert "has not been changed" in msg
    assert snapshot(tmp_path) == before  # no -wal, no -shm, no backups folder


def test_newer_database_with_a_pending_wal_is_refused_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    """A database whose last writer crashed still has its -wal; the version may live only in there."""
    path = tmp_path / "personamgr.db"
    make_db(path, clock, "career")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 1}")
    writer.commit()
    try:
        assert Path(f"{path}-wal").stat().st_size > 0
        before = snapshot(tmp_path)
        with pytest.raises(StoreError, match="newer version"):
            Store.open(path, clock=clock)
        # The -shm is SQLite's shared-memory index; every reader updates its read marks. The data
        # (the database and its pending WAL) must be untouched.
        after = snapshot(tmp_path)
        assert {k: v for k, v in after.items() if not k.endswith("-shm")} == {
            k: v for k, v in before.items() if not k.endswith("-shm")}
        assert after.keys() == before.keys()
    finally:
        writer.close()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"personas: career, metal\n", "not an SQLite file"),
        (b"\x00" * 4096, "not an SQLite file"),
    ],
)
def test_not_sqlite_is_refused_unchanged(tmp_path: Path, clock: FakeClock, content: bytes, problem: str) -> None:
    path = tmp_path / "personamgr.db"
    path.write_bytes(content)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match=problem) as e:
        Store.open(path, clock=clock)
    assert str(path) in str(e.value)
    assert snapshot(tmp_path) == before


def test_corrupted_database_is_refused_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    st = Store.open(path, clock=clock)
    for i in range(300):
        st.add_persona(Persona(name=f"p{i}", description="x" * 200))
    st.close()
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[2 * page: 5 * page] = b"\xde\xad\xbe\xef" * (3 * page // 4)  # trash b-tree pages, keep the header
    path.write_bytes(bytes(data))
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match="is damaged") as e:
        Store.open(path, clock=clock)
    assert str(path) in str(e.value)
    assert "backups" in str(e.value)
    assert snapshot(tmp_path) == before


def test_a_database_sqlite_opens_but_finds_damaged_says_it_was_not_changed(tmp_path: Path, clock: FakeClock) -> None:
    """SQLite reads the file but its check fails (pages no table owns, left by an index whose entry in the schema
    was lost): the message says the file was not changed, as the start-up dialog leaves that to the message
    (d4ced6e; fails before with "... is damaged (*** in database main *** ...). Restore a copy ..." alone)."""
    path = tmp_path / "personamgr.db"
    st = Store.open(path, clock=clock)
    for i in range(300):
        st.add_persona(Persona(name=f"p{i}", description="x" * 200))
    st.close()
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA writable_schema=ON")
        index = con.execute("SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL").fetchone()[0]
        con.execute("DELETE FROM sqlite_master WHERE name = ?", (index,))
        con.commit()
    finally:
        con.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match="is damaged") as e:
        Store.open(path, clock=clock)
    assert str(path) in str(e.value) and "never used" in str(e.value)
    assert "It was not changed. Restore a copy from the backups folder" in str(e.value)
    assert snapshot(tmp_path) == before


def test_truncated_database_is_refused_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    make_db(path, clock, "a", "b")
    path.write_bytes(path.read_bytes()[:100])
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match="damaged"):
        Store.open(path, clock=clock)
    assert snapshot(tmp_path) == before


def test_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute("INSERT INTO recipes VALUES ('soup')")
    con.commit()
    con.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match="is an SQLite database but not a personamgr one") as e:
        Store.open(path, clock=clock)
    assert str(path) in str(e.value)
    assert snapshot(tmp_path) == before


def test_foreign_database_that_sets_user_version_is_refused_unchanged(tmp_path: Path, clock: FakeClock) -> None:
    """Other apps use user_version too; a version number alone does not make a file ours."""
    path = tmp_path / "personamgr.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
    con.commit()
    con.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match="not a personamgr one"):
        Store.open(path, clock=clock)
    assert snapshot(tmp_path) == before


def test_settings_and_change_notifications(store: Store) -> None:
    kinds: list[str] = []
    store.subscribe(kinds.append)
    assert store.get_setting("active_persona", "none") == "none"
    store.set_setting("active_persona", "abc")
    store.set_setting("active_persona", {"uid": "abc", "n": [1, 2]})
    assert store.get_setting("active_persona") == {"uid": "abc", "n": [1, 2]}
    store.add_persona(Persona(name="a", description="d"))
    assert kinds == ["settings", "settings", "personas"]
    with pytest.raises(TypeError):
        store.set_setting("bad", object())


def test_persona_crud_and_lookup(store: Store) -> None:
    from personamgr.core.personas import PersonaError
    from personamgr.core.store import PersonaNotFound

    a = store.add_persona(Persona(name="Career", description="d"))
    assert store.persona("career") == a
    assert store.persona(a.uid) == a
    with pytest.raises(PersonaError, match="already exists"):
        store.add_persona(Persona(name="CAREER", description="other"))
    b = store.update_persona(a.with_changes(description="new"))
    assert store.persona(a.uid).description == "new" == b.description
    store.set_connection_state(a.uid, "reconnect_needed", "12345")
    assert store.connection_state(a.uid) == ("reconnect_needed", "12345")
    store.delete_persona(a.uid)
    with pytest.raises(PersonaNotFound):
        store.persona("career")
    with pytest.raises(PersonaNotFound):
        store.delete_persona(a.uid)


def test_replace_personas_is_all_or_nothing(store: Store) -> None:
    from personamgr.core.personas import PersonaError

    store.add_persona(Persona(name="career", description="d"))
    store.add_persona(Persona(name="metal", description="d"))
    # Renaming career's uid onto the name "metal" clashes: nothing of the batch may land.
    career = store.persona("career")
    batch = [Persona(name="new", description="d"), Persona(name="metal", description="d", uid=career.uid)]
    with pytest.raises(PersonaError):
        store.replace_personas(batch)
    assert sorted(p.name for p in store.personas()) == ["career", "metal"]
    added, updated = store.replace_personas([Persona(name="NEW", description="d"),
                                            Persona(name="Career", description="changed")])
    assert (added, updated) == (1, 1)
    assert store.persona("career").uid == career.uid  # matched by name: identity (and keyring entry) kept
    assert store.persona("career").description == "changed"


def test_two_processes_opening_a_new_profile_at_once_both_succeed(tmp_path: Path) -> None:
    """Two launches (or the window and the daemon) racing to create the same database: one creates the
    schema, the other waits for it and uses it; neither fails with "table already exists"."""
    script = (
        "import sys, time\n"
        "from personamgr.core.store import Store\n"
        "t = float(sys.argv[2])\n"
        "while time.time() < t: pass\n"
        "st = Store.open(sys.argv[1])\n"
        "print(st.schema_version())\n"
    )
    for round_ in range(5):
        db = tmp_path / f"race{round_}" / "personamgr.db"
        start = time.time() + 1.0
        procs = [subprocess.Popen([sys.executable, "-c", script, str(db), str(start)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(3)]
        results = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], [err[-500:] for _, err in results]
        assert {out.strip() for out, _ in results} == {str(schema.SCHEMA_VERSION)}


@pytest.mark.parametrize("spill", ["header_not_written", "tables_without_version"])
def test_a_profile_half_way_through_creation_by_another_process_is_waited_for(tmp_path: Path, spill: str) -> None:
    """Another launch is creating the same profile: its pages reach the file before its commit (a cache spill),
    so an unlocked look sees no header, or tables with no version. Opening waits for the writer's lock and
    finds a good profile rather than calling the file foreign or damaged (the flaky two-launches failure)."""
    db = tmp_path / "personamgr.db"
    holding = threading.Event()

    def create_slowly() -> None:
        con = sqlite3.connect(db, isolation_level=None)
        con.execute("PRAGMA cache_size=1")  # spill every page to the file while the transaction is open
        con.execute("BEGIN IMMEDIATE")
        if spill == "tables_without_version":
            con.execute("CREATE TABLE warmup (a)")
            con.execute("COMMIT")  # the header is on disk now
            con.execute("BEGIN IMMEDIATE")
        for table in schema.metadata.sorted_tables:
            con.execute(str(CreateTable(table).compile(dialect=sqlite_dialect.dialect())))
        holding.set()
        time.sleep(0.5)
        con.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")
        con.execute("COMMIT")
        con.close()

    writer = threading.Thread(target=create_slowly)
    writer.start()
    assert holding.wait(10)
    assert db.stat().st_size > 0
    try:
        assert inspect_file(db) == schema.SCHEMA_VERSION
    finally:
        writer.join()
    assert sorted(f.name for f in tmp_path.iterdir()) == ["personamgr.db"]
