"""Persona editor, delete, import and export from the window: real widgets, real store, real keyring backends."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from keyring_doubles import BlockingKeyring
from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QPlainTextEdit, QWidget
from shell_helpers import settle_layout

from personamgr.core.clock import FakeClock
from personamgr.core.demo import seed_demo
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import DEFAULT_SLOTS, MissedPolicy, Persona, QueueSlot, Sensitivity
from personamgr.core.secrets import SecretStore, call_with_timeout, closing_when_refused
from personamgr.core.services import Services, open_services
from personamgr.gui.app import Shell
from personamgr.gui.persona_editor import PersonaEditor, hashtags, lines, paragraphs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def click(box: QMessageBox | None, label: str) -> None:
    assert box is not None and box.isVisible(), "no question is shown"
    button = next((b for b in box.buttons() if b.text().replace("&", "") == label), None)
    assert button is not None, f"no {label!r} button in {[b.text() for b in box.buttons()]}"
    button.click()


def test_text_fields_become_lists() -> None:
    assert lines(" careers \n\n job search\n") == ("careers", "job search")
    assert paragraphs("First line\nsame post\n\n  \nSecond post") == ("First line\nsame post", "Second post")
    assert hashtags("careers, #jobs  #jobs ,#") == ("#careers", "#jobs")


@pytest.mark.parametrize("new", [True, False])
def test_the_editor_opens_with_the_cursor_in_the_name(demo: Services, make_shell: Callable[..., Shell], qtbot, *,
                                                     new: bool) -> None:
    """Persona ▸ New persona… opened with the keyboard's focus on the Identity tab's title: a name typed right
    away went nowhere, and a user without a mouse had to find the field first. The cursor is now in the name."""
    from PySide6.QtWidgets import QApplication

    shell = make_shell(demo)
    personas = shell.window.personas
    editor = personas.new_persona() if new else personas.edit_persona(demo.store.persona("metal").uid)
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is editor)
    assert QApplication.focusWidget() is editor.name_edit, QApplication.focusWidget()
    qtbot.keyClicks(QApplication.focusWidget(), "hobby")
    assert editor.name_edit.text() == "hobby"  # an existing name is selected, as Tab into a field selects it
    editor.reject()


def test_remove_slot_is_offered_only_for_a_chosen_slot(demo: Services, make_shell: Callable[..., Shell],
                                                        qtbot) -> None:
    """The Schedule tab's Remove was enabled with no slot chosen, and pressing it did nothing: it now waits for a
    slot to be chosen, and goes grey again once it is removed."""
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    editor.tabs.setCurrentIndex(2)
    before = editor.slots()
    assert before and not editor.slots_list.selectedItems()
    assert not editor.remove_slot_button.isEnabled()
    editor.slots_list.setCurrentRow(0)
    assert editor.remove_slot_button.isEnabled()
    qtbot.mouseClick(editor.remove_slot_button, Qt.MouseButton.LeftButton)
    assert editor.slots() == before[1:]
    assert not editor.remove_slot_button.isEnabled()
    editor.reject()


def test_new_persona_with_every_field(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    editor = shell.window.personas.new_persona()
    assert editor.isVisible() and editor.windowTitle() == "New persona"
    assert editor.slots() == DEFAULT_SLOTS  # weekday slots to start with: its first "Add to queue" works
    editor.name_edit.setText("founder")
    editor.handle_edit.setText("founder_me")  # the @ is added
    editor.colour_edit.setText("#8E44AD")
    editor.network_combo.setCurrentIndex(editor.network_combo.findData("x"))
    editor.premium_check.setChecked(True)
    editor.timezone_combo.setCurrentText("America/New_York")
    editor.description_edit.setPlainText("Building a company in public")
    editor.topics_edit.setPlainText("startups\nfundraising\n")
    editor.keywords_edit.setPlainText("seed round")
    editor.examples_edit.setPlainText("We closed our seed round.\nHere is what worked.\n\nHiring our first engineer.")
    editor.avoid_edit.setPlainText("heavy metal")
    editor.hashtags_edit.setText("buildinpublic #startups")
    editor.sensitivity_combo.setCurrentIndex(editor.sensitivity_combo.findData("strict"))
    editor.missed_combo.setCurrentIndex(editor.missed_combo.findData("post_late"))
    assert editor.late_spin.isEnabled()
    editor.late_spin.setValue(3)
    editor.slot_day.setCurrentIndex(2)
    editor.slot_time.setTime(QTime(14, 30))
    editor.add_slot_button.click()
    editor.slot_time.setTime(QTime(9, 0))
    editor.weekdays_button.click()
    editor.budget_check.setChecked(True)
    editor.budget_spin.setValue(5.5)
    editor.cap_check.setChecked(True)
    editor.cap_spin.setValue(40)
    editor.save_button.click()
    idle(shell)

    assert not editor.isVisible()
    stored = demo.store.persona("founder")
    assert stored == Persona(
        uid=stored.uid, name="founder", handle="@founder_me", colour="#8e44ad", network="x", premium=True,
        timezone="America/New_York", description="Building a company in public",
        topics=("startups", "fundraising"), keywords=("seed round",),
        examples=("We closed our seed round.\nHere is what worked.", "Hiring our first engineer."),
        avoid=("heavy metal",), hashtags=("#buildinpublic", "#startups"), sensitivity=Sensitivity.STRICT,
        missed_policy=MissedPolicy.POST_LATE, late_hours=3,
        queue_slots=tuple(sorted({*DEFAULT_SLOTS, QueueSlot(2, 14, 30)}, key=lambda q: (q.weekday, q.hour,
                                                                                         q.minute))),
        monthly_budget_usd=5.5, monthly_post_cap=40)
    assert shell.controller.active_uid == stored.uid  # the new persona is the one you write as
    assert "Created founder" in shell.window.statusBar().currentMessage()
    assert "Connect its X account" in shell.window.statusBar().currentMessage()


def test_edit_keeps_identity_posts_and_pause(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    career = demo.store.persona("career")
    demo.store.update_persona(career.with_changes(paused=True))
    posts_before = [p.id for p in demo.outbox.history(career.uid)]
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(career.uid)
    assert editor is not None and editor.name_edit.text() == "career"
    assert editor.topics_edit.toPlainText().splitlines() == list(career.topics)
    idle(shell)
    assert "this month" in editor.spend_label.text()  # spent so far, read in a worker
    editor.name_edit.setText("careers")
    editor.description_edit.setPlainText("Jobs after 40")
    editor.save_button.click()
    idle(shell)
    stored = demo.store.persona(career.uid)
    assert (stored.name, stored.description, stored.paused) == ("careers", "Jobs after 40", True)
    assert stored.topics == career.topics and stored.queue_slots == career.queue_slots
    assert [p.id for p in demo.outbox.history(career.uid)] == posts_before
    assert shell.window.edit_persona_action.text().replace("&", "") == "Edit careers…"


@pytest.mark.parametrize(("field", "change", "words", "tab"), [
    ("name", lambda e: e.name_edit.setText("Metal"), "already named 'metal'", 0),
    ("name", lambda e: e.name_edit.setText(""), "needs a name", 0),
    ("handle", lambda e: e.handle_edit.setText("@has space"), "must be @ followed by", 0),
    ("handle", lambda e: e.handle_edit.setText("@metal_me"), "metal already uses the handle", 0),
    ("colour", lambda e: e.colour_edit.setText("blue"), "must look like #1d9bf0", 0),
    ("timezone", lambda e: e.timezone_combo.setCurrentText("Mars/Olympus_Mons"), "unknown time zone", 0),
    ("description", lambda e: (e.description_edit.setPlainText(" "), e.topics_edit.setPlainText("\n")),
     "needs a focus", 1),
])
def test_validation_error_next_to_the_field_and_nothing_lost(demo: Services, make_shell: Callable[..., Shell], *,
                                                             idle, field: str, change, words: str,
                                                             tab: int) -> None:
    shell = make_shell(demo)
    editor = shell.window.personas.new_persona()
    editor.name_edit.setText("founder")
    editor.handle_edit.setText("@founder_me")
    editor.topics_edit.setPlainText("startups")
    editor.examples_edit.setPlainText("An example I took a while to write.")
    editor.slot_time.setTime(QTime(8, 15))
    editor.add_slot_button.click()
    editor.tabs.setCurrentIndex(3)
    change(editor)
    typed = {
        "name": editor.name_edit.text(), "handle": editor.handle_edit.text(),
        "colour": editor.colour_edit.text(), "tz": editor.timezone_combo.currentText(),
        "examples": editor.examples_edit.toPlainText(), "slots": editor.slots(),
    }
    editor.save_button.click()
    idle(shell)
    assert editor.isVisible(), "the dialog closed on an error"
    assert words in editor.error_text(field)
    assert editor.tabs.currentIndex() == tab  # the tab holding the field is shown
    assert [f for f in ("name", "handle", "colour", "timezone", "description") if editor.error_text(f)] == [field]
    assert {
        "name": editor.name_edit.text(), "handle": editor.handle_edit.text(),
        "colour": editor.colour_edit.text(), "tz": editor.timezone_combo.currentText(),
        "examples": editor.examples_edit.toPlainText(), "slots": editor.slots(),
    } == typed
    assert [p.name for p in demo.store.personas()] == ["career", "metal"]


def test_fixing_the_error_then_saving_works(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    editor = shell.window.personas.new_persona()
    editor.name_edit.setText("career")
    editor.topics_edit.setPlainText("startups")
    editor.save_button.click()
    idle(shell)
    assert editor.error_text("name")
    editor.name_edit.setText("founder")
    editor.save_button.click()
    idle(shell)
    assert not editor.isVisible()
    assert demo.store.persona("founder").topics == ("startups",)


def test_menus_and_list_menu_reach_every_flow(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    w = shell.window
    file_items = [a.text().replace("&", "") for a in w.menuBar().actions()[0].menu().actions()]
    at = file_items.index("Import personas…")
    assert file_items[at:at + 2] == ["Import personas…", "Export personas…"]
    persona_items = [a.text().replace("&", "") for a in w.persona_menu.actions()]
    assert {"New persona…", "Edit career…", "Delete career…"} <= set(persona_items)
    row = w.persona_list.visualItemRect(w.persona_list.item(1)).center()
    menu = w.personas.list_menu(w.persona_list, row)
    assert [a.text() for a in menu.actions() if a.text()] == ["Edit metal…", "Delete metal…", "New persona…"]
    menu.actions()[0].trigger()
    assert isinstance(w.personas.editor, PersonaEditor) and w.personas.editor.name_edit.text() == "metal"
    w.personas.editor.reject()
    empty = w.personas.list_menu(w.persona_list, QPoint(5, w.persona_list.viewport().height() - 2))
    assert [a.text() for a in empty.actions()] == ["New persona…"]


# -- delete ---------------------------------------------------------------------------------
def _add_posts(services: Services, uid: str) -> None:
    services.outbox.create(uid, "later", state=PostState.SCHEDULED)
    services.outbox.create(uid, "half written")
    services.outbox.create(uid, "refused", state=PostState.FAILED)


def test_delete_asks_with_counts_and_cancel_keeps_everything(demo: Services, make_shell: Callable[..., Shell],
                                                             idle) -> None:
    career = demo.store.persona("career")
    _add_posts(demo, career.uid)
    shell = make_shell(demo)
    shell.window.personas.delete_persona(career.uid)
    idle(shell)
    box = shell.window.personas.box
    assert box is not None and box.text() == "Delete career (@career_me)?"
    info = box.informativeText()
    assert "3 posts (1 scheduled, 1 sent, 1 failed) and 1 draft" in info
    assert "scheduled posts will not go out" in info
    click(box, "Cancel")
    idle(shell)
    assert demo.store.persona(career.uid) == career
    assert len(demo.outbox.history(career.uid)) == 4


def test_delete_with_the_fail_keyring_deletes_persona_and_posts(demo: Services, make_shell: Callable[..., Shell],
                                                                idle) -> None:
    career = demo.store.persona("career")
    _add_posts(demo, career.uid)
    shell = make_shell(demo)
    shell.window.compose.editor.setPlainText("unsaved words for career")  # saved before anything is counted
    shell.window.personas.delete_persona()  # the active persona
    idle(shell)
    assert "and 2 drafts" in shell.window.personas.box.informativeText()
    click(shell.window.personas.box, "Delete career")
    idle(shell)
    assert [p.name for p in demo.store.personas()] == ["metal"]
    assert demo.outbox.history(career.uid) == []
    assert shell.controller.active.name == "metal"
    assert shell.window.statusBar().currentMessage() == "Deleted career."
    assert shell.window.personas.box is None or not shell.window.personas.box.isVisible()  # no warning


def test_delete_is_refused_while_a_post_may_be_out_and_says_which(demo: Services, make_shell: Callable[..., Shell],
                                                                 idle) -> None:
    """A post that needs review may be on the account: deleted with the persona, the app would forget it. The
    window says so, as the CLI does, instead of asking; and a post that comes to need review while the question
    is open keeps the persona too."""
    career = demo.store.persona("career")
    review = demo.outbox.create(career.uid, "may be out", state=PostState.NEEDS_REVIEW)
    shell = make_shell(demo)
    shell.window.personas.delete_persona(career.uid)
    idle(shell)
    box = shell.window.personas.box
    assert box is not None and box.icon() is QMessageBox.Icon.Warning
    assert box.text() == ("career cannot be deleted yet: the app would forget posts that may already be on Sandbox. "
                          f"Post {review.id} needs review: check the account, then mark each one sent or send it "
                          "again.")
    assert [b.text().replace("&", "") for b in box.buttons()] == ["OK"]
    click(box, "OK")
    demo.workflows.mark_sent(review.id)
    shell.window.personas.delete_persona(career.uid)
    idle(shell)
    late = demo.outbox.create(career.uid, "cut short", state=PostState.NEEDS_REVIEW)  # while the question is open
    click(shell.window.personas.box, "Delete career")
    idle(shell)
    assert shell.window.personas.box.text() == (
        "career cannot be deleted yet: the app would forget posts that may already be on Sandbox. "
        f"Post {late.id} needs review: check the account, then mark each one sent or send it again.")
    assert demo.store.persona(career.uid) == career


def test_delete_when_the_keyring_hangs_deletes_and_warns(profile_paths: AppPaths, clock: FakeClock,
                                                         make_shell: Callable[..., Shell], idle) -> None:
    backend = BlockingKeyring()
    services = open_services(profile_paths, secrets=SecretStore(backend, timeout=1), clock=clock)
    try:
        seed_demo(services)
        shell = make_shell(services)
        shell.window.personas.delete_persona(services.store.persona("metal").uid)
        idle(shell)
        click(shell.window.personas.box, "Delete metal")
        idle(shell, timeout=30)
        assert [p.name for p in services.store.personas()] == ["career"]
        warning = shell.window.personas.box
        assert warning is not None and warning.isVisible() and warning.icon() is QMessageBox.Icon.Warning
        assert "could not be removed from the keyring" in warning.text()
    finally:
        backend.release.set()
        services.close()


@pytest.fixture
def secret_service(missing_real_part: Callable[[str], None]) -> Iterator[SecretStore]:
    """A SecretStore on the real Secret Service (scripts/test starts gnome-keyring), on a service of its own."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        missing_real_part("no D-Bus session (run the suite through scripts/test, which starts one)")
    try:
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring

        backend = closing_when_refused(SecretServiceKeyring())
        call_with_timeout(lambda: backend.get_password("personamgr-test-probe", "probe"), 15, "probe")
    except Exception as e:
        missing_real_part(f"the Secret Service is not usable here: {type(e).__name__}: {e}")
        raise
    store = SecretStore(backend, service=f"personamgr-test-{uuid.uuid4().hex[:8]}", timeout=15)
    if not store.state().usable:
        missing_real_part(f"the Secret Service is not usable: {store.state().message}")
    yield store


