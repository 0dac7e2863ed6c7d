"""Importing a personas file into a profile without destroying anything.

Each ``[[persona]]`` table is matched to an existing persona by uid, then by
name (case-insensitively). A matched persona keeps every field the table
leaves out: a file with just ``name`` and ``description`` changes only the
description. With ``replace_whole`` the table replaces the persona, and the
plan lists every field that goes back to its default (is *cleared*).

Nothing is written until the caller has a plan it can show: :func:`plan_import`
reads and checks the whole file (every problem at once, with file, line and
field) and says, field by field, what would change. :func:`apply_import`
writes it in one transaction, after copying every persona to a TOML file in
the backups folder whenever an existing persona changes; :func:`undo_last_import`
puts them back.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from personamgr.core import schema as s
from personamgr.core.clock import Clock
from personamgr.core.faults import in_words
from personamgr.core.gc_pause import paused_gc
from personamgr.core.i18n import translate
from personamgr.core.persona_file import (
    FILE_KEY,
    PersonaEntry,
    PersonaFileError,
    Problem,
    check_entry,
    load_personas,
    read_entries_lenient,
    read_text,
    save_personas,
    slot_to_text,
    unique_problems,
)
from personamgr.core.personas import DEFAULT_SLOTS, PALETTE, Persona
from personamgr.core.store import Store, now_naive

LAST_IMPORT = "last_import"  # settings key: what the last import added and changed, and where its backup is
# Fields in the order a person reads them; uid is identity, not something an import changes, and a server's
# limits are what the server said, not something a file sets.
SHOWN_FIELDS = tuple(f.name for f in fields(Persona) if f.name not in ("uid", "server_limits"))


class ImportFailed(RuntimeError):
    """The import or its undo could not be done. The message is for the user; nothing was changed."""


class ChangeKind(enum.StrEnum):
    ADD = "add"
    UPDATE = "update"
    SAME = "same"


def render(value: Any) -> str:
    """A field's value as the preview shows it."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, tuple):
        if not value:
            return "(none)"
        if hasattr(value[0], "weekday"):
            return ", ".join(slot_to_text(v) for v in value)
        return " | ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if value != "" else "(empty)"


def label(field_name: str) -> str:
    """The name the file uses for a field."""
    return FILE_KEY.get(field_name, field_name)


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # the persona field
    before: str  # rendered; "(none)" for a persona the import adds
    after: str
    cleared: bool = False  # the file leaves it out and replacing the whole persona puts it back to its default

    @property
    def label(self) -> str:
        return label(self.field)


@dataclass(frozen=True, slots=True)
class PersonaChange:
    kind: ChangeKind
    persona: Persona  # as it will be
    before: Persona | None  # as it is (None for an added persona)
    entry: PersonaEntry
    given: frozenset[str]  # fields the file gives

    def fields(self) -> list[FieldChange]:
        """What changes, field by field (for an added persona: every field the file gives)."""
        if self.before is None:
            return [FieldChange(f, "(none)", render(getattr(self.persona, f))) for f in SHOWN_FIELDS
                    if f in self.given]
        out = []
        for f in SHOWN_FIELDS:
            old, new = getattr(self.before, f), getattr(self.persona, f)
            if old != new:
                out.append(FieldChange(f, render(old), render(new), cleared=f not in self.given))
        return out


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What importing ``path`` would do. ``changes`` are in the file's order."""

    path: Path
    replace_whole: bool
    changes: tuple[PersonaChange, ...]

    def of_kind(self, kind: ChangeKind) -> list[PersonaChange]:
        return [c for c in self.changes if c.kind is kind]

    def updated_pairs(self) -> list[tuple[Persona | None, Persona]]:
        """(before, after) of each persona the import updates: what a new zone may do to its scheduled posts."""
        return [(c.before, c.persona) for c in self.of_kind(ChangeKind.UPDATE)]

    @property
    def added(self) -> int:
        return sum(1 for c in self.changes if c.kind is ChangeKind.ADD)

    @property
    def updated(self) -> int:
        return sum(1 for c in self.changes if c.kind is ChangeKind.UPDATE)

    @property
    def unchanged(self) -> int:
        return sum(1 for c in self.changes if c.kind is ChangeKind.SAME)

    @property
    def changes_anything(self) -> bool:
        return any(c.kind is not ChangeKind.SAME for c in self.changes)

    @property
    def clears_anything(self) -> bool:
        return any(fc.cleared for c in self.of_kind(ChangeKind.UPDATE) for fc in c.fields())

    def summary(self) -> str:
        n = len(self.changes)
        return (f"{self.path.name}: {n} persona{'s' if n != 1 else ''}: {self.added} to add, "  # English: the CLI's
                f"{self.updated} to update, {self.unchanged} unchanged")

    def describe(self, width: int = 70) -> list[str]:
        """The preview as lines of text (the CLI's --dry-run), every changed field with its old and new value."""
        def cut(text: str) -> str:
            one = " ".join(text.split())
            return one if len(one) <= width else one[: width - 1] + "…"

        out = [self.summary() + "."]
        for c in self.changes:
            if c.kind is ChangeKind.SAME:
                continue
            if c.kind is ChangeKind.ADD:
                out.append(f"+ {c.persona.name} (new)")
                out += [f"    {fc.label}: {cut(fc.after)}" for fc in c.fields()]
                continue
            name = c.persona.name if c.before is None or c.before.name == c.persona.name else \
                f"{c.before.name} → {c.persona.name}"
            out.append(f"~ {name}")
            for fc in c.fields():
                tag = "  (cleared: not in the file)" if fc.cleared else ""  # English: the CLI's preview
                out.append(f"    {fc.label}: {cut(fc.before)} → {cut(fc.after)}{tag}")
        return out


