"""What a post holds: its text, or a thread of parts, each with its images. The one editor every edit uses.

One part looks like a plain compose box. "Split into thread" cuts a long text at
sentence boundaries (core's ``split_thread``); then every part shows X's
weighted count against the persona's limit, and can be edited, merged with the
next, moved up or down, or deleted. Images (up to the network's limit per
part) come by the Image… button, by dropping files on a part, or by pasting;
each is checked and copied into the profile in a worker before it is shown.

The editor holds the content; saving it, judging it and sending it are its
owner's business (:class:`~personamgr.gui.post_composer.PostComposer`).
"""

from __future__ import annotations

import itertools
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal, Slot
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.media import (
    X_LIMITS,
    MediaError,
    MediaLimits,
    animated_file,
    gif_not_alone,
    import_image,
    read_file,
)
from personamgr.core.note_words import network_label
from personamgr.core.text import Measure, counter_text, measure, split_thread
from personamgr.gui.help import keys
from personamgr.gui.image_strip import AltTextDialog, ImageStrip, image_paths
from personamgr.gui.widgets import set_tone
from personamgr.gui.workers import Workers

MIN_LINES = 3
MAX_LINES = 9
IMAGE_FILTER = QT_TRANSLATE_NOOP("ThreadEditor", "Images (*.png *.jpg *.jpeg *.gif *.webp)")  # translated where used
THUMB_ROW = 84  # an image strip's height: thumbnail and its "Alt ✓" line
THREAD_MIN_H = 230


def starts_right_to_left(text: str) -> bool:
    """Whether the first letter of ``text`` that has a direction is written right to left (Arabic, Hebrew …)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class PartEditor(QPlainTextEdit):
    """A part's text box that also takes images: dropped files, pasted files or a pasted bitmap."""

    filesOffered = Signal(list)  # noqa: N815 (Qt naming) local paths
    imagePasted = Signal(QImage)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(self._align_to_script)

    @Slot()
    def _align_to_script(self) -> None:
        """Start the text at the edge its script starts from: a plain-text box lays out every paragraph from the
        left, so a post in Arabic or Hebrew sat at the left with its first word mid-box. The first letter that has
        a direction decides, for the whole post, as the networks show it."""
        option = self.document().defaultTextOption()
        edge = Qt.AlignmentFlag.AlignRight if starts_right_to_left(self.toPlainText()) else Qt.AlignmentFlag.AlignLeft
        if option.alignment() != edge:
            option.setAlignment(edge)
            self.document().setDefaultTextOption(option)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt API)
        return bool(image_paths(source.urls())) or source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt API)
        paths = image_paths(source.urls())
        if paths:
            self.filesOffered.emit(paths)
        elif source.hasImage():
            self.imagePasted.emit(QImage(source.imageData()))
        else:
            super().insertFromMimeData(source)


