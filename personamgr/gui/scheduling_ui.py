"""Wire scheduling into the window and the tray with one call, :func:`attach_scheduling`.

Adds: "Schedule…" and "Add to queue" beside the compose box's Post button; a
"Schedule" dock (the queue view) and a Schedule menu (pause all, missed posts);
the tray's badge, "Next:" line, "Pause all posting" and notifications; and the
missed-posts list at start-up when a persona's policy is *ask*.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLayout, QMessageBox, QPushButton

from personamgr.core.faults import STORAGE_ERRORS, in_words
from personamgr.core.i18n import translate
from personamgr.core.personas import DEFAULT_SLOTS, Persona
from personamgr.core.scheduling import SchedulerEvent, SchedulingError, describe
from personamgr.gui.a11y import with_letters
from personamgr.gui.help import keys
from personamgr.gui.inbox import Inbox, attach_inbox
from personamgr.gui.missed_dialog import MissedDialog
from personamgr.gui.queue_view import QueueView
from personamgr.gui.schedule_dialog import ScheduleDialog
from personamgr.gui.scheduling import SchedulerBridge, Summary, TrayScheduling
from personamgr.gui.widgets import offer

if TYPE_CHECKING:
    from personamgr.gui.calendar_window import CalendarWindow

log = logging.getLogger(__name__)


def _layout_holding(layout: QLayout, widget: object) -> QHBoxLayout | None:
    """The (nested) layout that directly holds ``widget``."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget and isinstance(layout, QHBoxLayout):
            return layout
        child = item.layout()
        if child is not None:
            found = _layout_holding(child, widget)
            if found is not None:
                return found
    return None


