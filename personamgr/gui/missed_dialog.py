"""The start-up list of posts that missed their time (the *ask* policy): the user decides each one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.i18n import translate
from personamgr.core.outbox import Post
from personamgr.core.scheduling import MissedPost, SchedulingError, describe
from personamgr.gui.a11y import with_button_letters
from personamgr.gui.scheduling import SchedulerBridge

NO_SLOTS_ROLE = Qt.ItemDataRole.UserRole + 1  # the persona's name if it has no queue slots, else ""


class MissedDialog(QDialog):
    """Send now, move to the next free slot, or keep as a draft; nothing happens until the user chooses."""

    def __init__(self, bridge: SchedulerBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("missedDialog")
        self.setWindowTitle(translate("MissedDialog", "Posts that missed their time"))
        self.resize(620, 380)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("missedList")
        self.list.setAccessibleName(translate("MissedDialog", "Missed posts"))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.send_now = QPushButton(translate("MissedDialog", "Send now"))
        self.next_slot = QPushButton(translate("MissedDialog", "Next free slot"))
        self.draft = QPushButton(translate("MissedDialog", "Keep as draft"))
        for b, fn in ((self.send_now, bridge.engine.send_missed_now), (self.next_slot, bridge.engine.reschedule_missed),
                      (self.draft, bridge.engine.keep_missed_as_draft)):
            b.clicked.connect(lambda _=False, f=fn: self._apply(f))
        row = QHBoxLayout()
        for b in (self.send_now, self.next_slot, self.draft):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(translate("MissedDialog", "&Decide later"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.list.itemSelectionChanged.connect(self._enable)
        bridge.summaryChanged.connect(lambda s: self.show_missed(s.missed))
        self.show_missed(bridge.summary.missed)
        with_button_letters(self)

    def show_missed(self, missed: list[MissedPost]) -> None:
        keep = {i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()}
        self.list.clear()
        for m in missed:
            p = m.post
            persona = self.bridge.services.store.persona(p.persona_uid)
            due = describe(p.scheduled_at, persona.timezone) if p.scheduled_at else "?"
            head = translate("MissedDialog", "{name} · was due {due}").format(name=p.persona_name, due=due)
            item = QListWidgetItem(f"{head}\n{p.text}\n{m.message}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setData(NO_SLOTS_ROLE, "" if persona.queue_slots else persona.name)
            self.list.addItem(item)
            item.setSelected(p.id in keep)
        n = len(missed)
        self.intro.setText(
            translate("MissedDialog", "%n scheduled post(s) missed their time while personamgr was closed, the "
                      "computer was asleep, or posting was paused. Nothing was sent. Choose what to do with each "
                      "(select several to treat them alike).", None, n) if n
            else translate("MissedDialog", "No missed posts are waiting for a decision."))
        if not self.list.selectedItems() and n:
            self.list.item(0).setSelected(True)
        self._enable()

    def _enable(self) -> None:
        """"Next free slot" only where there is one: a persona without queue slots has none to offer."""
        selected = self.list.selectedItems()
        for b in (self.send_now, self.next_slot, self.draft):
            b.setEnabled(bool(selected))
        slotless = sorted({name for i in selected if (name := i.data(NO_SLOTS_ROLE))})
        if slotless:
            self.next_slot.setEnabled(False)
            self.next_slot.setToolTip(translate("MissedDialog", "{personas} has no queue slots: add some with "
                                                "Persona ▸ Edit persona…, or send it now, or keep it as a draft and "
                                                "schedule it from the compose box.").format(
                                                    personas=", ".join(slotless)))
        else:
            self.next_slot.setToolTip(translate("MissedDialog", "Move to the persona's next free queue slot"))

    def selected_ids(self) -> list[int]:
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.list.selectedItems()]

    def _apply(self, action: Callable[[int], Post]) -> None:
        ids = self.selected_ids()

        def run() -> list[str]:
            problems = []
            for post_id in ids:
                try:
                    action(post_id)
                except SchedulingError as e:
                    problems.append(f"#{post_id}: {e}")
            return problems

        def done(problems: list[str]) -> None:
            self.status.setText("; ".join(problems))
            self.bridge.refresh()

        self.bridge.workers.submit(run, done=done, name="missed decision")