def _colours(existing: Iterable[Persona]) -> Iterable[str]:
    """Colours for added personas that give none: the palette's unused ones first, then round again."""
    used = {p.colour for p in existing}
    free = [c for c in PALETTE if c not in used]
    return itertools.chain(free, itertools.cycle(PALETTE))


def plan_import(existing: Sequence[Persona], entries: Sequence[PersonaEntry], path: Path | str, *,
                replace_whole: bool = False, problems: Sequence[Problem] = ()) -> ImportPlan:
    """What importing ``entries`` into ``existing`` would change, or PersonaFileError listing every problem.

    ``problems`` are those already found while reading the file; they are reported with the rest.
    """
    with paused_gc():
        return _plan(existing, entries, Path(path), replace_whole, problems)


def _plan(existing: Sequence[Persona], entries: Sequence[PersonaEntry], path: Path, replace_whole: bool,
          problems: Sequence[Problem]) -> ImportPlan:
    by_uid = {p.uid: p for p in existing}
    by_name = {p.name.casefold(): p for p in existing}
    colours = iter(_colours(existing))
    found = list(problems)
    changes: list[PersonaChange] = []
    claimed: dict[str, PersonaEntry] = {}  # existing uid -> the entry that updates it
    for entry in entries:
        uid = entry.values.get("uid")
        base = by_uid.get(uid) if isinstance(uid, str) else None
        if base is None:
            base = by_name.get(entry.name.casefold())
        if base is not None:
            first = claimed.setdefault(base.uid, entry)
            if first is not entry:
                found.append(entry.problem(translate(
                    "PersonaImport", "updates the existing persona {name} like {label} (line {line}); give each "
                    "persona once").format(name=repr(base.name), label=first.label, line=first.line), "name"))
                continue
        if base is None:  # a new persona: what the file does not give starts as in the window
            start: dict[str, Any] = {"queue_slots": DEFAULT_SLOTS}
            if "colour" not in entry.values:
                start["colour"] = next(colours)
            after = Persona(**{**start, **entry.values})
        else:
            after = entry.build(base, replace_whole=replace_whole)
        found += check_entry(entry, after)
        kind = ChangeKind.ADD if base is None else (ChangeKind.SAME if after == base else ChangeKind.UPDATE)
        changes.append(PersonaChange(kind, after, base, entry, frozenset(entry.values)))
    found += unique_problems((c.entry, c.persona) for c in changes)
    found += _clashes_with_kept(existing, changes)
    if found:
        raise PersonaFileError(path, sorted(found, key=lambda x: x.line or 0))
    return ImportPlan(path, replace_whole, tuple(changes))


