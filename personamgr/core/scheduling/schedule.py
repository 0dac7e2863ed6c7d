"""What the user does to the schedule: schedule at a time, add to the queue, reorder, edit, unschedule, pause.

Every change is a conditional UPDATE on the outbox, like every other post
transition, so a post that is being sent at that moment cannot be moved under
the sender's feet: the change fails with a message instead. The scheduler
driver picks the changes up through ``store.subscribe`` (and, from another
process, through its periodic reconcile or a poke over the instance socket).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, select, update

from personamgr.core import costs, lease
from personamgr.core import schema as s
from personamgr.core.clock import Clock, utc
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.outbox import CLEARED, REARRANGEABLE, Outbox, Post, PostState, TransitionError, maybe_out
from personamgr.core.personas import Persona
from personamgr.core.scheduling.local_time import ResolvedTime, describe, resolve_local
from personamgr.core.scheduling.slots import MAX_WEEKS, NoFreeSlot, next_free_slot
from personamgr.core.store import Store, now_naive

PAUSE_ALL = "pause_all"
# A time this far in the past is taken as "now" (the user typed the current minute).
PAST_TOLERANCE = timedelta(minutes=1)
# How far ahead a post may be scheduled: the same horizon as the search for a free queue slot.
MAX_AHEAD = timedelta(weeks=MAX_WEEKS)
# States from which the user may (re)schedule a post or take it off the schedule; sent and sending posts are
# out of reach, and so is one that may already be out (needs review): the scheduler would send it again unasked.
SCHEDULABLE = REARRANGEABLE


class SchedulingError(ValueError):
    """The change was refused. The message says why, and nothing the user wrote was lost."""


def due_expr() -> Any:
    """When a scheduled post is due: its retry time if it has one, else its scheduled time."""
    return func.coalesce(s.posts.c.next_attempt_at, s.posts.c.scheduled_at)


@dataclass(frozen=True, slots=True)
class Scheduled:
    """The result of a scheduling action: the post, and a note about DST adjustments if any."""

    post: Post
    when: datetime  # aware UTC
    note: str | None = None
    over_limit: str | None = None  # the persona's monthly cap or budget has no room for it that month (a warning)

    def with_warning(self, said: str) -> str:
        """``said`` followed by the over-the-limit warning, if any: every place that tells of a scheduling adds it."""
        return f"{said} {self.over_limit}" if self.over_limit else said


class PostSchedule:
    """Scheduling actions for the GUI and the CLI. All instants in and out are aware UTC."""

    def __init__(self, store: Store, outbox: Outbox, clock: Clock) -> None:
        self.store = store
        self.outbox = outbox
        self.clock = clock

    # -- reading -------------------------------------------------------------------------
    def scheduled(self, persona_uid: str | None = None) -> list[Post]:
        """Scheduled posts in the order they will go out."""
        posts = self.outbox.in_states([PostState.SCHEDULED], persona_uid)
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(posts, key=lambda p: (p.next_attempt_at or p.scheduled_at or far, p.id))

    def taken(self, persona_uid: str, con: Connection | None = None) -> list[datetime]:
        if con is None:
            with self.store.engine.connect() as own:
                return self.taken(persona_uid, own)
        pid = self.store.persona_id(con, persona_uid)
        rows = con.execute(
            select(s.posts.c.scheduled_at).where(
                and_(s.posts.c.persona_id == pid, s.posts.c.state == PostState.SCHEDULED.value,
                     s.posts.c.scheduled_at.is_not(None))
            )
        ).scalars()
        return [utc(r) for r in rows]

    def next_slot(self, persona: Persona, after: datetime | None = None) -> datetime:
        """The next free queue slot of ``persona`` after ``after`` (default: now)."""
        return next_free_slot(persona, after or self.clock.now(), self.taken(persona.uid))

    def paused_all(self) -> bool:
        return bool(self.store.get_setting(PAUSE_ALL, False))

    def next_up(self) -> Post | None:
        """The next post that will go out (skipping paused personas), for "Next: career · 14:00 · …"."""
        if self.paused_all():
            return None
        paused = {p.uid for p in self.store.personas() if p.paused}
        for p in self.scheduled():
            if p.persona_uid not in paused:
                return p
        return None

    # -- changing ------------------------------------------------------------------------
    @staticmethod
    def _scheduled(when: datetime, queue_rank: float | None) -> dict[str, Any]:
        return {
            "state": PostState.SCHEDULED.value,
            "scheduled_at": utc(when).replace(tzinfo=None, microsecond=0),
            "queue_rank": queue_rank,
            "next_attempt_at": None,
            "missed_at": None,
            "hold_kind": None,
            "error": None,
        }

    def _why_not(self, post_id: int, what: str) -> str:
        """Why post ``post_id`` could not be ``what`` (a key of ``_CANNOT``: "scheduled", "edited", ...)."""
        try:
            post = self.outbox.get(post_id)
        except LookupError:
            return translate("Schedule", "post {id} does not exist").format(id=post_id)
        state = post.state
        if state is PostState.NEEDS_REVIEW:
            return maybe_out(post)
        if state is PostState.SENDING:
            owner = lease.Owner.parse(self.outbox.get(post_id).lease_owner)
            by = translate("Schedule", " (by {sender})").format(sender=owner.describe()) if owner else ""
            return translate("Schedule", "post {id} is being sent right now{by}, so it cannot be {what}").format(
                id=post_id, by=by, what=translate("Schedule", _CANNOT[what]))
        return translate("Schedule", "post {id} is {state}, so it cannot be {what}").format(
            id=post_id, state=state.label.lower(), what=translate("Schedule", _CANNOT[what]))

    def _check_future(self, when: datetime, persona: Persona) -> datetime:
        now = self.clock.now()
        if when > now + MAX_AHEAD:
            years = MAX_WEEKS // 52
            raise SchedulingError(translate("Schedule", "{when} is more than %n years ahead; pick a nearer time",
                                            None, years).format(when=describe(when, persona.timezone)))
        if when < now - PAST_TOLERANCE:
            raise SchedulingError(translate(
                "Schedule", "{when} is in the past (it is now {now}); pick a later time, or post it now").format(
                when=describe(when, persona.timezone), now=describe(now, persona.timezone)))
        return max(when, now)

    def schedule_at(self, post_id: int, when: datetime | ResolvedTime, *, seen: PostState | None = None) -> Scheduled:
        """Schedule an existing post at an instant (or a resolved local time, whose DST note is passed on).

        ``seen``: the state the user chose from, so a post that changed meanwhile is left as it is. It narrows
        the states that may be rescheduled, never widens them: a post that may be out is not given a time.
        """
        post = self.outbox.get(post_id)
        persona = self.store.persona(post.persona_uid)
        note = None
        if isinstance(when, ResolvedTime):
            note, when = when.note, when.utc
        instant = self._check_future(utc(when), persona)
        expect = SCHEDULABLE if seen is None else [state for state in SCHEDULABLE if state is seen]
        if not self.outbox.update_if(post_id, expect, **self._scheduled(instant, None)):
            raise SchedulingError(self._changed(post_id, seen) or self._why_not(post_id, "scheduled"))
        return self._told(post_id, instant, note)

    def _told(self, post_id: int, when: datetime, note: str | None = None) -> Scheduled:
        """The post as scheduled, with what the user should hear about it: a clock change, and a month that has
        no room for it under the persona's cap or budget (warned now, not found out when it is held)."""
        post = self.outbox.get(post_id)
        persona = self.store.persona(post.persona_uid)
        over = costs.over_month(self.store, persona, post.parts[len(post.remote_ids):], when, post.id)
        return Scheduled(post, when, note, over)

    def _changed(self, post_id: int, seen: PostState | None) -> str | None:
        """What to say when the post is no longer in the state the user chose from; None when it still is."""
        try:
            state = self.outbox.get(post_id).state
        except LookupError:
            return None
        if seen is None or state is seen:
            return None
        return translate("Schedule", "post {id} changed while you chose: it was {seen} and is now {state}, so it was "
                         "not rescheduled. Look at it again").format(id=post_id, seen=seen.word, state=state.word)

    def schedule_local(self, post_id: int, local: datetime) -> Scheduled:
        """Schedule at a wall-clock time in the post's persona's zone (the GUI's date-time picker)."""
        persona = self.store.persona(self.outbox.get(post_id).persona_uid)
        return self.schedule_at(post_id, resolve_local(local, persona.timezone))

    def add_to_queue(self, post_id: int) -> Scheduled:
        """Put a post in its persona's next free queue slot.

        Finding the free slot and taking it is one write transaction, so two adds at once (two processes,
        or the window and a script) never get the same slot: the second waits, then sees the first's.
        """
        post = self.outbox.get(post_id)
        persona = self.store.persona(post.persona_uid)
        with self.store.begin() as con:
            con.exec_driver_sql("BEGIN IMMEDIATE")  # English: SQL
            try:
                slot = next_free_slot(persona, self.clock.now(), self.taken(persona.uid, con))
            except NoFreeSlot as e:
                raise SchedulingError(str(e)) from None
            if not self.outbox.update_if(post_id, SCHEDULABLE, con=con, **self._scheduled(slot, slot.timestamp())):
                raise SchedulingError(self._why_not(post_id, "scheduled"))
        self.store.notify("posts")
        return self._told(post_id, slot)

    def create(self, persona_uid: str, text: str, *, when: datetime | ResolvedTime | None = None,
               thread: Sequence[str] = (), media: Sequence[dict[str, Any]] = (),
               content_warning: str | None = None, visibility: str | None = None) -> Scheduled:
        """A new post, scheduled at ``when`` or, without it, in the next free queue slot.

        The draft is written first, so if scheduling is refused the words are kept as a draft.
        """
        post = self.outbox.create(persona_uid, text, thread=thread, media=media, content_warning=content_warning,
                                  visibility=visibility)
        try:
            if when is None:
                return self.add_to_queue(post.id)
            return self.schedule_at(post.id, when)
        except SchedulingError as e:
            raise SchedulingError(translate("Schedule", "{error}. The text was kept as draft #{id}.").format(
                error=e, id=post.id)) from None

    def unschedule(self, post_id: int) -> Post:
        """Take a post off the schedule; it becomes a draft with its words intact."""
        if not self.outbox.update_if(post_id, [PostState.SCHEDULED, PostState.HELD, PostState.FAILED],
                                     state=PostState.DRAFT.value, **CLEARED):
            raise SchedulingError(self._why_not(post_id, "unscheduled"))
        return self.outbox.get(post_id)

    def edit(self, post_id: int, text: str, thread: Sequence[str] = ()) -> Post:
        """Change the words; the time stays. The guard checks again when it goes out."""
        try:
            return self.outbox.edit(post_id, text, thread)
        except TransitionError:
            raise SchedulingError(self._why_not(post_id, "edited")) from None

    def reorder(self, persona_uid: str, ordered_ids: Sequence[int]) -> list[Post]:
        """Give the persona's scheduled posts their times in a new order (Buffer-style: the times stay,
        the posts move between them). ``ordered_ids`` must list exactly those posts."""
        current = self.scheduled(persona_uid)
        by_id = {p.id: p for p in current}
        if sorted(ordered_ids) != sorted(by_id):
            raise SchedulingError(translate("Schedule", "the queue changed while you were reordering it; look again "
                                            "and retry"))
        times = sorted(((p.scheduled_at or self.clock.now(), p.queue_rank) for p in current), key=lambda t: t[0])
        now = now_naive(self.clock)
        with self.store.begin() as con:
            for pid, (when, rank) in zip(ordered_ids, times, strict=True):
                n = con.execute(
                    update(s.posts)
                    .where(and_(s.posts.c.id == pid, s.posts.c.state == PostState.SCHEDULED.value))
                    .values(scheduled_at=utc(when).replace(tzinfo=None), queue_rank=rank, next_attempt_at=None,
                            updated_at=now)
                ).rowcount
                if not n:  # one of them started sending: undo the whole reorder
                    raise _Abort()
        self.store.notify("posts")
        return self.scheduled(persona_uid)

    def move(self, post_id: int, offset: int) -> list[Post]:
        """Move a post up (-1) or down (+1) in its persona's queue."""
        post = self.outbox.get(post_id)
        ids = [p.id for p in self.scheduled(post.persona_uid)]
        if post_id not in ids:
            raise SchedulingError(self._why_not(post_id, "moved"))
        i = ids.index(post_id)
        j = min(max(i + offset, 0), len(ids) - 1)
        ids.insert(j, ids.pop(i))
        return self.reorder(post.persona_uid, ids)

    # -- pausing -------------------------------------------------------------------------
    def set_paused(self, persona_uid: str, paused: bool) -> Persona:
        persona = self.store.persona(persona_uid)
        return self.store.update_persona(persona.with_changes(paused=paused))

    def set_paused_all(self, paused: bool) -> None:
        self.store.set_setting(PAUSE_ALL, bool(paused))


class _Abort(SchedulingError):
    def __init__(self) -> None:
        super().__init__(translate("Schedule", "a post in the queue started sending while you reordered; nothing "
                                   "was changed"))


# What a post could not be, in "post 3 is sent, so it cannot be edited".
_CANNOT = {
    "scheduled": QT_TRANSLATE_NOOP("Schedule", "scheduled"),
    "unscheduled": QT_TRANSLATE_NOOP("Schedule", "unscheduled"),
    "edited": QT_TRANSLATE_NOOP("Schedule", "edited"),
    "moved": QT_TRANSLATE_NOOP("Schedule", "moved"),
}
