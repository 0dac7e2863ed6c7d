"""Who is sending a post: the sender's identity and a lease it renews while the network call runs.

A post in ``sending`` records its sender (``lease_owner``) and until when the claim holds (``lease_until``).
Any process that looks (the scheduler's every pass, ``queue list``, start-up) recovers a post whose sender is
gone: on this machine that is known at once from the process table; a sender elsewhere (another machine, a
Flatpak sandbox's own process namespace) is taken for gone when its lease lapses without a heartbeat. The post
then needs review, as after a crash: it may have gone out, so it is never re-sent blindly. No restart is needed.

The identity is host, boot, process namespace, pid and the process' start time, so a reused pid is not taken
for the sender that died.
"""

from __future__ import annotations

import functools
import os
import socket
import sys
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

from personamgr.core.i18n import translate

LEASE = timedelta(seconds=90)  # a claim not renewed for this long is taken as abandoned
HEARTBEAT_S = 20.0  # how often a sender renews its lease during a network call
PREFIX = "v1"


@dataclass(frozen=True, slots=True)
class Owner:
    host: str
    boot: str  # Linux boot id: a pid from before a reboot names nobody
    pidns: str  # Linux pid namespace: a pid from another namespace cannot be looked up here
    pid: int
    started: str  # the process' start time (clock ticks since boot), so a reused pid is told apart

    @property
    def token(self) -> str:
        return ":".join((PREFIX, self.host, self.boot, self.pidns, str(self.pid), self.started))

    @classmethod
    def parse(cls, token: str | None) -> Owner | None:
        parts = (token or "").split(":")
        if len(parts) != 6 or parts[0] != PREFIX or not parts[4].isdigit():
            return None
        return cls(parts[1], parts[2], parts[3], int(parts[4]), parts[5])

    def with_pid(self, pid: int, started: str = "") -> Owner:
        return replace(self, pid=pid, started=started)

    def describe(self) -> str:
        if self.host != this_process().host:
            return translate("Lease", "pid {pid} on {host}").format(pid=self.pid, host=self.host)
        return translate("Lease", "pid {pid}").format(pid=self.pid)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def _start_time(pid: int) -> str:
    """Field 22 of /proc/PID/stat ("" where there is no /proc). The command name may hold spaces: split after it."""
    stat = _read(f"/proc/{pid}/stat")
    if not stat:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else ""


def _pidns() -> str:
    try:
        return os.readlink("/proc/self/ns/pid").replace(":", "_")
    except OSError:
        return ""


@functools.cache
def this_process() -> Owner:
    pid = os.getpid()
    return Owner(socket.gethostname().replace(":", "_"), _read("/proc/sys/kernel/random/boot_id"), _pidns(), pid,
                 _start_time(pid))


def _is_linux() -> bool:
    return sys.platform.startswith("linux")


def is_gone(token: str | None) -> bool | None:
    """True if the sender ``token`` names is known to have stopped, False if it is known to run, None if this
    process cannot tell (another machine or namespace, no /proc, an older version's claim)."""
    owner = Owner.parse(token)
    if owner is None:
        return None
    me = this_process()
    if owner == me:
        return False
    if not _is_linux() or not me.boot or (owner.host, owner.boot, owner.pidns) != (me.host, me.boot, me.pidns):
        return None
    started = _start_time(owner.pid)
    return not started or (bool(owner.started) and started != owner.started)
