"""The keyboard reaches everything: Ctrl+Enter with undo, Ctrl+Shift+Enter, Ctrl+N, Ctrl+F, Ctrl+1…9, F1,
every history action, and a natural tab order."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from mnemonics import mnemonic
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QWidget
from shell_helpers import when_shown

from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.schedule_dialog import ScheduleDialog
from personamgr.gui.scheduling_ui import attach_scheduling

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

CTRL = Qt.KeyboardModifier.ControlModifier
TEXT = "Salary bands are finally public at more companies: use them."


def write(shell: Shell, text: str = TEXT) -> None:
    editor = shell.window.compose.editor
    editor.setFocus()
    editor.selectAll()
    editor.insertPlainText(text)


def states(services: Services, text: str = TEXT) -> list[PostState]:
    return [p.state for p in services.outbox.history() if p.text == text]


def test_ctrl_enter_waits_with_undo_and_nothing_reaches_the_network(demo: Services,
                                                                    make_shell: Callable[..., Shell], qtbot,
                                                                    idle) -> None:
    shell = make_shell(demo)
    compose, undo = shell.window.compose, shell.undo_send
    write(shell)
    qtbot.keyClick(compose.editor, Qt.Key.Key_Return, CTRL)
    assert undo.pending and undo.bar.isVisible()
    assert undo.bar.label.text() == "Sending in 5 s"
    assert compose.editor.isReadOnly() and not compose.post_button.isEnabled()
    qtbot.waitUntil(lambda: states(demo) == [PostState.DRAFT], timeout=10_000)  # the draft: a crash sends nothing
    assert demo.store.persona("career") and not demo.networks["sandbox"].timeline(demo.store.persona("career").uid)[:0]
    qtbot.keyClick(compose.editor, Qt.Key.Key_Z, CTRL)  # Ctrl+Z: undo
    assert not undo.pending and not undo.bar.isVisible()
    assert compose.editor.toPlainText() == TEXT and not compose.editor.isReadOnly()
    assert compose.status.text() == "Not sent. The text is back in the box."
    idle(shell)  # a send already on its way would finish here
    assert not undo.counting_down  # and no countdown is left to start one
    assert states(demo) == [PostState.DRAFT]


def test_after_the_undo_time_it_is_posted(demo: Services, make_shell: Callable[..., Shell], qtbot, idle) -> None:
    demo.settings.set("send_delay", 1)
    shell = make_shell(demo)
    write(shell)
    qtbot.keyClick(shell.window.compose.editor, Qt.Key.Key_Enter, CTRL)  # the keypad's Enter too
    assert shell.undo_send.pending
    qtbot.waitUntil(lambda: states(demo) == [PostState.SENT], timeout=10_000)
    idle(shell)
    assert not shell.undo_send.bar.isVisible()
    assert shell.window.compose.editor.toPlainText() == ""


def test_switching_persona_during_the_undo_time_sends_nothing(demo: Services, make_shell: Callable[..., Shell],
                                                              qtbot, idle) -> None:
    demo.settings.set("send_delay", 1)
    shell = make_shell(demo)
    write(shell)
    qtbot.keyClick(shell.window.compose.editor, Qt.Key.Key_Return, CTRL)
    shell.controller.set_active(demo.store.persona("metal").uid)
    assert not shell.undo_send.pending
    assert "switched persona" in shell.window.compose.status.text()
    idle(shell)
    assert not shell.undo_send.counting_down  # nothing is left to send it
    assert states(demo) == [PostState.DRAFT]
    shell.controller.set_active(demo.store.persona("career").uid)
    assert shell.window.compose.editor.toPlainText() == TEXT


def test_ctrl_shift_enter_opens_the_schedule_dialog(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo, show=False)
    attach_scheduling(shell)
    shell.window.show()
    shell.window.activateWindow()  # shortcuts act in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell.window, timeout=5000)
    write(shell)
    seen: list[QWidget] = []

    def close_it(dialog: QWidget) -> None:
        seen.append(dialog)
        dialog.reject()  # type: ignore[attr-defined]

    when_shown(QApplication.activeModalWidget, close_it)
    qtbot.keyClick(shell.window.compose.editor, Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(seen[0], ScheduleDialog)


def test_ctrl_n_keeps_the_draft_in_the_history_and_empties_the_box(demo: Services,
                                                                   make_shell: Callable[..., Shell], qtbot,
                                                                   idle) -> None:
    shell = make_shell(demo)
    write(shell)
    shell.window.compose.flush()
    idle(shell)  # the autosave's history refresh is done (QA #5b: the user typed, paused, then Ctrl+N)
    assert TEXT not in [p.text for p in shell.window.history.posts()]  # in the box, not the history
    shell.window.new_draft_action.trigger()
    idle(shell)
    assert shell.window.compose.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: TEXT in [p.text for p in shell.window.history.posts()], timeout=5000)
    assert "history" in shell.window.compose.status.text()
    assert shell.window.new_draft_action.shortcut().toString() == "Ctrl+N"


def test_ctrl_f_searches_the_history(demo: Services, make_shell: Callable[..., Shell], qtbot, idle) -> None:
    shell = make_shell(demo)
    idle(shell)
    window = shell.window
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    window.search_action.trigger()
    assert window.focusWidget() is window.history_search
    qtbot.keyClicks(window.history_search, "vinyl")
    assert [p.persona_name for p in window.history.visible_posts()] == ["metal"]
    window.history_search.clear()
    assert len(window.history.visible_posts()) == 2


def test_ctrl_digit_switches_persona(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    actions = shell.window.persona_group.actions()
    assert [a.shortcut().toString() for a in actions] == ["Ctrl+1", "Ctrl+2"]
    actions[1].trigger()
    assert shell.controller.active.name == "metal"


def failed_post(demo: Services) -> None:
    career = demo.store.persona("career")
    dup = demo.outbox.create(career.uid, "Your network is the people who have seen you do good work. "
                                         "Make that list longer every month.")
    demo.poster.send(dup.id)  # the sandbox refuses duplicate text: Failed


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagateSizeHints)")  # a popup
def test_every_history_action_has_a_button_and_a_key(demo: Services, make_shell: Callable[..., Shell], qtbot,
                                                     idle) -> None:
    failed_post(demo)
    shell = make_shell(demo)
    idle(shell)
    history, bar = shell.window.history, shell.window.history_actions
    assert bar.empty.isVisible() and not bar.buttons
    row = next(i for i, p in enumerate(history.posts()) if p.state is PostState.FAILED)
    history.setCurrentRow(row)
    names = list(bar.buttons)
    assert names == [name for name, _label, _fn in shell.window.post_actions.actions_for(history.current_post())]
    assert {"retry", "edit", "delete", "copyText"} <= set(names)
    assert all(b.accessibleName() for b in bar.buttons.values())
    # The Menu key (and Shift+F10) opens the same actions as a right-click.
    menus: list[QMenu] = []
    when_shown(QApplication.activePopupWidget, menus.append)
    history.setFocus()
    qtbot.keyClick(history, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: bool(menus), timeout=3000)
    assert isinstance(menus[0], QMenu) and {a.objectName() for a in menus[0].actions()} >= {"retry", "delete"}
    menus[0].close()
    # Delete asks before it deletes.
    qtbot.keyClick(history, Qt.Key.Key_Delete)
    box = shell.window.post_actions.box
    assert box is not None and box.isVisible() and box.text() == "Delete this post of career (Failed)?"
    box.reject()
    # The bar's height does not change with the selection: nothing below it moves.
    height = bar.height()
    history.setCurrentItem(None)
    QApplication.processEvents()
    assert bar.height() == height


def tab_path(start: QWidget, steps: int) -> list[QWidget]:
    """Where Tab goes from ``start``: Qt's focus chain, keeping the widgets Tab can stop on."""
    out: list[QWidget] = []
    w = start
    while len(out) < steps:
        w = w.nextInFocusChain()
        if w is start:
            break
        if (w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isVisible() and w.isEnabled():
            out.append(w)
    return out


def test_tab_goes_from_the_text_to_post_then_the_other_ways_to_send(demo: Services,
                                                                    make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo, show=False)
    ui = attach_scheduling(shell)  # as the app does: before the window is first shown
    shell.window.show()
    write(shell)
    compose = shell.window.compose
    path = tab_path(compose.editor, 8)
    # Image… and + Thread, under the text, came last, after the history and an empty stop (the thread's scroll
    # area, which shows nothing of its own): now right after the ways to send
    assert path == [compose.post_button, ui.compose.schedule_button, ui.compose.queue_button,
                    compose.image_button, compose.thread_button, shell.guard.meter.sensitivity,
                    shell.window.history_search, shell.window.history]
    for widget in path[:-1]:
        assert widget.accessibleName() or getattr(widget, "text", lambda: "")(), widget
    assert tab_path(shell.window.persona_list, 2) == [compose.persona_combo, compose.editor]
    assert not [w for w in tab_path(compose.editor, 40) if isinstance(w, QScrollArea)]



def test_tab_goes_through_a_threads_parts_before_the_ways_to_send(demo: Services,
                                                                  make_shell: Callable[..., Shell]) -> None:
    """With a second part added (+ Thread, or Ctrl+Shift+N), Tab from the first part's text went to Image…, the
    history and the whole schedule panel before it reached the second part, its buttons and Post: new parts join
    Qt's focus chain at its end. Each part's text is now followed by its own buttons, then the next part, then
    "+ Add a post", then the ways to send."""
    shell = make_shell(demo, show=False)
    ui = attach_scheduling(shell)
    shell.window.show()
    write(shell, "Five questions to ask at the end of every interview.")
    compose = shell.window.compose
    second = compose.thread.add_part(text="And what the answers tell you about the team.")
    QApplication.processEvents()
    first_box, second_box = compose.thread.boxes
    enabled = [b for b in first_box.buttons.values() if b.isEnabled()]
    then = [b for b in second_box.buttons.values() if b.isEnabled()]
    assert tab_path(compose.editor, len(enabled) + len(then) + 5) == [
        *enabled, second, *then, compose.thread.add_button, compose.post_button, ui.compose.schedule_button,
        ui.compose.queue_button]
    assert tab_path(shell.window.persona_list, 2) == [compose.persona_combo, compose.editor]


def test_tab_goes_from_a_selected_post_to_its_actions(demo: Services, make_shell: Callable[..., Shell],
                                                    idle) -> None:
    """Tab from a post picked in the history went through the schedule dock (its filter, pause, list, calendar,
    the inbox) before it reached that post's buttons, under the history: they now come right after it."""
    failed_post(demo)
    shell = make_shell(demo, show=False)
    attach_scheduling(shell)  # as the app does: before the window is first shown
    shell.window.show()
    idle(shell)
    history, bar = shell.window.history, shell.window.history_actions
    for state in (PostState.FAILED, PostState.SENT):  # each selection makes its own buttons
        history.setCurrentRow(next(i for i, p in enumerate(history.posts()) if p.state is state))
        QApplication.processEvents()
        idle(shell)
        buttons = [b for b in bar.buttons.values() if b.isEnabled()]
        assert tab_path(history, len(buttons)) == buttons, state


def test_an_empty_history_does_not_ask_to_select_a_post(services: Services, make_shell: Callable[..., Shell],
                                                         qtbot, idle) -> None:
    """With no post at all the bar under the history said "Select a post to see what you can do with it.":
    there was nothing to select. It says what will be there instead; once a post is listed, to select it."""
    services.store.add_persona(Persona(name="career", description="Careers and hiring"))
    shell = make_shell(services)
    idle(shell)
    bar = shell.window.history_actions
    assert shell.window.history.count() == 0
    assert bar.empty.isVisible()
    assert bar.empty.text() == "No posts yet: a post's actions (retry, edit…) show here when you select it."
    post = services.outbox.create(services.store.persona("career").uid, "sent, then failed")
    services.outbox.transition(post.id, PostState.FAILED, error="refused")
    qtbot.waitUntil(lambda: shell.window.history.count() == 1, timeout=5000)
    assert bar.empty.text() == "Select a post to see what you can do with it."
    shell.window.history_search.setText("no such words")  # a search that hides every post: nothing to select
    assert bar.empty.text() == "No post matches the search."
    shell.window.history_search.clear()
    assert bar.empty.text() == "Select a post to see what you can do with it."


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_menu_item_has_a_mnemonic_of_its_own(demo: Services, make_shell: Callable[..., Shell], qapp,
                                                   language: str) -> None:
    """Alt+F then S went to "Search the history" and "Settings…" in turn (both &S), and nothing in the Schedule
    menu (Schedule, Calendar…, Inbox, Pause all posting, Missed posts…) nor Connect account… had a letter, so
    the keyboard reached them only by arrows. The personas (Ctrl+1, Ctrl+2 …) are named by the user: left out."""
    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, language) == language
        shell = make_shell(demo, show=False)
        attach_scheduling(shell)
        shell.window.show()
        tops: dict[str, str] = {}
        for top in shell.window.menuBar().actions():
            letter = mnemonic(top.text())
            assert letter and letter not in tops, (top.text(), tops)
            tops[letter] = top.text()
            letters: dict[str, str] = {}
            for action in top.menu().actions():
                if action.isSeparator() or action.actionGroup() is shell.window.persona_group:
                    continue
                letter = mnemonic(action.text())
                assert letter, f"{top.text()} ▸ {action.text()} has no mnemonic"
                assert letter not in letters, f"{top.text()}: {action.text()!r} and {letters[letter]!r} share &{letter}"
                letters[letter] = action.text()
    finally:
        i18n.uninstall(qapp)


