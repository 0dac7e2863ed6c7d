"""Installs as a user makes them: the wheel built from git's files, in a fresh venv outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")
# What must not leak from the test run into the installed app: it would find the checkout, or our profile.
FOREIGN = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PERSONAMGR_HOME", "DISPLAY", "WAYLAND_DISPLAY",
           "PERSONAMGR_X_API_URL", "PERSONAMGR_MASTODON_URL", "PERSONAMGR_BLUESKY_URL", "PYTEST_CURRENT_TEST")


def source_files() -> list[str]:
    """The checkout's files as a clean clone (CI's) has them: tracked, or new and not ignored."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, check=True).stdout.decode()
    return sorted(f for f in out.split("\0") if f and (ROOT / f).is_file())


def run(argv: Sequence[str | Path], *, cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 600,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL, check=False)


def checked(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, f"{proc.args} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


@dataclass(frozen=True)
class Installed:
    """The wheel installed into its own venv; ``run`` starts the installed command in a sandboxed home."""

    venv: Path
    home: Path
    env: dict[str, str]

    @property
    def command(self) -> Path:
        return self.venv / "bin" / "personamgr"

    def run(self, *args: str | Path, stdin: str | None = None, extra_env: Mapping[str, str] | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return run([self.command, *args], cwd=self.home, env={**self.env, **(extra_env or {})}, stdin=stdin,
                   timeout=timeout)

    def python(self, code: str) -> subprocess.CompletedProcess[str]:
        return checked(run([self.venv / "bin" / "python", "-c", code], cwd=self.home, env=self.env))


def clean_env(home: Path) -> dict[str, str]:
    """The user's environment with HOME and every XDG folder inside ``home``; offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if k not in (*XDG, *FOREIGN)}
    for var in XDG:
        (home / var.lower()).mkdir(parents=True, mode=0o700, exist_ok=True)
        env[var] = str(home / var.lower())
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1", PYTHONDONTWRITEBYTECODE="1")
    return env




def clean_copy(work: Path) -> Path:
    """The checkout's files (``source_files``) copied to ``work/src``: what a clean clone holds."""
    src = work / "src"
    src.mkdir()
    with tarfile.open(work / "src.tar", "w") as tar:
        for f in source_files():
            tar.add(ROOT / f, arcname=f)
    with tarfile.open(work / "src.tar") as tar:
        tar.extractall(src, filter="data")
    (work / "src.tar").unlink()
    return src


def build_wheel(work: Path) -> Path:
    """``pip wheel`` of a clean copy of the checkout (a stale build/ folder cannot slip files in).

    Verbose, so the build backend's own output is kept whatever pip's version (``build_log``): a recent pip
    shows setuptools' warnings even with -q, and ``pip install .`` is the first thing a user runs.
    """
    src = clean_copy(work)
    proc = checked(run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--disable-pip-version-check",
                        "-w", work / "dist", src], cwd=work))
    (work / "dist" / BUILD_LOG).write_text(proc.stdout + proc.stderr, encoding="utf-8")
    (built,) = (work / "dist").glob("personamgr-*.whl")
    return built


BUILD_LOG = "pip-wheel.log"


def build_log(wheel: Path) -> str:
    """What ``pip wheel -v`` printed while ``build_wheel`` built ``wheel``."""
    return (wheel.parent / BUILD_LOG).read_text(encoding="utf-8")


def pip_env() -> dict[str, str]:
    """For pip and pipx: the real HOME, so pip's cache serves the dependencies; nothing of the checkout's."""
    return {k: v for k, v in os.environ.items() if k not in FOREIGN}


def install(wheel: Path, work: Path) -> Installed:
    """``wheel`` and its dependencies in a new venv under ``work``, with a sandboxed home beside it."""
    venv, home = work / "venv", work / "home"
    home.mkdir()
    checked(run([sys.executable, "-m", "venv", venv], cwd=work, env=pip_env()))
    checked(run([venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", wheel],
                cwd=work, env=pip_env()))
    return Installed(venv, home, clean_env(home))