@pytest.mark.secret_service
def test_delete_removes_the_personas_secrets_from_the_real_keyring(
        profile_paths: AppPaths, clock: FakeClock, secret_service: SecretStore,
        make_shell: Callable[..., Shell], idle) -> None:
    services = open_services(profile_paths, secrets=secret_service, clock=clock)
    try:
        seed_demo(services)
        career, metal = services.store.persona("career"), services.store.persona("metal")
        secrets = services.secrets  # this profile's entries
        secrets.set_credentials(career.uid, {"access_token": "tok-career", "access_token_secret": "s1"})
        secrets.set_credentials(metal.uid, {"access_token": "tok-metal", "access_token_secret": "s2"})
        shell = make_shell(services)
        shell.window.personas.delete_persona(career.uid)
        idle(shell)
        click(shell.window.personas.box, "Delete career")
        idle(shell, timeout=30)
        assert secrets.get_credentials(career.uid) is None
        assert secrets.get_credentials(metal.uid) == {"access_token": "tok-metal", "access_token_secret": "s2"}
        assert shell.window.personas.box is None or not shell.window.personas.box.isVisible()
    finally:
        services.secrets.delete_credentials(services.store.persona("metal").uid)
        services.close()


# -- import and export ----------------------------------------------------------------------
def test_export_to_an_unwritable_place_says_so(demo: Services, make_shell: Callable[..., Shell], idle,
                                               tmp_path: Path) -> None:
    shell = make_shell(demo)
    target = tmp_path / "no such folder" / "personas.toml"
    shell.window.personas.export_to(target)
    idle(shell)
    box = shell.window.personas.box
    assert box is not None and box.text() == (f"{target} was not exported: the folder {target.parent} does not "
                                              "exist. Create it, or export to a folder that exists. Nothing was "
                                              "written there."), box.text()
    assert not target.exists()


