"""Export and import of everything (personas, drafts, the queue, settings) in one file, never a secret."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from keyring_doubles import MemoryKeyring

from personamgr.core.archive import ArchiveError, export_archive, import_archive
from personamgr.core.clock import FakeClock
from personamgr.core.demo import seed_demo
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.persona_file import save_personas
from personamgr.core.scheduling import PostSchedule
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services

TOKEN = "tok-9f8e7d6c5b4a-secret"


@pytest.fixture
def source(tmp_path: Path, clock: FakeClock) -> Services:
    svc = open_services(AppPaths.resolve(tmp_path / "a"), secrets=SecretStore(MemoryKeyring(), timeout=5),
                        clock=clock)
    seed_demo(svc)
    career = svc.store.persona("career")
    svc.secrets.set_credentials(career.uid, {"access_token": TOKEN, "access_token_secret": TOKEN + "2"})
    svc.outbox.create(career.uid, "A draft about resumes, kept for later.")
    schedule = PostSchedule(svc.store, svc.outbox, clock)
    schedule.create(career.uid, "Queued: ask for the salary range first.")
    schedule.create(svc.store.persona("metal").uid, "At a time: the setlist poll.",
                    when=clock.now() + timedelta(days=2))
    svc.settings.update({"theme": "dark", "send_delay": 8})
    yield svc
    svc.close()


@pytest.fixture
def target(tmp_path: Path, clock: FakeClock) -> Services:
    svc = open_services(AppPaths.resolve(tmp_path / "b"), secrets=SecretStore(MemoryKeyring(), timeout=5),
                        clock=clock)
    yield svc
    svc.close()


def unsent(svc: Services) -> set[tuple[str, str, str, datetime | None, bool]]:
    return {(p.persona_name, p.state.value, p.text, p.scheduled_at, p.queue_rank is not None)
            for p in svc.outbox.in_states([PostState.DRAFT, PostState.SCHEDULED])}


def test_export_then_import_loses_nothing_and_carries_no_secret(source: Services, target: Services,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "everything.toml"
    summary = export_archive(source, path)
    assert (summary.personas, summary.posts, summary.settings) == (2, 3, 2)
    text = path.read_text(encoding="utf-8")
    assert TOKEN not in text and "access_token" not in text
    result = import_archive(target, path)
    assert (result.personas, result.posts, result.skipped) == (2, 3, 0)
    assert [p.name for p in target.store.personas()] == ["career", "metal"]
    assert target.store.persona("career") == source.store.persona("career")  # every field, the uid too
    assert unsent(target) == unsent(source)
    queued = next(p for p in target.outbox.in_states([PostState.SCHEDULED]) if p.text.startswith("Queued"))
    assert queued.queue_rank is not None  # it still holds its queue slot
    assert target.settings.get("theme") == "dark" and target.settings.get("send_delay") == 8
    assert target.secrets.get_credentials(target.store.persona("career").uid) is None
    assert not target.outbox.in_states([PostState.SENT])  # sent history stays where it went out from


def test_importing_the_same_file_twice_adds_nothing_the_second_time(source: Services, target: Services,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "everything.toml"
    export_archive(source, path)
    import_archive(target, path)
    again = import_archive(target, path)
    assert (again.posts, again.skipped) == (0, 3)
    assert len(target.outbox.in_states([PostState.DRAFT, PostState.SCHEDULED])) == 3


@pytest.mark.parametrize(("content", "says"), [
    ('format = "personamgr-archive"\nversion = 99\n', "written by a newer personamgr"),
    ('format = "personamgr-archive"\nversion = 1\n[settings]\ntheme = "purple"\n', "theme is one of"),
    ('format = "personamgr-archive"\nversion = 1\n[[post]]\npersona = "nobody"\nstate = "draft"\ntext = "x"\n',
     "post #1: names a persona that is not in the file"),
    ('format = "personamgr-archive"\nversion = 1\n[[persona]]\nname = "a"\ndescription = "d"\nuid = "u1"\n'
     '[[post]]\npersona = "u1"\nstate = "scheduled"\ntext = "x"\n', "a scheduled post needs scheduled_at"),
    ("not [ toml", "not valid TOML"),
])
def test_a_bad_file_is_refused_whole_with_the_reason(target: Services, tmp_path: Path, content: str,
                                                     says: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArchiveError, match=says):
        import_archive(target, path)
    assert target.store.personas() == []
    assert target.settings.get("theme") == "system"


def test_a_personas_file_is_pointed_to_its_own_import(source: Services, target: Services, tmp_path: Path) -> None:
    path = tmp_path / "personas.toml"
    save_personas(path, source.store.personas())
    with pytest.raises(ArchiveError, match="Import personas"):
        import_archive(target, path)


def test_scheduled_times_keep_their_instant(source: Services, target: Services, tmp_path: Path,
                                            clock: FakeClock) -> None:
    path = tmp_path / "everything.toml"
    export_archive(source, path)
    import_archive(target, path)
    at = next(p for p in target.outbox.in_states([PostState.SCHEDULED]) if p.text.startswith("At a time"))
    assert at.scheduled_at == (clock.now() + timedelta(days=2)).replace(microsecond=0)
    assert at.scheduled_at.tzinfo is UTC or at.scheduled_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1969-12-31T23:00:00-05:00"])
def test_a_time_outside_the_dates_personamgr_can_schedule_is_refused_not_imported(
        target: Services, tmp_path: Path, when: str) -> None:
    """Import everything took a post scheduled for 9999-12-31T23:59:59Z; for a persona east of UTC (Kiritimati,
    +14) that time has no date in Python, so `queue list`, `posts list` and `posts show` said "something unexpected
    went wrong (OverflowError: date value out of range)… This is a bug" from then on. The file is refused whole, as
    `queue add --at` refuses the time."""
    path = tmp_path / "far.toml"
    path.write_text('format = "personamgr-archive"\nversion = 1\n[[persona]]\nname = "a"\ndescription = "d"\n'
                    'uid = "u1"\ntimezone = "Pacific/Kiritimati"\n'
                    f'[[post]]\npersona = "u1"\nstate = "scheduled"\ntext = "x"\nscheduled_at = {when}\n',
                    encoding="utf-8")
    with pytest.raises(ArchiveError) as e:
        import_archive(target, path)
    assert str(e.value) == (f"{path}: post #1: scheduled_at {when.replace('T', ' ').replace('Z', '+00:00')} is "
                            "outside the dates personamgr can schedule (1970 to 9998)"), str(e.value)
    assert target.store.personas() == [] and target.outbox.in_states([PostState.SCHEDULED]) == []


@pytest.mark.parametrize(("value", "said"), [('"yes"', "'yes'"), ("1", "1"), ('"true"', "'true'")])
def test_a_value_of_the_wrong_type_is_refused_with_its_field_and_line(target: Services, tmp_path: Path, value: str,
                                                                      said: str) -> None:
    """Import everything took queue = "yes" (or 1, or "true") as true: the post went into the queue on a word the
    file never said. A value of the wrong type is refused, naming the field and its line, and nothing is
    imported."""
    path = tmp_path / "typed.toml"
    path.write_text('format = "personamgr-archive"\nversion = 1\n\n[[persona]]\nname = "a"\ndescription = "d"\n'
                    'uid = "u1"\n\n'
                    '[[post]]\npersona = "u1"\nstate = "scheduled"\ntext = "first"\n'
                    'scheduled_at = 2030-01-01T09:00:00Z\nqueue = true\n\n'
                    '[[post]]\npersona = "u1"\nstate = "scheduled"\ntext = "second"\n'
                    f'scheduled_at = 2030-01-02T09:00:00Z\nqueue = {value}\n', encoding="utf-8")
    with pytest.raises(ArchiveError) as e:
        import_archive(target, path)
    assert str(e.value) == f"{path}: post #2, line 21: queue is true or false, not {said}", str(e.value)
    assert target.store.personas() == [] and target.outbox.in_states([PostState.SCHEDULED]) == []
