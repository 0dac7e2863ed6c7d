"""What went wrong with the database or a file, in words a user can act on.

SQLite reports a fault as an error code and the OS as an errno; both are turned
into one sentence that names the file and the way out. Only SQLITE_CORRUPT and
SQLITE_NOTADB mean a file's contents are damaged: a full disk, a read-only file
or folder, a lock held by another program, or a folder where the file should be
are each said plainly, and none of them advises moving or deleting a file that
is intact. A failed write is rolled back by SQLite, so what was saved before is
still there; the messages say so.
"""

from __future__ import annotations

import enum
import errno
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from personamgr.core.i18n import translate

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_AUTH, SQLITE_NOTADB = 10, 11, 13, 14, 23, 26
# What a read or write of the profile can raise when the disk, the file or a lock is at fault.
STORAGE_ERRORS = (sqlite3.Error, DBAPIError, OSError)
# Below this much free space, a failed read or write is taken to be the full disk it most likely is.
NEARLY_FULL_BYTES = 1 << 20


class Fault(enum.StrEnum):
    FULL = "full"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    FOLDER = "folder"
    MISSING = "missing"
    EMPTY = "empty"
    DAMAGED = "damaged"
    IO = "io"
    MEMORY = "memory"
    OTHER = "other"


class ProfileGone(OSError):
    """The profile's database is no longer at the path it was opened from: its folder was moved, renamed or removed
    while the app ran. SQLite goes on writing the file it has open, which nobody will see again, so nothing more is
    saved or sent from it (core.store.Store.ensure_in_place). ``moved_to``: where the file is now, when that is
    known; ``removed``: it is known to be deleted."""

    def __init__(self, path: Path, *, moved_to: Path | None = None, removed: bool = False) -> None:
        super().__init__(errno.ENOENT, os.strerror(errno.ENOENT), str(path))  # said in words by __str__
        self.moved_to = moved_to
        self.removed = removed

    def __str__(self) -> str:  # in words wherever it is shown (the CLI prints it as it is)
        return gone_message(Path(str(self.filename)), moved_to=self.moved_to, removed=self.removed)


def gone_message(path: Path, *, moved_to: Path | None = None, removed: bool = False) -> str:
    """One sentence for every write refused from a profile that is gone (a draft, a persona, a setting, a send)."""
    if moved_to is not None:
        # --data-dir DIR keeps the database in DIR/data (core.paths): moved as a whole, the profile is DIR's new place.
        root = moved_to.parent.parent if moved_to.parent.name == path.parent.name == "data" else None
        if root is not None:
            return translate("Faults", "the database {path} was moved to {moved_to} while personamgr ran, so nothing "
                             "more is saved or sent from it here. Quit personamgr and start it again with --data-dir "
                             "{folder} to go on there").format(path=path, moved_to=moved_to, folder=root)
        return translate("Faults", "the database {path} was moved to {moved_to} while personamgr ran, so nothing more "
                         "is saved or sent from it here. Quit personamgr and start it again (with --data-dir FOLDER "
                         "to go on where you moved it)").format(path=path, moved_to=moved_to)
    if removed:
        return translate("Faults", "the database {path} was removed while personamgr ran, so nothing more is saved or "
                         "sent from it. Quit personamgr and start it again").format(path=path)
    return translate("Faults", "the database {path} was moved, renamed or removed while personamgr ran, so nothing "
                     "more is saved or sent from it. Quit personamgr and start it again (with --data-dir FOLDER if "
                     "you moved the profile on purpose)").format(path=path)


def _folder(path: Path | None) -> Path | None:
    if path is None:
        return None
    return path if path.is_dir() else path.parent


