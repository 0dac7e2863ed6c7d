"""Icons drawn at run time: a persona is its colour and its initial, at any size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

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


def persona_icon(colour: str, initial: str) -> QIcon:
    """The persona's icon with a pixmap drawn for each common tray and menu size."""
    icon = QIcon()
    for size in TRAY_SIZES:
        icon.addPixmap(persona_pixmap(colour, initial, size))
    return icon


def app_icon() -> QIcon:
    """The application icon: the shipped SVG (wheels and bundles carry it), else a drawn one."""
    svg = app_icon_file()
    if svg.is_file():
        icon = QIcon(str(svg))
        if not icon.isNull():
            return icon
    return persona_icon(PALETTE[0], "P")
