"""The tray icon: the active persona's colour and initial, and a menu to switch, compose or quit.

It follows :class:`PersonaController` exactly like the window does, so a
switch in either shows in both. The icon is drawn at run time for every tray size.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from personamgr.core.i18n import translate
from personamgr.gui.accounts_text import account_text, network_name
from personamgr.gui.controller import PersonaController
from personamgr.gui.icons import app_icon, persona_icon

log = logging.getLogger(__name__)

TRAY_PERSONAS = 8  # listed in the menu; past that, the ones used last and "All personas…" (a long menu runs off
# the screen, and not every desktop scrolls one)


class Tray(QObject):
    composeRequested = Signal()  # noqa: N815 (Qt naming)
    showRequested = Signal()  # noqa: N815 (Qt naming)
    toggleRequested = Signal()  # noqa: N815 (Qt naming) a left click on the icon
    quitRequested = Signal()  # noqa: N815 (Qt naming)
    findRequested = Signal()  # noqa: N815 (Qt naming) "All personas…": the window, its persona finder in hand
    # A persona chosen in the menu, now the active one: the window comes up to write as it (a persona is chosen to
    # post as it; the switch alone changed only the icon, and left a hidden window hidden)
    personaChosen = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, controller: PersonaController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.group.triggered.connect(self._on_persona_action)
        self.icon = QSystemTrayIcon(self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        controller.personasChanged.connect(self.rebuild)
        controller.activePersonaChanged.connect(self._on_active)
        self.rebuild()

    # -- menu ----------------------------------------------------------------------------
    @Slot()
    def rebuild(self) -> None:
        self.menu.clear()
        for action in self.group.actions():
            self.group.removeAction(action)
        personas = self.controller.personas
        many = len(personas) > TRAY_PERSONAS
        if many:
            by_uid = {p.uid: p for p in personas}
            personas = [by_uid[uid] for uid in self.controller.recent_uids()[:TRAY_PERSONAS]]
        for p in personas:
            network = network_name(p)
            text = f"{p.name}  {p.handle}  ({network})" if p.handle else f"{p.name}  ({network})"
            # No icon: in most styles an icon replaces the radio mark, and the mark is what says "current".
            action = QAction(text, self.menu)
            action.setCheckable(True)
            action.setData(p.uid)
            action.setChecked(p.uid == self.controller.active_uid)
            action.setToolTip(p.focus_summary)
            self.group.addAction(action)
            self.menu.addAction(action)
        if not self.controller.personas:
            empty = self.menu.addAction(translate("Tray", "No personas yet"))
            empty.setEnabled(False)
        if many:
            more = self.menu.addAction(translate("Tray", "All personas ({count})…").format(
                count=len(self.controller.personas)), self.findRequested.emit)
            more.setObjectName("trayAllPersonas")
        self.menu.addSeparator()
        self.menu.addAction(translate("Tray", "Compose…"), self.composeRequested.emit)
        self.menu.addAction(translate("Tray", "Show window"), self.showRequested.emit)
        self.menu.addSeparator()
        self.menu.addAction(translate("Tray", "Quit"), self.quitRequested.emit)
        self._on_active(self.controller.active_uid, "")

    @Slot(QAction)
    def _on_persona_action(self, action: QAction) -> None:
        self.controller.set_active(action.data())
        self.personaChosen.emit()

    def persona_actions(self) -> list[QAction]:
        return self.group.actions()

    def checked_uid(self) -> str | None:
        checked = self.group.checkedAction()
        return None if checked is None else checked.data()

    # -- icon ----------------------------------------------------------------------------
    @Slot(str, str)
    def _on_active(self, uid: str, _previous: str) -> None:
        persona = self.controller.persona(uid)
        if len(self.controller.personas) > TRAY_PERSONAS and uid not in {a.data() for a in self.group.actions()[:1]}:
            # the ones used last, this one first: once the action that chose it has finished
            QTimer.singleShot(0, self, self.rebuild)
        for action in self.group.actions():
            if action.data() == uid:
                action.setChecked(True)
        if persona is None:
            self.icon.setIcon(app_icon())
            self.icon.setToolTip(translate("Tray", "personamgr"))
            return
        self.icon.setIcon(persona_icon(persona.colour, persona.initial))
        self.icon.setToolTip(translate("Tray", "personamgr — posting as {name} {account}").format(
            name=persona.name, account=account_text(persona)))
        self.current_icon_key = (persona.colour, persona.initial)

    current_icon_key: tuple[str, str] = ("", "")

    def current_icon(self) -> QIcon:
        return self.icon.icon()

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.toggleRequested.emit()

    # -- showing -------------------------------------------------------------------------
    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def notify(self, title: str, message: str, on_done: Callable[[], None] | None = None) -> None:
        self.icon.showMessage(title, message, self.icon.icon(), 6000)
        if on_done:
            on_done()