class ComposeScheduling(QObject):
    """"Schedule…" and "Add to queue" for the compose box's text (the draft post itself is scheduled)."""

    def __init__(self, compose: object, bridge: SchedulerBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.compose = compose
        self.bridge = bridge
        self.schedule_button = QPushButton(translate("ComposeScheduling", "Schedule…"))
        self.schedule_button.setObjectName("scheduleButton")
        self.queue_button = QPushButton(translate("ComposeScheduling", "Add to queue"))
        self.queue_button.setObjectName("queueButton")
        self.queue_button.setToolTip(translate("ComposeScheduling", "Post in the persona's next free queue slot"))
        self.schedule_button.clicked.connect(self.schedule_at)
        self.queue_button.clicked.connect(self.add_to_queue)
        # Compose ▸ Schedule… shows it; its keys work where one writes, as the compose box's own.
        self.schedule_action = QAction(translate("ComposeScheduling", "&Schedule…"), compose)  # type: ignore[arg-type]
        self.schedule_action.setObjectName("scheduleAction")
        self.schedule_action.setShortcuts([keys("schedule"), QKeySequence("Ctrl+Shift+Enter")])
        self.schedule_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.schedule_action.triggered.connect(lambda: self.schedule_button.isEnabled() and self.schedule_at())
        compose.addAction(self.schedule_action)  # type: ignore[attr-defined]
        self.schedule_button.setToolTip(translate("ComposeScheduling", "Post at a date and time in the persona's own "
                                                                       "zone (Ctrl+Shift+Return)"))
        post_button = compose.post_button  # type: ignore[attr-defined]
        foot = _layout_holding(compose.layout(), post_button)  # type: ignore[attr-defined]
        if foot is not None:
            at = foot.indexOf(post_button)
            foot.insertWidget(at, self.queue_button)
            foot.insertWidget(at, self.schedule_button)
        self._told: tuple[int, str] | None = None  # the post "Scheduled for …" under the box is about
        bridge.eventArrived.connect(self._forget_told)
        # Scheduling is possible exactly when posting is: follow the compose box's own verdict.
        self._sync(self.compose.can_schedule)  # type: ignore[attr-defined]
        compose.canSendChanged.connect(self._sync)  # type: ignore[attr-defined]

    def _forget_told(self, event: SchedulerEvent) -> None:
        """"Scheduled for …" is no longer true once the scheduler has dealt with that post (sent, failed, held):
        the line goes, unless something else has been said there since."""
        if self._told is None or event.post_id != self._told[0]:
            return
        status = self.compose.status  # type: ignore[attr-defined]
        if status.full_text() == self._told[1]:
            status.setText("")
        self._told = None

    def _sync(self, can: bool) -> None:
        self.schedule_button.setEnabled(can)
        self.queue_button.setEnabled(can)
        offer(self.schedule_action, self.compose.why_not_send,  # type: ignore[attr-defined]
              translate("ComposeScheduling", "Post at a date and time in the persona's own zone"))

    def _take(self, action: Callable[[int], object]) -> None:
        """Save the compose content as the persona's draft, then run ``action`` on its post id (in a worker)."""
        c = self.compose
        uid = c.controller.active_uid  # type: ignore[attr-defined]
        if not uid or c.content().empty:  # type: ignore[attr-defined]
            return
        c.save_draft(lambda post_id: self._run((uid, post_id), action))  # type: ignore[attr-defined]

    def schedule_at(self) -> None:
        persona = self.compose.controller.active  # type: ignore[attr-defined]
        if persona is None:
            return
        dialog = ScheduleDialog(persona, self.bridge.services.clock, parent=self.compose)  # type: ignore[arg-type]
        if not dialog.exec():
            return
        resolved = dialog.resolved

        def schedule() -> None:  # reads the box when it runs: after "Move to …" that is the other persona's
            self._take(lambda pid: self.bridge.engine.schedule.schedule_at(pid, resolved))

        self.compose.guarded("schedule", schedule)  # type: ignore[attr-defined] (the persona guard asks first)

    def add_to_queue(self) -> None:
        def queue_now() -> None:
            self._take(self.bridge.engine.schedule.add_to_queue)

        def queue() -> None:  # after the guard (and any "Move to …"): the persona is the one the post is for now
            persona = self.compose.controller.active  # type: ignore[attr-defined]
            if persona is not None and not persona.queue_slots:
                self.offer_slots(persona, queue_now)  # a new persona: offer slots rather than fail
            else:
                queue_now()

        self.compose.guarded("queue", queue)  # type: ignore[attr-defined] (the persona guard asks first)

    def offer_slots(self, persona: Persona, then: Callable[[], None]) -> QMessageBox:
        """"Add to queue" without queue slots: offer weekday slots (changeable in the settings), then ``then``."""
        times = ", ".join(f"{s.hour:02d}:{s.minute:02d}" for s in DEFAULT_SLOTS[:3])
        box = QMessageBox(QMessageBox.Icon.Question, translate("ComposeScheduling", "No queue slots yet"),
                          translate("ComposeScheduling", "{persona} has no queue slots yet, so there is no next free "
                                    "slot to put this post in.").format(persona=persona.name),
                          QMessageBox.StandardButton.NoButton, self.compose)  # type: ignore[arg-type]
        box.setObjectName("offerSlots")
        box.setInformativeText(translate("ComposeScheduling", "Add slots on weekdays at {times} ({zone}) and queue "
                                         "the post? You can change the slots in the persona's settings.").format(
                                             times=times, zone=persona.timezone))
        yes = box.addButton(translate("ComposeScheduling", "Add slots and queue"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        with_letters(box)
        box.setDefaultButton(yes)
        store = self.bridge.services.store

        def answered(_result: int) -> None:
            if box.clickedButton() is not yes:
                self.compose.say(translate("ComposeScheduling", "Not scheduled: {persona} has no queue slots. Your "  # type: ignore[attr-defined]
                                           "text is kept.").format(persona=persona.name))
                return
            fresh = store.persona(persona.uid)
            self.bridge.workers.submit(lambda: store.update_persona(fresh.with_changes(queue_slots=DEFAULT_SLOTS)),
                                       done=lambda _p: then(), name="default slots")

        box.finished.connect(answered)
        self.slot_question = box
        box.open()
        return box

    slot_question: QMessageBox | None = None

    def _run(self, taken: tuple[str, int], action: object) -> None:
        uid, post_id = taken
        c = self.compose

        def done(result: object) -> None:
            c.drafts.detach(uid, post_id)  # type: ignore[attr-defined]
            if c.controller.active_uid == uid:  # type: ignore[attr-defined]
                c.clear_content()  # type: ignore[attr-defined]
            persona = c.controller.persona(uid)  # type: ignore[attr-defined]
            when = describe(result.when, persona.timezone) if persona else str(result.when)  # type: ignore[attr-defined]
            notes = "".join(f" {n}" for n in (result.note, result.over_limit) if n)  # type: ignore[attr-defined]
            told = translate("ComposeScheduling", "Scheduled for {when}.{note}").format(when=when, note=notes)
            if result.over_limit:  # type: ignore[attr-defined]
                c.say(told, "warning", whole=True)  # type: ignore[attr-defined]
            else:
                c.say(told)  # type: ignore[attr-defined]
            self._told = (post_id, told)
            self.bridge.refresh()

        def failed(error: BaseException) -> None:
            if not isinstance(error, (SchedulingError, *STORAGE_ERRORS)):
                raise error
            why = in_words(error, self.bridge.services.store.path)
            c.status.setText(translate("ComposeScheduling", "Not scheduled: {error}. Your text is "
                                                            "kept.").format(error=why))  # type: ignore[attr-defined]

        self.bridge.workers.submit(lambda: action(post_id), done=done, failed=failed,  # type: ignore[operator]
                                   name="schedule")


@dataclass
class SchedulingUi:
    bridge: SchedulerBridge
    queue: QueueView
    dock: QDockWidget
    tray: TrayScheduling
    compose: ComposeScheduling
    pause_action: QAction
    missed_action: QAction
    inbox: Inbox
    inbox_dock: QDockWidget
    open_calendar: Callable[[], CalendarWindow]
    ask_missed_at_start: bool = True
    _missed_dialog: MissedDialog | None = None

    def show_inbox(self) -> None:
        self.inbox_dock.show()
        self.inbox.window().show()
        self.inbox_dock.raise_()  # a dock's raise_ brings its tab forward (not the window stack)
        self.inbox.view.setFocus()

    def start(self) -> None:
        self.bridge.start()

    def stop(self) -> None:
        self.bridge.stop()

    def show_missed(self) -> MissedDialog:
        if self._missed_dialog is None:
            self._missed_dialog = MissedDialog(self.bridge, self.queue.window())
        self._missed_dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # offscreen has no window stack to raise in
            self._missed_dialog.raise_()
        return self._missed_dialog

    def show_queue(self) -> None:
        self.dock.show()
        self.queue.window().show()
        if QGuiApplication.platformName() != "offscreen":
            self.dock.raise_()

    def _on_summary(self, summary: Summary) -> None:
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(summary.paused_all)
        self.pause_action.blockSignals(False)
        self.missed_action.setText(translate("SchedulingUi", "Missed posts ({len})…").format(len=len(summary.missed)))
        self.missed_action.setEnabled(bool(summary.missed))
        if summary.missed and self.ask_missed_at_start:
            self.ask_missed_at_start = False
            self.show_missed()


def _notifier(shell: object) -> Callable[[str, str, bool], object] | None:
    """The shell's notify (it honours the notifications setting), where the shell has one."""
    notify = getattr(shell, "notify", None)
    if notify is None:
        return None
    return lambda title, message, problem: notify(title, message, problem=problem)


def _with_mnemonic(dock: QDockWidget) -> QAction:
    """The dock's show/hide action, its first letter a mnemonic. Qt names it after the dock's title, with none
    (so Alt+S, S found nothing), and names it again when the title changes ("Inbox (2)")."""
    action = dock.toggleViewAction()

    def name(title: str) -> None:
        action.setText("&" + title.replace("&", "&&"))

    name(dock.windowTitle())
    dock.windowTitleChanged.connect(name)
    return action


def attach_scheduling(shell: object, *, tick_seconds: float = 30.0) -> SchedulingUi:
    """Add the scheduler and its views to a built shell (see ``gui.app.build_shell``). Call ``start()`` next."""
    window = shell.window  # type: ignore[attr-defined]
    bridge = SchedulerBridge(shell.services, shell.events, shell.workers, tick_seconds=tick_seconds,  # type: ignore[attr-defined]
                             parent=window)
    queue = QueueView(bridge, shell.events)  # type: ignore[attr-defined]
    queue.edit_post = window.post_actions.edit
    dock = QDockWidget(translate("SchedulingUi", "Schedule"), window)
    dock.setObjectName("scheduleDock")
    dock.setWidget(queue)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [330], Qt.Orientation.Horizontal)  # a side panel, not half the window
    tray = TrayScheduling(shell.tray, shell.controller, bridge,  # type: ignore[attr-defined]
                          notify_status=lambda msg: window.statusBar().showMessage(msg, 15_000),
                          notify=_notifier(shell), parent=window)
    compose = ComposeScheduling(window.compose, bridge, parent=window)
    if hasattr(window, "add_compose_action"):
        window.add_compose_action(compose.schedule_action)
    title = translate("SchedulingUi", "&Schedule")
    menu = window.add_menu(title) if hasattr(window, "add_menu") else window.menuBar().addMenu(title)
    menu.addAction(_with_mnemonic(dock))
    pause = QAction(translate("scheduling_ui", "&Pause all posting"), window)
    pause.setObjectName("menuPauseAll")
    pause.setCheckable(True)
    pause.toggled.connect(bridge.set_paused_all)
    menu.addAction(pause)
    missed = QAction(translate("scheduling_ui", "&Missed posts…"), window)
    missed.setEnabled(False)
    menu.addAction(missed)
    inbox, inbox_dock = attach_inbox(shell, dock)
    calendar: list[CalendarWindow] = []

    def open_calendar() -> CalendarWindow:
        """The calendar window, made the first time it is asked for (nothing of it is built or even imported at
        start-up)."""
        from personamgr.gui.calendar_window import CalendarWindow

        if not calendar:
            calendar.append(CalendarWindow(shell.services, shell.controller, shell.workers,  # type: ignore[attr-defined]
                                           shell.events, edit_post=window.post_actions.edit,  # type: ignore[attr-defined]
                                           parent=window))
        calendar[0].show_now()
        return calendar[0]

    calendar_action = QAction(translate("SchedulingUi", "&Calendar…"), window)
    calendar_action.setObjectName("menuCalendar")
    calendar_action.setShortcut(keys("calendar"))
    calendar_action.triggered.connect(open_calendar)
    menu.insertAction(pause, calendar_action)
    inbox_action = _with_mnemonic(inbox_dock)
    inbox_action.setShortcut(keys("inbox"))
    menu.insertAction(pause, inbox_action)
    menu.insertSeparator(pause)
    queue.calendar_requested = open_calendar
    ui = SchedulingUi(bridge, queue, dock, tray, compose, pause, missed, inbox, inbox_dock, open_calendar)
    tray.inboxRequested.connect(ui.show_inbox)
    tray.calendarRequested.connect(open_calendar)
    if hasattr(window, "apply_tab_order"):
        window.apply_tab_order()  # Schedule… and Add to queue come right after Post, before the side panel
    missed.triggered.connect(ui.show_missed)
    tray.missedRequested.connect(ui.show_missed)
    tray.queueRequested.connect(ui.show_queue)
    bridge.summaryChanged.connect(ui._on_summary)
    return ui
