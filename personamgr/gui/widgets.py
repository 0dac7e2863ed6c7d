"""Small widgets every screen uses: a hint under a field, and a one-line message that never moves the layout.

Colours come from the theme's stylesheet through the ``tone`` property
(``hint``, ``error``, ``warning``, ``success``), never from the widget.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QLayout, QPlainTextEdit, QSizePolicy, QStatusBar, QWidget


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour ``widget`` by meaning ("" for the normal text colour); the theme's stylesheet says how."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def offer(action: QAction, why_not: str, what: str) -> None:
    """Offer ``action`` when nothing stands against it (``why_not`` is ""); its status tip says ``what`` it does,
    or, greyed out in a menu, why it cannot be done now."""
    action.setEnabled(not why_not)
    action.setStatusTip(why_not or what)


def tab_stops(root: QWidget) -> list[QWidget]:
    """Where Tab stops in ``root`` (itself or what it holds), in the order they were made: not the parts of a
    control (a combo box's list), nor what opens in a window of its own."""
    stops: list[QWidget] = []
    for widget in (root, *root.findChildren(QWidget)):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.window() is not root.window():
            continue
        if not any(stop.isAncestorOf(widget) for stop in stops):
            stops.append(widget)
    return stops


def bullets_html(items: Iterable[str], gap: int = 2) -> str:
    """Plain-text ``items`` as a bulleted list (rich text, each escaped) whose wrapped lines hang under the text:
    a "• " typed before a paragraph put its second line under the bullet, where it read as a new paragraph.
    ``gap``: pixels between the items."""
    lis = "".join(f"<li style='margin-bottom:{gap}px'>{html.escape(item, quote=False)}</li>" for item in items)
    return f"<ul style='margin:0 0 0 -24px; padding:0'>{lis}</ul>"


def drop_widgets(layout: QLayout, widgets: Iterable[QWidget]) -> None:
    """Take ``widgets`` out of ``layout`` and delete them, hidden at once: deleteLater leaves a widget
    painted until the next turn of the event loop."""
    for widget in widgets:
        layout.removeWidget(widget)
        widget.hide()
        widget.deleteLater()


_OPTION = re.compile(r"(?<![\w-])--\w[\w-]*")
_PATH = re.compile(r"(?:~|\.)?(?:/[^\s/]+)+/?")
NON_BREAKING_HYPHEN = "\u2011"
WORD_JOINER = "\u2060"


def grow_to_fit(window: QWidget) -> None:
    """Grow ``window`` as tall as its layout needs at its width, within its screen. A window keeps the height it
    opened with while its wrapped words take more lines (a message shown, a larger font): its layout then gives
    its parts less than they need, and they are cut or run into each other."""
    layout = window.layout()
    wanted = layout.heightForWidth(window.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
    screen = window.screen()
    if screen is not None:
        frame = window.frameGeometry().height() - window.height()
        wanted = min(wanted, screen.availableGeometry().height() - frame)
    if wanted > window.height():
        window.resize(window.width(), wanted)


def keep_whole(text: str) -> str:
    """``text`` with its command-line options and paths unbreakable: a wrapped line may break after a hyphen or a
    slash, and "--" at a line's end with "data-dir" on the next is no longer something to type. Options get
    non-breaking hyphens, paths a word joiner after each slash; a path wider than the line still wraps."""
    text = _OPTION.sub(lambda m: m.group().replace("-", NON_BREAKING_HYPHEN), text)
    return _PATH.sub(lambda m: m.group().replace("/", "/" + WORD_JOINER).removesuffix(WORD_JOINER), text)


def unbroken(text: str) -> str:
    """``text`` (an address: a URL, a server) that no line breaks inside: a word joiner between its characters. A
    line broke after "http://", or at a hyphen of the host, and the halves no longer read as one address."""
    return WORD_JOINER.join(text)


class HintLabel(QLabel):
    """Quiet, wrapped text under a field: what it does, or why it is off. Options and paths stay whole."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setProperty("tone", "hint")
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(keep_whole(text))


def hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Quiet, wrapped text under a field: what it does, or why it is off."""
    return HintLabel(text, parent)


class MessageLabel(QLabel):
    """One line of status that keeps its height: a long message is cut with "…" and shown whole in the tooltip.

    The full text stays readable (tooltip, accessible description, :meth:`full_text`), and the
    layout around it never jumps when a message comes or goes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._detail = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        self._full = text or ""
        self.setAccessibleDescription(self._full)
        self._elide()

    def set_detail(self, detail: str) -> None:
        """More for the tooltip, after the whole text when it is cut (the meter's score per persona)."""
        self._detail = detail
        self._elide()

    def text(self) -> str:
        return self._full

    def full_text(self) -> str:
        return self._full

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 (Qt API)
        """Wrapped, the whole text shows on as many lines as it needs (for a message that must not be cut)."""
        super().setWordWrap(on)
        vertical = QSizePolicy.Policy.Preferred if on else QSizePolicy.Policy.Fixed
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, vertical)
        policy.setHeightForWidth(on)  # as QLabel's own: the layout then gives the wrapped lines their height
        self.setSizePolicy(policy)
        self._elide()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        if self.wordWrap():
            return super().sizeHint()
        fm = QFontMetrics(self.font())
        return QSize(min(fm.horizontalAdvance(self._full) + 4, 400), fm.height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        if self.wordWrap():
            return super().minimumSizeHint()
        return QSize(40, QFontMetrics(self.font()).height() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if self.wordWrap():
            super().setText(self._full)
            self.setToolTip(self._detail)
            # The lines' height at this width, as a floor: a splitter above gives no room to height-for-width.
            self.setMinimumHeight(self.heightForWidth(max(self.width(), 40)))
            return
        self.setMinimumHeight(0)
        fm = QFontMetrics(self.font())
        flat = " ".join(self._full.split())  # one line: a message never grows the row it sits in
        shown = fm.elidedText(flat, Qt.TextElideMode.ElideRight, max(10, self.width() - 2))
        super().setText(shown)
        cut = self._full if shown != flat else ""
        self.setToolTip("\n\n".join(t for t in (cut, self._detail) if t))

    def is_elided(self) -> bool:
        return super().text() != " ".join(self._full.split())


class MessageBar(QStatusBar):
    """The status bar, whose messages are cut with "…" (whole in the tooltip) instead of clipped mid-word."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = MessageLabel()
        self.message.setObjectName("statusMessage")
        self.message.setContentsMargins(6, 0, 6, 0)
        self.addWidget(self.message, 1)
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(self.clearMessage)

    def showMessage(self, message: str, timeout: int = 0) -> None:  # noqa: N802 (Qt API)
        self.message.setText(message)
        if timeout > 0:
            self._clear.start(timeout)
        else:
            self._clear.stop()

    def clearMessage(self) -> None:  # noqa: N802 (Qt API)
        self._clear.stop()
        self.message.setText("")

    def currentMessage(self) -> str:  # noqa: N802 (Qt API)
        return self.message.full_text()


class WholeLinesEdit(QPlainTextEdit):
    """A text box that shows whole lines at any height its layout gives it: what is left over below the last
    whole line is a margin, not the top half of the next line (which read as a box cut off by the dialog)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAutoFillBackground(True)  # the margin in the box's own colour, as the lines around it
        self.setBackgroundRole(self.viewport().backgroundRole())

    def lines_tall(self, rows: int) -> int:
        """The height that shows ``rows`` whole lines."""
        return rows * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 2 * round(
            self.document().documentMargin())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        # The box's own height, not the event's: the viewport's resizes arrive here too.
        # Below the last whole line, the next one's top would show: the first line starts a document margin down.
        inner = self.height() - 2 * self.frameWidth() - round(self.document().documentMargin())
        spare = max(0, inner) % self.fontMetrics().lineSpacing()
        if self.viewportMargins().bottom() != spare:
            self.setViewportMargins(0, 0, 0, spare)
        super().resizeEvent(event)