def test_a_persona_stored_out_of_range_by_an_older_version_still_opens(demo: Services,
                                                                     make_shell: Callable[..., Shell]) -> None:
    """late_hours = 100000000000 was accepted by earlier imports; the editor must open it, not raise."""
    with demo.store.begin() as con:
        con.exec_driver_sql("UPDATE personas SET late_hours = 100000000000, monthly_post_cap = 5000000000 "
                            "WHERE name = 'career'")
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    assert (editor.late_spin.value(), editor.cap_spin.value()) == (336, 1_000_000)
    editor.reject()


def test_a_focus_the_guard_cannot_read_is_said_while_it_is_written(demo: Services, make_shell: Callable[..., Shell],
                                                                   idle) -> None:
    """A persona written in Russian got "off focus" on every post, on-topic ones included: the editor says, as the
    focus is typed, that the guard cannot read it, which languages it reads, and what would help."""
    shell = make_shell(demo)
    editor = shell.window.personas.new_persona()
    editor.tabs.setCurrentIndex(1)
    note = editor.focus_language_note
    assert note.isHidden()
    editor.description_edit.setPlainText("Огород, компост и выращивание овощей дома")
    assert note.isVisible()
    assert "Russian" in note.text() and "English, Spanish, Greek and Japanese" in note.text()
    editor.description_edit.setPlainText("")
    editor.topics_edit.setPlainText("огород\nкомпост\nовощи")
    assert note.isVisible()
    for readable in ("家庭料理のレシピと季節の食材", "Ajedrez: aperturas, partidas comentadas y torneos de club",
                     "Vegetable gardening and compost"):
        editor.topics_edit.setPlainText("")
        editor.description_edit.setPlainText(readable)
        assert note.isHidden(), readable
    editor.reject()


