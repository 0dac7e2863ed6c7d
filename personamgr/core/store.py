"""SQLite storage through SQLAlchemy 2: the single source of truth for personas and posts.

Opening a database is careful about what it touches:

* a file written by a newer personamgr is refused and left exactly as it was
  (it is inspected read-only before anything else happens);
* a damaged file, or one that is not ours, is refused with a message naming it;
* an older schema is migrated only after the file has been copied to
  ``backups/``, and the migration runs in one transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import StaticPool

from personamgr.core import schema as s
from personamgr.core import search
from personamgr.core.clock import Clock, SystemClock, utc
from personamgr.core.faults import Fault, ProfileGone, classify, folder_message
from personamgr.core.i18n import translate
from personamgr.core.migrations import MIGRATIONS, Migration
from personamgr.core.personas import (
    MissedPolicy,
    Persona,
    PersonaError,
    QueueSlot,
    Sensitivity,
    ServerLimits,
    validate,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 15.0  # how long a write waits for another process' lock before saying the database is locked


class StoreError(RuntimeError):
    """The database cannot be used. The message says why and what to do; ``fault`` says which kind."""

    def __init__(self, message: str, fault: Fault = Fault.OTHER) -> None:
        super().__init__(message)
        self.fault = fault

    @classmethod
    def of(cls, error: BaseException, path: Path | None) -> StoreError:
        """The StoreError for a database or file error (``error`` re-raised when it is neither)."""
        found = classify(error, path)
        if found is None:
            raise error
        return cls(found[1], found[0])


class PersonaNotFound(LookupError):
    pass


def _naive_utc(dt: datetime | None) -> datetime | None:
    return None if dt is None else utc(dt).replace(tzinfo=None)


def marker_path(path: Path) -> Path:
    """Written beside the database once it holds a profile: an empty database file then means a truncated one."""
    return path.with_name(f".{path.name}.created")


def _empty_file(path: Path, backups: Path | None) -> StoreError | None:
    """The error for a 0-byte database where a profile was expected (None for a brand-new one).

    A crash, a full disk or an interrupted copy can leave the file empty; SQLite would take it for a new,
    empty database and the personas would silently be gone. A WAL file with data means SQLite can still
    read the database, so that case is left to it.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    marker = marker_path(path)
    copies = sorted(backups.glob("*.db"), key=lambda p: p.stat().st_mtime, reverse=True) \
        if backups and backups.is_dir() else []
    if not marker.exists() and not copies:
        return None
    since = ""
    try:
        since = translate("Store", " (a profile was created here on {date})").format(
            date=marker.read_text(encoding="utf-8").split()[0])
    except (OSError, IndexError):
        pass
    restore = (translate("Store", "Restore the newest copy, {copy}, ").format(copy=copies[0]) if copies
               else translate("Store", "Restore a copy of it from your own backups, "))
    return StoreError(translate(
        "Store", "{path} is empty (0 bytes), but it held your profile{since}: the file was cut short, by a "
        "crash, a full disk or an interrupted copy, and your personas and posts are not in it. "
        "{restore}or, to start afresh, delete the empty file. personamgr changed nothing.").format(
        path=path, since=since, restore=restore),
                      Fault.EMPTY)


def inspect_file(path: Path, backups: Path | None = None) -> int | None:
    """The schema version of an existing database file, read without changing it.

    Returns None when there is no file yet (or an empty one for a brand-new profile). Raises StoreError
    if it is not a SQLite database, is damaged, is not a personamgr database, or cannot be read, naming
    which (a full disk, a read-only or locked file, a folder in its place, an empty file that held a profile).

    The first look is "immutable" (no locks, so no -wal/-shm side files on a file we may refuse). That
    look can catch another process half-way through creating the same profile (a second launch, the
    daemon): a missing header, tables without a version. So a bad verdict about the contents is only
    final once a second look, which waits for the writer's lock like any reader, agrees.
    """
    try:
        if not path.exists():
            return None
        if path.is_dir():
            raise StoreError(folder_message(path), Fault.FOLDER)
        if path.stat().st_size == 0:
            empty = _empty_file(path, backups)
            if empty is not None:
                raise empty
            return None
    except OSError as e:
        raise StoreError.of(e, path) from None
    side_files = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    immutable = not side_files[0].exists()
    try:
        return _judge_file(path, immutable=immutable)
    except StoreError as e:
        if not immutable or e.fault not in (Fault.DAMAGED, Fault.OTHER):
            raise
    # A locked read of a WAL-mode file makes -wal and -shm files; a refused file is left as it was found.
    absent = [f for f in side_files if not f.exists()]
    try:
        return _judge_file(path, immutable=False)
    except StoreError:
        for f in absent:
            f.unlink(missing_ok=True)
        raise


