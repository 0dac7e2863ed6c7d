"""The persona guard in the window: fit meter, warning, "Move to", the ask-once confirmation, learn, sensitivity.

Real widgets offscreen over real services, with the real guard and its shipped
model (loaded once for the session), on the demo's career and metal personas.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from shell_helpers import settle_layout
from shell_helpers import wait_idle as idle

from personamgr.core.guard import Guard
from personamgr.core.guard.embed import MODEL_DIR, TOKENIZER_FILE
from personamgr.core.outbox import PostState
from personamgr.core.personas import Sensitivity
from personamgr.core.services import Services
from personamgr.core.text import substantially_same
from personamgr.gui.app import Shell
from personamgr.gui.guard_panel import DEBOUNCE_MS, GuardPanel
from personamgr.gui.guard_widgets import GuardDialog
from personamgr.gui.schedule_dialog import ScheduleDialog
from personamgr.gui.scheduling_ui import SchedulingUi, attach_scheduling

# Offscreen Qt says this whenever a dialog is shown; it is about the platform, not the app.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

METAL_ON_CAREER = "Which albums made you pick up a guitar? Mine: Master of Puppets."
CAREER_TEXT = "Negotiating salary after a layoff: ask for their number first, then talk about the title."
OFF_BOTH = "Spent the weekend at a retro gaming convention, arcade cabinets everywhere."
OFF_BOTH_AGAIN = "Another retro gaming convention this weekend: pinball and arcade cabinets as far as you can see."
MONDAY = datetime(2026, 3, 2, 12, tzinfo=UTC)  # 07:00 in New York (career), 13:00 in Berlin (metal)


@pytest.fixture(scope="session")
def shipped_guard() -> Guard:
    """The real guard with the model that ships in the package (≈0.3 s), shared by every test here."""
    return Guard.load()


@pytest.fixture
def guarded(demo: Services, make_shell: Callable[..., Shell], shipped_guard: Guard, qtbot) -> Iterator[Shell]:
    demo.clock.set(MONDAY)  # type: ignore[attr-defined]
    shell = make_shell(demo)
    panel = shell.guard
    assert panel is not None and panel.state == "idle"
    panel.load(lambda: shipped_guard)
    qtbot.waitUntil(lambda: panel.state == "ready", timeout=10_000)
    yield shell


def panel_of(shell: Shell) -> GuardPanel:
    assert shell.guard is not None
    return shell.guard


def settled(shell: Shell, qtbot) -> GuardPanel:  # type: ignore[no-untyped-def]
    """Wait until the meter shows the result for exactly the text in the box."""
    panel = panel_of(shell)
    try:
        qtbot.waitUntil(lambda: panel.result_key == panel.current_key() and panel._in_flight is None,
                        timeout=10_000)
    except Exception as e:
        raise AssertionError(f"no result for the text in the box; the meter says {panel.meter.label.text()!r}, "
                             f"state {panel.state}, in flight {panel._in_flight}, shown {panel.result_key}") from e
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    return panel


def write(shell: Shell, text: str) -> None:
    editor = shell.window.compose.editor
    editor.setFocus()
    editor.selectAll()
    editor.insertPlainText(text)


def open_dialog(shell: Shell, qtbot) -> GuardDialog:  # type: ignore[no-untyped-def]
    panel = panel_of(shell)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=10_000)
    assert panel.dialog is not None
    return panel.dialog


def wait_idle(shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    idle(shell)


def sent_texts(services: Services, persona: str) -> list[str]:
    return [p.text for p in services.outbox.in_states([PostState.SENT]) if p.persona_name == persona]


# -- the meter ---------------------------------------------------------------------------------------------------
def test_meter_says_checking_until_the_model_is_loaded(demo: Services, make_shell: Callable[..., Shell],
                                                       shipped_guard: Guard, qtbot) -> None:
    shell = make_shell(demo)
    panel = panel_of(shell)
    write(shell, CAREER_TEXT)
    assert panel.meter.label.text() == "checking fit…"
    assert panel.checks_started == 0
    panel.load(lambda: shipped_guard)
    settled(shell, qtbot)
    assert re.fullmatch(r"fits career · 0\.\d\d", panel.meter.label.text()), panel.meter.label.text()


def test_meter_updates_after_typing_debounced_with_persona_and_score(guarded: Shell, qtbot) -> None:
    panel = panel_of(guarded)
    editor = guarded.window.compose.editor
    editor.setFocus()
    before = panel.checks_started
    qtbot.keyClicks(editor, "New album review: the riffs, the solos, the tour dates.")  # one keystroke at a time
    # No event loop ran between the keystrokes, so the debounce timer is still waiting and nothing was checked.
    assert panel._debounce.isActive() and panel._debounce.interval() == DEBOUNCE_MS
    assert panel.checks_started == before
    settled(guarded, qtbot)
    assert panel.checks_started == before + 1  # fifty-odd keystrokes, one check
    text = panel.meter.label.text()
    assert re.fullmatch(r"strays from career · 0\.\d\d — fits metal better", text), text
    assert panel.result.score < 0.5
    assert "metal:" in panel.meter.label.toolTip() and "career:" in panel.meter.label.toolTip()

    write(guarded, CAREER_TEXT)
    settled(guarded, qtbot)
    score = float(panel.meter.label.text().rsplit(" ", 1)[1])
    assert panel.meter.label.text() == f"fits career · {score:.2f}" and score > 0.5
    assert not panel.warning.isVisible()


def test_first_keystrokes_are_not_judged(guarded: Shell, qtbot) -> None:
    """"ok" has no topic yet: the meter says so quietly instead of warning."""
    panel = panel_of(guarded)
    write(guarded, "ok")
    settled(guarded, qtbot)
    assert panel.meter.label.text().startswith("Too few words to judge the topic yet")
    assert not panel.warning.isVisible()


def test_only_the_latest_texts_result_is_shown(guarded: Shell, qtbot) -> None:
    panel = panel_of(guarded)
    shown: list[object] = []
    panel.resultShown.connect(shown.append)
    write(guarded, METAL_ON_CAREER)
    panel.check_now()  # the check for the metal text is now running (its answer is queued for the GUI thread)
    write(guarded, CAREER_TEXT)  # ... and the user keeps typing before it lands
    settled(guarded, qtbot)
    assert len(shown) == 1  # the stale answer was dropped, never shown
    assert shown[0].fits and panel.meter.label.text().startswith("fits career")  # type: ignore[attr-defined]


def test_a_guard_that_fails_to_load_says_so_and_posting_still_works(demo: Services, make_shell: Callable[..., Shell],
                                                                    qtbot) -> None:
    shell = make_shell(demo)
    panel = panel_of(shell)

    def broken() -> Guard:
        raise OSError("model.onnx is missing")

    panel.load(broken)
    qtbot.waitUntil(lambda: panel.state == "failed", timeout=10_000)
    assert "could not start (model.onnx is missing)" in panel.meter.label.text()
    assert "Posting still works" in panel.meter.label.text()
    write(shell, METAL_ON_CAREER)
    shell.window.compose.post_button.click()
    wait_idle(shell, qtbot)
    assert panel.dialog is None
    assert METAL_ON_CAREER in sent_texts(demo, "career")


def test_a_missing_model_file_is_named_on_the_meter_with_the_fix(demo: Services, make_shell: Callable[..., Shell],
                                                                 tmp_path: Path, qtbot) -> None:
    """The real loader on a model folder that lacks a file, as a wheel without it once installed."""
    for f in MODEL_DIR.iterdir():
        if f.name != TOKENIZER_FILE:
            (tmp_path / f.name).symlink_to(f)
    shell = make_shell(demo)
    panel = panel_of(shell)
    panel.load(lambda: Guard.load(tmp_path))
    qtbot.waitUntil(lambda: panel.state == "failed", timeout=10_000)
    text = panel.meter.label.text()
    assert f"{tmp_path / TOKENIZER_FILE}: the guard's tokenizer is missing; reinstall personamgr" in text, text
    assert "Posting still works" in text


# -- the warning and "Move to" ------------------------------------------------------------------------------------
def test_straying_draft_shows_the_reasons_and_moves_to_metal(guarded: Shell, qtbot) -> None:
    panel = panel_of(guarded)
    compose = guarded.window.compose
    services = guarded.services
    write(guarded, METAL_ON_CAREER)
    settled(guarded, qtbot)
    assert panel.warning.isVisible()
    assert panel.warning.title.text() == "This may not belong on career."
    reasons = panel.warning.messages
    assert any(m.startswith("It does not look like career's focus") and "It fits metal better" in m for m in reasons)
    assert "It touches “guitars”, which you marked to avoid on career." in reasons
    assert "guitars" in panel.warning.reasons.text()
    assert panel.warning.move_button.text() == "Move to metal"

    compose.flush()
    wait_idle(guarded, qtbot)  # the draft is written in a worker
    draft_id = guarded.drafts.post_id(services.store.persona("career").uid)
    panel.warning.move_button.click()
    wait_idle(guarded, qtbot)
    metal = services.store.persona("metal")
    assert guarded.controller.active_uid == metal.uid  # the user sees it land
    assert compose.editor.toPlainText() == METAL_ON_CAREER
    assert guarded.drafts.text(services.store.persona("career").uid) == ""
    moved = services.outbox.get(draft_id)  # the same post, now metal's: nothing copied, nothing lost
    assert (moved.persona_name, moved.state, moved.text) == ("metal", PostState.DRAFT, METAL_ON_CAREER)
    settled(guarded, qtbot)
    assert panel.meter.label.text().startswith("fits metal · ")
    assert not panel.warning.isVisible()


def accept_schedule_dialog(compose: object, seen: list[datetime]) -> None:
    """When Schedule… opens its (modal) dialog, accept the time it proposes."""
    def accept() -> None:
        dialogs = [d for d in compose.findChildren(ScheduleDialog) if d.isVisible()]  # type: ignore[attr-defined]
        if not dialogs:
            QTimer.singleShot(10, accept)
            return
        seen.append(dialogs[0].resolved.utc)
        dialogs[0].accept()

    QTimer.singleShot(0, accept)


@pytest.fixture
def scheduling(guarded: Shell) -> SchedulingUi:
    return attach_scheduling(guarded)  # not started: nothing is sent by a timer here


def test_schedule_asks_and_move_carries_the_draft_with_its_time(guarded: Shell, scheduling: SchedulingUi,
                                                                qtbot) -> None:
    services = guarded.services
    compose = guarded.window.compose
    write(guarded, METAL_ON_CAREER)
    settled(guarded, qtbot)
    chosen: list[datetime] = []
    accept_schedule_dialog(compose, chosen)
    scheduling.compose.schedule_button.click()
    dialog = open_dialog(guarded, qtbot)
    assert dialog.windowTitle() == "Off-focus: check before scheduling on career"
    assert dialog.move_button.text().replace("&", "") == "Move to metal"
    assert dialog.anyway_button.text().replace("&", "") == "Schedule anyway"
    assert services.outbox.in_states([PostState.SCHEDULED]) == []  # nothing happens until the user decides
    dialog.move_button.click()
    qtbot.waitUntil(lambda: bool(services.outbox.in_states([PostState.SCHEDULED])), timeout=10_000)
    wait_idle(guarded, qtbot)
    [post] = services.outbox.in_states([PostState.SCHEDULED])
    assert (post.persona_name, post.text) == ("metal", METAL_ON_CAREER)
    assert chosen and post.scheduled_at == chosen[0]  # the time the user picked came along
    assert not post.guard_override  # it fits metal: nothing was overridden
    assert guarded.controller.active_uid == services.store.persona("metal").uid
    assert compose.editor.toPlainText() == ""
    assert "Scheduled for" in compose.status.text()


def test_add_to_queue_move_goes_into_the_other_personas_queue(guarded: Shell, scheduling: SchedulingUi,
                                                              qtbot) -> None:
    services = guarded.services
    write(guarded, METAL_ON_CAREER)
    scheduling.compose.queue_button.click()  # before the meter has even run: the click waits for the verdict
    dialog = open_dialog(guarded, qtbot)
    assert dialog.anyway_button.text().replace("&", "") == "Queue anyway"
    dialog.move_button.click()
    qtbot.waitUntil(lambda: bool(services.outbox.in_states([PostState.SCHEDULED])), timeout=10_000)
    [post] = services.outbox.in_states([PostState.SCHEDULED])
    assert post.persona_name == "metal"
    assert post.scheduled_at == datetime(2026, 3, 2, 19, tzinfo=UTC)  # metal's next slot: Monday 20:00 Berlin


# -- the confirmation --------------------------------------------------------------------------------------------
def test_a_fitting_draft_never_asks(guarded: Shell, qtbot) -> None:
    panel = panel_of(guarded)
    write(guarded, CAREER_TEXT)
    guarded.window.compose.post_button.click()
    qtbot.waitUntil(lambda: CAREER_TEXT in sent_texts(guarded.services, "career"), timeout=10_000)
    assert panel.dialog is None
    assert not panel.learn.isVisible()


def test_post_anyway_posts_remembers_and_offers_to_learn(guarded: Shell, qtbot) -> None:
    panel = panel_of(guarded)
    services = guarded.services
    write(guarded, OFF_BOTH)
    guarded.window.compose.post_button.click()
    dialog = open_dialog(guarded, qtbot)
    assert dialog.windowTitle() == "Off-focus: check before posting on career"
    assert "It does not look like career's focus" in dialog.reasons.text()
    assert OFF_BOTH not in sent_texts(services, "career")  # nothing goes out until the user decides
    dialog.anyway_button.click()
    qtbot.waitUntil(lambda: OFF_BOTH in sent_texts(services, "career"), timeout=10_000)
    # The store says sent before the outcome reaches the window, which then clears the box: wait for that,
    # or the next text typed below is cleared with it (a race that showed on a loaded machine).
    qtbot.waitUntil(lambda: not guarded.window.compose.editor.toPlainText(), timeout=10_000)
    [post] = [p for p in services.outbox.in_states([PostState.SENT]) if p.text == OFF_BOTH]
    assert post.guard_override and any("career's focus" in r for r in post.reasons)
    assert panel.dialog is None

    # Learn from this: offered, not done, until the user says so.
    assert panel.learn.isVisible() and "career" in panel.learn.label.text()
    assert OFF_BOTH not in services.store.persona("career").examples
    write(guarded, OFF_BOTH_AGAIN)
    settled(guarded, qtbot)
    before = panel.result.score  # a post like it, before learning
    panel.learn.add_button.click()
    qtbot.waitUntil(lambda: "Added to career's example posts" in panel.learn.label.text(), timeout=10_000)
    assert services.store.persona("career").examples[-1] == OFF_BOTH
    assert "Added to career's example posts" in panel.learn.label.text()
    # ... and the guard now rates posts like it closer to career (once the change has reached the window).
    qtbot.waitUntil(lambda: OFF_BOTH in guarded.controller.persona(post.persona_uid).examples, timeout=10_000)
    settled(guarded, qtbot)
    assert panel.result.score > before + 0.05, (before, panel.result.score)


def test_learn_offer_can_be_dismissed(guarded: Shell, qtbot) -> None:
    panel = panel_of(guarded)
    write(guarded, OFF_BOTH)
    guarded.window.compose.post_button.click()
    open_dialog(guarded, qtbot).anyway_button.click()
    qtbot.waitUntil(panel.learn.isVisible, timeout=10_000)
    panel.learn.close_button.click()
    assert not panel.learn.isVisible()
    assert OFF_BOTH not in guarded.services.store.persona("career").examples


def test_anyway_is_asked_once_for_the_same_text_and_rearmed_by_a_rewrite(guarded: Shell, scheduling: SchedulingUi,
                                                                        qtbot) -> None:
    services = guarded.services
    compose = guarded.window.compose
    career = services.store.persona("career")
    services.store.update_persona(career.with_changes(queue_slots=()))  # so queueing fails and the text stays

    def decline_slots() -> None:  # "No queue slots yet: add some?" No: the post stays a draft
        qtbot.waitUntil(lambda: scheduling.compose.slot_question is not None
                        and scheduling.compose.slot_question.isVisible(), timeout=10_000)
        scheduling.compose.slot_question.reject()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: compose.status.text().startswith("Not scheduled"), timeout=10_000)

    write(guarded, METAL_ON_CAREER)
    scheduling.compose.queue_button.click()
    open_dialog(guarded, qtbot).anyway_button.click()
    decline_slots()
    wait_idle(guarded, qtbot)
    draft = services.outbox.get(guarded.drafts.post_id(career.uid))  # type: ignore[arg-type]
    assert draft.guard_override and draft.text == METAL_ON_CAREER

    panel = panel_of(guarded)
    compose.editor.moveCursor(compose.editor.textCursor().MoveOperation.End)
    compose.editor.insertPlainText("!")  # a small edit keeps the decision
    compose.status.clear()
    scheduling.compose.queue_button.click()
    decline_slots()
    assert panel.dialog is None  # not asked again

    write(guarded, "Guitars, amps and a setlist: the gig tonight is going to be loud, see you in the pit.")
    settled(guarded, qtbot)
    compose.flush()  # the autosave
    wait_idle(guarded, qtbot)  # written in a worker
    assert not services.outbox.get(draft.id).guard_override  # rewritten: the old "anyway" no longer stands
    scheduling.compose.queue_button.click()
    assert open_dialog(guarded, qtbot).isVisible()


def test_edit_returns_to_the_text_and_sends_nothing(guarded: Shell, qtbot) -> None:
    panel = panel_of(guarded)
    compose = guarded.window.compose
    write(guarded, METAL_ON_CAREER)
    compose.post_button.click()
    open_dialog(guarded, qtbot).edit_button.click()
    wait_idle(guarded, qtbot)
    assert panel.dialog is None
    assert compose.editor.toPlainText() == METAL_ON_CAREER
    assert guarded.controller.active_uid == guarded.services.store.persona("career").uid
    assert METAL_ON_CAREER not in sent_texts(guarded.services, "career")
    assert guarded.services.outbox.in_states([PostState.SENDING, PostState.SCHEDULED]) == []


def test_move_from_the_post_question_moves_without_posting(guarded: Shell, qtbot) -> None:
    services = guarded.services
    compose = guarded.window.compose
    write(guarded, METAL_ON_CAREER)
    compose.post_button.click()
    open_dialog(guarded, qtbot).move_button.click()
    wait_idle(guarded, qtbot)
    assert guarded.controller.active_uid == services.store.persona("metal").uid
    assert compose.editor.toPlainText() == METAL_ON_CAREER
    assert "Nothing was posted" in compose.status.text()
    assert METAL_ON_CAREER not in sent_texts(services, "metal") + sent_texts(services, "career")
    compose.post_button.click()  # it fits metal: posted without a question
    qtbot.waitUntil(lambda: METAL_ON_CAREER in sent_texts(services, "metal"), timeout=10_000)
    assert panel_of(guarded).dialog is None


@pytest.mark.parametrize("language,metal_named", [("en", "metal"), ("es", "metal"),
                                                  ("en", "Metal reviews, gigs and the road with the band")])
def test_after_a_move_the_way_to_post_is_said_whole_at_1024x600(guarded: Shell, qtbot, qapp, language: str,
                                                                metal_named: str) -> None:  # type: ignore[no-untyped-def]
    """Seen at 1024x600: the line under the box read "Moved to career. Nothing was posted: press Post to send it
    a…", cut where it says what to do. It takes the lines it needs, in English, in Spanish and with a long name, at
    1024 wide and as narrow as the window goes."""
    from personamgr.gui import i18n

    services = guarded.services
    compose = guarded.window.compose
    if metal_named != "metal":
        metal = services.store.persona("metal")
        services.store.update_persona(metal.with_changes(name=metal_named))
        wait_idle(guarded, qtbot)
    try:
        i18n.install(qapp, language)
        guarded.window.resize(1024, 600)
        write(guarded, METAL_ON_CAREER)
        compose.post_button.click()
        open_dialog(guarded, qtbot).move_button.click()
        wait_idle(guarded, qtbot)
        status = compose.status
        said = status.text()
        assert metal_named in said and said.count(metal_named) == 2, said
        for width in (1024, guarded.window.minimumWidth()):  # and as narrow as the window goes
            guarded.window.resize(width, 600)
            settle_layout(guarded.window)
            assert not status.is_elided(), (width, said, status.width())
            assert status.height() >= status.heightForWidth(status.width()), (width, said, status.height())
            shown = status.rect().translated(status.mapTo(guarded.window, status.rect().topLeft()))
            assert guarded.window.rect().contains(shown), (width, shown, guarded.window.rect())
    finally:
        i18n.uninstall(qapp)


def test_after_the_post_question_the_keyboard_is_back_in_the_box(guarded: Shell, qtbot) -> None:
    """Seen under Xvfb: after "Move to metal" (by mouse or Return), Ctrl+Return did nothing until the box was
    clicked: the window had not been given the keyboard back, so its shortcuts were dead. Whatever the choice, the
    window is active again with the keyboard in the box, and Ctrl+Return posts what was moved."""
    services = guarded.services
    compose = guarded.window.compose
    guarded.window.show()
    guarded.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is guarded.window)
    write(guarded, METAL_ON_CAREER)
    qtbot.keyClick(compose.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    open_dialog(guarded, qtbot).move_button.click()
    wait_idle(guarded, qtbot)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is guarded.window and compose.editor.hasFocus())
    qtbot.keyClick(compose.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # it fits metal now
    qtbot.waitUntil(lambda: METAL_ON_CAREER in sent_texts(services, "metal"))


def test_what_x_refuses_cannot_be_posted_anyway(guarded: Shell, qtbot) -> None:
    compose = guarded.window.compose
    write(guarded, "Watching $AAPL and $MSFT earnings today for hiring signals in tech.")
    compose.post_button.click()
    dialog = open_dialog(guarded, qtbot)
    assert "Sandbox will refuse this post" in dialog.head.text()  # the sandbox keeps X's rule, in its own name
    assert "cashtags" in dialog.reasons.text()
    assert dialog.anyway_button.isHidden()
    assert dialog.move_button.isHidden()  # X's rule (the sandbox's too): moving is not offered for it
    dialog.reject()  # Escape: back to editing
    wait_idle(guarded, qtbot)
    assert panel_of(guarded).dialog is None
    assert compose.editor.toPlainText().startswith("Watching $AAPL")


# -- sensitivity -------------------------------------------------------------------------------------------------
BORDERLINE = ("Had pasta for dinner tonight.", "Anyone watching the game tonight?", "Big news today",
              "Rainy day, staying in with a book.", "Made soup tonight.", "Pizza night!",
              "Cooked rice and beans tonight.", "Tea time.")


def borderline_for(guard: Guard, services: Services, persona: str) -> str:
    """An everyday post that strays from ``persona`` at normal sensitivity but passes at relaxed.

    Chosen with the core guard itself, so a recalibrated model does not silently turn this test into
    one that checks nothing: it fails loudly if no such post is left.
    """
    personas = services.store.personas()
    relaxed = [p.with_changes(sensitivity=Sensitivity.RELAXED) if p.name == persona else p for p in personas]
    for text in BORDERLINE:
        if not guard.check(personas, text, persona).fits and guard.check(relaxed, text, persona).fits:
            return text
    raise AssertionError(f"none of {BORDERLINE} is borderline for {persona} any more: pick new ones")


def test_the_quick_sensitivity_menu_changes_the_verdict(guarded: Shell, shipped_guard: Guard, qtbot) -> None:
    panel = panel_of(guarded)
    services = guarded.services
    guarded.controller.set_active(services.store.persona("metal").uid)
    write(guarded, borderline_for(shipped_guard, services, "metal"))
    settled(guarded, qtbot)
    assert panel.meter.sensitivity.text() == "Guard: normal ▾"
    assert not panel.result.fits and panel.warning.isVisible()
    panel.meter.sensitivity_actions["relaxed"].trigger()
    qtbot.waitUntil(lambda: services.store.persona("metal").sensitivity is Sensitivity.RELAXED,  # in a worker
                    timeout=10_000)
    qtbot.waitUntil(lambda: panel.result_key == panel.current_key() and panel.result.fits, timeout=10_000)
    assert panel.meter.label.text().startswith("fits metal · ")
    assert panel.meter.sensitivity.text() == "Guard: relaxed ▾"
    assert panel.meter.sensitivity_actions["relaxed"].isChecked()
    assert not panel.warning.isVisible()
    panel.meter.sensitivity_actions["strict"].trigger()
    qtbot.waitUntil(lambda: panel.result_key == panel.current_key() and not panel.result.fits, timeout=10_000)
    assert services.store.persona("metal").sensitivity is Sensitivity.STRICT


def test_substantially_same() -> None:
    assert substantially_same("Hello there world", "Hello  there world!")
    assert not substantially_same("Hello there world", "Something else entirely, about jobs")


# -- the one editor for every edit -------------------------------------------------------------------------------
def test_editing_a_scheduled_post_asks_the_guard_before_saving(guarded: Shell, scheduling: SchedulingUi,
                                                               qtbot) -> None:
    """The defect: Schedule ▸ Edit… was a plain box, and a career post rewritten about metal saved silently."""
    from personamgr.core.scheduling import PostSchedule
    from personamgr.gui.post_editor import PostEditorDialog

    services = guarded.services
    career = services.store.persona("career")
    post = PostSchedule(services.store, services.outbox, services.clock).create(
        career.uid, CAREER_TEXT, when=MONDAY.replace(hour=20)).post
    queue = scheduling.queue
    queue.refresh()
    wait_idle(guarded, qtbot)
    queue.list.setCurrentRow(0)
    queue.list.item(0).setSelected(True)
    qtbot.mouseClick(queue.edit, Qt.MouseButton.LeftButton)
    dialog = guarded.window.post_actions.dialog
    assert isinstance(dialog, PostEditorDialog) and dialog.isVisible()
    editor = dialog.editor
    assert editor.counter.text().endswith("/ 280") and editor.editor.toPlainText() == CAREER_TEXT
    qtbot.waitUntil(lambda: dialog.guard.state == "ready", timeout=10_000)  # the window's model, shared
    editor.editor.selectAll()
    editor.editor.insertPlainText(METAL_ON_CAREER)  # rewritten as a metal post
    qtbot.waitUntil(lambda: dialog.guard.result_key == dialog.guard.current_key(), timeout=10_000)
    assert dialog.guard.meter.label.text().startswith("strays from career")  # the fit meter, as in compose
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    question = dialog.guard.dialog
    assert question is not None and question.isVisible()
    assert question.windowTitle() == "Off-focus: check before saving on career"
    assert question.anyway_button.text().replace("&", "") == "Save anyway"
    assert question.move_button.text().replace("&", "") == "Move to metal"
    assert services.outbox.get(post.id).text == CAREER_TEXT  # nothing saved until the user decides
    question.move_button.click()
    qtbot.waitUntil(lambda: services.outbox.get(post.id).text == METAL_ON_CAREER, timeout=10_000)
    wait_idle(guarded, qtbot)  # the save's answer reaches the window (which closes the editor) after the store
    moved = services.outbox.get(post.id)
    assert (moved.persona_name, moved.state, moved.scheduled_at) == ("metal", PostState.SCHEDULED,
                                                                     MONDAY.replace(hour=20))
    assert not dialog.isVisible()


def test_a_near_duplicate_is_called_a_near_duplicate(guarded: Shell, qtbot) -> None:
    """The real reason, not "may not belong on career": the words fit career, they were posted there already."""
    write(guarded, "Your network is the people who have seen you do good work. Make that list longer every month!")
    panel = settled(guarded, qtbot)
    assert panel.warning.isVisible()
    assert panel.warning.title.text() == "This is nearly the same as a post that went out."
    guarded.window.compose.post_button.click()
    dialog = open_dialog(guarded, qtbot)
    assert dialog.windowTitle() == "Near-duplicate: check before posting on career"
    assert dialog.head.text() == "This is nearly the same as a post that went out."
    assert dialog.move_button.isHidden()  # moving it would not make it new
    dialog.reject()


def test_a_copy_of_a_scheduled_post_is_said_while_writing_and_the_post_is_no_copy_of_itself(
        guarded: Shell, qtbot) -> None:
    """The guard read only the posts that went out: the same words queued twice were held at their time, with
    nobody there to decide. The post's own editor must not take it for a copy of itself."""
    from personamgr.gui.post_editor import PostEditorDialog

    text = "Three salary questions to settle before you accept any offer: base, bonus and the review date."
    services = guarded.services
    queued = services.outbox.create(services.store.persona("career").uid, text, state=PostState.SCHEDULED,
                                    scheduled_at=datetime(2026, 3, 4, 14, tzinfo=UTC))
    write(guarded, text)
    panel = settled(guarded, qtbot)
    assert panel.warning.isVisible()
    assert panel.warning.title.text() == "This is nearly the same as a scheduled post."
    assert "duplicate" in {r.kind for r in panel.result.reasons}
    guarded.window.history.refresh()
    wait_idle(guarded, qtbot)
    guarded.window.post_actions.edit(services.outbox.get(queued.id))
    dialog = guarded.window.post_actions.dialog
    assert isinstance(dialog, PostEditorDialog)
    mine = dialog.guard
    qtbot.waitUntil(lambda: mine.state == "ready" and mine.result_key == mine.current_key()
                    and mine._in_flight is None, timeout=10_000)
    assert "duplicate" not in {r.kind for r in mine.result.reasons}
    dialog.reject()


