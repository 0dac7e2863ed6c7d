"""Numbers a person reads are written the way the window's language writes them: the Spanish window showed
"3,016 / 3,000 bytes", English separators in Spanish words. Logs, JSON and files keep Python's plain form."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale

from personamgr.core import costs, i18n
from personamgr.core.i18n import dollars, number, percent, translate
from personamgr.gui import i18n as gui_i18n

NBSP = "\u00a0"


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.install(None, language="es")
    yield
    i18n.install(None)


def test_english_is_as_it_was() -> None:
    assert [number(n) for n in (0, 7, 999, 3016, 25000, -1234567)] == ["0", "7", "999", "3,016", "25,000",
                                                                         "-1,234,567"]
    assert number(0.4567, 2) == "0.46" and number(1234.5, 1) == "1,234.5"
    assert percent(0.8) == "80%" and percent(1 / 3) == "33%" and dollars(1234.5) == "$1,234.50"
    assert costs.describe(0.015) == "$0.015" and costs.describe(1234.5) == "$1,234.50"
    assert translate("x", "%n post(s)", None, 12345) == "12,345 posts"


def test_spanish_groups_from_five_digits_with_points_and_writes_decimals_with_a_comma(spanish: None) -> None:
    assert [number(n) for n in (0, 999, 3016, 9999, 25000, -1234567)] == ["0", "999", "3016", "9999", "25.000",
                                                                           "-1.234.567"]
    assert number(0.4567, 2) == "0,46" and number(12345.678, 2) == "12.345,68" and number(1234.5, 1) == "1234,5"
    assert percent(0.8) == f"80{NBSP}%"
    assert costs.describe(0.015) == f"0,015{NBSP}US$" and costs.describe(10) == f"10,00{NBSP}US$"
    assert translate("x", "%n post(s)", None, 12345) == "12.345 posts"


def test_a_language_with_no_row_writes_numbers_as_english_does() -> None:
    try:
        i18n.install(None, language="xx")
        assert number(3016.5, 1) == "3,016.5"
    finally:
        i18n.install(None)


@pytest.mark.parametrize("lang", ["en", *gui_i18n.available()])
def test_every_shipped_language_has_a_row_that_agrees_with_qt(lang: str) -> None:
    """The table is CLDR's figures as Qt has them: the window's own number fields write numbers the same way."""
    assert lang in i18n.NUMBERS
    qt = QLocale(lang)
    try:
        i18n.install(None, language=lang)
        for n in (7, 999, 1000, 3016, 25000, 1234567, -98765):
            assert number(n) == qt.toString(n)
        for x in (0.015, 0.45, 1234.5, 98765.4321):
            assert number(x, 2) == qt.toString(x, "f", 2)
    finally:
        i18n.install(None)