def _judge_file(path: Path, *, immutable: bool) -> int | None:
    uri = f"{path.absolute().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            con.execute("BEGIN")  # one snapshot, under a shared lock unless immutable
            version = con.execute("PRAGMA user_version").fetchone()[0]
            check = con.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            con.execute("COMMIT")
        finally:
            con.close()
    except sqlite3.Error as e:
        error = StoreError.of(e, path)  # damaged only if SQLite says so (CORRUPT, NOTADB)
        if error.fault is Fault.DAMAGED and _header(path) != SQLITE_MAGIC:
            raise StoreError(translate(
                "Store", "{path} is not a personamgr database (it is not an SQLite file). Move it away or "
                "choose another data folder; it was not changed.").format(path=path)) from None
        raise error from None
    if check != "ok":
        raise StoreError(translate(
            "Store", "{path} is damaged ({check}). It was not changed. Restore a copy from the backups folder, or "
            "move it away to start afresh.").format(path=path, check=check), Fault.DAMAGED)
    # Other apps set user_version too: a file is ours only if it has our tables.
    if (version == 0 and tables) or (version > 0 and not {"personas", "posts"} <= tables):
        raise StoreError(translate(
            "Store", "{path} is an SQLite database but not a personamgr one; it was not changed.").format(
            path=path))
    return version or None


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_MAGIC))
    except OSError:
        return b""


def make_private(*paths: Path) -> None:
    """Owner-only (0600) files: a profile holds what the user wrote and whom they post as."""
    for p in paths:
        try:
            if p.exists() and p.stat().st_mode & 0o077:
                p.chmod(0o600)
        except OSError:
            pass  # another user's file on a shared folder: nothing to do here, the folder is 0700


DELETED = " (deleted)"  # what Linux appends to the path of an open file that was removed


