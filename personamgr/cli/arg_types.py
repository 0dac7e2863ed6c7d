"""Argument types for numbers that only work within bounds: refused as usage errors (exit 2) by argparse."""

from __future__ import annotations

import argparse
import math

TICK_RANGE_S = (0.1, 3600.0)


def positive_int(text: str) -> int:
    """A count of 1 or more (`posts list --limit`)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number, 1 or more")
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
