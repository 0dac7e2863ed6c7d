"""Compose: the weighted counter, its red state, the Post button, and posting through a worker."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from personamgr.core.networks.base import Account, OutgoingPost, Published
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import PostState
from personamgr.core.services import Services
from personamgr.core.text import weighted_length
from personamgr.gui import theme
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui


class GatedSandbox(SandboxNetwork):
    """The real sandbox, except that publishing waits until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__(None)
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.threads: list[threading.Thread] = []

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        self.threads.append(threading.current_thread())
        self.entered.set()
        assert self.gate.wait(30), "the test never opened the gate"
        return super().publish(account, post)


def type_text(qtbot, shell: Shell, text: str) -> None:
    shell.window.compose.editor.setFocus()
    shell.window.compose.editor.insertPlainText(text)


def test_counter_is_xs_weighted_length(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    assert compose.counter.text() == "0 / 280"
    text = "Read this: https://example.com/a/very/long/path/that/is/much/longer/than/23 日本語 👩‍💻"
    type_text(qtbot, shell, text)
    expected = weighted_length(text)
    assert expected != len(text)  # the URL, the CJK and the emoji are weighted, so this checks the weighting
    assert compose.counter.text() == f"{expected} / 280"
    assert not compose.counter.property("tooLong")
    assert compose.post_button.isEnabled()


def test_counter_turns_red_and_post_is_disabled_past_the_limit(demo: Services, make_shell: Callable[..., Shell],
                                                               qtbot) -> None:
    shell = make_shell(demo)
    compose = shell.window.compose
    type_text(qtbot, shell, "x" * 280)
    assert compose.counter.text() == "280 / 280"
    assert compose.post_button.isEnabled()
    assert compose.counter.property("tone") != "strong-error"
    qtbot.keyClick(compose.editor, Qt.Key.Key_Y)
    assert compose.counter.text() == "281 / 280"
    assert compose.counter.property("tooLong") is True
    assert compose.counter.property("tone") == "strong-error"
    drawn = compose.counter.palette().color(compose.counter.foregroundRole())
    assert drawn == theme.colour("error"), drawn.name()  # the theme's red, light or dark
    assert not compose.post_button.isEnabled()
    assert "Too long for career" in compose.status.text()
    # Ctrl+Return does nothing while it is too long.
    qtbot.keyClick(compose.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert demo.outbox.in_states([PostState.SENDING]) == []
    assert len(demo.outbox.in_states([PostState.SENT])) == 2  # the demo's two, nothing new


def test_premium_persona_gets_the_long_limit(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    career = demo.store.persona("career")
    demo.store.update_persona(career.with_changes(premium=True))
    shell = make_shell(demo)
    type_text(qtbot, shell, "x" * 300)
    assert shell.window.compose.counter.text() == "300 / 25,000"
    assert shell.window.compose.post_button.isEnabled()


def test_empty_or_blank_text_cannot_be_posted(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo)
    assert not shell.window.compose.post_button.isEnabled()
    type_text(qtbot, shell, "   \n  ")
    assert not shell.window.compose.post_button.isEnabled()


def test_post_runs_in_a_worker_and_the_history_shows_it_sent(demo: Services, make_shell: Callable[..., Shell],
                                                             qtbot, idle) -> None:
    gated = GatedSandbox()
    demo.networks["sandbox"] = gated
    shell = make_shell(demo)
    compose = shell.window.compose
    text = "Three things recruiters look for in the first minute of an interview."
    type_text(qtbot, shell, text)
    qtbot.mouseClick(compose.post_button, Qt.MouseButton.LeftButton)
    # The network is blocked, yet this (GUI) thread carries on: the post is in flight, the text still shown.
    qtbot.waitUntil(gated.entered.is_set, timeout=10_000)  # the draft is saved in a worker, then sent in one
    assert gated.threads[0] is not threading.main_thread()
    assert compose.post_button.text() == "Posting…"
    assert not compose.post_button.isEnabled()
    assert compose.editor.isReadOnly()
    assert compose.editor.toPlainText() == text
    qtbot.waitUntil(lambda: any(p.state is PostState.SENDING for p in shell.window.history.posts()), timeout=5000)
    gated.gate.set()
    qtbot.waitUntil(lambda: compose.editor.toPlainText() == "", timeout=10_000)
    qtbot.waitUntil(lambda: shell.window.history.posts()[0].state is not PostState.SENDING, timeout=10_000)
    newest = shell.window.history.posts()[0]
    assert (newest.text, newest.persona_name, newest.state) == (text, "career", PostState.SENT)
    assert newest.remote_url and newest.remote_url.startswith("sandbox://career_me/status/")
    assert [e.text for e in gated.timeline()] == [text]
    assert compose.status.text() == "Sent as career."
    assert not compose.editor.isReadOnly()


def test_ctrl_return_posts(demo: Services, make_shell: Callable[..., Shell], qtbot, idle) -> None:
    demo.settings.set("send_delay", 0)  # no undo time (tests/gui/test_gui_keyboard.py covers it)
    shell = make_shell(demo)
    shell.window.activateWindow()
    type_text(qtbot, shell, "Salary bands are finally public at more companies.")
    qtbot.keyClick(shell.window.compose.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shell.window.compose.editor.toPlainText() == "", timeout=10_000)
    idle(shell)
    sent = demo.outbox.history(demo.store.persona("career").uid)[0]
    assert (sent.text, sent.state) == ("Salary bands are finally public at more companies.", PostState.SENT)


def test_a_refused_post_shows_why_and_keeps_its_text(demo: Services, make_shell: Callable[..., Shell], qtbot,
                                                     idle) -> None:
    shell = make_shell(demo)
    # The demo already published this exact text as career: the sandbox refuses duplicates, like X.
    duplicate = "Your network is the people who have seen you do good work. Make that list longer every month."
    type_text(qtbot, shell, duplicate)
    qtbot.mouseClick(shell.window.compose.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window.history.posts()[0].text == duplicate
                    and shell.window.history.posts()[0].state is PostState.FAILED, timeout=10_000)
    newest = shell.window.history.posts()[0]
    assert newest.text == duplicate
    assert "duplicate content" in (newest.error or "")
    assert "Failed" in shell.window.compose.status.text()


def test_a_post_in_arabic_or_hebrew_reads_from_the_right(demo: Services, make_shell: Callable[..., Shell]) -> None:
    """A post written in Arabic sat at the box's left edge, its first word in the middle of the box, and the
    cursor started there: the box's paragraphs now start at the edge their own script starts from."""
    shell = make_shell(demo)
    editor = shell.window.compose.editor
    for text, starts_right in (("مرحبا بالعالم! هذا منشور عن الكتب", True), ("שלום עולם, פוסט על ספרים", True),
                               ("Hello world, a post about books", False), ("«¡Hola!» un post sobre libros", False)):
        editor.setPlainText(text)
        cursor = editor.textCursor()
        cursor.setPosition(0)
        editor.setTextCursor(cursor)
        width = editor.viewport().width()
        x = editor.cursorRect().x()
        assert (x > width * 3 // 4) if starts_right else (x < width // 4), (text, x, width)


class DiskFillingSandbox(SandboxNetwork):
    """The real sandbox, on a profile whose disk fills up just as a post is about to be taken for sending."""

    def __init__(self, small_fs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(None)
        self.small_fs = small_fs

    @property
    def needs_credentials(self) -> bool:  # read by the poster just before it takes the post
        if threading.current_thread().name == "worker:post":  # the window's banner reads it too, on its own worker
            self.small_fs.fill()
        return False


def test_a_disk_that_fills_as_a_post_goes_out_is_said_in_words_and_the_text_kept(
        make_shell: Callable[..., Shell], qtbot, idle, *, small_fs, clock, fail_secrets) -> None:  # type: ignore[no-untyped-def]
    """Post with the profile's disk filling just then said "Could not post: (sqlite3.OperationalError) database or
    disk is full [SQL: UPDATE posts SET …]. Your text is kept.": SQLite's text and the query. It says the fault in
    words; the post is still there to send once space is freed."""
    from personamgr.core.demo import seed_demo
    from personamgr.core.paths import AppPaths
    from personamgr.core.services import open_services

    services = open_services(AppPaths.resolve(small_fs.root / "profile"), secrets=fail_secrets, clock=clock)
    try:
        seed_demo(services)
        services.networks["sandbox"] = DiskFillingSandbox(small_fs)
        services.settings.set("send_delay", 0)
        shell = make_shell(services)
        compose = shell.window.compose
        words = "Ask every interviewer what the first ninety days look like."
        type_text(qtbot, shell, words)
        qtbot.mouseClick(compose.post_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Could not post" in compose.status.text(), timeout=10_000)
        text = compose.status.text()
        small_fs.free()
        idle(shell)
        assert "sqlite3" not in text and "SQL" not in text and "OperationalError" not in text, text
        assert text == (f"Could not post: the disk holding {small_fs.root / 'profile' / 'data'} is full, so "
                        "personamgr could not write to it. Free some space and try again; what was saved before is "
                        "intact. Your text is kept."), text
        assert words in [p.text for p in services.outbox.in_states([PostState.DRAFT])]
    finally:
        small_fs.free()
        services.close()