# -- posts it cannot judge ---------------------------------------------------------------------------------------
RUSSIAN = "Сегодня посадил чеснок на грядках, жду урожай весной."


def test_a_post_it_cannot_judge_says_so_in_a_few_words_the_whole_reason_in_the_tooltip(guarded: Shell, qtbot) -> None:
    """The meter is one line: the whole sentence was cut to "The topic check reads English onl…", which both
    hid what it meant and was no longer true (the check reads Spanish, Greek and Japanese too)."""
    panel = panel_of(guarded)
    write(guarded, RUSSIAN)
    settled(guarded, qtbot)
    reason = next(r for r in panel.result.reasons if r.kind == "language")
    assert panel.meter.state == "unjudged" and not panel.warning.isVisible()
    assert panel.meter.label.text() == reason.summary == "Cannot judge the topic of a post in Russian"
    assert not panel.meter.label.is_elided()
    assert reason.message in panel.meter.label.toolTip()
    assert reason.message in panel.meter.accessibleDescription()  # a screen reader hears the whole reason


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_in_spanish_the_meter_names_the_language_whole(qapp, guarded: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, "es") == "es"
        panel = panel_of(guarded)
        write(guarded, RUSSIAN)
        settled(guarded, qtbot)
        label = panel.meter.label
        assert "ruso" in label.text() and not label.is_elided(), (label.text(), label.width())
        assert "español, griego y japonés" in label.toolTip()
        write(guarded, "ok")
        settled(guarded, qtbot)
        assert label.text() and not label.is_elided(), (label.text(), label.width())
    finally:
        i18n.uninstall(qapp)


