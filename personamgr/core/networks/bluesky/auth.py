"""Connecting a persona to a Bluesky account with an app password.

The atproto SDK has no OAuth yet (its issue #558), so Bluesky accounts are connected
the way Bluesky itself recommends for third-party apps until then: with an app
password (Settings → Privacy and security → App passwords), never the account
password. Signing in makes a session, which is kept in the keyring with the app
password and reused for every post: Bluesky allows only 30 new sessions per 5 minutes
and 300 a day per account. The app password is kept so a session that has ended can
be renewed without asking the user.

Every function here does network or keyring work: call it off the GUI thread.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.logs import redact_secret
from personamgr.core.networks.accounts import Connected, ConnectError, link_account, token_object
from personamgr.core.networks.base import (
    AuthError,
    ConnectTimeoutError,
    NetworkError,
    OfflineError,
    RateLimitedError,
)
from personamgr.core.networks.bluesky.network import BlueskyNetwork
from personamgr.core.personas import BLUESKY_HANDLE_RE, Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.store import Store

APP_PASSWORD_RE = re.compile(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}")
TOKEN_KEYS = ("handle", "app_password")

GUIDANCE = (  # shown in the connect dialog in the user's language (context "ConnectGuidance")
    QT_TRANSLATE_NOOP("ConnectGuidance", "Bluesky's SDK has no OAuth sign-in yet, so personamgr connects with an "
                                         "app password: make one in Bluesky under Settings → Privacy and security → "
                                         "App passwords. Never use your account password here."),
    QT_TRANSLATE_NOOP("ConnectGuidance", "An app password can be revoked at any time from the same page, without "
                                         "changing your account password."),
)


@dataclass(frozen=True, slots=True)
class Login:
    handle: str  # alice.bsky.social (an "@" in front is fine)
    app_password: str = field(repr=False)

    def __post_init__(self) -> None:
        handle = "@" + self.handle.strip().lstrip("@")
        if not BLUESKY_HANDLE_RE.fullmatch(handle):
            raise ConnectError(translate(
                "BlueskyConnect", "{handle} is not a Bluesky handle; it looks like alice.bsky.social (or your own "
                "domain).").format(handle=repr(self.handle.strip()) if self.handle.strip() else translate(
                    "BlueskyConnect", "The handle")))
        if not APP_PASSWORD_RE.fullmatch(self.app_password.strip()):
            raise ConnectError(translate(
                "BlueskyConnect", "That is not an app password (four groups of four letters or digits, like "
                "abcd-1234-efgh-5678). Make one in Bluesky under Settings → Privacy and security → "
                "App passwords; personamgr does not take your account password."))
        redact_secret(self.app_password.strip())

    @property
    def identifier(self) -> str:
        return self.handle.strip().lstrip("@")


def parse_tokens(text: str) -> Login:
    """``{"handle", "app_password"}`` from one JSON object (``connect --tokens-stdin``)."""
    tokens = token_object(text, TOKEN_KEYS)
    return Login(tokens["handle"], tokens["app_password"])


def sign_in(network: BlueskyNetwork, server: str | None, login: Login) -> dict[str, str]:
    """Make a session with the app password. Returns the credentials to keep (session included)."""
    from personamgr.core.networks.bluesky.errors import HandleNotClaimed, HandleNotFound, UnsupportedDid

    api = network.client(server)
    try:
        api.create_session(login.identifier, login.app_password.strip())
        creds = {"handle": api.handle, "did": api.did, "app_password": login.app_password.strip(),
                 "session": api.session_string()}
    except UnsupportedDid as e:
        raise ConnectError(translate(
            "BlueskyConnect", "{handle} points to {did}, a did:web with a path, which Bluesky does not take, so no "
            "Bluesky account has that handle. Check the handle's _atproto DNS record (or its /.well-known/atproto-did "
            "file).").format(handle=e.handle, did=e.did)) from None
    except HandleNotClaimed as e:
        raise ConnectError(translate(
            "BlueskyConnect", "Bluesky does not take {handle} as an account's handle: it points to the account {did}, "
            "which does not claim it, so Bluesky shows it as an invalid handle. Sign in with the handle shown on the "
            "account's profile; if {handle} is yours, point its _atproto DNS record (or its /.well-known/atproto-did "
            "file) at your account.").format(handle=e.handle, did=e.did)) from None
    except HandleNotFound:
        raise ConnectError(translate(
            "BlueskyConnect", "No Bluesky account has the handle {handle}. Check its spelling: it is the name after "
            "@ on the account's profile.").format(handle=login.identifier)) from None
    except AuthError:
        raise ConnectError(translate(
            "BlueskyConnect", "Bluesky refused the handle {handle} or the app password. Check both; an app "
            "password that was revoked no longer works.").format(handle=login.identifier)) from None
    except RateLimitedError as e:
        raise ConnectError(translate(
            "BlueskyConnect", "Bluesky limits sign-ins (30 per 5 minutes, 300 a day); try again after {time} UTC."
        ).format(time=f"{e.reset_at:%H:%M}")) from None
    except OfflineError:
        raise ConnectError(translate(
            "BlueskyConnect", "Bluesky cannot be reached. Check your connection (and the persona's server), then try "
            "again.")) from None
    except ConnectTimeoutError:
        raise ConnectError(translate(
            "BlueskyConnect", "Bluesky did not accept the connection in time, so personamgr could not sign in. Check "
            "your connection (and the persona's server), then try again.")) from None
    except NetworkError as e:
        raise ConnectError(translate(
            "BlueskyConnect", "Bluesky could not sign in: {message}").format(message=e.message)) from None
    finally:
        api.close()
    redact_secret(creds["session"])
    return creds


def connect(store: Store, secrets: SecretStore, network: BlueskyNetwork, persona: Persona, login: Login, *,
            switch_account: bool = False) -> Connected:
    """Sign in, then link the account (its DID) to ``persona``; the session and app password go to the keyring."""
    creds = sign_in(network, persona.service_url if persona.network == "bluesky" else None, login)
    return link_account(store, secrets, persona, creds, network="bluesky", remote_id=f"bluesky:{creds['did']}",
                        handle=f"@{creds['handle']}", switch_account=switch_account)


def bluesky_network(networks: Mapping[str, object]) -> BlueskyNetwork:
    """The profile's Bluesky network (carrying the base-URL override), or one from the environment."""
    net = networks.get("bluesky")
    return net if isinstance(net, BlueskyNetwork) else BlueskyNetwork.from_environment()
