"""Importing personas never destroys: fields a file leaves out are kept, a backup comes first, undo puts it back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamgr.core import persona_import as pi
from personamgr.core.clock import FakeClock
from personamgr.core.outbox import Outbox
from personamgr.core.persona_file import PersonaFileError, load_personas
from personamgr.core.personas import DEFAULT_SLOTS, PALETTE, MissedPolicy, Persona, QueueSlot
from personamgr.core.store import Store

CAREER = Persona(name="career", handle="@career_me", description="Careers", topics=("jobs", "hiring"),
                 examples=("Ask questions at the end.",), queue_slots=(QueueSlot(0, 9), QueueSlot(2, 12)),
                 timezone="America/New_York", colour="#16a085", missed_policy=MissedPolicy.POST_LATE, late_hours=3)
METAL = Persona(name="metal", handle="@metal_me", topics=("heavy metal",), colour="#c0392b")


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Store:
    st_ = Store.open(tmp_path / "data" / "personamgr.db", clock=clock)
    st_.add_persona(CAREER)
    st_.add_persona(METAL)
    yield st_
    st_.close()


def write(tmp_path: Path, text: str, name: str = "in.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def do_import(store: Store, path: Path, tmp_path: Path, clock: FakeClock, **kw: bool) -> pi.ImportResult:
    plan = pi.read_plan(store, path, **kw)
    return pi.apply_import(store, plan, tmp_path / "data" / "backups", clock)


def test_a_partial_entry_changes_only_the_fields_it_gives(store: Store, tmp_path: Path, clock: FakeClock) -> None:
    """The reported loss: a file with only name (in another case) and description reset the handle, topics,
    examples, queue slots, time zone and colour."""
    path = write(tmp_path, '[[persona]]\nname = "CAREER"\ndescription = "Careers after 40"\n')
    plan = pi.read_plan(store, path)
    assert (plan.added, plan.updated, plan.unchanged) == (0, 1, 0)
    (change,) = plan.changes
    assert [(f.field, f.before, f.after, f.cleared) for f in change.fields()] == [
        ("name", "career", "CAREER", False), ("description", "Careers", "Careers after 40", False)]
    pi.apply_import(store, plan, tmp_path / "backups", clock)
    after = store.persona(CAREER.uid)
    assert after == CAREER.with_changes(name="CAREER", description="Careers after 40")


def test_replacing_whole_personas_lists_what_it_clears(store: Store, tmp_path: Path, clock: FakeClock) -> None:
    path = write(tmp_path, '[[persona]]\nname = "career"\ndescription = "Careers"\n')
    plan = pi.read_plan(store, path, replace_whole=True)
    assert plan.clears_anything
    cleared = {f.field: (f.before, f.after) for f in plan.changes[0].fields() if f.cleared}
    assert cleared == {
        "topics": ("jobs | hiring", "(none)"), "examples": ("Ask questions at the end.", "(none)"),
        "handle": ("@career_me", "(none)"), "colour": ("#16a085", PALETTE[0]), "timezone": ("America/New_York", "UTC"),
        "missed_policy": ("post_late", "ask"), "late_hours": ("3", "6"), "queue_slots": ("mon 09:00, wed 12:00",
                                                                                         "(none)")}
    text = "\n".join(plan.describe())
    assert "queue: mon 09:00, wed 12:00 → (none)  (cleared: not in the file)" in text
    pi.apply_import(store, plan, tmp_path / "backups", clock)
    after = store.persona("career")
    assert (after.uid, after.topics, after.handle) == (CAREER.uid, (), None)  # identity (and keyring link) kept


def test_an_unchanged_file_changes_nothing_and_takes_no_backup(store: Store, tmp_path: Path,
                                                               clock: FakeClock) -> None:
    path = write(tmp_path, '[[persona]]\nname = "metal"\ntopics = ["heavy metal"]\n')
    plan = pi.read_plan(store, path)
    assert (plan.added, plan.updated, plan.unchanged, plan.changes_anything) == (0, 0, 1, False)
    assert pi.apply_import(store, plan, tmp_path / "backups", clock) == pi.ImportResult(0, 0, None)
    assert not (tmp_path / "backups").exists()


def test_added_personas_get_unused_colours(store: Store, tmp_path: Path, clock: FakeClock) -> None:
    path = write(tmp_path, '[[persona]]\nname = "a"\ndescription = "x"\n[[persona]]\nname = "b"\ndescription = "y"\n'
                           '[[persona]]\nname = "c"\ndescription = "z"\ncolour = "#123456"\n')
    do_import(store, path, tmp_path, clock)
    colours = [store.persona(n).colour for n in ("a", "b", "c")]
    assert colours == [PALETTE[0], PALETTE[3], "#123456"]  # 1 and 2 are career's and metal's


def test_a_new_persona_without_a_queue_gets_the_windows_weekday_slots(store: Store, tmp_path: Path,
                                                                      clock: FakeClock) -> None:
    """QA #9: an imported persona had no slots, so "Add to queue" and "Next free slot" dead-ended. Merge semantics
    still hold: an existing persona the file gives no queue keeps its own (or none); a file's queue wins."""
    store.update_persona(METAL.with_changes(queue_slots=()))
    path = write(tmp_path, '[[persona]]\nname = "garden"\ndescription = "Gardening"\n'
                           '[[persona]]\nname = "law"\ndescription = "Law"\nqueue = ["sat 10:00"]\n'
                           '[[persona]]\nname = "career"\ndescription = "Careers at 40"\n'
                           '[[persona]]\nname = "metal"\ndescription = "Riffs"\n')
    do_import(store, path, tmp_path, clock)
    slots = {n: store.persona(n).queue_slots for n in ("garden", "law", "career", "metal")}
    assert slots == {"garden": DEFAULT_SLOTS, "law": (QueueSlot(5, 10),), "career": CAREER.queue_slots, "metal": ()}
    assert len(DEFAULT_SLOTS) == 15 and {s.weekday for s in DEFAULT_SLOTS} == set(range(5))


