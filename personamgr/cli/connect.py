"""``personamgr connect --persona NAME [--tokens-stdin]``: link a persona to an X account.

Interactive by default (OAuth 1.0a PIN flow with the user's own developer app).
For scripts, ``--tokens-stdin`` reads one JSON object with consumer_key,
consumer_secret, access_token and access_token_secret. Secrets are never taken
from the command line, where the process list would show them.

Prompts and guidance go to stderr; the one-line result goes to stdout.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import webbrowser

from personamgr.cli.common import find_persona, open_profile
from personamgr.cli.errors import CliError
from personamgr.core.secrets import SecretsError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("connect", help="connect a persona to an X account",
                       description="Connect a persona to an X account with your own X developer app. "
                       "Credentials are kept in the system keyring only.")
    p.add_argument("--persona", required=True, metavar="NAME", help="the persona to connect")
    p.add_argument("--tokens-stdin", action="store_true",
                   help="read {consumer_key, consumer_secret, access_token, access_token_secret} as one JSON "
                   "object on standard input instead of signing in")
    p.add_argument("--new-app", action="store_true",
                   help="enter the developer app's API key and secret again instead of the saved ones")
    p.add_argument("--no-browser", action="store_true", help="print the sign-in address instead of opening it")
    p.add_argument("--switch-account", action="store_true",
                   help="allow linking the persona to a different X account than before")
    p.set_defaults(func=cmd_connect)


def _say(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


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
    from personamgr.core.networks.x import auth

    services = open_profile(args)
    try:
        persona = find_persona(services, args.persona)
        try:
            state = services.secrets.state()
        except SecretsError as e:
            raise CliError(str(e)) from None
        if not state.usable:
            raise CliError(state.message)
        network = auth.x_network(services.networks, services.clock)
        try:
            if args.tokens_stdin:
                creds = auth.parse_tokens(sys.stdin.read())
            else:
                creds = _pin_flow(services, network, new_app=args.new_app, browser=not args.no_browser)
            done = auth.connect_with_tokens(services.store, services.secrets, network, persona, creds,
                                            switch_account=args.switch_account)
        except auth.ConnectError as e:
            raise CliError(f"{persona.name} was not connected: {e}") from None
        except SecretsError as e:
            raise CliError(f"{persona.name} was not connected: {e}") from None
        print(f"Connected {done.persona.name} to @{done.username} on X (user {done.user_id}). "
              f"Posts from {done.persona.name} now go to X.")
        return 0
    finally:
        services.close()


def _pin_flow(services, network, *, new_app: bool, browser: bool) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from personamgr.core.networks.x import auth

    _say("Before you start:")
    for line in auth.GUIDANCE:
        _say(f"  • {line}")
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
    if browser:
        try:
            webbrowser.open(flow.authorize_url)
        except webbrowser.Error:
            _say("(No browser could be opened: copy the address above into one.)")
    return auth.finish_pin_flow(flow, _ask("PIN shown by X: "), network)