def test_a_focus_written_in_dutch_is_named_dutch_as_a_post_is(demo: Services, make_shell: Callable[..., Shell],
                                                              qtbot) -> None:
    """A focus in Dutch read as Spanish in the editor (lang.py alone), while a post in Dutch is named Dutch by the
    common words: the editor names it the same way, so it says the guard cannot read it."""
    shell = make_shell(demo)
    editor = shell.window.personas.new_persona()
    editor.tabs.setCurrentIndex(1)
    note = editor.focus_language_note
    settle_layout(editor)
    height = editor.height()
    editor.description_edit.setPlainText("Moestuinieren, compost maken en groenten kweken in een kleine tuin")
    editor.topics_edit.setPlainText("tuinieren\ncompost\nzaden en planten voor het nieuwe seizoen")
    qtbot.waitUntil(note.isVisible, timeout=5000)  # the common words load on a worker, once
    assert "It cannot read a focus written in Dutch" in note.text(), note.text()
    assert "English, Spanish, Greek and Japanese" in note.text()
    settle_layout(editor)
    assert editor.height() - height <= note.height() + 16  # it grows by the note, not to every box's ideal height
    for box in (editor.description_edit, editor.examples_edit):  # the note squeezed them under their hints
        hint = next(lab for lab in box.parentWidget().findChildren(QLabel) if lab.isVisible())
        assert hint.geometry().top() > box.geometry().bottom(), (box.objectName(), hint.geometry(), box.geometry())
    page = editor.tabs.currentWidget()
    rows = [w for w in page.findChildren(QWidget) if w.isVisible() and w.parentWidget() is page]
    assert not [(a.objectName(), b.objectName()) for i, a in enumerate(rows) for b in rows[i + 1:]
                if a.geometry().intersects(b.geometry())]  # nor one row over the next
    editor.description_edit.setPlainText("Huerto, compost y semillas para la nueva temporada en un jardín pequeño")
    editor.topics_edit.setPlainText("huerto\ncompost")
    assert note.isHidden()  # Spanish is read
    editor.reject()