def test_a_post_it_cannot_judge_shows_no_fit_score_even_when_another_check_warns(guarded: Shell, qtbot) -> None:
    """A Russian post mentioning metal's handle: the leak is real, but "career · 0.54 · needs a look" gave a
    topic score the guard never judged."""
    panel = panel_of(guarded)
    write(guarded, RUSSIAN + " @metal_me")
    settled(guarded, qtbot)
    assert not panel.result.judged and panel.warning.isVisible()
    assert "leak" in {r.kind for r in panel.result.warnings}
    text = panel.meter.label.text()
    assert "0." not in text and "needs a look" in text, text
    assert not panel.meter.bar.isVisible()
    assert "Cannot judge the topic of a post in Russian" in text or "Russian" in panel.meter.label.toolTip()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_meter_says_its_verdict_whole_on_a_small_screen_in_spanish(qapp, guarded: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """At 1024x600 with the schedule panel open, the Spanish meter read "se aparta de career · 0,0…": the score
    and "— encaja mejor en metal" were cut off. Where the whole verdict does not fit, the meter now says it
    without what the warning right under it says too (that it fits metal better, with the button that moves
    it), and the whole verdict is in its tooltip and its accessible description."""
    from PySide6.QtCore import QRect

    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, "es") == "es"
        attach_scheduling(guarded)
        guarded.window.resize(1024, 600)
        panel = panel_of(guarded)
        write(guarded, METAL_ON_CAREER)
        settled(guarded, qtbot)
        settle_layout(guarded.window)
        label = panel.meter.label
        assert re.fullmatch(r"se aparta de career · 0,\d\d", label.text()), label.text()
        assert not label.is_elided(), label.text()
        whole = label.text() + " — encaja mejor en metal"
        assert whole in label.toolTip() and panel.meter.accessibleDescription() == whole
        assert "Encaja mejor en metal" in panel.warning.reasons.text()
        needed = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000),
                                                  int(Qt.TextFlag.TextWordWrap), label.text())
        assert needed.width() <= label.width() and needed.height() <= label.height(), (label.size(), needed.size())
        assert panel.meter.sensitivity.geometry().right() <= panel.meter.contentsRect().right()
        reasons = panel.warning.reasons  # the line the meter gained is not taken from the warning under it
        assert reasons.isVisible() and reasons.height() >= reasons.heightForWidth(reasons.width()), reasons.size()
        assert panel.warning.contentsRect().contains(reasons.geometry()), (reasons.geometry(), panel.warning.rect())
        compose = guarded.window.compose
        assert compose.height() >= compose.minimumSizeHint().height(), (compose.height(), compose.minimumSizeHint())
    finally:
        i18n.uninstall(qapp)



