"""The persona model: one account (on X, Mastodon, Bluesky or the sandbox) with its own declared focus.

A persona is plain data. Validation lives here so that the GUI, the CLI and
the TOML importer all refuse the same bad input with the same words.
"""

from __future__ import annotations

import ipaddress
import math
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from personamgr.core.i18n import QT_TRANSLATE_NOOP, number, translate

HANDLE_RE = re.compile(r"@[A-Za-z0-9_]{1,15}")  # X's; used with fullmatch: "$" would accept a trailing newline
# Mastodon: @user@server (the server part may be left out while the persona is not connected yet). The server
# is a domain name, or, for a self-hosted one, localhost or an IP address; either may carry a port.
MASTODON_HANDLE_RE = re.compile(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?"
                                r"(?:@(?:[A-Za-z0-9.-]+\.[A-Za-z]{2,}|localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])"
                                r"(?::\d{1,5})?)?")
# Bluesky: a domain name (atproto handle syntax): @alice.bsky.social
BLUESKY_HANDLE_RE = re.compile(r"@(?=.{3,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]"
                               r"(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
UID_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")
NETWORK_RE = re.compile(r"[a-z][a-z0-9_-]{0,31}")
COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
NAME_MAX = 64
STANDARD_LIMIT = 280
PREMIUM_LIMIT = 25_000
MASTODON_DEFAULT_LIMIT = 500  # mastodon.social's, until the persona's own server has said what it allows
FOCUS_SUMMARY_CHARS = 120  # a summary longer than this is cut: one line in a list or a warning
BLUESKY_LIMIT = 300  # graphemes
BLUESKY_MAX_BYTES = 3000  # app.bsky.feed.post's text: maxGraphemes 300 and maxLength 3000 (UTF-8 bytes)
DEFAULT_IMAGES = 4

NETWORKS = ("x", "mastodon", "bluesky", "sandbox")
# The window says each through the "networks" context (the sandbox's name is translated; the others are names).
NETWORK_LABELS = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky",
                  "sandbox": QT_TRANSLATE_NOOP("networks", "Sandbox")}
BLUESKY_DEFAULT_SERVER = "https://bsky.social"
VISIBILITIES = ("public", "unlisted", "private", "direct")  # Mastodon's; "private" is followers only

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
            raise PersonaError(translate(
                "Personas", "invalid queue slot {weekday} {hour}:{minute}").format(
                weekday=self.weekday, hour=self.hour, minute=f"{self.minute:02d}"), "queue_slots")


