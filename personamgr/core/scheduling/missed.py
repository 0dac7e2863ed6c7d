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
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from personamgr.core.i18n import translate
from personamgr.core.personas import MissedPolicy, Persona
from personamgr.core.reason_words import Note

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
        return translate("Missed", "%n minute(s)", None, minutes)
    hours = round(minutes / 60)
    days = round(minutes / 60 / 24)
    return translate("Missed", "%n hours", None, hours) if hours < 48 else translate("Missed", "%n days", None, days)


def decide(persona: Persona, due: datetime, now: datetime, grace: timedelta = DEFAULT_GRACE) -> MissedDecision:
    """The policy's decision for a post of ``persona`` that was due at ``due``, seen at ``now``."""
    late = now - due
    if late <= grace:
        return MissedDecision(MissedAction.SEND)
    missed = {"due": due.astimezone(UTC).isoformat(), "zone": persona.timezone,
              "late_minutes": int(late.total_seconds() // 60)}
    if persona.missed_policy is MissedPolicy.POST_LATE:
        if late <= timedelta(hours=persona.late_hours):
            return MissedDecision(MissedAction.SEND, Note("missed_late_sent", **missed, hours=persona.late_hours))
        return MissedDecision(MissedAction.HOLD, Note("missed_too_late", **missed, hours=persona.late_hours,
                                                      persona=persona.name))
    if persona.missed_policy is MissedPolicy.SKIP:
        if persona.queue_slots:
            return MissedDecision(MissedAction.SKIP, Note("missed_skipped", **missed))
        return MissedDecision(MissedAction.HOLD, Note("missed_no_slots", **missed, persona=persona.name))
    return MissedDecision(MissedAction.HOLD, Note("missed_held", **missed))
