"""The credential store's state, always visible: which keyring, or why there is none.

Asking the keyring can talk to D-Bus and hang on a locked keyring, so the
question runs in a worker; the label says "Checking…" until it answers.
The answer can change while the app runs (the user unlocks the keyring, or the
screen lock locks it), so it is asked again now and then, and when the app comes
to the front; never while a question is still out.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from personamgr.core.i18n import translate
from personamgr.core.secrets import KeyringState, KeyringStatus, SecretsTimeout, SecretStore
from personamgr.gui.widgets import MessageLabel
from personamgr.gui.workers import Workers

RECHECK_MS = 30_000


def short_text(state: KeyringState) -> tuple[str, str]:
    """(level, one line for the status bar)."""
    if state.status is KeyringStatus.SECURE and state.locked:
        return "ok", translate("KeyringStatusLabel", "Credentials: {keyring}, locked; it asks for its password when "
                              "needed").format(keyring=state.keyring)
    if state.status is KeyringStatus.SECURE:
        return "ok", translate("KeyringStatusLabel", "Credentials: {keyring}").format(keyring=state.keyring)
    if state.stopped:
        return "bad", translate("KeyringStatusLabel", "Credentials: {keyring} is not running — posts wait until it is "
                                "started again").format(keyring=state.keyring)
    if state.status is KeyringStatus.INSECURE:
        return "warn", translate("KeyringStatusLabel", "Only a plaintext keyring — accounts cannot be connected; "
                                 "the sandbox still works")
    return "bad", translate("KeyringStatusLabel", "No secure credential store — accounts cannot be connected; the "
                            "sandbox still works")


class StatusLine(MessageLabel):
    """The keyring's line: whole where the window has room, cut with "…" where it has not (whole in the tooltip).
    As a plain label its whole sentence was the window's least width: in Spanish, without a keyring, 727 px,
    more than half of a 1366 px screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # its whole width where there is room (the status message beside it takes only what is left)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        fm = QFontMetrics(self.font())
        return QSize(fm.horizontalAdvance(self.full_text()) + 4, fm.height() + 2)


class KeyringStatusLabel(QWidget):
    """A coloured dot and one line; the full explanation in the tooltip."""

    stateKnown = Signal(object)  # noqa: N815 (Qt naming) KeyringState, or None when the keyring did not answer

    def __init__(self, secrets: SecretStore, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.secrets = secrets
        self.workers = workers
        self.state: KeyringState | None = None
        self.level = "wait"
        self.dot = QLabel("●")
        self.dot.setObjectName("keyringDot")  # coloured by the theme's stylesheet, per level
        self.text = StatusLine()
        self.text.setObjectName("keyringStatus")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(6)
        row.addWidget(self.dot)
        row.addWidget(self.text)
        self._set("wait", translate("KeyringStatusLabel", "Checking the credential store…"),
                  translate("KeyringStatusLabel", "Asking the system keyring which store is in use."))
        self._asking = False
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setInterval(RECHECK_MS)
        self.recheck_timer.timeout.connect(self.recheck)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state)

    def _set(self, level: str, text: str, tip: str) -> None:
        self.level = level
        self.dot.setProperty("level", level)
        self.dot.style().unpolish(self.dot)
        self.dot.style().polish(self.dot)
        self.text.setText(text)
        self.text.set_detail(tip)  # after the whole line when it is cut
        self.setToolTip(tip)

    @Slot()
    def check(self) -> None:
        """Ask the keyring in a worker (it can hang when locked)."""
        self._set("wait", translate("KeyringStatusLabel", "Checking the credential store…"),
                  translate("KeyringStatusLabel", "Asking the system keyring which store is in use."))
        self._ask()

    @Slot()
    def recheck(self) -> None:
        """Ask again, saying the last answer meanwhile; not while a question is still out (a hung keyring call
        cannot be cancelled, and each would hold a thread)."""
        if not self._asking:
            self._ask()

    @Slot(Qt.ApplicationState)
    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:  # back from the desktop, where it may have been unlocked
            self.recheck()

    def _ask(self) -> None:
        self._asking = True
        self.workers.submit(self.secrets.state, done=self._known, failed=self._failed, name="keyring-state")

    def _known(self, state: KeyringState) -> None:
        self._asking = False
        if not self.recheck_timer.isActive():
            self.recheck_timer.start()
        self.state = state
        level, text = short_text(state)
        self._set(level, text, state.message)
        self.stateKnown.emit(state)

    def _failed(self, error: BaseException) -> None:
        self._asking = False
        self.state = None
        if isinstance(error, SecretsTimeout):
            self.recheck_timer.stop()  # its call may hang on: ask again only when the app comes to the front
            self._set("warn", translate("KeyringStatusLabel", "The keyring is not answering (it may be locked) — the "
                                                              "sandbox still works"), str(error))
        else:
            self._set("bad", translate("KeyringStatusLabel", "The keyring failed: "
                                                             "{error}").format(error=error), str(error))
        self.stateKnown.emit(None)