def _nearest_existing(path: Path | None) -> Path | None:
    """The folder of ``path``, or the nearest one above it that exists (a profile not yet made)."""
    folder = _folder(path)
    while folder is not None and not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def disk_nearly_full(path: Path | None) -> bool:
    folder = _nearest_existing(path)
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def read_only_filesystem(path: Path | None) -> bool:
    folder = _nearest_existing(path)
    if folder is None:
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _why_not_writable(path: Path) -> str:
    """The most specific reason ``path`` (a file, or the folder it would be created in) cannot be written."""
    if read_only_filesystem(path):
        return translate("Faults", "the disk or partition holding {folder} is mounted read-only").format(
            folder=_folder(path))
    if path.exists() and not os.access(path, os.W_OK):
        return translate("Faults", "{path} is read-only (or belongs to another user)").format(path=path)
    folder = _nearest_existing(path.parent) or path.parent  # a folder not made yet: the one it would be made in
    if folder.exists() and not os.access(folder, os.W_OK):
        return translate("Faults", "the folder {folder} is read-only (or belongs to another user)").format(
            folder=folder)
    return translate("Faults", "{path} or its folder is read-only, or belongs to another user").format(path=path)


def full_message(path: Path | None) -> str:
    if path:
        return translate("Faults", "the disk holding {folder} is full, so personamgr could not write to it. Free some "
                         "space and try again; what was saved before is intact.").format(folder=_folder(path))
    return translate("Faults", "the disk is full, so personamgr could not write to it. Free some space and try "
                     "again; what was saved before is intact.")


def classify(error: BaseException, path: Path | None = None) -> tuple[Fault, str] | None:
    """(kind, sentence) for a database or file error, or None when ``error`` is neither."""
    e = getattr(error, "orig", None) or error  # SQLAlchemy wraps the driver's error in .orig
    if isinstance(e, ProfileGone):
        return Fault.MISSING, str(e)
    if isinstance(e, sqlite3.Error):
        return _sqlite(e, path)
    if isinstance(e, OSError):
        return _os(e, path)
    if isinstance(e, MemoryError):
        return Fault.MEMORY, _out_of_memory()
    return None


def fault_note(error: BaseException, path: Path | None) -> str:
    """A fault met while writing a post's progress (``path``: the database), kept as its kind and file so that
    it is said in the reader's language (core.note_words' "record_fault"), not in the writer's. Anything else
    (a bug) as its own text."""
    from personamgr.core.reason_words import Note

    found = classify(error, path)
    if found is None:
        return in_words(error, path)
    e = getattr(error, "orig", None) or error
    return Note("record_fault", fault=found[0].value, path=str(getattr(e, "filename", None) or path or ""),
                error=str(getattr(e, "strerror", None) or e))


def _out_of_memory() -> str:
    return translate("Faults", "personamgr ran out of memory; close other programs and try again")


def describe(error: BaseException, path: Path | None = None) -> str | None:
    found = classify(error, path)
    return None if found is None else found[1]


def in_words(error: BaseException, path: Path | None = None) -> str:
    """What to tell the user about ``error``: the fault's sentence for a database or file error, else its own
    text (a specific error of ours, already in words). Without a final full stop: it goes inside a sentence."""
    return (describe(error, path) or str(error)).rstrip().rstrip(".")


