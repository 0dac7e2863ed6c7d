"""The history of posts, newest first, each with a state the user cannot miss.

Sent shows when and where (a thread: one item, with a link per part); Failed
shows why (and which part of a thread); Held says what stopped it before it
went out; Needs review says the post may have gone out; Sending… is visibly in
flight. Times are in the persona's zone, named when it is not the computer's
own, exactly as the Schedule panel shows them. The list is read in a worker
and refreshed whenever the store reports a change to posts or personas.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from personamgr.core import search
from personamgr.core.i18n import translate
from personamgr.core.outbox import Post, PostState
from personamgr.core.scheduling import short_time
from personamgr.core.services import Services
from personamgr.gui import theme
from personamgr.gui.coalescing import coalescing_timer
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import DraftKeeper
from personamgr.gui.icons import persona_pixmap
from personamgr.gui.workers import StoreEvents, Workers

if TYPE_CHECKING:
    from personamgr.gui.post_actions import PostActions

POST_ROLE = Qt.ItemDataRole.UserRole + 2
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 3
ZONE_ROLE = Qt.ItemDataRole.UserRole + 4
HISTORY_LIMIT = 200
MAX_TEXT_LINES = 3
MAX_DETAIL_LINES = 2
PAD = 10
DISC = 20
CHIP_PAD = 14  # a state chip's width beyond its label
CHIP_GAP = 8  # between the chip and the time
NAME_GAP = 8  # between the persona's name and the chip



def chip_colours(state: PostState, palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) of a state's chip, from the theme that goes with ``palette``."""
    table = theme.colours(palette)
    return QColor(table[f"chip_{state.value}_bg"]), QColor(table[f"chip_{state.value}"])

AnyIndex = QModelIndex | QPersistentModelIndex


def when(dt: datetime | None, zone: str = "UTC", now: datetime | None = None) -> str:
    """A short time in the persona's zone ("Today 14:00"), with the zone named if it is not the computer's."""
    if dt is None:
        return ""
    return short_time(dt, zone, now or datetime.now().astimezone())


def detail(post: Post, zone: str = "UTC", now: datetime | None = None) -> str:
    """The line under the text: where it went, or why it did not. The text above it is the first part only, so a
    thread says it is one: the rest goes (or went) out with it."""
    parts = len(post.parts)  # a plain name: pyside6-lupdate reads no other count
    if post.state is PostState.SENT:
        where = post.remote_url or (f"id {post.remote_id}" if post.remote_id else "")
        line = translate("HistoryView", "{where} (a thread of %n posts)", None, parts).format(where=where) \
            if parts > 1 else where
        if post.other_account is None:
            return line
        # Its persona posts as another account now: the post is on the one it went out as.
        return translate("HistoryView", "Sent as {account} ({persona} now posts as {now}): {where}").format(
            account=post.other_account, persona=post.persona_name, now=post.persona_handle or "?", where=line)
    line = _unsent_detail(post, zone, now)
    if parts < 2:
        return line
    return " ".join(w for w in (translate("HistoryView", "A thread of %n posts.", None, parts), line) if w)


def _unsent_detail(post: Post, zone: str, now: datetime | None) -> str:
    if post.state is PostState.SCHEDULED and post.next_attempt_at is not None:
        reason = f"{post.note} " if post.note else ""
        return reason + translate("HistoryView", "Next try {when}.").format(when=when(post.next_attempt_at, zone, now))
    if post.state is PostState.SCHEDULED and post.scheduled_at is not None:
        return translate("HistoryView", "Goes out {when}.").format(when=when(post.scheduled_at, zone, now))
    if post.state is PostState.SENDING:
        return translate("HistoryView", "Being sent now…")
    return post.note or ""


def header_texts(fm: QFontMetrics, label: str, time_text: str, room: int) -> tuple[str, str]:
    """The state chip's label and the time, as they fit in ``room`` pixels after the persona's name.

    The time keeps its place and is whole when it can be; a long state ("Retenida: casi duplicada")
    is elided instead, since the detail line under the text says the whole reason. Drawn right-aligned
    in too little room, the time used to lose its first letters under the chip."""
    time_w = fm.horizontalAdvance(time_text)
    chip_room = room - CHIP_PAD - CHIP_GAP - time_w
    if fm.horizontalAdvance(label) > chip_room:
        label = fm.elidedText(label, Qt.TextElideMode.ElideRight, max(chip_room, fm.horizontalAdvance("…") * 3))
    left = room - CHIP_PAD - CHIP_GAP - fm.horizontalAdvance(label)
    if time_w > left:
        time_text = fm.elidedText(time_text, Qt.TextElideMode.ElideLeft, max(left, 0))
    return label, time_text


