"""Sender identities for tests of the sending lease (core.lease)."""

from __future__ import annotations

import subprocess

from personamgr.core import lease


def dead_owner() -> str:
    """The lease token of a sender whose process has exited: what a kill -9 mid-send leaves on a post."""
    child = subprocess.Popen(["true"])
    child.wait()
    return lease.this_process().with_pid(child.pid, "1").token
