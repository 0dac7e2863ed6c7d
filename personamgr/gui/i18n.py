"""The window's language: the system's, unless the ``language`` setting picks one.

Translations are Qt's: ``personamgr/i18n/personamgr_<lang>.qm`` (built from the
``.ts`` files by ``scripts/translations``, and shipped in the wheel) for the
app's own words, and Qt's ``qtbase_<lang>.qm`` for its standard buttons. Once
installed, ``core.i18n.translate`` goes through Qt too, so the words core
builds (setting labels, insights advice) arrive in the same language.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from personamgr.core import i18n
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

FOLDER = Path(__file__).resolve().parent.parent / "i18n"
SOURCE_LANGUAGE = "en"


def available() -> list[str]:
    """The languages shipped, besides English (which also has a file: its plural forms)."""
    return sorted(p.stem.split("_", 1)[1] for p in FOLDER.glob("personamgr_*.qm"))


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to use for the ``language`` setting: a shipped one, else English."""
    if choice not in ("", "system"):
        return choice if choice in available() else SOURCE_LANGUAGE
    for name in (system or QLocale.system()).uiLanguages():  # the user's order of preference
        lang = name.replace("-", "_").split("_")[0].lower()
        if lang in available():
            return lang
    return SOURCE_LANGUAGE


_installed: list[QTranslator] = []


def install(app: QCoreApplication, choice: str) -> str:
    """Load the translations for ``choice`` into ``app`` (replacing earlier ones). Returns the language."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = resolve(choice)
    ours = QTranslator(app)
    if ours.load(str(FOLDER / f"personamgr_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    elif lang != SOURCE_LANGUAGE:
        log.warning("no translation file for %s in %s", lang, FOLDER)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != SOURCE_LANGUAGE and qt.load(f"qtbase_{lang}", qt_folder):
        app.installTranslator(qt)
        _installed.append(qt)
    # The count is not passed to Qt: the .qm holds no plural forms (see core/i18n.py), and Qt finds no plain
    # translation for a lookup that carries a count. core.i18n puts the count in and picks the plural.
    QLocale.setDefault(QLocale(lang))
    i18n.install(lambda ctx, text, dis=None, _n=-1: QCoreApplication.translate(ctx, text, dis, -1),
                 _dates, lang)
    return lang


# Qt's date patterns for core.i18n's date styles: the names in the chosen language, the order its own.
_DATE_PATTERNS = {"day": "ddd d MMM yyyy", "day_month": QT_TRANSLATE_NOOP("Dates", "d MMMM"),
                  "weekday_day_month": "ddd d MMM", "day_month_year": "d MMM yyyy"}


def _dates(d: date, style: str) -> str:
    pattern = _DATE_PATTERNS.get(style, _DATE_PATTERNS["day"])
    if style == "day_month":  # "1 February", "1 de febrero": the words around the names differ too
        pattern = translate("Dates", pattern)
    return QLocale().toString(QDate(d.year, d.month, d.day), pattern)


def uninstall(app: QCoreApplication) -> None:
    """Back to English (tests that switch languages call it)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    i18n.install(None)
    QLocale.setDefault(QLocale(QLocale.Language.English))
