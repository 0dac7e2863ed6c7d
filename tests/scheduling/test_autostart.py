"""Start at login: the XDG autostart entry (validated with desktop-file-validate when installed), the LaunchAgent."""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from personamgr.core.autostart import APP_ID, Autostart, default_command


def parse_desktop(path: Path) -> dict[str, str]:
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read_string(path.read_text(encoding="utf-8"))
    return dict(cp["Desktop Entry"])


def test_xdg_autostart_entry_written_read_and_removed(tmp_path: Path) -> None:
    auto = Autostart(platform="linux", home=tmp_path, config_home=tmp_path / "cfg")
    assert not auto.is_enabled()
    cmd = ["/opt/person mgr/bin/personamgr", "--data-dir", "/home/me/My Profile", "--background"]
    auto.enable(cmd)
    assert auto.path == tmp_path / "cfg" / "autostart" / f"{APP_ID}.desktop"
    assert auto.is_enabled()
    entry = parse_desktop(auto.path)
    assert entry["Type"] == "Application" and entry["X-GNOME-Autostart-enabled"] == "true"
    # The Exec line splits back into exactly the arguments (spaces survive quoting).
    assert shlex.split(entry["Exec"]) == cmd
    if shutil.which("desktop-file-validate"):
        res = subprocess.run(["desktop-file-validate", str(auto.path)], capture_output=True, text=True, check=False)
        assert res.returncode == 0, res.stdout + res.stderr
    auto.disable()
    assert not auto.is_enabled() and not auto.path.exists()
    auto.disable()  # idempotent


def test_xdg_default_config_home_and_user_disabled_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    auto = Autostart(platform="linux", home=tmp_path)
    auto.enable()
    assert auto.path is not None and auto.path.parent == tmp_path / "xdg" / "autostart"
    assert shlex.split(parse_desktop(auto.path)["Exec"])[-1] == "--background"
    # A session manager that disables the item edits the file; we report it as off.
    auto.path.write_text(auto.path.read_text().replace("X-GNOME-Autostart-enabled=true",
                                                       "X-GNOME-Autostart-enabled=false"))
    assert not auto.is_enabled()


def test_percent_signs_are_escaped_in_exec(tmp_path: Path) -> None:
    auto = Autostart(platform="linux", home=tmp_path, config_home=tmp_path)
    auto.enable(["personamgr", "--data-dir", "/data/100%"])
    assert "100%%" in parse_desktop(auto.path)["Exec"]  # type: ignore[arg-type]


def test_macos_launch_agent(tmp_path: Path) -> None:
    auto = Autostart(platform="darwin", home=tmp_path)
    auto.enable(["/Applications/personamgr.app/Contents/MacOS/personamgr", "--background"])
    assert auto.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    agent = plistlib.loads(auto.path.read_bytes())
    assert agent["Label"] == APP_ID and agent["RunAtLoad"] is True
    assert agent["ProgramArguments"][-1] == "--background"
    auto.disable()
    assert not auto.is_enabled()


def test_default_command_runs_this_installation() -> None:
    cmd = default_command(["--background"])
    assert cmd[-1] == "--background"
    assert Path(cmd[0]).name in ("personamgr", Path(__import__("sys").executable).name)


def test_start_at_login_runs_this_installation_not_the_first_on_path(tmp_path: Path) -> None:
    """With two installations (a venv and a pipx one, say), "Start at login" chosen in one wrote the other's
    command, the first ``personamgr`` on PATH, while the menu entry runs this one; and a bundle with none on
    PATH wrote ``<bundle> -m personamgr``, which it cannot run. Both run this installation."""
    other = tmp_path / "other-install" / "bin"
    other.mkdir(parents=True)
    (other / "personamgr").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (other / "personamgr").chmod(0o755)
    code = "from personamgr.core.autostart import default_command; print(default_command(['--background']))"
    env = {**os.environ, "PATH": f"{other}{os.pathsep}{os.environ.get('PATH', '')}"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60,
                         check=True).stdout
    from personamgr.core.desktop_entry import this_command

    assert out.strip() == str([*this_command(), "--background"])
    assert str(other) not in out
