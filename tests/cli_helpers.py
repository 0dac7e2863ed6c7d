"""Running the ``personamgr`` command as a real process, with HOME and every XDG dir sandboxed."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Runs a command as root without the power to read or write past a file's permissions, as a user is: a file made
# unreadable with chmod is then unreadable to it (root reads anything otherwise).
AS_A_USER = ("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search")

# Runs a command as the unprivileged user nobody (65534), which the permissions of a file or folder bind, as they
# bind any user's (root passes them all).
AS_NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
NOBODY = 65534

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")

PERSONAS_TOML = """
[[persona]]
name = "career"
handle = "@career_me"
description = "Careers, job search and the economy"
topics = ["careers", "hiring"]

[[persona]]
name = "metal"
handle = "@metal_me"
topics = ["heavy metal", "guitars"]
"""


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Cli:
    """Runs ``python -m personamgr`` with HOME and every XDG dir pointing into ``home``."""

    home: Path
    env: dict[str, str]

    def __call__(self, *args: str, data_dir: Path | None = None, extra_env: dict[str, str] | None = None,
                 as_a_user: bool = False, as_nobody: bool = False) -> Result:
        argv = [*(AS_A_USER if as_a_user else AS_NOBODY if as_nobody else ()), sys.executable, "-m", "personamgr"]
        if data_dir is not None:
            argv += ["--data-dir", str(data_dir)]
        proc = subprocess.run([*argv, *args], env={**self.env, **(extra_env or {})}, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL, cwd=self.home, check=False)
        return Result(proc.returncode, proc.stdout, proc.stderr)


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}
