"""Connecting a persona to another account when the database cannot take it: nothing is half done, and the
message says what happened.

The credentials go to the keyring first, then the account to the database. A database locked by another program
(real SQLite locks), or a disk that is read-only (a real tmpfs), used to surface as the library's error, with SQL in
it; and a lock that came between the database's writes left a persona showing the new account while it posted as
the old one. Real Mastodon.py against the fake server, real gnome-keyring.
"""

from __future__ import annotations

import sqlite3

import pytest
from db_locks import let_go, locked, take_lock

from personamgr.core.networks.accounts import ConnectError
from personamgr.core.networks.mastodon.auth import connect_with_tokens
from personamgr.core.outbox import PostState

pytestmark = pytest.mark.e2e


class Profile:
    """metal posts as @metal (mastodon_world); @riffs is the account it is switched to."""

    def __init__(self, w) -> None:  # type: ignore[no-untyped-def]
        self.w, self.services, self.persona = w, w.services, w.persona
        self.database = w.services.paths.database
        riffs = w.fake.add_account("riffs")
        self.metal_id = f"mastodon:{w.persona.server}:{w.account.id}"
        self.riffs_id = f"mastodon:{w.persona.server}:{riffs.id}"
        self.riffs_token = w.fake.add_token(riffs)

    def switch(self) -> object:
        return connect_with_tokens(self.services.store, self.services.secrets, self.w.network, self.persona,
                                   {"server": self.persona.server, "access_token": self.riffs_token},
                                   switch_account=True)

    def as_it_is(self) -> tuple[str | None, str | None, str | None]:
        """(the account the persona shows, the account it is connected to, the token it posts with)."""
        persona = self.services.store.persona(self.persona.uid)
        _state, remote = self.services.store.connection_state(self.persona.uid)
        creds = self.services.secrets.get_credentials(self.persona.uid) or {}
        return persona.handle, remote, creds.get("access_token")


@pytest.fixture
def profile(quick_locks: None, mastodon_world) -> Profile:  # type: ignore[no-untyped-def]
    return Profile(mastodon_world)


def test_a_switch_the_locked_database_refused_says_so_and_changes_nothing(profile: Profile) -> None:
    before = profile.as_it_is()
    with locked(profile.database), pytest.raises(ConnectError) as refused:
        profile.switch()
    assert str(refused.value) == (
        f"metal was not switched to @riffs@fosstodon.example: {profile.database} is locked by another program, and "
        "stayed locked while personamgr waited. If another personamgr or a database tool has it open, close that and "
        "try again; nothing was changed. metal still posts as @metal@fosstodon.example.")
    assert profile.as_it_is() == before == ("@metal@fosstodon.example", profile.metal_id, profile.w.token)


def test_a_lock_between_the_writes_leaves_no_persona_showing_one_account_and_posting_as_another(
        profile: Profile) -> None:
    """Another program took the lock just as the persona's row was written: the row said @riffs, the connection
    stayed @metal's, and the keyring was put back to @metal's token: the persona showed @riffs and posted as
    @metal. The switch is one write: it is all there, or none of it."""
    post = profile.services.outbox.create(profile.persona.uid, "Tonight: the deep cuts setlist.")
    taken: list[sqlite3.Connection] = []

    def lock_after_a_write(kind: str) -> None:
        if kind == "personas" and not taken:
            taken.append(take_lock(profile.database))

    profile.services.store.subscribe(lock_after_a_write)
    try:
        try:
            profile.switch()
        except ConnectError:
            pass  # refused whole: nothing of it may be there (asserted below)
    finally:
        for other in taken:
            let_go(other)
    shown, connected, token = profile.as_it_is()
    assert (shown, connected, token) in (
        ("@metal@fosstodon.example", profile.metal_id, profile.w.token),
        ("@riffs@fosstodon.example", profile.riffs_id, profile.riffs_token)), (shown, connected, token)
    assert profile.services.outbox.get(post.id).state is PostState.DRAFT