def test_searching_the_history_finds_a_post_older_than_the_ones_listed(demo: Services,
                                                                      make_shell: Callable[..., Shell], qtbot,
                                                                      idle) -> None:
    """The history lists the newest 200 posts, and Ctrl+F searched only those: with 10,000 posts sent, a search for
    a post from last spring found nothing (bench/long-history). A search now looks through every post."""
    from datetime import timedelta

    from personamgr.core.outbox import PostState
    from personamgr.gui.history import HISTORY_LIMIT

    career = demo.store.persona("career")
    old = demo.outbox.create(career.uid, "Vinyl pressing plants are hiring again", state=PostState.SENT)
    for k in range(HISTORY_LIMIT):
        demo.clock.advance(timedelta(minutes=1))  # type: ignore[attr-defined]
        demo.outbox.create(career.uid, f"Newer post {k}", state=PostState.SENT)
    shell = make_shell(demo)
    idle(shell)
    assert old.id not in [p.id for p in shell.window.history.posts()]  # past the newest 200
    shell.window.search_action.trigger()
    qtbot.keyClicks(shell.window.history_search, "pressing plants")
    qtbot.waitUntil(lambda: [p.id for p in shell.window.history.visible_posts()] == [old.id], timeout=5000)
    shell.window.history_search.clear()
    qtbot.waitUntil(lambda: len(shell.window.history.visible_posts()) == HISTORY_LIMIT, timeout=5000)


