"""The persona list: colour, name, handle and focus, one persona per row.

Selecting a row makes that persona active (through the controller), and the
list follows the controller when the tray or the combo switches instead.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from personamgr.core.i18n import translate
from personamgr.core.personas import Persona
from personamgr.gui.controller import PersonaController
from personamgr.gui.icons import persona_pixmap

PERSONA_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_HEIGHT = 76
ROW_PADDING = 6  # above the name and below the focus, at least
SWATCH = 36

AnyIndex = QModelIndex | QPersistentModelIndex


def focus_lines(font: QFont, text: str, width: int, most: int = 2) -> list[str]:
    """``text`` laid out in lines of ``width`` pixels, at most ``most`` of them, the last cut with "…".

    Qt lays the lines out, so a focus in a script written without spaces (Japanese) breaks between its
    characters and a very long word breaks inside it, as Qt's own line breaking allows.
    """
    layout = QTextLayout(" ".join(text.split()), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    flat = layout.text()
    lines = [flat[start:start + length].strip() for start, length in spans[:most]]
    if len(spans) > most:
        rest = flat[spans[most - 1][0]:]
        body = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width).removesuffix("…")
        if len(body) < len(rest) and body[-1:].isalpha() and rest[len(body)].isalpha() and " " in body.strip():
            body = body[:body.rstrip().rfind(" ")]  # words with spaces between them are cut between words
        lines[-1] = body.rstrip(" ,;:") + "…"
    return [line for line in lines if line]


def name_font(font: QFont) -> QFont:
    """A persona's name in its row: bold, a little larger than the row's font."""
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(bold.pointSizeF() * 1.05)
    return bold


class PersonaDelegate(QStyledItemDelegate):
    """Paints a persona row: disc with initial, name and handle, then the focus summary, elided."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802 (Qt API)
        """``ROW_HEIGHT``, or what the name and two lines of focus need at a larger font (at 15 pt, 87 px)."""
        small = QFont(option.font)  # type: ignore[attr-defined]
        text = QFontMetrics(name_font(small)).height() + 3 + 2 * QFontMetrics(small).lineSpacing()
        return QSize(220, max(ROW_HEIGHT, text + 2 * ROW_PADDING))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        persona: Persona | None = index.data(PERSONA_ROLE)
        if persona is None:
            return super().paint(painter, option, index)
        painter.save()
        r: QRect = option.rect  # type: ignore[attr-defined]
        pal: QPalette = option.palette  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)  # type: ignore[attr-defined]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected or hover:
            bg = QColor(persona.colour)
            bg.setAlpha(40 if selected else 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(r.adjusted(4, 2, -4, -2), 6, 6)
            if selected:
                painter.setBrush(QColor(persona.colour))
                painter.drawRoundedRect(QRect(r.left() + 4, r.top() + 8, 4, r.height() - 16), 2, 2)
        x = r.left() + 16
        painter.drawPixmap(x, r.top() + (r.height() - SWATCH) // 2,
                           persona_pixmap(persona.colour, persona.initial, SWATCH,
                                          dpr=painter.device().devicePixelRatioF()))
        x += SWATCH + 12
        width = r.right() - x - 10
        small = QFont(option.font)  # type: ignore[attr-defined]
        bold = name_font(small)
        fm_name = QFontMetrics(bold)
        fm_small = QFontMetrics(small)
        focus = focus_lines(small, persona.focus_summary, max(50, width))
        focus_h = len(focus) * fm_small.lineSpacing()
        top = r.top() + (r.height() - fm_name.height() - focus_h - 3) // 2
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        name = fm_name.elidedText(persona.name, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, top, width, fm_name.height()), Qt.AlignmentFlag.AlignLeft, name)
        if persona.network != "sandbox" or persona.handle:
            hx = x + fm_name.horizontalAdvance(name) + 8
            painter.setFont(small)
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            # The network first: a long handle is cut at its end, and which network it is matters most.
            network = translate("networks", persona.network_label)
            account = f"{network} · {persona.handle}" if persona.handle else network
            handle = fm_small.elidedText(account, Qt.TextElideMode.ElideRight, max(0, r.right() - hx - 10))
            painter.drawText(QRect(hx, top, max(0, r.right() - hx - 10), fm_name.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, handle)
        painter.setFont(small)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        for i, line in enumerate(focus):  # two lines at most, the second cut with "…"
            painter.drawText(QRect(x, top + fm_name.height() + 3 + i * fm_small.lineSpacing(), width,
                                   fm_small.lineSpacing()), Qt.AlignmentFlag.AlignLeft, line)
        painter.restore()
        return None


class PersonaList(QListWidget):
    """The list of personas; the current row is the active persona."""

    personaChosen = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(self, controller: PersonaController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("personaList")
        self.setItemDelegate(PersonaDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMouseTracking(True)
        self.setUniformItemSizes(True)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(translate("PersonaList", "Personas"))
        self._syncing = False
        self.currentItemChanged.connect(self._on_current)
        controller.personasChanged.connect(self.reload)
        controller.activePersonaChanged.connect(self._follow)
        self.reload()

    @Slot()
    def reload(self) -> None:
        self._syncing = True
        try:
            self.clear()
            for p in self.controller.personas:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, p.uid)
                item.setData(PERSONA_ROLE, p)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{p.name} {p.account_label}")
                item.setToolTip(f"{p.name} {p.account_label}\n{p.focus_summary}")
                self.addItem(item)
            self._select(self.controller.active_uid)
        finally:
            self._syncing = False

    def _select(self, uid: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == uid:
                self.setCurrentRow(i)
                return

    def uids(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    @Slot(str, str)
    def _follow(self, uid: str, _previous: str) -> None:
        self._syncing = True
        try:
            self._select(uid)
        finally:
            self._syncing = False

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if self._syncing or current is None:
            return
        uid = current.data(Qt.ItemDataRole.UserRole)
        self.personaChosen.emit(uid)
        self.controller.set_active(uid)
