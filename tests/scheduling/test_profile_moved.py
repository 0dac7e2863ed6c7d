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
    assert "while personamgr ran, so nothing more is saved or sent from it" in gone[0].message
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
    with pytest.raises(OSError, match="while personamgr ran, so nothing more is saved or sent from it") as raised:
        services.workflows.send(post.id, Action.SEND_NOW)
    assert str(services.paths.database) in str(raised.value)  # type: ignore[union-attr]
    assert services.outbox.get(post.id).state.value == "scheduled"  # not attempted


def _edit_persona(services: Services, persona: Persona) -> None:
    from dataclasses import replace

    services.store.update_persona(replace(persona, description="Careers after forty, and the economy around them"))


def _schedule(services: Services, persona: Persona) -> None:
    PostSchedule(services.store, services.outbox, services.clock).create(
        persona.uid, "Three things a recruiter reads first", when=services.clock.now() + timedelta(hours=1))


def _window_layout(services: Services, persona: Persona) -> None:
    services.store.set_setting("window_layout", {"geometry": "AAAA", "state": "AAAA"})


def _preferences(services: Services, persona: Persona) -> None:
    services.settings.update({"notifications": "off"})


WRITES = {"persona edit": _edit_persona, "schedule": _schedule, "window layout": _window_layout,
          "preferences": _preferences}


@pytest.mark.parametrize("write", WRITES)
def test_every_write_to_a_profile_moved_away_is_refused_in_the_same_words(
        services: Services, persona: Persona, tmp_path: Path, write: str) -> None:
    """A persona edit, a setting, the window's layout or a schedule went on into the database moved away (SQLite
    writes the file it has open), and the preferences made the moved folder again at its old place, without a word.
    Each is now refused with the one sentence every write says, naming where the profile is now."""
    paths = services.paths
    assert paths is not None
    root = paths.data.parent
    shutil.move(root, tmp_path / "elsewhere")
    with pytest.raises(OSError) as raised:
        WRITES[write](services, persona)
    now_at = tmp_path / "elsewhere" / "data" / "personamgr.db"
    assert str(raised.value) == (
        f"the database {paths.database} was moved to {now_at} while personamgr ran, so nothing more is saved or sent "
        f"from it here. Quit personamgr and start it again with --data-dir {tmp_path / 'elsewhere'} to go on there")
    assert not root.exists()  # not made again where the user moved it from


def test_a_profile_removed_while_running_is_said_removed(
        services: Services, persona: Persona) -> None:
    paths = services.paths
    assert paths is not None
    shutil.rmtree(paths.data)
    with pytest.raises(OSError, match=r"was removed while personamgr ran, so nothing more is saved or sent from it\."):
        _edit_persona(services, persona)
    assert services.store.persona(persona.uid).description == persona.description  # read, never written


def test_the_scheduler_says_what_every_refused_write_says(
        services: Services, persona: Persona, tmp_path: Path) -> None:
    _schedule(services, persona)
    engine = ScheduleEngine(services)
    engine.start()
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    shutil.move(services.paths.data, tmp_path / "elsewhere")  # type: ignore[union-attr]
    with pytest.raises(OSError) as raised:
        _window_layout(services, persona)
    services.clock.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    assert engine.run_due() == []
    [gone] = [e for e in events if e.kind is EventKind.PROFILE_GONE]
    said = str(raised.value)
    assert gone.message == said[0].upper() + said[1:] + ".", (gone.message, said)


@pytest.mark.parametrize("write", ["image", "import"])
def test_an_image_or_an_import_for_a_profile_moved_away_makes_nothing_at_its_old_place(
        services: Services, persona: Persona, tmp_path: Path, write: str) -> None:
    """An image attached, or personas imported over existing ones, made the moved profile's media or backups
    folder again where it was (and copied the image there); each is now refused in the words every write says."""
    from image_files import png

    from personamgr.core.media import MediaCopyError, import_image
    from personamgr.core.persona_file import save_personas
    from personamgr.core.persona_import import ImportFailed, apply_import, read_plan

    paths = services.paths
    assert paths is not None
    root = paths.data.parent
    image = png(tmp_path / "chart.png")
    personas_file = tmp_path / "personas.toml"
    save_personas(personas_file, [persona.with_changes(description="Careers after forty")])
    plan = read_plan(services.store, personas_file)
    shutil.move(root, tmp_path / "elsewhere")
    with pytest.raises((MediaCopyError, ImportFailed)) as raised:
        if write == "image":
            import_image(paths.media, image, in_place=services.store.ensure_in_place)
        else:
            apply_import(services.store, plan, paths.backups, services.clock)
    assert (f"the database {paths.database} was moved to {tmp_path / 'elsewhere' / 'data' / 'personamgr.db'} while "
            "personamgr ran") in str(raised.value)
    assert not root.exists()  # not made again where the user moved it from


def test_a_profile_moved_while_a_post_is_on_its_way_stops_the_scheduler_in_words_not_a_crash(
        services: Services, persona: Persona, tmp_path: Path) -> None:
    """The profile moved during the network call: the post went out, and its record is refused like every write.
    The scheduler said nothing and raised out of fire() ("never raises"), its containment refused too. It now says
    the post went out and why it is not recorded, then that the profile is gone, once; the post is left as it was,
    found "sending" where it went."""
    _schedule(services, persona)
    network = services.networks["sandbox"]
    publish = network.publish

    def publish_then_move(*args: object, **kwargs: object) -> object:
        out = publish(*args, **kwargs)
        shutil.move(services.paths.data.parent, tmp_path / "elsewhere")  # type: ignore[union-attr]
        return out

    network.publish = publish_then_move  # type: ignore[method-assign]
    engine = ScheduleEngine(services)
    engine.start()
    events: list[SchedulerEvent] = []
    engine.subscribe(events.append)
    services.clock.advance(timedelta(hours=1, minutes=1))  # type: ignore[attr-defined]
    assert engine.run_due() == []
    # It went out: said as sent, with why it is not recorded (tests/x/test_x_sent_unrecorded.py); then gone, once.
    assert [e.kind for e in events] == [EventKind.SENT]
    assert "post went out as " in events[0].message and "was moved to" in events[0].message
    assert engine.run_due() == []
    assert [e.kind for e in events] == [EventKind.SENT, EventKind.PROFILE_GONE]
