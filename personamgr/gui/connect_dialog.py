"""Connecting a persona to X from the window, and showing when one needs reconnecting.

:class:`ConnectDialog` offers the two ways the CLI offers: sign in with X (the
OAuth 1.0a PIN flow with the user's own developer app, whose keys are entered
once) or paste existing tokens. Every keyring and network call runs in a
worker; the dialog only shows progress and the answer, and keeps whatever the
user typed when something fails.

:class:`ConnectionBanner` sits above the compose box and says, for the active
persona, when its network refused its credentials or when it was never connected, with a button to (re)connect.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.networks.accounts import NOT_CONNECTED, account_state
from personamgr.core.networks.x import auth
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.a11y import with_button_letters
from personamgr.gui.accounts_text import network_name
from personamgr.gui.connect_base import (
    ConnectDialogBase,
    answer_row,
    guidance_label,
    selectable_label,
    wrapped_label,
)
from personamgr.gui.controller import PersonaController
from personamgr.gui.workers import StoreEvents, Workers
from personamgr.gui.wrapped_label import WrappedLabel

TOKEN_LABELS = {  # translated where shown (context "ConnectDialog")
    "consumer_key": QT_TRANSLATE_NOOP("ConnectDialog", "API key"),
    "consumer_secret": QT_TRANSLATE_NOOP("ConnectDialog", "API key secret"),
    "access_token": QT_TRANSLATE_NOOP("ConnectDialog", "Access token"),
    "access_token_secret": QT_TRANSLATE_NOOP("ConnectDialog", "Access token secret"),
}


def _secret_field(placeholder: str) -> QLineEdit:
    f = QLineEdit()
    f.setEchoMode(QLineEdit.EchoMode.Password)
    f.setPlaceholderText(placeholder)
    return f


class ConnectDialog(ConnectDialogBase):
    """Connect ``persona`` to an X account. Emits ``connected(Connected)`` and accepts on success."""

    def __init__(self, services: Services, workers: Workers, persona: Persona, *,
                 open_url: Callable[[str], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(services, workers, persona, worker_name="x-connect", open_url=open_url, parent=parent)
        self.network = auth.x_network(services.networks, services.clock)
        self.flow: auth.PinFlow | None = None
        self.saved_app: auth.AppKeys | None = None
        self.setObjectName("connectDialog")
        self.setWindowTitle(translate("ConnectDialog", "Connect {name} to X").format(name=persona.name))

        # -- sign in with X (PIN) ------------------------------------------------------------
        self.app_key = QLineEdit()
        self.app_key.setPlaceholderText(translate("ConnectDialog", "API key (consumer key)"))
        self.app_secret = _secret_field(translate("ConnectDialog", "API key secret (consumer secret)"))
        self.saved_app_label = QLabel()
        self.saved_app_label.setWordWrap(True)
        self.change_app = QPushButton(translate("ConnectDialog", "Use another developer app"))
        self.change_app.clicked.connect(self._show_app_fields)
        self.open_button = QPushButton(translate("ConnectDialog", "Open X to authorize…"))
        self.open_button.setObjectName("openAuthorize")
        self.open_button.clicked.connect(self.start_pin)
        self.url_label = selectable_label()
        self.pin = QLineEdit()
        self.pin.setAccessibleName(translate("ConnectDialog", "PIN"))
        self.pin.setPlaceholderText(translate("ConnectDialog", "the PIN X shows after you authorize"))
        self.pin.setEnabled(False)  # Enter in it presses Connect, the default button once X shows a PIN
        self.pin_connect = QPushButton(translate("ConnectDialog", "Connect"))
        self.pin_connect.setObjectName("pinConnect")
        self.pin_connect.setEnabled(False)
        self.pin_connect.clicked.connect(self.finish_pin)
        pin_page = QWidget()
        pv = QVBoxLayout(pin_page)
        self.app_form = QWidget()
        af = QFormLayout(self.app_form)
        af.setContentsMargins(0, 0, 0, 0)
        af.addRow(translate("ConnectDialog", "API key"), self.app_key)
        af.addRow(translate("ConnectDialog", "API key secret"), self.app_secret)
        pv.addWidget(wrapped_label(translate("ConnectDialog", "1. Your X developer app (developer portal → your app "
                                                              "→ Keys and tokens):")))
        pv.addWidget(self.saved_app_label)
        pv.addWidget(self.change_app, 0, Qt.AlignmentFlag.AlignLeft)
        pv.addWidget(self.app_form)
        pv.addWidget(wrapped_label(translate("ConnectDialog", "2. Authorize it as the account this persona should "
                                                              "post as:")))
        pv.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        pv.addWidget(self.url_label)
        pv.addWidget(wrapped_label(translate("ConnectDialog", "3. Enter the PIN X shows:")))
        pv.addLayout(answer_row(self.pin, self.pin_connect))
        pv.addStretch(1)

        # -- paste tokens ----------------------------------------------------------------------
        self.tok_fields = {
            "consumer_key": QLineEdit(),
            "consumer_secret": _secret_field(""),
            "access_token": QLineEdit(),
            "access_token_secret": _secret_field(""),
        }
        tok_page = QWidget()
        tv = QVBoxLayout(tok_page)
        tv.addWidget(wrapped_label(translate("ConnectDialog", 'Tokens from your developer app\'s "Keys and tokens" '
                                                              'page. X makes them there only for the account that '
                                                              'owns the app; for another account, use Sign in with '
                                                              'X.')))
        form = QFormLayout()
        for key, field in self.tok_fields.items():
            field.setObjectName(key)
            form.addRow(translate("ConnectDialog", TOKEN_LABELS[key]), field)
        tv.addLayout(form)
        self.tok_connect = QPushButton(translate("ConnectDialog", "Connect"))
        self.tok_connect.setObjectName("tokensConnect")
        self.tok_connect.clicked.connect(self.connect_tokens)
        tv.addWidget(self.tok_connect, 0, Qt.AlignmentFlag.AlignRight)
        tv.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(pin_page, translate("ConnectDialog", "Sign &in with X"))
        self.tabs.addTab(tok_page, translate("ConnectDialog", "Paste &tokens"))
        self.tabs.currentChanged.connect(self._choose_default)
        self.switch.setText(translate("ConnectDialog", "{name} may switch to a different X account than "
                                                       "before").format(name=persona.name))
        name = html.escape(persona.name)  # the intro is markup
        intro = translate("ConnectDialog", "<b>Connect {name} to an X account.</b> The keys stay in your "
                                           "system keyring.").format(name=name)
        if persona.network == "sandbox":  # the welcome promised all three networks: say where the other two are
            intro += " " + translate("ConnectDialog", "{name} posts to the sandbox now and becomes an X persona. "
                                                      "For a Mastodon or Bluesky account, choose its network in "
                                                      "Persona ▸ Edit {name}… first.").format(name=name)
        self._lay_out(intro,
                      guidance_label(auth.GUIDANCE), lambda v: v.addWidget(self.tabs, 1))

        self._show_app_fields()
        secrets = self.services.secrets
        self._check_keyring(lambda: auth.saved_app(secrets), self._app_known)
        with_button_letters(self)

    # -- plumbing -------------------------------------------------------------------------
    def _enable(self, busy: bool) -> None:
        for w in (self.open_button, self.tok_connect, self.change_app, self.tabs):
            w.setEnabled(not busy)
        self.pin_connect.setEnabled(not busy and self.flow is not None)
        self.pin.setEnabled(self.flow is not None)
        self._choose_default()

    @Slot()
    def _choose_default(self) -> None:
        """Enter presses the step's own button: Qt's guess is the first button after the focus, a hidden one."""
        if self.tabs.currentIndex() == 1:
            self.tok_connect.setDefault(True)
        else:
            (self.open_button if self.flow is None else self.pin_connect).setDefault(True)

    def _app_known(self, app: object) -> None:
        assert app is None or isinstance(app, auth.AppKeys)
        self.saved_app = app
        if app is not None:
            self.app_form.hide()
            self.change_app.show()
            self.saved_app_label.setText(translate("ConnectDialog", "Using your saved developer app (API key {key}…).")
                                         .format(key=app.consumer_key[:6]))
            self.saved_app_label.show()

    @Slot()
    def _show_app_fields(self) -> None:
        self.saved_app = None
        self.app_form.show()
        self.change_app.hide()
        self.saved_app_label.hide()

    # -- the two ways in ------------------------------------------------------------------
    @Slot()
    def start_pin(self) -> None:
        try:
            app = self.saved_app or auth.AppKeys(self.app_key.text().strip(), self.app_secret.text().strip())
        except auth.ConnectError as e:
            self._error(str(e))
            return
        entered = self.saved_app is None
        secrets, network = self.services.secrets, self.network

        def run() -> auth.PinFlow:
            flow = auth.start_pin_flow(app, network)
            if entered:
                auth.save_app(secrets, app)  # X accepted them: keep them for next time
            return flow

        self._work(run, self._pin_started, translate("ConnectDialog", "Asking X to start signing in…"))

    def _pin_started(self, flow: object) -> None:
        assert isinstance(flow, auth.PinFlow)
        self.flow = flow
        self._authorizing(flow.authorize_url, translate("ConnectDialog", "Authorize the app in your browser, then "
                                                                         "enter the PIN X shows."),
                          self.url_label, self.pin)

    @Slot()
    def finish_pin(self) -> None:
        if self.flow is None or self.busy:
            return
        flow, pin, switch = self.flow, self.pin.text(), self.switch.isChecked()
        store, secrets, network, persona = self.services.store, self.services.secrets, self.network, self.persona

        def run() -> auth.Connected:
            creds = auth.finish_pin_flow(flow, pin, network)
            return auth.connect_with_tokens(store, secrets, network, persona, creds, switch_account=switch)

        self._work(run, self._done, translate("ConnectDialog", "Checking the PIN with X…"))

    @Slot()
    def connect_tokens(self) -> None:
        values = {k: f.text().strip() for k, f in self.tok_fields.items()}
        missing = [k for k, v in values.items() if not v]
        if missing:
            self._error(translate("ConnectDialog", "Fill in {fields}.").format(
                fields=", ".join(translate("ConnectDialog", TOKEN_LABELS[k]) for k in missing)))
            return
        switch = self.switch.isChecked()
        store, secrets, network, persona = self.services.store, self.services.secrets, self.network, self.persona
        self._work(lambda: auth.connect_with_tokens(store, secrets, network, persona, values, switch_account=switch),
                   self._done, translate("ConnectDialog", "Checking the tokens with X…"))


class ConnectionBanner(QFrame):
    """"Reconnect needed" or "not connected yet" for the active persona, with the way out. Hidden while all is
    well. :attr:`stateFound` tells compose, which cannot post now for a persona never connected."""

    reconnectRequested = Signal(str)  # noqa: N815 (Qt naming) persona uid
    stateFound = Signal(str, str)  # noqa: N815 (Qt naming) persona uid, accounts.account_state

    def __init__(self, services: Services, controller: PersonaController, workers: Workers, events: StoreEvents,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        self.workers = workers
        self.uid = ""
        self.setObjectName("connectionBanner")  # the theme's stylesheet colours it
        # Its wrapped lines' height as its minimum: the splitter above compose then gives compose that much more
        # from the history, instead of pushing Schedule… and Post below compose's fold.
        self.text = WrappedLabel()
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # level with the button
        self.button = QPushButton(translate("ConnectionBanner", "Reconnect…"))
        self.button.clicked.connect(lambda: self.reconnectRequested.emit(self.uid))
        self.row = row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()
        controller.activePersonaChanged.connect(self._on_active_changed)
        events.changed.connect(self._on_store_changed)
        self.refresh()

    # Bound slots, not lambdas: Qt disconnects them when the banner is deleted; the controller and the store's
    # signal live as long as the app.
    def _on_active_changed(self, _uid: str, _previous: str) -> None:
        self.refresh()

    _words = ("", "")  # the whole sentence, and its headline alone
    compact = False

    def set_compact(self, compact: bool) -> None:
        """On a short window (a 1024x600 netbook) the headline alone, on one line beside the button, so the
        history below compose keeps whole posts in sight; the whole sentence is then the banner's tooltip."""
        if compact != self.compact:
            self.compact = compact
            margin = 4 if compact else 6
            self.row.setContentsMargins(10, margin, 10, margin)
            self._say()

    def _say(self) -> None:
        sentence, headline = self._words
        self.text.setText(headline if self.compact else sentence)
        self.setToolTip(sentence if self.compact else "")
        self.text.setAccessibleDescription(sentence)  # a screen reader hears the whole sentence in either form

    def _on_store_changed(self, kind: str) -> None:
        if kind in ("personas", "posts"):
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        uid = self.controller.active_uid
        if not uid:
            self.hide()
            return
        store, networks = self.services.store, self.services.networks
        self.workers.submit(lambda: (uid, account_state(store, networks, store.persona(uid))), done=self._show,
                            failed=lambda e: None, name="connection-state")

    def _show(self, result: object) -> None:
        uid, state = result  # type: ignore[misc]
        self.stateFound.emit(uid, state)
        if uid != self.controller.active_uid:
            return  # the user switched persona meanwhile; a newer refresh is on its way
        persona = self.controller.persona(uid)
        self.uid = uid
        if persona is None or state not in ("reconnect_needed", NOT_CONNECTED):
            self.hide()
            return
        name, network = html.escape(persona.name), html.escape(network_name(persona))
        if state == NOT_CONNECTED:
            sentence = translate("ConnectionBanner", "<b>{name} is not connected to its {network} account yet,</b> "
                                                     "so it cannot post now. Connect it first; a post you schedule "
                                                     "waits, and needs the account only at its time.")
            headline = translate("ConnectionBanner", "<b>{name} is not connected yet.</b>")
            self.button.setText(translate("ConnectionBanner", "Connect account…"))
        else:
            sentence = translate("ConnectionBanner", "<b>{name}: reconnect needed.</b> {network} refused its "
                                                     "credentials, so its posts are kept but cannot go out. "
                                                     "Reconnect the account, then send them again.")
            headline = translate("ConnectionBanner", "<b>{name}: reconnect needed.</b>")
            self.button.setText(translate("ConnectionBanner", "Reconnect…"))
        self._words = (sentence.format(name=name, network=network), headline.format(name=name, network=network))
        self._say()
        self.show()
