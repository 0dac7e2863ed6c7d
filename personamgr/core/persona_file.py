"""Personas as TOML: the app's export format and the guard CLI's input.

The file is a list of ``[[persona]]`` tables (see design.md). Only ``name`` and a
focus are required, so a hand-written file of a few lines is enough; an export
writes every field so that export then import loses nothing.

Reading never half-succeeds: either every persona in the file is valid and is
returned, or a :class:`PersonaFileError` lists *every* problem in the file, each
with the file, the line and the field. Reading is linear in the file's size, so
a long file with a mistake at the end is refused as quickly as it is read.

:func:`read_entries` keeps which fields each table gives, so an import can
update an existing persona with only those (see ``persona_import``).
"""

from __future__ import annotations

import codecs
import functools
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli

from personamgr.core.atomic_file import write_text_atomically
from personamgr.core.gc_pause import paused_gc
from personamgr.core.i18n import translate
from personamgr.core.personas import (
    NETWORKS,
    UID_RE,
    MissedPolicy,
    Persona,
    PersonaError,
    QueueSlot,
    Sensitivity,
    handle_problem,
    name_problem,
    normalise_server,
    problems,
)
from personamgr.core.unreadable import read_fault, toml_problem

_LIST_FIELDS = ("topics", "keywords", "examples", "avoid", "hashtags")
_STR_FIELDS = ("description", "colour", "timezone", "uid", "visibility", "content_warning")
# The file says "queue"; the persona holds "queue_slots".
FILE_KEY = {"queue_slots": "queue"}
FIELD_OF_KEY = {v: k for k, v in FILE_KEY.items()}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# 'mon 9:30' is 'mon 09:30' as people write times; files are always written with two digits.
_SLOT_RE = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun) ([01]?\d|2[0-3]):([0-5]\d)$")
_SLOT_SHAPE = re.compile(r"^(\S+) (\d\d?):(\d\d)$")  # the right shape, whatever the day and numbers say
BOM = "\ufeff"
_COMMENT_FORBIDDEN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # a header naming a path with a line break stays a comment
# Starts with a literal, so the regex engine skips ahead to candidates; the line's start is checked apart.
_KEY_RE = re.compile(r"^[ \t]*(?:(\[)|([A-Za-z0-9_-]+)[ \t]*=)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a personas file: where (line, may be unknown) and what."""

    line: int | None
    message: str
    field: str | None = None


class PersonaFileError(ValueError):
    """A personas file could not be used. The message, one line per problem, is ready to show to a user.

    ``problems`` holds every problem found; ``line`` and ``problem`` are the first one's.
    """

    def __init__(self, path: Path | str, problem: str | Sequence[Problem], line: int | None = None) -> None:
        self.path = Path(path)
        found = [Problem(line, problem)] if isinstance(problem, str) else list(problem)
        self.problems: list[Problem] = found
        self.line = found[0].line
        self.problem = found[0].message
        super().__init__("\n".join(self.where(p) + p.message for p in found))

    def where(self, p: Problem) -> str:
        return f"{self.path}:{p.line}: " if p.line else f"{self.path}: "


@dataclass(frozen=True, slots=True)
class PersonaEntry:
    """One ``[[persona]]`` table, its values converted to persona fields but not yet checked as a whole.

    ``values`` holds only the fields the table gives: an import leaves the others as they are.
    """

    number: int  # 1-based position in the file
    line: int | None  # the line of its [[persona]] header
    values: Mapping[str, Any]
    lines: TableLines | None = field(default=None, repr=False, compare=False)
    failed: frozenset[str] = frozenset()  # fields whose value could not be read (already reported)

    @property
    def name(self) -> str:
        return str(self.values.get("name", ""))

    @property
    def label(self) -> str:
        name = self.values.get("name")
        if isinstance(name, str):
            return translate("PersonaFile", "persona #{number} ({name})").format(number=self.number, name=repr(name))
        return translate("PersonaFile", "persona #{number}").format(number=self.number)

    def line_of(self, field_name: str | None) -> int | None:
        """The line that gives ``field_name``, else the table's header line."""
        if field_name is None:
            return self.line
        found = self.lines.key_line(self.number - 1, FILE_KEY.get(field_name, field_name)) if self.lines else None
        return found or self.line

    def problem(self, e: PersonaError | str, field_name: str | None = None) -> Problem:
        f = getattr(e, "field", None) or field_name
        return Problem(self.line_of(f), f"{self.label}: {e}", f)

    def build(self, base: Persona | None = None, *, replace_whole: bool = False) -> Persona:
        """The persona this table describes: ``base`` with the table's fields (kept fields stay), or, with no
        base or ``replace_whole``, the table's fields over the defaults. ``base``'s uid is always kept."""
        if base is None:
            return Persona(**self.values)
        if replace_whole:
            return Persona(**{**self.values, "uid": base.uid})
        return replace(base, **{k: v for k, v in self.values.items() if k != "uid"})


@functools.lru_cache(maxsize=4096)  # a long file repeats the same few slots: parse each once
def _slot_from_text(text: str) -> QueueSlot:
    m = _SLOT_RE.match(text.strip().lower())
    if not m:
        raise PersonaError(_slot_problem(text), "queue_slots")
    return QueueSlot(_DAYS.index(m.group(1)), int(m.group(2)), int(m.group(3)))


def _slot_problem(text: str) -> str:
    """Why ``text`` is not a slot: a day or time that does not exist is named ("must look like 'mon 09:30'"
    said of 'mon 25:00', which does look like it, left the user to find the 25), else the form is shown."""
    shape = _SLOT_SHAPE.match(text.strip().lower())
    if shape and shape.group(1) not in _DAYS:
        return translate("PersonaFile", "queue slot {text}: the day must be mon, tue, wed, thu, fri, sat or sun"
                         ).format(text=repr(text))
    if shape:
        return translate("PersonaFile", "queue slot {text}: there is no {time} (times are 00:00 to 23:59)").format(
            text=repr(text), time=f"{shape.group(2)}:{shape.group(3)}")
    return translate("PersonaFile", "queue slot {text} must look like 'mon 09:30'").format(text=repr(text))


def slot_to_text(slot: QueueSlot) -> str:
    return f"{_DAYS[slot.weekday]} {slot.hour:02d}:{slot.minute:02d}"


def slots_from_text(texts: Iterable[str]) -> tuple[QueueSlot, ...]:
    """Slots written as in a personas file ('mon 09:30'); PersonaError names the first that is not."""
    return _slot_list(tuple(texts))


def _all_strings(value: Any) -> bool:
    """``value`` is a list of strings (the common case is decided by one C call: joining raises otherwise)."""
    if type(value) is not list:
        return False
    try:
        "".join(value)
    except TypeError:
        return False
    return True


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if not _all_strings(value):
        raise PersonaError(translate(
            "PersonaFile", "'{key}' must be a list of strings").format(key=key), key)
    return tuple(value)


def _string(key: str, value: Any) -> str:
    if type(value) is not str:
        raise PersonaError(translate(
            "PersonaFile", "'{key}' must be a string").format(key=key), key)
    return value


def _flag(key: str, value: Any) -> bool:
    if type(value) is not bool:
        raise PersonaError(translate(
            "PersonaFile", "'{key}' must be true or false").format(key=key), key)
    return value


def _whole(key: str, value: Any) -> int:
    if type(value) is not int:
        raise PersonaError(translate(
            "PersonaFile", "'{key}' must be a whole number").format(key=key), key)
    return value


def _dollars(key: str, value: Any) -> float:
    if type(value) not in (int, float):
        raise PersonaError(translate(
            "PersonaFile", "'{key}' must be a number").format(key=key), key)
    try:
        return float(value)
    except OverflowError:
        raise PersonaError(translate(
            "PersonaFile", "'{key}' is far too large").format(key=key), key)


def _choice(kind: type[Sensitivity] | type[MissedPolicy]) -> Any:
    def convert(key: str, value: Any) -> Any:
        try:
            return kind(value)
        except ValueError:
            raise PersonaError(translate(
                "PersonaFile", "'{key}' must be one of {list}").format(
                key=key, list=", ".join(s.value for s in kind)), key)
    return convert


def _network(key: str, value: Any) -> str:
    if value not in NETWORKS:
        raise PersonaError(translate(
            "PersonaFile", "network {value} must be one of {list}").format(
            value=repr(value), list=", ".join(NETWORKS)), key)
    return str(value)


def _server(key: str, value: Any) -> str:
    """Mastodon's instance or Bluesky's PDS: "fosstodon.org" is read as https://fosstodon.org."""
    return normalise_server(_string(key, value))


def _slots(key: str, value: Any) -> tuple[QueueSlot, ...]:
    if not _all_strings(value):
        raise PersonaError(translate(
            "PersonaFile", "'queue' must be a list of slots like 'mon 09:30'"), key)
    return _slot_list(tuple(value))


@functools.lru_cache(maxsize=1024)  # a long file repeats the same few queues: convert each once
def _slot_list(texts: tuple[str, ...]) -> tuple[QueueSlot, ...]:
    return tuple(_slot_from_text(v) for v in texts)


# File key -> how its value becomes the persona field's (raising PersonaError naming the rule).
_CONVERT: dict[str, Callable[[str, Any], Any]] = {
    **dict.fromkeys(_LIST_FIELDS, _strings),
    **dict.fromkeys((*_STR_FIELDS, "name", "handle"), _string),
    "premium": _flag, "paused": _flag,
    "sensitivity": _choice(Sensitivity), "missed_policy": _choice(MissedPolicy),
    "late_hours": _whole, "monthly_post_cap": _whole,
    "monthly_budget_usd": _dollars,
    "queue": _slots,
    "network": _network, "server": _server,
}


class TableLines:
    """Where each ``[[table]]`` (``[[persona]]``, an archive's ``[[post]]``) and its keys are in the file, for
    messages.

    Header lines are found in one pass; a table's key lines only when one of its keys is reported,
    each table scanned at most once. Both stay linear in the file's size however many problems there are.
    """

    def __init__(self, source: str, table: str = "persona") -> None:
        self.source = source
        self.starts: list[int] = []
        self.lines: list[int] = []
        line, pos = 1, 0
        for m in re.finditer(r"\[\[[ \t]*" + re.escape(table) + r"[ \t]*\]\]", source):
            start = source.rfind("\n", 0, m.start()) + 1
            if start != m.start() and source[start:m.start()].strip(" \t"):
                continue  # not at the start of its line (inside a string, say)
            line += source.count("\n", pos, start)
            pos = start
            self.starts.append(pos)
            self.lines.append(line)
        self._keys: dict[int, dict[str, int]] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def key_line(self, table: int, key: str) -> int | None:
        keys = self._keys.get(table)
        if keys is None:
            keys = self._keys[table] = self._scan(table)
        return keys.get(key)

    def _scan(self, table: int) -> dict[str, int]:
        start = self.starts[table]
        end = self.starts[table + 1] if table + 1 < len(self.starts) else len(self.source)
        keys: dict[str, int] = {}
        line, pos = self.lines[table], start
        for m in _KEY_RE.finditer(self.source, start, end):
            if m.start() == start:
                continue  # the [[persona]] header itself
            line += self.source.count("\n", pos, m.start())
            pos = m.start()
            if m.group(1):
                break  # another table: keys below it are not this persona's
            keys.setdefault(m.group(2), line)
        return keys


def _decode_error(path: Path | str, e: tomli.TOMLDecodeError) -> PersonaFileError:
    line, problem = toml_problem(e)
    return PersonaFileError(path, translate("PersonaFile", "not valid TOML: {problem}").format(problem=problem), line)


def read_entries(source: str, path: Path | str = "<personas>") -> list[PersonaEntry]:
    """The file's ``[[persona]]`` tables, each key checked and converted; every problem at once."""
    entries, found = _read(source, path)
    if found:
        raise PersonaFileError(path, found)
    return entries


def read_entries_lenient(source: str, path: Path | str = "<personas>") -> tuple[list[PersonaEntry], list[Problem]]:
    """Like :func:`read_entries`, but returns the problems along with every table that has a name (a value
    that could not be read is left out and named in ``failed``), so the caller can check the rest of each
    table too and report everything at once. A file that is not TOML, or has no [[persona]] tables, raises."""
    return _read(source, path)


def _read(source: str, path: Path | str) -> tuple[list[PersonaEntry], list[Problem]]:
    with paused_gc():
        return _read_tables(source, path)


def _read_tables(source: str, path: Path | str) -> tuple[list[PersonaEntry], list[Problem]]:
    if source.startswith(BOM):  # Windows editors write one; the text after it is what the user wrote
        source = source[1:]
    try:
        data = tomli.loads(source)
    except tomli.TOMLDecodeError as e:
        raise _decode_error(path, e) from None
    except RecursionError:
        raise PersonaFileError(path, translate("PersonaFile", "not valid TOML: arrays or tables are nested too deeply "
                                                     "to read")) from None
    tables = data.get("persona")
    extra = sorted(set(data) - {"persona"})
    if extra:
        raise PersonaFileError(path, translate("PersonaFile", "unexpected top-level key {key}; expected only "
                                                     "[[persona]] tables").format(key=repr(extra[0])))
    if tables is None:
        raise PersonaFileError(path, translate("PersonaFile", "no [[persona]] tables found"))
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise PersonaFileError(path, translate("PersonaFile", "'persona' must be written as [[persona]] tables"))
    index: TableLines | None = TableLines(source)
    if len(index) != len(tables):  # a header-like line inside a multi-line string: lines would be wrong
        index = None
    entries: list[PersonaEntry] = []
    found: list[Problem] = []
    for i, t in enumerate(tables):
        values: dict[str, Any] = {}
        if isinstance(t.get("name"), str):
            values["name"] = t["name"]  # first, so every problem of the table can be labelled with it
        entry = PersonaEntry(i + 1, index.lines[i] if index else None, values, index)
        failed: set[str] = set()
        for key, value in t.items():
            convert = _CONVERT.get(key)
            if convert is None:
                found.append(entry.problem(PersonaError(translate(
                    "PersonaFile", "unknown key {key}: a misspelt key, or one a newer personamgr writes. Update "
                    "personamgr to import it, or remove that line.").format(key=repr(key)), key), key))
                continue
            field_name = FIELD_OF_KEY.get(key, key)
            try:
                values[field_name] = convert(key, value)
            except PersonaError as e:
                failed.add(field_name)
                found.append(Problem(entry.line_of(field_name), f"{entry.label}: {e}", field_name))
        if "name" not in values:
            if "name" not in t:
                found.append(entry.problem("missing 'name'"))
            continue
        entries.append(replace(entry, failed=frozenset(failed)) if failed else entry)
    return entries, found


def check_entry(entry: PersonaEntry, persona: Persona) -> list[Problem]:
    """Every field problem of the persona ``entry`` builds, pointed at the entry's lines.

    A field whose value could not be read at all is left out (it was reported as such), and so is the
    missing focus when the description or the topics could not be read.
    """
    skip = set(entry.failed)
    if skip & {"description", "topics"}:
        skip.add("description")
    return [entry.problem(e) for e in problems(persona) if e.field not in skip]


def unique_problems(items: Iterable[tuple[PersonaEntry, Persona]]) -> list[Problem]:
    """Two personas of one set sharing a name (case-insensitively), a handle or a uid."""
    found: list[Problem] = []
    seen: dict[str, dict[str, PersonaEntry]] = {"name": {}, "handle": {}, "uid": {}}
    for entry, p in items:
        for what, key in (("name", p.name.casefold()), ("handle", (p.handle or "").casefold()), ("uid", p.uid)):
            if not key or not _well_formed(what, getattr(p, what), p.network):
                continue  # a malformed value is reported as such, not again as a clash
            first = seen[what].setdefault(key, entry)
            if first is entry:
                continue
            value = getattr(p, what)
            if what == "name":
                message = translate("PersonaFile", "two personas are named {name}; names must be unique").format(
                    name=repr(value))
            else:
                message = translate("PersonaFile", "two personas use the {key} {value}").format(key=what, value=value)
            at = (translate("PersonaFile", " (also {persona}, line {line})").format(persona=first.label,
                                                                                  line=first.line)
                  if first.line else translate("PersonaFile", " (also {persona})").format(persona=first.label))
            found.append(Problem(entry.line_of(what), message + at, what))
    return found


def _well_formed(what: str, value: object, network: str) -> bool:
    if what == "name":
        return name_problem(value) is None
    if what == "handle":
        return handle_problem(network, value) is None
    return isinstance(value, str) and UID_RE.fullmatch(value) is not None


def parse_personas(source: str, path: Path | str = "<personas>") -> list[Persona]:
    """Parse TOML text into validated personas, or raise :class:`PersonaFileError` listing every problem."""
    with paused_gc():
        entries, found = _read(source, path)
        built = [(entry, entry.build()) for entry in entries]
        found += [problem for entry, p in built for problem in check_entry(entry, p)]
        found += unique_problems(built)
    if found:
        raise PersonaFileError(path, sorted(found, key=lambda x: x.line or 0))
    return [p for _, p in built]


def read_text(path: Path | str) -> str:
    """The file's text, or PersonaFileError saying why it cannot be read."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise PersonaFileError(p, translate("PersonaFile", "file not found")) from None
    except IsADirectoryError:
        raise PersonaFileError(p, translate("PersonaFile", "is a directory, not a personas file")) from None
    except OSError as e:
        raise PersonaFileError(p, translate("PersonaFile", "cannot be read: {error}").format(
            error=read_fault(e))) from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Windows Notepad's "Unicode"
        try:
            return raw.decode("utf-16").removeprefix(BOM)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: said as not UTF-8 below
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise PersonaFileError(p, translate("PersonaFile", "is not UTF-8 text"), line) from None


def load_entries(path: Path | str) -> list[PersonaEntry]:
    return read_entries(read_text(path), Path(path))


def load_personas(path: Path | str) -> list[Persona]:
    """Read a personas file. Errors name the file, the line and the problem."""
    return parse_personas(read_text(path), Path(path))


def persona_table(p: Persona) -> dict[str, Any]:
    """One persona as its ``[[persona]]`` table (what an export writes for it)."""
    t: dict[str, Any] = {"name": p.name}
    if p.handle is not None:
        t["handle"] = p.handle
    t["description"] = p.description
    for key in _LIST_FIELDS:
        t[key] = list(getattr(p, key))
    t.update(
        colour=p.colour,
        network=p.network,
        premium=p.premium,
        timezone=p.timezone,
        sensitivity=p.sensitivity.value,
        missed_policy=p.missed_policy.value,
        late_hours=p.late_hours,
        queue=[slot_to_text(s) for s in p.queue_slots],
        paused=p.paused,
    )
    if p.server is not None:
        t["server"] = p.server
    if p.network == "mastodon":
        t.update(visibility=p.visibility, content_warning=p.content_warning)
    if p.monthly_budget_usd is not None:
        t["monthly_budget_usd"] = p.monthly_budget_usd
    if p.monthly_post_cap is not None:
        t["monthly_post_cap"] = p.monthly_post_cap
    t["uid"] = p.uid
    return t


def _toml_string(text: str) -> str:
    """``text`` as a TOML basic string. Every escape JSON writes (\\", \\\\, \\n, \\uXXXX ...) is a TOML escape too,
    and json's encoder is C, where tomli_w looks at one character at a time in Python: a backup of a long
    profile is written before an import or undo can start. TOML also forbids a raw DEL, which JSON leaves
    alone."""
    out = json.dumps(text, ensure_ascii=False)
    return out.replace("\x7f", "\\u007f") if "\x7f" in out else out


def _toml_value(value: Any) -> str:
    """A value of a persona's table (text, a list of text, a whole or real number, true or false) as TOML,
    laid out as tomli_w lays it out: a list one item a line."""
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[\n" + "".join(f"    {_toml_value(v)},\n" for v in value) + "]" if value else "[]"
    if isinstance(value, int | float) and math.isfinite(value):
        return str(value)
    raise TypeError(f"cannot write {value!r} to a personas file")  # English: a programming error


def dumps_personas(personas: Sequence[Persona], header: str = "personamgr personas export") -> str:  # English
    """TOML text for ``personas``. Secrets are not part of a persona and never appear."""
    tables = ("[[persona]]\n" + "".join(f"{key} = {_toml_value(value)}\n" for key, value in persona_table(p).items())
              for p in personas)
    with paused_gc():
        return f"# {_COMMENT_FORBIDDEN.sub(' ', header)}\n\n" + "\n".join(tables)


def save_personas(path: Path | str, personas: Iterable[Persona],
                  header: str = "personamgr personas export") -> None:  # English: a file's first line
    """Write atomically: a crash mid-write never leaves a truncated export."""
    write_text_atomically(path, dumps_personas(list(personas), header))
