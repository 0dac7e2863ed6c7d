"""The persona model: one X account with its own declared focus.

A persona is plain data. Validation lives here so that the GUI, the CLI and
the TOML importer all refuse the same bad input with the same words.
"""

from __future__ import annotations

import math
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HANDLE_RE = re.compile(r"@[A-Za-z0-9_]{1,15}")  # used with fullmatch: "$" would accept a trailing newline
UID_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")
NETWORK_RE = re.compile(r"[a-z][a-z0-9_-]{0,31}")
NAME_MAX = 64
STANDARD_LIMIT = 280
PREMIUM_LIMIT = 25_000

# Ranges every boundary (the TOML file, the window, the CLI) holds a persona to, so that nothing the
# scheduler or the database does with a value can overflow. The window's spin boxes use the same bounds.
LATE_HOURS_MAX = 24 * 14
POST_CAP_MAX = 1_000_000
BUDGET_MAX_USD = 1_000_000.0
TEXT_MAX = PREMIUM_LIMIT  # one description, topic, example ...: no longer than the longest post
LIST_MAX = 1_000  # topics, examples, ... and queue slots
# Invisible characters a name may hold: the joiners inside emoji sequences and some scripts.
_NAME_JOINERS = frozenset("\u200c\u200d")

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
    uid: str = field(default_factory=lambda: secrets.token_hex(16))  # 32 hex digits, like uuid4().hex

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


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip()


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot name a persona, or None.

    A name is shown in menus, the tray and the CLI's output, and typed to pick a persona: it must be
    printable, so control characters, bidi overrides (which reorder what is shown around them) and
    invisible characters that make two names look alike are refused.
    """
    if not isinstance(name, str) or not name.strip():
        return "a persona needs a name"
    if name != name.strip():
        return f"name {name!r} has leading or trailing spaces"
    if len(name) > NAME_MAX:
        return f"name {name[:NAME_MAX]!r}… is longer than {NAME_MAX} characters"
    for i, ch in enumerate(name):
        if ch in "\n\r\t":
            return f"name {name!r} contains a line break or tab"
        if not ch.isprintable() and ch not in _NAME_JOINERS:
            kind = "a bidi control" if unicodedata.bidirectional(ch) in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI",
                                                                         "RLI", "FSI", "PDI") else \
                "a control or invisible character"
            return f"name {name!r} contains {kind} ({_char_name(ch)}) at position {i + 1}"
    if all(ch in _NAME_JOINERS or ch.isspace() for ch in name):
        return f"name {name!r} has no visible characters"
    return None


def _range_problem(p: Persona, field_name: str, what: str, *, low: float, high: float,
                   whole: bool = False) -> PersonaError | None:
    value = getattr(p, field_name)
    if value is None:
        return None
    if whole and (isinstance(value, bool) or not isinstance(value, int)):
        return PersonaError(f"{what} must be a whole number; got {value!r}", field_name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not low <= value <= high:
        return PersonaError(f"{what} must be between {low:,.0f} and {high:,.0f}; got {value!r}", field_name)
    return None


def problems(p: Persona) -> Iterator[PersonaError]:
    """Every reason ``p`` is not a valid persona, field by field (nothing when it is valid)."""
    problem = name_problem(p.name)
    if problem:
        yield PersonaError(problem, "name")
    if p.handle is not None and not (isinstance(p.handle, str) and HANDLE_RE.fullmatch(p.handle)):
        yield PersonaError(f"handle {p.handle!r} must be @ followed by 1 to 15 letters, digits or underscores",
                           "handle")
    for what in ("topics", "keywords", "examples", "avoid", "hashtags"):
        try:
            items = _clean_list(getattr(p, what), what)
        except PersonaError as e:
            yield e
            continue
        if len(items) > LIST_MAX:
            yield PersonaError(f"{what} has {len(items):,} entries; at most {LIST_MAX:,} are allowed", what)
        elif any(len(item) > TEXT_MAX for item in items):
            yield PersonaError(f"an entry in {what} is longer than {TEXT_MAX:,} characters", what)
    if not isinstance(p.description, str):
        yield PersonaError("description must be text", "description")
    elif len(p.description) > TEXT_MAX:
        yield PersonaError(f"description is {len(p.description):,} characters long; at most {TEXT_MAX:,}",
                           "description")
    elif not p.description.strip() and not any(isinstance(t, str) and t.strip() for t in p.topics):
        yield PersonaError(f"persona {p.name!r} needs a focus: a description or at least one topic", "description")
    if not isinstance(p.colour, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", p.colour):
        yield PersonaError(f"colour {p.colour!r} must look like #1d9bf0", "colour")
    if not isinstance(p.network, str) or not NETWORK_RE.fullmatch(p.network):
        yield PersonaError(f"network {p.network!r} must be a short lower-case name such as x or sandbox", "network")
    if not isinstance(p.uid, str) or not UID_RE.fullmatch(p.uid):
        yield PersonaError(f"uid {p.uid!r} must be 1 to 32 letters, digits, '-' or '_'", "uid")
    if not isinstance(p.timezone, str) or not _known_zone(p.timezone):
        yield PersonaError(f"unknown time zone {p.timezone!r} (use an IANA name such as Europe/Berlin)", "timezone")
    for e in (_range_problem(p, "late_hours", "late_hours (how late a missed post may go out)", low=0,
                             high=LATE_HOURS_MAX, whole=True),
              _range_problem(p, "monthly_budget_usd", "the monthly budget in dollars", low=0, high=BUDGET_MAX_USD),
              _range_problem(p, "monthly_post_cap", "the monthly post cap", low=0, high=POST_CAP_MAX, whole=True)):
        if e is not None:
            yield e
    if len(p.queue_slots) > LIST_MAX:
        yield PersonaError(f"{len(p.queue_slots):,} queue slots; at most {LIST_MAX:,} are allowed", "queue_slots")


def validate(p: Persona) -> Persona:
    """Return ``p`` if it is a valid persona, else raise the first of its :func:`problems`."""
    for e in problems(p):
        raise e
    return p


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for the file system
        return False
    return True


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
