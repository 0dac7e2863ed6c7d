"""The one translation call, usable from core without Qt.

``translate(context, text)`` is what every user-visible string goes through. In
the CLI it returns ``text`` (the command line speaks English); the window
installs Qt's ``QCoreApplication.translate`` with :func:`install`, so the same
core strings reach the user in their language. ``pyside6-lupdate`` finds the
calls by name, which is why the function is called ``translate`` everywhere
(and ``QT_TRANSLATE_NOOP`` where a string is only declared, to be translated
when it is shown).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

Translator = Callable[[str, str, "str | None", int], str]
DateWriter = Callable[[date, str], str]  # (date, "day", "day_month", "weekday_day_month" or "day_month_year") -> text


def _identity(_context: str, text: str, _disambiguation: str | None = None, _n: int = -1) -> str:
    return text


_translator: Translator = _identity


def _english_date(d: date, style: str) -> str:
    return {"day_month": f"{d.day} {d:%B}", "weekday_day_month": f"{d:%a} {d.day} {d:%b}",
            "day_month_year": f"{d.day} {d:%b} {d.year}"}.get(style, f"{d:%a %d %b %Y}")


_date_writer: DateWriter = _english_date


def install(translator: Translator | None, dates: DateWriter | None = None, language: str = "en") -> None:
    """Route :func:`translate` through ``translator`` (Qt's), or back to English with None; ``dates`` writes
    dates with the weekday and month names of the same language (:func:`day`, :func:`day_month`), and
    :func:`number` writes numbers the way ``language`` does."""
    global _translator, _date_writer, _numbers
    _translator = translator or _identity
    _date_writer = dates or _english_date
    _numbers = NUMBERS.get(language, NUMBERS["en"])


def day(d: date) -> str:
    """A date as messages name it, in the user's language: "Sun 08 Mar 2026" ("dom 8 mar 2026")."""
    return _date_writer(d, "day")


def day_month(d: date) -> str:
    """A day of this year as messages name it: "1 February" ("1 de febrero")."""
    return _date_writer(d, "day_month")


def short_day(d: date, this_year: int) -> str:
    """A day as lists name it: "Tue 3 Mar" this year, "3 Mar 2027" another ("mar 3 mar", "3 mar 2027")."""
    return _date_writer(d, "weekday_day_month" if d.year == this_year else "day_month_year")


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers (CLDR's figures): its separators, and how many digits a number needs
    before its thousands are grouped (Spanish writes 3016 but 12.345)."""

    group: str
    decimal: str
    min_grouping: int  # digits before the last group: 1 groups 1,000; 2 leaves 1000 whole
    percent: str  # "{}%" or "{} %"
    money: str  # US dollars, the only currency shown (X's pay-per-use prices)


# A table, not Babel: the app ships English and Spanish, and Babel's locale data for every language would
# serve only these two rows (its size: bench/README.md). A language without a row writes numbers as English
# does (tests/i18n checks every shipped translation has one, and that it agrees with Qt's QLocale).
NUMBERS: dict[str, NumberStyle] = {
    "en": NumberStyle(group=",", decimal=".", min_grouping=1, percent="{}%", money="${}"),
    "es": NumberStyle(group=".", decimal=",", min_grouping=2, percent="{}\u00a0%", money="{}\u00a0US$"),
}
_numbers = NUMBERS["en"]


def number(value: float, decimals: int = 0) -> str:
    """``value`` as the user reads it, in the window's language: 3,016 and 0.45 in English, 3016, 12.345
    and 0,45 in Spanish. Only for words a person reads: logs, JSON and files a script parses keep Python's."""
    text = f"{value:,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    digits = whole.lstrip("-").replace(",", "")
    if len(digits) < 4 + _numbers.min_grouping - 1:  # too short to group in this language
        whole = whole.replace(",", "")
    whole = whole.replace(",", _numbers.group)
    return f"{whole}{_numbers.decimal}{fraction}" if fraction else whole


def percent(fraction: float) -> str:
    """A share (0.45) as a whole percentage in the window's language: "45%", "45 %"."""
    return _numbers.percent.format(number(fraction * 100))


def dollars(amount: float, decimals: int = 2) -> str:
    """A price in US dollars in the window's language: "$1,234.50", "1234,50 US$"."""
    return _numbers.money.format(number(amount, decimals))


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language. With ``n``, ``%n`` in the text becomes ``n`` in its plural form.

    Plurals are written with their ending in brackets, in the source and in translations alike:
    "%n post(s)", "%n borrador(es)", or both endings where the word changes: "%n publicaci(ón|ones)".
    Here they become "1 post", "2 borradores", "2 publicaciones". (Qt's own plural forms would need
    pyside6-lupdate to keep them for this call, which it does not.)
    """
    out = _translator(context, text, disambiguation, n)
    if n >= 0:
        out = out.replace("%n", number(n))
        out = _PLURAL.sub(lambda m: "" if n == 1 else m.group(1), out)
        out = _BOTH.sub(lambda m: m.group(1) if n == 1 else m.group(2), out)
    return out


_PLURAL = re.compile(r"\((s|es)\)")
_BOTH = re.compile(r"\(([^()|]*)\|([^()|]*)\)")


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for the translators without translating it yet (it is translated where it is shown)."""
    return text