class PartBox(QFrame):
    """One part of a thread: "2/5 · 120 / 280", its text, its images, and what can be done to it."""

    def __init__(self, editor: PartEditor, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partBox")
        self.editor = editor
        self.head = QLabel()
        self.head.setObjectName("partHead")
        self.counter = QLabel()
        self.counter.setObjectName("partCounter")
        self.buttons: dict[str, QToolButton] = {}
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.setSpacing(2)
        tools.addWidget(self.head)
        tools.addWidget(self.counter)
        tools.addStretch(1)
        for name, text, tip in (
            ("image", translate("ThreadEditor", "Image…"), translate("ThreadEditor", "Add an image to this part")),
            ("up", "↑", translate("ThreadEditor", "Move this part up")),
            ("down", "↓", translate("ThreadEditor", "Move this part down")),
            ("merge", translate("ThreadEditor", "Merge ↓"), translate("ThreadEditor", "Merge with the next part")),
            ("delete", "✕", translate("ThreadEditor", "Delete this part")),
        ):
            button = QToolButton()
            button.setObjectName(f"part_{name}")
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            tools.addWidget(button)
            self.buttons[name] = button
        self.tools = QWidget()
        self.tools.setLayout(tools)
        self.images = ImageStrip(workers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.tools)
        layout.addWidget(editor, 1)
        layout.addWidget(self.images)

    def fit_height(self, single: bool) -> None:
        """A part of a thread is as tall as its text (within limits); a single post fills the box."""
        if single:
            self.editor.setMinimumHeight(84)
            self.editor.setMaximumHeight(16_777_215)
            return
        line = self.editor.fontMetrics().lineSpacing()
        lines = max(MIN_LINES, min(MAX_LINES, int(self.editor.document().size().height()) + 1))
        margins = self.editor.contentsMargins()
        height = lines * line + 2 * int(self.editor.document().documentMargin()) + margins.top() + margins.bottom() + 4
        self.editor.setMinimumHeight(height)
        self.editor.setMaximumHeight(height)


class ThreadEditor(QWidget):
    """The parts of a post and their images. ``editors[0]`` is the first part's text box."""

    contentChanged = Signal()  # noqa: N815 (Qt naming) any text, part or image changed
    message = Signal(str, str)  # text, tone ("error", "warning", ""): for the owner's status line
    imagesRead = Signal()  # noqa: N815 (Qt naming) a worker learnt which of the images shown are animated GIFs

    def __init__(self, first: PartEditor, workers: Workers, media_dir: Callable[[], Path | None],
                 parent: QWidget | None = None, *, in_place: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        self.media_dir = media_dir
        self.in_place = in_place  # Store.ensure_in_place: no image is copied into a profile moved or removed
        self.limit = 280
        self.limits: MediaLimits = X_LIMITS
        self.counting = "x"  # which count ``measurer`` makes: a change of network re-lays the counters out
        self.measurer: Callable[[str], Measure] = lambda text: measure(text, self.limit)
        self.boxes: list[PartBox] = []
        self.media: list[dict[str, Any]] = []
        self.read: set[str] = set()  # the attached files read in a worker, by path, and the animated GIFs among them
        self.animated: set[str] = set()
        self._loading = False
        self._read_only = False
        self.locked = 0  # the first parts of a thread that already went out: they cannot change
        self.pending_imports = 0
        self.scroll = QScrollArea()
        self.scroll.setObjectName("threadScroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the parts in it, not to the frame
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.parts_layout = QVBoxLayout(self.inner)
        self.parts_layout.setContentsMargins(0, 0, 0, 0)
        self.parts_layout.setSpacing(10)
        self.add_button = QPushButton(translate("ThreadEditor", "+ Add a post to the thread"))
        self.add_button.setObjectName("addPart")
        self.add_button.setToolTip(translate("ThreadEditor", "A new part after the last one (Ctrl+Shift+N)"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_part())
        self.parts_layout.addWidget(self.add_button)
        self.scroll.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._add_box(first, 0)
        # An action, not a bare shortcut, so a menu can show it and its key (the window's Compose menu).
        self.add_part_action = QAction(translate("ThreadEditor", "Add a post to the &thread"), self)
        self.add_part_action.setObjectName("addPartAction")
        self.add_part_action.setShortcut(keys("thread_part"))
        self.add_part_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_part_action.triggered.connect(lambda _checked=False: self.add_part(self.focused_part() + 1))
        self.addAction(self.add_part_action)
        self._relayout()

    # -- reading -------------------------------------------------------------------------
    @property
    def editors(self) -> list[PartEditor]:
        return [b.editor for b in self.boxes]

    def parts(self) -> list[str]:
        return [b.editor.toPlainText() for b in self.boxes]

    def is_thread(self) -> bool:
        return len(self.boxes) > 1

    def focused_part(self) -> int:
        for i, box in enumerate(self.boxes):
            if box.editor.hasFocus():
                return i
        return len(self.boxes) - 1 if self.is_thread() else 0

    def media_of(self, part: int) -> list[dict[str, Any]]:
        return [m for m in self.media if int(m.get("part", 0)) == part]

    def gif_not_alone(self) -> str | None:
        """An animated GIF among other images on a part, where the network takes it only alone (media.gif_not_alone):
        asked after every change, so what is said follows the images as parts are moved, split, joined or removed."""
        return gif_not_alone(self.media, self.animated, self.limits, thread=self.is_thread())

    def too_long(self) -> list[int]:
        """1-based numbers of the parts over the limit."""
        return [i + 1 for i, t in enumerate(self.parts()) if self.measurer(t).too_long]

    def empty_parts(self) -> list[int]:
        return [i + 1 for i, t in enumerate(self.parts()) if not t.strip()] if self.is_thread() else []

    # -- writing -------------------------------------------------------------------------
    def set_content(self, parts: list[str] | tuple[str, ...], media: list[dict[str, Any]] | tuple[Any, ...] = ()
                    ) -> None:
        """Show these parts and images."""
        self._set_texts(list(parts) or [""])
        self.media = [dict(m) for m in media]
        self._read_images()
        self._relayout()
        self.contentChanged.emit()  # the owner knows it is loading; the guard's meter must look again

    def set_limit(self, limit: int, limits: MediaLimits = X_LIMITS,
                  measurer: tuple[str, Callable[[str], Measure]] | None = None) -> None:
        """The persona's limit and image rules; ``measurer`` is (a key naming the count, the count itself) for
        a network that does not count as X does (Mastodon, Bluesky)."""
        counting, count = measurer or ("x", lambda text: measure(text, self.limit))
        if (limit, limits, counting) != (self.limit, self.limits, self.counting):
            self.limit, self.limits, self.counting, self.measurer = limit, limits, counting, count
            self._relayout()

    def set_read_only(self, read_only: bool) -> None:
        """While the content may not change (it is on its way, or in its undo seconds): no part is added from the
        window's menu or its key either, as none is from the box's own buttons."""
        if read_only != self._read_only:
            self._read_only = read_only
            self.add_part_action.setEnabled(not read_only)
            self._relayout()

    def lock(self, parts: int) -> None:
        """The first ``parts`` went out already (a thread stopped part-way): shown, not editable or movable."""
        self.locked = parts
        self._relayout()

    def set_placeholder(self, text: str) -> None:
        self.boxes[0].editor.setPlaceholderText(text)

    def clear(self) -> None:
        self.set_content([""], [])

    def split(self) -> bool:
        """Cut the text into parts that each fit the limit, at paragraph, then sentence boundaries.

        Parts that already went out stay as they are; only the rest is cut again.
        """
        kept = self.parts()[:self.locked]
        text = "\n\n".join(p.strip() for p in self.parts()[self.locked:] if p.strip())
        parts = split_thread(text, self.limit, lambda t: self.measurer(t).fit_length)
        if len(parts) < 2 and not kept:
            return False
        # The pictures of the parts cut again go with the first of them.
        images = [dict(m, part=min(int(m.get("part", 0)), self.locked)) for m in self.media]
        self.set_content([*kept, *parts], images)
        self._changed()
        self.boxes[0].editor.setFocus()
        return True

    def add_part(self, at: int | None = None, text: str = "") -> PartEditor:
        """A new part at ``at`` (default: the end); the parts after it move down with their images."""
        at = len(self.boxes) if at is None else max(1, min(at, len(self.boxes)))
        for m in self.media:
            if int(m.get("part", 0)) >= at:
                m["part"] = int(m.get("part", 0)) + 1
        texts = self.parts()
        texts.insert(at, text)
        self._set_texts(texts)
        self._relayout()
        self._changed()
        editor = self.boxes[at].editor
        editor.setFocus()
        return editor

    def remove_part(self, i: int) -> None:
        if not self.is_thread() or not 0 <= i < len(self.boxes):
            return
        texts = self.parts()
        del texts[i]
        self.media = [m for m in self.media if int(m.get("part", 0)) != i]
        for m in self.media:
            if int(m.get("part", 0)) > i:
                m["part"] = int(m.get("part", 0)) - 1
        self._set_texts(texts)
        self._relayout()
        self._changed()
        self.boxes[max(0, i - 1)].editor.setFocus()

    def _set_texts(self, texts: list[str]) -> None:
        """Put ``texts`` in the part boxes, dropping boxes from the end (the first box and editor always stay)."""
        self._loading = True
        try:
            while len(self.boxes) > max(1, len(texts)):
                self._drop_box(len(self.boxes) - 1)
            while len(self.boxes) < len(texts):
                self._add_box(PartEditor(), len(self.boxes))
            for box, text in zip(self.boxes, texts or [""], strict=True):
                if box.editor.toPlainText() != text:
                    box.editor.setPlainText(text)
        finally:
            self._loading = False

    def merge_with_next(self, i: int) -> None:
        if not 0 <= i < len(self.boxes) - 1:
            return
        first, second = self.boxes[i].editor, self.boxes[i + 1].editor
        joined = "\n\n".join(t for t in (first.toPlainText().strip(), second.toPlainText().strip()) if t)
        texts = self.parts()
        texts[i:i + 2] = [joined]
        for m in self.media:
            part = int(m.get("part", 0))
            m["part"] = part - 1 if part > i else part
        self._set_texts(texts)
        self._relayout()
        self._changed()
        self.boxes[i].editor.setFocus()

    def move_part(self, i: int, delta: int) -> None:
        j = i + delta
        if not (0 <= i < len(self.boxes) and 0 <= j < len(self.boxes)):
            return
        a, b = self.boxes[i].editor, self.boxes[j].editor
        ta, tb = a.toPlainText(), b.toPlainText()
        self._loading = True
        try:
            a.setPlainText(tb)
            b.setPlainText(ta)
        finally:
            self._loading = False
        for m in self.media:
            part = int(m.get("part", 0))
            m["part"] = j if part == i else i if part == j else part
        self._relayout()
        self._changed()
        b.setFocus()

    # -- images --------------------------------------------------------------------------
    def choose_images(self, part: int | None = None) -> None:
        part = self.focused_part() if part is None else part
        files, _ = QFileDialog.getOpenFileNames(self, translate("ThreadEditor", "Add images"), str(Path.home()),
                                                translate("ThreadEditor", IMAGE_FILTER))
        self.add_images([Path(f) for f in files], part)

    def add_images(self, paths: list[Path], part: int = 0, *, temporary: bool = False) -> None:
        """Check and copy ``paths`` into the profile (in a worker), then attach them to ``part``.

        ``temporary``: the files are ours (a pasted bitmap saved for the copy) and go once copied.
        """
        if self._read_only or not paths:
            return
        room = self.limits.per_post - len(self.media_of(part)) - self.pending_imports
        if room <= 0:
            self.message.emit(translate("ThreadEditor", "{network} allows at most {n} images per post.").format(
                network=network_label(self.limits.network), n=self.limits.per_post), "error")
            return
        folder = self.media_dir()
        if folder is None:
            return
        take, skipped = paths[:room], len(paths) - room
        limits, in_place = self.limits, self.in_place
        self.pending_imports += len(take)

        def copy() -> tuple[list[dict[str, Any]], list[str], set[str]]:
            done, problems, animated = [], [], set()
            for p in take:
                try:
                    image = read_file(p.expanduser(), limits.most)
                    done.append(import_image(folder, image, part=part, limits=limits, in_place=in_place))
                    if image.animated:
                        animated.add(done[-1]["path"])
                except MediaError as e:
                    problems.append(str(e))
                finally:
                    if temporary:
                        p.unlink(missing_ok=True)
                        p.parent.rmdir()
            return done, problems, animated

        def landed(result: tuple[list[dict[str, Any]], list[str], set[str]]) -> None:
            self.pending_imports -= len(take)
            items, problems, animated = result
            part_now = min(part, len(self.boxes) - 1)
            self.read |= {m["path"] for m in items}
            self.animated |= animated
            self.media += [dict(m, part=part_now) for m in items]
            self._relayout()
            if items:
                self._changed()
            if items and (alone := self.gif_not_alone()):  # attached all the same (the user chooses which to move)
                problems.append(alone)
            if skipped > 0:
                problems.append(translate("ThreadEditor", "{network} allows at most {n} images per post; {k} were "
                                          "not added.").format(network=network_label(limits.network), n=limits.per_post,
                                                               k=skipped))
            if problems:
                self.message.emit(" ".join(problems), "error")
            elif items and any(not m.get("alt_text") for m in items):
                self.message.emit(translate("ThreadEditor", "Click an image to give it alt text."), "")

        def failed(error: BaseException) -> None:
            self.pending_imports -= len(take)
            self.message.emit(str(error), "error")

        self.workers.submit(copy, done=landed, failed=failed, name="attach images")

    def paste_image(self, image: QImage, part: int) -> None:
        """A pasted bitmap (a screenshot): saved as PNG, then attached like a file."""
        if image.isNull():
            return
        tmp = Path(tempfile.mkdtemp(prefix="personamgr-paste-")) / "pasted-image.png"
        if image.save(str(tmp), "PNG"):
            self.add_images([tmp], part, temporary=True)

    def remove_image(self, item: dict[str, Any]) -> None:
        self.media = [m for m in self.media if m is not item and m.get("path") != item.get("path")]
        self._relayout()
        self._changed()

    def edit_alt(self, item: dict[str, Any]) -> AltTextDialog:
        dialog = AltTextDialog(item, self.workers, self.window(), self.limits.max_alt)

        def save() -> None:
            for m in self.media:
                if m.get("path") == item.get("path"):
                    m["alt_text"] = dialog.text()
            self._relayout()
            self._changed()

        dialog.accepted.connect(save)
        previous = self.alt_dialog
        if previous is not None and not previous.isVisible():
            previous.deleteLater()
        self.alt_dialog = dialog  # kept after it closes: its owner (and the tests) read it back
        dialog.open()
        return dialog

    alt_dialog: AltTextDialog | None = None

    # -- inside --------------------------------------------------------------------------
    def _read_images(self) -> None:
        """Learn in a worker which of the images shown (a draft's, a post's being edited) are animated GIFs, for
        :meth:`gif_not_alone`; images attached here were read as they were copied."""
        paths = {str(m.get("path")) for m in self.media} - self.read
        if not paths:
            return
        limits = self.limits

        def read() -> set[str]:
            return {p for p in paths if animated_file(Path(p), limits)}

        def landed(animated: set[str]) -> None:
            self.read |= paths
            self.animated |= animated
            self.imagesRead.emit()

        self.workers.submit(read, done=landed, name="read images")

    def _add_box(self, editor: PartEditor, at: int) -> None:
        editor.setTabChangesFocus(True)
        editor.setReadOnly(self._read_only)
        box = PartBox(editor, self.workers)
        self.boxes.insert(at, box)
        self.parts_layout.insertWidget(at, box)
        box.show()  # now, not when the event loop next runs: the caller may look at it at once
        editor.textChanged.connect(self._on_text)
        editor.filesOffered.connect(lambda paths, b=box: self.add_images(paths, self.boxes.index(b)))
        editor.imagePasted.connect(lambda image, b=box: self.paste_image(image, self.boxes.index(b)))
        box.images.altRequested.connect(self.edit_alt)
        box.images.removeRequested.connect(self.remove_image)
        box.buttons["image"].clicked.connect(lambda _c=False, b=box: self.choose_images(self.boxes.index(b)))
        box.buttons["up"].clicked.connect(lambda _c=False, b=box: self.move_part(self.boxes.index(b), -1))
        box.buttons["down"].clicked.connect(lambda _c=False, b=box: self.move_part(self.boxes.index(b), 1))
        box.buttons["merge"].clicked.connect(lambda _c=False, b=box: self.merge_with_next(self.boxes.index(b)))
        box.buttons["delete"].clicked.connect(lambda _c=False, b=box: self.remove_part(self.boxes.index(b)))

    def _drop_box(self, i: int) -> None:
        """Remove the last box (never the first: its editor is the owner's ``editor``)."""
        assert i == len(self.boxes) - 1 and i > 0
        box = self.boxes.pop(i)
        self.parts_layout.removeWidget(box)
        box.editor.textChanged.disconnect(self._on_text)
        box.hide()
        box.deleteLater()

    def _on_text(self) -> None:
        if self._loading:
            return
        self._relayout()
        self._changed()

    def _changed(self) -> None:
        self.contentChanged.emit()

    def _relayout(self) -> None:
        """Headers, counters, buttons and images after any change; a single post has none of the thread chrome."""
        single = not self.is_thread()
        n = len(self.boxes)
        for i, box in enumerate(self.boxes):
            box.tools.setVisible(not single)
            box.setFrameShape(QFrame.Shape.NoFrame if single else QFrame.Shape.StyledPanel)
            m = self.measurer(box.editor.toPlainText())
            box.head.setText(translate("ThreadEditor", "{i}/{n}").format(i=i + 1, n=n))
            box.counter.setText(f"· {counter_text(m)}")
            box.counter.setProperty("tooLong", m.too_long)
            set_tone(box.counter, "strong-error" if m.too_long else "hint")
            box.editor.setAccessibleName(translate("ThreadEditor", "Compose") if single else
                                         translate("ThreadEditor", "Part {i} of {n}").format(i=i + 1, n=n))
            fixed = self._read_only or i < self.locked  # read-only, or already on the timeline
            box.editor.setReadOnly(fixed)
            box.buttons["image"].setEnabled(not fixed)
            box.buttons["delete"].setEnabled(not fixed)
            box.buttons["up"].setEnabled(i > self.locked and not fixed)
            box.buttons["down"].setEnabled(i < n - 1 and not fixed)
            box.buttons["merge"].setEnabled(i < n - 1 and not fixed)
            box.images.show_items(self.media_of(i))
            box.fit_height(single)
        self.parts_layout.setStretch(0, 1 if single else 0)
        # Tall enough for what it holds (a single post with its images; a thread's first part and a glimpse of the
        # next), so the window gives the box room instead of cutting thumbnails off.
        images = THUMB_ROW if self.boxes[0].images.isVisibleTo(self) else 0
        self.scroll.setMinimumHeight(84 + images if single else min(THREAD_MIN_H, self.inner.sizeHint().height()))
        self.add_button.setVisible(not single)
        self.add_button.setEnabled(not self._read_only)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if single
                                               else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        for a, b in itertools.pairwise(self.tab_chain()):
            QWidget.setTabOrder(a, b)

    def tab_chain(self) -> list[QWidget]:
        """Tab's path through the parts: a part's text, its images and its buttons, the next part, then "+ Add a
        post". A part added later joins Qt's focus chain at its end: Tab went through the whole window first."""
        chain: list[QWidget] = []
        for box in self.boxes:
            chain += [box.editor, *box.images.tiles, *box.buttons.values()]
        return [*chain, self.add_button]


