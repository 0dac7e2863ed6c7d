"""The scheduler inside the window's process, and what it shows: tray badge, "Next:" line, notifications.

APScheduler's ``QtScheduler`` is broken under PySide6 (design.md), so the GUI
runs the same :class:`SchedulerDriver` (a ``BackgroundScheduler``) as the
daemon. Its events arrive on scheduler threads and are re-emitted through a
queued signal, so every widget update happens on the GUI thread. Summaries
(counts, next post, missed posts) are read in a worker after each change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QIcon, QPainter
from PySide6.QtWidgets import QMenu

from personamgr.core.faults import STORAGE_ERRORS, in_words
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.outbox import ATTENTION
from personamgr.core.scheduling import EventKind, MissedPost, ScheduleEngine, SchedulerEvent
from personamgr.core.scheduling.local_time import short_time
from personamgr.core.services import Services
from personamgr.gui import theme
from personamgr.gui.coalescing import coalescing_timer
from personamgr.gui.icons import TRAY_SIZES, app_icon, persona_pixmap
from personamgr.gui.workers import StoreEvents, Workers

log = logging.getLogger(__name__)

NEXT_PREVIEW = 28
# Events worth interrupting the user for; the rest only reach the log and the history.
NOTIFY = {EventKind.SENT, EventKind.FAILED, EventKind.NEEDS_REVIEW, EventKind.GUARD_HELD, EventKind.MISSED_HELD,
          EventKind.MISSED_SKIPPED, EventKind.INTERRUPTED, EventKind.PROFILE_GONE}
BURST_MS = 600


@dataclass(frozen=True, slots=True)
class Summary:
    attention: int = 0  # failed, held and needs review: what the inbox lists
    next_line: str = QT_TRANSLATE_NOOP("scheduling", "Next: nothing scheduled")
    paused_all: bool = False
    missed: list[MissedPost] = field(default_factory=list)


def next_line(services: Services, engine: ScheduleEngine) -> str:
    """'Next: career · Today 14:00 · Five questions to ask…' in the persona's own zone."""
    sched = engine.schedule
    if sched.paused_all():
        return translate("scheduling", "Next: posting is paused")
    post = sched.next_up()
    if post is None:
        return translate("scheduling", "Next: nothing scheduled")
    due = post.next_attempt_at or post.scheduled_at
    tz = services.store.persona(post.persona_uid).timezone
    # As the schedule and the history say it: a weekday alone ("Wed 21:00") read as this week's for a post weeks away
    when = short_time(due, tz, services.clock.now()) if due is not None else ""
    text = " ".join(post.text.split())
    if len(text) > NEXT_PREVIEW:  # cut at a word, so the line reads "Five questions to ask at…"
        cut = text[: NEXT_PREVIEW - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,.;:") + "…"
    return translate("scheduling", "Next: {persona} · {when} · {text}").format(persona=post.persona_name, when=when,
                                                                             text=text)


def badge_icon(base: QIcon | None, colour: str | None, initial: str, count: int) -> QIcon:
    """The tray icon with a red count in the corner (none when ``count`` is 0)."""
    icon = QIcon()
    for size in TRAY_SIZES:
        px = persona_pixmap(colour, initial, size) if colour else (base or app_icon()).pixmap(size, size)
        if count:
            p = QPainter(px)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            d = max(8.0, size * 0.55)
            rect = QRectF(size - d, 0, d, d)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(theme.colour("badge"))
            p.drawEllipse(rect)
            font = QFont()
            font.setBold(True)
            font.setPixelSize(max(6, round(d * 0.7)))
            p.setFont(font)
            p.setPen(theme.colour("badge_text"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count) if count < 10 else "9+")
            p.end()
        icon.addPixmap(px)
    return icon


class SchedulerBridge(QObject):
    """Owns the GUI process' scheduler and republishes its state on the GUI thread."""

    eventArrived = Signal(object)  # noqa: N815 (Qt naming) SchedulerEvent, on the GUI thread
    summaryChanged = Signal(object)  # noqa: N815 (Qt naming) Summary
    _raw = Signal(object)

    def __init__(self, services: Services, events: StoreEvents, workers: Workers, *, tick_seconds: float = 30.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workers = workers
        self.engine = ScheduleEngine(services)
        self.tick_seconds = tick_seconds
        self.driver: Any = None  # a SchedulerDriver, built in a worker: APScheduler stays off the first frame
        self.summary = Summary()
        self._raw.connect(self.eventArrived, Qt.ConnectionType.QueuedConnection)
        self.engine.subscribe(self._on_engine_event)
        self._debounce = coalescing_timer(self, 150, self.refresh)
        events.changed.connect(self._on_store_changed)
        self._started = False
        self._generation = 0

    def _on_store_changed(self, _kind: str) -> None:
        """A bound slot, not a lambda: Qt disconnects it when this object is deleted, while the store's signal
        lives as long as the app."""
        self._debounce.start()

    def _on_engine_event(self, event: SchedulerEvent) -> None:
        try:
            self._raw.emit(event)  # any thread -> the GUI thread
        except RuntimeError:  # quitting: the bridge is gone
            pass

    def start(self) -> None:
        """Start the scheduler in a worker (it recovers interrupted posts and reads the outbox first)."""
        if self._started:
            return
        self._started = True

        def start() -> None:
            from personamgr.core.scheduling.driver import SchedulerDriver

            driver = SchedulerDriver(self.engine, tick_seconds=self.tick_seconds)
            driver.start()
            self.driver = driver

        self.workers.submit(start, done=lambda _r: self.refresh(), name="scheduler start")

    def stop(self) -> None:
        """Stop planning; wait for a post being sent right now to finish."""
        if self._started:
            self.workers.wait(10)  # a start still in its worker
            if self.driver is not None:
                self.driver.stop(wait=True)
            self._started = False

    def poke(self) -> None:
        if self.driver is not None:
            self.driver.poke()

    @Slot()
    def refresh(self) -> None:
        """Read the summary in a worker. Only the newest read is shown: an older one finishing last (several run
        at once when changes come quickly) would put back what was true before."""
        self._generation += 1
        gen = self._generation
        self.workers.submit(self._read_summary, done=lambda s: self._set_summary(s) if gen == self._generation
                            else None, name="schedule summary")

    def _read_summary(self) -> Summary:
        outbox = self.services.outbox
        return Summary(attention=outbox.counts(ATTENTION),
                       next_line=next_line(self.services, self.engine), paused_all=self.engine.schedule.paused_all(),
                       missed=self.engine.missed())

    def _set_summary(self, summary: Summary) -> None:
        self.summary = summary
        self.summaryChanged.emit(summary)

    def set_paused_all(self, paused: bool, failed: Callable[[str], None] | None = None) -> None:
        """Pause or resume all posting. If the profile cannot take it, the summary is read again, so the switch
        that was flipped shows what is true, and ``failed`` hears why."""
        def not_written(error: BaseException) -> None:
            if not isinstance(error, STORAGE_ERRORS):
                raise error
            self.refresh()
            if failed is not None:
                failed(in_words(error, self.services.store.path))

        self.workers.submit(lambda: self.engine.schedule.set_paused_all(paused), failed=not_written,
                            name="pause all")


class TrayScheduling(QObject):
    """Adds the schedule to the tray: badge, "Next:" line, "Pause all posting", notifications."""

    missedRequested = Signal()  # noqa: N815 (Qt naming)
    queueRequested = Signal()  # noqa: N815 (Qt naming)
    inboxRequested = Signal()  # noqa: N815 (Qt naming)
    calendarRequested = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, tray: object, controller: object, bridge: SchedulerBridge, *, notify_status: object = None,
                 notify: Callable[[str, str, bool], object] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self.controller = controller
        self.bridge = bridge
        self.notify_status = notify_status  # fallback when there is no tray: a callable(str)
        self.notify = notify  # notify(title, message, problem): honours the notifications setting
        self.next_action = QAction(translate("TrayScheduling", "Next: nothing scheduled"), self)
        self.next_action.setObjectName("trayNext")
        self.next_action.triggered.connect(self.queueRequested)
        self.pause_action = QAction(translate("TrayScheduling", "Pause all posting"), self)
        self.pause_action.setObjectName("trayPauseAll")
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self._on_pause_toggled)
        self.missed_action = QAction(translate("TrayScheduling", "Missed posts…"), self)
        self.missed_action.triggered.connect(self.missedRequested)
        self.inbox_action = QAction(translate("TrayScheduling", "Inbox…"), self)
        self.inbox_action.setObjectName("trayInbox")
        self.inbox_action.triggered.connect(self.inboxRequested)
        self.calendar_action = QAction(translate("TrayScheduling", "Calendar…"), self)
        self.calendar_action.setObjectName("trayCalendar")
        self.calendar_action.triggered.connect(self.calendarRequested)
        self.separator = QAction(self)
        self.separator.setSeparator(True)
        self._pending: list[SchedulerEvent] = []
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(BURST_MS)
        self._burst.timeout.connect(self._flush_notifications)
        # Connected after the tray's own slots, so these run after it rebuilt its menu or icon.
        controller.personasChanged.connect(self.install)  # type: ignore[attr-defined]
        controller.activePersonaChanged.connect(lambda *_: self.update_icon())  # type: ignore[attr-defined]
        bridge.summaryChanged.connect(self._on_summary)
        bridge.eventArrived.connect(self._on_event)
        self.install()

    @property
    def menu(self) -> QMenu:
        return self.tray.menu  # type: ignore[attr-defined,no-any-return]

    @Slot()
    def install(self) -> None:
        """Put the schedule entries above the final "Quit" group (the tray rebuilds its menu on changes)."""
        actions = self.menu.actions()
        for a in (self.next_action, self.calendar_action, self.inbox_action, self.pause_action, self.missed_action,
                  self.separator):
            self.menu.removeAction(a)
        seps = [a for a in actions if a.isSeparator() and a is not self.separator]
        before = seps[-1] if seps else None
        mine = [self.next_action, self.calendar_action]
        if self.bridge.summary.attention:  # what the badge counts, one click away
            mine.append(self.inbox_action)
        mine.append(self.pause_action)
        if self.bridge.summary.missed:
            mine.append(self.missed_action)
        mine.append(self.separator)
        self.menu.insertActions(before, mine)  # type: ignore[arg-type]
        self.update_icon()

    def _on_summary(self, summary: Summary) -> None:
        self.next_action.setText(summary.next_line)
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(summary.paused_all)
        self.pause_action.blockSignals(False)
        self.missed_action.setText(translate("TrayScheduling", "Missed posts ({len})…").format(len=len(summary.missed)))
        self.inbox_action.setText(translate("TrayScheduling", "Inbox ({n})…").format(n=summary.attention))
        self.install()

    def _on_pause_toggled(self, checked: bool) -> None:
        self.bridge.set_paused_all(checked, failed=lambda why: self._tell(
            translate("TrayScheduling", "Pause all posting"),
            translate("TrayScheduling", "Not changed: {error}.").format(error=why), problem=True))

    def update_icon(self) -> None:
        count = self.bridge.summary.attention
        persona = self.controller.active  # type: ignore[attr-defined]
        icon = badge_icon(None, persona.colour if persona else None, persona.initial if persona else "", count)
        self.tray.icon.setIcon(icon)  # type: ignore[attr-defined]
        base = translate("Tray", "personamgr — posting as {name}").format(name=persona.name) if persona \
            else "personamgr"
        extra = " · " + translate("scheduling", "attention: %n post(s)", None, count) if count else ""
        self.tray.icon.setToolTip(base + extra)  # type: ignore[attr-defined]

    # -- notifications -------------------------------------------------------------------
    def _on_event(self, event: SchedulerEvent) -> None:
        if event.changes_due:  # a clock gap that changed what is due: its own news, not one more post in a burst
            self._tell_events([event])
            return
        if event.kind not in NOTIFY:
            return
        self._pending.append(event)
        self._burst.start()

    def _flush_notifications(self) -> None:
        events, self._pending = self._pending, []
        if events:
            self._tell_events(events)

    def _tell_events(self, events: list[SchedulerEvent]) -> None:
        """One notification (the tray's, or the status bar without a tray) for ``events``."""
        if len(events) == 1:
            title, message = events[0].title, events[0].message
        else:
            kinds: dict[str, int] = {}
            for e in events:
                kinds[e.title.split(" (")[0]] = kinds.get(e.title.split(" (")[0], 0) + 1
            count = len(events)
            title = translate("scheduling", "%n scheduled post(s)", None, count)
            message = "; ".join(f"{n} × {k.lower()}" for k, n in kinds.items()) + ". " + translate(
                "scheduling", "See the history.")
        self.last_notification = (title, message)
        self._tell(title, message, problem=any(e.kind is not EventKind.SENT for e in events))

    def _tell(self, title: str, message: str, *, problem: bool) -> None:
        """A desktop notification from the tray, or the window's status bar when there is no tray."""
        tray_icon = self.tray.icon  # type: ignore[attr-defined]
        if tray_icon.isVisible():
            if self.notify is not None:
                self.notify(title, message, problem)
            else:
                self.tray.notify(title, message)  # type: ignore[attr-defined]
        elif callable(self.notify_status):
            self.notify_status(f"{title}: {message}")

    last_notification: tuple[str, str] = ("", "")
