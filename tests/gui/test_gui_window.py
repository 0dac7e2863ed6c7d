"""The window with and without a tray; the keyring state; a hanging keyring never freezes the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import locked_keyring
import pytest
from keyring_doubles import BlockingChainKeyring, MemoryKeyring
from net_helpers import assert_waits_by_itself
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimedOut
from shell_helpers import close_shell, wait_idle

from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services
from personamgr.gui.app import TRAY_HINT_KEY, Shell, build_shell

pytestmark = pytest.mark.gui


class NeedsKeysSandbox(SandboxNetwork):
    """The sandbox as a network that needs credentials, like X: posting must read the keyring first."""

    name = "keyed"
    needs_credentials = True


def test_close_with_a_tray_keeps_running_and_says_so_once(demo: Services, make_shell: Callable[..., Shell],
                                                          qtbot) -> None:
    shell = make_shell(demo, tray_available=True)
    with qtbot.assertNotEmitted(shell.window.quitRequested):
        shell.window.close()
    assert not shell.window.isVisible()
    wait_idle(shell)  # remembered in a worker
    assert demo.store.get_setting(TRAY_HINT_KEY) is True
    shell.tray.menu.actions()[-4].trigger()  # "Show window"
    assert shell.window.isVisible()
    with qtbot.assertNotEmitted(shell.window.quitRequested):
        shell.window.close()
    assert not shell.window.isVisible()


@pytest.mark.parametrize("way,hidden", [("Compose…", False), ("Compose…", True), ("Show window", False),
                                        ("Show window", True), ("a click on the icon", True), ("metal", False),
                                        ("metal", True)])
def test_the_tray_opens_the_window_active_with_the_keyboard_in_the_box(
        demo: Services, make_shell: Callable[..., Shell], qtbot, way: str,  # type: ignore[no-untyped-def]
        hidden: bool) -> None:
    """Under X with no window manager (trayer alone), Compose… from the tray showed the window and gave it the X
    focus, but Qt did not take it for the active window after the menu, so its shortcuts (Ctrl+Return to post)
    were dead until something was clicked; Show window left the keyboard in the persona list. A persona chosen in
    the menu (metal) switched to it and left the window where it was, hidden or behind another. Whatever opens the
    window from the tray activates it with the keyboard in the box, and Ctrl+Return posts what is typed (as metal
    when metal was chosen)."""
    shell = make_shell(demo, tray_available=True)
    if hidden:
        shell.window.close()  # to the tray
    elsewhere = QWidget()  # the window the user was in before the tray (another app's, or the tray's menu)
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere)
    if way == "a click on the icon":
        shell.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    elif way == "metal":
        next(a for a in shell.tray.persona_actions() if a.text().startswith("metal")).trigger()
    else:
        next(a for a in shell.tray.menu.actions() if a.text() == way).trigger()
    editor = shell.window.compose.editor

    def ready() -> bool:
        return QApplication.activeWindow() is shell.window and editor.hasFocus()

    try:
        qtbot.waitUntil(ready)
    except WaitTimedOut as e:
        raise AssertionError(f"after {way}: active window {QApplication.activeWindow()}, keyboard in "
                             f"{QApplication.focusWidget()}") from e
    qtbot.keyClicks(QApplication.focusWidget(), "Drop C tuning tonight")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(p.text == "Drop C tuning tonight" for p in demo.outbox.in_states([PostState.SENT])))
    [sent] = [p for p in demo.outbox.in_states([PostState.SENT]) if p.text == "Drop C tuning tonight"]
    assert sent.persona_name == ("metal" if way == "metal" else "career")


def test_close_without_a_tray_quits(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo, tray_available=False)
    assert shell.window.close_to_tray is False
    with qtbot.waitSignal(shell.window.quitRequested, timeout=1000):
        shell.window.close()


def test_tray_quit_asks_to_quit(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    shell = make_shell(demo, tray_available=True)
    with qtbot.waitSignal(shell.tray.quitRequested, timeout=1000):
        shell.tray.menu.actions()[-1].trigger()


def test_no_secure_store_is_visible(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    shell = make_shell(demo)  # tests/conftest.py gives the real fail backend
    idle(shell)
    status = shell.window.keyring_status
    assert status.level == "bad"
    assert status.text.text() == ("No secure credential store — accounts cannot be connected; "
                                  "the sandbox still works")
    assert status.isVisible()
    assert "Secret Service" in status.toolTip()


def test_a_secure_store_is_named(demo: Services, make_shell: Callable[..., Shell], idle) -> None:
    demo.secrets = SecretStore(MemoryKeyring(), timeout=5)
    shell = make_shell(demo)
    idle(shell)
    assert shell.window.keyring_status.level == "ok"
    assert shell.window.keyring_status.text.text().startswith("Credentials:")


@pytest.fixture
def on_locked_keyring(demo: Services, make_shell: Callable[..., Shell], idle, monkeypatch: pytest.MonkeyPatch,
                      missing_real_part: Callable[[str], None]) -> Iterator[tuple[Shell, dict[str, str]]]:
    """The demo's window on a real gnome-keyring whose collection is locked, and that keyring's environment."""
    if not locked_keyring.available():
        missing_real_part("dbus-daemon and gnome-keyring-daemon are needed for a locked Secret Service")
    from keyring.backends.SecretService import Keyring as SecretServiceKeyring

    with locked_keyring.locked_secret_service() as env:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", env["DBUS_SESSION_BUS_ADDRESS"])
        demo.secrets = SecretStore(SecretServiceKeyring(), timeout=5)
        shell = make_shell(demo)
        idle(shell)
        yield shell, env


def test_a_locked_keyring_is_said_to_be_locked_and_to_ask_when_needed(
        on_locked_keyring: tuple[Shell, dict[str, str]]) -> None:
    """The status bar said "Credentials: the Secret Service keyring (GNOME Keyring / KWallet)" while its
    collection was locked: true, but the user then met the password prompt (or a post waiting for it) with no
    warning. A real gnome-keyring, locked; finding that out must not itself bring up the prompt."""
    shell, env = on_locked_keyring
    status = shell.window.keyring_status
    assert status.level == "ok"  # it unlocks on demand: nothing is wrong
    assert status.text.text() == ("Credentials: the Secret Service keyring (GNOME Keyring / KWallet), locked; "
                                  "it asks for its password when needed")
    assert "locked" in status.toolTip() and "asks for its password" in status.toolTip()
    assert locked_keyring.is_locked(env)  # asking did not unlock it, nor prompt


def test_the_keyring_status_follows_an_unlock(on_locked_keyring: tuple[Shell, dict[str, str]], idle, qtbot) -> None:
    """The status bar said "locked" after the user unlocked the keyring, until personamgr was started again: the
    status is asked again while the app runs (on a timer, here made short, and when the app comes to the front).
    A real gnome-keyring, locked, then unlocked with its password."""
    shell, env = on_locked_keyring
    status = shell.window.keyring_status
    assert status.state is not None and status.state.locked
    assert "locked" in status.text.text()
    status.recheck_timer.setInterval(100)
    locked_keyring.unlock(env)
    assert not locked_keyring.is_locked(env)
    qtbot.waitUntil(lambda: status.state is not None and not status.state.locked, timeout=10_000)
    assert status.text.text() == "Credentials: the Secret Service keyring (GNOME Keyring / KWallet)"
    assert "locked" not in status.toolTip()
    idle(shell)


def test_a_hanging_keyring_never_blocks_the_window(demo: Services, make_shell: Callable[..., Shell], qtbot) -> None:
    locked = BlockingChainKeyring()  # even asking which store is in use hangs
    demo.secrets = SecretStore(locked, timeout=1)
    demo.poster.secrets = demo.secrets
    demo.networks["keyed"] = NeedsKeysSandbox(None)
    founder = demo.store.add_persona(Persona(name="founder", handle="@founder_me", topics=("startups",),
                                             network="keyed"))
    demo.store.set_connection_state(founder.uid, "ok", "42")  # connected here: its credentials are read to post
    try:
        # Built directly: the fixture waits for background tasks, and this one is meant to hang.
        shell = build_shell(demo, tray_available=False, demo=True)
        shell.window.quitRequested.disconnect()
        shell.window.show()
        # build_shell returned while the keyring hangs: the check runs elsewhere and says so.
        status = shell.window.keyring_status
        assert status.level == "wait"
        assert "Checking" in status.text.text()
        # The window keeps working meanwhile: switch persona and post from the GUI thread.
        founder = demo.store.persona("founder")
        shell.controller.set_active(founder.uid)
        shell.window.compose.editor.insertPlainText("We shipped!")
        qtbot.mouseClick(shell.window.compose.post_button, Qt.MouseButton.LeftButton)
        assert shell.window.compose.post_button.text() == "Posting…"
        # The keyring gives up after its timeout; the window says what happened; the post keeps its text.
        qtbot.waitUntil(lambda: status.level == "warn", timeout=10_000)
        assert "may be locked" in status.text.text()
        qtbot.waitUntil(lambda: shell.window.compose.post_button.text() == "Post", timeout=10_000)
        post = demo.outbox.history(founder.uid)[0]
        # A keyring that does not answer is temporary: the post waits for another try, not failed.
        assert (post.text, post.state) == ("We shipped!", PostState.SCHEDULED)
        assert "did not answer" in (post.error or "")
        assert_waits_by_itself(post)
    finally:
        locked.release.set()
    close_shell(shell)


# Dialogs on the offscreen platform always say this; there is no window manager to pass size hints to.
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_unreadable_database_is_explained_not_a_traceback(profile_paths, qtbot) -> None:
    from personamgr.core.services import open_services
    from personamgr.gui.app import open_or_explain

    profile_paths.database.write_bytes(b"these are my notes, not a database" * 10)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is not None:
            timer.stop()
            seen.append(box.text())
            box.accept()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(answer)
    timer.start()
    assert open_or_explain(profile_paths, open_services) is None
    timer.stop()
    assert seen and str(profile_paths.database) in seen[0] and "not a personamgr database" in seen[0]
    assert profile_paths.database.read_bytes().startswith(b"these are my notes")  # untouched


def test_the_app_icon_is_the_svg_in_the_checkouts_resources(qtbot) -> None:
    """The editable install reads resources/ in place (tests/install/test_wheel.py checks a wheel's copy)."""
    from pathlib import Path

    import personamgr
    from personamgr.gui.icons import app_icon, app_icon_file

    resources = Path(personamgr.__file__).resolve().parents[1] / "resources"
    assert app_icon_file().is_file() and resources in app_icon_file().parents
    icon = app_icon()
    assert not icon.isNull()
    assert icon.availableSizes() == []  # scalable: the SVG, not the drawn fallback with its fixed sizes


def recovered(*states: PostState) -> list[Post]:
    """Posts as start-up found them left in sending, and recovered (each in ``states``)."""
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)
    return [Post(id=i, persona_uid="u", persona_name="career", state=state, text="t", created_at=now, updated_at=now)
            for i, state in enumerate(states, start=1)]