# Weekday slots a new persona starts with (in its own zone), so its first "Add to queue" has somewhere to go:
# whether it was made in the window or by an import that gives no ``queue``.
DEFAULT_SLOTS: tuple[QueueSlot, ...] = tuple(QueueSlot(day, hour, minute) for day in range(5)
                                             for hour, minute in ((9, 0), (12, 30), (17, 0)))


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """What the persona's own server allows (Mastodon's instance information), cached with the persona."""

    max_characters: int = MASTODON_DEFAULT_LIMIT
    max_media: int = DEFAULT_IMAGES
    characters_reserved_per_url: int = 23
    fetched_at: str = ""  # ISO 8601 UTC; when the server was last asked

    def to_json(self) -> dict[str, object]:
        return {"max_characters": self.max_characters, "max_media": self.max_media,
                "characters_reserved_per_url": self.characters_reserved_per_url, "fetched_at": self.fetched_at}

    @classmethod
    def from_json(cls, value: object) -> ServerLimits | None:
        if not isinstance(value, dict):
            return None
        try:
            return cls(int(value["max_characters"]), int(value["max_media"]),
                       int(value.get("characters_reserved_per_url", 23)), str(value.get("fetched_at", "")))
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True, slots=True)
class Persona:
    """One account and what it is for.

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
    # Mastodon: the instance (https://fosstodon.org); Bluesky: the PDS or service (default bsky.social).
    server: str | None = None
    visibility: str = "public"  # Mastodon: each post's default visibility
    content_warning: str = ""  # Mastodon: each post's default content warning ("" for none)
    # The server's own limits as it last reported them (Mastodon); kept by the store, never exported.
    server_limits: ServerLimits | None = None
    uid: str = field(default_factory=lambda: secrets.token_hex(16))  # 32 hex digits, like uuid4().hex

    @property
    def char_limit(self) -> int:
        """How long a post may be, in the unit the persona's network counts (see ``text.length_for``)."""
        if self.network == "mastodon":
            return self.server_limits.max_characters if self.server_limits else MASTODON_DEFAULT_LIMIT
        if self.network == "bluesky":
            return BLUESKY_LIMIT
        return PREMIUM_LIMIT if self.premium else STANDARD_LIMIT

    @property
    def max_text_bytes(self) -> int | None:
        """The network's second limit, in UTF-8 bytes, or None: Bluesky's text may be 300 graphemes yet too long."""
        return BLUESKY_MAX_BYTES if self.network == "bluesky" else None

    @property
    def max_images(self) -> int:
        if self.network == "mastodon" and self.server_limits:
            return self.server_limits.max_media
        return DEFAULT_IMAGES

    @property
    def url_chars(self) -> int:
        """What one link counts toward the limit (X and Mastodon: 23; Bluesky counts the link as written)."""
        if self.network == "mastodon" and self.server_limits:
            return self.server_limits.characters_reserved_per_url
        return 23

    @property
    def service_url(self) -> str | None:
        """The server the persona's account lives on: its own, or the network's default."""
        if self.server:
            return self.server
        return BLUESKY_DEFAULT_SERVER if self.network == "bluesky" else None

    @property
    def network_label(self) -> str:
        """The network's name as the window's language says it (the sandbox has a name of its own in each)."""
        return translate("networks", NETWORK_LABELS.get(self.network, self.network))

    @property
    def account_label(self) -> str:
        """"@metal@fosstodon.org on Mastodon": the account and network, for lists and messages."""
        where = self.network_label
        if self.network == "mastodon" and self.server and not (self.handle and self.handle.count("@") > 1):
            where += f" ({urlsplit(self.server).netloc})"
        if self.handle:
            return translate("personas", "{handle} on {network}").format(handle=self.handle, network=where)
        return translate("personas", "on {network}").format(network=where)

    @property
    def focus_summary(self) -> str:
        """One line for lists, menus and the guard's reasons: the description, else the topics, on one line and
        cut at a word past ``FOCUS_SUMMARY_CHARS`` (a description may run to 25,000 characters, on many lines)."""
        line = " ".join((self.description or ", ".join(self.topics)).split())
        if len(line) <= FOCUS_SUMMARY_CHARS:
            return line
        cut = line[:FOCUS_SUMMARY_CHARS]
        return (cut.rsplit(" ", 1)[0] if " " in cut[FOCUS_SUMMARY_CHARS // 2:] else cut).rstrip(" ,.;:") + "…"

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
            raise PersonaError(translate(
                "Personas", "{what} must be text, got {name}").format(what=what, name=type(v).__name__), what)
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
        return translate(
            "Personas", "a persona needs a name")
    if name != name.strip():
        return translate(
            "Personas", "name {name} has leading or trailing spaces").format(name=repr(name))
    if len(name) > NAME_MAX:
        return translate(
            "Personas", "name {name}… is longer than {max} characters").format(
            name=repr(name[:NAME_MAX]), max=NAME_MAX)
    if name.isprintable():  # the usual name, in one C call: no control, format or separator other than " "
        return None
    for i, ch in enumerate(name):
        if ch in "\n\r\t":
            return translate(
                "Personas", "name {name} contains a line break or tab").format(name=repr(name))
        if not ch.isprintable() and ch not in _NAME_JOINERS:
            text = (translate("Personas", "name {name} contains a bidi control ({char}) at position {position}")
                    if unicodedata.bidirectional(ch) in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI")
                    else translate("Personas", "name {name} contains a control or invisible character ({char}) at "
                                   "position {position}"))
            return text.format(name=repr(name), char=_char_name(ch), position=i + 1)
    if all(ch in _NAME_JOINERS or ch.isspace() for ch in name):
        return translate(
            "Personas", "name {name} has no visible characters").format(name=repr(name))
    return None


def _range_problem(p: Persona, field_name: str, what: str, *, low: float, high: float,
                   whole: bool = False) -> PersonaError | None:
    value = getattr(p, field_name)
    if value is None:
        return None
    if whole and (isinstance(value, bool) or not isinstance(value, int)):
        return PersonaError(translate(
            "Personas", "{what} must be a whole number; got {value}").format(what=translate("Personas", what),
                                                                            value=repr(value)), field_name)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not low <= value <= high:
        return PersonaError(translate(
            "Personas", "{what} must be between {low} and {high}; got {value}").format(
            what=translate("Personas", what), low=number(low), high=number(high), value=repr(value)), field_name)
    return None


def problems(p: Persona) -> Iterator[PersonaError]:
    """Every reason ``p`` is not a valid persona, field by field (nothing when it is valid)."""
    problem = name_problem(p.name)
    if problem:
        yield PersonaError(problem, "name")
    if p.handle is not None:
        problem = handle_problem(p.network, p.handle)
        if problem:
            yield PersonaError(problem, "handle")
    if p.server is not None:
        problem = server_problem(p.server)
        if problem:
            yield PersonaError(problem, "server")
    if p.visibility not in VISIBILITIES:
        yield PersonaError(translate(
            "Personas", "visibility {visibility} must be one of {list}").format(
            visibility=repr(p.visibility), list=', '.join(VISIBILITIES)), "visibility")
    if not isinstance(p.content_warning, str) or "\n" in p.content_warning or len(p.content_warning) > TEXT_MAX:
        yield PersonaError(translate(
            "Personas", "the default content warning must be one line of text"), "content_warning")
    for what in ("topics", "keywords", "examples", "avoid", "hashtags"):
        try:
            items = _clean_list(getattr(p, what), what)
        except PersonaError as e:
            yield e
            continue
        if len(items) > LIST_MAX:
            yield PersonaError(translate(
                "Personas", "{what} has {count} entries; at most {max} are allowed").format(
                what=what, count=number(len(items)), max=number(LIST_MAX)), what)
        elif any(len(item) > TEXT_MAX for item in items):
            yield PersonaError(translate(
                "Personas", "an entry in {what} is longer than {max} characters").format(
                what=what, max=number(TEXT_MAX)), what)
    if not isinstance(p.description, str):
        yield PersonaError(translate(
            "Personas", "description must be text"), "description")
    elif len(p.description) > TEXT_MAX:
        yield PersonaError(translate(
            "Personas", "description is {count} characters long; at most {max}").format(
            count=number(len(p.description)), max=number(TEXT_MAX)),
                           "description")
    elif not p.description.strip() and not any(isinstance(t, str) and t.strip() for t in p.topics):
        yield PersonaError(translate(
            "Personas", "persona {name} needs a focus: a description or at least one topic").format(
            name=repr(p.name)), "description")
    if not isinstance(p.colour, str) or not COLOUR_RE.fullmatch(p.colour):
        yield PersonaError(translate(
            "Personas", "colour {colour} must look like #1d9bf0").format(colour=repr(p.colour)), "colour")
    if not isinstance(p.network, str) or not NETWORK_RE.fullmatch(p.network):
        yield PersonaError(translate(
            "Personas", "network {network} must be a short lower-case name such as x or sandbox").format(
            network=repr(p.network)), "network")
    if not isinstance(p.uid, str) or not UID_RE.fullmatch(p.uid):
        yield PersonaError(translate(
            "Personas", "uid {uid} must be 1 to 32 letters, digits, '-' or '_'").format(uid=repr(p.uid)), "uid")
    if not isinstance(p.timezone, str) or not known_zone(p.timezone):
        yield PersonaError(translate(
            "Personas", "unknown time zone {timezone} (use an IANA name such as Europe/Berlin)").format(
            timezone=repr(p.timezone)), "timezone")
    for e in (_range_problem(p, "late_hours", QT_TRANSLATE_NOOP("Personas", "late_hours (how late a missed post may "
                                                                "go out)"), low=0, high=LATE_HOURS_MAX, whole=True),
              _range_problem(p, "monthly_budget_usd", QT_TRANSLATE_NOOP("Personas", "the monthly budget in dollars"),
                             low=0, high=BUDGET_MAX_USD),
              _range_problem(p, "monthly_post_cap", QT_TRANSLATE_NOOP("Personas", "the monthly post cap"), low=0,
                             high=POST_CAP_MAX, whole=True)):
        if e is not None:
            yield e
    if len(p.queue_slots) > LIST_MAX:
        yield PersonaError(translate(
            "Personas", "{count} queue slots; at most {max} are allowed").format(
            count=number(len(p.queue_slots)), max=number(LIST_MAX)), "queue_slots")


def validate(p: Persona) -> Persona:
    """Return ``p`` if it is a valid persona, else raise the first of its :func:`problems`."""
    for e in problems(p):
        raise e
    return p


def known_zone(name: str) -> bool:
    """Whether this computer's time zone data knows ``name``."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for the file system
        return False
    return True


def handle_problem(network: object, handle: object) -> str | None:
    """Why ``handle`` is not a handle on ``network`` (X's @name, Mastodon's @name@server, Bluesky's @domain)."""
    if not isinstance(handle, str):
        return translate(
            "Personas", "the handle must be text")
    if network == "mastodon":
        if not MASTODON_HANDLE_RE.fullmatch(handle):
            return translate(
                "Personas", "handle {handle} must look like @name@server.social (a Mastodon account)").format(
                handle=repr(handle))
    elif network == "bluesky":
        if not BLUESKY_HANDLE_RE.fullmatch(handle):
            return translate(
                "Personas", "handle {handle} must look like @name.bsky.social (a Bluesky handle is a domain "
                "name)").format(handle=repr(handle))
    elif not HANDLE_RE.fullmatch(handle):
        return translate(
            "Personas", "handle {handle} must be @ followed by 1 to 15 letters, digits or underscores").format(
            handle=repr(handle))
    return None


def normalise_server(text: str) -> str:
    """What the user typed for a server ("fosstodon.org", "https://fosstodon.org/") as a base URL.

    The result still goes through :func:`server_problem`; this only adds the scheme and drops a trailing slash.
    """
    t = text.strip()
    if t and "://" not in t:
        t = "https://" + t
    return t.rstrip("/")


def server_problem(server: object) -> str | None:
    """Why ``server`` is not a usable server base URL, or None. Only http(s) origins: no path, query or login."""
    if not isinstance(server, str) or not server.strip():
        return translate(
            "Personas", "the server must be an address such as https://fosstodon.org")
    try:
        parts = urlsplit(server)
        _ = parts.port  # raises for a port that is not a number
    except ValueError:
        return translate(
            "Personas", "server {server} is not a valid address (such as https://fosstodon.org)").format(
            server=repr(server))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return translate(
            "Personas", "server {server} must start with https:// and name a host, such as "
            "https://fosstodon.org").format(server=repr(server))
    if parts.username and not parts.password and not parts.path.strip("/"):  # "@me@fosstodon.org", typed
        host = parts.netloc.rpartition("@")[2]
        return translate("Personas", "{account} is an account, not a server: use its server, {server}").format(
            account=f"@{parts.username.lstrip('@')}@{parts.hostname}", server=f"https://{host}")
    if parts.username or parts.password:
        return translate(
            "Personas", "server {server} must not contain a user name or password").format(server=repr(server))
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return translate(
            "Personas", "server {server} must be just the address of the server, such as "
            "https://fosstodon.org").format(server=repr(server))
    if server != server.strip() or server.endswith("/"):
        return translate(
            "Personas", "server {server} must be written without spaces or a trailing slash").format(
            server=repr(server))
    secure = secure_address(server)
    if secure is not None:
        return translate(
            "Personas", "server {server} is not a secure address: personamgr sends an account's token or password "
            "only over https (plain http only to this computer). Use {secure}").format(
            server=repr(server), secure=secure)
    return None


def secure_address(server: str | None) -> str | None:
    """The https address to use instead of ``server`` when it is plain http off this computer (an account's token
    or password would cross the network readable), else None. Never used in its place silently: the user changes it,
    knowing the token already went to the http address."""
    if not server:
        return None
    try:
        parts = urlsplit(server)
    except ValueError:
        return None
    if parts.scheme == "http" and parts.hostname and not _on_this_computer(parts.hostname):
        return "https://" + parts.netloc
    return None


def _on_this_computer(host: str) -> bool:
    """A loopback host: plain http to it never leaves the computer (a server under test, a local gateway)."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_all(personas: Iterable[Persona]) -> list[Persona]:
    """Validate each persona and the set as a whole (unique names and handles)."""
    out: list[Persona] = []
    names: set[str] = set()
    handles: set[str] = set()
    for p in personas:
        validate(p)
        key = p.name.casefold()
        if key in names:
            raise PersonaError(translate(
                "Personas", "two personas are named {name}; names must be unique").format(name=repr(p.name)), "name")
        names.add(key)
        if p.handle:
            h = p.handle.casefold()
            if h in handles:
                raise PersonaError(translate(
                    "Personas", "two personas use the handle {handle}").format(handle=p.handle), "handle")
            handles.add(h)
        out.append(p)
    return out


def matches(persona: Persona, query: str) -> bool:
    """Whether ``query`` (any case, words in any order) is found in the persona's name, handle, topics or
    description: how a user with twenty personas finds one by typing."""
    where = " ".join((persona.name, persona.handle or "", *persona.topics, persona.description or "")).casefold()
    return all(word in where for word in query.casefold().split())


def next_colour(existing: Iterable[Persona]) -> str:
    used = {p.colour for p in existing}
    for c in PALETTE:
        if c not in used:
            return c
    return PALETTE[len(used) % len(PALETTE)]
