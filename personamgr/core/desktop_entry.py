"""The menu entry and icons of a pip or pipx install: ``personamgr --install-desktop-entry``.

Why the app does this itself: a distribution package or the Flatpak copies ``resources/`` (which mirrors
``$PREFIX/share``) into place when it installs, but pip and pipx have no such step. So the same
files are copied into the user's XDG data folder, with the entry's Exec naming this installation's
command by its absolute path: a venv's or pipx's bin folder is often not on the PATH the menu uses.
Only files named after the app id are written, and only those are removed. No Qt: the PNG icons are
rendered ahead of time (``scripts/render_icons``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

APP_ID = "io.github.personamgr"
PACKAGE = Path(__file__).resolve().parents[1]
CHECKOUT_RESOURCES = PACKAGE.parent / "resources"  # the one copy in git; scripts/render_icons writes there
DESKTOP_FILE = f"applications/{APP_ID}.desktop"
METAINFO_FILE = f"metainfo/{APP_ID}.metainfo.xml"
SVG_ICON = f"icons/hicolor/scalable/apps/{APP_ID}.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor sizes desktops look up for menus and docks
CACHE_TIMEOUT_S = 30


def share_dir() -> Path:
    """Where this installation's desktop entry, metainfo and icons are, laid out as ``$PREFIX/share``.

    A wheel, a pipx install and a PyInstaller bundle carry ``resources/`` as ``personamgr/share`` (pyproject's
    package-dir). An editable install maps only folders with an ``__init__.py`` there, so in a checkout (the
    package with ``pyproject.toml`` beside it) ``resources/`` is read in place.
    """
    if (PACKAGE.parent / "pyproject.toml").is_file() and CHECKOUT_RESOURCES.is_dir():
        return CHECKOUT_RESOURCES
    return PACKAGE / "share"


def png_icon(size: int) -> str:
    return f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"


def icon_files() -> list[str]:
    """The icons, relative to a ``share`` folder."""
    return [SVG_ICON, *(png_icon(s) for s in ICON_SIZES)]


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or relative (the Base Directory spec)."""
    value = (os.environ if env is None else env).get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def this_command() -> list[str]:
    """How to start this very installation (not another ``personamgr`` that happens to be on PATH)."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable is the app
        return [sys.executable]
    script = Path(sys.executable).parent / "personamgr"  # a venv's or pipx's console script
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("personamgr")
    return [found] if found else [sys.executable, "-m", "personamgr"]


def exec_value(argv: Sequence[str]) -> str:
    """An Exec value (Desktop Entry spec): arguments with reserved characters in double quotes with ``"`$\\``
    escaped, ``%`` doubled; then the string-level escape of every backslash the value holds."""
    parts = []
    for raw in argv:
        arg = raw.replace("%", "%%")
        if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`='):
            parts.append(arg)
        else:
            parts.append('"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"')
    return " ".join(parts).replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The shipped entry with every Exec running ``command``, and TryExec, so that the menu hides the
    entry of an install that was removed without ``--uninstall-desktop-entry``."""
    lines, group = [], ""
    for line in (share_dir() / DESKTOP_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line
        if not line.startswith("Exec=personamgr"):
            lines.append(line)
            continue
        if group == "[Desktop Entry]":
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
        lines.append("Exec=" + exec_value([*command, *line.removeprefix("Exec=personamgr").split()]))
    return "\n".join(lines) + "\n"


def _stage(path: Path, data: bytes) -> Path:
    """``data`` in a file beside ``path`` (renamed over it by ``install`` once every file is staged)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(data)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


class IncompleteInstall(Exception):
    """A shipped desktop file (``share_dir``) is missing from this installation."""


def install(target: Path | None = None, command: Sequence[str] | None = None) -> list[Path]:
    """Write the entry and icons under ``target`` (default: the XDG data home). Returns the files written.
    All or nothing: every file is staged beside its place first, so a disk that fills part-way, or a shipped
    file that is missing, leaves what was there before (never an entry whose icons are not there)."""
    target = target or data_home()
    share = share_dir()
    missing = [share / rel for rel in (DESKTOP_FILE, *icon_files()) if not (share / rel).is_file()]
    if missing:
        raise IncompleteInstall(f"{missing[0]} is missing from this installation; reinstall personamgr")
    entry = target / DESKTOP_FILE
    files = {entry: desktop_entry(command or this_command()).encode("utf-8"),
             **{target / rel: (share / rel).read_bytes() for rel in icon_files()}}
    staged: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            staged[path] = _stage(path, data)
    except OSError:
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        raise
    for path in [*list(files)[1:], entry]:  # the icons, then the entry that names them
        os.replace(staged[path], path)
    refresh_caches(target)
    return list(files)


def uninstall(target: Path | None = None) -> list[Path]:
    """Remove what ``install`` wrote (nothing else). Returns the files removed."""
    target = target or data_home()
    removed = []
    for rel in (DESKTOP_FILE, *icon_files()):
        path = target / rel
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    refresh_caches(target)
    return removed


def refresh_caches(target: Path) -> None:
    """Tell menus and icon themes about the change, where the tools exist; never fails the install.

    The icon cache is rebuilt only if the folder already has one (as xdg-icon-resource does): creating a
    cache in a folder that had none would hide icons that other apps add later without rebuilding it.
    """
    apps, hicolor = target / "applications", target / "icons" / "hicolor"
    commands: list[list[str]] = []
    if apps.is_dir():
        commands.append(["update-desktop-database", "-q", str(apps)])
    if hicolor.is_dir():
        os.utime(hicolor)  # a newer folder than its cache makes GTK look again
        if (hicolor / "icon-theme.cache").exists():
            commands.append(["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)])
    for argv in commands:
        if shutil.which(argv[0]) is None:
            continue
        try:
            subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=CACHE_TIMEOUT_S, check=False)
        except (OSError, subprocess.SubprocessError):
            pass
