"""Personas as TOML: the app's export format and the guard CLI's input.

The file is a list of ``[[persona]]`` tables (see design.md). Only ``name`` and a
focus are required, so a hand-written file of a few lines is enough; an export
writes every field so that export then import loses nothing.

Reading never half-succeeds: either every persona in the file is valid and is
returned, or a :class:`PersonaFileError` names the file, the line where it can
be found, and the problem.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tomli_w

from personamgr.core.personas import MissedPolicy, Persona, PersonaError, QueueSlot, Sensitivity, validate_all

_LIST_FIELDS = ("topics", "keywords", "examples", "avoid", "hashtags")
_STR_FIELDS = ("description", "colour", "network", "timezone", "uid")
_KNOWN = {
    "name", "handle", "premium", "sensitivity", "missed_policy", "late_hours", "queue",
    "paused", "monthly_budget_usd", "monthly_post_cap", *_LIST_FIELDS, *_STR_FIELDS,
}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SLOT_RE = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun) ([01]\d|2[0-3]):([0-5]\d)$")


class PersonaFileError(ValueError):
    """A personas file could not be read. The message is ready to show to a user."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {problem}")


def _toml_lines(source: str) -> list[str]:
    """Lines as TOML counts them: only LF ends a line (``str.splitlines`` also splits on U+2028, U+0085, ...)."""
    return source.split("\n")


def _table_lines(source: str) -> list[int]:
    """1-based line numbers of each ``[[persona]]`` header, in order."""
    return [i for i, ln in enumerate(_toml_lines(source), 1) if re.match(r"^\s*\[\[\s*persona\s*\]\]", ln)]


def _key_line(source: str, table_start: int | None, key: str | None) -> int | None:
    """Best-effort line of ``key =`` inside the table starting at ``table_start``."""
    if table_start is None:
        return None
    if key is None:
        return table_start
    lines = _toml_lines(source)
    for i in range(table_start, len(lines)):
        ln = lines[i]
        if re.match(r"^\s*\[", ln):
            break
        if re.match(rf"^\s*{re.escape(key)}\s*=", ln):
            return i + 1
    return table_start


def _slot_from_text(text: str) -> QueueSlot:
    m = _SLOT_RE.match(text.strip().lower())
    if not m:
        raise PersonaError(f"queue slot {text!r} must look like 'mon 09:30'", "queue")
    return QueueSlot(_DAYS.index(m.group(1)), int(m.group(2)), int(m.group(3)))


def slot_to_text(slot: QueueSlot) -> str:
    return f"{_DAYS[slot.weekday]} {slot.hour:02d}:{slot.minute:02d}"


def _persona_from_table(t: dict[str, Any]) -> Persona:
    unknown = sorted(set(t) - _KNOWN)
    if unknown:
        raise PersonaError(f"unknown key {unknown[0]!r}", unknown[0])
    if "name" not in t:
        raise PersonaError("missing 'name'", None)
    kw: dict[str, Any] = {}
    for key, value in t.items():
        if key in _LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise PersonaError(f"'{key}' must be a list of strings", key)
            kw[key] = tuple(value)
        elif key in (*_STR_FIELDS, "name", "handle"):
            if not isinstance(value, str):
                raise PersonaError(f"'{key}' must be a string", key)
            kw[key] = value
        elif key in ("premium", "paused"):
            if not isinstance(value, bool):
                raise PersonaError(f"'{key}' must be true or false", key)
            kw[key] = value
        elif key == "sensitivity":
            try:
                kw[key] = Sensitivity(value)
            except ValueError:
                raise PersonaError(f"'sensitivity' must be one of {', '.join(s.value for s in Sensitivity)}", key)
        elif key == "missed_policy":
            try:
                kw[key] = MissedPolicy(value)
            except ValueError:
                raise PersonaError(f"'missed_policy' must be one of {', '.join(s.value for s in MissedPolicy)}", key)
        elif key in ("late_hours", "monthly_post_cap"):
            if not isinstance(value, int) or isinstance(value, bool):
                raise PersonaError(f"'{key}' must be a whole number", key)
            kw[key] = value
        elif key == "monthly_budget_usd":
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise PersonaError("'monthly_budget_usd' must be a number", key)
            kw[key] = float(value)
        elif key == "queue":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise PersonaError("'queue' must be a list of slots like 'mon 09:30'", key)
            kw["queue_slots"] = tuple(_slot_from_text(v) for v in value)
    return Persona(**kw)


def parse_personas(source: str, path: Path | str = "<personas>") -> list[Persona]:
    """Parse TOML text into validated personas, or raise :class:`PersonaFileError`."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        line = int(m.group(1)) if m else getattr(e, "lineno", None)
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        raise PersonaFileError(path, f"not valid TOML: {problem}", line) from None
    tables = data.get("persona")
    extra = sorted(set(data) - {"persona"})
    if extra:
        raise PersonaFileError(path, f"unexpected top-level key {extra[0]!r}; expected only [[persona]] tables")
    if tables is None:
        raise PersonaFileError(path, "no [[persona]] tables found")
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise PersonaFileError(path, "'persona' must be written as [[persona]] tables")
    starts = _table_lines(source)
    personas: list[Persona] = []
    for i, t in enumerate(tables):
        start = starts[i] if i < len(starts) else None
        try:
            personas.append(_persona_from_table(t))
        except PersonaError as e:
            label = f"persona #{i + 1}" + (f" ({t['name']!r})" if isinstance(t.get("name"), str) else "")
            raise PersonaFileError(path, f"{label}: {e}", _key_line(source, start, e.field)) from None
    try:
        validate_all(personas)
    except PersonaError as e:
        # Point at the first persona that clashes or fails.
        line = None
        for i in range(len(personas)):
            try:
                validate_all(personas[: i + 1])
            except PersonaError:
                line = _key_line(source, starts[i] if i < len(starts) else None, e.field)
                break
        raise PersonaFileError(path, str(e), line) from None
    return personas


def load_personas(path: Path | str) -> list[Persona]:
    """Read a personas file. Errors name the file, the line and the problem."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise PersonaFileError(p, "file not found") from None
    except IsADirectoryError:
        raise PersonaFileError(p, "is a directory, not a personas file") from None
    except OSError as e:
        raise PersonaFileError(p, f"cannot be read: {e.strerror or e}") from None
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise PersonaFileError(p, "is not UTF-8 text", line) from None
    return parse_personas(source, p)


def _persona_to_table(p: Persona) -> dict[str, Any]:
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
    if p.monthly_budget_usd is not None:
        t["monthly_budget_usd"] = p.monthly_budget_usd
    if p.monthly_post_cap is not None:
        t["monthly_post_cap"] = p.monthly_post_cap
    t["uid"] = p.uid
    return t


def dumps_personas(personas: Sequence[Persona], header: str = "personamgr personas export") -> str:
    """TOML text for ``personas``. Secrets are not part of a persona and never appear."""
    body = tomli_w.dumps({"persona": [_persona_to_table(p) for p in personas]}, multiline_strings=False)
    return f"# {header}\n\n{body}"


def save_personas(path: Path | str, personas: Iterable[Persona]) -> None:
    """Write atomically: a crash mid-write never leaves a truncated export."""
    p = Path(path)
    text = dumps_personas(list(personas))
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def persona_table(p: Persona) -> dict[str, Any]:
    """One persona as its ``[[persona]]`` table (what an export writes for it)."""
    return _persona_to_table(p)
