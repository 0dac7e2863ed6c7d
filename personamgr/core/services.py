"""The services one profile runs on, built once and passed to the GUI, the CLI and the scheduler.

Nothing in ``core`` reaches for a global: tests build a :class:`Services` with
an in-memory store, a fake clock or another keyring backend and hand it in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from personamgr.core.clock import Clock, SystemClock
from personamgr.core.faults import Fault
from personamgr.core.i18n import translate
from personamgr.core.media import release
from personamgr.core.networks.base import Network
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import Outbox, PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.post_workflows import PostWorkflows
from personamgr.core.posting import Poster, PreSendCheck, resumable
from personamgr.core.profile_id import profile_id
from personamgr.core.secrets import SecretsError, SecretStore
from personamgr.core.settings import Settings
from personamgr.core.store import PersonaNotFound, Store, StoreError, make_private


@dataclass
class Services:
    store: Store
    secrets: SecretStore
    networks: MutableMapping[str, Network]
    clock: Clock
    paths: AppPaths | None = None
    pre_send_check: PreSendCheck | None = None  # the guard's last look at scheduled posts; None: no check
    settings: Settings = field(default_factory=Settings)  # the user's preferences (in memory unless opened)
    outbox: Outbox = field(init=False)
    poster: Poster = field(init=False)
    workflows: PostWorkflows = field(init=False)

    def __post_init__(self) -> None:
        self.outbox = Outbox(self.store, resumable(self.store, self.networks, self.clock))
        self.poster = Poster(self.store, self.outbox, self.secrets, self.networks, self.clock,
                             pre_send_check=self.pre_send_check, demo=self.paths is not None and self.paths.demo)
        self.workflows = PostWorkflows(self)

    @property
    def media_dir(self) -> Path | None:
        """Where attached images are copied (None for a profile without files, e.g. an in-memory test store)."""
        return self.paths.media if self.paths is not None else None

    def delete_persona(self, persona: Persona) -> str | None:
        """Delete a persona, its posts and its credentials; refused (TransitionError, nothing deleted) while a post
        of it may be on the network (Outbox.delete_persona).

        Returns a warning if the keyring could not be reached; the persona is
        deleted regardless, and the warning tells the user what is left behind.
        """
        self.outbox.refuse_persona_delete(persona.uid)  # before its credentials go (the delete checks again)
        warning = None
        try:  # while the persona is in the store: it tells whether an entry from before profiles is its own
            if self.secrets.state().usable:
                self.secrets.delete_credentials(persona.uid)
        except SecretsError as e:
            warning = f"The persona was deleted, but its credentials could not be removed from the keyring: {e}"
        media = [m for p in self.outbox.in_states(PostState, persona.uid) for m in p.media]
        self.outbox.delete_persona(persona.uid)
        release(self.store, self.media_dir, media)
        return warning

    def close(self) -> None:
        for n in self.networks.values():
            close = getattr(n, "close", None)
            if close:
                close()
        self.store.close()


def _sandbox_error(error: BaseException, paths: AppPaths) -> StoreError:
    """Why the sandbox's file cannot be used. Damaged, it is not the profile: the general advice (restore from
    the backups folder, where no copy of it is ever made) would be wrong, and the user is told the profile is
    intact and that moving the file away gives a fresh sandbox."""
    found = StoreError.of(error, paths.sandbox_database)
    if found.fault is not Fault.DAMAGED:
        return found
    return StoreError(translate(
        "Services", "{path} is damaged and cannot be read ({error}). It holds only the posts of the sandbox, the "
        "built-in demo network; your personas and posts are in {database}, which is intact. Move {name} away and "
        "personamgr starts an empty sandbox. Nothing was changed.").format(
        path=paths.sandbox_database, error=getattr(error, "orig", None) or error, database=paths.database,
        name=paths.sandbox_database.name), Fault.DAMAGED)


def open_services(
    paths: AppPaths,
    *,
    secrets: SecretStore | None = None,
    clock: Clock | None = None,
    networks: MutableMapping[str, Network] | None = None,
    pre_send_check: PreSendCheck | None = None,
) -> Services:
    """Open the profile at ``paths``: its database, its networks, the keyring.

    Raises StoreError, saying what is wrong and what to do, when a folder or file cannot be used.
    """
    try:
        paths.ensure()
    except OSError as e:
        raise StoreError.of(e, paths.data) from None
    clock = clock or SystemClock()
    store = Store.open(paths.database, clock=clock, backups=paths.backups)
    try:
        scoped = profile_secrets(store, secrets or SecretStore())
    except (sqlite3.Error, DBAPIError, OSError) as e:
        store.close()
        raise StoreError.of(e, paths.database) from None
    if networks is None:
        try:
            networks = {"sandbox": SandboxNetwork(paths.sandbox_database, clock)}
        except (sqlite3.Error, OSError) as e:
            store.close()
            raise _sandbox_error(e, paths) from None
        make_private(paths.sandbox_database)
        if not paths.demo:  # the demo connects no account (core.demo): its one network is the sandbox
            from personamgr.core.networks import registry

            networks.update(registry.extra_networks(paths, clock))
    return Services(store=store, secrets=scoped, networks=networks, clock=clock, paths=paths,
                    pre_send_check=pre_send_check, settings=Settings(paths.settings, in_place=store.ensure_in_place))


def profile_secrets(store: Store, secrets: SecretStore) -> SecretStore:
    """``secrets`` with its entries named for this profile (see personamgr.core.profile_id)."""

    def connected_here(uid: str) -> bool:
        """Whether this profile connected the persona itself: only then is a pre-profile entry its own."""
        try:
            return store.connection_state(uid)[1] is not None
        except (PersonaNotFound, sqlite3.Error, DBAPIError):
            return False  # not known here (or not now): leave the old entry where it is

    return secrets.for_profile(profile_id(store), connected_here)