def _placeholders(editor: PersonaEditor) -> tuple[str, ...]:
    return (editor.name_edit.placeholderText(), editor.handle_edit.placeholderText(),
            editor.description_edit.placeholderText(), editor.topics_edit.placeholderText(),
            editor.keywords_edit.placeholderText(), editor.avoid_edit.placeholderText(),
            editor.hashtags_edit.placeholderText())


def test_the_new_personas_example_is_never_a_persona_the_user_has(services: Services,
                                                                  make_shell: Callable[..., Shell], qtbot) -> None:
    """New persona beside the demo's career showed "career" and "@career_me" greyed in the empty fields, as if
    it were to be made again. The example is one no persona is named, each field from the same example."""
    shell = make_shell(services, demo=False)
    editor = shell.window.personas.new_persona()
    assert _placeholders(editor)[:3] == ("career", "@career_me",
                                         "Careers, job search and the economy for professionals over 40")
    editor.reject()
    seed_demo(services)  # career and metal
    services.store.add_persona(Persona(name="Kitchen", description="Cooking"))  # a name differing only by case too
    qtbot.waitUntil(lambda: len(shell.controller.personas) == 3, timeout=5000)
    editor = shell.window.personas.new_persona()
    shown = _placeholders(editor)
    names = {p.name.casefold() for p in services.store.personas()}
    assert shown[0].casefold() not in names and "career" not in " ".join(shown).casefold()
    assert shown[:2] == ("chess", "@chess_notes") and "kitchen" not in " ".join(shown).casefold()
    editor.reject()


