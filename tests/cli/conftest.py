"""Fixtures for the command-line tests: a sandboxed ``personamgr`` and a profile with two personas."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_helpers import PERSONAS_TOML, XDG, Cli
from demo_home import seeded_home


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in (*XDG, "PERSONAMGR_HOME")}
    env["HOME"] = str(home)
    for var in XDG:
        (home / var.lower()).mkdir(parents=True)
        env[var] = str(home / var.lower())
    (home / "xdg_runtime_dir").chmod(0o700)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return Cli(home, env)


@pytest.fixture
def personas_file(tmp_path: Path) -> Path:
    f = tmp_path / "in.toml"
    f.write_text(PERSONAS_TOML, encoding="utf-8")
    return f


@pytest.fixture
def profile(tmp_path: Path, cli: Cli, personas_file: Path) -> Path:
    """A --data-dir profile with career and metal imported."""
    d = tmp_path / "profile"
    r = cli("personas", "import", str(personas_file), data_dir=d)
    assert r.code == 0, r.err
    return d


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A profile folder with the demo's career (New York) and metal (Berlin) personas, on the sandbox."""
    return seeded_home(tmp_path)
