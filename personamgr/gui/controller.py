"""Which persona is active: one owner, so the window and the tray can never disagree.

The choice is persisted in the store (setting ``active_persona``) so the app
reopens as the persona the user last chose, and so is the order they were last
chosen in (``recent_personas``): the tray lists the ones used last when there
are too many for a menu. It is written in a worker, the
choices in the order they were made: a switch never waits for the database.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from personamgr.core.faults import STORAGE_ERRORS
from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui.workers import StoreEvents, Workers

log = logging.getLogger(__name__)

ACTIVE_KEY = "active_persona"
RECENT_KEY = "recent_personas"


class PersonaController(QObject):
    """Owns the persona list as the GUI sees it and the active persona."""

    activePersonaChanged = Signal(str, str)  # noqa: N815 (Qt naming) new uid, previous uid ("" when none)
    personasChanged = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, services: Services, events: StoreEvents, workers: Workers,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workers = workers
        self._personas: list[Persona] = services.store.personas()
        self._active = ""
        stored = services.store.get_setting(ACTIVE_KEY)
        self._active = self._valid(stored)
        recent = services.store.get_setting(RECENT_KEY)
        self._recent: list[str] = [uid for uid in recent if isinstance(uid, str)] if isinstance(recent, list) else []
        events.changed.connect(self._on_store_changed)

    # -- reading -------------------------------------------------------------------------
    @property
    def personas(self) -> list[Persona]:
        return list(self._personas)

    @property
    def active_uid(self) -> str:
        return self._active

    @property
    def active(self) -> Persona | None:
        return self.persona(self._active)

    def recent_uids(self) -> list[str]:
        """Every persona's uid, the active one first, then the ones chosen most lately, then the others in the
        list's order."""
        order = [self._active, *self._recent, *(p.uid for p in self._personas)]
        known = {p.uid for p in self._personas}
        return [uid for uid in dict.fromkeys(order) if uid in known]

    def persona(self, uid: str) -> Persona | None:
        return next((p for p in self._personas if p.uid == uid), None)

    def _valid(self, uid: object) -> str:
        """``uid`` if it names a persona, else the first persona's uid, else ""."""
        if isinstance(uid, str) and self.persona(uid) is not None:
            return uid
        return self._personas[0].uid if self._personas else ""

    # -- changing ------------------------------------------------------------------------
    @Slot(str)
    def set_active(self, uid: str) -> None:
        """Make ``uid`` the active persona (ignored if unknown or already active)."""
        if uid == self._active or self.persona(uid) is None:
            return
        previous, self._active = self._active, uid
        self._remember(uid)
        log.info("active persona: %s", self.persona(uid).name)  # type: ignore[union-attr]
        self.activePersonaChanged.emit(uid, previous)

    def _remember(self, uid: str) -> None:
        """Keep the active persona for the next start; a profile that cannot be written now only forgets it."""
        store = self.services.store
        self._recent = [uid, *(u for u in self._recent if u != uid and self.persona(u) is not None)]
        recent = list(self._recent)

        def write() -> None:
            store.set_setting(ACTIVE_KEY, uid)
            store.set_setting(RECENT_KEY, recent)

        self.workers.remember(write, name="the active persona", lane=ACTIVE_KEY)

    @Slot(str)
    def _on_store_changed(self, kind: str) -> None:
        if kind != "personas":
            return
        try:
            personas = self.services.store.personas()
        except STORAGE_ERRORS as e:  # the profile removed, the disk gone: what reads or writes next says so
            log.warning("could not read the personas again: %s", e)
            return
        if personas == self._personas:
            return  # announced again (another process' check sees this process' writes too): nothing to redo
        self._personas = personas
        self.personasChanged.emit()
        fixed = self._valid(self._active)
        if fixed != self._active:  # the active persona was deleted
            previous, self._active = self._active, fixed
            if fixed:
                self._remember(fixed)
            self.activePersonaChanged.emit(fixed, previous)