def test_backup_then_undo_puts_everything_back(store: Store, tmp_path: Path, clock: FakeClock) -> None:
    before = store.personas()
    path = write(tmp_path, '[[persona]]\nname = "career"\ntopics = ["economy"]\n\n'
                           '[[persona]]\nname = "chef"\ndescription = "Cooking"\n\n'
                           '[[persona]]\nname = "baker"\ndescription = "Bread"\n')
    result = do_import(store, path, tmp_path, clock)
    assert (result.added, result.updated) == (2, 1)
    assert result.backup is not None and result.backup.parent == tmp_path / "data" / "backups"
    assert oct(result.backup.stat().st_mode & 0o777) == "0o600"
    assert load_personas(result.backup) == before
    # The user writes a post as the new "chef" persona before undoing: chef is kept, with its post.
    Outbox(store).create(store.persona("chef").uid, "Soup!")
    done = pi.undo_last_import(store, tmp_path / "data" / "backups", clock)
    assert (done.restored, done.removed, done.kept, done.missing) == (["career"], ["baker"], ["chef"], [])
    assert [p for p in store.personas() if p.name != "chef"] == before
    assert load_personas(done.backup)[0].topics == ("economy",)  # the undo itself is backed up
    with pytest.raises(pi.ImportFailed, match="there is no import to undo"):
        pi.undo_last_import(store, tmp_path / "data" / "backups", clock)


