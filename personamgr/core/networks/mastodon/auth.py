"""Connecting a persona to a Mastodon account: app registration per server, OAuth with a pasted code.

personamgr registers itself once on each server it meets (``create_app``); the
client id and secret are kept in the keyring as an app secret for that server,
never in a file. Signing in always forces a fresh login (``force_login``), so a
second account on the same server can be authorised without logging out of the
first in the browser. The access token goes to the keyring with the server.

Every function here does network or keyring work: call it off the GUI thread.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from secrets import token_urlsafe

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
from personamgr.core.networks.mastodon.network import CREDENTIAL_KEYS, MastodonNetwork, host_of
from personamgr.core.personas import Persona, ServerLimits, normalise_server, server_problem
from personamgr.core.secrets import SecretStore
from personamgr.core.store import Store

APP_NAME = "personamgr"
APP_WEBSITE = "https://pypi.org/project/personamgr/"
SCOPES = ["read:accounts", "write:statuses", "write:media"]  # who am I, post, attach images: nothing more
OOB = "urn:ietf:wg:oauth:2.0:oob"  # the server shows the code instead of redirecting

GUIDANCE = (  # shown in the connect dialog in the user's language (context "ConnectGuidance")
    QT_TRANSLATE_NOOP("ConnectGuidance", "Your server shows its sign-in page, then a code to paste here. personamgr "
                                         "registers itself on the server once; no developer account is needed."),
    QT_TRANSLATE_NOOP("ConnectGuidance", "The sign-in page always asks you to log in, so you can connect a second "
                                         "account on the same server: log in as the account this persona should "
                                         "post as."),
)


@dataclass(frozen=True, slots=True)
class AppRegistration:
    server: str
    client_id: str
    client_secret: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class CodeFlow:
    """A started sign-in: open ``authorize_url``, then pass the code the server shows to :func:`finish_code_flow`.

    ``notice``: what to tell the user first, when the server had forgotten personamgr's registration and it was made
    again."""

    app: AppRegistration
    authorize_url: str
    notice: str | None = None


def server_from_text(text: str) -> str:
    """The server the user typed ("fosstodon.org"), as a checked base URL. Raises ConnectError."""
    server = normalise_server(text)
    if not server:
        raise ConnectError(translate(
            "MastodonConnect", "Enter your Mastodon server, such as fosstodon.org or mastodon.social."))
    problem = server_problem(server)
    if problem:
        raise ConnectError(problem[0].upper() + problem[1:] + ".")
    return server


def _app_secret_name(server: str) -> str:
    return f"mastodon-app:{server}"


# What personamgr was doing when the server failed, in "... so personamgr could not {doing}".
_DOING = {
    "register": QT_TRANSLATE_NOOP("MastodonConnect", "register itself"),
    "start": QT_TRANSLATE_NOOP("MastodonConnect", "start signing in"),
    "code": QT_TRANSLATE_NOOP("MastodonConnect", "accept the code"),
    "confirm": QT_TRANSLATE_NOOP("MastodonConnect", "confirm the account"),
}


def _connect_message(e: NetworkError, server: str, doing: str) -> str:
    what = translate("MastodonConnect", _DOING[doing])
    if isinstance(e, OfflineError):
        return translate("MastodonConnect", "{server} cannot be reached, so personamgr could not {doing}. Check the "
                         "server's address and your connection, then try again.").format(server=host_of(server),
                                                                                        doing=what)
    if isinstance(e, ConnectTimeoutError):
        return translate("MastodonConnect", "{server} did not accept the connection in time, so personamgr could not "
                         "{doing}. Check your connection and the server's address, then try again.").format(
            server=host_of(server), doing=what)
    if isinstance(e, SecureConnectionError):
        return translate("MastodonConnect", "The secure connection to {server} failed, so personamgr could not "
                         "{doing}. Check the server's address (and the computer's date), then try again.").format(
            server=host_of(server), doing=what)
    return translate("MastodonConnect", "{server} did not let personamgr {doing}: {error}").format(
        server=host_of(server), doing=what, error=e.message)


def saved_app(secrets: SecretStore, server: str) -> AppRegistration | None:
    blob = secrets.get_app_secret(_app_secret_name(server))
    if not blob or not blob.get("client_id") or not blob.get("client_secret"):
        return None
    return AppRegistration(server, blob["client_id"], blob["client_secret"])


def register_app(secrets: SecretStore, network: MastodonNetwork, server: str) -> AppRegistration:
    """``POST /api/v1/apps`` on ``server`` (once per server; kept in the keyring)."""
    from mastodon import Mastodon

    api = network.client(server)
    try:
        client_id, client_secret = api.call(lambda: Mastodon.create_app(
            APP_NAME, scopes=SCOPES, redirect_uris=OOB, website=APP_WEBSITE, api_base_url=api.api_base,
            request_timeout=network.timeout, session=api.session, user_agent=api.api.user_agent))
    except NetworkError as e:
        raise ConnectError(_connect_message(e, server, "register")) from None
    except (KeyError, TypeError, ValueError):  # a 4xx answer is JSON without a client id
        raise ConnectError(translate(
            "MastodonConnect", "{server} did not register personamgr (its answer had no client id). Is it a Mastodon "
            "server?").format(server=host_of(server))) from None
    finally:
        api.close()
    redact_secret(client_secret)
    app = AppRegistration(server, str(client_id), str(client_secret))
    secrets.set_app_secret(_app_secret_name(server), {"client_id": app.client_id, "client_secret": app.client_secret})
    return app


def _forget_app(secrets: SecretStore, server: str) -> None:
    secrets.delete_app_secret(_app_secret_name(server))


def _still_registered(network: MastodonNetwork, app: AppRegistration) -> bool:
    """Whether ``app.server`` still knows the registration (see ``MastodonClient.app_known``)."""
    api = network.client(app.server)
    try:
        return bool(api.app_known(app.client_id, app.client_secret, SCOPES))
    except NetworkError as e:
        raise ConnectError(_connect_message(e, app.server, "start")) from None
    finally:
        api.close()


def start_code_flow(secrets: SecretStore, network: MastodonNetwork, server_text: str, lang: str = "en", *,
                    new_app: bool = False, store: Store | None = None, persona: Persona | None = None) -> CodeFlow:
    """Register on the server if needed, and build the sign-in address (a fresh login is forced, in the
    language ``lang`` names, an ISO 639 code).

    A saved registration the server no longer knows (an admin removed it) is made again, and the flow's notice says
    so: its sign-in page would only answer "unknown client", with no code to paste. Its tokens died with it, so
    ``persona``'s, when the server refuses it too, is dropped (:func:`drop_dead_token`). ``new_app``: register
    again without asking the server (``connect --new-app``).

    Mastodon.py writes ``state`` and ``lang`` into the address whatever they are, so both get real values
    ("state=None" looks broken and would be sent as a state): a random state, as OAuth advises."""
    server = server_from_text(server_text)
    if new_app:
        _forget_app(secrets, server)
    app = saved_app(secrets, server)
    forgotten = app is not None and not _still_registered(network, app)
    if forgotten:
        _forget_app(secrets, server)
        if store is not None and persona is not None:
            drop_dead_token(store, secrets, network, persona, server)
    if app is None or forgotten:
        app = register_app(secrets, network, server)
    api = network.client(server)
    state = token_urlsafe(16)
    lang = lang if re.fullmatch(r"[a-z]{2,3}", lang or "") else "en"
    try:
        url = api.call(lambda: api.api.auth_request_url(
            client_id=app.client_id, redirect_uris=OOB, scopes=SCOPES, force_login=True, state=state, lang=lang,
            allow_http=api.api_base.startswith("http://")))
    except NetworkError as e:
        raise ConnectError(_connect_message(e, server, "start")) from None
    finally:
        api.close()
    return CodeFlow(app, url, translate(
        "MastodonConnect", "{server} no longer knew personamgr's registration (its admins may have removed it, which "
        "also ends every sign-in made through it), so personamgr registered itself there again. Sign in to connect "
        "the account anew.").format(server=host_of(server)) if forgotten else None)


def drop_dead_token(store: Store, secrets: SecretStore, network: MastodonNetwork, persona: Persona,
                    server: str) -> bool:
    """Drop ``persona``'s token for ``server`` from the keyring when the server refuses it (401), and mark the
    persona to be connected again; its posts, queue and settings stay. True when dropped.

    A token made on the server's own pages (``connect --tokens-stdin``) belongs to another registration and may
    still work: it is asked, not assumed dead."""
    creds = secrets.get_credentials(persona.uid)
    if persona.network != "mastodon" or not creds or creds.get("server") != server or not creds.get("access_token"):
        return False
    from personamgr.core.networks.mastodon.errors import ServerMovedError

    api = network.client(server, creds["access_token"])
    try:
        api.verify()
    except ServerMovedError:
        return False
    except AuthError:
        secrets.delete_credentials(persona.uid)
        store.set_connection_state(persona.uid, "reconnect_needed")
        return True
    except NetworkError:
        return False
    finally:
        api.close()
    return False


def finish_code_flow(secrets: SecretStore, flow: CodeFlow, code: str, network: MastodonNetwork) -> dict[str, str]:
    """Trade the code the server showed for the account's access token. Returns the credentials."""
    code = code.strip()
    if not code or any(ch.isspace() for ch in code):
        raise ConnectError(translate(
            "MastodonConnect", "Paste the code your server shows after you authorise personamgr (one word, no "
            "spaces)."))
    server = flow.app.server
    from personamgr.core.networks.mastodon.client import MastodonClient

    api = MastodonClient(network.api_base(server), None, timeout=network.timeout, now=network.clock.now,
                         label=host_of(server), pinned=network.base_url is not None)
    from personamgr.core.networks.mastodon.errors import ServerMovedError

    api.api.client_id, api.api.client_secret = flow.app.client_id, flow.app.client_secret
    try:
        try:
            token = api.call(lambda: api.api.log_in(code=code, redirect_uri=OOB, scopes=SCOPES,
                                                    allow_http=api.api_base.startswith("http://")))
        finally:
            api.close()  # before the server is asked anything else
    except ServerMovedError as e:  # the registration is not in doubt: the server is elsewhere
        raise ConnectError(_connect_message(e, server, "code")) from None
    except NetworkError as e:
        raise _code_refused(secrets, network, flow, e) from None
    redact_secret(token)
    return {"server": server, "access_token": token}


