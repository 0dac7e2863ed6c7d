"""The scheduler's logic, free of threads and timers: what is due, what was missed, send one post.

The outbox is the source of truth. :meth:`ScheduleEngine.plan` reads it and
answers "send these now; wake up for those later", after applying each
persona's missed-post policy to anything overdue. :meth:`ScheduleEngine.fire`
sends one post if it is still due. The APScheduler driver (``driver.py``) and
tests with a :class:`~personamgr.core.clock.FakeClock` both call these, so the
rules are tested without waiting for real time to pass.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, func, select

from personamgr.core import schema as s
from personamgr.core.clock import utc
from personamgr.core.faults import ProfileGone, sentence
from personamgr.core.holds import HoldKind
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.outbox import Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.reason_words import Note
from personamgr.core.scheduling.events import EventKind, SchedulerEvent
from personamgr.core.scheduling.local_time import describe
from personamgr.core.scheduling.missed import DEFAULT_GRACE, MissedAction, decide, lateness_text
from personamgr.core.scheduling.schedule import PostSchedule, due_expr
from personamgr.core.scheduling.slots import NoFreeSlot
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.core.services import Services
from personamgr.core.store import PersonaNotFound

log = logging.getLogger(__name__)

# A job may fire a hair before its instant if two clocks disagree; that is still "due".
EARLY_TOLERANCE = timedelta(seconds=2)
# What a clock gap changed, after "the schedule was checked again": the window tells these, not only the log.
CAME_DUE = QT_TRANSLATE_NOOP("Scheduler", "%n scheduled post(s) came due meanwhile: (it goes|each goes) out now or "
                             "follows its persona's missed-post policy.")
WAITS_AGAIN = QT_TRANSLATE_NOOP("Scheduler", "%n scheduled post(s) that (was|were) due by the old clock now (waits|"
                                "wait) until (its|their) time comes again.")


@dataclass(frozen=True, slots=True)
class Plan:
    due_now: list[int] = field(default_factory=list)  # post ids to send now
    later: list[tuple[int, datetime]] = field(default_factory=list)  # (post id, due) within the horizon
    held: list[int] = field(default_factory=list)  # missed and held for the user
    skipped: list[int] = field(default_factory=list)  # missed and moved to a later slot


@dataclass(frozen=True, slots=True)
class MissedPost:
    post: Post
    missed_at: datetime
    message: str


Listener = Callable[[SchedulerEvent], None]


class ScheduleEngine:
    def __init__(self, services: Services, *, grace: timedelta = DEFAULT_GRACE,
                 horizon: timedelta = timedelta(hours=1), max_jobs: int = 1000,
                 gap_threshold: timedelta = timedelta(seconds=90)) -> None:
        self.services = services
        self.store = services.store
        self.outbox = services.outbox
        self.clock = services.clock
        self.schedule = PostSchedule(self.store, self.outbox, self.clock)
        self.grace = grace
        self.horizon = horizon
        self.max_jobs = max_jobs
        self.gap_threshold = gap_threshold
        self._listeners: list[Listener] = []
        self._inflight: set[int] = set()
        self._lock = threading.Lock()
        self._last_wall: datetime | None = None
        self._last_mono = 0.0
        self._profile_gone = False

    # -- events --------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """``listener(event)`` is called from whichever thread did the work."""
        self._listeners.append(listener)

    def _emit(self, kind: EventKind, message: str, post: Post | None = None, *, changes_due: bool = False) -> None:
        event = SchedulerEvent(kind, message, post.id if post else None, post.persona_name if post else None,
                               post.text if post else None,
                               post.hold_kind.label if post and post.hold_kind else None, changes_due)
        log.info("%s: %s", event.title, message)
        for fn in list(self._listeners):
            try:
                fn(event)
            except Exception:
                log.exception("scheduler event listener failed")

    # -- start-up ------------------------------------------------------------------------
    def start(self) -> list[Post]:
        """Recover posts left in ``sending`` by a crash: needs-review, never re-sent."""
        recovered = self.recover()
        self._last_wall, self._last_mono = self.clock.now(), time.monotonic()
        return recovered

    def recover(self) -> list[Post]:
        """Posts whose sender died (this app before a crash, or a CLI ``post`` killed while this scheduler runs):
        needs-review, never re-sent blindly (on a network that finds what went out, due again at once). Runs at
        start and on every pass, so no restart is needed."""
        try:  # first what this process sent but could not record: its sender is not gone, it is recorded now
            for p in self.services.poster.record_unrecorded():
                self._report(p, None)
        except Exception:
            log.exception("recording posts that went out unrecorded failed")
        try:
            recovered = self.outbox.recover_abandoned()
        except Exception:
            log.exception("looking for posts whose sender stopped failed")
            return []
        for p in recovered:
            if p.state is PostState.SCHEDULED:  # its network finds what went out: sent again by itself
                self._emit(EventKind.RETRY, p.note or "", p)
            elif p.state is PostState.SENT:  # every part was recorded out: only the last write was lost
                self._report(p, None)
            else:
                self._emit(EventKind.INTERRUPTED, p.note or translate(
                    "Scheduler", "The app stopped while this post was being sent."), p)
        return recovered

    @staticmethod
    def warm_up() -> None:
        """Load what the first send needs (the X text parser takes ~0.7 s to import) before it is due."""
        from personamgr.core.text import WARM_UP, weighted_length

        weighted_length(WARM_UP)

    def tick(self) -> bool:
        """Detect a clock gap (sleep, or the clock was changed) since the last tick. True if there was one.

        The wall clock runs on through a suspend while the monotonic clock does not, so their
        difference is the time the machine was asleep.
        """
        now, mono = self.clock.now(), time.monotonic()
        last_wall, last_mono = self._last_wall, self._last_mono
        self._last_wall, self._last_mono = now, mono
        if last_wall is None:
            return False
        gap = (now - last_wall) - timedelta(seconds=mono - last_mono)
        if abs(gap) <= self.gap_threshold:
            return False
        expected = now - gap  # where the clock would be had it run on steadily
        if gap > timedelta(0):  # the wall clock ran ahead: asleep, or the clock was set forward
            kind, text = EventKind.WOKE, translate(
                "Scheduler", "The clock moved {gap} ahead (the computer was asleep, or its clock was set forward); "
                "the schedule was checked again.")
            changed = self._due_between(expected, now)
            said = translate("Scheduler", CAME_DUE, None, changed)
        else:
            kind, text = EventKind.CLOCK_BACK, translate(
                "Scheduler", "The clock was set back by {gap}; the schedule was checked again.")
            changed = self._due_between(now, expected)
            said = translate("Scheduler", WAITS_AGAIN, None, changed)
        message = text.format(gap=lateness_text(abs(gap)))
        self._emit(kind, f"{message} {said}" if changed else message, changes_due=bool(changed))
        return True

    def _due_between(self, start: datetime, end: datetime) -> int:
        """How many scheduled posts fall due after ``start`` and by ``end``: what a clock gap changed."""
        due = due_expr()
        q = select(func.count()).where(s.posts.c.state == PostState.SCHEDULED.value,
                                       due > utc(start).replace(tzinfo=None), due <= utc(end).replace(tzinfo=None))
        try:
            with self.store.engine.connect() as con:
                return int(con.execute(q).scalar_one())
        except Exception:  # the gap is still told, without the count
            log.exception("counting the posts a clock gap made due failed")
            return 0

    # -- planning ------------------------------------------------------------------------
    def _active_personas(self) -> tuple[dict[str, Persona], dict[str, str]] | None:
        """Personas allowed to post now by uid, and ``{uid: why}`` for those whose row cannot be read;
        None if everything is paused."""
        if self.schedule.paused_all():
            return None
        personas, broken = self.store.readable_personas()
        return {p.uid: p for p in personas if not p.paused}, broken

    def plan(self) -> Plan:
        """Read the outbox; apply the missed-post policy to overdue posts; say what to send and when."""
        plan = Plan()
        if not self._in_place():  # nothing is held, skipped or recovered in a file nobody sees again either
            return plan
        self.recover()
        found = self._active_personas()
        if found is None:
            return plan
        active, broken = found
        if not active and not broken:
            return plan
        now = self.clock.now()
        due = due_expr()
        q = (
            select(s.posts.c.id, s.personas.c.uid, due.label("due"))
            .join(s.personas, s.personas.c.id == s.posts.c.persona_id)
            .where(and_(s.posts.c.state == PostState.SCHEDULED.value, due.is_not(None),
                        due <= (now + self.horizon).astimezone(UTC).replace(tzinfo=None)))
            .order_by(due, s.posts.c.id)
            .limit(self.max_jobs)
        )
        with self.store.engine.connect() as con:
            rows = con.execute(q).all()
        for post_id, uid, raw_due in rows:
            if uid in broken:
                self._contain(post_id, Note("unreadable_settings", error=str(broken[uid])))
                continue
            persona = active.get(uid)
            if persona is None:
                continue
            try:  # one post whose persona holds a value this version cannot use must not stop the others
                when = utc(raw_due)
                if when > now:
                    plan.later.append((post_id, when))
                    continue
                action = self._overdue(post_id, persona, when, now)
            except Exception as e:
                log.exception("planning post %s of %s failed", post_id, persona.name)
                self._contain(post_id, f"{type(e).__name__}: {e}", persona)
                continue
            {MissedAction.SEND: plan.due_now, MissedAction.HOLD: plan.held,
             MissedAction.SKIP: plan.skipped}[action].append(post_id)
        return plan

    def _contain(self, post_id: int, why: str, persona: Persona | None = None) -> None:
        """Fail one scheduled post the scheduler cannot handle, visibly and with the reason; the rest go on."""
        message = Note("unhandled", why=why, persona=persona.name if persona else None)
        if self.outbox.update_if(post_id, [PostState.SCHEDULED], state=PostState.FAILED.value, error=message,
                                 next_attempt_at=None):
            try:
                self._emit(EventKind.FAILED, message, self.outbox.get(post_id))
            except LookupError:
                pass

    def _overdue(self, post_id: int, persona: Persona, due: datetime, now: datetime) -> MissedAction:
        """Apply the missed-post policy to one overdue post; SEND means the caller should send it."""
        decision = decide(persona, due, now, self.grace)
        if decision.action is MissedAction.SKIP:
            try:
                slot = self.schedule.next_slot(persona, now)
            except NoFreeSlot as e:
                return self._hold(post_id, Note("missed_no_free_slot", missed=decision.message,
                                                error=e.args[0] if e.args else str(e)))
            if self._update_scheduled(post_id, scheduled_at=slot, queue_rank=slot.timestamp(), next_attempt_at=None,
                                      error=decision.message):
                self._emit(EventKind.MISSED_SKIPPED, translate("Scheduler", "{missed} New time: {when}.").format(
                    missed=decision.message, when=self.schedule_describe(slot, persona)), self.outbox.get(post_id))
            return MissedAction.SKIP
        if decision.action is MissedAction.HOLD:
            return self._hold(post_id, decision.message or "")
        return MissedAction.SEND

    def _zone_of(self, post: Post) -> str:
        """The persona's zone, where its times are told (UTC if the persona was deleted meanwhile)."""
        try:
            return self.store.persona(post.persona_uid).timezone
        except PersonaNotFound:
            return "UTC"

    @staticmethod
    def schedule_describe(instant: datetime, persona: Persona) -> str:
        return describe(instant, persona.timezone)

    def _update_scheduled(self, post_id: int, **values: object) -> bool:
        """A conditional UPDATE on a post that is still scheduled (the user or a sender may have moved it)."""
        return self.outbox.update_if(post_id, [PostState.SCHEDULED], **values)

    def _hold(self, post_id: int, message: str) -> MissedAction:
        if self._update_scheduled(post_id, state=PostState.HELD.value, hold_kind=HoldKind.MISSED.value,
                                  missed_at=self.clock.now(), error=message):
            self._emit(EventKind.MISSED_HELD, message, self.outbox.get(post_id))
        return MissedAction.HOLD

    # -- sending -------------------------------------------------------------------------
    def fire(self, post_id: int) -> Post | None:
        """Send one post if it is still scheduled, due, and its persona not paused. Never raises.

        Returns the post after the attempt, or None if nothing was attempted.
        """
        with self._lock:
            if post_id in self._inflight:
                return None
            self._inflight.add(post_id)
        try:
            return self._fire(post_id)
        except SentNotRecorded as e:  # out, but not in the database: said as sent, never as failed
            self._emit(EventKind.SENT, str(e), e.post)
            return None
        except ProfileGone:  # moved or removed while the post was on its way: its record is refused like any write
            self._in_place()  # said once; the post is found "sending" (it may have gone out) where the profile is
            return None
        except Exception as e:
            log.exception("sending scheduled post %s failed unexpectedly", post_id)
            self._contain(post_id, f"{type(e).__name__}: {e}")
            return None
        finally:
            with self._lock:
                self._inflight.discard(post_id)

    def _fire(self, post_id: int) -> Post | None:
        try:
            post = self.outbox.get(post_id)
            persona = self.store.persona(post.persona_uid)
        except (LookupError, PersonaNotFound):
            return None  # deleted meanwhile
        if post.state is not PostState.SCHEDULED or persona.paused or self.schedule.paused_all():
            return None
        due = post.next_attempt_at or post.scheduled_at
        now = self.clock.now()
        if due is None or due > now + EARLY_TOLERANCE:
            return None
        if not self._in_place():
            return None
        late_note = decide(persona, due, now, self.grace).message
        if self._overdue(post_id, persona, due, now) is not MissedAction.SEND:
            return None
        result = self.services.poster.send(post_id, recheck=True)
        self._report(result, late_note)
        return result

    def _in_place(self) -> bool:
        """Whether the database is still where it was opened; if not, nothing is sent or written from it, and that
        is said once, in the words every refused write says."""
        try:
            self.store.ensure_in_place()
        except ProfileGone as gone:
            if not self._profile_gone:
                self._profile_gone = True
                self._emit(EventKind.PROFILE_GONE, sentence(str(gone)))
            return False
        return True

    def _report(self, post: Post, late_note: str | None) -> None:
        if post.state is PostState.SENT:
            where = post.remote_url or post.remote_id or ""
            sent = translate("Scheduler", "Sent as {persona}: {where}").format(persona=post.persona_name, where=where)
            self._emit(EventKind.SENT, " ".join(x for x in (sent, late_note) if x), post)
        elif post.state is PostState.FAILED:
            self._emit(EventKind.FAILED, post.note or translate("Scheduler", "The post failed."), post)
        elif post.state is PostState.HELD:
            self._emit(EventKind.GUARD_HELD, post.note or translate("Scheduler", "The post was held before sending."),
                       post)
        elif post.state is PostState.NEEDS_REVIEW:
            self._emit(EventKind.NEEDS_REVIEW, post.note or translate("Scheduler", "The post needs review."), post)
        elif post.state is PostState.SCHEDULED and post.next_attempt_at:
            self._emit(EventKind.RETRY, translate("Scheduler", "{error} Retrying at {time}.").format(
                error=post.note or translate("Scheduler", "Not sent."),
                time=describe(post.next_attempt_at, self._zone_of(post))), post)

    def run_due(self) -> list[Post]:
        """Plan and send everything due now, in this thread (for tests with a fake clock, and the CLI)."""
        out = []
        for post_id in self.plan().due_now:
            result = self.fire(post_id)
            if result is not None:
                out.append(result)
        return out

    # -- the missed-posts list -----------------------------------------------------------
    def missed(self) -> list[MissedPost]:
        """Posts held because their time passed, oldest first: the start-up list under the *ask* policy."""
        with self.store.engine.connect() as con:
            rows = con.execute(
                select(s.posts.c.id, s.posts.c.missed_at).where(
                    and_(s.posts.c.state == PostState.HELD.value, s.posts.c.hold_kind == HoldKind.MISSED.value)
                ).order_by(s.posts.c.scheduled_at, s.posts.c.id)
            ).all()
        out = []
        for post_id, missed_at in rows:
            post = self.outbox.get(post_id)
            out.append(MissedPost(post, utc(missed_at), post.note or ""))
        return out

    def send_missed_now(self, post_id: int) -> Post:
        """The user chose "Send now" for a held post: it is scheduled for now and the scheduler sends it."""
        return self.schedule.schedule_at(post_id, self.clock.now()).post

    def reschedule_missed(self, post_id: int) -> Post:
        """The user chose "Next free slot"."""
        return self.schedule.add_to_queue(post_id).post

    def keep_missed_as_draft(self, post_id: int) -> Post:
        return self.schedule.unschedule(post_id)
