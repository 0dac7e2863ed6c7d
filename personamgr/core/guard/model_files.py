"""Reading the guard's shipped model files, with one message for a broken install.

Why one reader: a file missing from the install and a damaged one have the same cause (the
package on disk is incomplete) and the same cure (reinstall), so both get the same message,
which names the file. Every model file the guard opens is read through :func:`load`; a
raw ``FileNotFoundError`` traceback is what a wheel without a data file used to show.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# What a parser of damaged bytes raises: bad zlib/gzip/zip streams, truncated data, bad JSON or
# UTF-8 (ValueError), a missing key or array, or a shape that does not fit.
_DAMAGE = (ValueError, KeyError, IndexError, TypeError, EOFError, OSError, zlib.error, zipfile.BadZipFile)


class ModelFileError(ValueError):
    """A shipped model file is missing, unreadable or damaged: personamgr must be reinstalled."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}; reinstall personamgr")
        self.path = path


def read_bytes(path: Path, what: str) -> bytes:
    """The file's bytes. ``what`` says what the file is ("the guard's tokenizer")."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ModelFileError(path, f"{what} is missing") from None
    except OSError as e:
        raise ModelFileError(path, f"{what} cannot be read ({e.strerror or e})") from None


def load(path: Path, what: str, parse: Callable[[bytes], T]) -> T:
    """``parse`` applied to the file's bytes; a missing or damaged file is a :class:`ModelFileError`."""
    data = read_bytes(path, what)
    try:
        return parse(data)
    except _DAMAGE as e:
        raise ModelFileError(path, f"{what} is damaged ({e})") from None


def load_file(path: Path, what: str, parse: Callable[[Path], T]) -> T:
    """``parse`` applied to the file itself, for a reader that takes it a piece at a time (an npz): its
    compressed bytes are not held whole beside what they inflate to. Missing or damaged as in :func:`load`."""
    try:
        return parse(path)
    except FileNotFoundError:
        raise ModelFileError(path, f"{what} is missing") from None
    except PermissionError as e:
        raise ModelFileError(path, f"{what} cannot be read ({e.strerror or e})") from None
    except _DAMAGE as e:
        raise ModelFileError(path, f"{what} is damaged ({e})") from None


def load_text(path: Path, what: str) -> str:
    return load(path, what, lambda data: data.decode("utf-8"))
