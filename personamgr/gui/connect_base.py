"""What the X, Mastodon and Bluesky connect dialogs share.

Each says what it connects at the top, offers its own way in below, and ends the same way:
"may switch to a different account", a status line, Close. Every step runs in a worker; a
refusal (a ConnectError, a keyring error) is shown in its own words, anything else as
unexpected, and what the user typed stays either way. The network's own pages stay in
connect_dialog.py (X) and connect_accounts.py (Mastodon, Bluesky).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.i18n import translate
from personamgr.core.networks.accounts import Connected, ConnectError
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretsError
from personamgr.core.services import Services
from personamgr.gui.a11y import with_letters
from personamgr.gui.widgets import bullets_html, set_tone
from personamgr.gui.workers import Workers


def wrapped_label(text: str = "") -> QLabel:
    """A label that wraps: translations run longer than English, and a line that cannot wrap is cut."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def selectable_label(text: str = "") -> QLabel:
    """A wrapped label the user can copy from (an address, an error to search for)."""
    label = wrapped_label(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def guidance_label(lines: Sequence[str]) -> QLabel:
    """The network's advice (context "ConnectGuidance"), one bullet a line."""
    label = wrapped_label(bullets_html((translate("ConnectGuidance", line) for line in lines), gap=8))
    label.setObjectName("connectGuidance")
    return label


def answer_row(field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    """What the network showed (a PIN, a code) and the button that sends it, on one line."""
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row


class ConnectDialogBase(QDialog):
    """A dialog connecting ``persona`` to an account. Emits ``connected(Connected)`` and accepts on success."""

    connected = Signal(object)

    def __init__(self, services: Services, workers: Workers, persona: Persona, *, worker_name: str,
                 open_url: Callable[[str], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workers = workers
        self.persona = persona
        self.worker_name = worker_name
        self.open_url = open_url or (lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.busy = False
        self.keyring_refused = ""  # why no secure store can keep credentials: then nothing here can be pressed
        self.setMinimumWidth(520)
        self.switch = QCheckBox()
        self.status = selectable_label()
        self.status.setObjectName("connectStatus")

    def _lay_out(self, intro: str, *body: QWidget | Callable[[QVBoxLayout], None]) -> None:
        """``intro`` (rich text) on top, then ``body`` (widgets, or functions adding to the layout), then the end."""
        label = wrapped_label(intro)
        buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        v = QVBoxLayout(self)
        v.addWidget(label)
        for part in body:
            if isinstance(part, QWidget):
                v.addWidget(part)
            else:
                part(v)
        v.addWidget(self.switch)
        v.addWidget(self.status)
        v.addWidget(buttons)

    def _enable(self, busy: bool) -> None:
        """Enable what the user may press now (``busy``: a step is running)."""
        raise NotImplementedError

    def _check_keyring(self, then: Callable[[], object] = lambda: None,
                       done: Callable[[object], None] = lambda _value: None) -> None:
        """Ask, in a worker, whether a secure store can keep the credentials before the user types anything,
        then run ``then`` there too and hand its result to ``done``. Without one, say why and offer nothing
        to press: the sign-in could not be kept."""
        secrets = self.services.secrets

        def run() -> tuple[object, object]:
            state = secrets.state()
            return state, (then() if state.usable else None)

        def known(result: object) -> None:
            state, value = result  # type: ignore[misc]
            if not state.usable:
                self.keyring_refused = state.message
                self._error(state.message)
                return
            self._set_busy(False)
            done(value)

        self._work(run, known, translate("ConnectDialog", "Checking the keyring…"))

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.busy = busy
        self._enable(busy or bool(self.keyring_refused))
        set_tone(self.status, "")
        self.status.setText(message)
        self._fit()

    def _error(self, message: str) -> None:
        self._set_busy(False)
        set_tone(self.status, "error")
        self.status.setText(message)
        self._fit()

    def _fit(self) -> None:
        """Grow (never shrink) so that a longer message shows whole: a window does not grow by itself, and the
        keyring's three-line refusal squashed the fields above it to a few pixels."""
        lay = self.layout()
        if lay is None or not self.isVisible():
            return
        lay.activate()
        need = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def _work(self, fn: Callable[[], object], done: Callable[[object], None], message: str) -> None:
        """Run ``fn`` in a worker, saying ``message`` meanwhile; ``done`` gets its result on the GUI thread."""
        self._set_busy(True, message)

        def failed(e: BaseException) -> None:
            if isinstance(e, ConnectError | SecretsError):
                self._error(str(e))
            else:
                self._error(translate("ConnectDialog", "Something unexpected happened ({error}). Nothing was "
                                                       "saved.").format(error=f"{type(e).__name__}: {e}"))

        self.workers.submit(fn, done=done, failed=failed, name=self.worker_name)

    def _authorizing(self, url: str, message: str, url_label: QLabel, answer: QLineEdit) -> None:
        """The network's sign-in page is open (or its address shown): wait for what it will show the user."""
        self._set_busy(False, message)
        url_label.setText(translate("ConnectDialog", "If no browser opened, copy this address into one:<br>"
                                                     "<code>{url}</code>").format(url=url))
        self._fit()
        self.open_url(url)
        answer.setFocus()

    def _done(self, result: object) -> None:
        assert isinstance(result, Connected)
        self._set_busy(False, translate("ConnectDialog", "Connected {persona} to {handle}.").format(
            persona=result.persona.name, handle=result.handle))
        self.connected.emit(result)
        self.accept()
