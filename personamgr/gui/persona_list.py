"""The persona list: colour, name, handle and focus, one persona per row.

Selecting a row makes that persona active (through the controller), and the
list follows the controller when the tray or the combo switches instead.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
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
SWATCH = 36

AnyIndex = QModelIndex | QPersistentModelIndex


class PersonaDelegate(QStyledItemDelegate):
    """Paints a persona row: disc with initial, name and handle, then the focus summary, elided."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802 (Qt API)
        return QSize(220, ROW_HEIGHT)

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
        name_font = QFont(option.font)  # type: ignore[attr-defined]
        name_font.setBold(True)
        name_font.setPointSizeF(name_font.pointSizeF() * 1.05)
        fm_name = QFontMetrics(name_font)
        small = QFont(option.font)  # type: ignore[attr-defined]
        fm_small = QFontMetrics(small)
        focus_rect = fm_small.boundingRect(QRect(0, 0, max(50, width), 1000), Qt.TextFlag.TextWordWrap,
                                           persona.focus_summary)
        focus_h = min(focus_rect.height(), 2 * fm_small.lineSpacing())
        top = r.top() + (r.height() - fm_name.height() - focus_h - 3) // 2
        painter.setFont(name_font)
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
        focus = persona.focus_summary
        if focus_rect.height() > focus_h:  # two lines at most, the second elided
            words = focus.split()
            while words and fm_small.boundingRect(QRect(0, 0, max(50, width), 1000), Qt.TextFlag.TextWordWrap,
                                                  " ".join(words) + "…").height() > focus_h:
                words.pop()
            focus = " ".join(words) + "…"
        painter.drawText(QRect(x, top + fm_name.height() + 3, width, focus_h), Qt.TextFlag.TextWordWrap, focus)
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
