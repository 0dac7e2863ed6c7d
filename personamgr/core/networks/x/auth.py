"""Connecting a persona to an X account: OAuth 1.0a PIN flow, or tokens the user already has.

The user brings their own X developer app. Its consumer key and secret are
kept once, as an app secret; each persona's blob in the keyring holds all four
values, because an access token only works with the app that issued it.

Every function here does network or keyring work: call it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from personamgr.core.clock import Clock, SystemClock
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.logs import redact_secret
from personamgr.core.networks.accounts import Connected, ConnectError, link_account, token_object
from personamgr.core.networks.base import (
    AuthError,
    ConnectTimeoutError,
    NetworkError,
    OfflineError,
    SecureConnectionError,
)
from personamgr.core.networks.remote import DEFAULT_TIMEOUT
from personamgr.core.networks.x.network import CREDENTIAL_KEYS, XNetwork
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.store import Store

APP_SECRET_NAME = "x-app"
X_WEB = "https://api.twitter.com"
REQUEST_TOKEN_URL = X_WEB + "/oauth/request_token"
AUTHORIZE_URL = X_WEB + "/oauth/authorize"
ACCESS_TOKEN_URL = X_WEB + "/oauth/access_token"

READ_AND_WRITE = QT_TRANSLATE_NOOP(
    "ConnectGuidance", 'Your X developer app must have "Read and write" permission (developer portal → your app → '
                       'User authentication settings). Tokens made while it was read-only stay read-only.')
BROWSER_LOGIN = QT_TRANSLATE_NOOP(
    "ConnectGuidance", "X signs you in as whoever is logged in to X in your browser. To connect a second account, "
                       "log out of X in the browser first (or use a private window), then log in as the account you "
                       "want to connect.")
# X's form for a new developer app wants a callback and a website; the PIN flow ("oob") uses neither.
NEW_APP = QT_TRANSLATE_NOOP(
    "ConnectGuidance", "No X developer app yet? Make one at developer.x.com (X charges its API per post). Its User "
                       "authentication settings also ask for a callback URI and a website, which the PIN sign-in "
                       "never uses: http://127.0.0.1/ and your profile's address will do.")
GUIDANCE = (NEW_APP, READ_AND_WRITE, BROWSER_LOGIN)  # shown in the user's language (context "ConnectGuidance")


@dataclass(frozen=True, slots=True)
class AppKeys:
    consumer_key: str
    consumer_secret: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.consumer_key.strip() or not self.consumer_secret.strip():
            raise ConnectError(translate("XConnect", "Both the API key (consumer key) and the API key secret are "
                                         "needed."))
        redact_secret(self.consumer_secret)


@dataclass(frozen=True, slots=True)
class PinFlow:
    """A started PIN flow: open ``authorize_url``, then pass the PIN X shows to :func:`finish_pin_flow`."""

    app: AppKeys
    authorize_url: str
    request_token: str
    request_token_secret: str = field(repr=False)


def _session(app: AppKeys, network: XNetwork, **kwargs: str):  # type: ignore[no-untyped-def]
    from requests_oauthlib import OAuth1Session

    from personamgr.core.networks.x.transport import mount

    s = OAuth1Session(app.consumer_key, client_secret=app.consumer_secret, **kwargs)
    return mount(s, network.base_url, network.timeout)


def _oauth_call(fn: Callable[[], dict[str, str]], what: str, doing: str) -> dict[str, str]:
    """``fn``'s answer, or ConnectError saying why X refused it (``what`` it asked, with what to check) or why it
    did not reach X (``doing``: what personamgr could not do, in "… so personamgr could not {doing}")."""
    import requests
    from oauthlib.oauth1.rfc5849.errors import OAuth1Error
    from requests_oauthlib.oauth1_session import TokenMissing, TokenRequestDenied

    from personamgr.core.networks.x.errors import clock_message, clock_skew, from_transport

    try:
        return fn()
    except TokenRequestDenied as e:
        skew = clock_skew(e.response) if e.status_code == 401 else None
        if skew is not None:
            raise ConnectError(clock_message(skew)) from None
        raise ConnectError(translate("XConnect", "X refused to {what} ({status}).").format(
            what=translate("XConnect", what), status=e.status_code)) from None
    except (TokenMissing, OAuth1Error, ValueError) as e:
        raise ConnectError(translate("XConnect", "X's answer did not contain what was expected while trying to "
                                     "{what} ({error}).").format(what=translate("XConnect", what), error=e)) from None
    except requests.RequestException as e:
        raise ConnectError(_not_reached(from_transport(e, write=False), doing)) from None


# What personamgr was doing when X could not be reached, in "… so personamgr could not {doing}".
START, FINISH, CONFIRM = (QT_TRANSLATE_NOOP("XConnect", "start signing in"),
                          QT_TRANSLATE_NOOP("XConnect", "accept the PIN"),
                          QT_TRANSLATE_NOOP("XConnect", "confirm the account"))


def _not_reached(error: NetworkError, doing: str) -> str:
    """A transport failure while connecting: what to check, and to try again (nothing retries a connect)."""
    what = translate("XConnect", doing)
    if isinstance(error, SecureConnectionError):
        return translate("XConnect", "The secure connection to X failed, so personamgr could not {doing}. Check the "
                         "computer's date and any proxy or network login page, then try again.").format(doing=what)
    if isinstance(error, ConnectTimeoutError):
        return translate("XConnect", "X did not accept the connection in time, so personamgr could not {doing}. "
                         "Check your connection (and any proxy), then try again.").format(doing=what)
    return _unreachable(error.message)


def _unreachable(message: str) -> str:
    """A transport failure while connecting: what happened, and to try again (no post waits or is retried)."""
    for tail in (translate("X", " It will be tried again."),
                 translate("X", " The post waits and goes out by itself when the network is back.")):
        message = message.removesuffix(tail)
    return translate("XConnect", "{error} Try again when X can be reached.").format(error=message)


def start_pin_flow(app: AppKeys, network: XNetwork) -> PinFlow:
    """Ask X for a request token (``oob``: X shows a PIN instead of redirecting)."""
    s = _session(app, network, callback_uri="oob")
    try:
        tok = _oauth_call(lambda: s.fetch_request_token(REQUEST_TOKEN_URL), QT_TRANSLATE_NOOP(
            "XConnect", "start signing in: check the API key and secret of your developer app"), START)
    finally:
        s.close()
    redact_secret(tok["oauth_token_secret"])
    url = f"{AUTHORIZE_URL}?oauth_token={tok['oauth_token']}"
    if network.base_url:
        from personamgr.core.networks.x.transport import rewrite

        url = rewrite(url, network.base_url)
    return PinFlow(app, url, tok["oauth_token"], tok["oauth_token_secret"])


def finish_pin_flow(flow: PinFlow, pin: str, network: XNetwork) -> dict[str, str]:
    """Trade the PIN for the account's access token. Returns the four credentials."""
    pin = pin.strip()
    if not pin.isdigit():
        raise ConnectError(translate("XConnect", "The PIN is the number X shows after you authorize the app; {pin} "
                                     "is not one.").format(pin=repr(pin)))
    s = _session(flow.app, network, resource_owner_key=flow.request_token,
                 resource_owner_secret=flow.request_token_secret, verifier=pin)
    try:
        tok = _oauth_call(lambda: s.fetch_access_token(ACCESS_TOKEN_URL), QT_TRANSLATE_NOOP(
            "XConnect", "accept the PIN: it may be mistyped or expired. Start again for a new PIN"), FINISH)
    finally:
        s.close()
    creds = {"consumer_key": flow.app.consumer_key, "consumer_secret": flow.app.consumer_secret,
             "access_token": tok["oauth_token"], "access_token_secret": tok["oauth_token_secret"]}
    for v in creds.values():
        redact_secret(v)
    return creds


