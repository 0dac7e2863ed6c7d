"""Exit codes and the error type every subcommand raises for a user-facing failure."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A failure to report on stderr. ``code`` is 1 for failures, 2 for usage errors."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code
