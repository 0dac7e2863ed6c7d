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


class OverdueThen(StrEnum):
    """What becomes of a post still scheduled whose time passed, when the window or the daemon next looks."""

    SEND = "send"
    HOLD = "hold"
    SKIP = "skip"
    FAIL = "fail"  # sent late, and refused there: the persona's account is not connected
    WAIT = "wait"  # posting is paused: nothing is done with it until it resumes


@dataclass(frozen=True, slots=True)
class Overdue:
    """A post still scheduled whose time passed with nothing applying the policy to it: how late, what comes of it
    (:class:`OverdueThen`), and that in words. ``queue list`` and ``queue list --json`` both say this one thing."""

    late: timedelta
    then: OverdueThen
    words: str


def overdue(persona: Persona, due: datetime, now: datetime, *, sender_running: bool, connected: bool = True,
            paused_all: bool = False, grace: timedelta = DEFAULT_GRACE) -> Overdue | None:
    """Whether a post of ``persona`` still scheduled for ``due`` is overdue at ``now``, and what will come of it.

    None while a sender runs and posting is not paused: it applies the policy as it looks, so the post is due, not
    overdue. Said where nothing will, so that a post listed at a past time is not taken for one to come; and it
    says only what is true: a persona whose account is not connected cannot post late, nor a paused one at all.
    """
    paused = persona.paused or paused_all
    if sender_running and not paused:
        return None
    decision = decide(persona, due, now, grace)
    kind = getattr(decision.message, "kind", None)
    if kind is None:
        return None
    late = now - due
    if paused:
        how = "--all" if paused_all else f"--persona {persona.name}"
        return Overdue(late, OverdueThen.WAIT, translate(
            "Missed", "Posting is paused for {persona}: nothing goes out for it until you resume it (personamgr queue "
            "resume {how}); then its missed-post policy decides.").format(persona=persona.name, how=how))
    then = OverdueThen(decision.action.value)
    if then is OverdueThen.SEND and not connected:
        then = OverdueThen.FAIL
    return Overdue(late, then, _policy_words(persona, kind, due, connected))


def _policy_words(persona: Persona, kind: str, due: datetime, connected: bool) -> str:
    """What the persona's policy (:func:`decide`'s note ``kind``) does with the post once the window or the daemon
    starts."""
    hours = persona.late_hours  # a plain name: pyside6-lupdate reads no other count
    if kind == "missed_late_sent":
        from personamgr.core.scheduling.local_time import describe

        deadline = describe(due + timedelta(hours=hours), persona.timezone)
        if not connected:
            return translate("Missed", "{persona} sends missed posts up to %n hour(s) late, but it cannot post until "
                             "its {network} account is connected: if one of them starts by {deadline}, the post "
                             "fails; later, it is held for you to decide.", None, hours).format(
                persona=persona.name, network=persona.network_label, deadline=deadline)
        return translate("Missed", "{persona} sends missed posts up to %n hour(s) late: if one of them starts by "
                         "{deadline}, it goes out then; later, it is held for you to decide.", None, hours).format(
            persona=persona.name, deadline=deadline)
    if kind == "missed_too_late":
        return translate("Missed", "When one of them starts, it is held for you to decide: it is more than the %n "
                         "hour(s) late {persona} allows.", None, hours).format(persona=persona.name)
    if kind == "missed_skipped":
        return translate("Missed", "When one of them starts, it moves to {persona}'s next free queue slot.").format(
            persona=persona.name)
    if kind == "missed_no_slots":
        return translate("Missed", "When one of them starts, it is held for you to decide: {persona} skips missed "
                         "posts to its next queue slot, but has no queue slots.").format(persona=persona.name)
    return translate("Missed", "When one of them starts, it is held for you to decide: {persona} asks about missed "
                     "posts.").format(persona=persona.name)
