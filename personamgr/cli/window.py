"""``personamgr`` with no command: a window already running on the profile is asked to come forward first.

Only when none says yes is the app started (Qt, the database, the scheduler): a second launch then costs a
socket round trip, not an app's start-up (bench/second-launch).
"""

from __future__ import annotations

import argparse
import sys

from personamgr.core.instance import BROUGHT_FORWARD, ask_running_window, window_request
from personamgr.core.paths import AppPaths


def run(args: argparse.Namespace) -> int:
    paths = AppPaths.resolve(getattr(args, "data_dir", None), demo=bool(getattr(args, "demo", False)))
    if ask_running_window(paths, window_request(bool(getattr(args, "compose", False)))) is not None:
        print(BROUGHT_FORWARD, file=sys.stderr)
        return 0
    from personamgr.gui.app import run_app  # Qt only from here

    return run_app(args)