def _code_refused(secrets: SecretStore, network: MastodonNetwork, flow: CodeFlow, error: NetworkError) -> ConnectError:
    """What a refused code means. Mastodon.py reports every refusal of the code the same way: the server is asked
    whether it still knows the registration (an admin may have removed it meanwhile), so a new one is made next
    time, not the old one offered again."""
    server = flow.app.server
    try:
        forgotten = not _still_registered(network, flow.app)
    except ConnectError:  # the server cannot be asked now: what it said stands
        forgotten = False
    if forgotten:
        _forget_app(secrets, server)
        return ConnectError(translate(
            "MastodonConnect", "{server} no longer knows personamgr's registration. Start again: personamgr will "
            "register itself anew.").format(server=host_of(server)))
    return ConnectError(translate("MastodonConnect", "{error} The code may be mistyped or already used: start "
                                  "again for a new one.").format(error=_connect_message(error, server, "code")))


def parse_tokens(text: str) -> dict[str, str]:
    """``{"server", "access_token"}`` from one JSON object (``connect --tokens-stdin``)."""
    tokens = token_object(text, CREDENTIAL_KEYS, where_made=translate(
        "MastodonConnect", "(An access token is made in your server's Preferences → Development, with the "
        "write:statuses and write:media scopes.)"))
    creds = {"server": server_from_text(tokens["server"]), "access_token": tokens["access_token"]}
    redact_secret(creds["access_token"])
    return creds


