"""A post out on the network whose record the profile refused (its disk full, or moved away, just then) is said
as out in the window: it said "Could not post: … Your text is kept." (and "Could not send the post: …" in the
history), and left the words in the box for a second Post to put them on the account twice."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from unrecorded_helpers import fault_as_it_goes_out

from personamgr.core.clock import FakeClock
from personamgr.core.demo import seed_demo
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.paths import AppPaths
from personamgr.core.post_workflows import Action
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui

WORDS = "Ask every interviewer what the first ninety days look like."


@pytest.fixture
def on_small_fs(small_fs, clock: FakeClock, fail_secrets: SecretStore) -> Iterator[Services]:  # type: ignore[no-untyped-def]
    services = open_services(AppPaths.resolve(small_fs.root / "profile"), secrets=fail_secrets, clock=clock)
    try:
        seed_demo(services)
        services.networks["sandbox"] = SandboxNetwork(None)
        services.settings.set("send_delay", 0)
        yield services
    finally:
        small_fs.free()
        services.close()


def test_post_on_a_disk_that_fills_as_it_goes_out_says_it_went_out_and_empties_the_box(
        on_small_fs: Services, make_shell: Callable[..., Shell], qtbot, idle, small_fs) -> None:  # type: ignore[no-untyped-def]
    sandbox = on_small_fs.networks["sandbox"]
    fault_as_it_goes_out(sandbox, small_fs.fill)
    shell = make_shell(on_small_fs)
    compose = shell.window.compose
    compose.editor.setFocus()
    compose.editor.insertPlainText(WORDS)
    qtbot.mouseClick(compose.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "went out" in compose.status.text() or "Could not" in compose.status.text(),
                    timeout=30_000)
    said = compose.status.text()
    [event] = sandbox.timeline()
    assert said.startswith(f"career's post went out as @career_me (sandbox://career_me/status/{event.remote_id}), but "
                           f"personamgr could not record that it did: the disk holding "
                           f"{small_fs.root / 'profile' / 'data'} is full"), said
    assert compose.status.wordWrap()  # whole, on as many lines as it needs: "Do not send it again" is its end
    assert compose.editor.toPlainText() == ""  # on the account: not there to be posted a second time
    assert not compose.post_button.isEnabled()
    small_fs.free()
    idle(shell)
    assert compose.status.text() == said  # nothing took it back: not "Not saved yet: your text stays here"


def test_send_now_from_the_history_as_the_profile_moves_says_it_went_out(
        on_small_fs: Services, make_shell: Callable[..., Shell], qtbot, idle, small_fs) -> None:  # type: ignore[no-untyped-def]
    post = on_small_fs.outbox.create(on_small_fs.store.persona("career").uid, WORDS)
    sandbox = on_small_fs.networks["sandbox"]
    shell = make_shell(on_small_fs)
    idle(shell)
    said: list[str] = []
    shell.window.post_actions.message.connect(said.append)
    fault_as_it_goes_out(sandbox, lambda: shutil.move(small_fs.root / "profile", small_fs.root / "elsewhere"))
    shell.window.post_actions.send(post, Action.SEND_NOW)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    [event] = sandbox.timeline()
    assert said[0].startswith(f"career's post went out as @career_me (sandbox://career_me/status/{event.remote_id}), "
                              "but personamgr could not record that it did: the database "), said
    assert "was moved to" in said[0] and said[0].endswith("mark it as sent."), said
