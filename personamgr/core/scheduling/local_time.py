"""Wall-clock times in a persona's own zone, turned into UTC instants.

Users think in local times ("Monday 09:00 in New York"); the database stores
UTC. Twice a year that mapping is not one-to-one, and the app decides rather
than letting the library guess silently:

* A **nonexistent** time (spring forward: 02:30 on 8 March 2026 in
  America/New_York never happens) is shifted **forward by the gap**: the post
  goes out at 03:30 EDT, the first wall-clock minute that exists an equal
  distance past the jump. The user is told.
* An **ambiguous** time (fall back: 01:30 on 1 November 2026 happens twice) is
  the **first occurrence** (``fold=0``, 01:30 EDT). The user is told, and a
  weekly queue slot at that time fires once, not twice.

Both come from ``fold=0`` semantics in :mod:`zoneinfo`; this module makes the
choice explicit and reports it so the GUI and the CLI can say so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from personamgr.core import i18n
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.personas import known_zone


@dataclass(frozen=True, slots=True)
class ResolvedTime:
    """A UTC instant for a requested local time, and a note when the two differ in meaning."""

    utc: datetime  # aware, UTC
    local: datetime  # aware, in the zone: what the clock on the wall will show
    requested: datetime  # naive, as asked
    adjustment: str | None = None  # "nonexistent" | "ambiguous" | None
    note: str | None = None


def zone(name: str) -> ZoneInfo:
    """The zone ``name``, or UTC when this computer's time zone data does not know it (renamed or removed since the
    persona chose it, or a profile from a computer with newer data): a post's moment is kept in UTC, so it is then
    shown, and a wall time read, in UTC, rather than no list showing anything (:func:`unknown_zone_warning`)."""
    return ZoneInfo(name if known_zone(name) else "UTC")


def unknown_zone_warning(persona: str, name: str) -> str:
    """What to tell the user about a persona whose zone :func:`zone` read as UTC, and the way out."""
    return translate("LocalTime", "{persona}'s time zone {zone} is not in this computer's time zone data (it may have "
                     "been renamed or removed), so its times are shown and read in UTC. Choose its zone again in the "
                     "persona editor, or set timezone in a personas export and import it.").format(
        persona=persona, zone=name)


def is_nonexistent(local: datetime, tz: ZoneInfo) -> bool:
    """True if the naive wall time ``local`` is skipped in ``tz`` (a spring-forward gap)."""
    aware = local.replace(tzinfo=tz, fold=0)
    return aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != local.replace(fold=0)


def is_ambiguous(local: datetime, tz: ZoneInfo) -> bool:
    """True if the naive wall time ``local`` happens twice in ``tz`` (a fall-back overlap)."""
    if is_nonexistent(local, tz):
        return False
    return local.replace(tzinfo=tz, fold=0).utcoffset() != local.replace(tzinfo=tz, fold=1).utcoffset()


def resolve_local(local: datetime, tz_name: str) -> ResolvedTime:
    """The UTC instant for wall time ``local`` (naive) in zone ``tz_name``, with the DST decisions above."""
    if local.tzinfo is not None:
        raise ValueError("resolve_local takes a naive wall-clock time")  # English: a programming error
    tz = zone(tz_name)
    requested = local.replace(fold=0)
    aware = requested.replace(tzinfo=tz)
    instant = aware.astimezone(UTC)
    wall = instant.astimezone(tz)
    if is_nonexistent(requested, tz):
        return ResolvedTime(instant, wall, requested, "nonexistent", translate(
            "LocalTime", "{time} does not exist on {date} in {zone} (clocks spring forward); it will go out at "
            "{new_time} instead.").format(time=f"{requested:%H:%M}", date=i18n.day(requested), zone=tz_name,
                                          new_time=f"{wall:%H:%M %Z}"))
    if is_ambiguous(requested, tz):
        later = requested.replace(tzinfo=tz, fold=1)
        return ResolvedTime(instant, wall, requested, "ambiguous", translate(
            "LocalTime", "{time} happens twice on {date} in {zone} (clocks fall back); it will go out at the first "
            "one, {first}, not the second ({second}).").format(time=f"{requested:%H:%M}", date=i18n.day(requested),
                                                                zone=tz_name, first=f"{wall:%H:%M %Z}",
                                                                second=f"{later:%H:%M %Z}"))
    return ResolvedTime(instant, wall, requested)


def to_local(instant: datetime, tz_name: str) -> datetime:
    """An aware instant shown in the persona's zone."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(zone(tz_name))


