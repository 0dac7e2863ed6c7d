"""The images of one post (or one part of a thread): thumbnails, alt text, remove.

Each image is a button showing its thumbnail and whether it has alt text; a
click (or Enter) opens the alt text, Delete removes it. Thumbnails are decoded
in a worker (a 5 MB photo takes a while) and shown when ready. The strip shows
what it is given; :class:`~personamgr.gui.thread_editor.ThreadEditor` owns the
attachments and the copies in the profile.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QImageReader, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.i18n import number, translate
from personamgr.core.media import X_LIMITS, display_name
from personamgr.gui.a11y import with_letters
from personamgr.gui.widgets import set_tone
from personamgr.gui.workers import Workers

THUMB = 56
PREVIEW = 220


def thumbnail(path: str, size: int) -> QImage:
    """The image scaled to fit ``size`` (decoded at that size where the format allows: fast for big JPEGs)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image if not image.isNull() else QImage()


class ImageTile(QToolButton):
    """One attached image: its thumbnail and whether it has alt text."""

    altRequested = Signal(object)  # noqa: N815 (Qt naming) the attachment
    removeRequested = Signal(object)  # noqa: N815 (Qt naming)

    def __init__(self, item: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("imageTile")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setAutoRaise(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clicked.connect(lambda: self.altRequested.emit(self.item))
        self.refresh()

    def refresh(self) -> None:
        name = display_name(self.item)
        alt = str(self.item.get("alt_text") or "")
        self.setText(translate("ImageStrip", "Alt ✓") if alt else translate("ImageStrip", "No alt"))
        self.setProperty("missingAlt", not alt)
        set_tone(self, "" if alt else "warning")
        described = (translate("ImageStrip", "Image {name}, alt text: {alt}").format(name=name, alt=alt) if alt
                     else translate("ImageStrip", "Image {name}, no alt text yet").format(name=name))
        self.setAccessibleName(described)
        self.setToolTip(described + "\n" + translate("ImageStrip", "Click to write its alt text; Delete removes it."))

    def set_thumbnail(self, image: QImage) -> None:
        if not image.isNull():
            self.setIcon(QIcon(QPixmap.fromImage(image)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.removeRequested.emit(self.item)
            return
        super().keyPressEvent(event)


class ImageStrip(QWidget):
    """A row of :class:`ImageTile` for one part; hidden when the part has no images."""

    altRequested = Signal(object)  # noqa: N815 (Qt naming) the attachment dict
    removeRequested = Signal(object)  # noqa: N815 (Qt naming)

    def __init__(self, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        self.setObjectName("imageStrip")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        self.row.addStretch(1)
        self.tiles: list[ImageTile] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hide()

    def show_items(self, items: list[dict[str, Any]]) -> None:
        """Show these attachments (in order); tiles for the same file are kept, with their thumbnails."""
        old = {id(t.item): t for t in self.tiles}
        by_path = {str(t.item.get("path")): t for t in self.tiles}
        tiles = []
        for item in items:
            tile = old.get(id(item)) or by_path.get(str(item.get("path")))
            if tile is None:
                tile = ImageTile(item, self)
                tile.altRequested.connect(self.altRequested)
                tile.removeRequested.connect(self.removeRequested)
                self._load(tile)
            tile.item = item
            tile.refresh()
            tiles.append(tile)
        for tile in self.tiles:
            if tile not in tiles:
                self.row.removeWidget(tile)
                tile.deleteLater()
        for i, tile in enumerate(tiles):
            self.row.insertWidget(i, tile)
        self.tiles = tiles
        self.setVisible(bool(tiles))

    def _load(self, tile: ImageTile) -> None:
        path = str(tile.item.get("path"))
        self.workers.submit(lambda: thumbnail(path, THUMB * 2), done=tile.set_thumbnail, name="thumbnail")


class AltTextDialog(QDialog):
    """Describe an image for people who cannot see it: up to the persona's network's limit, counted as you type."""

    def __init__(self, item: dict[str, Any], workers: Workers, parent: QWidget | None = None,
                 limit: int = X_LIMITS.max_alt) -> None:
        super().__init__(parent)
        self.setObjectName("altTextDialog")
        self.limit = limit
        name = display_name(item)
        self.setWindowTitle(translate("AltTextDialog", "Alt text for {name}").format(name=name))
        self.preview = QLabel()
        self.preview.setObjectName("altPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(PREVIEW, PREVIEW // 2))
        path = str(item.get("path"))
        workers.submit(lambda: thumbnail(path, PREVIEW), done=self._show_preview, name="alt preview")
        explain = QLabel(translate("AltTextDialog", "Say what the image shows, for people who use a screen reader "
                                   "or cannot load it. What matters in it for this post, not every detail."))
        explain.setWordWrap(True)
        explain.setProperty("tone", "hint")
        self.editor = QPlainTextEdit(str(item.get("alt_text") or ""))
        self.editor.setObjectName("altText")
        self.editor.setAccessibleName(translate("AltTextDialog", "Alt text"))
        self.editor.setTabChangesFocus(True)
        self.counter = QLabel()
        self.counter.setObjectName("altCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.buttons = with_letters(QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                                    | QDialogButtonBox.StandardButton.Cancel))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(explain)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.buttons)
        self.resize(460, 420)
        self.editor.textChanged.connect(self._count)
        self._count()

    def _show_preview(self, image: QImage) -> None:
        if not image.isNull():
            self.preview.setPixmap(QPixmap.fromImage(image))

    def _count(self) -> None:
        n = len(self.editor.toPlainText().strip())
        self.counter.setText(f"{number(n)} / {number(self.limit)}")
        set_tone(self.counter, "strong-error" if n > self.limit else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(n <= self.limit)

    def text(self) -> str:
        return self.editor.toPlainText().strip()


def image_paths(urls: list[Any]) -> list[Path]:
    """Local files among dropped or pasted URLs (anything else is not ours to read)."""
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile()]