def test_a_database_fault_in_the_editor_is_said_in_words_not_as_sqlalchemys_text(
        demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    """The spending line read "Could not read the spending: (sqlite3.OperationalError) no such table: posts
    [SQL: SELECT ...]" (English in any language), and a failed save put the same raw text after "Not saved:".
    Both now say it as every other database fault does, and the typed fields stay."""
    shell = make_shell(demo)
    path = demo.store.path
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("ALTER TABLE posts RENAME TO posts_elsewhere")  # what a damaged or foreign file can lack
        editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
        assert editor is not None
        qtbot.waitUntil(lambda: editor.spend_label.text().startswith("Could not read the spending"), timeout=5000)
        said = editor.spend_label.text()
        assert said == f"Could not read the spending: the database {path} reported an error: no such table: posts."
        other.execute("ALTER TABLE personas RENAME TO personas_elsewhere")
        editor.description_edit.setPlainText("Careers, typed and not lost")
        editor.accept()
        qtbot.waitUntil(editor.general_error.isVisible, timeout=5000)
        said = editor.general_error.text()
        assert said.startswith(f"Not saved: the database {path} reported an error: no such table: personas"), said
        assert "[SQL" not in said and "sqlite3" not in said
        assert editor.isVisible() and editor.description_edit.toPlainText() == "Careers, typed and not lost"
        editor.reject()
    finally:
        for table in ("posts", "personas"):
            with contextlib.suppress(sqlite3.OperationalError):  # renamed back, or never renamed
                other.execute(f"ALTER TABLE {table}_elsewhere RENAME TO {table}")
        other.close()


def test_a_persona_edit_or_a_setting_for_a_profile_moved_away_is_refused_in_words_and_kept(
        demo: Services, make_shell: Callable[..., Shell], profile_paths: AppPaths, tmp_path: Path, qtbot) -> None:
    """The profile moved elsewhere while the window ran: a persona edit was saved into the moved file without a
    word (the edit is not in the profile a start opens), and the settings dialog made the moved folder again at its
    old place. Both now say where the profile went, and keep what was typed."""
    import shutil

    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    qtbot.waitUntil(lambda: "this month" in editor.spend_label.text(), timeout=5000)  # its read has settled
    root = profile_paths.data.parent
    shutil.move(root, tmp_path / "elsewhere")
    gone = (f"the database {profile_paths.database} was moved to {tmp_path / 'elsewhere' / 'data' / 'personamgr.db'} "
            f"while personamgr ran, so nothing more is saved or sent from it here. Quit personamgr and start it again "
            f"with --data-dir {tmp_path / 'elsewhere'} to go on there")
    editor.description_edit.setPlainText("Careers, typed and not lost")
    editor.accept()
    qtbot.waitUntil(editor.general_error.isVisible, timeout=5000)
    assert editor.general_error.text() == f"Not saved: {gone}. Everything you typed is still here."
    assert editor.isVisible() and editor.description_edit.toPlainText() == "Careers, typed and not lost"
    editor.reject()
    dialog = shell.preferences.open_dialog()
    dialog.set_value("notifications", "off")
    dialog.accept()
    assert dialog.isVisible() and dialog.value("notifications") == "off"
    assert dialog.error.text() == f"Not saved: {gone}."
    dialog.reject()
    assert not root.exists()  # nothing made again where the user moved it from


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_form_label_of_the_editor_is_shown_whole(demo: Services, make_shell: Callable[..., Shell], qapp,
                                                       language: str) -> None:
    """In Spanish the Schedule tab's row labels ("Publicaciones no enviadas", "Huecos de la cola") were 0 px wide
    (seen in the es persona-editor-schedule screenshot): the slot row's buttons need more than the dialog's fixed
    minimum of 620 px, and a minimum set by hand overrides the one the layout asks for. Each label is whole, on
    every tab, at the size the editor opens at."""
    from PySide6.QtWidgets import QFormLayout

    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, language) == language
        shell = make_shell(demo)
        editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
        assert editor is not None
        for tab in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(tab)
            qapp.processEvents()
            for form in editor.tabs.widget(tab).findChildren(QFormLayout):
                for row in range(form.rowCount()):
                    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                    label = item.widget() if item is not None else None
                    if isinstance(label, QLabel) and label.text():
                        assert label.width() >= label.sizeHint().width(), (tab, label.text(), label.width())
        editor.reject()
    finally:
        i18n.uninstall(qapp)


