"""A broken install (a model file missing from the package) gets a clear message from every command, no traceback.

The package is copied with one model file left out, as ``pip install .`` once installed it, and run with
``python -m personamgr`` from that copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import personamgr
from personamgr.core.guard.embed import TOKENIZER_FILE

PACKAGE = Path(personamgr.__file__).resolve().parent
PERSONAS = """
[[persona]]
name = "career"
topics = ["careers", "job search", "hiring"]
"""
TEXT = "Three questions to ask a recruiter before your next job interview"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package without the guard's tokenizer. The code is copied (modules find their data
    next to their own resolved path); the big model files are linked."""
    root = tmp_path_factory.mktemp("broken")
    missing = PACKAGE / "core" / "guard" / "model" / TOKENIZER_FILE
    for f in PACKAGE.rglob("*"):
        if f.is_file() and f != missing and "__pycache__" not in f.parts:
            target = root / "personamgr" / f.relative_to(PACKAGE)
            target.parent.mkdir(parents=True, exist_ok=True)
            if f.suffix == ".py":
                shutil.copyfile(f, target)
            else:
                target.symlink_to(f)
    return root


def run(broken: Path, tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PERSONAMGR_HOME", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PYTHONPATH=str(broken), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "xdg"),
               PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(tmp_path / "data"), *args],
                          env=env, cwd=tmp_path, input=stdin, capture_output=True, text=True, timeout=120,
                          check=False)


def expected(broken: Path) -> str:
    path = broken / "personamgr" / "core" / "guard" / "model" / TOKENIZER_FILE
    return f"personamgr: error: cannot load the persona guard: {path}: the guard's tokenizer is missing; " \
           "reinstall personamgr\n"


def test_the_copy_is_what_runs(broken: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(broken))
    where = subprocess.run([sys.executable, "-c", "import personamgr; print(personamgr.__file__)"], env=env,
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(broken)), where


@pytest.mark.parametrize("command", [["post", "--persona", "career", TEXT],
                                     ["queue", "add", "--persona", "career", "--at", "2099-01-05T09:00", TEXT]])
def test_posting_and_queueing_say_to_reinstall(broken: Path, tmp_path: Path, command: list[str]) -> None:
    personas = tmp_path / "p.toml"
    personas.write_text(PERSONAS, encoding="utf-8")
    assert run(broken, tmp_path, "personas", "import", str(personas)).returncode == 0
    proc = run(broken, tmp_path, *command)
    assert (proc.returncode, proc.stderr) == (1, expected(broken))
    assert "Sent" not in proc.stdout


def test_the_guard_command_says_to_reinstall(broken: Path, tmp_path: Path) -> None:
    personas = tmp_path / "p.toml"
    personas.write_text(PERSONAS, encoding="utf-8")
    line = json.dumps({"id": 1, "persona": "career", "text": TEXT}) + "\n"
    proc = run(broken, tmp_path, "guard", "--personas", str(personas), "--jsonl", stdin=line)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", expected(broken))
