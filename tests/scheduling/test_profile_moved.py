"""The profile's folder moved, renamed or removed while personamgr runs.

SQLite keeps the files it has open, so the scheduler went on sending scheduled posts from a profile the user had
removed (or moved, where a start on the new place is another profile to the lock, with its own scheduler). It now
sees, before each send, that its database is no longer where it opened it, sends nothing more from it, and says
so once, with the way out.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from personamgr.core.personas import Persona
from personamgr.core.scheduling import EventKind, PostSchedule, ScheduleEngine, SchedulerEvent
from personamgr.core.services import Services


@pytest.mark.parametrize("how", ["moved", "removed"])
def test_nothing_is_sent_from_a_profile_moved_or_removed_while_running(
        services: Services, persona: Persona, tmp_path: Path, how: str) -> None:
    sched = PostSchedule(services.store, services.outbox, services.clock)
    first = sched.create(persona.uid, "Five questions to ask at the end of every interview",
                         when=services.clock.now() + timedelta(minutes=1)).post
    sched.create(persona.uid, "What a hiring manager reads first",
                 when=services.clock.now() + timedelta(minutes=2))
    engine = ScheduleEngine(services)
    engine.start()
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    data = services.paths.data  # type: ignore[union-attr]
    if how == "moved":
        shutil.move(data, tmp_path / "elsewhere")
    else:
        shutil.rmtree(data)
    services.clock.advance(timedelta(minutes=2))  # type: ignore[attr-defined]
    assert engine.run_due() == []
    assert engine.run_due() == []
    gone = [e for e in events if e.kind is EventKind.PROFILE_GONE]
    assert len(gone) == 1, events  # said once, not at every pass
    assert str(services.paths.database) in gone[0].message  # type: ignore[union-attr]
    assert "Nothing more is sent from it" in gone[0].message
    assert not [e for e in events if e.kind is EventKind.SENT]
    assert services.outbox.get(first.id).state.value == "scheduled"  # untouched, in the file it is in now


@pytest.mark.parametrize("how", ["moved", "removed"])
def test_send_now_sends_nothing_from_a_profile_moved_or_removed(
        services: Services, persona: Persona, tmp_path: Path, how: str) -> None:
    """The window's and the CLI's Send now go through the poster, as the scheduler does: the same check holds
    there (it sent the post from the removed file, and recorded it where nobody would see it)."""
    from personamgr.core.post_workflows import Action

    post = PostSchedule(services.store, services.outbox, services.clock).create(
        persona.uid, "Why the second interview is the one that counts",
        when=services.clock.now() + timedelta(hours=1)).post
    data = services.paths.data  # type: ignore[union-attr]
    if how == "moved":
        shutil.move(data, tmp_path / "elsewhere")
    else:
        shutil.rmtree(data)
    with pytest.raises(OSError, match="was moved, renamed or removed while personamgr ran") as raised:
        services.workflows.send(post.id, Action.SEND_NOW)
    assert str(services.paths.database) in str(raised.value)  # type: ignore[union-attr]
    assert services.outbox.get(post.id).state.value == "scheduled"  # not attempted
