"""At send time: the guard looks again, exactly-once claiming, and crash recovery."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from lease_helpers import dead_owner
from sched_helpers import at, make_persona
from sqlalchemy import update

from personamgr.core import schema as s
from personamgr.core.clock import FakeClock
from personamgr.core.guard import Guard
from personamgr.core.guard.embed import MODEL_DIR, TOKENIZER_FILE
from personamgr.core.holds import HoldKind
from personamgr.core.outbox import Post, PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.scheduling import EventKind, PostSchedule, ScheduleEngine, SchedulerEvent
from personamgr.core.scheduling.guard_check import GuardCheck
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

START = at(2026, 3, 2, 12)


def strays_if_metal(post: Post, persona: Persona) -> Sequence[str]:
    """A stand-in for the guard with the same contract: reasons to hold, judged on the persona as it is now."""
    if "metal" in post.text and "metal" in persona.avoid:
        return [f"'metal' is on {persona.name}'s avoid list"]
    return []


def guarded(profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore) -> Services:
    return open_services(profile_paths, secrets=fail_secrets, clock=clock, pre_send_check=strays_if_metal)


def test_a_post_that_now_strays_is_held_with_reasons_and_the_user_told(
        profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore) -> None:
    svc = guarded(profile_paths, clock, fail_secrets)
    try:
        clock.set(START)
        persona = svc.store.add_persona(make_persona())
        sched = PostSchedule(svc.store, svc.outbox, clock)
        ok = sched.create(persona.uid, "interview tips", when=START + timedelta(minutes=5)).post
        off = sched.create(persona.uid, "new metal album", when=START + timedelta(minutes=5)).post
        # The persona changed after scheduling: metal is now off-limits.
        svc.store.update_persona(persona.with_changes(avoid=("metal",)))
        engine = ScheduleEngine(svc)
        events: list[SchedulerEvent] = []
        engine.subscribe(events.append)
        engine.start()
        clock.advance(timedelta(minutes=5))
        engine.run_due()
        held = svc.outbox.get(off.id)
        assert svc.outbox.get(ok.id).state is PostState.SENT
        assert held.state is PostState.HELD and held.hold_kind is HoldKind.OFF_FOCUS  # never "needs review"
        assert held.status == "Held: off-focus"
        assert held.guard_reasons == ("'metal' is on career's avoid list",)
        assert "This may not belong on career" in (held.error or "")
        assert [e.kind for e in events if e.post_id == off.id] == [EventKind.GUARD_HELD]
        assert [e.text for e in svc.networks["sandbox"].timeline()] == ["interview tips"]  # type: ignore[attr-defined]
    finally:
        svc.close()


def test_post_anyway_is_remembered_and_a_broken_guard_holds(
        profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore) -> None:
    def broken(post: Post, persona: Persona) -> Sequence[str]:
        raise RuntimeError("model file missing")

    svc = guarded(profile_paths, clock, fail_secrets)
    try:
        clock.set(START)
        persona = svc.store.add_persona(make_persona().with_changes(avoid=("metal",)))
        sched = PostSchedule(svc.store, svc.outbox, clock)
        anyway = sched.create(persona.uid, "metal, but I insist", when=START).post
        with svc.store.begin() as con:  # what the compose box records when the user chose "post anyway"
            con.execute(update(s.posts).where(s.posts.c.id == anyway.id).values(guard_override=True))
        assert svc.poster.send(anyway.id, recheck=True).state is PostState.SENT
        svc.poster.pre_send_check = broken
        other = sched.create(persona.uid, "fine words", when=START).post
        held = svc.poster.send(other.id, recheck=True)
        assert held.state is PostState.HELD and held.hold_kind is HoldKind.UNCHECKED
        assert held.reasons == ("The persona guard could not check this post (RuntimeError).",)
        # Without recheck (the user pressed Post now, having seen the guard), the check does not run.
        third = svc.outbox.create(persona.uid, "post now words")
        assert svc.poster.send(third.id).state is PostState.SENT
    finally:
        svc.close()


def test_a_guard_missing_a_model_file_holds_the_post_naming_the_file(
        profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore, tmp_path: Path) -> None:
    """The daemon's last check on a broken install: the held post says which file and to reinstall."""
    for f in MODEL_DIR.iterdir():
        if f.name != TOKENIZER_FILE:
            (tmp_path / f.name).symlink_to(f)

    def check(post: Post, persona: Persona) -> Sequence[str]:  # the real check, on the broken model folder
        return GuardCheck(svc.store, svc.outbox, guard=Guard.load(tmp_path))(post, persona)

    svc = open_services(profile_paths, secrets=fail_secrets, clock=clock, pre_send_check=check)
    try:
        clock.set(START)
        persona = svc.store.add_persona(make_persona())
        post = PostSchedule(svc.store, svc.outbox, clock).create(persona.uid, "interview tips", when=START).post
        held = svc.poster.send(post.id, recheck=True)
        assert held.state is PostState.HELD and held.hold_kind is HoldKind.UNCHECKED
        assert held.reasons == (f"The persona guard could not check this post ({tmp_path / TOKENIZER_FILE}: "
                                "the guard's tokenizer is missing; reinstall personamgr).",)
    finally:
        svc.close()