def test_changing_the_zone_says_what_becomes_of_the_scheduled_posts(demo: Services, make_shell: Callable[..., Shell],
                                                                   idle) -> None:
    """The zone field said "Schedules and the monthly budget follow this zone." and saving a new zone said only
    "Saved career.", while the posts already scheduled keep the instant they go out: a 09:00 New York post then
    reads 06:00 in Los Angeles, off the persona's 09:00 queue slot, and nothing said so."""
    from personamgr.core.scheduling import PostSchedule, resolve_local

    clock: FakeClock = demo.clock  # type: ignore[assignment]
    career = demo.store.update_persona(demo.store.persona("career").with_changes(timezone="America/New_York"))
    post = demo.outbox.create(career.uid, "Five questions to ask at the end of every interview")
    when = resolve_local(clock.now().replace(tzinfo=None, hour=0, minute=0) + timedelta(days=2, hours=9),
                         "America/New_York")
    PostSchedule(demo.store, demo.outbox, clock).schedule_at(post.id, when)
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(career.uid)
    assert editor is not None
    hint = editor.findChild(QLabel, "timezoneHint")
    idle(shell)
    editor.timezone_combo.setCurrentText("America/Los_Angeles")
    editor.save_button.click()
    idle(shell)
    said = shell.window.statusBar().currentMessage()
    assert said.startswith("Saved career. 1 scheduled post keeps the moment it goes out, so its time now reads "
                           "in America/Los_Angeles: ")
    assert "09:00 EST is now " in said and "06:00 PST" in said
    assert demo.outbox.get(post.id).scheduled_at == when.utc  # the moment is kept
    assert hint is not None and "posts already scheduled keep the moment they go out" in hint.text()


def test_the_focus_tab_fills_the_dialog_with_its_boxes(demo: Services, make_shell: Callable[..., Shell],
                                                       qtbot) -> None:
    """The Focus tab left an empty band under its last row while its boxes scrolled after three lines: the boxes
    now take the tab's height, and a taller dialog gives them more lines."""
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    editor.tabs.setCurrentIndex(1)
    editor.resize(editor.minimumSize())
    settle_layout(editor)

    def empty_band() -> int:
        page = editor.tabs.currentWidget()
        rows = [w for w in page.findChildren(QWidget) if w.isVisible() and w.parentWidget() is page]
        margins = page.layout().contentsMargins()
        return page.height() - margins.bottom() - max(w.geometry().bottom() + 1 for w in rows)

    assert empty_band() <= 8, empty_band()
    boxes = (editor.description_edit, editor.topics_edit, editor.keywords_edit, editor.examples_edit,
             editor.avoid_edit)
    before = {box.objectName(): box.height() for box in boxes}
    editor.resize(editor.width(), editor.height() + 240)
    settle_layout(editor)
    assert empty_band() <= 8, empty_band()
    grown = {box.objectName(): box.height() - before[box.objectName()] for box in boxes}
    assert all(g > 0 for g in grown.values()), grown
    editor.reject()


def _keep_the_clock_times_and_save(demo: Services, shell: Shell, editor: PersonaEditor, idle, *,  # type: ignore[no-untyped-def]
                                   post_id: int, wall: datetime) -> str:
    """Tick "keep the clock times", save, and check the post moved to 09:00 in Los Angeles; what was said."""
    from personamgr.core.scheduling import resolve_local

    editor.findChild(QCheckBox, "keepClockTimes").setChecked(True)
    editor.save_button.click()
    idle(shell)
    assert demo.outbox.get(post_id).scheduled_at == resolve_local(wall, "America/Los_Angeles").utc  # 09:00 there
    said = shell.window.statusBar().currentMessage()
    assert said.startswith("Saved career. 1 scheduled post moved to keep its clock time in America/Los_Angeles: ")
    return said


def test_a_new_zone_can_keep_the_scheduled_posts_clock_times(demo: Services, make_shell: Callable[..., Shell],
                                                             idle) -> None:
    """Saving a new zone said the posts keep their moment (09:00 New York reads 06:00 PST) and offered nothing to
    keep the 09:00: the editor now offers it, only while the zone differs from the saved one."""
    from personamgr.core.scheduling import PostSchedule, resolve_local

    clock: FakeClock = demo.clock  # type: ignore[assignment]
    career = demo.store.update_persona(demo.store.persona("career").with_changes(timezone="America/New_York"))
    post = demo.outbox.create(career.uid, "Five questions to ask at the end of every interview")
    wall = clock.now().replace(tzinfo=None, hour=0, minute=0) + timedelta(days=2, hours=9)
    PostSchedule(demo.store, demo.outbox, clock).schedule_at(post.id, resolve_local(wall, "America/New_York"))
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(career.uid)
    assert editor is not None
    keep = editor.findChild(QCheckBox, "keepClockTimes")
    assert keep is not None and not keep.isVisibleTo(editor)  # the zone is as saved: nothing to choose
    editor.timezone_combo.setCurrentText("America/Los_Angeles")
    assert keep.isVisibleTo(editor)
    said = _keep_the_clock_times_and_save(demo, shell, editor, idle, post_id=post.id, wall=wall)
    assert "09:00 EST is now " in said and "09:00 PST." in said


