"""A profile made ready before a command or the window uses it: its folders made, writable, and its log open.

A profile that cannot be written (a folder made read-only, another user's, or on a disk mounted read-only) is
refused here, once, naming the profile's folder: met later, the same fault was said about whichever file came
first (the log, the database), so a user who fixed that file met the next one, and nothing they could do showed
that the whole folder was the matter.
"""

from __future__ import annotations

from personamgr.core.faults import data_folder_message, profile_unwritable_message
from personamgr.core.logs import setup_logging
from personamgr.core.paths import AppPaths


class ProfileNotReady(OSError):
    """Why the profile cannot be used, in words (``str``), for the CLI's error line or the window's dialog."""


def make_ready(paths: AppPaths, *, verbose: bool = False) -> None:
    """Create the profile's folders (:meth:`AppPaths.ensure`) and log to its file, or raise ProfileNotReady."""
    try:
        paths.ensure()
    except OSError as e:
        raise ProfileNotReady(_unwritable(paths) or data_folder_message(e, paths.data)) from None
    refused = _unwritable(paths)
    if refused:
        raise ProfileNotReady(refused)
    try:
        setup_logging(paths.log_file, verbose=verbose)
    except OSError as e:
        raise ProfileNotReady(data_folder_message(e, paths.data)) from None


def _unwritable(paths: AppPaths) -> str | None:
    folder = paths.unwritable()
    return None if folder is None else profile_unwritable_message(folder, whole=folder == paths.folders[0])
