"""``pipx install .`` from a clean copy of the checkout, as the README tells users; then the command and its menu entry.

pipx (from PyPI, a test extra) puts everything under PIPX_HOME and the command in PIPX_BIN_DIR, both in the
test's folder here; pip's cache serves the dependencies.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from install_helpers import checked, clean_copy, clean_env, pip_env, run

from personamgr import __version__

pytestmark = pytest.mark.slow


def test_pipx_install_dot_gives_a_working_command_and_menu_entry(tmp_path: Path) -> None:
    src = clean_copy(tmp_path)
    pipx = {**pip_env(), "PIPX_HOME": str(tmp_path / "pipx"), "PIPX_BIN_DIR": str(tmp_path / "bin"),
            "PIPX_MAN_DIR": str(tmp_path / "man")}
    checked(run([sys.executable, "-m", "pipx", "install", "--python", sys.executable, "."], cwd=src, env=pipx))
    command = tmp_path / "bin" / "personamgr"
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home)
    assert checked(run([command, "--version"], cwd=home, env=env)).stdout.strip() == f"personamgr {__version__}"

    checked(run([command, "--install-desktop-entry"], cwd=home, env=env))
    entry = (Path(env["XDG_DATA_HOME"]) / "applications" / "io.github.personamgr.desktop").read_text(encoding="utf-8")
    # The command in pipx's own venv: it stays put across `pipx upgrade`, and needs nothing on the menu's PATH.
    venv_command = tmp_path / "pipx" / "venvs" / "personamgr" / "bin" / "personamgr"
    assert f"\nExec={venv_command}\n" in entry
    assert checked(run([venv_command, "--version"], cwd=home, env=env)).stdout.strip() == f"personamgr {__version__}"
