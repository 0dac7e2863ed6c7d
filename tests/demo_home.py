"""A profile folder seeded with the demo (career in New York, metal in Berlin, on the sandbox), and
``personamgr`` run on it in-process through ``main()``: the set-up the in-process CLI tests share."""

from __future__ import annotations

from pathlib import Path

from personamgr.cli.main import main
from personamgr.core.demo import seed_demo
from personamgr.core.paths import AppPaths
from personamgr.core.services import Services, open_services


def seeded_home(tmp_path: Path) -> Path:
    data = tmp_path / "home"
    svc = open_services(AppPaths.resolve(data))
    seed_demo(svc)
    svc.close()
    return data


def run(home: Path, *argv: str) -> int:
    """``personamgr --data-dir HOME ARGV…``, in this process; its exit code."""
    return main(["--data-dir", str(home), *argv])


def open_profile(home: Path) -> Services:
    return open_services(AppPaths.resolve(home))
