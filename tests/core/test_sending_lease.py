"""Exactly once without false alarms: a post becomes ``sending`` only right before the network call, under a lease
naming its sender; a post whose sender died is recovered by whoever notices; queue slots are taken atomically."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from keyring_doubles import MemoryKeyring
from lease_helpers import dead_owner
from posting_helpers import ScriptedNetwork
from schema4_columns import drop_schema4_columns

from personamgr.core import lease, schema
from personamgr.core.clock import FakeClock
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona, QueueSlot
from personamgr.core.scheduling import PostSchedule
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services
from personamgr.core.store import Store

TESTS = Path(__file__).resolve().parents[1]


class RecordingKeyring(MemoryKeyring):
    """Notes the post's state each time the credentials are read."""

    def __init__(self, look: object) -> None:
        super().__init__()
        self.look = look
        self.seen: list[PostState] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.seen.append(self.look())  # type: ignore[operator]
        return super().get_password(service, username)


def test_the_post_is_sending_only_after_the_guard_and_the_keyring(services: Services, net: ScriptedNetwork,
                                                                  clock: FakeClock) -> None:
    """The reported false alarm: a post was marked sending before the guard's model loaded and the keyring was
    read, so a kill in that window sent it to needs-review although nothing had reached the network."""
    career = services.store.persona("career")
    post = PostSchedule(services.store, services.outbox, clock).create(career.uid, "Hiring is up",
                                                                       when=clock.now()).post
    state = lambda: services.outbox.get(post.id).state  # noqa: E731
    keyring = RecordingKeyring(state)
    net.needs_credentials = True
    services.poster.secrets = SecretStore(keyring, timeout=5)
    services.poster.secrets.set_credentials(career.uid, {"access_token": "t-123456"})
    checked: list[PostState] = []
    services.poster.pre_send_check = lambda p, _persona: checked.append(state()) or []
    published: list[PostState] = []
    net.publish = lambda account, outgoing, orig=net.publish: (published.append(state()), orig(account, outgoing))[1]
    result = services.poster.send(post.id, recheck=True)
    assert (checked, keyring.seen, published) == ([PostState.SCHEDULED], [PostState.SCHEDULED], [PostState.SENDING])
    assert result.state is PostState.SENT and result.attempts == 1


KILLED_WHILE_CHECKING = """
import sys, time
from personamgr.core.clock import SystemClock
from personamgr.core.paths import AppPaths
from personamgr.core.services import open_services

services = open_services(AppPaths.resolve(sys.argv[1]), clock=SystemClock())

def slow_guard(post, persona):  # the guard's model takes its time to load
    print("checking", flush=True)
    time.sleep(120)
    return []

services.poster.pre_send_check = slow_guard
services.poster.send(int(sys.argv[2]), recheck=True)
"""