def parse_tokens(text: str) -> dict[str, str]:
    """The four credentials from one JSON object (``connect --tokens-stdin``, or pasted in the window)."""
    creds = token_object(text, CREDENTIAL_KEYS, where_made=translate(
        "XConnect", '(They are on your developer app\'s "Keys and tokens" page.)'))
    for v in creds.values():
        redact_secret(v)
    return creds


def verify(credentials: Mapping[str, str], network: XNetwork):  # type: ignore[no-untyped-def]  # -> Identity
    """Ask X whose tokens these are (``GET /2/users/me``), and check the app may write."""
    if network.config_error:
        raise ConnectError(network.config_error)
    x = network.session(credentials)
    try:
        me = x.me()
    except AuthError:
        raise ConnectError(translate("XConnect", "X refused these tokens (401). Check that the access token and "
                                     "secret belong to this API key, and that they were not regenerated or "
                                     "revoked.")) from None
    except (OfflineError, SecureConnectionError, ConnectTimeoutError) as e:
        raise ConnectError(_not_reached(e, CONFIRM)) from None
    except NetworkError as e:
        raise ConnectError(translate("XConnect", "X could not confirm the account: {error}").format(
            error=e.message)) from None
    finally:
        x.close()
    prefix = credentials["access_token"].split("-", 1)[0]
    if prefix.isdigit() and prefix != me.user_id:
        raise ConnectError(translate("XConnect", "The access token belongs to user {prefix}, but X answered as "
                                     "@{username} ({id}). Copy the token again.").format(
            prefix=prefix, username=me.username, id=me.user_id))
    if me.access_level is not None and "write" not in me.access_level:
        raise ConnectError(translate("XConnect", "@{username} was connected with read-only access. {guidance} Then "
                                     "connect again.").format(username=me.username,
                                                              guidance=translate("ConnectGuidance", READ_AND_WRITE)))
    return me