def _clashes_with_kept(existing: Sequence[Persona], changes: Sequence[PersonaChange]) -> list[Problem]:
    """A name or handle in the file that an existing persona the file does not touch already uses."""
    touched = {c.before.uid for c in changes if c.before is not None}
    kept_names = {p.name.casefold(): p for p in existing if p.uid not in touched}
    kept_handles = {p.handle.casefold(): p for p in existing if p.uid not in touched and p.handle}
    found = []
    for c in changes:
        other = kept_names.get(c.persona.name.casefold())
        if other is not None:
            found.append(c.entry.problem(translate(
                "PersonaImport", "the name {name} is already used by the persona {other}; names must be "
                "unique").format(
                name=repr(c.persona.name), other=repr(other.name)), "name"))
        other = kept_handles.get((c.persona.handle or "").casefold())
        if other is not None:
            found.append(c.entry.problem(translate(
                "PersonaImport", "the handle {handle} is already used by the persona {name}").format(
                handle=c.persona.handle, name=repr(other.name)), "handle"))
    return found


def read_plan(store: Store, path: Path | str, *, replace_whole: bool = False) -> ImportPlan:
    """Read ``path`` and plan its import into ``store``: every problem in the file at once, nothing written."""
    with paused_gc():
        entries, problems = read_entries_lenient(read_text(path), Path(path))
        return plan_import(store.personas(), entries, path, replace_whole=replace_whole, problems=problems)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    backup: Path | None  # the personas as they were, when an existing one changed


class ImportConflict(ImportFailed):
    pass


def _stamp(clock: Clock) -> str:
    return clock.now().strftime("%Y%m%dT%H%M%SZ")


def backup_personas(store: Store, folder: Path, clock: Clock, why: str) -> Path:
    """Every persona, as TOML, in a new file in ``folder`` (0600, written atomically). Returns its path."""
    store.ensure_in_place()  # not into a profile moved or removed while the app runs, nor its folder made again
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = _stamp(clock)
    path = folder / f"personas-{stamp}.toml"
    for n in itertools.count(2):
        if not path.exists():
            break
        path = folder / f"personas-{stamp}-{n}.toml"
    with paused_gc():
        header = f"personamgr personas {why}, {clock.now():%Y-%m-%d %H:%M} UTC"  # English: a file's first line
        save_personas(path, store.personas(), header=header)
    return path


def apply_import(store: Store, plan: ImportPlan, backups: Path, clock: Clock) -> ImportResult:
    """Write ``plan`` in one transaction; back every persona up first if an existing one changes.

    Refused (ImportConflict, nothing written) if a persona the plan updates was changed since the plan was
    made, or a name it adds was taken meanwhile: the user confirmed the preview, not something else.
    """
    adds = [c.persona for c in plan.of_kind(ChangeKind.ADD)]
    updates = plan.of_kind(ChangeKind.UPDATE)
    if not adds and not updates:
        return ImportResult(0, 0, None)
    backup = None
    if updates:
        try:
            backup = backup_personas(store, backups, clock, f"before importing {plan.path}")  # English: the header
        except OSError as e:
            raise ImportFailed(translate(
                "PersonaImport", "nothing was imported: the backup of the personas could not be written to {backups}: "
                "{error}").format(backups=backups, error=in_words(e, backups))) from None
    record = {"at": clock.now().isoformat(), "file": str(plan.path), "backup": str(backup) if backup else None,
              "added": [p.uid for p in adds], "updated": [c.persona.uid for c in updates]}
    with paused_gc(), store.begin() as con:
        con.exec_driver_sql("BEGIN IMMEDIATE")  # the check below and the writes see one state
        current = {row.uid: row for row in con.execute(select(s.personas))}
        for c in updates:
            row = current.get(c.persona.uid)
            if row is None or Store.persona_from_row(row) != c.before:
                raise ImportConflict(translate(
                    "PersonaImport", "nothing was imported: {persona} was changed or deleted since the preview; look "
                    "at the import again").format(persona=c.before.name if c.before else c.persona.name))
        _update_personas(con, [c.persona for c in updates])
        if adds:
            taken = {row.name.casefold() for row in current.values()}
            clash = next((p for p in adds if p.name.casefold() in taken), None)
            if clash is not None:
                raise ImportConflict(translate(
                    "PersonaImport", "nothing was imported: a persona named {name} was added since the preview; look "
                    "at the import again").format(name=repr(clash.name)))
            pos = max((row.position for row in current.values()), default=-1) + 1
            now = now_naive(clock)
            con.execute(insert(s.personas), [{**Store.persona_values(p), "position": pos + i, "created_at": now}
                                             for i, p in enumerate(adds)])
        _set_record(con, record)
    store.notify("personas")
    store.notify("settings")
    return ImportResult(len(adds), len(updates), backup)


