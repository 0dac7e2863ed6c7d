"""The persona model: one X account with its own declared focus.

A persona is plain data. Validation lives here so that the GUI, the CLI and
the TOML importer all refuse the same bad input with the same words.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HANDLE_RE = re.compile(r"@[A-Za-z0-9_]{1,15}")  # used with fullmatch: "$" would accept a trailing newline
NAME_MAX = 40
STANDARD_LIMIT = 280
PREMIUM_LIMIT = 25_000

# A small palette that stays readable on light and dark trays.
PALETTE = ("#1d9bf0", "#c0392b", "#16a085", "#8e44ad", "#d35400", "#2c3e50", "#27ae60", "#b8860b")


class Sensitivity(StrEnum):
    """How eagerly the guard warns for this persona."""

    STRICT = "strict"
    NORMAL = "normal"
    RELAXED = "relaxed"


class MissedPolicy(StrEnum):
    """What to do with a scheduled post whose time passed while the app was not running."""

    ASK = "ask"
    POST_LATE = "post_late"
    SKIP = "skip"


class PersonaError(ValueError):
    """A persona failed validation. ``field`` names the offending attribute."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class QueueSlot:
    """A weekly posting slot in the persona's own time zone (weekday 0 = Monday)."""

    weekday: int
    hour: int
    minute: int = 0

    def __post_init__(self) -> None:
        if not (0 <= self.weekday <= 6 and 0 <= self.hour <= 23 and 0 <= self.minute <= 59):
            raise PersonaError(f"invalid queue slot {self.weekday} {self.hour}:{self.minute:02d}", "queue_slots")


@dataclass(frozen=True, slots=True)
class Persona:
    """One X account and what it is for.

    ``uid`` is stable for the persona's whole life; secrets are keyed by it so a
    rename never orphans credentials. ``name`` is the user-facing unique id.
    """

    name: str
    description: str = ""
    topics: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    handle: str | None = None
    hashtags: tuple[str, ...] = ()  # signature hashtags: a leak if they show up on another persona
    colour: str = PALETTE[0]
    network: str = "sandbox"
    premium: bool = False
    timezone: str = "UTC"
    sensitivity: Sensitivity = Sensitivity.NORMAL
    missed_policy: MissedPolicy = MissedPolicy.ASK
    late_hours: int = 6  # with MissedPolicy.POST_LATE: how late is still acceptable
    queue_slots: tuple[QueueSlot, ...] = ()
    paused: bool = False
    monthly_budget_usd: float | None = None
    monthly_post_cap: int | None = None
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def char_limit(self) -> int:
        return PREMIUM_LIMIT if self.premium else STANDARD_LIMIT

    @property
    def focus_summary(self) -> str:
        """One line for lists and menus: the description, else the topics."""
        if self.description:
            return self.description
        return ", ".join(self.topics)

    @property
    def initial(self) -> str:
        for ch in self.name:
            if ch.isalnum():
                return ch.upper()
        return "?"

    def with_changes(self, **changes: object) -> Persona:
        """A validated copy with some fields changed."""
        return validate(replace(self, **changes))  # type: ignore[arg-type]


def _clean_list(values: Iterable[str], what: str) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        if not isinstance(v, str):
            raise PersonaError(f"{what} must be text, got {type(v).__name__}", what)
        out.append(v)
    return tuple(out)


def validate(p: Persona) -> Persona:
    """Return ``p`` if it is a valid persona, else raise :class:`PersonaError`."""
    if not isinstance(p.name, str) or not p.name.strip():
        raise PersonaError("a persona needs a name", "name")
    if p.name != p.name.strip():
        raise PersonaError(f"name {p.name!r} has leading or trailing spaces", "name")
    if len(p.name) > NAME_MAX:
        raise PersonaError(f"name {p.name!r} is longer than {NAME_MAX} characters", "name")
    if any(ch in p.name for ch in "\n\r\t"):
        raise PersonaError(f"name {p.name!r} contains a line break or tab", "name")
    if p.handle is not None and not (isinstance(p.handle, str) and HANDLE_RE.fullmatch(p.handle)):
        raise PersonaError(
            f"handle {p.handle!r} must be @ followed by 1 to 15 letters, digits or underscores", "handle"
        )
    for what in ("topics", "keywords", "examples", "avoid", "hashtags"):
        _clean_list(getattr(p, what), what)
    if not p.description.strip() and not any(t.strip() for t in p.topics):
        raise PersonaError(f"persona {p.name!r} needs a focus: a description or at least one topic", "description")
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", p.colour):
        raise PersonaError(f"colour {p.colour!r} must look like #1d9bf0", "colour")
    try:
        ZoneInfo(p.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise PersonaError(f"unknown time zone {p.timezone!r} (use an IANA name such as Europe/Berlin)", "timezone")
    if p.late_hours < 0:
        raise PersonaError("late_hours cannot be negative", "late_hours")
    if p.monthly_budget_usd is not None and not (math.isfinite(p.monthly_budget_usd) and p.monthly_budget_usd >= 0):
        raise PersonaError("monthly budget must be a number of dollars, zero or more", "monthly_budget_usd")
    if p.monthly_post_cap is not None and p.monthly_post_cap < 0:
        raise PersonaError("monthly post cap cannot be negative", "monthly_post_cap")
    return p


def validate_all(personas: Iterable[Persona]) -> list[Persona]:
    """Validate each persona and the set as a whole (unique names and handles)."""
    out: list[Persona] = []
    names: set[str] = set()
    handles: set[str] = set()
    for p in personas:
        validate(p)
        key = p.name.casefold()
        if key in names:
            raise PersonaError(f"two personas are named {p.name!r}; names must be unique", "name")
        names.add(key)
        if p.handle:
            h = p.handle.casefold()
            if h in handles:
                raise PersonaError(f"two personas use the handle {p.handle}", "handle")
            handles.add(h)
        out.append(p)
    return out


def next_colour(existing: Iterable[Persona]) -> str:
    used = {p.colour for p in existing}
    for c in PALETTE:
        if c not in used:
            return c
    return PALETTE[len(used) % len(PALETTE)]
