"""Entry point: ``personamgr`` with no subcommand opens the app; subcommands serve scripts.

Each subcommand lives in its own module under ``personamgr.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``func(args) -> int``.
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from personamgr import __version__
from personamgr.cli import desktop
from personamgr.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError

# Subcommand modules, in the order `--help` lists them.
SUBCOMMANDS = ("personas", "post", "queue", "posts", "guard", "connect", "daemon")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="personamgr",
        description="Run several X accounts from one desktop app, each kept to its own focus. "
        "With no subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"personamgr {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep every file the app writes inside DIR (default: $PERSONAMGR_HOME, else the platform's folders)",
    )
    parser.add_argument("--demo", action="store_true", help="use the separate demo profile on the sandbox network")
    parser.add_argument("--compose", action="store_true", help="open the app with the compose box focused")
    parser.add_argument("--background", action="store_true",
                        help="start in the tray without showing the window (used when starting at login)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages (secrets are never logged)")
    desktop.register(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        importlib.import_module(f"personamgr.cli.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if desktop.wanted(args):
            return desktop.run(args)
        if args.command is None:
            from personamgr.gui.app import run_app  # Qt only from here

            return run_app(args)
        return int(args.func(args) or 0)
    except CliError as e:
        print(f"personamgr: error: {e}", file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE


def usage_error(message: str) -> CliError:
    return CliError(message, EXIT_USAGE)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
