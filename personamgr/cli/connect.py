"""``personamgr connect --persona NAME [--tokens-stdin]``: link a persona to its account, on any network.

The persona's network decides the flow (``--network`` picks one for a sandbox persona; X by default):

* X: OAuth 1.0a PIN flow with the user's own developer app; ``--tokens-stdin`` reads
  {consumer_key, consumer_secret, access_token, access_token_secret};
* Mastodon: registration on the user's server and a sign-in that shows a code to paste;
  ``--tokens-stdin`` reads {server, access_token};
* Bluesky: the handle and an app password (atproto has no OAuth yet); ``--tokens-stdin`` reads
  {handle, app_password}.

Secrets are never taken from the command line, where the process list would show them.
Prompts and guidance go to stderr; the one-line result goes to stdout.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import webbrowser

from personamgr.cli.common import find_persona, open_profile
from personamgr.cli.errors import CliError
from personamgr.core.demo import connect_refusal
from personamgr.core.networks.accounts import Connected, ConnectError
from personamgr.core.personas import NETWORK_LABELS, Persona
from personamgr.core.secrets import SecretsError


def register(p: argparse.ArgumentParser) -> None:
    p.description = ("Connect a persona to its account on its network (X with your own developer "
                     "app; Mastodon by signing in on your server; Bluesky with an app password). Credentials "
                     "are kept in the system keyring only.")
    p.add_argument("--persona", required=True, metavar="NAME", help="the persona to connect")
    p.add_argument("--network", choices=("x", "mastodon", "bluesky"),
                   help="the network to connect to (default: the persona's own; X for a sandbox persona)")
    p.add_argument("--tokens-stdin", action="store_true",
                   help="read the credentials as one JSON object on standard input instead of signing in: "
                   "X {consumer_key, consumer_secret, access_token, access_token_secret}; Mastodon {server, "
                   "access_token}; Bluesky {handle, app_password}")
    p.add_argument("--new-app", action="store_true",
                   help="X: enter the developer app's API key and secret again instead of the saved ones; Mastodon: "
                   "register personamgr on the server again instead of using the saved registration (one the "
                   "server forgot is registered again by itself)")
    p.add_argument("--no-browser", action="store_true", help="print the sign-in address instead of opening it")
    p.add_argument("--switch-account", action="store_true",
                   help="allow linking the persona to a different account than before (on any network)")
    p.set_defaults(func=cmd_connect)


def _say(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


def _guidance(lines: tuple[str, ...]) -> None:
    for line in lines:
        _say(f"  • {line}")


def _ask(prompt: str, *, secret: bool = False) -> str:
    """A line from the user; hidden for secrets on a terminal. Piped input works too (one line each)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt, stream=sys.stderr) if secret else input(prompt)
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise CliError("standard input ended before the answer was given")
    return line.strip()


def cmd_connect(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        persona = find_persona(services, args.persona)
        refused = connect_refusal(services.paths, persona.name)
        if refused:
            raise CliError(refused)
        network = args.network or (persona.network if persona.network in ("mastodon", "bluesky", "x") else "x")
        try:
            state = services.secrets.state()
        except SecretsError as e:
            raise CliError(str(e)) from None
        if not state.usable:
            raise CliError(state.message)
        flows = {"x": _connect_x, "mastodon": _connect_mastodon, "bluesky": _connect_bluesky}
        try:
            done = flows[network](services, persona, args)
        except (ConnectError, SecretsError) as e:
            raise CliError(f"{persona.name} was not connected: {e}") from None
        label = NETWORK_LABELS[network]
        who = f" (user {done.user_id})" if network == "x" else ""
        print(f"Connected {done.persona.name} to {done.handle} on {label}{who}. "
              f"Posts from {done.persona.name} now go to {label}.")
        return 0
    finally:
        services.close()


def _connect_x(services, persona: Persona, args: argparse.Namespace) -> Connected:  # type: ignore[no-untyped-def]
    from personamgr.core.networks.x import auth

    network = auth.x_network(services.networks, services.clock)
    if args.tokens_stdin:
        creds = auth.parse_tokens(sys.stdin.read())
    else:
        creds = _pin_flow(services, network, new_app=args.new_app, browser=not args.no_browser)
    return auth.connect_with_tokens(services.store, services.secrets, network, persona, creds,
                                    switch_account=args.switch_account)


def _connect_mastodon(services, persona: Persona, args: argparse.Namespace) -> Connected:  # type: ignore[no-untyped-def]
    from personamgr.core.networks.mastodon import auth

    network = auth.mastodon_network(services.networks)
    if args.tokens_stdin:
        creds = auth.parse_tokens(sys.stdin.read())
    else:
        _guidance(auth.GUIDANCE)
        server = persona.server or _ask("Your Mastodon server (for example fosstodon.org): ")
        flow = auth.start_code_flow(services.secrets, network, server, new_app=args.new_app, store=services.store,
                                    persona=persona)
        if flow.notice:
            _say(flow.notice)
        _say("Sign in as the account this persona should post as, and authorise personamgr:")
        _say(f"  {flow.authorize_url}")
        _open(flow.authorize_url, browser=not args.no_browser)
        creds = auth.finish_code_flow(services.secrets, flow, _ask("Code shown by the server: "), network)
    return auth.connect_with_tokens(services.store, services.secrets, network, persona, creds,
                                    switch_account=args.switch_account)


def _connect_bluesky(services, persona: Persona, args: argparse.Namespace) -> Connected:  # type: ignore[no-untyped-def]
    from personamgr.core.networks.bluesky import auth

    network = auth.bluesky_network(services.networks)
    if args.tokens_stdin:
        login = auth.parse_tokens(sys.stdin.read())
    else:
        _guidance(auth.GUIDANCE)
        handle = persona.handle if persona.network == "bluesky" and persona.handle else ""
        handle = _ask(f"Bluesky handle{f' [{handle}]' if handle else ''}: ").strip() or handle
        login = auth.Login(handle, _ask("App password: ", secret=True).strip())
    return auth.connect(services.store, services.secrets, network, persona, login,
                        switch_account=args.switch_account)


def _open(url: str, *, browser: bool) -> None:
    if browser:
        try:
            webbrowser.open(url)
        except webbrowser.Error:
            _say("(No browser could be opened: copy the address above into one.)")


def _pin_flow(services, network, *, new_app: bool, browser: bool) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from personamgr.core.networks.x import auth

    _say("Before you start:")
    _guidance(auth.GUIDANCE)
    _say()
    app = None if new_app else auth.saved_app(services.secrets)
    entered = app is None
    if app is None:
        _say("Enter your X developer app's keys (developer portal → your app → Keys and tokens → "
             "Consumer keys). They are kept in the keyring and asked for only once.")
        app = auth.AppKeys(_ask("API key: ").strip(), _ask("API key secret: ", secret=True).strip())
    flow = auth.start_pin_flow(app, network)
    if entered:
        auth.save_app(services.secrets, app)  # X accepted them: worth keeping
    _say("Authorize the app as the account this persona should post as:")
    _say(f"  {flow.authorize_url}")
    _open(flow.authorize_url, browser=browser)
    return auth.finish_pin_flow(flow, _ask("PIN shown by X: "), network)
