"""Why a file the user gave or keeps (an image, a personas file, the settings) could not be read, in the reader's
language and with the way out: the OS's own words ("Permission denied") are English and name none.

Kept apart from :mod:`personamgr.core.faults`, which loads SQLAlchemy: the guard command and a post's notes read
these words too, and load no database library."""

from __future__ import annotations

import errno
import re

from personamgr.core.i18n import translate


def why_unreadable(code: int | None, os_words: str = "") -> str:
    """A clause about "it" (the file the caller names): what is wrong and what to do; ``code`` is the errno."""
    if code in (errno.EACCES, errno.EPERM):
        return translate("Unreadable", "your user has no permission to read it; give yourself read permission on "
                         "it (in the file manager: Properties ▸ Permissions; or chmod u+r)")
    if code == errno.EISDIR:
        return translate("Unreadable", "it is a folder, not a file")
    if code == errno.ENOENT:
        return translate("Unreadable", "it does not exist (it may have been moved or deleted)")
    if code == errno.EIO:
        return translate("Unreadable", "the disk holding it failed to read it (input/output error); the disk may "
                         "be failing or unplugged")
    return translate("Unreadable", "the system said: {error}").format(error=os_words or code)


def read_fault(error: OSError) -> str:
    return why_unreadable(error.errno, error.strerror or str(error))


def toml_problem(error: ValueError) -> tuple[int | None, str]:
    """(line, problem) of a TOML parser's error (tomllib's or tomli's): its "(at line 3, column 15)" named apart, so
    a message can say the line in its own words."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
    line = int(m.group(1)) if m else getattr(error, "lineno", None)
    return line, re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
