"""Icons drawn at run time: a persona is its colour and its initial, at any size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QIconEngine, QPainter, QPen, QPixmap

from personamgr.core.desktop_entry import SVG_ICON, share_dir
from personamgr.core.personas import PALETTE
from personamgr.gui.theme import text_on

TRAY_SIZES = (16, 20, 22, 24, 32, 48, 64)


def app_icon_file() -> Path:
    """The SVG the menu entry uses too (resources/, found where this installation keeps it)."""
    return share_dir() / SVG_ICON


def persona_pixmap(colour: str, initial: str, size: int, *, dpr: float = 1.0) -> QPixmap:
    """A filled disc in the persona's colour with its initial, crisp at ``size`` px.

    Small sizes get a proportionally bolder letter and a thin outline so the
    disc stays visible on a tray of the same colour.
    """
    px = QPixmap(round(size * dpr), round(size * dpr))
    px.setDevicePixelRatio(dpr)
    px.fill(Qt.GlobalColor.transparent)
    bg = QColor(colour)
    p = QPainter(px)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    outline = max(1.0, size / 24)
    p.setPen(QPen(bg.darker(150), outline))
    p.setBrush(bg)
    inset = outline / 2
    p.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, round(size * (0.62 if size <= 22 else 0.55))))
    p.setFont(font)
    p.setPen(text_on(bg))  # black or white, whichever contrasts more: at least 4.5:1 on any persona colour
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initial[:1].upper() or "?")
    p.end()
    return px


class PersonaIconEngine(QIconEngine):
    """Draws the persona's disc at the size asked, when asked, and keeps it: a list of a hundred personas draws
    the one icon it shows, not seven sizes of each."""

    def __init__(self, colour: str, initial: str) -> None:
        super().__init__()
        self.colour, self.initial = colour, initial
        self._drawn: dict[tuple[int, float, QIcon.Mode], QPixmap] = {}

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        side = max(1, min(size.width(), size.height()))
        key = (side, scale, mode)
        if key not in self._drawn:
            px = persona_pixmap(self.colour, self.initial, side, dpr=scale)
            if mode is not QIcon.Mode.Normal:  # dimmed (or highlighted) as the style does it for any icon
                from PySide6.QtWidgets import QApplication, QStyleOption

                px = QApplication.style().generatedIconPixmap(mode, px, QStyleOption())
            self._drawn[key] = px
        return self._drawn[key]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        px = self.scaledPixmap(rect.size(), mode, state, scale)
        side = min(rect.width(), rect.height())
        painter.drawPixmap(rect.x() + (rect.width() - side) // 2, rect.y() + (rect.height() - side) // 2, px)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802 (Qt API)
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,  # noqa: N802 (Qt API)
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(s, s) for s in TRAY_SIZES]  # what a tray host or a window manager picks from

    def clone(self) -> QIconEngine:
        return PersonaIconEngine(self.colour, self.initial)

    def key(self) -> str:
        return "personamgr-persona"


# One icon per look, kept for the app's life: the pixmaps its engine drew are shared by every list that shows the
# persona. The icon owns its engine (Qt deletes the engine with the last copy of the icon); the engine's Python
# side is kept beside it, since Qt calls into it.
_ICONS: dict[tuple[str, str], tuple[QIcon, PersonaIconEngine]] = {}


def persona_icon(colour: str, initial: str) -> QIcon:
    """The persona's icon, drawn at each size it is shown at (:class:`PersonaIconEngine`)."""
    key = (colour, initial[:1].upper() or "?")
    if key not in _ICONS:
        engine = PersonaIconEngine(*key)
        _ICONS[key] = (QIcon(engine), engine)
    return QIcon(_ICONS[key][0])


def app_icon() -> QIcon:
    """The application icon: the shipped SVG (wheels and bundles carry it), else a drawn one."""
    svg = app_icon_file()
    if svg.is_file():
        icon = QIcon(str(svg))
        if not icon.isNull():
            return icon
    return persona_icon(PALETTE[0], "P")
