"""Scheduling: queue slots and local times, the missed-post policy, and the APScheduler driver.

The outbox is the source of truth; nothing here stores a job.
"""

from personamgr.core.scheduling.engine import MissedPost, Plan, ScheduleEngine
from personamgr.core.scheduling.events import EventKind, SchedulerEvent
from personamgr.core.scheduling.local_time import (
    ResolvedTime,
    describe,
    describe_with_utc,
    parse_when,
    resolve_local,
    short_time,
    to_local_naive,
)
from personamgr.core.scheduling.missed import MissedAction, decide
from personamgr.core.scheduling.schedule import PAUSE_ALL, PostSchedule, Scheduled, SchedulingError
from personamgr.core.scheduling.slots import NoFreeSlot, next_free_slot

__all__ = [
    "PAUSE_ALL",
    "EventKind",
    "MissedAction",
    "MissedPost",
    "NoFreeSlot",
    "Plan",
    "PostSchedule",
    "ResolvedTime",
    "ScheduleEngine",
    "Scheduled",
    "SchedulerEvent",
    "SchedulingError",
    "decide",
    "describe",
    "describe_with_utc",
    "next_free_slot",
    "parse_when",
    "resolve_local",
    "short_time",
    "to_local_naive",
]