def link(store: Store, secrets: SecretStore, persona: Persona, credentials: Mapping[str, str], *,
         user_id: str, username: str, switch_account: bool = False) -> Connected:
    """Keep the credentials in the keyring and record the account on the persona (network "x").

    Refuses an account already linked to another persona, and (unless ``switch_account``) a different
    account than the one this persona was linked to: both usually mean the browser was still logged in
    as someone else, and posting as the wrong account is what the user fears most.
    """
    done = link_account(store, secrets, persona, credentials, network="x", remote_id=user_id,
                        handle=f"@{username}", switch_account=switch_account,
                        wrong_account_hint=translate("XConnect", "Otherwise: {guidance}").format(
                            guidance=translate("ConnectGuidance", BROWSER_LOGIN)))
    return Connected(done.persona, user_id, username)


def connect_with_tokens(store: Store, secrets: SecretStore, network: XNetwork, persona: Persona,
                        credentials: Mapping[str, str], *, switch_account: bool = False) -> Connected:
    """Verify tokens with X (pasted, or just made by the PIN flow), then link them to ``persona``."""
    me = verify(credentials, network)
    return link(store, secrets, persona, credentials, user_id=me.user_id, username=me.username,
                switch_account=switch_account)


def saved_app(secrets: SecretStore) -> AppKeys | None:
    """The developer app entered earlier, if any."""
    blob = secrets.get_app_secret(APP_SECRET_NAME)
    if not blob or not blob.get("consumer_key") or not blob.get("consumer_secret"):
        return None
    return AppKeys(blob["consumer_key"], blob["consumer_secret"])


def save_app(secrets: SecretStore, app: AppKeys) -> None:
    secrets.set_app_secret(APP_SECRET_NAME, {"consumer_key": app.consumer_key,
                                             "consumer_secret": app.consumer_secret})


def x_network(networks: Mapping[str, object], clock: Clock | None = None) -> XNetwork:
    """The profile's X network (carrying the base-URL override), or one from the environment."""
    net = networks.get("x")
    return net if isinstance(net, XNetwork) else XNetwork.from_environment(clock or SystemClock())


__all__ = ["DEFAULT_TIMEOUT", "GUIDANCE", "AppKeys", "ConnectError", "Connected", "PinFlow", "connect_with_tokens",
           "finish_pin_flow", "link", "parse_tokens", "save_app", "saved_app", "start_pin_flow", "verify",
           "x_network"]
