"""Connecting a persona to its Mastodon or Bluesky account from the window.

Mastodon: the user names their server, personamgr registers itself there (once) and opens the
server's sign-in page, which always asks to log in (so a second account on the same server can
be connected), then the user pastes the code the server shows. Bluesky: the handle and an app
password, because the atproto SDK has no OAuth yet; the dialog says so. Every network and
keyring call runs in a worker, and whatever the user typed stays when something fails.
(X has its own dialog, :mod:`personamgr.gui.connect_dialog`.)
"""

from __future__ import annotations

import html
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from personamgr.core.i18n import translate
from personamgr.core.networks.accounts import Connected, ConnectError
from personamgr.core.personas import NETWORK_LABELS, Persona
from personamgr.core.services import Services
from personamgr.gui.a11y import with_button_letters
from personamgr.gui.connect_base import ConnectDialogBase, answer_row, guidance_label, selectable_label
from personamgr.gui.workers import Workers


class AccountConnectDialog(ConnectDialogBase):
    """Connect ``persona`` to its Mastodon or Bluesky account. Emits ``connected(Connected)`` and accepts."""

    def __init__(self, services: Services, workers: Workers, persona: Persona, *,
                 open_url: Callable[[str], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, workers, persona, worker_name=f"{persona.network}-connect", open_url=open_url,
                         parent=parent)
        self.network = persona.network
        self.flow: object | None = None  # Mastodon: the started sign-in
        label = translate("networks", NETWORK_LABELS.get(self.network, self.network))
        self.setObjectName("accountConnectDialog")
        self.setWindowTitle(translate("AccountConnectDialog", "Connect {persona} to {network}").format(
            persona=persona.name, network=label))
        self.switch.setText(translate("AccountConnectDialog", "{persona} may switch to a different {network} "
                                                              "account than before").format(
            persona=persona.name, network=label))
        self.switch.setAccessibleName(translate("AccountConnectDialog", "Allow switching accounts"))
        self._lay_out(translate("AccountConnectDialog", "<b>Connect {persona} to a {network} account.</b> The "
                                                        "credentials stay in your system keyring.").format(
            persona=html.escape(persona.name), network=html.escape(label)),
            self._mastodon_page if self.network == "mastodon" else self._bluesky_page, lambda v: v.addStretch(1))
        self._check_keyring()
        with_button_letters(self)

    # -- Mastodon ------------------------------------------------------------------------
    def _mastodon_page(self, v: QVBoxLayout) -> None:
        from personamgr.core.networks.mastodon import auth

        v.addWidget(guidance_label(auth.GUIDANCE))
        self.server = QLineEdit(urlsplit(self.persona.server).netloc if self.persona.server else "")
        self.server.setObjectName("serverEdit")
        self.server.setPlaceholderText(translate("AccountConnectDialog", "fosstodon.org"))
        self.server.setAccessibleName(translate("AccountConnectDialog", "Mastodon server"))
        self.open_button = QPushButton(translate("AccountConnectDialog", "Open the sign-in page…"))
        self.open_button.setObjectName("openSignIn")
        self.open_button.clicked.connect(self.start_sign_in)
        self.url_label = selectable_label()
        self.code = QLineEdit()
        self.code.setObjectName("codeEdit")
        self.code.setPlaceholderText(translate("AccountConnectDialog",
                                               "the code your server shows after you authorise personamgr"))
        self.code.setAccessibleName(translate("AccountConnectDialog", "Authorisation code"))
        self.code.setEnabled(False)
        self.code.returnPressed.connect(self.finish_sign_in)
        self.connect_button = QPushButton(translate("AccountConnectDialog", "Connect"))
        self.connect_button.setObjectName("codeConnect")
        self.connect_button.setEnabled(False)
        self.connect_button.clicked.connect(self.finish_sign_in)
        form = QFormLayout()
        form.addRow(translate("AccountConnectDialog", "&Server"), self.server)
        v.addLayout(form)
        v.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addWidget(self.url_label)
        v.addLayout(answer_row(self.code, self.connect_button))

    @Slot()
    def start_sign_in(self) -> None:
        from personamgr.core.networks.mastodon import auth

        secrets, network, server = self.services.secrets, auth.mastodon_network(self.services.networks), \
            self.server.text()
        store, persona = self.services.store, self.persona
        lang = QLocale().name().split("_")[0]  # the sign-in page in the window's language
        # A registration the server forgot is made again there (and the persona's dead token dropped): the flow's
        # notice says so.
        self._work(lambda: auth.start_code_flow(secrets, network, server, lang, store=store, persona=persona),
                   self._signing_in,
                   translate("AccountConnectDialog", "Asking your server to start signing in…"))

    def _signing_in(self, flow: object) -> None:
        self.flow = flow
        ask = translate("AccountConnectDialog", "Log in as the account {persona} should post as, authorise "
                                                "personamgr, then paste the code here.").format(
            persona=self.persona.name)
        notice = flow.notice  # type: ignore[attr-defined]
        self._authorizing(flow.authorize_url, f"{notice} {ask}" if notice else ask,  # type: ignore[attr-defined]
                          self.url_label, self.code)

    @Slot()
    def finish_sign_in(self) -> None:
        from personamgr.core.networks.mastodon import auth

        if self.flow is None or self.busy:
            return
        flow, code, switch = self.flow, self.code.text(), self.switch.isChecked()
        store, secrets, persona = self.services.store, self.services.secrets, self.persona
        network = auth.mastodon_network(self.services.networks)

        def run() -> Connected:
            creds = auth.finish_code_flow(secrets, flow, code, network)  # type: ignore[arg-type]
            return auth.connect_with_tokens(store, secrets, network, persona, creds, switch_account=switch)

        self._work(run, self._done, translate("AccountConnectDialog", "Checking the code with your server…"))

    # -- Bluesky -------------------------------------------------------------------------
    def _bluesky_page(self, v: QVBoxLayout) -> None:
        from personamgr.core.networks.bluesky import auth

        v.addWidget(guidance_label(auth.GUIDANCE))
        handle = self.persona.handle if self.persona.handle and "." in self.persona.handle else ""
        self.handle = QLineEdit(handle.lstrip("@"))
        self.handle.setObjectName("handleEdit")
        self.handle.setPlaceholderText(translate("AccountConnectDialog", "alice.bsky.social"))
        self.handle.setAccessibleName(translate("AccountConnectDialog", "Bluesky handle"))
        self.app_password = QLineEdit()
        self.app_password.setObjectName("appPasswordEdit")
        self.app_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.app_password.setPlaceholderText(translate("AccountConnectDialog", "xxxx-xxxx-xxxx-xxxx"))
        self.app_password.setAccessibleName(translate("AccountConnectDialog", "App password"))
        self.app_password.returnPressed.connect(self.sign_in_bluesky)
        self.connect_button = QPushButton(translate("AccountConnectDialog", "Connect"))
        self.connect_button.setObjectName("blueskyConnect")
        self.connect_button.clicked.connect(self.sign_in_bluesky)
        form = QFormLayout()
        form.addRow(translate("AccountConnectDialog", "&Handle"), self.handle)
        form.addRow(translate("AccountConnectDialog", "&App password"), self.app_password)
        v.addLayout(form)
        v.addWidget(self.connect_button, 0, Qt.AlignmentFlag.AlignRight)

    @Slot()
    def sign_in_bluesky(self) -> None:
        from personamgr.core.networks.bluesky import auth

        if self.busy:
            return
        try:
            login = auth.Login(self.handle.text(), self.app_password.text())
        except ConnectError as e:
            self._error(str(e))
            return
        store, secrets, persona, switch = self.services.store, self.services.secrets, self.persona, \
            self.switch.isChecked()
        network = auth.bluesky_network(self.services.networks)
        self._work(lambda: auth.connect(store, secrets, network, persona, login, switch_account=switch), self._done,
                   translate("AccountConnectDialog", "Signing in to Bluesky…"))

    # -- plumbing ------------------------------------------------------------------------
    def _enable(self, busy: bool) -> None:
        self.connect_button.setEnabled(not busy and (self.network != "mastodon" or self.flow is not None))
        if self.network == "mastodon":
            self.open_button.setEnabled(not busy)
            self.code.setEnabled(self.flow is not None)