def test_two_engines_racing_on_one_post_send_it_once(services: Services, profile_paths: AppPaths,
                                                     clock: FakeClock, fail_secrets: SecretStore) -> None:
    """Two schedulers (which the instance lock prevents) still could not double a post: the claim is atomic."""
    clock.set(START)
    persona = services.store.add_persona(make_persona())
    posts = [PostSchedule(services.store, services.outbox, clock).create(persona.uid, f"p{i}", when=START).post
             for i in range(20)]
    second = open_services(profile_paths, secrets=fail_secrets, clock=clock)  # another process' view of the files
    try:
        engines = [ScheduleEngine(services), ScheduleEngine(second)]
        barrier = threading.Barrier(2)

        def run(engine: ScheduleEngine) -> None:
            barrier.wait()
            for p in posts:
                engine.fire(p.id)

        threads = [threading.Thread(target=run, args=(e,)) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        second.networks["sandbox"].close()  # type: ignore[attr-defined]
        timeline = services.networks["sandbox"].timeline()  # type: ignore[attr-defined]
        assert sorted(e.text for e in timeline) == sorted(f"p{i}" for i in range(20))
        assert all(services.outbox.get(p.id).attempts == 1 for p in posts)
    finally:
        second.store.close()


def test_a_post_left_sending_by_a_crash_becomes_needs_review_and_is_not_resent(services: Services) -> None:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    persona = services.store.add_persona(make_persona())
    post = PostSchedule(services.store, services.outbox, clock).create(persona.uid, "in flight", when=START).post
    services.outbox.claim(post.id, owner=dead_owner())  # ... and then the process died
    engine = ScheduleEngine(services)
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    engine.start()
    assert engine.run_due() == []
    assert services.outbox.get(post.id).state is PostState.NEEDS_REVIEW
    assert [e.kind for e in events] == [EventKind.INTERRUPTED]
    assert services.networks["sandbox"].timeline() == []  # type: ignore[attr-defined]


def test_the_real_guard_holds_a_post_that_now_strays(services: Services) -> None:
    """The shipped guard model, judging against the persona as it is at send time."""
    from personamgr.core.demo import seed_demo
    from personamgr.core.scheduling.guard_check import make_guard_check

    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    seed_demo(services)
    check = make_guard_check(services.store, services.outbox)
    assert check is not None
    services.poster.pre_send_check = check
    career = services.store.persona("career")
    sched = PostSchedule(services.store, services.outbox, clock)
    fits = sched.create(career.uid, "Five questions to ask at the end of every job interview, and what the "
                        "answers tell you about the team", when=START + timedelta(minutes=1)).post
    strays = sched.create(career.uid, "New Mastodon album tonight: the riffs are heavy and I'm front row at the "
                          "gig", when=START + timedelta(minutes=1)).post
    engine = ScheduleEngine(services)
    engine.start()
    clock.advance(timedelta(minutes=1))
    engine.run_due()
    assert services.outbox.get(fits.id).state is PostState.SENT
    held = services.outbox.get(strays.id)
    assert held.state is PostState.HELD and held.hold_kind is HoldKind.OFF_FOCUS
    assert any("career" in r for r in held.reasons), held.reasons


def test_a_thread_whose_every_part_was_recorded_before_the_crash_is_told_sent(services: Services) -> None:
    """Every part was out and recorded, only the last write was lost: the post is recorded sent, yet the notice
    said "Post may not have gone out"."""
    clock: FakeClock = services.clock  # type: ignore[assignment]
    clock.set(START)
    persona = services.store.add_persona(make_persona())
    post = PostSchedule(services.store, services.outbox, clock).create(persona.uid, "one", when=START).post
    services.outbox.claim(post.id, owner=dead_owner())
    services.outbox.update_if(post.id, [PostState.SENDING], remote_ids=["r1"], network="sandbox")
    engine = ScheduleEngine(services)
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    engine.start()
    assert services.outbox.get(post.id).state is PostState.SENT
    assert [(e.kind, e.message) for e in events] == [(EventKind.SENT, f"Sent as {persona.name}: r1")]
