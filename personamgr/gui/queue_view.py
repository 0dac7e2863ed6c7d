"""The schedule in the window: every scheduled post in sending order, with reorder, edit, reschedule,
unschedule, and pause per persona or for everything. Everything the tray offers is reachable here too.

Reads and writes run in workers; the view refreshes when the store says posts changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.faults import STORAGE_ERRORS, sentence
from personamgr.core.faults import describe as describe_fault
from personamgr.core.i18n import number, translate
from personamgr.core.outbox import Post
from personamgr.core.personas import Persona
from personamgr.core.scheduling import Scheduled, SchedulingError, describe, short_time
from personamgr.gui.a11y import label_for
from personamgr.gui.coalescing import coalescing_timer
from personamgr.gui.icons import persona_icon
from personamgr.gui.schedule_dialog import ScheduleDialog
from personamgr.gui.scheduling import SchedulerBridge
from personamgr.gui.workers import StoreEvents

ALL = ""


# The rows the panel lists: the next posts due. Past this, a long queue (10,000 posts) held the GUI thread for
# seconds on every change to it, to make rows no one scrolls to; the calendar and the persona filter show the rest.
QUEUE_ROWS = 200


class QueueView(QWidget):
    loaded = Signal()

    def __init__(self, bridge: SchedulerBridge, events: StoreEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.services = bridge.services
        self.schedule = bridge.engine.schedule
        self.setObjectName("queueView")
        self._personas: dict[str, Persona] = {}
        self._posts: list[Post] = []
        self.edit_post: Callable[[Post], object] | None = None  # the window's post editor (attach_scheduling)
        self.calendar_requested: Callable[[], object] | None = None  # opens the calendar (attach_scheduling)

        self.filter = QComboBox()
        self.filter.setObjectName("queueFilter")
        self.filter.setAccessibleName(translate("QueueView", "Show the queue of"))
        # A screen reader on Linux names a combo box by its label, not its accessible name (it reads its value).
        filter_label = label_for(self.filter, translate("QueueView", "Show:"))
        self.filter.activated.connect(lambda _i: self.refresh())
        self.pause_persona = QCheckBox(translate("QueueView", "Pause this persona"))
        self.pause_persona.setObjectName("pausePersona")
        self.pause_persona.clicked.connect(self._pause_persona)
        self.pause_all = QCheckBox(translate("QueueView", "Pause all posting"))
        self.pause_all.setObjectName("pauseAll")
        self.pause_all.clicked.connect(lambda checked: self._run(lambda: self.schedule.set_paused_all(checked)))
        # Two short rows rather than one long one: the view lives in a side dock and must stay narrow.
        top = QVBoxLayout()
        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter, 1)
        top.addLayout(filter_row)
        pauses = QVBoxLayout()  # one above the other: the side panel stays narrow in any language
        pauses.addWidget(self.pause_persona)
        pauses.addWidget(self.pause_all)
        top.addLayout(pauses)

        self.list = QListWidget()
        self.list.setObjectName("queueList")
        self.list.setAccessibleName(translate("QueueView", "Scheduled posts"))
        self.list.setWordWrap(True)
        self.list.itemSelectionChanged.connect(self._enable)
        self.list.itemDoubleClicked.connect(lambda _i: self.edit_selected())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("queueMessage")
        self.message.setWordWrap(True)

        self.up = QPushButton(translate("QueueView", "Move up"))
        self.down = QPushButton(translate("QueueView", "Move down"))
        self.edit = QPushButton(translate("QueueView", "Edit…"))
        self.reschedule = QPushButton(translate("QueueView", "Reschedule…"))
        self.unschedule = QPushButton(translate("QueueView", "Unschedule"))
        self.unschedule.setToolTip(translate("QueueView", "Take it off the schedule; it is kept as a draft"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.edit.clicked.connect(self.edit_selected)
        self.reschedule.clicked.connect(self.reschedule_selected)
        self.unschedule.clicked.connect(self.unschedule_selected)
        buttons = QGridLayout()
        self.calendar = QPushButton(translate("QueueView", "Calendar…"))
        self.calendar.setObjectName("queueCalendar")
        self.calendar.setToolTip(translate("QueueView", "The week or month at a glance, with the free queue slots "
                                           "(Ctrl+Shift+K)"))
        self.calendar.clicked.connect(lambda: self.calendar_requested() if self.calendar_requested else None)
        for i, b in enumerate((self.up, self.down, self.edit, self.reschedule, self.unschedule, self.calendar)):
            buttons.addWidget(b, i // 3, i % 3)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self._debounce = coalescing_timer(self, 120, self.refresh)
        events.changed.connect(self._on_store_changed)
        self._enable()
        self.refresh()

    def _on_store_changed(self, _kind: str) -> None:
        """A bound slot, not a lambda: Qt disconnects it when this view is deleted (the store's signal lives as
        long as the app)."""
        self._debounce.start()

    # -- reading -------------------------------------------------------------------------
    def persona_filter(self) -> str:
        return str(self.filter.currentData() or ALL)

    def refresh(self) -> None:
        uid = self.persona_filter()

        def read() -> tuple[list[Persona], list[Post], bool]:
            personas = self.services.store.personas()
            return personas, self.schedule.scheduled(uid or None), self.schedule.paused_all()

        self.bridge.workers.submit(read, done=self._show, name="queue")

    def _show(self, data: tuple[list[Persona], list[Post], bool]) -> None:
        personas, posts, paused_all = data
        self._personas = {p.uid: p for p in personas}
        current = self.persona_filter()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(translate("QueueView", "All personas"), ALL)
        for p in personas:
            self.filter.addItem(self.icon_of(p), p.name, p.uid)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        if self.persona_filter() != current:
            self.refresh()
            return
        selected = self.selected_post_id()
        self._posts = posts
        self.list.clear()
        now = self.services.clock.now()
        for post in posts[:QUEUE_ROWS]:
            persona = self._personas.get(post.persona_uid)
            tz = persona.timezone if persona else "UTC"
            due = post.next_attempt_at or post.scheduled_at
            flags = []
            if post.next_attempt_at:  # the time shown is when it is tried again, not the one it was given
                flags.append(translate("QueueView", "next try"))
            if persona and persona.paused:
                flags.append(translate("QueueView", "paused"))
            parts = len(post.parts)  # the text below is the first part only; a plain name for pyside6-lupdate
            if parts > 1:
                flags.append(translate("QueueView", "thread of %n posts", None, parts))
            # One thing to read: a narrow dock wraps before the flag, never inside it ("[next" / "try]").
            flag = "  [{}]".format(", ".join(flags).replace(" ", "\u00a0")) if flags else ""
            shown = short_time(due, tz, now) if due else "?"  # as the history and the calendar say it
            item = QListWidgetItem(f"{post.persona_name} · {shown}{flag}\n{post.text}")
            item.setData(Qt.ItemDataRole.UserRole, post.id)
            if persona:
                item.setIcon(self.icon_of(persona))
                if persona.paused or paused_all:
                    item.setForeground(self.list.palette().color(QPalette.ColorRole.PlaceholderText))
            self.list.addItem(item)
            if post.id == selected:
                item.setSelected(True)
        self.pause_all.setChecked(paused_all)
        persona = self._personas.get(self.persona_filter())
        self.pause_persona.setEnabled(persona is not None)
        self.pause_persona.setChecked(bool(persona and persona.paused))
        self.pause_persona.setText(translate("QueueView", "Pause {name}").format(name=persona.name) if persona
                                   else translate("QueueView", "Pause this persona"))
        if not personas:  # the welcome shows, with no compose box to write in yet
            empty = translate("QueueView", "Nothing is scheduled. Create a persona first; then write a post and "
                                           "choose Schedule… or Add to queue.")
        else:
            empty = translate("QueueView", "Nothing is scheduled. Write a post, then choose Schedule… or Add to queue.")
        if len(posts) > QUEUE_ROWS:
            empty = translate("QueueView", "Showing the next {shown} of {total} scheduled posts. Choose a persona "
                              "above, or open the calendar, to see the others.").format(
                shown=number(QUEUE_ROWS), total=number(len(posts)))
        elif posts:
            empty = ""
        self.empty.setText(empty)
        self.empty.setVisible(bool(empty))
        self._enable()
        self.loaded.emit()

    def icon_of(self, persona: Persona) -> QIcon:
        """The persona's icon (drawn once per size for the whole app: persona_icon keeps it)."""
        return persona_icon(persona.colour, persona.initial)

    def selected_post_id(self) -> int | None:
        items = self.list.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def selected_post(self) -> Post | None:
        pid = self.selected_post_id()
        return next((p for p in self._posts if p.id == pid), None)

    def _enable(self) -> None:
        post = self.selected_post()
        for b in (self.edit, self.reschedule, self.unschedule):
            b.setEnabled(post is not None)
        same = [p.id for p in self._posts if post and p.persona_uid == post.persona_uid]
        self.up.setEnabled(post is not None and same.index(post.id) > 0)
        self.down.setEnabled(post is not None and same.index(post.id) < len(same) - 1)

    # -- changing ------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], ok: str = "") -> None:
        def done(result: object) -> None:
            self.message.setText(result.with_warning(ok) if isinstance(result, Scheduled) else ok)
            self.bridge.refresh()

        def failed(error: BaseException) -> None:
            if not isinstance(error, (SchedulingError, LookupError, *STORAGE_ERRORS)):
                raise error
            fault = describe_fault(error, self.services.store.path)
            self.message.setText(sentence(fault) if fault else str(error))
            self.refresh()

        self.bridge.workers.submit(fn, done=done, failed=failed, name="schedule change")

    def _move(self, offset: int) -> None:
        post = self.selected_post()
        if post:
            self._run(lambda: self.schedule.move(post.id, offset))

    def _pause_persona(self, checked: bool) -> None:
        uid = self.persona_filter()
        if uid:
            self._run(lambda: self.schedule.set_paused(uid, checked),
                      f"{self._personas[uid].name} {'paused' if checked else 'resumed'}.")

    def edit_selected(self) -> None:
        """The one post editor (counter, fit meter, thread, images), not a plain box: the window's own."""
        post = self.selected_post()
        if post is not None and self.edit_post is not None:
            self.edit_post(post)

    def reschedule_selected(self) -> None:
        post = self.selected_post()
        persona = self._personas.get(post.persona_uid) if post else None
        if post is None or persona is None:
            return
        dialog = ScheduleDialog(persona, self.services.clock, post.scheduled_at, self)
        if dialog.exec():
            resolved = dialog.resolved
            said = resolved.note or translate("QueueView", "Rescheduled to {when}.").format(
                when=describe(resolved.utc, persona.timezone))
            self._run(lambda: self.schedule.schedule_at(post.id, resolved, seen=post.state), said)

    def unschedule_selected(self) -> None:
        post = self.selected_post()
        if post:
            self._run(lambda: self.schedule.unschedule(post.id), translate("QueueView", "Taken off the schedule; it is "
                                                                                        "kept as a draft."))
