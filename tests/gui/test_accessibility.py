"""Every interactive widget on every screen has a name a screen reader can say; the fit meter and the warnings
change their accessible description when they change."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from image_files import png
from keyring_doubles import MemoryKeyring
from PySide6.QtWidgets import QApplication, QWidget
from shell_helpers import wait_idle

from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.scheduling import PostSchedule
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services
from personamgr.gui.a11y import unnamed
from personamgr.gui.app import Shell
from personamgr.gui.app_instance import take_over_box
from personamgr.gui.connect_accounts import AccountConnectDialog
from personamgr.gui.connect_dialog import ConnectDialog
from personamgr.gui.guard_widgets import GuardDialog
from personamgr.gui.missed_dialog import MissedDialog
from personamgr.gui.part_in_doubt import doubt_box
from personamgr.gui.post_editor import PostEditorDialog
from personamgr.gui.schedule_dialog import ScheduleDialog
from personamgr.gui.scheduling_ui import SchedulingUi, attach_scheduling

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise|grabbing)")]


def screens(shell: Shell, services: Services) -> Iterator[tuple[str, QWidget]]:
    """Every screen of the app, built as the user reaches it."""
    window = shell.window
    ui = attach_scheduling(shell)
    window.show()
    yield "main window", window
    yield "tray menu", shell.tray.menu
    yield "schedule panel", ui.queue
    window.compose.bar.show()
    yield "draft bar", window.compose.bar
    shell.guard.learn.show()
    shell.guard.warning.show_reasons("This may not belong on career.", ["It touches guitars."], "metal")
    yield "guard warning and learn bar", window.compose
    yield "settings", shell.preferences.open_dialog()
    yield "shortcuts", shell.help.show_shortcuts()
    yield "about", shell.help.about()
    career = services.store.persona("career")
    yield "persona editor", window.personas.edit_persona(career.uid)
    yield "new persona", window.personas.new_persona()
    yield "schedule dialog", ScheduleDialog(career, services.clock, parent=window)
    yield "missed posts", MissedDialog(ui.bridge, window)
    post = services.outbox.create(career.uid, "A scheduled post to edit.")
    yield "edit a post", PostEditorDialog(services.outbox.get(post.id), shell.controller, shell.workers,
                                          guard_loader=None, parent=window)
    review = services.outbox.create(career.uid, "Did this go out?")
    assert services.outbox.update_if(review.id, [PostState.DRAFT], state=PostState.NEEDS_REVIEW.value)
    window.post_actions.send_again(services.outbox.get(review.id))
    yield "send again", window.post_actions.box
    yield "guard question", GuardDialog("post", "career", ["It touches guitars."], "metal", hard=False,
                                        parent=window)
    x = services.store.add_persona(Persona(name="founder", topics=("startups",), network="x"))
    yield "connect X", ConnectDialog(services, shell.workers, x, parent=window)
    yield "insights", window.open_insights()
    source = services.paths.data / "import-example.toml"
    source.write_text('[[persona]]\nname = "career"\ndescription = "Careers and hiring for people over 40"\n\n'
                      '[[persona]]\nname = "chef"\ndescription = "Weeknight cooking"\n', encoding="utf-8")
    importer = window.personas.importer
    importer.import_from(source)
    wait_idle(shell)
    assert importer.preview is not None
    yield "import preview", importer.preview
    yield "calendar", ui.open_calendar()
    for network, server in (("mastodon", "https://fosstodon.org"), ("bluesky", "https://bsky.social")):
        persona = services.store.add_persona(Persona(name=f"on {network}", topics=("synths",), network=network,
                                                     server=server))
        yield f"connect {network}", AccountConnectDialog(services, shell.workers, persona, open_url=lambda _url: None,
                                                          parent=window)
    on_mastodon = services.store.persona("on mastodon")  # its server, visibility and content warning rows
    yield "persona editor on mastodon", window.personas.edit_persona(on_mastodon.uid)
    yield from questions(shell, services, ui)


def questions(shell: Shell, services: Services, ui: SchedulingUi) -> Iterator[tuple[str, QWidget]]:
    """The questions whose buttons are made by hand ("Delete career", "Undo import", "Quit anyway" ...), as the
    user reaches them: their buttons had no Alt-letter, and no screen above showed one."""
    window = shell.window
    career = services.store.persona("career")
    window.personas.delete_persona(services.store.persona("metal").uid)
    wait_idle(shell)
    yield "delete persona", window.personas.box
    window.personas.delete_persona(career.uid)  # a post of it may be out: said, not asked
    wait_idle(shell)
    yield "a persona kept", window.personas.box
    post = services.outbox.create(career.uid, "A draft to delete.")
    window.post_actions.delete(services.outbox.get(post.id))
    yield "delete post", window.post_actions.box
    window.personas.importer._confirm_undo({"file": "personas.toml", "added": ["chef"], "updated": ["career"]})
    yield "undo import", window.personas.importer.box
    thread = services.outbox.create(career.uid, "Part one.", thread=["Part one.", "Part two."])
    box, _there, _missing = doubt_box(window, services.outbox.get(thread.id), 2, "@career_me", "partInDoubt")
    yield "part in doubt", box
    yield "no queue slots", ui.compose.offer_slots(career, lambda: None)
    yield "connect in the demo", window._no_accounts_in_demo("The demo connects no account.")
    shell.tray_available = True  # the question offers the tray too
    shell.quit_flow._ask(2, offer_daemon=True, can_tray=True)
    yield "quit with posts scheduled", shell.quit_flow.box
    yield from later_questions(shell, services)


def shown(box: QWidget | None, name: str) -> QWidget:
    """``box``, the question just opened (not a closed one kept from before)."""
    assert box is not None and box.isVisible() and box.objectName() == name, (box, name)
    return box


def later_questions(shell: Shell, services: Services) -> Iterator[tuple[str, QWidget]]:
    """Questions the walk missed: Quit with a post not gone out yet, the daemon's take-over, ending a thread where
    it is, and images without alt text."""
    window, compose = shell.window, shell.window.compose
    compose.editor.setPlainText("Counter-offers: take a day, ask what changed, then decide.")
    shell.undo_send.request()
    assert shell.undo_send.pending
    shell.quit_flow.request()  # asks at once, and the countdown waits meanwhile
    yield "quit with a post not gone out yet", shown(shell.quit_flow.box, "quitPendingPost")
    shell.undo_send.undo()  # closed by the walk (Cancel), the countdown went on
    assert services.paths is not None
    yield "daemon take-over", take_over_box(services.paths, {"pid": 4242})
    career = services.store.persona("career")
    thread = services.outbox.create(career.uid, "Part one.", thread=("Part one.", "Part two.", "Part three."))
    services.outbox.update_if(thread.id, None, state=PostState.FAILED.value, remote_ids=["1850000000000000099"],
                              network="sandbox")
    window.post_actions.stop(services.outbox.get(thread.id))
    yield "end the thread", shown(window.post_actions.box, "postQuestion")
    compose.thread.add_images([png(services.paths.data / "office.png")], 0)
    wait_idle(shell)
    assert len(compose.thread.media) == 1
    compose.post()
    yield "images without alt text", shown(compose.alt_question, "altNudge")
    if compose.thread.alt_dialog is not None:  # closing the question is Add alt text: its dialog opened
        compose.thread.alt_dialog.reject()


def on_every_screen(services: Services, make_shell: Callable[..., Shell], idle,  # type: ignore[no-untyped-def]
                    check: Callable[[QWidget], list[str]]) -> list[str]:
    """What ``check`` finds on each of the 34 screens, a line each, named by the screen (one post queued, so the
    Schedule panel and its dialogs have something to show)."""
    PostSchedule(services.store, services.outbox, services.clock).create(services.store.persona("career").uid,
                                                                         "queued")
    shell = make_shell(services, show=False)
    found: list[str] = []
    seen = []
    for name, screen in screens(shell, services):
        idle(shell)
        QApplication.processEvents()
        seen.append(name)
        found += [f"{name}: {line}" for line in check(screen)]
        if screen is not shell.window and hasattr(screen, "close"):
            screen.close()
    assert len(seen) == 34, seen
    return found


@pytest.fixture
def keyed(demo: Services) -> Services:
    demo.secrets = SecretStore(MemoryKeyring(), timeout=5)
    return demo


def test_every_interactive_widget_on_every_screen_has_a_name(keyed: Services, make_shell: Callable[..., Shell],
                                                             idle) -> None:
    missing = on_every_screen(keyed, make_shell, idle, unnamed)
    assert not missing, "widgets a screen reader cannot name:\n" + "\n".join(missing)


def test_the_fit_meter_and_warnings_describe_what_changed(demo: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(demo)
    meter, warning = shell.guard.meter, shell.guard.warning
    meter.set_result("fits career · 0.91", 0.91, 0.5, colour="success", tip="", state="fits")
    assert meter.accessibleDescription() == "fits career · 0.91"
    meter.set_result("strays from career · 0.12", 0.12, 0.5, colour="warning", tip="", state="strays")
    assert meter.accessibleDescription() == "strays from career · 0.12"
    warning.show_reasons("This may not belong on career.", ["It touches “guitars”."], "metal")
    assert "This may not belong on career." in warning.accessibleDescription()
    assert "guitars" in warning.accessibleDescription()
    compose = shell.window.compose
    compose.say("Sent as career.")
    assert compose.status.accessibleDescription() == "Sent as career."


def test_history_rows_are_read_with_their_state(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    idle(shell)
    history = shell.window.history
    from PySide6.QtCore import Qt

    texts = [history.item(i).data(Qt.ItemDataRole.AccessibleTextRole) for i in range(history.count())]
    assert texts and all(t.split(": ")[0].endswith(PostState.SENT.label) for t in texts)


def test_the_welcome_is_named(services: Services, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(services, demo=False)  # no persona yet: the welcome page
    assert shell.window.first_run
    assert not unnamed(shell.window), unnamed(shell.window)


def test_the_bars_that_come_and_go_are_named(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)
    shell.window.compose.editor.setPlainText("Counter-offers: take a day, then decide.")
    shell.undo_send.request()  # "Sending in 5 s · Undo"
    idle(shell)
    shell.window.history.setCurrentRow(0)  # the post's actions under the history
    assert shell.undo_send.bar.isVisible() and shell.window.history_actions.buttons
    assert not unnamed(shell.window), unnamed(shell.window)
    shell.undo_send.undo()


def test_the_limits_say_what_they_limit(demo: Services, make_shell: Callable[..., Shell]) -> None:
    """The persona editor's Limits tab turns a limit on with a check box before its amount: "[ ] Limit to [$ 10.00 a
    month]". The box's label belongs to the row ("Monthly budget"), not to the box, so a screen reader said "Limit
    to, check box" and "At most, check box": to what, it did not say. Each box now says the limit it turns on."""
    from personamgr.gui.a11y import spoken_name

    shell = make_shell(demo)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert spoken_name(editor.budget_check) == "Limit the monthly budget"
    assert spoken_name(editor.cap_check) == "Cap the posts a month"
    editor.close()