def _update_personas(con: Any, personas: Sequence[Persona]) -> int:
    """Write ``personas`` over their rows (matched by uid) in one executemany; returns how many rows matched."""
    if not personas:
        return 0
    statement = update(s.personas).where(s.personas.c.uid == bindparam("match_uid"))
    return con.execute(statement, [{**Store.persona_values(p), "match_uid": p.uid} for p in personas]).rowcount


def _set_record(con: Any, record: dict[str, Any] | None) -> None:
    con.execute(delete(s.settings).where(s.settings.c.key == LAST_IMPORT))
    if record is not None:
        con.execute(insert(s.settings).values(key=LAST_IMPORT, value=record))


@dataclass(frozen=True, slots=True)
class UndoResult:
    file: str  # the file whose import was undone
    restored: list[str]  # names of personas put back as they were
    removed: list[str]  # names of personas the import had added, now removed
    kept: list[str]  # added personas kept because they have posts or an account since
    missing: list[str]  # personas the import changed that were deleted since (nothing to restore)
    backup: Path  # the personas as they were just before the undo


def last_import(store: Store) -> dict[str, Any] | None:
    record = store.get_setting(LAST_IMPORT)
    return record if isinstance(record, dict) else None


def undo_last_import(store: Store, backups: Path, clock: Clock) -> UndoResult:
    """Put the personas the last import changed back as they were, and remove those it added.

    An added persona that has posts or a connected account since is kept (removing it would take them with
    it). Every persona is backed up first, so the undo can itself be undone by importing that file with
    ``--replace``.
    """
    record = last_import(store)
    if record is None:
        raise ImportFailed(translate(
            "PersonaImport", "there is no import to undo"))
    restore: list[Persona] = []
    if record.get("updated"):
        source = Path(record.get("backup") or "")
        try:
            saved = {p.uid: p for p in load_personas(source)}
        except PersonaFileError as e:
            raise ImportFailed(translate(
                "PersonaImport", "the backup taken before importing {file} cannot be read: {error}").format(
                file=record.get('file'), error=e)) from None
        restore = [saved[uid] for uid in record["updated"] if uid in saved]
    try:
        why = f"before undoing the import of {record.get('file')}"  # English: the backup's header
        safety = backup_personas(store, backups, clock, why)
    except OSError as e:
        raise ImportFailed(translate(
            "PersonaImport", "nothing was undone: the backup of the personas could not be written to {backups}: "
            "{error}").format(backups=backups, error=in_words(e, backups))) from None
    try:
        restored, removed, kept, missing = _undo(store, restore, record.get("added", []))
    except IntegrityError:
        raise ImportFailed(translate(
            "PersonaImport", "nothing was undone: a persona the import changed would take a name or handle that "
            "another persona has since; rename it and try again (backup: {safety})").format(safety=safety)) from None
    store.notify("personas")
    store.notify("settings")
    return UndoResult(str(record.get("file")), restored, removed, kept, missing, safety)


def _undo(store: Store, restore: Sequence[Persona], added: Sequence[str]) -> tuple[list[str], ...]:
    """(restored, removed, kept, missing) names, in one transaction, with a handful of statements however many
    personas the import touched."""
    kept: list[str] = []
    removed: list[str] = []
    with paused_gc(), store.begin() as con:
        con.exec_driver_sql("BEGIN IMMEDIATE")
        rows = {r.uid: r for r in con.execute(select(s.personas.c.id, s.personas.c.uid, s.personas.c.name,
                                                     s.personas.c.remote_user_id))}
        restored = [p.name for p in restore if p.uid in rows]
        missing = [p.name for p in restore if p.uid not in rows]
        _update_personas(con, [p for p in restore if p.uid in rows])
        with_posts = set(con.execute(select(s.posts.c.persona_id).distinct()).scalars())
        gone = []
        for uid in added:
            row = rows.get(uid)
            if row is None:
                continue
            if row.id in with_posts or row.remote_user_id:
                kept.append(row.name)
            else:
                gone.append({"gone_id": row.id})
                removed.append(row.name)
        if gone:
            con.execute(delete(s.personas).where(s.personas.c.id == bindparam("gone_id")), gone)
        _set_record(con, None)
    return restored, removed, kept, missing


def imported_at(record: dict[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(record.get("at")))
    except ValueError:
        return None
