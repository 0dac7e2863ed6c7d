"""Every user setting, declared once: its key, type, default and one line of help.

:data:`REGISTRY` is the single declaration (Picard's options, qutebrowser's
configdata). The settings dialog is generated from it, :class:`Settings`
stores and validates against it, and the README's settings table is printed
from it (``python -m personamgr.core.settings``; a test keeps the README in
step). The file is ``settings.toml`` in the profile's config folder, which is
where the README says settings live.

Only preferences live here. What the app remembers on its own (the active
persona, compose drafts, the window layout) is state, and stays in the
profile's database with the posts it belongs to.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.unreadable import read_fault, toml_problem

log = logging.getLogger(__name__)

CONTEXT = "settings"  # the translators' context for the labels and help below


class SettingError(ValueError):
    """A value the registry does not allow; the message names the setting and what it accepts."""


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    kind: type  # bool, int or str
    default: Any
    label: str
    help: str  # one line: what it does, and why one would change it
    section: str
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label) for a str setting
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any) -> Any:
        """``value`` if the setting accepts it, else :class:`SettingError`."""
        if self.kind is bool:
            if not isinstance(value, bool):
                raise SettingError(translate(
                    "Settings", "{key} is true or false, not {value}").format(key=self.key, value=repr(value)))
            return value
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingError(translate(
                    "Settings", "{key} is a whole number, not {value}").format(key=self.key, value=repr(value)))
            if (self.minimum is not None and value < self.minimum) or (
                    self.maximum is not None and value > self.maximum):
                raise SettingError(translate(
                    "Settings", "{key} is between {minimum} and {maximum}, not {value}").format(
                    key=self.key, minimum=self.minimum, maximum=self.maximum, value=value))
            return value
        if not isinstance(value, str):
            raise SettingError(translate(
                "Settings", "{key} is text, not {value}").format(key=self.key, value=repr(value)))
        if self.choices and value not in self.values():
            raise SettingError(translate(
                "Settings", "{key} is one of {list}, not {value}").format(
                key=self.key, list=', '.join(self.values()), value=repr(value)))
        return value

    def values(self) -> tuple[str, ...]:
        return tuple(v for v, _label in self.choices)

    def type_name(self) -> str:
        if self.choices:
            return " / ".join(self.values())
        if self.kind is int:
            return f"{self.minimum}–{self.maximum}"
        return {bool: "true / false", str: "text"}[self.kind]


GENERAL = QT_TRANSLATE_NOOP("settings", "General")
WRITING = QT_TRANSLATE_NOOP("settings", "Writing")
APPEARANCE = QT_TRANSLATE_NOOP("settings", "Appearance")

REGISTRY: tuple[Setting, ...] = (
    Setting("close_to_tray", bool, True, QT_TRANSLATE_NOOP("settings", "Close to the tray"),
            QT_TRANSLATE_NOOP("settings", "Closing the window keeps personamgr running in the tray, so scheduled "
                              "posts still go out."), GENERAL),
    Setting("quit_with_queue", str, "offer_daemon", QT_TRANSLATE_NOOP("settings", "Quitting with posts scheduled"),
            QT_TRANSLATE_NOOP("settings", "Nothing goes out while personamgr is closed: keep it running in the "
                              "tray, offer to start the background sender, or quit with a warning."), GENERAL,
            choices=(("tray", QT_TRANSLATE_NOOP("settings", "Keep running in the tray")),
                     ("offer_daemon", QT_TRANSLATE_NOOP("settings", "Offer to start the background sender")),
                     ("warn", QT_TRANSLATE_NOOP("settings", "Quit, with a warning")))),
    Setting("start_at_login", bool, False, QT_TRANSLATE_NOOP("settings", "Start at login"),
            QT_TRANSLATE_NOOP("settings", "Start personamgr in the tray when you log in, so scheduled posts go out "
                              "without opening the window."), GENERAL),
    Setting("notifications", str, "all", QT_TRANSLATE_NOOP("settings", "Notifications"),
            QT_TRANSLATE_NOOP("settings", "Desktop notifications when a scheduled post is sent, fails or is held."),
            GENERAL,
            choices=(("all", QT_TRANSLATE_NOOP("settings", "Sent, failed and held posts")),
                     ("problems", QT_TRANSLATE_NOOP("settings", "Only problems")),
                     ("off", QT_TRANSLATE_NOOP("settings", "None")))),
    Setting("send_delay", int, 5, QT_TRANSLATE_NOOP("settings", "Undo time for Ctrl+Enter"),
            QT_TRANSLATE_NOOP("settings", "Seconds a post sent with Ctrl+Enter waits, with Undo, before it goes out; "
                              "0 sends at once."), WRITING, minimum=0, maximum=30),
    Setting("default_sensitivity", str, "normal", QT_TRANSLATE_NOOP("settings", "Guard sensitivity for new personas"),
            QT_TRANSLATE_NOOP("settings", "How eagerly the persona guard warns on a new persona; each persona can "
                              "change its own."), WRITING,
            choices=(("strict", QT_TRANSLATE_NOOP("settings", "Strict")),
                     ("normal", QT_TRANSLATE_NOOP("settings", "Normal")),
                     ("relaxed", QT_TRANSLATE_NOOP("settings", "Relaxed")))),
    Setting("theme", str, "system", QT_TRANSLATE_NOOP("settings", "Theme"),
            QT_TRANSLATE_NOOP("settings", "Light or dark colours; System follows your desktop's colour scheme."),
            APPEARANCE,
            choices=(("system", QT_TRANSLATE_NOOP("settings", "System")),
                     ("light", QT_TRANSLATE_NOOP("settings", "Light")),
                     ("dark", QT_TRANSLATE_NOOP("settings", "Dark")))),
    Setting("language", str, "system", QT_TRANSLATE_NOOP("settings", "Language"),
            QT_TRANSLATE_NOOP("settings", "The window's language; System follows your desktop. Applies at the next "
                              "start."), APPEARANCE,
            choices=(("system", QT_TRANSLATE_NOOP("settings", "System")),
                     ("en", "English"),
                     ("es", "Español"))),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in REGISTRY}
SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(s.section for s in REGISTRY))


def setting(key: str) -> Setting:
    try:
        return BY_KEY[key]
    except KeyError:
        raise SettingError(translate(
            "Settings", "there is no setting named {key}").format(key=repr(key))) from None


class Settings:
    """The user's settings for one profile: read from and written to ``path`` (None: in memory only).

    A damaged file never stops the app: every setting it cannot read keeps its
    default, :attr:`problems` says which and why, and the file is left alone
    until the user saves (the damaged copy is then kept beside it as ``.broken``).
    Keys this version does not know are kept, so a newer version's settings survive.
    """

    def __init__(self, path: Path | None = None, *, in_place: Callable[[], None] | None = None) -> None:
        self.path = path
        self._in_place = in_place  # raises if the profile was moved or removed (Store.ensure_in_place)
        self.problems: list[str] = []
        self._values: dict[str, Any] = {s.key: s.default for s in REGISTRY}
        self._unknown: dict[str, Any] = {}
        self._damaged = False
        self._lock = threading.Lock()
        self._listeners: list[Callable[[str], None]] = []
        if path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            raw = tomllib.loads(path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            return
        except OSError as e:
            self._unreadable(path, read_fault(e))
            return
        except UnicodeDecodeError as e:
            line = (e.object[: e.start].count(b"\n") + 1) if isinstance(e.object, bytes) else 1
            self._unreadable(path, translate("Settings", "line {line} is not UTF-8 text").format(line=line))
            return
        except tomllib.TOMLDecodeError as e:
            line, problem = toml_problem(e)
            self._unreadable(path, translate("Settings", "line {line} is not valid TOML ({problem})").format(
                line=line, problem=problem))
            return
        for key, value in raw.items():
            known = BY_KEY.get(key)
            if known is None:
                self._unknown[key] = value
                continue
            try:
                self._values[key] = known.check(value)
            except SettingError as e:
                self.problems.append(translate(
                    "Settings", "{path}: {error}; the default ({default}) is used").format(
                    path=path, error=e, default=repr(known.default)))
                log.warning("%s", self.problems[-1])

    def _unreadable(self, path: Path, why: str) -> None:
        """The whole file could not be read: every setting keeps its default until the user saves."""
        self._damaged = True
        self.problems.append(translate(
            "Settings", "{path}: {why}. The defaults are used until you save the settings.").format(path=path, why=why))
        log.warning("%s", self.problems[-1])

    # -- reading -------------------------------------------------------------------------
    def get(self, key: str) -> Any:
        setting(key)
        with self._lock:
            return self._values[key]

    def values(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._values)

    def is_default(self, key: str) -> bool:
        return self.get(key) == BY_KEY[key].default

    # -- writing -------------------------------------------------------------------------
    def update(self, changes: Mapping[str, Any]) -> list[str]:
        """Check every change, then apply all of them and save, or none. Returns the keys that changed."""
        checked = {key: setting(key).check(value) for key, value in changes.items()}
        with self._lock:
            changed = [k for k, v in checked.items() if self._values[k] != v]
            if not changed:
                return []
            values = {**self._values, **checked}
            # Written before it is applied: a value kept only in memory would read as saved to the next OK,
            # which then finds nothing changed and writes nothing (a full disk lost the settings that way).
            self._write(values)
            self._values = values
        for key in changed:
            self._notify(key)
        return changed

    def set(self, key: str, value: Any) -> bool:
        return bool(self.update({key: value}))

    def save(self) -> None:
        """Write the file atomically; only values that differ from their defaults are written."""
        with self._lock:
            self._write(self._values)

    def _write(self, values: Mapping[str, Any]) -> None:
        """``values`` into the file, whole or not at all (an OSError leaves the file as it was)."""
        if self.path is None:
            return
        if self._in_place is not None:  # not into a profile moved away, nor into its folder made again
            self._in_place()
        data = {**self._unknown, **{k: v for k, v in values.items() if v != BY_KEY[k].default}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._damaged and self.path.exists():
            os.replace(self.path, self.path.with_suffix(self.path.suffix + ".broken"))
            self._damaged = False
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        try:
            tmp.write_text(HEADER + tomli_w.dumps(data), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as e:
            with contextlib.suppress(OSError):  # a read-only disk refuses even this: the write's fault is the one
                tmp.unlink(missing_ok=True)
            # Said of the settings file: the one written beside it first is personamgr's own affair.
            raise OSError(e.errno, e.strerror, str(self.path)) from e

    def subscribe(self, listener: Callable[[str], None]) -> None:
        """``listener(key)`` after a setting changed (on the thread that changed it)."""
        self._listeners.append(listener)

    def _notify(self, key: str) -> None:
        for listener in list(self._listeners):
            listener(key)



HEADER = ("# personamgr settings: see the README's settings table. "  # English: the file's first line
          "Only values that differ from the defaults.\n")


def markdown_table(settings: Iterable[Setting] = REGISTRY) -> str:
    """The README's settings table."""
    rows = ["| key | values | default | what it does |", "|---|---|---|---|"]  # English: the README's
    for s in settings:
        default = str(s.default).lower() if s.kind is bool else str(s.default)
        rows.append(f"| `{s.key}` | {s.type_name()} | `{default}` | {s.help} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover - prints the README table
    print(markdown_table(), end="")
