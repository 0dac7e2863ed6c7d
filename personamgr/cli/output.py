"""Standard output that says so when it cannot be written.

A command's output can go to a file on a full disk (``personas export - > /mnt/full/x.toml``). Python reports that
as a bare OSError, which the profile's fault handling took for the database's: the user was sent to free space
on the wrong disk. Writes through :func:`guarded` raise :class:`OutputError` instead, which is not an OSError, so
nothing that handles the profile's faults mistakes it for one.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class OutputError(Exception):
    """Standard output could not be written; the message says why."""

    def __init__(self, error: OSError) -> None:
        why = error.strerror or str(error)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            text = f"the output could not be written ({why}): the file or device it goes to is full"
        else:
            text = f"the output could not be written ({why})"
        super().__init__(f"{text}. Nothing in the profile was changed by it.")


class _Guarded:
    """A stream whose failed writes raise OutputError; a closed pipe stays a BrokenPipeError (main handles it)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> Any:
        try:
            return self._stream.write(data)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(e) from e

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(e) from e

    @property
    def buffer(self) -> _Guarded:
        return _Guarded(self._stream.buffer)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def guarded() -> Iterator[None]:
    """``sys.stdout`` raises OutputError for a write that fails, while the block runs."""
    before = sys.stdout
    sys.stdout = _Guarded(before)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout = before
