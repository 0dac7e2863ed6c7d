"""The connect wizard and the "reconnect needed" banner: real widgets (offscreen) against the fake X."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from shell_helpers import finish_tasks

from personamgr.core.networks.x import auth
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.gui.connect_dialog import ConnectDialog, ConnectionBanner
from personamgr.gui.controller import PersonaController
from personamgr.gui.workers import StoreEvents, Workers

# The offscreen platform warns that it cannot propagate size hints when a dialog is shown; that is not ours.
pytestmark = [pytest.mark.gui, pytest.mark.e2e, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def gui(qtbot, x_world):
    workers = Workers()
    events = StoreEvents()
    x_world.services.store.subscribe(events.listener)
    metal = x_world.services.store.add_persona(Persona(name="metal", topics=("guitars",)))
    yield workers, events, metal
    finish_tasks(workers)


def settle(workers: Workers) -> None:
    assert workers.wait(30, QApplication.processEvents), "a background task never finished"
    QApplication.processEvents()


def dialog_for(qtbot, x_world, workers, persona, urls):  # type: ignore[no-untyped-def]
    d = ConnectDialog(x_world.services, workers, persona, open_url=urls.append)
    qtbot.addWidget(d)
    d.show()
    settle(workers)
    return d


def test_paste_tokens_connects(qtbot, x_world, gui) -> None:
    workers, _events, metal = gui
    user = x_world.fake.add_user("metal_me")
    creds = x_world.fake.credentials(x_world.app, user)
    d = dialog_for(qtbot, x_world, workers, metal, [])
    d.tabs.setCurrentIndex(1)
    for key, value in creds.items():
        d.tok_fields[key].setText(value)
    qtbot.mouseClick(d.tok_connect, Qt.MouseButton.LeftButton)
    settle(workers)
    assert d.result() == QDialog.DialogCode.Accepted, d.status.text()
    assert x_world.services.store.persona("metal").handle == "@metal_me"
    assert x_world.services.store.connection_state(metal.uid) == ("ok", user.id)


def test_the_dialog_says_where_to_make_the_developer_app_and_what_xs_form_asks(qtbot, x_world, gui) -> None:
    """A new user with no developer app read "Your X developer app must have Read and write permission (developer
    portal → your app → ...)": where that portal is, and what to give X's form for its required callback URI and
    website (the PIN sign-in uses neither), neither the window nor the README said."""
    workers, _events, metal = gui
    d = dialog_for(qtbot, x_world, workers, metal, [])
    said = d.findChild(QLabel, "connectGuidance").text()
    assert "No X developer app yet? Make one at developer.x.com" in said
    assert "callback URI and a website" in said and "http://127.0.0.1/" in said
    assert '"Read and write"' in said


def test_paste_tokens_says_the_portal_makes_them_only_for_the_apps_owner(qtbot, x_world, gui) -> None:
    """Paste tokens asked for tokens "generated for the account this persona should post as": the developer portal
    makes them only for the account that owns the app, so a user with a second account pasted the owner's, and the
    persona was connected as the wrong account. It says so, and where the other accounts go."""
    workers, _events, metal = gui
    d = dialog_for(qtbot, x_world, workers, metal, [])
    said = " ".join(label.text() for label in d.tabs.widget(1).findChildren(QLabel))
    assert "only for the account that owns the app" in said and "Sign in with X" in said


def test_pin_flow_in_the_window_keeps_the_app_keys(qtbot, x_world, gui) -> None:
    workers, _events, metal = gui
    x_world.fake.browser_user = x_world.fake.add_user("metal_me").id
    urls: list[str] = []
    d = dialog_for(qtbot, x_world, workers, metal, urls)
    assert d.app_form.isVisibleTo(d)  # no saved app yet: ask for its keys
    d.app_key.setText(x_world.app.consumer_key)
    d.app_secret.setText(x_world.app.consumer_secret)
    qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
    settle(workers)
    assert len(urls) == 1 and "/oauth/authorize?oauth_token=" in urls[0], d.status.text()
    pin = re.search(r"<code id='pin'>(\d+)</code>", requests.get(urls[0], timeout=10).text)
    assert pin
    d.pin.setText(pin.group(1))
    qtbot.mouseClick(d.pin_connect, Qt.MouseButton.LeftButton)
    settle(workers)
    assert d.result() == QDialog.DialogCode.Accepted, d.status.text()
    assert x_world.services.store.persona("metal").handle == "@metal_me"
    assert auth.saved_app(x_world.services.secrets) == auth.AppKeys(x_world.app.consumer_key,
                                                                    x_world.app.consumer_secret)
    again = dialog_for(qtbot, x_world, workers, metal, [])
    assert not again.app_form.isVisibleTo(again)  # entered once
    assert "saved developer app" in again.saved_app_label.text()


def test_a_wrong_pin_shows_why_and_keeps_what_was_typed(qtbot, x_world, gui) -> None:
    workers, _events, metal = gui
    x_world.fake.browser_user = x_world.fake.add_user("metal_me").id
    urls: list[str] = []
    d = dialog_for(qtbot, x_world, workers, metal, urls)
    d.app_key.setText(x_world.app.consumer_key)
    d.app_secret.setText(x_world.app.consumer_secret)
    qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
    settle(workers)
    requests.get(urls[0], timeout=10)
    d.pin.setText("1234567")
    qtbot.mouseClick(d.pin_connect, Qt.MouseButton.LeftButton)
    settle(workers)
    assert d.isVisible() and d.result() != QDialog.DialogCode.Accepted
    assert "PIN" in d.status.text()
    assert d.pin.text() == "1234567"
    assert x_world.services.secrets.get_credentials(metal.uid) is None


def test_banner_shows_reconnect_needed_and_clears_after_reconnecting(qtbot, x_world, gui) -> None:
    workers, events, _metal = gui
    controller = PersonaController(x_world.services, events, workers)
    controller.set_active(x_world.persona.uid)
    banner = ConnectionBanner(x_world.services, controller, workers, events)
    qtbot.addWidget(banner)
    banner.show()
    settle(workers)
    assert not banner.isVisible()
    x_world.fake.revoke()
    assert x_world.post("kept for later").state is PostState.FAILED
    settle(workers)
    settle(workers)
    assert banner.isVisible()
    assert "career: reconnect needed" in banner.text.text()
    with qtbot.waitSignal(banner.reconnectRequested) as sig:
        qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    assert sig.args == [x_world.persona.uid]
    creds = x_world.fake.credentials(x_world.app, x_world.user)
    auth.connect_with_tokens(x_world.services.store, x_world.services.secrets, x_world.network,
                             x_world.services.store.persona("career"), creds)
    settle(workers)
    settle(workers)
    assert not banner.isVisible()


def test_the_banner_names_a_persona_as_written(qtbot, x_world, gui) -> None:  # type: ignore[no-untyped-def]
    """A persona named "R&D <career>" was said as "R&D : reconnect needed": its name went into the banner's
    markup as it is."""
    from dataclasses import replace

    from PySide6.QtGui import QTextDocument

    workers, events, _metal = gui
    x_world.services.store.update_persona(replace(x_world.persona, name="R&D <career>"))
    controller = PersonaController(x_world.services, events, workers)
    controller.set_active(x_world.persona.uid)
    banner = ConnectionBanner(x_world.services, controller, workers, events)
    qtbot.addWidget(banner)
    banner.show()
    settle(workers)
    x_world.fake.revoke()
    assert x_world.post("kept for later").state is PostState.FAILED
    settle(workers)
    settle(workers)
    assert banner.isVisible()
    shown = QTextDocument()
    shown.setHtml(banner.text.text())
    assert shown.toPlainText().startswith("R&D <career>: reconnect needed."), shown.toPlainText()


def test_without_a_keyring_the_dialog_says_so_and_keeps_its_fields_whole(qtbot, services) -> None:
    """The keyring's refusal adds three lines under the tabs; the dialog grows to fit them instead of squashing
    the API key rows to a few pixels (seen in a screenshot of exactly this state)."""
    workers = Workers()
    persona = services.store.add_persona(Persona(name="career", network="x", topics=("careers",)))
    d = ConnectDialog(services, workers, persona, open_url=[].append)
    qtbot.addWidget(d)
    d.show()
    settle(workers)
    assert "No secure credential store" in d.status.text()
    assert not d.open_button.isEnabled()
    for field in (d.app_key, d.app_secret, d.pin):
        assert field.isVisible()
        assert field.height() >= field.minimumSizeHint().height(), (field.placeholderText(), field.height())
    assert d.height() >= d.minimumSizeHint().height()
    finish_tasks(workers)


def test_a_sandbox_persona_is_told_where_mastodon_and_bluesky_are(qtbot, x_world, gui) -> None:
    """The welcome says "Connect an X, Mastodon or Bluesky account when you are ready", but Persona ▸ Connect
    account… on a sandbox persona opened "Connect metal to an X account." and nothing else: a user with a Mastodon
    account was stuck. The dialog now says connecting makes it an X persona, and where the other networks are."""
    from PySide6.QtWidgets import QLabel

    workers, _events, metal = gui
    assert metal.network == "sandbox"
    d = dialog_for(qtbot, x_world, workers, metal, [])
    said = " ".join(label.text() for label in d.findChildren(QLabel))
    assert "Mastodon or Bluesky" in said and "Edit metal…" in said, said
    x_persona = x_world.services.store.add_persona(Persona(name="founder", topics=("startups",), network="x"))
    d2 = dialog_for(qtbot, x_world, workers, x_persona, [])
    assert "Mastodon or Bluesky" not in " ".join(label.text() for label in d2.findChildren(QLabel))


def default_button(d: QDialog) -> str:
    from PySide6.QtWidgets import QPushButton

    return ", ".join(b.objectName() or b.text() for b in d.findChildren(QPushButton) if b.isDefault())


def test_enter_presses_the_button_of_each_step(qtbot, x_world, gui) -> None:  # type: ignore[no-untyped-def]
    """The X connect dialog had no default button: Enter in the developer app's keys did not open X to authorize
    (Qt made the first button after the focus the default, here a hidden one), and the Paste tokens tab's
    Enter did not connect. Each step's own button is now the default: Open X to authorize… while there is no
    PIN to ask for, Connect once X shows one, and the Paste tokens tab's Connect there."""
    workers, _events, metal = gui
    x_world.fake.browser_user = x_world.fake.add_user("metal_me").id
    urls: list[str] = []
    d = dialog_for(qtbot, x_world, workers, metal, urls)
    assert default_button(d) == "openAuthorize"
    d.app_key.setText(x_world.app.consumer_key)
    d.app_secret.setText(x_world.app.consumer_secret)
    qtbot.keyClick(d.app_secret, Qt.Key.Key_Return)
    settle(workers)
    assert len(urls) == 1, d.status.text()
    assert default_button(d) == "pinConnect"
    pin = re.search(r"<code id='pin'>(\d+)</code>", requests.get(urls[0], timeout=10).text)
    assert pin
    d.tabs.setCurrentIndex(1)
    assert default_button(d) == "tokensConnect"
    d.tabs.setCurrentIndex(0)
    assert default_button(d) == "pinConnect"
    d.pin.setText(pin.group(1))
    qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    settle(workers)
    assert d.result() == QDialog.DialogCode.Accepted, d.status.text()
