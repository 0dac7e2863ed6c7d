"""Starting another personamgr process for the same profile: the background sender, or the demo.

The command is the one this installation runs (``autostart.default_command``),
with the options that name the profile, so the new process opens the same
data as this one.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from personamgr.core.autostart import default_command


def profile_args(data_dir: str | None, *, demo: bool = False) -> list[str]:
    """The global options that make another launch open this profile."""
    out = ["--data-dir", str(Path(data_dir).expanduser().absolute())] if data_dir else []
    if demo:
        out.append("--demo")
    return out


_started: list[subprocess.Popen[bytes]] = []  # kept, not waited for: they outlive this process by design


def start_detached(args: Sequence[str]) -> int:
    """Start ``personamgr ARGS`` in its own session (it outlives this process). Returns its pid."""
    proc = subprocess.Popen(default_command(args), start_new_session=True, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True)
    _started.append(proc)
    return proc.pid


def start_daemon(profile: Sequence[str]) -> int:
    """Start ``personamgr daemon`` on the profile ``profile`` names; it steps aside when the window opens again."""
    return start_detached([*profile, "daemon", "--yield-to-window"])
