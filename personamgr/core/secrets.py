"""Credentials in the OS keyring, and only there.

Every call goes through :func:`call_with_timeout`: a locked keyring can block
for as long as its unlock prompt stays open, and neither the window nor the
CLI may freeze on it. When the only backends available are the fail backend
or a plaintext one, :class:`SecretStore` refuses to store anything and says
so; there is no silent fallback to a file.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from personamgr.core.i18n import QT_TRANSLATE_NOOP, number, translate
from personamgr.core.logs import redact_secret

log = logging.getLogger(__name__)
SERVICE = "personamgr"
DEFAULT_TIMEOUT_S = 10.0
T = TypeVar("T")

# Backends that keep secrets in a readable file, or nowhere at all.
_INSECURE_MODULES = ("keyrings.alt.file", "keyrings.alt.Gnome", "keyring.backends.null", "keyrings.alt.pyfs")
_UNAVAILABLE_MODULES = ("keyring.backends.fail", "keyring.backends.null")
# What personamgr was trying to do, in the keyring's messages ("... could not save the credentials").
_FIND = QT_TRANSLATE_NOOP("Secrets", "find the keyring")
_SAVE = QT_TRANSLATE_NOOP("Secrets", "save the credentials")
_READ = QT_TRANSLATE_NOOP("Secrets", "read the credentials")
_DELETE = QT_TRANSLATE_NOOP("Secrets", "delete the credentials")
_SAVE_APP = QT_TRANSLATE_NOOP("Secrets", "save the app credentials")
_DELETE_APP = QT_TRANSLATE_NOOP("Secrets", "delete the app credentials")
_READ_APP = QT_TRANSLATE_NOOP("Secrets", "read the app credentials")


class KeyringStatus(StrEnum):
    SECURE = "secure"
    UNAVAILABLE = "unavailable"
    INSECURE = "insecure"


@dataclass(frozen=True, slots=True)
class KeyringState:
    status: KeyringStatus
    backend: str
    message: str
    keyring: str = ""  # the secure store's name as the user knows it ("the macOS Keychain"); "" without one
    locked: bool = False  # a secure store that asks for its password when credentials are next needed
    stopped: bool = False  # the secure store in use is not running now (it may be started again)

    @property
    def usable(self) -> bool:
        return self.status is KeyringStatus.SECURE


class SecretsError(RuntimeError):
    """Credentials could not be stored or read. The message is for the user."""


class SecretsUnavailable(SecretsError):
    pass


class SecretsStopped(SecretsUnavailable):
    """The secure keyring in use is not running now (it stopped, and nothing started it again): it may come back."""


class SecretsTimeout(SecretsError):
    pass


class SecretsLocked(SecretsError):
    """The keyring is locked; unlocking it will fix this."""


def call_with_timeout(fn: Callable[[], T], timeout: float, what: str) -> T:
    """Run ``fn`` in a daemon thread; give up after ``timeout`` seconds.

    A hung keyring call cannot be cancelled, but it no longer holds up its caller.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:
            box["error"] = e

    t = threading.Thread(target=run, name=f"keyring:{what}", daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise SecretsTimeout(translate(
            "Secrets", "The system keyring did not answer within {seconds} s while trying to {what}. It may be "
            "locked: unlock it (for example by logging in to your desktop's keyring) and try again.").format(
            seconds=number(timeout), what=translate("Secrets", what)))
    if "error" in box:
        raise box["error"]
    return box["value"]


def _backend_name(b: KeyringBackend) -> str:
    return f"{type(b).__module__}.{type(b).__name__}"


def _leaves(b: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(b, "backends", None)
    if inner is None:
        return [b]
    out: list[KeyringBackend] = []
    for x in inner:
        out.extend(_leaves(x))
    return out


def _is_secure(b: KeyringBackend) -> bool:
    return not type(b).__module__.startswith(_INSECURE_MODULES + _UNAVAILABLE_MODULES)


def classify(backend: KeyringBackend) -> KeyringState:
    """Say whether ``backend`` is a real secure store, a plaintext one, or nothing."""
    leaves = _leaves(backend)
    secure = [b for b in leaves if _is_secure(b)]
    if secure:
        label = _label(secure[0])
        return KeyringState(KeyringStatus.SECURE, _backend_name(secure[0]),
                            translate("Secrets", "Credentials are kept in {keyring}.").format(keyring=label), label)
    if any(type(b).__module__.startswith(_INSECURE_MODULES) and not type(b).__module__.startswith(
            _UNAVAILABLE_MODULES) for b in leaves):
        name = _backend_name(leaves[0])
        return KeyringState(
            KeyringStatus.INSECURE,
            name,
            translate("Secrets", "The only keyring available ({name}) stores passwords in a plain file. personamgr "
                      "will not store account credentials there. Install and unlock a Secret Service (GNOME Keyring "
                      "or KWallet) to connect X, Mastodon or Bluesky accounts.").format(name=name),
        )
    return KeyringState(
        KeyringStatus.UNAVAILABLE,
        _backend_name(backend),
        translate("Secrets", "No secure credential store was found, so X, Mastodon and Bluesky accounts cannot be "
                  "connected. Install and unlock a Secret Service (GNOME Keyring or KWallet); personamgr finds it the "
                  "next time it starts, or the next time you run a personamgr command. The sandbox network still "
                  "works."),
    )


class _Collection(StrEnum):
    LOCKED = "locked"
    GONE = "gone"  # no Secret Service on the bus now: it stopped, and nothing started it again


def _collection_state(backend: KeyringBackend) -> _Collection | None:
    """Whether the Secret Service collection ``backend`` keeps credentials in is locked, or its service gone,
    asked without unlocking it (keyring itself would bring up the desktop's password prompt). None for other
    stores, which say nothing of it, and when the question cannot be answered: the store's own refusal will say
    why. Asked here, not left to keyring: its call leaves its D-Bus connection open when the service is gone."""
    if type(backend).__module__ != "keyring.backends.SecretService":
        return None
    try:
        import secretstorage

        with closing(secretstorage.dbus_init()) as bus:
            if not secretstorage.check_service_availability(bus):
                return _Collection.GONE
            path = getattr(backend, "preferred_collection", None)
            collection = secretstorage.Collection(bus, path) if path else secretstorage.Collection(bus)
            return _Collection.LOCKED if collection.is_locked() else None
    except Exception as e:  # no such collection yet: the next call that needs it says so
        return _Collection.GONE if type(e).__name__ == "SecretServiceNotAvailableException" else None


def closing_when_refused(backend: KeyringBackend) -> KeyringBackend:
    """keyring's Secret Service backend, its D-Bus connection closed when the collection is refused. Why: keyring
    opens a connection for every call and closes it only after it got the collection, so a call refused there (the
    collection locked and its prompt dismissed, the service gone mid-call, no such collection) left its socket open
    until the garbage collector found it: one per refused call, and a ResourceWarning in whatever ran then."""
    if type(backend).__module__ != "keyring.backends.SecretService" or "get_preferred_collection" in vars(backend):
        return backend
    import secretstorage

    def get_preferred_collection() -> Any:
        """keyring's own steps (its SecretService.get_preferred_collection), with the connection closed on failure."""
        bus = secretstorage.dbus_init()
        try:
            try:
                if hasattr(backend, "preferred_collection"):
                    collection = secretstorage.Collection(bus, backend.preferred_collection)
                else:
                    collection = secretstorage.get_default_collection(bus)
            except secretstorage.exceptions.SecretStorageException as e:
                # keyring's own errors and words; _call_once tells the user in theirs (stopped, locked)
                raise keyring.errors.InitError(
                    f"Failed to create the collection: {e}.") from e  # English: keyring's, not shown
            if collection.is_locked():
                collection.unlock()
                if collection.is_locked():  # the prompt was dismissed
                    raise keyring.errors.KeyringLocked(
                        "Failed to unlock the collection!")  # English: keyring's, not shown
            return collection
        except BaseException:
            bus.close()
            raise

    backend.get_preferred_collection = get_preferred_collection  # type: ignore[method-assign]
    return backend


def _label(b: KeyringBackend) -> str:
    """A name the user recognises. By module: several backends' classes are all called ``Keyring``."""
    module = type(b).__module__.rsplit(".", 1)[-1]
    names = {
        "SecretService": QT_TRANSLATE_NOOP("Secrets", "the Secret Service keyring (GNOME Keyring / KWallet)"),
        "libsecret": QT_TRANSLATE_NOOP("Secrets", "the Secret Service keyring (GNOME Keyring / KWallet)"),
        "kwallet": "KWallet",
        "macOS": QT_TRANSLATE_NOOP("Secrets", "the macOS Keychain"),
        "Windows": QT_TRANSLATE_NOOP("Secrets", "the Windows Credential Locker"),
    }
    if module in names:
        return translate("Secrets", names[module])
    return translate("Secrets", "the {name} keyring").format(name=type(b).__name__)


class SecretStore:
    """Per-persona credentials, one JSON entry per persona in the keyring.

    A store bound to a profile (:meth:`for_profile`, as every opened profile's is) names its entries
    ``persona:<profile id>:<uid>``: the same persona imported into two profiles has two logins, and
    deleting it in one leaves the other's alone. An unbound store uses the name of versions before that,
    ``persona:<uid>``; a bound one moves such an entry to its own name the first time it needs it, but
    only for a persona this profile itself connected (``owns_legacy``): an imported one never picks up
    another profile's login.
    """

    def __init__(self, backend: KeyringBackend | None = None, *, service: str = SERVICE,
                 timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self._backend = backend
        self.service = service
        self.timeout = timeout
        self.profile: str | None = None
        self._owns_legacy: Callable[[str], bool] = lambda _uid: False

    def for_profile(self, profile: str, owns_legacy: Callable[[str], bool]) -> SecretStore:
        """This store's keyring, with entries named for ``profile``. ``owns_legacy(uid)``: whether an
        unscoped ``persona:<uid>`` entry is this profile's (it connected that persona before the upgrade)."""
        bound = SecretStore(self._backend, service=self.service, timeout=self.timeout)
        bound.profile, bound._owns_legacy = profile, owns_legacy
        return bound

    @property
    def backend(self) -> KeyringBackend:
        if self._backend is None:
            try:
                self._backend = keyring.get_keyring()
            except Exception as e:  # a backend named in PYTHON_KEYRING_BACKEND or keyringrc.cfg that cannot load
                named = os.environ.get("PYTHON_KEYRING_BACKEND")
                where = (f"PYTHON_KEYRING_BACKEND={named}" if named else
                         translate("Secrets", "keyring's configuration file"))
                raise SecretsUnavailable(translate(
                    "Secrets", "The keyring backend chosen by {where} cannot be loaded ({error}). Unset it, or name "
                    "an installed backend (keyring --list-backends lists them). The sandbox network still works."
                ).format(where=where, error=f"{type(e).__name__}: {e}")) from None
        return self._backend

    def state(self) -> KeyringState:
        """Which store is in use, and whether it is locked; may itself talk to D-Bus, so call it off the GUI
        thread."""
        def find() -> KeyringState:
            st = classify(self.backend)
            found = _collection_state(next(b for b in _leaves(self.backend) if _is_secure(b))) if st.usable else None
            if found is _Collection.LOCKED:
                st = replace(st, locked=True, message=translate(
                    "Secrets", "Credentials are kept in {keyring}, which is locked now: it asks for its password "
                    "when personamgr next needs them (to connect an account, or to send a post). Until then, "
                    "posts to X, Mastodon and Bluesky wait.").format(keyring=st.keyring))
            elif found is _Collection.GONE:
                st = replace(st, status=KeyringStatus.UNAVAILABLE, stopped=True, message=_stopped(st.keyring))
            return st

        st = call_with_timeout(find, self.timeout, _FIND)
        log.debug("keyring in use: %s (%s)", st.backend, st.status)  # `-v`: which backend a build found
        return st

    def _require(self) -> KeyringBackend:
        """The secure backend itself: never keyring's chainer, which falls through to the next
        backend (a plaintext file, if keyrings.alt is installed) when the secure one declines."""
        st = self.state()
        if not st.usable:
            raise (SecretsStopped if st.stopped else SecretsUnavailable)(st.message)
        return closing_when_refused(next(b for b in _leaves(self.backend) if _is_secure(b)))

    def entry_name(self, persona_uid: str) -> str:
        """The keyring entry's user name for a persona's credentials (the service is :attr:`service`)."""
        return f"persona:{persona_uid}" if self.profile is None else f"persona:{self.profile}:{persona_uid}"

    def _legacy(self, persona_uid: str) -> str | None:
        """The pre-profile name of this persona's entry, when it is this profile's to take over."""
        if self.profile is None or not self._owns_legacy(persona_uid):
            return None
        return f"persona:{persona_uid}"

    def _call(self, what: str, fn: Callable[[KeyringBackend], T]) -> T:
        """``fn`` on the secure backend, asked once more if the keyring stopped during the call: a desktop's bus
        starts gnome-keyring again at the next request (it has aborted on its own assertion when another client
        hung up mid-call), and the request in flight is the only one lost. Every call here may be made twice."""
        try:
            return self._call_once(what, fn)
        except SecretsStopped:
            log.warning("the keyring stopped while personamgr tried to %s; asking it once more", what)
            return self._call_once(what, fn)

    def _call_once(self, what: str, fn: Callable[[KeyringBackend], T]) -> T:
        backend = self._require()
        try:
            return call_with_timeout(lambda: fn(backend), self.timeout, what)
        except SecretsError:
            raise
        except keyring.errors.KeyringLocked:
            raise SecretsLocked(_locked(what)) from None
        except NotImplementedError:
            raise SecretsError(translate("Secrets", "The keyring ({keyring}) cannot {what}.").format(
                keyring=_label(backend), what=translate("Secrets", what))) from None
        except Exception as e:
            if _prompt_dismissed(e):  # a keyring that started again asks for its password; the prompt went away
                raise SecretsLocked(_locked(what)) from None
            if _gone(e):  # it stopped during the call
                raise SecretsStopped(_stopped(_label(backend))) from None
            if isinstance(e, keyring.errors.KeyringError) or _from_secret_service(e):
                raise SecretsError(translate("Secrets", "The keyring refused to {what}: {error}").format(
                    what=translate("Secrets", what), error=e)) from None
            raise

    def set_credentials(self, persona_uid: str, credentials: Mapping[str, str]) -> None:
        for v in credentials.values():
            redact_secret(v)
        blob = json.dumps(dict(credentials), sort_keys=True)
        name, legacy = self.entry_name(persona_uid), self._legacy(persona_uid)

        def save(b: KeyringBackend) -> None:
            b.set_password(self.service, name, blob)
            if legacy is not None:  # a reconnect replaces the old login: no stale copy under the old name
                _delete_quietly(b, self.service, legacy)

        self._call(_SAVE, save)

    def get_credentials(self, persona_uid: str) -> dict[str, str] | None:
        name, legacy = self.entry_name(persona_uid), self._legacy(persona_uid)

        def read(b: KeyringBackend) -> str | None:
            blob = b.get_password(self.service, name)
            if blob is None and legacy is not None:
                blob = b.get_password(self.service, legacy)
                if blob is not None:  # move it: the old name goes only once the new one is written
                    b.set_password(self.service, name, blob)
                    _delete_quietly(b, self.service, legacy)
                    log.info("moved a persona's credentials to this profile's own keyring entry")
            return blob

        blob = self._call(_READ, read)
        if blob is None:
            return None
        creds = _credentials_in(blob)
        if creds is None:
            raise SecretsError(translate("Secrets", "The credentials stored for this persona are damaged; reconnect "
                                         "the account."))
        return creds

    def delete_credentials(self, persona_uid: str) -> bool:
        """Remove a persona's credentials; True if there were any."""
        names = [self.entry_name(persona_uid), self._legacy(persona_uid)]

        def delete(b: KeyringBackend) -> bool:
            return any([_delete_quietly(b, self.service, n) for n in names if n is not None])

        return self._call(_DELETE, delete)

    # App-wide secrets (the user's X developer app: consumer key and secret).
    def set_app_secret(self, name: str, credentials: Mapping[str, str]) -> None:
        for v in credentials.values():
            redact_secret(v)
        blob = json.dumps(dict(credentials), sort_keys=True)
        self._call(_SAVE_APP, lambda b: b.set_password(self.service, f"app:{name}", blob))

    def delete_app_secret(self, name: str) -> None:
        self._call(_DELETE_APP, lambda b: _delete_quietly(b, self.service, f"app:{name}"))

    def get_app_secret(self, name: str) -> dict[str, str] | None:
        blob = self._call(_READ_APP, lambda b: b.get_password(self.service, f"app:{name}"))
        if blob is None:
            return None
        creds = _credentials_in(blob)
        if creds is None:  # the user enters them again, and saving them replaces this entry
            log.warning("the app credentials %r in the keyring are not what personamgr writes; asking for them again",
                        name)
        return creds


def _stopped(keyring_name: str) -> str:
    return translate("Secrets", "The keyring ({keyring}) is not running now, so credentials can be neither read nor "
                     "saved: posts to X, Mastodon and Bluesky wait. Start it again (logging out and back in does)."
                     ).format(keyring=keyring_name)


def _locked(what: str) -> str:
    return translate("Secrets", "The keyring is locked, so personamgr could not {what}. Unlock it and try again."
                     ).format(what=translate("Secrets", what))


def _credentials_in(blob: str) -> dict[str, str] | None:
    """The credentials personamgr wrote (a JSON object of strings), or None for anything else under our service:
    empty, damaged, or written by another version or program."""
    try:
        creds = json.loads(blob)
    except json.JSONDecodeError:
        return None
    if not isinstance(creds, dict) or not all(isinstance(v, str | int | float) and not isinstance(v, bool)
                                              for v in creds.values()):
        return None
    for v in creds.values():
        redact_secret(str(v))
    return {str(k): str(v) for k, v in creds.items()}


def _chain(e: BaseException) -> list[BaseException]:
    """``e`` and the errors it was raised from (keyring wraps the Secret Service's own)."""
    out: list[BaseException] = []
    found: BaseException | None = e
    while found is not None and found not in out:
        out.append(found)
        found = found.__cause__ or found.__context__
    return out


def _prompt_dismissed(e: BaseException) -> bool:
    """The Secret Service asked for a password (to unlock, or to make a keyring) and the prompt was dismissed."""
    return any(type(x).__name__ == "PromptDismissedException" for x in _chain(e))


# The bus's own answers when no one owns the Secret Service's name, or its owner went away before replying. Any
# other D-Bus error is the running keyring's answer (an item deleted meanwhile, access refused), not a stopped one.
_NOT_THERE = frozenset(f"org.freedesktop.DBus.Error.{n}" for n in (
    "ServiceUnknown", "NameHasNoOwner", "NoReply", "Disconnected", "NoServer"))


def _gone(e: BaseException) -> bool:
    """The keyring's service is not there: no Secret Service on the bus, or the bus itself went away mid-call."""
    return any(isinstance(x, keyring.errors.InitError | ConnectionError | EOFError)
               or type(x).__name__ == "SecretServiceNotAvailableException"
               or (getattr(x, "name", None) in _NOT_THERE and type(x).__module__.startswith("jeepney"))
               for x in _chain(e))


def _from_secret_service(e: BaseException) -> bool:
    """An error the Secret Service's client libraries raised: the keyring's own answer, said in its words."""
    return any(type(x).__module__.split(".")[0] in ("secretstorage", "jeepney") for x in _chain(e))


def _delete_quietly(backend: KeyringBackend, service: str, user: str) -> bool:
    """Delete an entry; True if there was one."""
    try:
        backend.delete_password(service, user)
        return True
    except keyring.errors.PasswordDeleteError:
        return False
