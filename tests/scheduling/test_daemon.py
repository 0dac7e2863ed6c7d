"""``personamgr daemon`` as a real process: sends on time, one per profile, clean SIGTERM, socket in 0700."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sched_daemon_helpers import daemon_env, log_text, post_state, start_daemon, stop, wait_for, wait_running
from sched_helpers import make_persona

from personamgr.core.clock import SystemClock
from personamgr.core.instance import InstanceLock, instance_dir, send_request
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.scheduling import PostSchedule
from personamgr.core.services import open_services

pytestmark = pytest.mark.slow


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    svc = open_services(AppPaths.resolve(h))
    svc.store.add_persona(make_persona())
    svc.close()
    return h


def test_daemon_sends_scheduled_posts_and_stops_cleanly_on_sigterm(home: Path) -> None:
    proc = start_daemon(home)
    try:
        wait_running(home, proc)
        paths = AppPaths.resolve(home)
        assert stat.S_IMODE(instance_dir(paths).stat().st_mode) == 0o700
        # A post added from the CLI while the daemon runs: the CLI pokes it, so no "nothing is running" hint.
        when = (datetime.now(UTC) + timedelta(seconds=2)).isoformat(timespec="seconds")
        cli = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(home), "queue", "add",
                              "--persona", "career", "--at", when, "from the CLI"],
                             env=daemon_env(), capture_output=True, text=True, timeout=120, check=False)
        assert cli.returncode == 0, cli.stderr
        assert "Scheduled #1" in cli.stdout and "nothing will send it" not in cli.stdout
        wait_for(lambda: post_state(home, 1) is PostState.SENT, "the daemon to send the post")
        assert send_request(paths, {"action": "ping"}) == {"v": 1, "ok": True, "message": "running", "role": "daemon",
                                                          "pid": proc.pid}
    finally:
        code, err = stop(proc)
    assert code == 0, err
    log = log_text(home)
    assert "[sent] post 1" in log and "daemon stopped cleanly" in log
    with InstanceLock(AppPaths.resolve(home), "test") as lock:
        assert lock.acquire()  # released on exit


def test_a_second_daemon_on_the_same_profile_refuses(home: Path) -> None:
    first = start_daemon(home)
    try:
        wait_running(home, first)
        second = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(home), "daemon"],
                                env=daemon_env(), capture_output=True, text=True, timeout=120, check=False)
        assert second.returncode == 1
        assert f"the daemon (pid {first.pid}) is already scheduling posts for this profile" in second.stderr
    finally:
        assert stop(first)[0] == 0


def test_two_daemons_started_at_the_same_moment_make_one_scheduler(home: Path) -> None:
    """Both start before either has the lock; exactly one keeps running and the post goes out once."""
    svc = open_services(AppPaths.resolve(home), clock=SystemClock())
    persona = svc.store.persona("career")
    post = PostSchedule(svc.store, svc.outbox, svc.clock).create(
        persona.uid, "exactly once", when=datetime.now(UTC) + timedelta(seconds=3)).post
    svc.close()
    procs = [start_daemon(home), start_daemon(home)]
    try:
        wait_for(lambda: any(p.poll() is not None for p in procs), "one of the two to give way")
        losers = [p for p in procs if p.poll() is not None]
        winners = [p for p in procs if p.poll() is None]
        assert len(losers) == 1 and len(winners) == 1
        assert losers[0].returncode == 1
        assert "already scheduling posts for this profile" in (losers[0].stderr.read() if losers[0].stderr else "")
        wait_for(lambda: post_state(home, post.id) is PostState.SENT, "the post to be sent")
    finally:
        for p in procs:
            stop(p)
    svc = open_services(AppPaths.resolve(home), clock=SystemClock())
    try:
        assert [e.text for e in svc.networks["sandbox"].timeline()] == ["exactly once"]  # type: ignore[attr-defined]
        assert svc.outbox.get(post.id).attempts == 1
    finally:
        svc.close()
