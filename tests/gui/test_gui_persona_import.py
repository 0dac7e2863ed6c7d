"""File ▸ Import personas…: a field-by-field preview before anything is written, whole replacement on request,
and File ▸ Undo last import. Real widgets (pytest-qt, offscreen), real store on a real file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_gui_persona_editor import click

from personamgr.core.persona_file import load_personas
from personamgr.core.personas import Persona, QueueSlot
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.persona_import_ui import ImportPreview

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def preview_of(shell: Shell) -> ImportPreview:
    preview = shell.window.personas.importer.preview
    assert preview is not None and preview.isVisible(), "no import preview is shown"
    return preview


def test_a_partial_file_is_previewed_field_by_field_and_keeps_the_rest(
        demo: Services, make_shell: Callable[..., Shell], idle, qtbot, tmp_path: Path) -> None:
    before = demo.store.persona("career")
    path = tmp_path / "part.toml"
    path.write_text('[[persona]]\nname = "Career"\ndescription = "Careers after 40"\n\n'
                    '[[persona]]\nname = "chef"\ndescription = "Cooking"\n', encoding="utf-8")
    shell = make_shell(demo)
    shell.window.personas.import_from(path)
    idle(shell)
    preview = preview_of(shell)
    assert preview.summary.text() == "part.toml: 2 personas: 1 to add, 1 to update, 0 unchanged."
    assert preview.rows() == [
        ("Update: career → Career",),
        ("  name", "career", "Career"),
        ("  description", before.description, "Careers after 40"),
        ("New: chef",),
        ("  name", "(none)", "chef"),
        ("  description", "(none)", "Cooking"),
    ]
    assert preview.clears.text() == "Fields the file leaves out keep their values."
    assert demo.store.persona("career") == before  # nothing written yet

    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    idle(shell)
    assert not preview.isVisible()
    after = demo.store.persona(before.uid)
    assert after == before.with_changes(name="Career", description="Careers after 40")
    assert "2 personas from part.toml: 1 new, 1 updated" in shell.window.statusBar().currentMessage()


def test_replace_whole_personas_shows_what_it_clears(demo: Services, make_shell: Callable[..., Shell], idle, qtbot,
                                                     tmp_path: Path) -> None:
    before = demo.store.persona("metal")
    path = tmp_path / "whole.toml"
    path.write_text('[[persona]]\nname = "metal"\ndescription = "Metal only"\n', encoding="utf-8")
    shell = make_shell(demo)
    shell.window.personas.import_from(path)
    idle(shell)
    preview = preview_of(shell)
    assert [r[0].strip() for r in preview.rows()] == ["Update: metal", "description"]
    preview.replace_check.click()
    assert not preview.import_button.isEnabled()  # until the new plan is shown
    idle(shell)
    assert preview_of(shell) is preview and preview.plan.replace_whole
    rows = {r[0].strip(): r[1:] for r in preview.rows()[1:]}
    assert rows["handle (cleared)"] == ("@metal_me", "(none)")
    assert rows["topics (cleared)"] == ("heavy metal | guitars | gigs | albums", "(none)")
    assert rows["queue (cleared)"] == ("mon 20:00, fri 21:00, sat 15:00", "(none)")
    assert rows["description"] == (before.description, "Metal only")
    cleared = sum(1 for r in preview.rows() if r[0].endswith("(cleared)"))
    assert cleared == 9 and preview.clears.text().startswith(f"Replacing whole personas clears {cleared} fields")
    preview.replace_check.click()  # back: nothing is cleared
    idle(shell)
    assert not any("(cleared)" in r[0] for r in preview.rows())
    preview.replace_check.click()
    idle(shell)
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    idle(shell)
    after = demo.store.persona("metal")
    assert (after.uid, after.handle, after.topics, after.description) == (before.uid, None, (), "Metal only")


def test_undo_last_import_from_the_file_menu(demo: Services, make_shell: Callable[..., Shell], idle, qtbot,
                                             tmp_path: Path) -> None:
    before = demo.store.personas()
    path = tmp_path / "more.toml"
    path.write_text('[[persona]]\nname = "career"\ntopics = ["economy"]\n\n'
                    '[[persona]]\nname = "chef"\ntopics = ["cooking"]\n', encoding="utf-8")
    shell = make_shell(demo)
    importer = shell.window.personas.importer
    importer.import_from(path)
    idle(shell)
    qtbot.mouseClick(preview_of(shell).import_button, Qt.MouseButton.LeftButton)
    idle(shell)
    assert [p.name for p in demo.store.personas()] == ["career", "metal", "chef"]
    backups = list((demo.paths.backups).glob("personas-*.toml"))  # type: ignore[union-attr]
    assert len(backups) == 1 and load_personas(backups[0]) == before

    undo = next(a for a in shell.window.menuBar().actions()[0].menu().actions() if "Undo last import" in a.text())
    undo.trigger()
    idle(shell)
    assert importer.box is not None and importer.box.text() == "Undo the import of more.toml on 2026-01-05 09:00 UTC?"
    click(importer.box, "Undo import")
    idle(shell)
    assert demo.store.personas() == before
    assert importer.box.text() == "Undid the import of more.toml."
    assert "Restored: career. Removed: chef." in importer.box.informativeText()
    click(importer.box, "OK")
    undo.trigger()
    idle(shell)
    assert importer.box.text() == "There is no import to undo."
    click(importer.box, "OK")


def test_export_then_import_round_trips(demo: Services, make_shell: Callable[..., Shell], idle, qtbot,
                                        tmp_path: Path) -> None:
    demo.store.add_persona(Persona(name="founder", handle="@founder_me", description="Startups — «ünïcode» 🚀",
                                   examples=("two\nlines",), queue_slots=(QueueSlot(6, 23, 59),),
                                   monthly_budget_usd=2.25, monthly_post_cap=0, network="x"))
    before = demo.store.personas()
    shell = make_shell(demo)
    path = tmp_path / "personas.toml"
    shell.window.personas.export_to(path)
    idle(shell)
    assert load_personas(path) == before
    assert f"Exported 3 personas to {path}" in shell.window.statusBar().currentMessage()

    demo.store.delete_persona(demo.store.persona("founder").uid)
    metal = demo.store.persona("metal")
    demo.store.update_persona(metal.with_changes(description="changed here", topics=()))
    idle(shell)
    shell.window.personas.import_from(path)
    idle(shell)
    preview = preview_of(shell)
    assert preview.summary.text() == "personas.toml: 3 personas: 1 to add, 1 to update, 1 unchanged."
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    idle(shell)
    assert demo.store.personas() == before
    assert "3 personas from personas.toml: 1 new, 1 updated" in shell.window.statusBar().currentMessage()


def test_a_file_that_changes_nothing_cannot_be_imported(demo: Services, make_shell: Callable[..., Shell], idle,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "same.toml"
    path.write_text('[[persona]]\nname = "metal"\n', encoding="utf-8")
    shell = make_shell(demo)
    shell.window.personas.import_from(path)
    idle(shell)
    preview = preview_of(shell)
    assert not preview.import_button.isEnabled()
    assert preview.note.text() == "The file matches your personas: there is nothing to import."
    preview.reject()


@pytest.mark.parametrize(("source", "lines", "words"), [
    ('[[persona]]\nname = "chef"\ntopics = ["cooking"]\n\n[[persona]]\nname = "baker"\ntopics = ["bread"]\n'
     'handle = "@not a handle"\nlate_hours = 100000000000\n', [8, 9], "handle '@not a handle' must be @"),
    ('[[persona]]\nname = "chef"\ntopics = ["cooking"]\nname = "again"\n', [4], "not valid TOML"),
    ('[[persona]]\nname = "chef"\ntopics = ["cooking"]\n[[persona]]\nname = "CHEF"\ntopics = ["x"]\n', [5],
     "two personas are named 'CHEF'"),
])
def test_a_bad_file_names_file_line_problem_and_imports_nothing(demo: Services, make_shell: Callable[..., Shell], *,
                                                                idle, tmp_path: Path, source: str, lines: list[int],
                                                                words: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(source, encoding="utf-8")
    before = demo.store.personas()
    shell = make_shell(demo)
    shell.window.personas.import_from(path)
    idle(shell)
    box = shell.window.personas.importer.box
    assert box is not None and box.isVisible() and box.icon() is QMessageBox.Icon.Critical
    assert [ln.split(": ")[0] for ln in box.text().splitlines()] == [f"{path}:{n}" for n in lines]
    assert words in box.text()
    assert "Nothing was imported" in box.informativeText()
    assert shell.window.personas.importer.preview is None
    assert demo.store.personas() == before
    click(box, "OK")


def test_a_file_of_new_personas_only_offers_no_replacing(services: Services, make_shell: Callable[..., Shell], idle,
                                                        tmp_path: Path) -> None:
    """A first import (from the welcome) offered "Replace whole personas: fields the file leaves out go back to
    their defaults" and said "Fields the file leaves out keep their values.": about personas that do not exist yet,
    so neither can change anything. Both show only when the file names a persona that is already there."""
    path = tmp_path / "first.toml"
    path.write_text('[[persona]]\nname = "career"\ndescription = "Careers after 40"\n', encoding="utf-8")
    shell = make_shell(services, demo=False)
    shell.window.personas.import_from(path)
    idle(shell)
    preview = preview_of(shell)
    assert preview.summary.text() == "first.toml: 1 persona: 1 to add, 0 to update, 0 unchanged."
    assert not preview.replace_check.isVisible() and not preview.clears.isVisible()
    preview.import_button.click()
    idle(shell)
    shell.window.personas.import_from(path)  # the same file again: career is there now
    idle(shell)
    preview = preview_of(shell)
    assert preview.replace_check.isVisible() and preview.clears.isVisible()


@pytest.mark.parametrize("source", ['[[persona]]\nname = "career"\ndescription = "Careers after 40"\n',
                                    '[[persona]]\nname = "chef"\ndescription = "Cooking"\n'],
                         ids=["an update (a backup first)", "an addition"])
def test_an_import_on_a_full_disk_does_not_send_the_user_to_fix_the_file(
        tmp_path: Path, clock, fail_secrets, make_shell: Callable[..., Shell], *,  # type: ignore[no-untyped-def]
        idle, small_fs, source: str) -> None:
    """Import personas on a profile whose disk was full said why, then "Nothing was imported: a file is imported
    whole or not at all. Fix the file and try again.": the file was fine. It says the disk's fault in words, and
    the same import goes through once space is freed."""
    from personamgr.core.demo import seed_demo
    from personamgr.core.paths import AppPaths
    from personamgr.core.services import open_services

    path = tmp_path / "in.toml"
    path.write_text(source, encoding="utf-8")
    services = open_services(AppPaths.resolve(small_fs.root / "profile"), secrets=fail_secrets, clock=clock)
    try:
        seed_demo(services)
        before = services.store.personas()
        shell = make_shell(services)
        importer = shell.window.personas.importer
        importer.import_from(path)
        idle(shell)
        small_fs.fill()
        preview_of(shell).import_button.click()
        idle(shell)
        box = importer.box
        assert box is not None and box.isVisible(), "no word of the failure"
        assert "is full" in box.text() and "No space left on device" not in box.text(), box.text()
        assert "Fix the file" not in box.informativeText(), box.informativeText()
        assert box.informativeText() == "Nothing was imported.", box.informativeText()
        assert services.store.personas() == before
        click(box, "OK")
        small_fs.free()
        importer.import_from(path)
        idle(shell)
        preview_of(shell).import_button.click()
        idle(shell)
        assert services.store.personas() != before
    finally:
        services.close()


def _career_at_nine(demo: Services) -> tuple[int, datetime]:
    """career in New York with one post at 09:00 there in two days; (post id, its instant)."""
    from personamgr.core.scheduling import PostSchedule, resolve_local

    career = demo.store.update_persona(demo.store.persona("career").with_changes(timezone="America/New_York"))
    post = demo.outbox.create(career.uid, "Five questions to ask at the end of every interview")
    when = resolve_local(demo.clock.now().replace(tzinfo=None, hour=0, minute=0) + timedelta(days=2, hours=9),
                         "America/New_York")
    PostSchedule(demo.store, demo.outbox, demo.clock).schedule_at(post.id, when)
    return post.id, when.utc


def test_an_import_that_moves_a_persona_to_another_zone_says_what_its_scheduled_posts_do(
        demo: Services, make_shell: Callable[..., Shell], idle, qtbot, tmp_path: Path) -> None:
    """`personas import` says what a new zone does to the scheduled posts; the window's import said only
    "Imported 1 persona from la.toml: 0 new, 1 updated."."""
    post_id, when = _career_at_nine(demo)
    path = tmp_path / "la.toml"
    path.write_text('[[persona]]\nname = "career"\ntimezone = "America/Los_Angeles"\n', encoding="utf-8")
    shell = make_shell(demo)
    shell.window.personas.import_from(path)
    idle(shell)
    qtbot.mouseClick(preview_of(shell).import_button, Qt.MouseButton.LeftButton)
    idle(shell)
    said = shell.window.statusBar().currentMessage()
    assert said.startswith("Imported 1 persona from la.toml: 0 new, 1 updated. career: 1 scheduled post keeps the "
                           "moment it goes out, so its time now reads in America/Los_Angeles: ")
    assert "09:00 EST is now " in said and "06:00 PST" in said
    assert demo.outbox.get(post_id).scheduled_at == when


def test_the_import_preview_offers_to_keep_the_clock_times_of_a_new_zone(
        demo: Services, make_shell: Callable[..., Shell], idle, qtbot, tmp_path: Path) -> None:
    post_id, when = _career_at_nine(demo)
    same = tmp_path / "same.toml"
    same.write_text('[[persona]]\nname = "career"\ndescription = "Careers after 40"\n', encoding="utf-8")
    shell = make_shell(demo)
    shell.window.personas.import_from(same)
    idle(shell)
    assert preview_of(shell).keep_clock_check.isHidden()  # no zone changes: nothing to choose
    preview_of(shell).reject()
    path = tmp_path / "la.toml"
    path.write_text('[[persona]]\nname = "career"\ntimezone = "America/Los_Angeles"\n', encoding="utf-8")
    shell.window.personas.import_from(path)
    idle(shell)
    preview = preview_of(shell)
    assert not preview.keep_clock_check.isHidden()
    preview.keep_clock_check.setChecked(True)
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    idle(shell)
    moved = demo.outbox.get(post_id).scheduled_at
    assert moved is not None and moved - when == timedelta(hours=3)  # 09:00 in Los Angeles, not New York
    said = shell.window.statusBar().currentMessage()
    assert said.startswith("Imported 1 persona from la.toml: 0 new, 1 updated. career: 1 scheduled post moved to "
                           "keep its clock time in America/Los_Angeles: ")
