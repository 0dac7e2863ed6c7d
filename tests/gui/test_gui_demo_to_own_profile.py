"""From the demo to your own accounts: the demo says where your own profile is, and links no real account."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from personamgr.core.clock import FakeClock
from personamgr.core.demo import seed_demo
from personamgr.core.paths import AppPaths
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services
from personamgr.gui import help as help_menu
from personamgr.gui.app import Shell
from personamgr.gui.connect_dialog import ConnectDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def the_demo(tmp_path: Path, clock: FakeClock, fail_secrets: SecretStore) -> Iterator[Services]:
    """The demo profile itself (``personamgr --demo``), seeded as on its first start."""
    svc = open_services(AppPaths.resolve(tmp_path / "profile", demo=True).ensure(), secrets=fail_secrets,
                        clock=clock)
    seed_demo(svc)
    yield svc
    svc.close()


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """What the Help menu asked to start: a real start would open a second app on the test's profile."""
    calls: list[list[str]] = []
    monkeypatch.setattr(help_menu, "start_detached", lambda args: calls.append(list(args)) or 4242)
    return calls


def test_the_demo_opens_your_own_profile_from_help(the_demo: Services, make_shell: Callable[..., Shell],
                                                   started: list[list[str]]) -> None:
    """In the demo, Help offered "Open the demo", greyed out, and nothing else: a user who liked the demo found
    no way from its window to their own profile. Help now opens it, in a window of its own."""
    shell = make_shell(the_demo, demo=True)
    actions = {a.objectName(): a for a in shell.help.menu.actions()}
    assert "helpDemo" not in actions  # already the demo
    own = actions["helpOwnProfile"]
    assert own.isEnabled() and own.text() == "Open your own p&rofile"
    own.trigger()
    assert started == [[a for a in shell.profile_args if a != "--demo"]]
    assert "--demo" in shell.profile_args
    assert "Your own profile opens in a window of its own" in shell.window.statusBar().currentMessage()


def test_your_own_profile_opens_the_demo_from_help(services: Services, make_shell: Callable[..., Shell],
                                                   started: list[list[str]]) -> None:
    shell = make_shell(services, demo=False)
    actions = {a.objectName(): a for a in shell.help.menu.actions()}
    assert "helpOwnProfile" not in actions
    actions["helpDemo"].trigger()
    assert started == [[*shell.profile_args, "--demo"]]


def test_the_demo_connects_no_account(the_demo: Services, make_shell: Callable[..., Shell],
                                      started: list[list[str]]) -> None:
    """Persona ▸ Connect account… in the demo opened X's sign-in for the demo's career: a user's real X account
    became a demo persona, posting for real from the sample profile, apart from their own personas. It says the
    demo keeps no account, and opens their own profile."""
    shell = make_shell(the_demo, demo=True)
    shell.window.connect_action.trigger()
    assert not shell.window.findChildren(ConnectDialog)
    box = shell.window.demo_connect_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("career is a demo persona, and the demo connects no account")
    assert "Help ▸ Open your own profile" in box.text()
    (go,) = [b for b in box.buttons() if b.text().replace("&", "") == "Open your own profile"]
    go.click()
    assert started == [[a for a in shell.profile_args if a != "--demo"]]
    assert the_demo.store.persona("career").network == "sandbox"


def test_the_demo_editor_offers_only_the_sandbox_and_says_why(the_demo: Services, make_shell: Callable[..., Shell],
                                                              qtbot) -> None:
    """The demo's persona editor offered X, Mastodon and Bluesky: a user switched career to Mastodon, read "After
    saving, connect the account: Persona ▸ Connect account…", which the demo refuses, and career's posts then failed
    with "career was not connected to an account … Connect it". The demo's one network is its sandbox: the editor
    offers it alone, and says where the others are."""
    shell = make_shell(the_demo, demo=True)
    editor = shell.window.personas.edit_persona(the_demo.store.persona("career").uid)
    assert editor is not None
    combo = editor.network_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["sandbox"]
    assert editor.network_note.text() == (
        "The built-in demo network: posts stay on this computer. The demo posts only here; to post on X, Mastodon "
        "or Bluesky, make your personas in your own profile (Help ▸ Open your own profile).")
    editor.reject()
    assert set(the_demo.networks) == {"sandbox"}
    career = the_demo.store.persona("career")  # set to Mastodon before, or by a personas file imported here
    the_demo.store.update_persona(career.with_changes(network="mastodon", handle="@career_me@fosstodon.example"))
    qtbot.waitUntil(lambda: shell.controller.persona(career.uid).network == "mastodon", timeout=5000)
    editor = shell.window.personas.edit_persona(career.uid)
    assert editor is not None
    combo = editor.network_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Sandbox (demo network)", "Mastodon"]  # and back
    assert editor.network_note.text() == (
        "The demo posts only on its built-in sandbox and connects no account: choose the sandbox, or make this "
        "persona in your own profile (Help ▸ Open your own profile).")
    editor.reject()


def test_a_demo_persona_on_another_network_says_the_demo_posts_only_on_its_sandbox(the_demo: Services) -> None:
    """A demo persona set to Mastodon before (or by a personas file imported into the demo): its post said "career
    was not connected to an account … Connect it", which the demo refuses. It says what is true, and the way on."""
    career = the_demo.store.persona("career")
    the_demo.store.update_persona(career.with_changes(network="mastodon", handle="@career_me@fosstodon.example"))
    post = the_demo.outbox.create(career.uid, "Three questions for the last minute of an interview")
    done = the_demo.poster.send(post.id)
    assert done.state.value == "failed"
    assert done.note == (
        "career posts on Mastodon, which the demo does not offer: the demo posts only on its built-in sandbox. Edit "
        "career and choose the sandbox, or post on Mastodon from your own profile.")