@dataclass(frozen=True, slots=True)
class MastodonIdentity:
    account_id: str
    handle: str  # @name@server
    limits: ServerLimits


def verify(credentials: Mapping[str, str], network: MastodonNetwork) -> MastodonIdentity:
    """Ask the server whose token this is, and what it allows."""
    server = credentials["server"]
    try:
        api = network.client(server, credentials["access_token"])
    except NetworkError as e:
        raise ConnectError(e.message) from None
    from personamgr.core.networks.mastodon.errors import ServerMovedError

    try:
        me = api.verify()
        limits = api.limits()
    except ServerMovedError as e:
        raise ConnectError(_connect_message(e, server, "confirm")) from None
    except AuthError:
        raise ConnectError(translate(
            "MastodonConnect", "{server} refused this access token (401). Check that it was made on this server and "
            "was not revoked.").format(server=host_of(server))) from None
    except NetworkError as e:
        raise ConnectError(_connect_message(e, server, "confirm")) from None
    finally:
        api.close()
    username = str(me.get("username") or me.get("acct") or "").split("@", 1)[0]
    if not username or me.get("id") is None:
        raise ConnectError(translate(
            "MastodonConnect", "{server} answered without an account name; is it a Mastodon server?").format(
            server=host_of(server)))
    return MastodonIdentity(str(me["id"]), f"@{username}@{host_of(server)}", limits)


def connect_with_tokens(store: Store, secrets: SecretStore, network: MastodonNetwork, persona: Persona,
                        credentials: Mapping[str, str], *, switch_account: bool = False) -> Connected:
    """Verify the token with the server, then link it (and the server's limits) to ``persona``."""
    me = verify(credentials, network)
    server = credentials["server"]
    return link_account(store, secrets, persona, credentials, network="mastodon",
                        remote_id=f"mastodon:{server}:{me.account_id}", handle=me.handle, server=server,
                        limits=me.limits, switch_account=switch_account, wrong_account_hint=GUIDANCE[1])


def mastodon_network(networks: Mapping[str, object]) -> MastodonNetwork:
    """The profile's Mastodon network (carrying the base-URL override), or one from the environment."""
    net = networks.get("mastodon")
    return net if isinstance(net, MastodonNetwork) else MastodonNetwork.from_environment()
