"""What the scheduler tells the user about: sent, failed, held, moved, woke up."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate


class EventKind(StrEnum):
    SENT = "sent"
    FAILED = "failed"
    NEEDS_REVIEW = "needs_review"  # the network answered ambiguously: the post may have gone out
    GUARD_HELD = "guard_held"  # the guard objected (or could not check) just before sending; held
    RETRY = "retry"  # rate limit, outage or server error: back to scheduled with a retry time
    MISSED_HELD = "missed_held"  # its time passed; held for the user to decide
    MISSED_SKIPPED = "missed_skipped"  # its time passed; moved to the next free slot
    INTERRUPTED = "interrupted"  # found in "sending" at start-up; may have gone out
    WOKE = "woke"  # a clock gap forward: the machine slept or the clock was set forward
    CLOCK_BACK = "clock_back"  # a clock gap backward: the clock was set back
    PROFILE_GONE = "profile_gone"  # the database was moved or removed while running: nothing more is sent


@dataclass(frozen=True, slots=True)
class SchedulerEvent:
    kind: EventKind
    message: str
    post_id: int | None = None
    persona_name: str | None = None
    text: str | None = None
    hold: str | None = None  # the held post's HoldKind label ("near-duplicate")
    changes_due: bool = False  # a clock gap that made posts due, or not due after all: news for the window

    @property
    def title(self) -> str:
        title = translate("SchedulerEvent", _TITLES[self.kind]).format(
            hold=self.hold or translate("SchedulerEvent", "before sending"))
        if self.persona_name:
            return translate("SchedulerEvent", "{title} ({persona})").format(title=title, persona=self.persona_name)
        return title


_TITLES = {
    EventKind.SENT: QT_TRANSLATE_NOOP("SchedulerEvent", "Post sent"),
    EventKind.FAILED: QT_TRANSLATE_NOOP("SchedulerEvent", "Post failed"),
    EventKind.NEEDS_REVIEW: QT_TRANSLATE_NOOP("SchedulerEvent", "Post needs review"),
    EventKind.GUARD_HELD: QT_TRANSLATE_NOOP("SchedulerEvent", "Post held: {hold}"),
    EventKind.RETRY: QT_TRANSLATE_NOOP("SchedulerEvent", "Post will be retried"),
    EventKind.MISSED_HELD: QT_TRANSLATE_NOOP("SchedulerEvent", "Missed post held"),
    EventKind.MISSED_SKIPPED: QT_TRANSLATE_NOOP("SchedulerEvent", "Missed post moved"),
    EventKind.INTERRUPTED: QT_TRANSLATE_NOOP("SchedulerEvent", "Post may not have gone out"),
    EventKind.WOKE: QT_TRANSLATE_NOOP("SchedulerEvent", "Schedule checked after sleep or a clock change"),
    EventKind.CLOCK_BACK: QT_TRANSLATE_NOOP("SchedulerEvent", "Schedule checked after the clock was set back"),
    EventKind.PROFILE_GONE: QT_TRANSLATE_NOOP("SchedulerEvent", "Sending stopped: the profile was moved or removed"),
}
