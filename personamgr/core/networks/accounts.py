"""Linking a persona to the account it posts as, the same way on every network.

Each network's connect flow proves who the credentials belong to, then calls
:func:`link_account`. It refuses the two mix-ups users fear most (the account
is already another persona's; the persona was another account before and the
user did not say "switch"), keeps the credentials in the keyring, and records
the account on the persona. Call it off the GUI thread: it talks to the keyring.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy import Connection

from personamgr.core import faults
from personamgr.core.i18n import translate
from personamgr.core.outbox import Outbox
from personamgr.core.personas import NETWORK_LABELS, Persona, PersonaError, ServerLimits, validate
from personamgr.core.secrets import SecretsError, SecretsLocked, SecretsTimeout, SecretStore
from personamgr.core.store import Store


class ConnectError(RuntimeError):
    """Connecting failed; the message says why and what to do. Nothing was saved."""


@dataclass(frozen=True, slots=True)
class Connected:
    persona: Persona
    user_id: str
    username: str  # X: the username without "@"; Mastodon and Bluesky: the full handle, "@" included

    @property
    def handle(self) -> str:
        return self.username if self.username.startswith("@") else f"@{self.username}"


def token_object(text: str, keys: tuple[str, ...], *, where_made: str = "") -> dict[str, str]:
    """``keys`` (each a non-empty string, stripped) from one JSON object: ``connect --tokens-stdin``, or pasted.

    ``where_made``: a sentence saying where the user finds them, added when some are missing.
    """
    expected = translate("Accounts", "Expected one object with {keys}.").format(keys=", ".join(keys))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise ConnectError(translate(
            "Accounts", "The tokens are not valid JSON (line {line}, column {column}: {error}). {expected}"
        ).format(line=e.lineno, column=e.colno, error=e.msg, expected=expected)) from None
    if not isinstance(obj, dict):
        raise ConnectError(translate(
            "Accounts", "The tokens must be one JSON object. {expected}").format(expected=expected))
    missing = [k for k in keys if not isinstance(obj.get(k), str) or not obj[k].strip()]
    if missing:
        lack = translate("Accounts", "The tokens lack {missing}. {expected}").format(
            missing=", ".join(missing), expected=expected)
        raise ConnectError(f"{lack} {where_made}" if where_made else lack)
    unknown = sorted(set(obj) - set(keys))
    if unknown:
        raise ConnectError(translate("Accounts", "Unexpected keys in the tokens: {keys}. {expected}").format(
            keys=", ".join(unknown), expected=expected))
    return {k: obj[k].strip() for k in keys}


def link_account(store: Store, secrets: SecretStore, persona: Persona, credentials: Mapping[str, str], *,
                 network: str, remote_id: str, handle: str, server: str | None = None,
                 limits: ServerLimits | None = None, switch_account: bool = False,
                 wrong_account_hint: str = "") -> Connected:
    """Keep ``credentials`` in the keyring and make ``persona`` post as ``handle`` on ``network``.

    ``remote_id`` names the account uniquely on that network (X's user id, Mastodon's server and account
    id, Bluesky's DID). ``wrong_account_hint`` tells the user how a wrong account usually slips in
    (a browser still logged in as someone else) and how to avoid it.
    """
    label = NETWORK_LABELS.get(network, network)
    hint = f" {wrong_account_hint}" if wrong_account_hint else ""
    _state, current = store.connection_state(persona.uid)
    if current and current != remote_id and persona.network == network and not switch_account:
        was = translate("Accounts", "user {id}").format(id=current) if network == "x" else current.split(":", 1)[-1]
        raise ConnectError(translate(
            "Accounts", "{persona} was connected to another {network} account ({was}); these credentials are for "
            "{handle}. If you mean to switch {persona} to {handle}, confirm the switch.{hint}").format(
            persona=persona.name, network=label, was=was, handle=handle, hint=hint))
    for other in store.personas():
        if other.uid == persona.uid or other.network != network:
            continue
        _other_state, remote = store.connection_state(other.uid)
        if remote == remote_id:
            raise ConnectError(translate("Accounts", "{handle} is already connected to the persona {persona}.{hint}"
                                         ).format(handle=handle, persona=repr(other.name), hint=hint))
    linked = replace(persona, handle=handle, network=network,
                     server=server if server is not None else persona.server)
    try:
        validate(linked)  # before anything is stored: a refused link leaves nothing in the keyring
    except PersonaError as e:
        raise ConnectError(str(e)) from None
    with _keyring_answering(persona):
        try:
            before = secrets.get_credentials(persona.uid)
        except (SecretsLocked, SecretsTimeout):
            raise
        except SecretsError:
            before = None  # damaged: reconnecting is how it gets mended
        secrets.set_credentials(persona.uid, dict(credentials))
    switched = bool(current and current != remote_id)
    was = persona.handle or (current or "").split(":", 1)[-1]

    def review(con: Connection) -> None:  # what was being sent as the account it was is not sent as this one
        Outbox(store).review_after_switch(persona.uid, was=was, now=handle, con=con)

    try:
        updated = store.link_persona(linked, remote_id, limits, then=review if switched else None)
    except BaseException as e:
        restored = _put_back(secrets, persona.uid, before)
        if faults.classify(e, store.path) is None:
            raise
        raise ConnectError(_not_saved(persona, handle, was if switched else None, faults.in_words(e, store.path),
                                      restored)) from None
    return Connected(updated, remote_id, handle)


def _not_saved(persona: Persona, handle: str, was: str | None, why: str, restored: bool) -> str:
    """Why connecting ``persona`` to ``handle`` (switching it from ``was``) saved nothing: the database refused it
    (``why``: locked, full, read-only), and what the persona is now. ``restored``: the keyring holds its credentials
    as they were; if not, it is said, since they are then the new account's."""
    if was is not None:
        text = translate("Accounts", "{persona} was not switched to {handle}: {why}. {persona} still posts as {was}."
                         ).format(persona=persona.name, handle=handle, why=why, was=was)
    else:
        text = translate("Accounts", "{persona} was not connected to {handle}: {why}.").format(
            persona=persona.name, handle=handle, why=why)
    if not restored:
        text += " " + translate("Accounts", "The keyring kept {handle}'s credentials for {persona} all the same, and "
                                "would not take the earlier ones back: connect {persona} again once the database can "
                                "be written.").format(persona=persona.name, handle=handle)
    return text


@contextmanager
def _keyring_answering(persona: Persona) -> Iterator[None]:
    """A locked keyring while connecting is said in the words of connecting: the user is saving credentials,
    and the way out is their desktop's password prompt (cancelled, or not answered, this time)."""
    try:
        yield
    except SecretsLocked:
        raise ConnectError(translate(
            "Accounts", "The keyring is locked, so personamgr could not save {persona}'s credentials; nothing was "
            "saved. Connect again, and enter the keyring's password when your desktop asks for it.").format(
            persona=persona.name)) from None
    except SecretsTimeout:
        raise ConnectError(translate(
            "Accounts", "The keyring did not answer while personamgr saved {persona}'s credentials; it may be locked "
            "and waiting for its password. Nothing was saved. Connect again, and enter the keyring's password when "
            "your desktop asks for it.").format(persona=persona.name)) from None


def _put_back(secrets: SecretStore, uid: str, before: Mapping[str, str] | None) -> bool:
    """The keyring as it was before a link the database then refused (a full disk, a vanished persona); False if
    the keyring would not take it back."""
    try:
        if before is None:
            secrets.delete_credentials(uid)
        else:
            secrets.set_credentials(uid, before)
    except SecretsError:
        return False
    return True


NOT_CONNECTED = "not_connected"  # besides the store's "ok" and "reconnect_needed"


def account_state(store: Store, networks: Mapping[str, object], persona: Persona) -> str:
    """"ok", "reconnect_needed", or :data:`NOT_CONNECTED`: the persona posts to a network that needs an account
    and this profile never connected it (the account a profile connected is recorded on the persona; credentials
    another profile keeps are not this one's), so nothing it posts can go out until it is. Read from the database
    alone: the keyring is not asked."""
    state, remote = store.connection_state(persona.uid)
    if state == "reconnect_needed":
        return state
    needs_account = getattr(networks.get(persona.network), "needs_credentials", False)
    return NOT_CONNECTED if needs_account and remote is None else "ok"


def not_connected_words(persona: Persona) -> str:
    """What scheduling a post for a persona never connected must know: it needs the account only at its time."""
    return translate("Accounts", "{persona} is not connected to its {network} account yet: a post scheduled for it "
                     "goes out only if it is connected by then (Persona ▸ Connect account… in the window, or "
                     "personamgr connect --persona {persona}).").format(
        persona=persona.name, network=persona.network_label)


def connect_first_words(persona: Persona, state: str, post_id: int) -> str | None:
    """How to send a post of ``persona`` now when its account must be connected first, since a retry alone would
    fail (None: the account is connected, or needs none)."""
    if state == NOT_CONNECTED:
        return translate("Accounts", "To send it: connect {persona} to its {network} account first (personamgr "
                         "connect --persona {persona}), then personamgr posts retry {post}.").format(
            persona=persona.name, network=persona.network_label, post=post_id)
    if state == "reconnect_needed":
        return translate("Accounts", "To send it: {network} refused {persona}'s credentials, so reconnect it first "
                         "(personamgr connect --persona {persona}), then personamgr posts retry {post}.").format(
            persona=persona.name, network=persona.network_label, post=post_id)
    return None