@pytest.mark.parametrize("message", ["", "Could not post: the disk is full. Your text is kept."],
                         ids=["warning", "warning and an error"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_at_1024x600_the_warning_leaves_post_and_schedule_in_sight(qapp, guarded: Shell, qtbot,  # type: ignore[no-untyped-def]
                                                                    language: str, message: str) -> None:
    """A 1024x600 netbook, the Schedule panel beside compose, a post that strays: the guard's warning (its reasons,
    Move to metal, Post anyway) pushed Post, Schedule… and Add to queue half below compose's fold. The ways to send
    stay in sight whole, with the warning's button that moves the post; and with a message under the box as well
    (an error), which put them 10 px below the fold, the message is in sight too, on its whole line."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QWidget

    from personamgr.gui import i18n

    if language == "es":
        assert i18n.install(qapp, "es") == "es"
    try:
        window = guarded.window
        window.hide()
        scheduling = attach_scheduling(guarded)
        window.restore_layout(screen=QRect(0, 0, 1024, 600))
        window.show()
        idle(guarded)
        scheduling.show_queue()
        write(guarded, METAL_ON_CAREER)
        panel = settled(guarded, qtbot)
        qtbot.waitUntil(lambda: panel.warning.isVisible() and scheduling.dock.isVisible(), timeout=10_000)
        assert window.height() <= 600
        viewport = window.findChild(QWidget, "composeArea").viewport()
        compose = window.compose
        ways = (compose.post_button, scheduling.compose.schedule_button, scheduling.compose.queue_button,
                panel.warning.move_button)
        if message:
            compose.say(message, "error")
            ways += (compose.status,)
            assert compose.status.accessibleDescription() == message  # whole, for a screen reader and its tooltip

        def in_sight() -> None:
            for way in ways:
                where = QRect(way.mapTo(viewport, QPoint(0, 0)), way.size())
                assert way.isVisible() and viewport.rect().contains(where), (way.text(), where, viewport.rect())
            if message:  # its line whole, not squeezed
                assert compose.status.height() >= compose.status.fontMetrics().height(), compose.status.height()

        qtbot.waitUntil(in_sight, timeout=10_000)  # the layout settles
    finally:
        if language == "es":
            i18n.uninstall(qapp)


def test_tab_goes_from_the_guards_meter_to_its_move_button(guarded: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The warning under the text offers "Move to metal"; Tab reached it only after the history and the selected
    post's buttons, at the far end of the window. It now comes right after the meter's sensitivity, before the
    history, and says where it moves the post."""
    from test_gui_keyboard import tab_path

    write(guarded, METAL_ON_CAREER)
    panel = settled(guarded, qtbot)
    assert panel.warning.move_button.isVisible()
    window = guarded.window
    assert tab_path(panel.meter.sensitivity, 2) == [panel.warning.move_button, window.history_search]
    assert panel.warning.move_button.accessibleName() == "Move to metal"


@pytest.mark.parametrize(("key", "choice"), [(Qt.Key.Key_M, "move"), (Qt.Key.Key_P, "anyway"), (Qt.Key.Key_E, "edit")])
def test_the_guard_question_is_answered_by_alt_letters(qtbot, key: Qt.Key, choice: str) -> None:  # type: ignore[no-untyped-def]
    """The question before a straying post had Edit, Move to metal and Post anyway with no Alt-letter: its buttons
    were reached only by Tab (seen under Xvfb: no letter underlined, Alt held). Alt+M moves, Alt+P posts anyway,
    Alt+E goes back to the box."""
    dialog = GuardDialog("post", "career", ["It touches guitars."], "metal", hard=False)
    qtbot.addWidget(dialog)
    chosen: list[object] = []
    dialog.chosen.connect(chosen.append)
    dialog.show()
    dialog.activateWindow()  # Alt-letters are the window's shortcuts: they answer in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=10_000)
    assert [b.text() for b in (dialog.edit_button, dialog.move_button, dialog.anyway_button)] == [
        "&Edit", "&Move to metal", "&Post anyway"]
    qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(chosen), timeout=10_000)
    assert [c.value for c in chosen] == [choice]  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_line_beside_the_picker_and_the_first_hint_are_whole_at_1024x600_beside_the_schedule(
        demo: Services, make_shell: Callable[..., Shell], shipped_guard: Guard, qtbot,  # type: ignore[no-untyped-def]
        language: str) -> None:
    """Seen at 1024x600 with the schedule panel open: beside the picker, which reads "career  @career_me", the line
    said "as @career_me on Sandbox" again and was cut to "as @care…"; the meter's first hint was cut at "The fit
    with career's focus shows here as you…" (es: "…cómo encaj…"). The line now says only what the picker does not,
    the network, and the hint takes the lines it needs."""
    from personamgr.gui import i18n

    qapp = QApplication.instance()
    try:
        i18n.install(qapp, language)
        shell = make_shell(demo)
        attach_scheduling(shell)
        panel = panel_of(shell)
        panel.load(lambda: shipped_guard)
        qtbot.waitUntil(lambda: panel.meter.state == "empty", timeout=30_000)
        window, compose = shell.window, shell.window.compose
        window.resize(1024, 600)
        settle_layout(window)
        picked, line = compose.persona_combo.currentText(), compose.network_label.text()
        assert "@career_me" in picked and line == {"en": "on Sandbox", "es": "en Pruebas"}[language], (picked, line)
        hint = panel.meter.label
        assert "career" in hint.text(), hint.text()
        for label in (compose.network_label, hint):
            assert label.isVisible() and not label.is_elided(), (label.text(), label.width())
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), (label.text(), label.height())
            shown = label.rect().translated(label.mapTo(window, label.rect().topLeft()))
            assert window.rect().contains(shown), (label.text(), shown, window.rect())
    finally:
        i18n.uninstall(qapp)