def header_name(fm_name: QFontMetrics, fm_small: QFontMetrics, name: str, *, label: str, time_text: str,
                room: int) -> str:
    """The persona's name as it fits in ``room`` pixels before the state chip and the time: cut with "…" when it is
    long (its disc and the post say whose it is), so that the state and the time stay in sight. A long name was
    drawn whole and pushed them past the item's edge."""
    after = NAME_GAP + CHIP_PAD + fm_small.horizontalAdvance(label) + CHIP_GAP + fm_small.horizontalAdvance(time_text)
    if fm_name.horizontalAdvance(name) <= room - after:
        return name
    return fm_name.elidedText(name, Qt.TextElideMode.ElideRight, max(room - after, room // 3))


def stamp(post: Post, zone: str = "UTC", now: datetime | None = None) -> str:
    """The time in an item's header: when it went out, else when it last changed."""
    return when(post.sent_at if post.state is PostState.SENT else post.updated_at, zone, now)


class HistoryDelegate(QStyledItemDelegate):
    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view
        # The line under each post, by post, version, zone and minute: a resize measures every row again, and
        # working these words out (time zones included) was most of that (bench/long-history).
        self._details: dict[tuple[int, datetime, str, datetime], str] = {}

    def _now(self) -> datetime:
        services = getattr(self.view, "services", None)
        return services.clock.now() if services is not None else datetime.now().astimezone()

    def forget(self) -> None:
        """The rows are made again: their lines are worked out afresh."""
        self._details.clear()

    def _detail(self, post: Post, zone: str) -> str:
        now = self._now()
        key = (post.id, post.updated_at, zone, now.replace(second=0, microsecond=0))
        if key not in self._details:
            self._details[key] = detail(post, zone, now)
        return self._details[key]

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)  # type: ignore[attr-defined]
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        return base, bold, small

    @staticmethod
    def _text_rect(width: int, text: str, font: QFont, lines: int = MAX_TEXT_LINES) -> QRect:
        fm = QFontMetrics(font)
        r = fm.boundingRect(QRect(0, 0, max(50, width), 10_000), Qt.TextFlag.TextWordWrap, text)
        return QRect(0, 0, r.width(), min(r.height(), fm.lineSpacing() * lines))

    def _draw_wrapped(self, painter: QPainter, rect: QRect, text: str, font: QFont, lines: int) -> int:
        """Draw ``text`` wrapped into at most ``lines`` lines, elided; returns the height used."""
        fm = QFontMetrics(font)
        shown = self._text_rect(rect.width(), text, font, lines)
        full = fm.boundingRect(QRect(0, 0, max(50, rect.width()), 10_000), Qt.TextFlag.TextWordWrap, text)
        if full.height() > shown.height():
            text = self._clip(text, fm, rect.width(), lines)
        painter.setFont(font)
        painter.drawText(QRect(rect.x(), rect.y(), rect.width(), shown.height()), Qt.TextFlag.TextWordWrap, text)
        return shown.height()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802 (Qt API)
        post: Post | None = index.data(POST_ROLE)
        width = self.view.viewport().width()
        if post is None:
            return QSize(width, 40)
        extra = self._detail(post, index.data(ZONE_ROLE) or "UTC")
        base, bold, small = self._fonts(option)
        text_w = width - 2 * PAD - DISC - 10
        h = PAD + QFontMetrics(bold).height() + 4 + self._text_rect(text_w, post.text, base).height()
        if extra:
            h += 4 + self._text_rect(text_w, extra, small, MAX_DETAIL_LINES).height()
        return QSize(width, h + PAD + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        post: Post | None = index.data(POST_ROLE)
        zone: str = index.data(ZONE_ROLE) or "UTC"
        if post is None:
            return super().paint(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r: QRect = option.rect  # type: ignore[attr-defined]
        pal: QPalette = option.palette  # type: ignore[attr-defined]
        colour: str = index.data(COLOUR_ROLE) or pal.color(QPalette.ColorRole.Mid).name()
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(r, pal.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(pal.color(QPalette.ColorRole.Midlight))
        painter.drawLine(r.left() + PAD, r.bottom(), r.right() - PAD, r.bottom())
        base, bold, small = self._fonts(option)
        fm_bold, fm_small = QFontMetrics(bold), QFontMetrics(small)
        x, y = r.left() + PAD, r.top() + PAD
        painter.drawPixmap(x, y, persona_pixmap(colour, post.persona_name[:1] or "?", DISC,
                                                dpr=painter.device().devicePixelRatioF()))
        tx = x + DISC + 10
        right = r.right() - PAD
        # Header: persona, state chip, time.
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        head_h = fm_bold.height()
        time_text = stamp(post, zone, self._now())
        name = header_name(fm_bold, fm_small, post.persona_name, label=post.status, time_text=time_text,
                           room=right - tx)
        painter.drawText(QRect(tx, y, right - tx, head_h), Qt.AlignmentFlag.AlignLeft, name)
        cx = tx + fm_bold.horizontalAdvance(name) + NAME_GAP
        chip_bg, chip_fg = chip_colours(post.state, pal)
        label, time_text = header_texts(fm_small, post.status, time_text, right - cx)
        cw = fm_small.horizontalAdvance(label) + CHIP_PAD
        chip = QRect(cx, y + (head_h - fm_small.height() - 2) // 2, cw, fm_small.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_bg)
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setFont(small)
        painter.setPen(chip_fg)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRect(chip.right() + CHIP_GAP, y, right - chip.right() - CHIP_GAP, head_h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, time_text)
        # The text, wrapped, at most MAX_TEXT_LINES lines.
        y += head_h + 4
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        y += self._draw_wrapped(painter, QRect(tx, y, right - tx, 0), post.text, base, MAX_TEXT_LINES)
        extra = self._detail(post, zone)
        if extra:
            y += 4
            painter.setPen(chip_fg if post.state is not PostState.SENT else pal.color(
                QPalette.ColorRole.Link))
            self._draw_wrapped(painter, QRect(tx, y, right - tx, 0), extra, small, MAX_DETAIL_LINES)
        painter.restore()
        return None

    @staticmethod
    def _clip(text: str, fm: QFontMetrics, width: int, lines: int) -> str:
        """The longest prefix (plus "…") that wraps into ``lines`` lines."""
        limit = fm.lineSpacing() * lines
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            candidate = text[:mid].rstrip() + "…"
            h = fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, candidate).height()
            if h <= limit:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo].rstrip() + "…"


class HistoryView(QListWidget):
    """Every post except the drafts that live in a compose box, newest first.

    Keyboard: the Menu key or Shift+F10 opens the selected post's actions, Delete deletes it (after asking).
    """

    currentPostChanged = Signal(object)  # noqa: N815 (Qt naming) the selected Post, or None

    def __init__(self, services: Services, controller: PersonaController, drafts: DraftKeeper, workers: Workers,
                 events: StoreEvents, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        self.drafts = drafts
        self.workers = workers
        self.post_actions: PostActions | None = None  # the window sets it: each state's actions in the menu
        self.setObjectName("history")
        self.setAccessibleName(translate("HistoryView", "History"))
        self._delegate = HistoryDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.currentItemChanged.connect(lambda item, _prev: self.currentPostChanged.emit(
            item.data(POST_ROLE) if item is not None and not item.isHidden() else None))
        self._filter = ""
        self._generation = 0
        self._loaded = False
        self._refresh_timer = coalescing_timer(self, 30, self.refresh)  # the bursts of notifications a send makes
        self._read_for = ""  # the search words the listed posts were read with
        self._search_timer = coalescing_timer(self, 150, self.refresh)  # read once the user pauses typing
        events.changed.connect(self._on_change)
        self.refresh()

    @Slot(str)
    def _on_change(self, kind: str) -> None:
        if kind in ("posts", "personas", "drafts"):  # "drafts": a draft left its box (Ctrl+N), so it is listed
            self._refresh_timer.start()

    @Slot()
    def refresh(self) -> None:
        """Read the posts in a worker; a newer refresh supersedes an older one still running."""
        self._generation += 1
        gen, needle = self._generation, self._filter.strip()
        self.workers.submit(lambda: self.read(needle), done=lambda posts: self._show(gen, posts, needle),
                            name=self.objectName())

    def empty_text(self) -> str:
        return translate("HistoryView", "Nothing posted yet. Posts appear here with their state: sent, failed or "
                         "needing review.")

    def read(self, needle: str = "") -> list[Post]:
        """What the list shows, newest first (runs in a worker). While searching, the newest posts that contain the
        search's words too, however old: the list holds the newest few, and a search must reach every post."""
        outbox = self.services.outbox
        posts = outbox.history(limit=HISTORY_LIMIT)
        if not needle:
            return posts
        seen = {p.id for p in posts}
        found = [p for p in outbox.history(limit=HISTORY_LIMIT, containing=needle) if p.id not in seen]
        return sorted([*posts, *found], key=lambda p: (p.updated_at, p.id), reverse=True)

    def posts(self) -> list[Post]:
        return [self.item(i).data(POST_ROLE) for i in range(self.count())]

    def _show(self, gen: int, posts: list[Post], needle: str = "") -> None:
        if gen != self._generation:
            return
        self._read_for = needle
        hidden = self.drafts.post_ids()
        colours = {p.uid: p.colour for p in self.controller.personas}
        zones = {p.uid: p.timezone for p in self.controller.personas}
        selected = self.currentItem().data(POST_ROLE).id if self.currentItem() else None
        self.clear()
        self._delegate.forget()
        for post in posts:
            if post.state is PostState.DRAFT and (post.id in hidden or not post.text.strip()):
                continue
            item = QListWidgetItem()
            zone = zones.get(post.persona_uid, "UTC")
            item.setData(POST_ROLE, post)
            item.setData(COLOUR_ROLE, colours.get(post.persona_uid))
            item.setData(ZONE_ROLE, zone)
            status = post.status if post.other_account is None else translate(
                "HistoryView", "Sent as {account}").format(account=post.other_account)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{post.persona_name}, {status}: {post.text}")
            extra = detail(post, zone, self.services.clock.now())
            tip = post.text if not extra else f"{post.text}\n\n{extra}"
            item.setToolTip(tip)
            self.addItem(item)
            if post.id == selected:
                self.setCurrentItem(item)
        self._loaded = True
        self.set_filter(self._filter)
        self.currentPostChanged.emit(self.current_post())
        self.viewport().update()

    # -- searching (Ctrl+F) --------------------------------------------------------------
    @Slot(str)
    def set_filter(self, text: str) -> None:
        """Show only posts whose words, persona or state contain ``text`` (case-insensitive)."""
        self._filter = text
        if text.strip() != self._read_for:  # read again with the search's words (the timer coalesces the keys)
            self._search_timer.start()
        needle = search.fold(text)
        for i in range(self.count()):
            item = self.item(i)
            post: Post = item.data(POST_ROLE)
            hay = f"{search.searchable(post.parts, post.persona_name)}\n{post.status}\n{detail(post)}".casefold()
            item.setHidden(bool(needle) and needle not in hay)
        current = self.currentItem()
        if current is not None and current.isHidden():
            self.setCurrentItem(None)
        self.viewport().update()

    def visible_posts(self) -> list[Post]:
        return [self.item(i).data(POST_ROLE) for i in range(self.count()) if not self.item(i).isHidden()]

    def current_post(self) -> Post | None:
        item = self.currentItem()
        return item.data(POST_ROLE) if item is not None and not item.isHidden() else None

    # -- the keyboard ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        post = self.current_post()
        menu_key = event.key() == Qt.Key.Key_Menu or (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier)
        if post is not None and menu_key:
            rect = self.visualItemRect(self.currentItem())
            self.menu_for(post).popup(self.viewport().mapToGlobal(rect.center()))
            return
        if post is not None and event.key() == Qt.Key.Key_Delete and self.post_actions is not None:
            action = next((fn for name, _label, fn in self.post_actions.actions_for(post) if name == "delete"), None)
            if action is not None:
                action()
                return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.doItemsLayout()  # rows wrap to the new width: measure them again so none overlaps the next

    @property
    def loaded(self) -> bool:
        return self._loaded

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if self.count() == 0 and self._loaded:
            p = QPainter(self.viewport())
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.viewport().rect().adjusted(20, 20, -20, -20),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                       self.empty_text())
            p.end()
        elif self._loaded and self._filter.strip() and not self.visible_posts():
            p = QPainter(self.viewport())
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.viewport().rect().adjusted(20, 20, -20, -20),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                       translate("HistoryView", "No post matches \u201c{text}\u201d.").format(
                           text=self._filter.strip()))
            p.end()

    @Slot(QPoint)
    def _menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        if item is None:
            return
        self.menu_for(item.data(POST_ROLE)).exec(self.viewport().mapToGlobal(pos))

    def menu_for(self, post: Post) -> QMenu:
        """The context menu of ``post``: what its state allows (see ``post_actions``), then Copy text."""
        menu = QMenu(self)
        if self.post_actions is not None:
            self.post_actions.fill_menu(menu, post)
            return menu
        menu.addAction(translate("HistoryView", "Copy text"), lambda: QGuiApplication.clipboard().setText(post.text))
        if post.remote_url:
            menu.addAction(translate("HistoryView", "Copy link"),
                           lambda: QGuiApplication.clipboard().setText(post.remote_url or ""))
        return menu