def test_the_focus_tabs_boxes_show_whole_lines(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    """At the dialog's default size the Keywords box showed two and a half lines: the third keyword cut in half
    at the box's bottom edge, as if the box were clipped. Each box now shows whole lines (the keywords and the
    topics to avoid three at least), at any height the user gives the dialog."""
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    editor.tabs.setCurrentIndex(1)
    settle_layout(editor)
    boxes = (editor.description_edit, editor.topics_edit, editor.keywords_edit, editor.examples_edit,
             editor.avoid_edit)

    def shown_lines(box: QPlainTextEdit) -> float:
        margin = box.document().documentMargin()  # the first line starts this far down
        return (box.viewport().height() - margin) / box.fontMetrics().lineSpacing()

    for extra in (0, 37, 240):
        editor.resize(editor.width(), editor.height() + extra)
        settle_layout(editor)
        lines = {box.objectName(): shown_lines(box) for box in boxes}
        assert all(abs(n - round(n)) < 0.05 for n in lines.values()), (extra, lines)
        assert lines["keywordsEdit"] >= 3 and lines["avoidEdit"] >= 3, (extra, lines)
    editor.reject()


def test_the_clock_times_can_be_kept_on_a_later_save(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    """A zone changed without keeping the clock times (an import without --keep-clock-times, or the box left
    empty) could not keep them afterwards: the editor offered its box only while the zone differed from the saved
    one. It now offers it while posts that kept their moment are left, and saving with it ticked moves them."""
    from personamgr.core.scheduling import PostSchedule, resolve_local
    from personamgr.core.scheduling.zone_change import after_zone_change

    clock: FakeClock = demo.clock  # type: ignore[assignment]
    ny = demo.store.update_persona(demo.store.persona("career").with_changes(timezone="America/New_York"))
    post = demo.outbox.create(ny.uid, "Five questions to ask at the end of every interview")
    wall = clock.now().replace(tzinfo=None, hour=0, minute=0) + timedelta(days=2, hours=9)
    schedule = PostSchedule(demo.store, demo.outbox, clock)
    schedule.schedule_at(post.id, resolve_local(wall, "America/New_York"))
    la = demo.store.update_persona(ny.with_changes(timezone="America/Los_Angeles"))
    after_zone_change(schedule, ny, la)  # as an import without --keep-clock-times does
    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(la.uid)
    assert editor is not None
    idle(shell)  # what is left to move is read in a worker
    keep = editor.findChild(QCheckBox, "keepClockTimes")
    assert keep is not None and keep.isVisibleTo(editor), "nothing offered to keep the clock times"
    assert keep.text() == "Move 1 scheduled post to the clock time it had in America/New_York"
    _keep_the_clock_times_and_save(demo, shell, editor, idle, post_id=post.id, wall=wall)
    again = shell.window.personas.edit_persona(la.uid)
    assert again is not None
    idle(shell)
    assert not again.findChild(QCheckBox, "keepClockTimes").isVisibleTo(again)  # nothing left to move
    again.reject()


def test_the_colour_swatches_are_named_and_one_tab_stop_moved_with_the_arrows(
        demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Identity tab's colour swatches were read as hex codes ('Colour #1d9bf0') and made eight Tab stops
    (nine with Choose any colour): a screen reader user heard numbers, a keyboard user tabbed through each
    swatch. They are now named as a person says them and are one Tab stop whose arrows choose the colour,
    as radio buttons are; a colour of one's own (none of them) still leaves one stop."""
    from PySide6.QtWidgets import QApplication, QToolButton
    from test_gui_keyboard import tab_path

    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    buttons = [b for b in editor.colour_edit.parentWidget().findChildren(QToolButton) if b.text() != "…"]
    assert [b.accessibleName() for b in buttons] == [
        "Blue", "Red", "Teal", "Purple", "Orange", "Navy", "Green", "Gold"]
    assert editor.colour_edit.text() == "#1d9bf0" and buttons[0].isChecked()
    stops = tab_path(editor.colour_edit, 3)
    assert [w.accessibleName() for w in stops[:2]] == ["Blue", "Choose any colour"], stops

    stops[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is buttons[0])
    qtbot.keyClick(buttons[0], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is buttons[1]
    assert editor.colour_edit.text() == "#c0392b" and buttons[1].isChecked()

    editor.colour_edit.setText("#123456")  # a colour of one's own: no swatch is it, and Tab still stops once
    assert not any(b.isChecked() for b in buttons)
    assert [w.accessibleName() for w in tab_path(editor.colour_edit, 2)] == ["Blue", "Choose any colour"]
    editor.reject()
