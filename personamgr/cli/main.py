"""Entry point: ``personamgr`` with no subcommand opens the app; subcommands serve scripts.

Each subcommand lives in its own module under ``personamgr.cli`` and exposes
``register(subparsers)``, which adds its parser and sets ``func(args) -> int``.
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from personamgr import __version__
from personamgr.cli import desktop
from personamgr.cli.errors import EXIT_BROKEN_PIPE, EXIT_FAILURE, EXIT_USAGE, CliError
from personamgr.cli.output import OutputError, guarded

# Subcommand modules (``personamgr.cli.NAME``) and their one-line help, in the order `--help` lists them.
SUBCOMMANDS = {
    "personas": "list, import or export personas (TOML)",
    "post": "post now as a persona (a post, or a thread with --thread)",
    "queue": "list, add, remove, pause or resume scheduled posts",
    "posts": "list posts; show, mark sent, retry, reschedule, stop or delete one",
    "guard": "check posts against personas' focus",
    "connect": "connect a persona to its X, Mastodon or Bluesky account",
    "daemon": "run the scheduler without a window (stops on SIGTERM)",
}


class _Command(argparse.ArgumentParser):
    """A subcommand's parser whose module is imported, and its options added (``register(parser)``), only when
    the command is used. Why: the modules of the commands that open the profile import SQLAlchemy, keyring and
    the networks (about 35 MB resident), which `personamgr guard` does not need (bench/README.md)."""

    def __init__(self, *args: Any, module: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._module = module

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        if self._module:
            module, self._module = self._module, ""
            importlib.import_module(module).register(self)
        return super().parse_known_args(args, namespace)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="personamgr",
        description="Run several X, Mastodon and Bluesky accounts from one desktop app, each kept to its own focus. "
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Command)
    for name, summary in SUBCOMMANDS.items():
        sub.add_parser(name, help=summary, module=f"personamgr.cli.{name}")
    return parser


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse an argument that is not valid UTF-8 (the shell passed bytes; Python keeps them as surrogates)
    before it can reach the database or a network, naming the argument and the byte."""
    for name, value in vars(args).items():
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            what = "TEXT" if name == "text" else f"--{name.replace('_', '-')}"
            try:
                where = f"byte 0x{value[e.start].encode('utf-8', 'surrogateescape')[0]:02x} at character {e.start + 1}"
            except UnicodeEncodeError:
                where = f"character {e.start + 1}"
            raise CliError(f"{what} is not valid UTF-8 text ({where}); check the terminal's or the script's "
                           "encoding", EXIT_USAGE) from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        check_arguments(args)
        if desktop.wanted(args):
            return desktop.run(args)
        if args.command is None:
            from personamgr.cli import window

            return window.run(args)
        with guarded():
            code = int(args.func(args) or 0)
            sys.stdout.flush()  # a closed pipe shows here, not as an error at interpreter exit
        return code
    except CliError as e:
        print(f"personamgr: error: {e}", file=sys.stderr)
        return e.code
    except OutputError as e:
        print(f"personamgr: error: {e}", file=sys.stderr)
        output_closed()  # what could not be written must not be tried again at exit
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return output_closed()
    except Exception as e:
        from personamgr.core.sent_unrecorded import SentNotRecorded

        if isinstance(e, SentNotRecorded):  # it went out (exit 0): a script retrying a failure would post it twice
            print(f"personamgr: warning: {e}", file=sys.stderr)
            return 0
        return report_unexpected(e, args)


def output_closed() -> int:
    """The reader of our output went away (``personamgr posts list | head -1``): not an error worth a word.
    As the Python docs advise, stdout is pointed at devnull so the exit's final flush cannot raise again; the exit
    code is a shell's for a command ended by SIGPIPE (128 + 13), so ``set -o pipefail`` scripts see what they
    would see from ``cat`` or ``yes``."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real stdout (an embedding caller's buffer): nothing left to flush
        pass
    return EXIT_BROKEN_PIPE


def report_unexpected(error: Exception, args: argparse.Namespace) -> int:
    """One line naming the problem on stderr, exit 1, and the traceback in the profile's log file.

    A database or file fault (a full disk, a locked or read-only database ...) is said as such; anything
    else is a bug, named by its type, with where the details are.
    """
    from personamgr.cli.common import profile_paths, storage_error
    from personamgr.core.logs import has_file_handler, setup_logging

    paths = profile_paths(args)
    logged = ""
    try:
        if not has_file_handler():
            paths.logs.mkdir(parents=True, exist_ok=True, mode=0o700)
            setup_logging(paths.log_file, verbose=bool(getattr(args, "verbose", False)))
        logging.getLogger("personamgr.cli").error("%s failed", args.command or "personamgr", exc_info=error)
        logged = f"; the details are in {paths.log_file}"
    except Exception as e:  # the log cannot be written either (the same full disk, say): say so, no traceback
        logged = f"; the details could not be logged ({type(e).__name__}: {e})"
    known = storage_error(error, args)
    if known is not None:
        print(f"personamgr: error: {known}", file=sys.stderr)
    else:
        print(f"personamgr: error: something unexpected went wrong ({type(error).__name__}: {error}){logged}. "
              "This is a bug in personamgr; please report it.", file=sys.stderr)
    return EXIT_FAILURE


def usage_error(message: str) -> CliError:
    return CliError(message, EXIT_USAGE)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