def test_tab_reaches_the_bars_where_they_show(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:  # type: ignore[no-untyped-def]
    """The bars that come and go in compose joined Qt's focus chain where they were made, not where they show:
    the draft bar over the text ("Switch back to career", "Move it to metal", Dismiss) came after the history and
    its post's buttons, the undo bar's Undo after them too, and the banner's Connect account… over compose after
    the whole window. Each bar's buttons now come where the bar shows: the banner's and the draft bar's before
    the text, Undo right after the ways to send and compose's own."""
    career = demo.store.update_persona(demo.store.persona("career").with_changes(network="x"))
    metal = demo.store.persona("metal")
    shell = make_shell(demo, show=False)
    ui = attach_scheduling(shell)
    shell.window.show()
    window, compose = shell.window, shell.window.compose
    shell.controller.set_active(metal.uid)
    write(shell)
    shell.controller.set_active(career.uid)  # the words stay with metal: the draft bar offers them
    banner = window.connection_banner
    qtbot.waitUntil(lambda: compose.bar.isVisible() and banner.isVisible(), timeout=10_000)
    bar = [b for b in compose.bar.findChildren(QWidget) if b.focusPolicy() & Qt.FocusPolicy.TabFocus and
           b.isVisible() and b.isEnabled()]
    assert len(bar) == 3, bar  # Switch back, Move it here, Dismiss
    assert tab_path(window.persona_list, 3 + len(bar)) == [banner.button, compose.persona_combo, *bar,
                                                           compose.editor]

    shell.controller.set_active(metal.uid)
    qtbot.waitUntil(lambda: compose.editor.toPlainText() == TEXT, timeout=10_000)
    window.activateWindow()
    compose.editor.setFocus()
    qtbot.waitUntil(compose.editor.hasFocus, timeout=5_000)
    QTest.keyClick(compose.editor, Qt.Key.Key_Return, CTRL)  # posts after a few seconds, with Undo
    undo = shell.undo_send.bar.undo_button
    qtbot.waitUntil(undo.isVisible, timeout=5_000)
    path = tab_path(compose.editor, 12)
    assert undo in path and path.index(undo) < path.index(window.history_search), [
        w.objectName() or type(w).__name__ for w in path]
    shell.undo_send.undo()
    assert ui is not None


def test_post_schedule_and_thread_are_in_a_menu_with_their_keys(demo: Services, make_shell: Callable[..., Shell],
                                                                 qtbot) -> None:  # type: ignore[no-untyped-def]
    """Post (Ctrl+Return), Schedule… (Ctrl+Shift+Return) and + Thread (Ctrl+Shift+N) were only in tooltips and
    the F1 list: a user who looks in the menus for what the window can do, or for its keys, did not find them.
    They are now in the Compose menu with their keys shown, each key owned by that one action (no second
    shortcut for it in the window), and still working only where one writes (the keys of the compose box)."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    shell = make_shell(demo, show=False)
    attach_scheduling(shell)
    window = shell.window
    window.show()
    menu = next((a.menu() for a in window.menuBar().actions()
                 if a.menu() is not None and a.text().replace("&", "") == "Compose"), None)
    assert menu is not None, [a.text() for a in window.menuBar().actions()]
    shown = {a.text().replace("&", ""): a.shortcut().toString() for a in menu.actions() if not a.isSeparator()}
    assert shown == {"Post": "Ctrl+Return", "Undo send": "Ctrl+Z", "Schedule…": "Ctrl+Shift+Return",
                     "Add a post to the thread": "Ctrl+Shift+N"}, shown
    owners: dict[str, int] = {}
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            owners[seq.toString()] = owners.get(seq.toString(), 0) + 1
    for shortcut in window.findChildren(QShortcut):
        owners[shortcut.key().toString()] = owners.get(shortcut.key().toString(), 0) + 1
    for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+Shift+Return", "Ctrl+Shift+Enter", "Ctrl+Shift+N"):
        assert owners.get(keys) == 1, (keys, owners.get(keys))
    quit_action = next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == "Quit")
    assert quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)

    write(shell)
    post = next(a for a in menu.actions() if a.text().replace("&", "") == "Post")
    post.trigger()
    assert shell.undo_send.pending and shell.undo_send.bar.isVisible()
    shell.undo_send.undo()
    window.history_search.setFocus()  # away from the compose box, Ctrl+Return posts nothing
    qtbot.waitUntil(window.history_search.hasFocus)
    qtbot.keyClick(window.history_search, Qt.Key.Key_Return, CTRL)
    assert not shell.undo_send.pending and window.compose.post_button.isEnabled()
    thread = next(a for a in menu.actions() if a.text().replace("&", "") == "Add a post to the thread")
    thread.trigger()
    assert window.compose.thread.is_thread() and len(window.compose.thread.boxes) == 2


def compose_menu(window: QWidget) -> dict[str, QAction]:
    """The Compose menu's actions by what they say."""
    menu = next(a.menu() for a in window.menuBar().actions()  # type: ignore[attr-defined]
                if a.menu() is not None and a.menu().objectName() == "composeMenu")
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def test_compose_menus_post_and_schedule_follow_the_buttons_and_say_why(demo: Services,
                                                                       make_shell: Callable[..., Shell],
                                                                       idle) -> None:
    """With nothing in the box, Post and Schedule… were greyed out but Compose ▸ Post and Compose ▸ Schedule…
    were offered (and did nothing). The menu follows the compose box's one verdict on what can be sent now, the
    buttons' too, and a greyed-out item says why in its status tip."""
    from personamgr.core.networks.accounts import NOT_CONNECTED

    shell = make_shell(demo, show=False)
    ui = attach_scheduling(shell)
    window = shell.window
    window.show()
    idle(shell)
    compose = window.compose
    actions = compose_menu(window)
    post, schedule = actions["Post"], actions["Schedule…"]

    def follow(why_post: str, why_schedule: str) -> None:
        assert (post.isEnabled(), schedule.isEnabled()) == (not why_post, not why_schedule), (why_post, why_schedule)
        assert post.isEnabled() == compose.post_button.isEnabled()
        assert schedule.isEnabled() == ui.compose.schedule_button.isEnabled() == ui.compose.queue_button.isEnabled()
        if why_post:
            assert post.statusTip() == why_post
        if why_schedule:
            assert schedule.statusTip() == why_schedule

    write(shell, "")
    nothing = "Nothing to send yet: write the post first."
    follow(nothing, nothing)
    write(shell, TEXT)
    follow("", "")
    assert post.statusTip() and post.statusTip() != nothing and schedule.statusTip() != nothing
    write(shell, "word " * 70)
    too_long = "Too long for career: shorten it, or split it into a thread."
    follow(too_long, too_long)
    write(shell, TEXT)
    compose.set_account_state(demo.store.persona("career").uid, NOT_CONNECTED)
    follow("career is not connected to an account yet: connect it to post now (Persona ▸ Connect account…).", "")
    post.trigger()
    assert not shell.undo_send.pending


def test_a_post_waiting_to_go_out_cannot_be_made_a_thread_from_the_menu(demo: Services,
                                                                         make_shell: Callable[..., Shell],
                                                                         idle) -> None:
    """Seen under Xvfb: during a post's undo seconds Compose ▸ Add a post to the thread (Ctrl+Shift+N) was still
    offered, though the "+ Thread" button was greyed: choosing it added an empty part 2 to the post on its way
    ("Part 2 is empty: write it or delete it." under "Sending in 4 s"). The menu item follows the box: not while
    the post may not change, and again once it may."""
    demo.settings.set("send_delay", 30)  # the most: the post waits while the test looks at the menu
    shell = make_shell(demo)
    window = shell.window
    actions = compose_menu(window)
    thread_part = actions["Add a post to the thread"]
    write(shell)
    assert thread_part.isEnabled()
    actions["Post"].trigger()
    assert shell.undo_send.pending
    assert not thread_part.isEnabled()
    thread_part.trigger()  # as the menu or the key would, were it offered
    assert not window.compose.thread.is_thread()
    actions["Undo send"].trigger()
    idle(shell)
    assert thread_part.isEnabled()


def test_undo_send_is_in_the_compose_menu_while_a_post_waits(demo: Services, make_shell: Callable[..., Shell],
                                                            idle) -> None:
    """Ctrl+Z takes back a post in its seconds before it goes out, but no menu said so: a user could not find it.
    Compose ▸ Undo send shows the key, and is offered only while a post is waiting to go out."""
    demo.settings.set("send_delay", 30)  # the most: the post waits while the test looks at the menu
    shell = make_shell(demo)
    window, undo = shell.window, shell.undo_send
    actions = compose_menu(window)
    undo_send = actions["Undo send"]
    assert undo_send.shortcut().toString() == "Ctrl+Z"
    assert not undo_send.isEnabled() and undo_send.statusTip() == "No post is about to go out."
    write(shell)
    actions["Post"].trigger()
    assert undo.pending and undo_send.isEnabled()
    undo_send.trigger()
    assert not undo.pending and not undo_send.isEnabled()
    assert window.compose.editor.toPlainText() == TEXT and not window.compose.editor.isReadOnly()
    idle(shell)
    assert states(demo) == [PostState.DRAFT]
