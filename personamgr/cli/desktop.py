"""``personamgr --install-desktop-entry`` / ``--uninstall-desktop-entry``: the menu entry of a pip or pipx install."""

from __future__ import annotations

import argparse
import errno
from pathlib import Path

from personamgr.cli.errors import EXIT_USAGE, CliError
from personamgr.core import desktop_entry
from personamgr.core.autostart import Autostart


def register(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--install-desktop-entry", action="store_true",
                       help="add personamgr (this installation) to the desktop's application menu, with its icon; "
                       "for pip and pipx installs")
    group.add_argument("--uninstall-desktop-entry", action="store_true",
                       help="remove what --install-desktop-entry added, and start at login")


def wanted(args: argparse.Namespace) -> bool:
    return bool(args.install_desktop_entry or args.uninstall_desktop_entry)


def run(args: argparse.Namespace) -> int:
    if args.command is not None:
        raise CliError("--install-desktop-entry and --uninstall-desktop-entry take no command", EXIT_USAGE)
    target = desktop_entry.data_home()
    try:
        if args.uninstall_desktop_entry:
            removed = desktop_entry.uninstall(target)
            if removed:
                print(f"Removed personamgr from the application menu ({len(removed)} files under {target}).")
            else:
                print(f"No personamgr menu entry in {target}; nothing to remove.")
            _stop_starting_at_login()
            return 0
        command = desktop_entry.this_command()
        written = desktop_entry.install(target, command)
    except desktop_entry.IncompleteInstall as e:
        raise CliError(str(e)) from None
    except OSError as e:
        raise CliError(_in_words(e, target, removing=args.uninstall_desktop_entry)) from None
    print(f"Added personamgr to the application menu: {written[0]}")
    print(f"  it runs {' '.join(command)}")
    print(f"  icons: {len(written) - 1} files under {target / 'icons' / 'hicolor'}")
    print("Remove it with: personamgr --uninstall-desktop-entry")
    return 0


def _stop_starting_at_login() -> None:
    """Uninstalling is the step before removing the program (README): a start-at-login entry left behind would
    run a command that is gone at every login."""
    login = Autostart()
    if login.path is None or not login.path.exists():
        return
    login.disable()
    print(f"Removed personamgr's start at login: {login.path}")



def _in_words(error: OSError, target: Path, *, removing: bool) -> str:
    """Why the menu entry was not added (or removed), about the folder it goes in (the XDG data home, not the
    profile): a full or read-only disk is the data home's, anything else the file's own."""
    from personamgr.core.faults import place_advice, place_fault  # not at start-up: it loads the database's library

    place = Path(error.filename) if isinstance(error.filename, str) else target / desktop_entry.DESKTOP_FILE
    whole_disk = error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO)
    kind, why = place_fault(error, place, target if whole_disk else None)
    advice = place_advice(kind)
    if removing:
        return f"personamgr's menu entry could not be removed: {why}. {advice}"
    return f"personamgr was not added to the application menu: {why}. {advice} Nothing was written."
