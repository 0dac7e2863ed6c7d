"""What happens to a post whose time passed while nothing could send it.

The app was closed, the machine asleep, or posting paused. Each persona has a
policy; whichever applies, the post ends in a state the user can see, with a
message saying what happened. Nothing is dropped.

=================  ===================================================================
policy             outcome
=================  ===================================================================
ask (default)      held (kind *missed*, ``missed_at`` set); the start-up list asks
post_late (N h)    sent now if at most N hours late, else held as for *ask*
skip               moved to the persona's next free queue slot (held as for *ask* if
                   the persona has no slots)
=================  ===================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from personamgr.core.personas import MissedPolicy, Persona
from personamgr.core.scheduling.local_time import describe

# A post this late or less is simply sent: the scheduler was busy or the machine briefly stalled.
DEFAULT_GRACE = timedelta(minutes=2)


class MissedAction(StrEnum):
    SEND = "send"  # on time, or late within the persona's allowance
    HOLD = "hold"  # held: the user decides
    SKIP = "skip"  # rescheduled to the next free slot


@dataclass(frozen=True, slots=True)
class MissedDecision:
    action: MissedAction
    message: str | None = None


def lateness_text(late: timedelta) -> str:
    minutes = int(late.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = minutes / 60
    return f"{hours:.0f} hours" if hours < 48 else f"{hours / 24:.0f} days"


def decide(persona: Persona, due: datetime, now: datetime, grace: timedelta = DEFAULT_GRACE) -> MissedDecision:
    """The policy's decision for a post of ``persona`` that was due at ``due``, seen at ``now``."""
    late = now - due
    if late <= grace:
        return MissedDecision(MissedAction.SEND)
    when = describe(due, persona.timezone)
    base = (f"Missed its time ({when}) by {lateness_text(late)}: personamgr was closed, the computer was asleep, "
            "or posting was paused.")
    if persona.missed_policy is MissedPolicy.POST_LATE:
        if late <= timedelta(hours=persona.late_hours):
            return MissedDecision(MissedAction.SEND, f"{base} Sent late (allowed up to {persona.late_hours} h).")
        return MissedDecision(
            MissedAction.HOLD,
            f"{base} That is more than the {persona.late_hours} h {persona.name} allows for late posts, "
            "so it was held: send it now, reschedule it, or keep it as a draft.",
        )
    if persona.missed_policy is MissedPolicy.SKIP:
        if persona.queue_slots:
            return MissedDecision(MissedAction.SKIP, f"{base} Moved to the next free queue slot.")
        return MissedDecision(
            MissedAction.HOLD,
            f"{base} {persona.name} skips missed posts to the next queue slot, but has no queue slots, "
            "so it was held: send it now, reschedule it, or keep it as a draft.",
        )
    return MissedDecision(MissedAction.HOLD, f"{base} Send it now, reschedule it, or keep it as a draft.")