def sentence(text: str) -> str:
    """A fault's words as a sentence of their own: they start in lower case to follow a colon ("Not saved: the
    disk ... is full"), which after a full stop reads as a slip."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


def _sqlite(e: sqlite3.Error, path: Path | None) -> tuple[Fault, str]:
    code = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
    name = path or translate("Faults", "the database")
    if code == SQLITE_FULL or (code == SQLITE_IOERR and disk_nearly_full(path)):
        return Fault.FULL, full_message(path)
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH) or (code == SQLITE_IOERR and read_only_filesystem(path)):
        why = _why_not_writable(path) if path else translate("Faults", "the database is read-only")
        return Fault.READ_ONLY, translate(
            "Faults", "personamgr cannot write to {name}: {why}. It needs to, even to list personas. Make it writable, "
            "or use another data folder with --data-dir; nothing was changed.").format(name=name, why=why)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return Fault.LOCKED, translate(
            "Faults", "{name} is locked by another program, and stayed locked while personamgr waited. If another "
            "personamgr or a database tool has it open, close that and try again; nothing was changed.").format(
            name=name)
    if code == SQLITE_CANTOPEN:
        if path is not None and path.is_dir():
            return Fault.FOLDER, folder_message(path)
        if path is not None and not path.parent.is_dir():
            return Fault.MISSING, translate("Faults", "{name} cannot be opened: its folder {folder} does not exist"
                                            ).format(name=name, folder=path.parent)
        if path is not None and (read_only_filesystem(path) or not os.access(path.parent, os.W_OK)
                                 or (path.exists() and not os.access(path, os.R_OK | os.W_OK))):
            return Fault.READ_ONLY, translate(
                "Faults", "personamgr cannot open {name}: {why}. Make it writable, or use another data folder with "
                "--data-dir; nothing was changed.").format(name=name, why=_why_not_writable(path))
        return Fault.OTHER, translate("Faults", "{name} cannot be opened ({error})").format(name=name, error=e)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return Fault.DAMAGED, translate(
            "Faults", "{name} is damaged and cannot be read ({error}). It was not changed. Restore a copy from the "
            "backups folder, or move it away to start afresh.").format(name=name, error=e)
    if code == SQLITE_NOMEM:
        return Fault.MEMORY, _out_of_memory()
    if code == SQLITE_IOERR:
        return Fault.IO, translate(
            "Faults", "reading or writing {name} failed ({error}): the disk may be failing, unplugged or out of space. "
            "The file is not necessarily damaged; check the disk and try again.").format(name=name, error=e)
    return Fault.OTHER, translate("Faults", "the database {name} reported an error: {error}").format(name=name, error=e)


def data_folder_message(error: OSError, folder: Path) -> str:
    """Why the profile's folders could not be made ready (created, or written in: a log, a mode). A full or
    read-only disk says so; a folder that exists is never said to be impossible to create."""
    found = classify(error, folder)
    if found and found[0] in (Fault.FULL, Fault.READ_ONLY):
        return found[1]
    words = translate("Faults", "personamgr cannot write in its data folder {folder}: {error}") if folder.is_dir() \
        else translate("Faults", "personamgr cannot create its data folder {folder}: {error}")
    return words.format(folder=folder, error=error.strerror or error)


def profile_unwritable_message(folder: Path, *, whole: bool = True) -> str:
    """Why nothing can be saved in a profile whose folder (``whole``), or one of its own folders, cannot be written."""
    why = (translate("Faults", "the disk or partition holding it is mounted read-only") if read_only_filesystem(folder)
           else translate("Faults", "your user cannot write in it (it is read-only, or belongs to another user)"))
    text = (translate("Faults", "personamgr cannot write in its profile folder {folder}: {why}. It keeps your "
                      "personas, posts and settings there, so it needs to, even to list personas. Make the folder "
                      "writable, or use another data folder with --data-dir; nothing was changed.") if whole else
            translate("Faults", "personamgr cannot write in {folder}, a folder of its profile: {why}. It keeps your "
                      "personas, posts and settings in its profile, so it needs to, even to list personas. Make the "
                      "folder writable, or use another data folder with --data-dir; nothing was changed."))
    return text.format(folder=folder, why=why)


def folder_message(path: Path) -> str:
    return translate("Faults", "{path} is a folder, not a database file. Move that folder away (nothing in it was "
                     "changed), or use another data folder with --data-dir.").format(path=path)


def _os(e: OSError, path: Path | None) -> tuple[Fault, str]:
    target = Path(e.filename) if isinstance(e.filename, str) else path
    name = target or translate("Faults", "a file")
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        text = (translate("Faults", "the disk holding {folder} is full, so {name} could not be written. Free some "
                          "space and try again; what was saved before is intact.") if e.errno == errno.ENOSPC else
                translate("Faults", "the disk holding {folder} is over your quota, so {name} could not be written. "
                          "Free some space and try again; what was saved before is intact."))
        return Fault.FULL, text.format(folder=_folder(target) if target else translate("Faults", "the data"),
                                       name=name)
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = _why_not_writable(target) if target else e.strerror
        return Fault.READ_ONLY, translate(
            "Faults", "personamgr cannot write to {name}: {why}. Make it writable, or use another data folder with "
            "--data-dir; nothing was changed.").format(name=name, why=why)
    if e.errno == errno.EISDIR and target is not None:
        return Fault.FOLDER, folder_message(target)
    if e.errno == errno.ENOTDIR:
        return Fault.FOLDER, translate("Faults", "{name}: a file stands in its path, where personamgr needs a folder "
                                       "({error})").format(name=name, error=e.strerror)
    if e.errno == errno.EIO:
        return Fault.IO, translate(
            "Faults", "reading or writing {name} failed (input/output error): the disk may be failing or unplugged. "
            "Check it and try again.").format(name=name)
    return Fault.OTHER, f"{name}: {e.strerror or e}"


def place_fault(error: OSError, target: Path, folder: Path | None = None) -> tuple[Fault, str]:
    """(kind, clause) for a file written outside the profile, to a place the user chose or the desktop owns (an
    export, the menu entry). The clause names that place's own fault (its disk: ``folder``, by default the
    file's): the profile's advice (``--data-dir``) does not apply to it."""
    target = target.absolute()
    folder = (folder or target.parent).absolute()
    if error.errno == errno.ENOSPC:
        return Fault.FULL, translate("Faults", "the disk holding {folder} is full").format(folder=folder)
    if error.errno == errno.EDQUOT:
        return Fault.FULL, translate("Faults", "the disk holding {folder} is over your quota").format(folder=folder)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Fault.READ_ONLY, _why_not_writable(target)
    if error.errno == errno.ENOENT and not folder.is_dir():
        return Fault.MISSING, translate("Faults", "the folder {folder} does not exist").format(folder=folder)
    if error.errno == errno.EISDIR or target.is_dir():
        return Fault.FOLDER, translate("Faults", "{path} is a folder").format(path=target)
    if error.errno == errno.ENOTDIR:
        return Fault.FOLDER, translate("Faults", "a file stands in the path {folder}, where a folder should be"
                                       ).format(folder=folder)
    if error.errno == errno.EIO:
        return Fault.IO, translate("Faults", "the disk holding {folder} failed to read or write (input/output "
                                   "error)").format(folder=folder)
    return Fault.OTHER, str(error.strerror or error)


def place_advice(kind: Fault) -> str:
    """What to do about a place outside the profile (see :func:`place_fault`) that the user cannot choose."""
    return {Fault.FULL: translate("Faults", "Free some space on it and try again."),
            Fault.READ_ONLY: translate("Faults", "Make it writable and try again.")}.get(
        kind, translate("Faults", "Fix that and try again."))


def export_message(error: OSError, target: Path) -> str:
    """Why an export was not written, and what to do about that place. Exports are written whole or not at all
    (``atomic_file``), so nothing half-written is left there to be taken for a good export."""
    kind, why = place_fault(error, target)
    advice = {
        Fault.FULL: translate("Faults", "Free some space on it, or export to another disk."),
        Fault.READ_ONLY: translate("Faults", "Export to another folder."),
        Fault.MISSING: translate("Faults", "Create it, or export to a folder that exists."),
        Fault.FOLDER: translate("Faults", "Export to a file name, not a folder."),
    }.get(kind, translate("Faults", "Export to another folder."))
    return translate("Faults", "{file} was not exported: {why}. {advice} Nothing was written there.").format(
        file=target, why=why, advice=advice)