def test_a_kill_before_the_network_call_leaves_the_post_as_it_was(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "profile")
    svc = open_services(paths)
    try:
        p = svc.store.add_persona(Persona(name="career", description="jobs"))
        post_id = PostSchedule(svc.store, svc.outbox, svc.clock).create(
            p.uid, "Five questions", when=svc.clock.now()).post.id
    finally:
        svc.close()
    child = subprocess.Popen([sys.executable, "-c", KILLED_WHILE_CHECKING, str(paths.data.parent), str(post_id)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "checking"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=30)
    svc = open_services(paths)
    try:
        assert svc.outbox.recover_abandoned() == []
        assert svc.outbox.get(post_id).state is PostState.SCHEDULED  # not "it may have gone out"
        assert svc.poster.send(post_id).state is PostState.SENT
    finally:
        svc.close()


def test_a_dead_senders_post_is_recovered_a_live_ones_is_not(services: Services, net: ScriptedNetwork,
                                                            clock: FakeClock) -> None:
    career = services.store.persona("career").uid
    dead, alive, elsewhere = (services.outbox.create(career, t) for t in ("dead", "alive", "elsewhere"))
    services.outbox.claim(dead.id, owner=dead_owner())
    services.outbox.claim(alive.id)  # this process, sending right now
    other_host = lease.Owner("another-machine", "b00t", "pid_[1]", 4242, "77").token
    services.outbox.claim(elsewhere.id, owner=other_host)
    recovered = services.outbox.recover_abandoned()
    assert [p.id for p in recovered] == [dead.id]  # known dead at once, no lease to wait out
    assert services.outbox.get(elsewhere.id).state is PostState.SENDING  # cannot tell yet: its lease holds
    clock.advance(lease.LEASE + timedelta(seconds=1))  # no heartbeat came from the other machine
    assert [p.id for p in services.outbox.recover_abandoned()] == [elsewhere.id]
    assert (services.outbox.get(elsewhere.id).error or "").startswith(
        "The app on another-machine stopped answering while this post was being sent.")
    assert services.outbox.get(alive.id).state is PostState.SENDING  # its own sender is running: left alone


def test_the_heartbeat_keeps_a_long_send_from_being_taken_for_abandoned(services: Services, net: ScriptedNetwork,
                                                                       clock: FakeClock) -> None:
    services.poster.heartbeat_s = 0.05
    post = services.outbox.create(services.store.persona("career").uid, "slow network")
    entered, release = threading.Event(), threading.Event()

    def slow(account, outgoing, orig=net.publish):  # type: ignore[no-untyped-def]
        entered.set()
        release.wait(300)  # let go by the test (finally): the steps below must never outlast it
        return orig(account, outgoing)

    def lease_ends() -> object:
        sending = services.outbox._sending()
        return sending[0][1] if sending else "never: the post is no longer sending"

    net.publish = slow  # type: ignore[method-assign]
    sender = threading.Thread(target=services.poster.send, args=(post.id,))
    sender.start()
    try:
        assert entered.wait(30), "the send never reached the network"
        for _ in range(3):  # a lease's time passes, again and again, while the network call runs
            clock.advance(lease.LEASE + timedelta(seconds=1))
            before = lease_ends()
            give_up = time.monotonic() + 30
            while lease_ends() == before and time.monotonic() < give_up:
                time.sleep(0.02)
            # A process elsewhere looks: the lease was renewed, so the post is not taken for abandoned.
            now, ends = clock.now(), lease_ends()
            assert isinstance(ends, datetime) and ends > now, (
                f"waited for a renewal (30 s at most): it is {now}, the lease ends {ends}")
    finally:
        release.set()
        sender.join(30)
    assert services.outbox.get(post.id).state is PostState.SENT


def test_a_send_that_finishes_after_being_taken_for_abandoned_still_records_sent(services: Services,
                                                                                net: ScriptedNetwork) -> None:
    """Suspended mid-send (a laptop lid): another process recovered the post; the truth, once known, is kept."""
    post = services.outbox.create(services.store.persona("career").uid, "lid closed")

    def publish_then_resume(account, outgoing, orig=net.publish):  # type: ignore[no-untyped-def]
        with services.store.begin() as con:  # meanwhile another process saw a lapsed lease
            con.exec_driver_sql("UPDATE posts SET state = 'needs_review' WHERE id = ?", (post.id,))
        return orig(account, outgoing)

    net.publish = publish_then_resume  # type: ignore[method-assign]
    assert services.poster.send(post.id).state is PostState.SENT


def test_parallel_adds_to_the_queue_never_share_a_slot(tmp_path: Path, clock: FakeClock) -> None:
    """The reported double booking: 20 parallel `queue add` without --at got 18 distinct slots. Each adder here
    has its own connection to the file, as separate processes do."""
    path = tmp_path / "personamgr.db"
    first = Store.open(path, clock=clock)
    persona = first.add_persona(Persona(name="career", description="jobs",
                                        queue_slots=tuple(QueueSlot(d, h) for d in range(7) for h in (9, 13, 17))))
    first.close()
    stores = [Store.open(path, clock=clock) for _ in range(20)]
    start = threading.Barrier(len(stores))
    errors: list[BaseException] = []

    def add(store: Store, i: int) -> None:
        from personamgr.core.outbox import Outbox

        try:
            start.wait()
            PostSchedule(store, Outbox(store), clock).create(persona.uid, f"post {i}")
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=add, args=(st_, i)) for i, st_ in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for st_ in stores:
        st_.close()
    assert errors == []
    con = sqlite3.connect(path)
    try:
        slots = [r[0] for r in con.execute("SELECT scheduled_at FROM posts WHERE state = 'scheduled'")]
    finally:
        con.close()
    assert len(slots) == 20 and len(set(slots)) == 20


def test_a_schema_2_database_gains_the_lease_and_its_stuck_post_is_recovered(tmp_path: Path,
                                                                           clock: FakeClock) -> None:
    """Upgrading: a copy is made first, the rows are kept, and a post an older version left in ``sending`` (no
    lease recorded) is recovered once a lease's time has passed since its last change."""
    path = tmp_path / "personamgr.db"
    st_ = Store.open(path, clock=clock)
    from personamgr.core.outbox import Outbox

    p = st_.add_persona(Persona(name="career", description="jobs"))
    post = Outbox(st_).create(p.uid, "sent by 0.1, or not")
    st_.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE posts SET state = 'sending'")
    con.execute("ALTER TABLE posts DROP COLUMN lease_owner")
    con.execute("ALTER TABLE posts DROP COLUMN lease_until")
    drop_schema4_columns(con)
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    st_ = Store.open(path, clock=clock)
    try:
        assert st_.schema_version() == schema.SCHEMA_VERSION == 9
        assert [b.name.startswith("personamgr-schema2-") for b in (tmp_path / "backups").iterdir()] == [True]
        outbox = Outbox(st_)
        assert outbox.recover_abandoned() == []  # it changed less than a lease ago
        clock.advance(lease.LEASE + timedelta(seconds=1))
        (recovered,) = outbox.recover_abandoned()
        assert (recovered.id, recovered.state) == (post.id, PostState.NEEDS_REVIEW)
        assert recovered.error is not None and recovered.error.startswith("The app stopped answering")
    finally:
        st_.close()