def test_the_schedule_panels_filter_has_a_label(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    """On Linux a screen reader names a combo box by its label (the label's buddy) and otherwise reads its value:
    the Schedule panel's filter was heard as 'All personas, combo box', what it chose never said (its accessible
    name goes unread for a combo box). It now has a label beside it, whose buddy it is."""
    from PySide6.QtGui import QAccessible

    shell = make_shell(demo, show=False)
    ui = attach_scheduling(shell)
    shell.window.show()
    idle(shell)
    iface = QAccessible.queryAccessibleInterface(ui.queue.filter)
    labels = [other.text(QAccessible.Text.Name) for other, _ in iface.relations(QAccessible.Relation.Label)]
    assert labels == ["Show:"], (iface.text(QAccessible.Text.Name), labels)
    assert all(other.object().isVisible() for other, _ in iface.relations(QAccessible.Relation.Label))


def test_a_combo_box_named_only_by_its_value_is_unnamed(qtbot) -> None:  # type: ignore[no-untyped-def]
    """On Linux Qt names a combo box by its current text, whatever its accessible name: the calendar's persona
    filter was heard as "All personas, combo box", what it chooses never said, and the walk over every screen
    took that text for a name. A combo box is named only by a label whose buddy it is."""
    from PySide6.QtWidgets import QComboBox, QVBoxLayout

    from personamgr.gui.a11y import label_for

    page = QWidget()
    qtbot.addWidget(page)
    rows = QVBoxLayout(page)
    bare, named, labelled = QComboBox(), QComboBox(), QComboBox()
    for combo, name in ((bare, "bare"), (named, "named"), (labelled, "labelled")):
        combo.setObjectName(name)
        combo.addItems(["All personas", "career"])
        rows.addWidget(combo)
    named.setAccessibleName("Show the calendar of")  # unread on Linux
    rows.addWidget(label_for(labelled, "Show:"))
    page.show()
    found = unnamed(page)
    assert [line.split("(")[1].split(")")[0] for line in found] == ["bare", "named"], found


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_two_alt_letters_of_one_screen_clash(keyed: Services, make_shell: Callable[..., Shell], idle, qapp,
                                                language: str) -> None:
    """In Spanish the persona editor gave n to three labels and e to three more, so Alt+N went to one of them in
    turn, not where its label said. On every screen, in each language, the labels, buttons, check boxes, group
    titles and tabs that can be in sight together (and the menu bar's titles) each have a letter of their own,
    and each label's letter reaches its buddy."""
    from mnemonics import clashes, without_letters

    from personamgr.gui import i18n

    try:
        assert i18n.install(qapp, language) == language
        found = on_every_screen(keyed, make_shell, idle, lambda screen: clashes(screen) + without_letters(screen))
        assert not found, "Alt-letters that clash:\n" + "\n".join(found)
    finally:
        i18n.uninstall(qapp)


def test_alt_letters_clash_only_where_they_can_be_in_sight_together(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Two labels with one letter on one tab clash, on two tabs they do not (one tab's page is in sight at a time);
    a label whose buddy is hidden, or shows its "&" with no buddy, does not reach anything."""
    from mnemonics import clashes
    from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QTabWidget, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    tabs = QTabWidget()
    QVBoxLayout(window).addWidget(tabs)
    first, second = QWidget(), QWidget()
    tabs.addTab(first, "&Identity")
    tabs.addTab(second, "&Focus")
    rows_1, rows_2 = QVBoxLayout(first), QVBoxLayout(second)
    name, topics, hidden = QLineEdit(), QLineEdit(), QLineEdit()
    rows_1.addWidget(name_label := QLabel("&Name"))
    name_label.setBuddy(name)
    rows_1.addWidget(name)
    rows_1.addWidget(QCheckBox("&Notify me"))
    rows_2.addWidget(topics_label := QLabel("&Notes"))
    topics_label.setBuddy(topics)
    rows_2.addWidget(topics)
    rows_2.addWidget(gone_label := QLabel("&Hidden"))
    gone_label.setBuddy(hidden)
    rows_2.addWidget(hidden)
    hidden.hide()
    rows_2.addWidget(QLabel("&Orphan"))
    rows_2.addWidget(QLabel("Terms &amp; <b>conditions</b>"))
    assert sorted(clashes(window)) == sorted([
        "&n: '&Name' and '&Notify me'",
        "'&Hidden': its buddy QLineEdit() is not in sight with it",
        "'&Orphan' shows its '&' and has no buddy to reach",
    ])


def test_a_question_s_buttons_made_by_hand_get_letters_of_their_own(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each takes the first letter of a word no other button has, else any free letter; a "&" in a name stays a
    plain "&", and a letter the words already carry is kept."""
    from mnemonics import mnemonic
    from PySide6.QtWidgets import QMessageBox

    from personamgr.gui.a11y import with_letters

    box = QMessageBox()
    qtbot.addWidget(box)
    texts = ["Delete R&&D", "Do it later", "Dr", "Keep &it"]
    for text in texts:
        box.addButton(text, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    with_letters(box)
    shown = {b.text().replace("&&", "\0").replace("&", "").replace("\0", "&"): b.text() for b in box.buttons()}
    assert shown == {"Delete R&D": "&Delete R&&D", "Do it later": "Do it &later", "Dr": "D&r",
                     "Keep it": "Keep &it", "Cancel": "&Cancel"}
    letters = [mnemonic(b.text()) for b in box.buttons()]
    assert len(set(letters)) == len(letters)
