"""Times as the window shows them: in the persona's zone, the zone named when it is not the computer's own, and
the words and month names in the user's language (Qt's locale; the CLI keeps core's English ``short_time``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QLocale

from personamgr.core.i18n import translate
from personamgr.core.scheduling.local_time import same_as_machine, to_local


def short(dt: datetime, zone: str, now: datetime) -> str:
    """"Today 14:00", "Tue 3 Mar, 14:00", "3 Mar 2027, 14:00" ("hoy 14:00", "mar 3 mar, 14:00"), plus the zone's
    abbreviation where it is not the computer's (the same rule as ``core.scheduling.short_time``)."""
    local = to_local(dt, zone)
    today = to_local(now, zone).date()
    clock = f"{local:%H:%M}"
    day = QDate(local.year, local.month, local.day)
    locale = QLocale()
    if local.date() == today:
        text = translate("Times", "Today {time}").format(time=clock)
    elif local.date() == today + timedelta(days=1):
        text = translate("Times", "Tomorrow {time}").format(time=clock)
    elif local.year == today.year:
        text = translate("Times", "{date}, {time}").format(date=locale.toString(day, "ddd d MMM"), time=clock)
    else:
        text = translate("Times", "{date}, {time}").format(date=locale.toString(day, "d MMM yyyy"), time=clock)
    return text if same_as_machine(dt, zone) else f"{text} {local:%Z}"
