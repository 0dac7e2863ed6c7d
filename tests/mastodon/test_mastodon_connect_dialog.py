"""The Mastodon and Bluesky connect dialog: real widgets (offscreen) against the fake servers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import urllib.request

import pytest
from fakebluesky import FakeBluesky, FakePlcDirectory
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.personas import Persona
from personamgr.gui import i18n
from personamgr.gui.connect_accounts import AccountConnectDialog
from personamgr.gui.workers import Workers

pytestmark = [pytest.mark.gui, pytest.mark.e2e, pytest.mark.qt_log_ignore("propagateSizeHints")]


def settle(workers: Workers) -> None:
    assert workers.wait(30, QApplication.processEvents), "a background task never finished"
    QApplication.processEvents()


def shown(qtbot, dialog: AccountConnectDialog, workers: Workers) -> AccountConnectDialog:  # type: ignore[no-untyped-def]
    """``dialog`` shown, once what it asks of the keyring as it opens has answered."""
    qtbot.addWidget(dialog)
    dialog.show()
    settle(workers)
    return dialog


def test_mastodon_sign_in_with_a_pasted_code(qtbot, mastodon_world) -> None:
    w = mastodon_world
    workers = Workers()
    fresh = w.services.store.add_persona(Persona(name="fresh", topics=("synths",), network="mastodon"))
    w.fake.browser_user = w.fake.add_account("synth").id
    urls: list[str] = []
    d = AccountConnectDialog(w.services, workers, fresh, open_url=urls.append)
    qtbot.addWidget(d)
    d.show()
    settle(workers)  # the keyring's answer: a secure store is there
    assert d.open_button.isEnabled() and not d.code.isEnabled() and not d.connect_button.isEnabled()
    d.server.setText("fosstodon.example")
    qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
    settle(workers)
    assert urls and d.code.isEnabled(), d.status.text()
    with urllib.request.urlopen(urls[0], timeout=10) as r:
        d.code.setText(w.fake.code_from_page(r.read().decode()))
    qtbot.mouseClick(d.connect_button, Qt.MouseButton.LeftButton)
    settle(workers)
    assert d.result() == QDialog.DialogCode.Accepted, d.status.text()
    assert w.services.store.persona(fresh.uid).handle == "@synth@fosstodon.example"


def test_bluesky_says_why_an_app_password_and_refuses_an_account_password(qtbot, services, network_secrets,
                                                                       tmp_path) -> None:
    workers = Workers()
    services.secrets = network_secrets
    with FakeBluesky() as fake:
        services.networks["bluesky"] = BlueskyNetwork(base_url=fake.base_url)
        sky = services.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky"))
        d = shown(qtbot, AccountConnectDialog(services, workers, sky), workers)
        guidance = d.findChild(type(d.status), "connectGuidance").text()
        assert "no OAuth" in guidance and "App passwords" in guidance
        d.handle.setText("sky.bsky.social")
        d.app_password.setText("hunter2")
        qtbot.mouseClick(d.connect_button, Qt.MouseButton.LeftButton)
        assert "not an app password" in d.status.text()
        assert d.app_password.text() == "hunter2"  # what the user typed stays
        settle(workers)


@pytest.mark.parametrize("network", ["mastodon", "bluesky"])
def test_without_a_keyring_the_dialog_says_so_before_anything_is_typed(qtbot, services, network) -> None:
    """No secure store: the dialog says so when it opens and offers nothing to press, rather than letting the
    user sign in on the server and only then refusing to keep the credentials."""
    workers = Workers()
    persona = services.store.add_persona(Persona(name="acct", topics=("astronomy",), network=network))
    d = shown(qtbot, AccountConnectDialog(services, workers, persona, open_url=[].append), workers)
    assert "No secure credential store" in d.status.text()
    buttons = [d.connect_button] + ([d.open_button] if network == "mastodon" else [])
    assert not any(b.isEnabled() for b in buttons)


def test_a_bluesky_account_on_its_own_server_connects_with_its_handle_and_a_wrong_handle_is_said_so(
        qtbot, qapp, services, network_secrets) -> None:
    """The dialog asks only for the handle and an app password: an account on a self-hosted PDS was refused as a
    wrong handle or password, since the sign-in went to bsky.social. A handle nobody has is said so, in Spanish in a
    Spanish window."""
    workers = Workers()
    services.secrets = network_secrets
    with FakePlcDirectory() as plc, FakeBluesky(directory=plc) as entryway, FakeBluesky(directory=plc) as home:
        services.networks["bluesky"] = BlueskyNetwork(entryway=entryway.base_url, directory=plc.base_url)
        account, password = home.add_account("ana.example.org")
        sky = services.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky"))
        try:
            assert i18n.install(qapp, "es") == "es"
            d = shown(qtbot, AccountConnectDialog(services, workers, sky), workers)
            d.handle.setText("nadie.example.org")
            d.app_password.setText(password)
            qtbot.mouseClick(d.connect_button, Qt.MouseButton.LeftButton)
            settle(workers)
            said = d.status.text()
            assert said == ("Ninguna cuenta de Bluesky tiene el usuario nadie.example.org. Revisa cómo se escribe: es "
                            "el nombre que sigue a @ en el perfil de la cuenta."), said
        finally:
            i18n.uninstall(qapp)
        d.handle.setText("ana.example.org")
        qtbot.mouseClick(d.connect_button, Qt.MouseButton.LeftButton)
        settle(workers)
        assert d.result() == QDialog.DialogCode.Accepted, d.status.text()
        assert services.store.persona(sky.uid).handle == "@ana.example.org"
        assert home.sessions_created(account) == 1 and entryway.post_count("create_session") == 0


def test_a_bluesky_handle_its_account_does_not_claim_is_said_so_in_the_dialog(
        qtbot, qapp, services, network_secrets) -> None:
    """ana.example.org's record points at Bob's account, which does not claim it (Bluesky shows it as an invalid
    handle): the dialog says so, in Spanish in a Spanish window, and connects nothing."""
    workers = Workers()
    services.secrets = network_secrets
    with FakePlcDirectory() as plc, FakeBluesky(directory=plc) as entryway, FakeBluesky(directory=plc) as home:
        services.networks["bluesky"] = BlueskyNetwork(entryway=entryway.base_url, directory=plc.base_url)
        _ana, password = home.add_account("ana.example.org")
        bob, _ = home.add_account("bob.example.net")
        plc.point("ana.example.org", bob.did)
        sky = services.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky"))
        try:
            assert i18n.install(qapp, "es") == "es"
            d = shown(qtbot, AccountConnectDialog(services, workers, sky), workers)
            d.handle.setText("ana.example.org")
            d.app_password.setText(password)
            qtbot.mouseClick(d.connect_button, Qt.MouseButton.LeftButton)
            settle(workers)
            said = d.status.text()
            assert said == (f"Bluesky no admite ana.example.org como usuario de una cuenta: apunta a la cuenta "
                            f"{bob.did}, que no lo reconoce como suyo, así que Bluesky lo muestra como usuario no "
                            "válido. Inicia sesión con el usuario que aparece en el perfil de la cuenta; si "
                            "ana.example.org es tuyo, haz que su registro DNS _atproto (o su archivo "
                            "/.well-known/atproto-did) apunte a tu cuenta."), said
            assert d.result() != QDialog.DialogCode.Accepted and d.status.isVisible()
            assert d.status.geometry().bottom() <= d.height()
        finally:
            i18n.uninstall(qapp)
        assert services.store.persona(sky.uid).handle is None and home.post_count("create_session") == 0


def test_a_registration_the_server_forgot_is_made_again_from_the_window(qtbot, mastodon_world) -> None:
    """The server forgot personamgr's registration: the dialog opened its sign-in page with the old one, which
    answered 'unknown client' with no code to paste, and the window had no way to register again."""
    from personamgr.core.networks.mastodon import auth

    w = mastodon_world
    workers = Workers()
    synth = w.services.store.add_persona(Persona(name="synth", topics=("synths",), network="mastodon",
                                                 visibility="unlisted"))
    w.fake.browser_user = w.fake.add_account("synth").id
    flow = auth.start_code_flow(w.services.secrets, w.network, "fosstodon.example")
    with urllib.request.urlopen(flow.authorize_url, timeout=10) as r:
        creds = auth.finish_code_flow(w.services.secrets, flow, w.fake.code_from_page(r.read().decode()), w.network)
    synth = auth.connect_with_tokens(w.services.store, w.services.secrets, w.network, synth, creds).persona
    w.fake.forget_app()
    urls: list[str] = []
    d = shown(qtbot, AccountConnectDialog(w.services, workers, synth, open_url=urls.append), workers)
    qtbot.mouseClick(d.open_button, Qt.MouseButton.LeftButton)
    settle(workers)
    assert d.status.text().startswith("fosstodon.example no longer knew personamgr's registration"), d.status.text()
    assert w.services.secrets.get_credentials(synth.uid) is None  # the server ended the old token
    with urllib.request.urlopen(urls[0], timeout=10) as r:  # the new registration's sign-in page gives a code
        d.code.setText(w.fake.code_from_page(r.read().decode()))
    qtbot.mouseClick(d.connect_button, Qt.MouseButton.LeftButton)
    settle(workers)
    assert d.result() == QDialog.DialogCode.Accepted, d.status.text()
    kept = w.services.store.persona(synth.uid)
    assert (kept.handle, kept.visibility) == ("@synth@fosstodon.example", "unlisted")
    assert w.services.store.connection_state(synth.uid)[0] == "ok"
