"""The APScheduler driver on real time: jobs derived from the outbox, following every change.

These wait for outcomes with a generous timeout; they never assert how long anything took.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sched_helpers import make_persona
from sqlalchemy import update

from personamgr.core import schema as s
from personamgr.core.clock import SystemClock
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.scheduling.driver import SchedulerDriver
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

TIMEOUT = 30.0


def wait_for(cond: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not cond():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {TIMEOUT:g} s waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def live(profile_paths: AppPaths, fail_secrets: SecretStore) -> Iterator[tuple[Services, SchedulerDriver]]:
    svc = open_services(profile_paths, secrets=fail_secrets, clock=SystemClock())
    driver = SchedulerDriver(ScheduleEngine(svc), tick_seconds=60)
    yield svc, driver
    driver.stop()
    svc.close()


def test_jobs_follow_the_outbox(live: tuple[Services, SchedulerDriver]) -> None:
    svc, driver = live
    persona = svc.store.add_persona(make_persona())
    sched = PostSchedule(svc.store, svc.outbox, svc.clock)
    soon = sched.create(persona.uid, "soon", when=svc.clock.now() + timedelta(seconds=1)).post
    later = sched.create(persona.uid, "later", when=svc.clock.now() + timedelta(minutes=30)).post
    far = sched.create(persona.uid, "far", when=svc.clock.now() + timedelta(days=30)).post
    driver.start()
    wait_for(driver.ready.is_set, "the first reconcile")
    assert far.id not in driver.job_ids()  # beyond the horizon: picked up by a later reconcile
    wait_for(lambda: svc.outbox.get(soon.id).state is PostState.SENT, "the due post to be sent")
    assert driver.job_ids() == [later.id]
    # A change through the store reaches the scheduler without waiting for the periodic tick.
    sched.unschedule(later.id)
    wait_for(lambda: driver.job_ids() == [], "the unscheduled post's job to go")
    new = sched.create(persona.uid, "new", when=svc.clock.now() + timedelta(seconds=1)).post
    wait_for(lambda: svc.outbox.get(new.id).state is PostState.SENT, "a post scheduled while running")
    assert [e.text for e in svc.networks["sandbox"].timeline()] == ["new", "soon"]  # type: ignore[attr-defined]


def test_a_post_overdue_at_start_is_not_dropped(live: tuple[Services, SchedulerDriver]) -> None:
    """APScheduler's default misfire grace (1 s) would drop it; here the persona's policy decides."""
    svc, driver = live
    persona = svc.store.add_persona(make_persona())
    post = PostSchedule(svc.store, svc.outbox, svc.clock).create(
        persona.uid, "was due a minute ago", when=svc.clock.now()).post
    with svc.store.begin() as con:  # due 61 s ago: late, but within the 2-minute grace
        con.execute(update(s.posts).where(s.posts.c.id == post.id).values(
            scheduled_at=(svc.clock.now() - timedelta(seconds=61)).replace(tzinfo=None)))
    driver.start()
    wait_for(lambda: svc.outbox.get(post.id).state is PostState.SENT, "the overdue post to be sent")


def test_stop_waits_for_a_post_in_flight(profile_paths: AppPaths, fail_secrets: SecretStore) -> None:
    svc = open_services(profile_paths, secrets=fail_secrets, clock=SystemClock())
    svc.networks["sandbox"].latency_s = 0.5  # type: ignore[attr-defined]
    driver = SchedulerDriver(ScheduleEngine(svc), tick_seconds=60)
    try:
        persona = svc.store.add_persona(make_persona())
        post = PostSchedule(svc.store, svc.outbox, svc.clock).create(persona.uid, "slow", when=svc.clock.now()).post
        driver.start()
        wait_for(lambda: svc.outbox.get(post.id).state is PostState.SENDING, "the send to start")
        driver.stop()
        assert svc.outbox.get(post.id).state is PostState.SENT
    finally:
        svc.close()