def to_local_naive(instant: datetime, tz_name: str) -> datetime:
    """The wall-clock time in the persona's zone, without a zone (what a date-time picker edits)."""
    return to_local(instant, tz_name).replace(tzinfo=None)


def describe(instant: datetime, tz_name: str) -> str:
    """'Mon 09 Mar 2026 09:00 EDT' for lists and messages (the day in the user's language)."""
    local = to_local(instant, tz_name)
    return f"{i18n.day(local)} {local:%H:%M %Z}"


def describe_with_utc(instant: datetime, tz_name: str) -> str:
    """``describe`` plus the UTC instant for scripts to check, unless the zone's clock already reads UTC."""
    local = to_local(instant, tz_name)
    if not local.utcoffset():
        return describe(instant, tz_name)
    return f"{describe(instant, tz_name)} ({instant.astimezone(UTC):%Y-%m-%d %H:%M} UTC)"


def same_as_machine(instant: datetime, tz_name: str, machine: tzinfo | None = None) -> bool:
    """Whether the persona's zone shows the same wall time and zone name as the computer's own at ``instant``."""
    theirs = to_local(instant, tz_name)
    mine = instant.astimezone(machine) if machine is not None else instant.astimezone()
    return theirs.utcoffset() == mine.utcoffset() and theirs.tzname() == mine.tzname()


def short_time(instant: datetime, tz_name: str, now: datetime, machine: tzinfo | None = None) -> str:
    """A time as lists show it, in the persona's zone and the user's language: "Today 14:00", "Tomorrow 09:00",
    "Tue 3 Mar, 14:00", "3 Mar 2027, 14:00" ("Hoy 14:00", "mar 3 mar, 14:00"). The one rule for relative times:
    the history, the schedule, the calendar and the CLI all say a post's time this way.

    The zone is named ("Today 09:00 EST") wherever it is not the computer's own, so one post never shows two
    different unnamed times in two places.
    """
    local = to_local(instant, tz_name)
    today = to_local(now, tz_name).date()
    clock = f"{local:%H:%M}"
    if local.date() == today:
        text = translate("Times", "Today {time}").format(time=clock)
    elif local.date() == today + timedelta(days=1):
        text = translate("Times", "Tomorrow {time}").format(time=clock)
    else:
        text = translate("Times", "{date}, {time}").format(date=i18n.short_day(local.date(), today.year),
                                                                time=clock)
    return text if same_as_machine(instant, tz_name, machine) else f"{text} {local:%Z}"


# Dates a user may give: far enough from datetime's limits (years 1 and 9999) that converting them to
# any zone cannot overflow. Whether a time is too far ahead to schedule is the scheduler's call.
FIRST_YEAR, LAST_YEAR = 1970, 9998


_ISO_SHAPE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)")


def _out_of_range(raw: str, text: str) -> str | None:
    """For a time in ISO 8601's shape that names a month, day, hour or minute that does not exist, which one
    (Python's "hour must be in 0..23" is English, and "not an ISO 8601 date" hid the 25); else None."""
    shape = _ISO_SHAPE.match(raw)
    if shape is None:
        return None
    year, month, day, hour, minute = (int(g) for g in shape.groups())
    if not 1 <= month <= 12:
        said = translate("LocalTime", "{text} has no month {month} (months are 01 to 12)")
    elif not 0 <= hour <= 23:
        said = translate("LocalTime", "{text} has no hour {hour} (hours are 00 to 23)")
    elif not 0 <= minute <= 59:
        said = translate("LocalTime", "{text} has no minute {minute} (minutes are 00 to 59)")
    elif not 1 <= day <= calendar.monthrange(max(year, 1), month)[1]:
        said = translate("LocalTime", "{text} has no day {day} in that month")
    else:
        return None
    return said.format(text=repr(text), month=f"{month:02d}", day=day, hour=f"{hour:02d}", minute=f"{minute:02d}")


