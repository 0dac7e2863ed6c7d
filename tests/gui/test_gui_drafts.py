"""Drafts are never lost: autosaved per persona, restored at start-up, kept or moved on a switch."""

from __future__ import annotations

import logging
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from shell_helpers import settle_layout, wait_idle

from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.services import Services
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui


def drafts_of(services: Services, name: str) -> list[str]:
    uid = services.store.persona(name).uid
    return [p.text for p in services.outbox.in_states([PostState.DRAFT], uid) if p.text]


def write(shell: Shell, text: str) -> None:
    shell.window.compose.editor.setFocus()
    shell.window.compose.editor.insertPlainText(text)


def stored(shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the drafts' writes (made in a worker) are in the store."""
    qtbot.waitUntil(lambda: not shell.drafts.writing, timeout=10_000)


def test_typing_is_autosaved_as_a_draft_post(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    write(shell, "Negotiating a raise in a")
    qtbot.waitUntil(lambda: drafts_of(demo, "career") == ["Negotiating a raise in a"], timeout=5000)
    write(shell, " cooling market")
    qtbot.waitUntil(lambda: drafts_of(demo, "career") == ["Negotiating a raise in a cooling market"], timeout=5000)


def test_draft_is_restored_at_start_up(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    write(shell, "Half-written thought about layoffs")
    shell.window.close()  # closing saves at once (no debounce wait)
    stored(shell, qtbot)
    assert drafts_of(demo, "career") == ["Half-written thought about layoffs"]
    again = make_shell(demo)
    assert again.window.compose.editor.toPlainText() == "Half-written thought about layoffs"
    # the draft lives in the compose box, not in the history
    assert all(p.text != "Half-written thought about layoffs" for p in again.window.history.posts())


def test_switching_keeps_the_draft_and_says_so(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    write(shell, "Interview tip: ask about the team's last promotion")
    shell.tray.persona_actions()[1].trigger()  # switch to metal at once, before the autosave delay
    stored(shell, qtbot)
    assert drafts_of(demo, "career") == ["Interview tip: ask about the team's last promotion"]
    assert compose.editor.toPlainText() == ""
    assert compose.bar.isVisible()
    assert "Your draft for <b>career</b> is kept" in compose.bar.label.text()
    assert compose.bar.move_here.text() == "Move it to metal"
    write(shell, "New riff")
    qtbot.mouseClick(compose.bar.switch_back, Qt.MouseButton.LeftButton)
    assert shell.controller.active_uid == demo.store.persona("career").uid
    assert compose.editor.toPlainText() == "Interview tip: ask about the team's last promotion"
    # metal's text was kept too, and switching away from it said so in turn
    stored(shell, qtbot)
    assert drafts_of(demo, "metal") == ["New riff"]
    assert compose.bar.isVisible() and "metal" in compose.bar.label.text()


def test_move_brings_the_draft_to_the_new_persona(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    write(shell, "Restringing the Les Paul tonight")  # oops: written as career
    shell.window.persona_list.setCurrentRow(1)
    qtbot.mouseClick(compose.bar.move_here, Qt.MouseButton.LeftButton)
    assert compose.editor.toPlainText() == "Restringing the Les Paul tonight"
    assert not compose.bar.isVisible()
    assert "Moved your draft from career to metal" in compose.status.text()
    stored(shell, qtbot)
    assert drafts_of(demo, "metal") == ["Restringing the Les Paul tonight"]
    assert drafts_of(demo, "career") == []
    shell.window.persona_list.setCurrentRow(0)
    assert compose.editor.toPlainText() == ""
    assert "Your draft for <b>metal</b> is kept" in compose.bar.label.text()  # it now belongs to metal


def test_move_onto_an_existing_draft_keeps_both(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    shell.window.persona_list.setCurrentRow(1)
    write(shell, "Setlist leaked")
    shell.window.persona_list.setCurrentRow(0)
    write(shell, "Drop C tuning")
    shell.window.persona_list.setCurrentRow(1)
    qtbot.mouseClick(compose.bar.move_here, Qt.MouseButton.LeftButton)
    assert compose.editor.toPlainText() == "Drop C tuning\n\nSetlist leaked"
    stored(shell, qtbot)
    assert drafts_of(demo, "metal") == ["Drop C tuning\n\nSetlist leaked"]
    assert drafts_of(demo, "career") == []


def test_posting_sends_the_draft_itself(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    write(shell, "Hiring freezes thaw in spring")
    qtbot.waitUntil(lambda: drafts_of(demo, "career") == ["Hiring freezes thaw in spring"], timeout=5000)
    stored(shell, qtbot)
    draft_id = shell.drafts.post_id(demo.store.persona("career").uid)
    qtbot.mouseClick(shell.window.compose.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo.outbox.get(draft_id).state is PostState.SENT, timeout=10_000)
    qtbot.waitUntil(lambda: shell.window.compose.editor.toPlainText() == "", timeout=10_000)
    assert drafts_of(demo, "career") == []
    write(shell, "Next one")
    shell.window.compose.flush()
    stored(shell, qtbot)
    assert shell.drafts.post_id(demo.store.persona("career").uid) != draft_id


@dataclass
class Locked:
    """A window over the demo profile whose database another program holds locked (see :func:`locked`)."""

    services: Services
    shell: Shell
    release: Callable[[], None]  # lets go of the lock


@pytest.fixture
def locked(profile_paths: AppPaths, clock, fail_secrets, make_shell: Callable[..., Shell],  # type: ignore[no-untyped-def]
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Locked]:
    """The demo profile in a window, its database held by another connection's exclusive lock, as another program
    would hold it; writes give up on that lock after a moment (say_locks_soon) and a draft that could not be saved is
    tried again after 0.3 s."""
    from db_locks import let_go, say_locks_soon, take_lock

    from personamgr.core.demo import seed_demo
    from personamgr.core.services import open_services
    from personamgr.gui import drafts as drafts_module

    say_locks_soon(monkeypatch)
    monkeypatch.setattr(drafts_module, "RETRY_MS", 300)
    services = open_services(profile_paths, secrets=fail_secrets, clock=clock)
    try:
        seed_demo(services)
        shell = make_shell(services)
        other = take_lock(profile_paths.database)
        held = [True]

        def release() -> None:
            if held.pop() if held else False:
                let_go(other)

        try:
            yield Locked(services, shell, release)
        finally:
            release()
    finally:
        services.close()


def test_when_the_database_cannot_be_written_the_text_stays_in_the_box(
        locked: Locked, profile_paths: AppPaths, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A database locked by another program: the draft is not saved, the box says why and keeps the words
    (across a persona switch too), nothing is sent, and the words are saved by themselves once the lock is gone."""
    services, shell = locked.services, locked.shell
    compose = shell.window.compose
    write(shell, "Three ways to answer the salary question")
    compose.flush()
    qtbot.waitUntil(lambda: compose.status.text().startswith("Not saved yet: "), timeout=5000)
    assert compose.status.text().startswith("Not saved yet: your text stays here and is saved as soon as it "
                                            f"can be. {profile_paths.database} is locked by another program")
    assert compose.status.property("tone") == "warning"
    assert shell.window.statusBar().currentMessage() == compose.status.text()
    assert shell.drafts.unsaved(services.store.persona("career").uid)
    compose.post()  # the Post button: nothing is sent, the words stay
    qtbot.waitUntil(lambda: compose.post_button.text() == "Post", timeout=5000)
    assert compose.editor.toPlainText() == "Three ways to answer the salary question"
    shell.tray.persona_actions()[1].trigger()  # switch away and back: the words come back
    shell.tray.persona_actions()[0].trigger()
    assert compose.editor.toPlainText() == "Three ways to answer the salary question"
    assert drafts_of(services, "career") == []
    locked.release()
    # Nobody types or presses anything: the keeper tries again by itself and the box says it is saved.
    qtbot.waitUntil(lambda: drafts_of(services, "career") == ["Three ways to answer the salary question"],
                    timeout=10_000)
    qtbot.waitUntil(lambda: compose.status.text() == "Saved.", timeout=5000)
    assert compose.status.property("tone") == "hint"
    assert shell.window.statusBar().currentMessage() == ""  # its "not saved yet" is taken back too
    assert not shell.drafts.unsaved(services.store.persona("career").uid)
    assert [e.text for e in services.networks["sandbox"].timeline()  # type: ignore[attr-defined]
            if "salary" in e.text] == []


def test_a_save_that_fails_half_way_is_finished_by_the_retry_not_made_twice(
        demo: Services, make_shell: Callable[..., Shell], qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The draft post is created, then recording it in the profile's settings fails (the disk filled up in
    between): the retry records that post, and does not create a second one."""
    from personamgr.gui import drafts as drafts_module
    from personamgr.gui.drafts import DRAFTS_KEY

    monkeypatch.setattr(drafts_module, "RETRY_MS", 100)
    shell = make_shell(demo)
    store = demo.store
    real = store.set_setting
    refused: list[str] = []

    def full_once(key: str, value: object) -> None:
        if key == DRAFTS_KEY and not refused:
            refused.append(key)
            raise sqlite3.OperationalError("database or disk is full")
        real(key, value)

    monkeypatch.setattr(store, "set_setting", full_once)
    write(shell, "Counter-offers: take them or leave?")
    shell.window.compose.flush()
    qtbot.waitUntil(lambda: bool(refused), timeout=5000)
    stored(shell, qtbot)
    career = store.persona("career").uid
    assert drafts_of(demo, "career") == ["Counter-offers: take them or leave?"]  # one post, not two
    post_id = shell.drafts.post_id(career)
    assert post_id is not None and store.get_setting(DRAFTS_KEY) == {career: post_id}


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen: a dialog is shown
def test_quitting_while_the_database_is_locked_keeps_the_words_in_a_file_and_says_where(
        locked: Locked, profile_paths: AppPaths, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Quit while another program holds the lock: the words the store never took go to a private file beside
    the profile, and a dialog names it and holds the words to copy."""
    from PySide6.QtWidgets import QApplication

    from personamgr.gui import app as app_module

    monkeypatch.setattr(app_module, "SHUTDOWN_WAIT_S", 2.0)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_: quits.append(True))  # not the test run's application
    shell = locked.shell
    compose = shell.window.compose
    write(shell, "Salary bands are public now\n\nand that changes the first call")
    compose.flush()
    qtbot.waitUntil(lambda: compose.status.text().startswith("Not saved yet: "), timeout=5000)
    seen = quit_accepting_the_rescue(shell)
    locked.release()
    [kept] = profile_paths.data.glob("unsaved-drafts-*.txt")
    assert kept.read_text(encoding="utf-8") == ("# career\nSalary bands are public now\n\nand that changes the "
                                                "first call\n\n")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert seen == [(f"personamgr could not save your draft to its database before quitting. Its words are in "
                     f"{kept}.", kept.read_text(encoding="utf-8"))]
    assert quits == [True]


def test_a_full_disk_is_said_as_a_sentence_of_its_own(demo: Services, make_shell: Callable[..., Shell],
                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    """A full disk under the box read "... saved as soon as it can be. the disk holding /home/me/.local/share/
    personamgr is full, ..." (seen with a real full tmpfs under the window): the fault's words start in lower
    case, to follow a colon elsewhere. Here they start a sentence."""
    from personamgr.core.faults import full_message

    shell = make_shell(demo)
    compose = shell.window.compose
    uid = demo.store.persona("career").uid
    write(shell, "Notice periods")  # words in the box: what the sentence is about (an empty box has none to keep)
    compose.flush()
    stored(shell, qtbot)
    shell.drafts.saveFailed.emit(uid, full_message(demo.store.path))
    said = compose.status.text()
    assert said.startswith("Not saved yet: your text stays here and is saved as soon as it can be. The disk "), said
    assert said.endswith("what was saved before is intact."), said


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_draft_bar_says_long_names_whole_on_a_small_screen(demo: Services, make_shell: Callable[..., Shell],
                                                               qtbot) -> None:
    """With a long persona name the draft bar's buttons took its whole width: its sentence showed as "Your" on two
    cut lines and a button as "ordinarily-long-persona-name" clipped at both ends; a name with "<" in it was
    read as markup. The buttons now name a long persona shortened with "…" (whole in the tooltip), go under the
    sentence when the bar is narrow, and the sentence shows the name as written."""
    from PySide6.QtGui import QTextDocument

    from personamgr.core.personas import Persona

    long_name = "the-extraordinarily-long-persona-name-for-my-side-project"
    demo.store.add_persona(Persona(name=long_name, topics=("startups",)))
    demo.store.add_persona(Persona(name="R&D <team>", topics=("research",)))
    shell = make_shell(demo)
    window = shell.window
    window.resize(1024, 600)  # a small laptop's screen, the schedule dock open
    compose = window.compose
    for old, new in (("R&D <team>", long_name), (long_name, "R&D <team>")):
        shell.controller.set_active(demo.store.persona(old).uid)
        write(shell, f"A thought for {old}")
        shell.controller.set_active(demo.store.persona(new).uid)
        stored(shell, qtbot)
        settle_layout(window)
        bar = compose.bar
        assert bar.isVisible()
        sentence = QTextDocument()
        sentence.setHtml(bar.label.text())
        assert f"Your draft for {old} is kept." in sentence.toPlainText()
        assert bar.label.height() >= bar.label.heightForWidth(bar.label.width()), "the sentence is cut"
        for button in (bar.switch_back, bar.move_here):
            assert button.width() >= button.sizeHint().width(), button.text()  # its words are not clipped
            assert button.geometry().right() <= bar.contentsRect().right()
        assert bar.switch_back.toolTip() == f"Switch back to {old}"
        assert bar.move_here.toolTip() == f"Move it to {new}"
        assert bar.height() <= 4 * bar.fontMetrics().height() + 60  # a sentence and a row of buttons, no more


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen: a dialog is shown
def test_words_typed_after_the_profile_is_removed_are_kept_in_a_file_at_quit(
        demo: Services, make_shell: Callable[..., Shell], profile_paths: AppPaths, qtbot,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The profile's folder removed while the window runs (rm -rf, to start afresh): the draft was "saved" into
    the removed file and lost at quit. The box now says the profile is gone and keeps the words; quitting writes
    them to a file where the profile was, and says where."""
    import shutil

    from PySide6.QtWidgets import QApplication

    from personamgr.gui import drafts as drafts_module

    monkeypatch.setattr(drafts_module, "RETRY_MS", 300)
    monkeypatch.setattr(QApplication, "quit", lambda *_: None)  # not the test run's application
    shell = make_shell(demo)
    compose = shell.window.compose
    shutil.rmtree(profile_paths.data)
    write(shell, "Notice periods: what the contract says and what happens")
    compose.flush()
    qtbot.waitUntil(lambda: compose.status.text().startswith("Not saved: "), timeout=5000)
    said = compose.status.text()
    assert f"{profile_paths.database} was removed while personamgr ran" in said, said
    assert compose.editor.toPlainText() == "Notice periods: what the contract says and what happens"
    seen = [text for text, _details in quit_accepting_the_rescue(shell)]
    [kept] = profile_paths.data.glob("unsaved-drafts-*.txt")
    assert kept.read_text(encoding="utf-8") == "# career\nNotice periods: what the contract says and what happens\n\n"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile_paths.data.stat().st_mode) == 0o700
    assert seen and str(kept) in seen[0], seen


def test_words_typed_after_the_profile_is_moved_are_kept_where_it_went_and_said_once(
        demo: Services, make_shell: Callable[..., Shell], profile_paths: AppPaths, qtbot, *,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    """The profile moved elsewhere while the window runs: the box said "moved, renamed or removed" without where to,
    the log had the same warning at every try (every 3 s), and quitting made the moved folder again at its old
    place to put the words there. The box now names where the profile is, the log says it once, and the words go
    beside the profile where it is now; nothing is made where it was."""
    import shutil

    from PySide6.QtWidgets import QApplication

    from personamgr.gui import drafts as drafts_module

    monkeypatch.setattr(drafts_module, "RETRY_MS", 50)
    monkeypatch.setattr(QApplication, "quit", lambda *_: None)  # not the test run's application
    shell = make_shell(demo)
    compose = shell.window.compose
    root = profile_paths.data.parent
    shutil.move(root, tmp_path / "elsewhere")
    moved_to = tmp_path / "elsewhere" / "data"
    caplog.set_level(logging.WARNING, logger=drafts_module.__name__)
    write(shell, "Notice periods: what the contract says and what happens")
    compose.flush()
    queue = shell.drafts._queue
    qtbot.waitUntil(lambda: bool(queue) and queue[0].failures >= 4, timeout=10_000)  # tried again, and again
    said = compose.status.text()
    assert said.startswith("Not saved: "), said
    assert f"{profile_paths.database} was moved to {moved_to / 'personamgr.db'} while personamgr ran" in said, said
    warned = [r.getMessage() for r in caplog.records if "a draft could not be written" in r.getMessage()]
    assert len(warned) == 1, warned
    seen = [text for text, _details in quit_accepting_the_rescue(shell)]
    [kept] = moved_to.glob("unsaved-drafts-*.txt")
    assert kept.read_text(encoding="utf-8") == "# career\nNotice periods: what the contract says and what happens\n\n"
    assert seen and str(kept) in seen[0], seen
    assert not root.exists()  # not made again where the user moved it from


def test_send_now_in_the_window_says_the_profile_is_gone(
        demo: Services, make_shell: Callable[..., Shell], profile_paths: AppPaths, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The history's Send now went out from a removed profile; it now sends nothing and says why."""
    import shutil
    from datetime import timedelta

    from personamgr.core.post_workflows import Action
    from personamgr.core.scheduling import PostSchedule

    career = demo.store.persona("career").uid
    post = PostSchedule(demo.store, demo.outbox, demo.clock).create(
        career, "Counter-offers rarely fix why you looked", when=demo.clock.now() + timedelta(hours=1)).post
    shell = make_shell(demo)
    said: list[str] = []
    shell.window.post_actions.message.connect(said.append)
    # Opened before the folder goes: a connection opened after it cannot read the removed file (the app's pool
    # may have to open one), so the test reads the post's state through this one.
    with closing(sqlite3.connect(profile_paths.database)) as kept_open:
        kept_open.execute("SELECT count(*) FROM posts").fetchall()  # the files it needs (WAL and all) are open
        shutil.rmtree(profile_paths.data)
        shell.window.post_actions.send(post, Action.SEND_NOW)
        qtbot.waitUntil(lambda: bool(said), timeout=5000)
        assert said[0].startswith(f"Could not send the post: the database {profile_paths.database} was removed"), said
        [(state,)] = kept_open.execute("SELECT state FROM posts WHERE id = ?", (post.id,)).fetchall()
    assert state == PostState.SCHEDULED.value



def test_a_change_announced_after_the_profile_is_removed_keeps_the_window_going(
        demo: Services, make_shell: Callable[..., Shell], profile_paths: AppPaths) -> None:
    """With the profile's folder removed, a read that opens the database anew fails (SQLite keeps only the files
    it has open). The persona list, read again on the GUI thread at every change to the personas, raised there
    when no pooled connection was free: the window broke off with a traceback (it failed the two tests above now
    and then on a busy machine). It keeps the list it has, and the window goes on."""
    import shutil

    shell = make_shell(demo)
    shutil.rmtree(profile_paths.data)
    demo.store.engine.pool.dispose()  # no pooled connection left: the next read opens the file again
    demo.store.notify("personas")  # as the watch on other processes' writes, or any write, announces one
    wait_idle(shell)
    assert [p.name for p in shell.controller.personas] == ["career", "metal"]

def quit_accepting_the_rescue(shell: Shell) -> list[tuple[str, str]]:
    """Quit the window, accepting the box that says where the unsaved words went; that box's (text, details)."""
    seen: list[tuple[str, str]] = []

    def answer() -> None:
        box = shell.rescued
        if box is not None and box.isVisible() and not seen:
            seen.append((box.text(), box.detailedText()))
            box.accept()

    poll = QTimer()
    poll.timeout.connect(answer)
    poll.start(20)
    shell.shutdown()
    poll.stop()
    return seen
