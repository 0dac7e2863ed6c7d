"""Logging that never writes a secret.

Two layers of defence:

* HTTP libraries (tweepy, requests, urllib3, oauthlib) log request headers at
  DEBUG, and those carry tokens; their loggers are capped at INFO and stop
  propagating DEBUG whatever level the app runs at.
* Every handler the app installs carries :class:`RedactingFilter`, which masks
  every secret the app has handled (see :func:`redact_secret`) and anything
  shaped like an OAuth header or token parameter.
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import re
import sys
import threading
from pathlib import Path

MASK = "«redacted»"
NOISY = ("tweepy", "requests", "urllib3", "oauthlib", "requests_oauthlib", "keyring", "apscheduler.executors")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_PATTERNS = (
    re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(?:OAuth|Bearer|Basic)?\s*[^'\"\n]+"),
    re.compile(r"(?i)((?:oauth_[a-z_]+|access_token|refresh_token|client_secret|consumer_secret|"
               r"token_secret|access_token_secret|code_verifier)['\"]?\s*[=:]\s*['\"]?)[^&'\",\s}]+"),
)


def redact_secret(value: str) -> None:
    """Remember a secret so no log line can contain it. Short values are ignored (too common to mask)."""
    if value and len(value) >= 6:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    for pat in _PATTERNS:
        text = pat.sub(lambda m: m.group(1) + MASK, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        clean = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.msg, record.args = clean, None
        return True


_installed: list[logging.Handler] = []


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are owner-only (0600), the first one and every one after a rollover.

    A log that cannot be written (a full disk) is said once on stderr, in words, not as logging's traceback
    for every line: a daemon in a terminal would print one per tick. Once a line goes in again, the next
    fault is said again.
    """

    _failing = False  # the fault was said and no line has gone in since
    _failed_now = False

    def emit(self, record: logging.LogRecord) -> None:
        self._failed_now = False
        super().emit(record)
        if not self._failed_now:
            self._failing = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)
            return
        self._failed_now = True
        if self._failing:
            return
        self._failing = True
        log_file = Path(self.baseFilename)
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            words = (f"the disk holding {log_file.parent} is full, so the log {log_file} cannot be written; log "
                     "lines are dropped until there is room again")
        else:
            words = (f"the log {log_file} cannot be written ({error.strerror or error}); log lines are dropped "
                     "until it can be written again")
        try:
            sys.stderr.write(f"personamgr: {words}.\n")  # English: the command line's, as every CLI message
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):  # no stderr to speak to (a detached daemon)
            pass

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.chmod(self.baseFilename, 0o600)  # an existing log from an older version may be 0644
        except OSError:
            pass
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def has_file_handler() -> bool:
    return any(isinstance(h, logging.FileHandler) for h in _installed)


def setup_logging(log_file: Path | None, *, verbose: bool = False, stream: bool = False) -> None:
    """Configure the root logger once per process: a rotating file plus, optionally, stderr."""
    root = logging.getLogger()
    for h in _installed:
        root.removeHandler(h)
        h.close()
    _installed.clear()
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fh = PrivateRotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handlers.append(fh)
    if stream:
        handlers.append(logging.StreamHandler())
    for h in handlers:
        h.setFormatter(fmt)
        h.addFilter(RedactingFilter())
        root.addHandler(h)
        _installed.append(h)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.WARNING)