def test_an_import_that_only_adds_can_be_undone_without_a_backup(store: Store, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    result = do_import(store, write(tmp_path, '[[persona]]\nname = "chef"\ndescription = "Cooking"\n'), tmp_path,
                       clock)
    assert result == pi.ImportResult(1, 0, None)
    done = pi.undo_last_import(store, tmp_path / "data" / "backups", clock)
    assert done.removed == ["chef"]
    assert [p.name for p in store.personas()] == ["career", "metal"]


def test_undo_keeps_a_connected_persona_and_names_one_deleted_since(store: Store, tmp_path: Path,
                                                                     clock: FakeClock) -> None:
    """Undo works on whole sets (one statement each, however many personas): each kind still ends up in its list."""
    path = write(tmp_path, '[[persona]]\nname = "career"\ntopics = ["economy"]\n\n'
                           '[[persona]]\nname = "metal"\ntopics = ["doom"]\n\n'
                           '[[persona]]\nname = "chef"\ndescription = "Cooking"\n\n'
                           '[[persona]]\nname = "baker"\ndescription = "Bread"\n')
    do_import(store, path, tmp_path, clock)
    store.set_connection_state(store.persona("chef").uid, "ok", remote_user_id="1234")  # connected since
    store.delete_persona(store.persona("metal").uid)
    done = pi.undo_last_import(store, tmp_path / "data" / "backups", clock)
    assert (done.restored, done.removed, done.kept, done.missing) == (["career"], ["baker"], ["chef"], ["metal"])
    assert store.persona("career") == CAREER
    assert [p.name for p in store.personas()] == ["career", "chef"]


def test_many_personas_import_update_and_undo(store: Store, tmp_path: Path, clock: FakeClock) -> None:
    """Thousands of personas go in, are updated and are undone in bulk statements; nothing is mixed up."""
    n = 1500
    adds = "".join(f'[[persona]]\nname = "p{i}"\ndescription = "d{i}"\nlate_hours = {i % 48}\n\n' for i in range(n))
    assert do_import(store, write(tmp_path, adds), tmp_path, clock) == pi.ImportResult(n, 0, None)
    added = {p.name: p for p in store.personas()}
    changes = "".join(f'[[persona]]\nname = "p{i}"\ndescription = "changed {i}"\n\n' for i in range(0, n, 2))
    result = do_import(store, write(tmp_path, changes, "changes.toml"), tmp_path, clock)
    assert (result.added, result.updated) == (0, n // 2)
    assert store.persona("p2") == added["p2"].with_changes(description="changed 2")
    assert store.persona("p3") == added["p3"]
    done = pi.undo_last_import(store, tmp_path / "data" / "backups", clock)
    assert len(done.restored) == n // 2 and not done.removed
    assert store.personas() == list(added.values())
    assert pi.last_import(store) is None


def test_a_persona_changed_after_the_preview_is_not_overwritten(store: Store, tmp_path: Path,
                                                                clock: FakeClock) -> None:
    plan = pi.read_plan(store, write(tmp_path, '[[persona]]\nname = "career"\ndescription = "From the file"\n'
                                               '[[persona]]\nname = "new"\ndescription = "x"\n'))
    store.update_persona(store.persona("career").with_changes(topics=("edited meanwhile",)))
    with pytest.raises(pi.ImportConflict, match="career was changed or deleted since the preview"):
        pi.apply_import(store, plan, tmp_path / "backups", clock)
    assert store.persona("career").topics == ("edited meanwhile",)
    assert [p.name for p in store.personas()] == ["career", "metal"]


def test_every_problem_is_reported_at_once_with_its_line(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "\n".join([
        '[[persona]]', 'name = "ok"', 'description = "fine"', '',                 # 1-4
        '[[persona]]', 'name = "one"', 'description = "x"', 'late_hours = 100000000000', '',  # 5-9
        '[[persona]]', 'name = "two"', 'description = "x"', 'handle = "bad handle"', 'premium = "yes"', '',  # 10-15
        '[[persona]]', 'name = "Career"', 'handle = "@metal_me"', '',             # 16-19
        '[[persona]]', 'name = "care\u202eer"', 'description = "x"', '',          # 20-23
    ]))
    with pytest.raises(PersonaFileError) as e:
        pi.read_plan(store, path)
    got = [(p.line, p.field) for p in e.value.problems]
    assert got == [(8, "late_hours"), (13, "handle"), (14, "premium"), (18, "handle"), (21, "name")]
    text = str(e.value)
    assert f"{path}:8: persona #2 ('one'): late_hours (how late a missed post may go out) must be between 0 and 336" \
        in text
    assert "the handle @metal_me is already used by the persona 'metal'" in text
    assert "RIGHT-TO-LEFT OVERRIDE" in text


def test_two_entries_for_one_persona_are_refused(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, f'[[persona]]\nname = "career"\ndescription = "a"\n\n'
                           f'[[persona]]\nname = "renamed"\nuid = "{CAREER.uid}"\n')
    with pytest.raises(PersonaFileError, match=r":6: persona #2 \('renamed'\): updates the existing persona 'career' "
                                               r"like persona #1 \('career'\) \(line 1\); give each persona once"):
        pi.read_plan(store, path)


def test_a_byte_order_mark_is_read_as_the_text_after_it(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + b'[[persona]]\nname = "chef"\ndescription = "Cooking"\n')
    assert [c.persona.name for c in pi.read_plan(store, path).changes] == ["chef"]


@pytest.mark.parametrize(("source", "words"), [
    ("x = " + "[" * 100_000, "nested too deeply"),
    ('[[persona]]\nname = "a"\ndescription = "x"\nmonthly_post_cap = ' + "9" * 40 + "\n",
     ":4: persona #1 ('a'): the monthly post cap must be between 0 and 1,000,000"),
    ('[[persona]]\nname = "a"\ndescription = "x"\nmonthly_budget_usd = 1e999\n', "monthly budget in dollars"),
])
def test_extreme_values_are_refused_with_a_message(store: Store, tmp_path: Path, source: str, words: str) -> None:
    with pytest.raises(PersonaFileError, match=words.replace("(", r"\(").replace(")", r"\)")):
        pi.read_plan(store, write(tmp_path, source))


# -- fuzzing: whatever the file holds, a clear refusal or a plan; a refusal writes nothing -------------------

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                    st.sampled_from(["career", "CAREER", "metal", "@metal_me", "mon 09:00", "UTC", "Mars/Base",
                                     "\u202e", "\x00", "#c0392b", "post_late", CAREER.uid]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                                         inner, max_size=2),
                      max_leaves=6)
keys = st.sampled_from(["name", "handle", "description", "topics", "keywords", "examples", "avoid", "hashtags",
                        "colour", "network", "premium", "timezone", "sensitivity", "missed_policy", "late_hours",
                        "queue", "paused", "monthly_budget_usd", "monthly_post_cap", "uid", "color"])
tables = st.dictionaries(keys, values, max_size=6)


def _toml(tables_: list[dict[str, object]]) -> str | None:
    try:
        return tomli_w.dumps({"persona": tables_})
    except (TypeError, ValueError):  # None, NaN keys and the like have no TOML form
        return None


def _rows(path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT * FROM personas ORDER BY id").fetchall()
    finally:
        con.close()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.lists(tables, min_size=1, max_size=4), replace_whole=st.booleans())
def test_fuzzed_files_are_planned_or_refused_cleanly(store: Store, tmp_path: Path, clock: FakeClock,
                                                     data: list[dict[str, object]], replace_whole: bool) -> None:
    source = _toml(data)
    if source is None:
        return
    path = write(tmp_path, source, "fuzz.toml")
    before = _rows(store.path)  # type: ignore[arg-type]
    try:
        plan = pi.read_plan(store, path, replace_whole=replace_whole)
    except PersonaFileError as e:
        assert e.problems and all(p.message for p in e.problems)
        assert _rows(store.path) == before  # type: ignore[arg-type]
        return
    plan.describe()
    pi.apply_import(store, plan, tmp_path / "backups", clock)
    if plan.changes_anything:
        pi.undo_last_import(store, tmp_path / "backups", clock)
        kept = {p.name for p in store.personas()} - {"career", "metal"}
        assert not kept  # nothing in the fuzz adds posts, so everything the import added is removed again


@settings(max_examples=150)
@given(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace")))
def test_fuzzed_text_never_escapes_as_anything_but_a_file_error(text: str) -> None:
    from personamgr.core.persona_file import parse_personas

    try:
        parse_personas("[[persona]]\n" + text)
    except PersonaFileError as e:
        assert e.problems


def test_an_archive_import_keeps_what_its_persona_tables_leave_out(tmp_path: Path, clock: FakeClock) -> None:
    """File ▸ Import everything reads [[persona]] tables too: they merge the same way, with a backup first."""
    from personamgr.core.archive import import_archive
    from personamgr.core.paths import AppPaths
    from personamgr.core.services import open_services

    services = open_services(AppPaths.resolve(tmp_path / "p"), clock=clock)
    try:
        career = services.store.add_persona(CAREER)
        archive = write(tmp_path, f'format = "personamgr-archive"\nversion = 1\n\n[[persona]]\nname = "career"\n'
                                  f'uid = "{CAREER.uid}"\ndescription = "Careers after 40"\n\n[[post]]\n'
                                  f'persona = "{CAREER.uid}"\nstate = "draft"\ntext = "From the archive"\n',
                        "archive.toml")
        import_archive(services, archive)
        assert services.store.persona(career.uid) == career.with_changes(description="Careers after 40")
        assert [p.text for p in services.outbox.history(career.uid)] == ["From the archive"]
        assert len(list(services.paths.backups.glob("personas-*.toml"))) == 1  # type: ignore[union-attr]
    finally:
        services.close()