def test_start_up_says_was_for_one_interrupted_post_and_were_for_several() -> None:
    """QA #13: "1 post were being sent when personamgr stopped"."""
    from personamgr.gui.app import interrupted_message

    assert interrupted_message(recovered(PostState.NEEDS_REVIEW)) == (
        "1 post was being sent when personamgr stopped. It may have gone out: see Needs review in the history.")
    assert (interrupted_message(recovered(*[PostState.NEEDS_REVIEW] * 3)) or "").startswith(
        "3 posts were being sent when personamgr stopped. They may have gone")


def test_start_up_sends_to_needs_review_only_the_posts_that_are_there() -> None:
    """Every post found half-sent was said to need review, though a thread whose every part was recorded is
    recorded sent, and a Bluesky post is sent again by itself (what went out is found): neither is in Needs
    review."""
    from personamgr.gui.app import interrupted_message

    assert interrupted_message(recovered(PostState.SENT)) is None
    assert interrupted_message(recovered(PostState.SCHEDULED, PostState.SCHEDULED)) == (
        "2 posts were being sent when personamgr stopped and go out again by themselves: their network knows "
        "what already arrived, so nothing goes out twice.")
    assert interrupted_message(recovered(PostState.NEEDS_REVIEW, PostState.SCHEDULED, PostState.SENT)) == (
        "1 post was being sent when personamgr stopped. It may have gone out: see Needs review in the history. "
        "1 post was being sent when personamgr stopped and goes out again by itself: its network knows what "
        "already arrived, so nothing goes out twice.")


def test_the_window_on_a_full_runtime_disk_names_the_lock_not_the_database(
        qapp, small_fs, runtime_on_small_fs: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    """Opening the window with XDG_RUNTIME_DIR on a full disk stopped on an OSError with no file name, which the
    window took for its database's. It says the lock's folder and the way out, as the daemon does."""
    import argparse

    from personamgr.core.paths import AppPaths
    from personamgr.gui.app_instance import claim_or_forward

    base = AppPaths.resolve(tmp_path / "profile")
    paths = AppPaths(data=base.data, config=base.config, logs=base.logs, cache=base.cache,
                     runtime=runtime_on_small_fs / "personamgr")
    small_fs.fill()
    try:
        code = claim_or_forward(paths, argparse.Namespace(compose=False))
    finally:
        small_fs.free()
    assert code == 1
    folder = runtime_on_small_fs / "personamgr"
    assert capsys.readouterr().err == (
        f"personamgr: error: personamgr could not write its lock file in {folder}, which keeps two personamgr from "
        f"sending the same posts: the disk holding {folder} is full. Free some space on it, then start personamgr "
        "again. Nothing was sent or changed.\n")
