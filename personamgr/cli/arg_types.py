"""Argument types for numbers that only work within bounds: refused as usage errors (exit 2) by argparse."""

from __future__ import annotations

import argparse
import math

TICK_RANGE_S = (0.1, 3600.0)
SQLITE_INT_RANGE = (-(1 << 63), (1 << 63) - 1)  # what the database can compare a number with


def positive_int(text: str) -> int:
    """A count of 1 or more (`posts list --limit`); one beyond the database's numbers means "all of them"."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number, 1 or more")
    return min(value, SQLITE_INT_RANGE[1])


def post_number(text: str) -> int:
    """A post's number as ``posts list`` shows it. One the database cannot hold is no post (the query would fail
    as a bug); one it can hold but has no post for is said by the command."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a post's number (see: personamgr posts list)") from None
    low, high = SQLITE_INT_RANGE
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"there is no post #{text} (see: personamgr posts list)")
    return value


def tick_seconds(text: str) -> float:
    """How often the daemon looks at the outbox: 0 or less re-reads it in a busy loop, and NaN or infinity
    never again."""
    low, high = TICK_RANGE_S
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not low <= value <= high:  # NaN fails every comparison
        raise argparse.ArgumentTypeError(f"must be a number of seconds from {low:g} to {high:g}")
    return value