def _where_open_file_is(identity: tuple[int, int]) -> str | None:
    """Where the open file ``identity`` (device, inode) is now, as the process' own file descriptors say (Linux's
    /proc follows a move; a removed file's path ends in :data:`DELETED`); None if that cannot be known."""
    fds = Path("/proc/self/fd")
    try:
        names = os.listdir(fds)
    except OSError:
        return None
    for name in names:
        try:
            if _file_identity(fds / name) == identity:
                return os.readlink(fds / name)
        except OSError:
            continue
    return None


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Store:
    """Personas, posts and settings. Thread-safe: workers and the GUI thread share one Store."""

    def __init__(self, engine: Engine, path: Path | None, clock: Clock) -> None:
        self.engine = engine
        self.path = path
        self.clock = clock
        self._listeners: list[Callable[[str], None]] = []
        self._lock = threading.Lock()
        self._opened_file: tuple[int, int] | None = None  # the database file opened (device, inode)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        clock: Clock | None = None,
        backups: Path | None = None,
        migrations: Mapping[int, Migration] | None = None,
        target_version: int | None = None,
    ) -> Store:
        """Open or create the database at ``path``, migrating it if it is older."""
        path = Path(path).absolute()
        try:
            return cls._open(path, clock or SystemClock(), backups or path.parent / "backups",
                             MIGRATIONS if migrations is None else migrations,
                             s.SCHEMA_VERSION if target_version is None else target_version)
        except (sqlite3.Error, DBAPIError, OSError) as e:
            raise StoreError.of(e, path) from None

    @classmethod
    def _open(cls, path: Path, clock: Clock, backups: Path, migrations: Mapping[int, Migration],
              target: int) -> Store:
        found = inspect_file(path, backups)
        if found is not None and found > target:
            raise StoreError(translate(
                "Store", "{path} was written by a newer version of personamgr (database schema {found}; this "
                "version understands up to {target}). Update personamgr to open it. The file has not "
                "been changed.").format(path=path, found=found, target=target))
        path.parent.mkdir(parents=True, exist_ok=True)
        if found is not None and found < target:
            missing = [v for v in range(found, target) if v not in migrations]
            if missing:
                raise StoreError(translate(
                    "Store", "{path}: no migration from schema {schema}; the file has not been changed.").format(
                    path=path, schema=missing[0]))
            backup = cls._backup(path, backups, found, clock)
        engine = cls._engine(f"sqlite:///{path}")
        store = cls(engine, path, clock)
        try:
            if found is None:
                store._create(target)
            elif found < target:
                try:
                    store._migrate(found, target, migrations)
                except (sqlite3.Error, DBAPIError, OSError):
                    raise
                except Exception as e:
                    raise StoreError(translate(
                        "Store", "{path}: migrating from schema {found} failed ({error}). The database was "
                        "left at schema {found}; a copy is at {backup}.").format(
                        path=path, found=found, error=e, backup=backup)) from e
            # The engine connects lazily: make sure the file can be written now, not at the user's first save.
            with engine.begin() as con:
                con.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            engine.dispose()
            raise
        store._mark_created()
        make_private(path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
        store._opened_file = _file_identity(path)
        return store

    def moved_away(self) -> bool:
        """Whether the database is no longer at the path it was opened from: its folder was moved, renamed or
        removed while the app ran. SQLite keeps the open file working, but it is no longer the profile a start
        opens (nor, once removed, one anybody will see again): nothing should be sent from it."""
        if self.path is None or self._opened_file is None:
            return False
        return _file_identity(self.path) != self._opened_file

    def ensure_in_place(self) -> None:
        """Raise :class:`ProfileGone` if the database was moved or removed (:meth:`moved_away`): what would be
        written now (a draft, a persona, a setting, a post sent) would go into a file nobody sees again. Every write
        of the store passes here (:meth:`begin`), and so do the profile's other files (core.settings)."""
        if self.moved_away():
            assert self.path is not None and self._opened_file is not None
            now = _where_open_file_is(self._opened_file)
            if now is None:  # not known (no /proc): said as a move, a rename or a removal
                raise ProfileGone(self.path)
            if now.endswith(DELETED):
                raise ProfileGone(self.path, removed=not self.path.exists())
            raise ProfileGone(self.path, moved_to=Path(now))

    def _mark_created(self) -> None:
        """Leave the marker that tells a truncated database from a new one (see inspect_file)."""
        assert self.path is not None
        marker = marker_path(self.path)
        if marker.exists():
            return
        try:
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(f"{self.clock.now():%Y-%m-%d} personamgr keeps this file beside "  # English: a file's words
                        f"{self.path.name}: if that file is ever found empty, it was cut short, not new.\n")
        except OSError:
            pass  # best effort: without it an empty database is still refused when backups exist

    @classmethod
    def memory(cls, clock: Clock | None = None) -> Store:
        """An in-memory store for tests and benchmarks."""
        engine = cls._engine("sqlite://", memory=True)
        store = cls(engine, None, clock or SystemClock())
        store._create(s.SCHEMA_VERSION)
        return store

    @staticmethod
    def _engine(url: str, memory: bool = False) -> Engine:
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": BUSY_TIMEOUT_S}}
        if memory:
            kwargs["poolclass"] = StaticPool
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_con: sqlite3.Connection, _record: object) -> None:
            search.register(dbapi_con)
            cur = dbapi_con.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if not memory:
                # WAL is a property of the file: set it once. Switching needs an exclusive lock, which
                # another process creating the same new profile may hold right now; SQLite picks the
                # mode up from the file at the next transaction, and a later open sets it if need be.
                if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    try:
                        cur.execute("PRAGMA journal_mode=WAL")
                    except sqlite3.OperationalError:
                        pass
                cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine

    @staticmethod
    def _backup(path: Path, folder: Path, version: int, clock: Clock) -> Path:
        """A consistent copy (SQLite's online backup, so WAL contents are included)."""
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
        dest = folder / f"{path.stem}-schema{version}-{stamp}.db"
        n = 1
        while dest.exists():
            n += 1
            dest = folder / f"{path.stem}-schema{version}-{stamp}-{n}.db"
        os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private from the first byte
        src = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return dest

    def _create(self, version: int) -> None:
        with self.engine.begin() as con:
            # Two processes can open a new profile at the same moment (two launches, the window and the
            # daemon): the write lock makes one create the schema while the other waits, then finds it.
            con.exec_driver_sql("BEGIN IMMEDIATE")
            if con.exec_driver_sql("PRAGMA user_version").scalar_one():
                return
            s.metadata.create_all(con)
            con.exec_driver_sql(f"PRAGMA user_version={int(version)}")

    def _migrate(self, found: int, target: int, migrations: Mapping[int, Migration]) -> None:
        with self.engine.begin() as con:
            # pysqlite only opens a transaction before DML; without this BEGIN a step's DDL
            # (ALTER TABLE ...) would commit on its own and survive a failed migration. The lock also
            # makes a second process that opened the same old file wait, then see it already migrated.
            con.exec_driver_sql("BEGIN IMMEDIATE")
            current = int(con.exec_driver_sql("PRAGMA user_version").scalar_one())
            for v in range(max(found, current), target):
                migrations[v](con)
            if current < target:
                con.exec_driver_sql(f"PRAGMA user_version={int(target)}")

    def schema_version(self) -> int:
        with self.engine.connect() as con:
            return int(con.exec_driver_sql("PRAGMA user_version").scalar_one())

    def close(self) -> None:
        self.engine.dispose()

    # -- change notification -------------------------------------------------------------
    def subscribe(self, listener: Callable[[str], None]) -> None:
        """``listener(kind)`` is called after a change, from any thread: "personas", "posts", "settings", or
        "drafts" (which drafts sit in a compose box)."""
        self._listeners.append(listener)

    def notify(self, kind: str) -> None:
        for fn in list(self._listeners):
            fn(kind)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A write transaction, refused with :class:`ProfileGone` once the profile was moved or removed."""
        self.ensure_in_place()
        with self.engine.begin() as con:
            yield con

    # -- personas ------------------------------------------------------------------------
    @staticmethod
    def _persona_row(p: Persona) -> dict[str, Any]:
        return {
            "uid": p.uid,
            "name": p.name,
            "handle": p.handle,
            "description": p.description,
            "topics": list(p.topics),
            "keywords": list(p.keywords),
            "examples": list(p.examples),
            "avoid": list(p.avoid),
            "hashtags": list(p.hashtags),
            "colour": p.colour,
            "network": p.network,
            "premium": p.premium,
            "timezone": p.timezone,
            "sensitivity": p.sensitivity.value,
            "missed_policy": p.missed_policy.value,
            "late_hours": p.late_hours,
            "queue_slots": [[q.weekday, q.hour, q.minute] for q in p.queue_slots],
            "paused": p.paused,
            "monthly_budget_usd": p.monthly_budget_usd,
            "monthly_post_cap": p.monthly_post_cap,
            "server": p.server,
            "visibility": p.visibility,
            "content_warning": p.content_warning,
            # server_limits is not here: only set_server_limits writes it, so an edit or an import
            # (which know nothing of it) never wipes what the server said.
        }

    @staticmethod
    def _persona_from(row: Any) -> Persona:
        m = row._mapping
        return Persona(
            uid=m["uid"],
            name=m["name"],
            handle=m["handle"],
            description=m["description"],
            topics=tuple(m["topics"]),
            keywords=tuple(m["keywords"]),
            examples=tuple(m["examples"]),
            avoid=tuple(m["avoid"]),
            hashtags=tuple(m["hashtags"]),
            colour=m["colour"],
            network=m["network"],
            premium=bool(m["premium"]),
            timezone=m["timezone"],
            sensitivity=Sensitivity(m["sensitivity"]),
            missed_policy=MissedPolicy(m["missed_policy"]),
            late_hours=m["late_hours"],
            queue_slots=tuple(QueueSlot(*q) for q in m["queue_slots"]),
            paused=bool(m["paused"]),
            monthly_budget_usd=m["monthly_budget_usd"],
            monthly_post_cap=m["monthly_post_cap"],
            server=m["server"],
            visibility=m["visibility"],
            content_warning=m["content_warning"],
            server_limits=ServerLimits.from_json(m["server_limits"]),
        )

    # For core modules that write personas in their own transaction (the importer).
    persona_values = _persona_row
    persona_from_row = _persona_from

    def personas(self) -> list[Persona]:
        with self.engine.connect() as con:
            rows = con.execute(select(s.personas).order_by(s.personas.c.position, s.personas.c.id))
            return [self._persona_from(r) for r in rows]

    def readable_personas(self) -> tuple[list[Persona], dict[str, str]]:
        """The personas whose stored row can be read, and ``{uid: why}`` for any that cannot (a row an older
        version or a hand edit left unreadable), so that one bad row does not stop the scheduler for the rest."""
        out: list[Persona] = []
        broken: dict[str, str] = {}
        with self.engine.connect() as con:
            for row in con.execute(select(s.personas).order_by(s.personas.c.position, s.personas.c.id)):
                try:
                    out.append(self._persona_from(row))
                except (ValueError, TypeError, KeyError) as e:
                    broken[row._mapping["uid"]] = f"{type(e).__name__}: {e}"
        return out, broken

    def persona(self, name_or_uid: str) -> Persona:
        """Look up by uid, then by name (case-insensitive)."""
        with self.engine.connect() as con:
            row = con.execute(select(s.personas).where(s.personas.c.uid == name_or_uid)).first()
            if row is None:
                row = con.execute(
                    select(s.personas).where(func.lower(s.personas.c.name) == name_or_uid.casefold())
                ).first()
        if row is None:
            raise PersonaNotFound(name_or_uid)
        return self._persona_from(row)

    def persona_id(self, con: Connection, uid: str) -> int:
        pid = con.execute(select(s.personas.c.id).where(s.personas.c.uid == uid)).scalar_one_or_none()
        if pid is None:
            raise PersonaNotFound(uid)
        return int(pid)

    def add_persona(self, p: Persona) -> Persona:
        validate(p)
        try:
            with self.begin() as con:
                pos = con.execute(select(func.coalesce(func.max(s.personas.c.position), -1))).scalar_one() + 1
                con.execute(
                    insert(s.personas).values(
                        **self._persona_row(p), position=pos, created_at=_naive_utc(self.clock.now())
                    )
                )
        except IntegrityError:
            raise PersonaError(translate(
                "Store", "a persona named {name} already exists").format(name=repr(p.name)), "name") from None
        self.notify("personas")
        return p

    def update_persona(self, p: Persona) -> Persona:
        validate(p)
        try:
            with self.begin() as con:
                n = con.execute(
                    update(s.personas).where(s.personas.c.uid == p.uid).values(**self._persona_row(p))
                ).rowcount
        except IntegrityError:
            raise PersonaError(translate(
                "Store", "a persona named {name} already exists").format(name=repr(p.name)), "name") from None
        if not n:
            raise PersonaNotFound(p.uid)
        self.notify("personas")
        return p

    def link_persona(self, p: Persona, remote_user_id: str, limits: ServerLimits | None = None,
                     then: Callable[[Connection], object] | None = None) -> Persona:
        """``p`` connected to the account ``remote_user_id``: its row, the account (and its server's ``limits``) and
        ``then`` (what changes with it: the posts a switch puts up for review) in one transaction. All of it is
        saved or none is: a fault between two writes left a persona showing one account and posting as another."""
        validate(p)
        values = {**self._persona_row(p), "connection": "ok", "remote_user_id": remote_user_id}
        if limits is not None:
            values["server_limits"] = limits.to_json()
        try:
            with self.begin() as con:
                if not con.execute(update(s.personas).where(s.personas.c.uid == p.uid).values(**values)).rowcount:
                    raise PersonaNotFound(p.uid)
                if then is not None:
                    then(con)
        except IntegrityError:
            raise PersonaError(translate(
                "Store", "a persona named {name} already exists").format(name=repr(p.name)), "name") from None
        self.notify("personas")
        if then is not None:
            self.notify("posts")
        return p if limits is None else replace(p, server_limits=limits)

    def replace_personas(self, incoming: list[Persona]) -> tuple[int, int]:
        """Add or update (matched by uid, then by name) every persona in one transaction.

        Returns (added, updated). Either all of them land or none does.
        """
        added = updated = 0
        try:
            with self.begin() as con:
                for p in incoming:
                    validate(p)
                    row = con.execute(select(s.personas.c.uid).where(s.personas.c.uid == p.uid)).first()
                    if row is None:
                        row = con.execute(
                            select(s.personas.c.uid).where(func.lower(s.personas.c.name) == p.name.casefold())
                        ).first()
                    if row is not None:
                        values = self._persona_row(p)
                        values["uid"] = row[0]  # keep the existing identity (and its keyring entries)
                        con.execute(update(s.personas).where(s.personas.c.uid == row[0]).values(**values))
                        updated += 1
                    else:
                        pos = con.execute(select(func.coalesce(func.max(s.personas.c.position), -1))).scalar_one()
                        con.execute(
                            insert(s.personas).values(
                                **self._persona_row(p), position=pos + 1, created_at=_naive_utc(self.clock.now())
                            )
                        )
                        added += 1
        except IntegrityError as e:
            raise PersonaError(translate(
                "Store", "the personas clash with existing ones ({error})").format(error=e.orig)) from None
        self.notify("personas")
        return added, updated

    def delete_persona(self, uid: str, where: Any = None) -> bool:
        """Delete a persona and its posts, in one conditional DELETE: False, and nothing deleted, if ``where`` (an
        SQL condition on the persona's row) does not hold (see Outbox.delete_persona). Its secrets are the caller's
        to delete (see Services.delete_persona)."""
        with self.begin() as con:
            n = con.execute(delete(s.personas).where(s.personas.c.uid == uid,
                                                     *(() if where is None else (where,)))).rowcount
            if not n:
                self.persona_id(con, uid)  # raises PersonaNotFound if it is gone
                return False
        self.notify("personas")
        return True

    def connection_state(self, uid: str) -> tuple[str, str | None]:
        """(state, remote user id): state is "ok" or "reconnect_needed"."""
        with self.engine.connect() as con:
            row = con.execute(
                select(s.personas.c.connection, s.personas.c.remote_user_id).where(s.personas.c.uid == uid)
            ).first()
        if row is None:
            raise PersonaNotFound(uid)
        return row[0], row[1]

    def set_connection_state(self, uid: str, state: str, remote_user_id: str | None = None) -> None:
        values: dict[str, Any] = {"connection": state}
        if remote_user_id is not None:
            values["remote_user_id"] = remote_user_id
        with self.begin() as con:
            con.execute(update(s.personas).where(s.personas.c.uid == uid).values(**values))
        self.notify("personas")

    def set_server_limits(self, uid: str, limits: ServerLimits | None) -> None:
        """Remember what the persona's server allows (asked on connect and now and then while posting)."""
        with self.begin() as con:
            n = con.execute(update(s.personas).where(s.personas.c.uid == uid).values(
                server_limits=None if limits is None else limits.to_json())).rowcount
        if not n:
            raise PersonaNotFound(uid)
        self.notify("personas")

    # -- settings ------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as con:
            row = con.execute(select(s.settings.c.value).where(s.settings.c.key == key)).first()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: Any) -> None:
        json.dumps(value)  # fail early on values the database cannot hold
        with self.begin() as con:
            n = con.execute(update(s.settings).where(s.settings.c.key == key).values(value=value)).rowcount
            if not n:
                con.execute(insert(s.settings).values(key=key, value=value))
        self.notify("settings")


def now_naive(clock: Clock) -> datetime:
    return clock.now().astimezone(UTC).replace(tzinfo=None)
