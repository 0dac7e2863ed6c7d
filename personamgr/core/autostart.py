"""Start at login: an XDG autostart entry on Linux, a LaunchAgent on macOS, the Run key on Windows.

The app starts in the tray (``--background``), so scheduled posts go out
without the user opening the window. Only the user's own login items are
touched; nothing needs administrator rights. ``home``/``config_home`` and
``platform`` are parameters so every flavour can be exercised in tests.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from personamgr.core.desktop_entry import APP_ID, exec_value, this_command
from personamgr.core.i18n import translate

RUN_VALUE = "personamgr"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def default_command(extra: Sequence[str] = ()) -> list[str]:
    """How to start this installation, as its menu entry does (not the first ``personamgr`` on PATH, which may
    be another installation's, nor ``-m`` on a bundle's executable)."""
    return [*this_command(), *extra]


class Autostart:
    """Turn start-at-login on or off for the current user."""

    def __init__(self, *, platform: str | None = None, home: Path | None = None,
                 config_home: Path | None = None) -> None:
        self.platform = platform or sys.platform
        self.home = home or Path.home()
        xdg = os.environ.get("XDG_CONFIG_HOME")
        self.config_home = config_home or (Path(xdg) if xdg else self.home / ".config")

    @property
    def path(self) -> Path | None:
        """The file that makes it happen (None on Windows, where it is a registry value)."""
        if self.platform.startswith("linux") or self.platform.startswith("freebsd"):
            return self.config_home / "autostart" / f"{APP_ID}.desktop"
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        return None

    def is_enabled(self) -> bool:
        if self.platform == "win32":
            return self._win_read() is not None
        path = self.path
        if path is None or not path.exists():
            return False
        if path.suffix == ".desktop":  # the user may have disabled it in their session settings
            text = path.read_text(encoding="utf-8")
            return "\nHidden=true" not in text and "\nX-GNOME-Autostart-enabled=false" not in text
        return True

    def enable(self, command: Sequence[str] | None = None) -> None:
        """Start ``command`` (default: this installation, in the tray) at login."""
        cmd = list(command or default_command(["--background"]))
        if self.platform == "win32":
            self._win_write(subprocess_list2cmdline(cmd))
            return
        path = self.path
        if path is None:
            raise OSError(translate(
                "Autostart", "start at login is not supported on {platform}").format(platform=self.platform))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        try:
            if path.suffix == ".desktop":
                tmp.write_text(self.desktop_entry(cmd), encoding="utf-8")
            else:
                tmp.write_bytes(plistlib.dumps(self.launch_agent(cmd)))
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)  # a half-written entry is nothing a session should find
            raise

    def disable(self) -> None:
        if self.platform == "win32":
            self._win_delete()
            return
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    @staticmethod
    def desktop_entry(command: Sequence[str]) -> str:
        return "\n".join([
            "[Desktop Entry]",  # English: a desktop file (its Comment is the spec's default language)
            "Type=Application",
            "Name=personamgr",
            "Comment=Sends your scheduled posts; lives in the tray",  # English
            f"Exec={exec_value(command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "X-GNOME-Autostart-Delay=5",
            "",
        ])

    @staticmethod
    def launch_agent(command: Sequence[str]) -> dict[str, object]:
        return {"Label": APP_ID, "ProgramArguments": list(command), "RunAtLoad": True,
                "ProcessType": "Interactive", "KeepAlive": False}

    # -- Windows -------------------------------------------------------------------------
    @staticmethod
    def _win_read() -> str | None:  # pragma: no cover - Windows only
        import winreg  # type: ignore[import-not-found]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                return str(winreg.QueryValueEx(key, RUN_VALUE)[0])
        except FileNotFoundError:
            return None

    @staticmethod
    def _win_write(value: str) -> None:  # pragma: no cover - Windows only
        import winreg  # type: ignore[import-not-found]

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, value)

    @staticmethod
    def _win_delete() -> None:  # pragma: no cover - Windows only
        import winreg  # type: ignore[import-not-found]

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, RUN_VALUE)
        except FileNotFoundError:
            pass


def subprocess_list2cmdline(cmd: Sequence[str]) -> str:
    """Windows command-line quoting (what CreateProcess parses), for the Run key."""
    import subprocess

    return subprocess.list2cmdline(list(cmd))


def shell_preview(cmd: Sequence[str]) -> str:
    """The command as a POSIX shell line, for showing the user what will run."""
    return shlex.join(cmd)