_DAY_NAMES = (QT_TRANSLATE_NOOP("LocalTime", "Monday"), QT_TRANSLATE_NOOP("LocalTime", "Tuesday"),
              QT_TRANSLATE_NOOP("LocalTime", "Wednesday"), QT_TRANSLATE_NOOP("LocalTime", "Thursday"),
              QT_TRANSLATE_NOOP("LocalTime", "Friday"), QT_TRANSLATE_NOOP("LocalTime", "Saturday"),
              QT_TRANSLATE_NOOP("LocalTime", "Sunday"))
_DAY_AND_TIME = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+(\d{1,2}):(\d\d)$", re.IGNORECASE)
_BARE_TIME = re.compile(r"^(\d{1,2}):(\d\d)$")


def _missing_date(raw: str, text: str, tz_name: str, now: datetime | None) -> str | None:
    """For a weekday and a time ('mon 9:30', a queue slot's form) or a time alone, the date to give, as the
    next such moment in the persona's zone: the form alone ("not an ISO 8601 date") told the user nothing
    about what their words lacked. None for anything else, or a time that does not exist."""
    day = _DAY_AND_TIME.match(raw)
    bare = None if day else _BARE_TIME.match(raw)
    if now is None or not (day or bare):
        return None
    hour, minute = (int(g) for g in (day or bare).groups()[-2:])  # type: ignore[union-attr]
    if hour > 23 or minute > 59:
        return None
    local = to_local(now, tz_name)
    ahead = (hour, minute) <= (local.hour, local.minute)  # that time today is past: the next one
    if day:
        weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(day.group(1).lower()[:3])
        days = (weekday - local.weekday()) % 7 or (7 if ahead else 0)
    else:
        days = 1 if ahead else 0
    date = (local + timedelta(days=days)).date().isoformat()
    example = f"{date}T{hour:02d}:{minute:02d}"
    if day:
        return translate("LocalTime", "{text} is a day of the week, not a date; give the date too: the next "
                         "{day} is {date}, so {example} (in the persona's zone)").format(
            text=repr(text), day=translate("LocalTime", _DAY_NAMES[weekday]), date=date, example=example)
    return translate("LocalTime", "{text} has no date; give it, e.g. {example} (in the persona's zone)").format(
        text=repr(text), example=example)


def parse_when(text: str, tz_name: str, *, now: datetime | None = None) -> ResolvedTime:
    """Parse ISO 8601 from the user. With an offset it is an instant; without, a wall time in ``tz_name``.

    Raises ValueError with a message that shows an accepted form; never anything else. ``now`` lets the
    message for a weekday or a time without a date name the date the user meant.
    """
    raw = text.strip()
    example = translate("LocalTime", "use e.g. 2026-03-09T14:00 (in the persona's zone) or 2026-03-09T14:00+01:00")
    if not raw:
        raise ValueError(translate("LocalTime", "no date and time given; {example}").format(example=example))
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith(("Z", "z")) else raw)
    except ValueError:
        raise ValueError(_out_of_range(raw, text) or _missing_date(raw, text, tz_name, now) or translate(
            "LocalTime", "{text} is not an ISO 8601 date and time; {example}").format(
            text=repr(text), example=example)) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(translate("LocalTime", "{text} is outside the dates personamgr can schedule ({first} to "
                                   "{last})").format(text=repr(text), first=FIRST_YEAR, last=LAST_YEAR))
    if value.tzinfo is None:
        if len(raw) <= 10:  # a bare date: there is no sensible default time
            raise ValueError(translate("LocalTime", "{text} has no time of day; use e.g. {example}").format(
                text=repr(text), example=f"{raw}T09:00"))
        return resolve_local(value, tz_name)
    instant = value.astimezone(UTC)
    return ResolvedTime(instant, instant.astimezone(zone(tz_name)), value.replace(tzinfo=None))
