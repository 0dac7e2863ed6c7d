"""Exit codes and the error type every subcommand raises for a user-facing failure."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE (128 + 13)


class CliError(Exception):
    """A failure to report on stderr. ``code`` is 1 for failures, 2 for usage errors.

    ``storage`` marks a failure to read or write the profile (a full disk, a locked database ...): a
    command that was saving the user's text then prints the text back (see ``common.keep_text``).
    """

    def __init__(self, message: str, code: int = EXIT_FAILURE, *, storage: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.storage = storage
