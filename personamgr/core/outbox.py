"""The post lifecycle, kept in the database.

    draft ──► scheduled ──► sending ──► sent
      │          ▲  │          │
      └──────────┘  │          ├──► failed        (the user is told why; can retry or edit)
                    │          ├──► scheduled     (a rate limit or an outage: retry at next_attempt_at)
                    │          ├──► held          (stopped before sending: the guard objected, or could not check)
                    │          └──► needs_review  (it may have gone out: never re-sent blindly)
                    └──────────────► held         (its time passed while nothing could send it)

*Held* and *needs review* are kept apart on purpose: a held post never went out,
so "mark as sent" is never offered for it; a needs-review post may be on the
timeline already, so it is only sent again when the user explicitly asks.

Every transition is one conditional UPDATE (``WHERE state IN (...)``), so two
workers or two processes can never both claim a post: that is what makes
"exactly once" hold.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Select, Text, and_, case, cast, delete, func, insert, or_, select, update

from personamgr.core import lease, search
from personamgr.core import schema as s
from personamgr.core.clock import utc
from personamgr.core.holds import GUARD_HOLDS, HoldKind, held_message
from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.networks.base import in_doubt
from personamgr.core.note_words import network_label
from personamgr.core.personas import NETWORK_LABELS
from personamgr.core.reason_words import Note, StoredReason, kept_note, kind_of, said, values_of
from personamgr.core.store import Store, now_naive
from personamgr.core.text import substantially_same

log = logging.getLogger(__name__)


class PostState(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    HELD = "held"
    NEEDS_REVIEW = "needs_review"

    @property
    def label(self) -> str:
        """The state's name as the user reads it (in their language, in the window)."""
        return translate("PostState", _LABELS[self.value])

    @property
    def word(self) -> str:
        """The state inside a sentence: "post 3 is needs review" rather than a badge's "Needs review" or "Sending…"."""
        return self.label.lower().rstrip("…")


_LABELS = {
    "draft": QT_TRANSLATE_NOOP("PostState", "Draft"),
    "scheduled": QT_TRANSLATE_NOOP("PostState", "Scheduled"),
    "sending": QT_TRANSLATE_NOOP("PostState", "Sending…"),
    "sent": QT_TRANSLATE_NOOP("PostState", "Sent"),
    "failed": QT_TRANSLATE_NOOP("PostState", "Failed"),
    "held": QT_TRANSLATE_NOOP("PostState", "Held"),
    "needs_review": QT_TRANSLATE_NOOP("PostState", "Needs review"),
}

# Which states each state may move to. Needs review reaches sending only when the user explicitly sends
# it again (``claim`` never takes it by default), and never goes back to draft or scheduled: there it would be
# sent without the user deciding; held is cleared by editing, moving or "post anyway".
TRANSITIONS: dict[PostState, frozenset[PostState]] = {
    PostState.DRAFT: frozenset({PostState.SCHEDULED, PostState.SENDING, PostState.FAILED, PostState.HELD}),
    PostState.SCHEDULED: frozenset({PostState.DRAFT, PostState.SENDING, PostState.HELD, PostState.FAILED}),
    PostState.SENDING: frozenset({PostState.SENT, PostState.FAILED, PostState.SCHEDULED, PostState.HELD,
                                  PostState.NEEDS_REVIEW}),
    PostState.FAILED: frozenset({PostState.DRAFT, PostState.SCHEDULED, PostState.SENDING, PostState.HELD}),
    PostState.HELD: frozenset({PostState.DRAFT, PostState.SCHEDULED, PostState.SENDING}),
    PostState.NEEDS_REVIEW: frozenset({PostState.SENDING, PostState.SENT, PostState.FAILED}),
    PostState.SENT: frozenset(),
}

# States the user decides about (the inbox, the tray badge): what went wrong and what to do next.
ATTENTION = (PostState.FAILED, PostState.HELD, PostState.NEEDS_REVIEW)
# Posts that have not gone out and are not in flight: their words, persona and media may change.
UNSENT = (PostState.DRAFT, PostState.SCHEDULED, PostState.FAILED, PostState.HELD, PostState.NEEDS_REVIEW)
# What the user may delete: never a post in flight, and not a sent one (its record is what counts
# against the monthly cap and budget, and deleting it here would not delete it on X).
DELETABLE = frozenset(UNSENT)
# Posts that may be put on the schedule, taken off it or given to another persona: not one that may already
# be on its persona's timeline (needs review), which would then go out again, or out as another persona, with
# nobody having decided it should.
REARRANGEABLE = tuple(st for st in UNSENT if st is not PostState.NEEDS_REVIEW)
# Set on every change that takes a post off the schedule or out of a hold.
CLEARED: dict[str, Any] = {"scheduled_at": None, "queue_rank": None, "next_attempt_at": None, "missed_at": None,
                           "hold_kind": None}


# ``repeat_safe_until`` of a post whose network looks up what went out before writing again (Bluesky's record key):
# it is sent again only as it is (same persona, same words) until it is sent or waits for review, however long.
UNTIL_SENT = datetime(9000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Resumable:
    """A post whose send was cut short is sent again by itself on ``network`` (a persona's ``network``), only as
    it is until ``until`` (its ``repeat_safe_until``; :data:`UNTIL_SENT`: until it is sent)."""

    network: str
    until: datetime


class TransitionError(RuntimeError):
    """The post was not in a state that allows the change (someone else got there first)."""


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    persona_uid: str
    persona_name: str
    state: PostState
    text: str
    created_at: datetime
    updated_at: datetime
    thread: tuple[str, ...] = ()
    media: tuple[dict[str, Any], ...] = ()
    scheduled_at: datetime | None = None
    queue_rank: float | None = None
    next_attempt_at: datetime | None = None
    attempts: int = 0
    sent_at: datetime | None = None
    network: str | None = None
    remote_id: str | None = None
    remote_url: str | None = None
    remote_ids: tuple[str, ...] = ()
    error: str | None = None
    guard_override: bool = False
    guard_reasons: tuple[StoredReason, ...] = field(default=())  # see core.reason_words; read them as .reasons
    override_text: str | None = None
    hold_kind: HoldKind | None = None
    lease_owner: str | None = None  # while sending: who sends it (core.lease)
    content_warning: str | None = None  # Mastodon; None: the persona's default
    visibility: str | None = None  # Mastodon; None: the persona's default
    # After an unanswered send: until when the network recognises a repeat of it (see schema, Poster.send).
    repeat_safe_until: datetime | None = None
    # What ``error`` says, as its kind and values (core.note_words); None: the sentence is all there is.
    error_words: Mapping[str, Any] | None = None
    sent_as: str | None = None  # the account its last send went out as (or tried to): its handle
    sent_as_id: str | None = None  # ... and its id (a persona's ``remote_user_id``)
    sent_content: Mapping[str, Any] | None = None  # what its last send sent: {"parts": [...], "media": [...]}
    # Its persona as it is now: where, and as which account, it posts.
    persona_network: str | None = None
    persona_account: str | None = None
    persona_handle: str | None = None

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the guard held it (or what "post anyway" overrode), in the reader's language: the post keeps what
        the guard found, not the sentences of the process that checked it (an older database's, as written)."""
        return tuple(said(r) for r in self.guard_reasons)

    @property
    def note(self) -> str | None:
        """What the post says about itself under its text (``error``), in the reader's language: said from what
        happened when the post kept that (``error_words``); a hold the guard made, from its kind, when its reasons
        were kept as what was found. An older version's sentence, as written."""
        if (self.state is PostState.HELD and self.hold_kind in GUARD_HOLDS
                and any(not isinstance(r, str) for r in self.guard_reasons)):
            return held_message(self.hold_kind, self.persona_name, self.guard_reasons)
        if self.error and self.error_words:
            return said(self.error_words)
        return self.error

    @property
    def note_found(self) -> tuple[str | None, dict[str, Any] | None]:
        """What :attr:`note` is about, for scripts: its kind and values (None, None: a sentence only)."""
        if not (self.error and self.error_words):
            return None, None
        return kind_of(self.error_words), values_of(self.error_words)

    @property
    def parts(self) -> tuple[str, ...]:
        """The whole thread, first part included."""
        return (self.text, *self.thread)

    @property
    def words(self) -> str:
        """Every part's text in one string, as the guard and the "post anyway" comparison read it."""
        return join_parts(self.parts)

    @property
    def status(self) -> str:
        """The state as a badge says it: "Held: near-duplicate" rather than just "Held"."""
        if self.state is PostState.HELD and self.hold_kind is not None:
            return translate("PostState", "Held: {reason}").format(reason=self.hold_kind.label)
        return self.state.label

    @property
    def stranded(self) -> Note | None:
        """Why the rest of a thread with parts out cannot go out from its persona now: the parts out are on another
        network, or another account, than the persona posts to now; from there the rest would reply to them, or be
        a second thread. None: it may go on (or nothing is out, or it is sent)."""
        if not self.remote_ids or self.state is PostState.SENT:
            return None
        if self.network and self.persona_network and self.network != self.persona_network:
            return Note("other_network", n=len(self.remote_ids), went=self.network, persona=self.persona_name,
                        network=self.persona_network)
        if self.sent_as_id and self.persona_account and self.sent_as_id != self.persona_account:
            return Note("thread_switched", n=len(self.remote_ids), total=len(self.parts), was=self.sent_as,
                        persona=self.persona_name, now=self.persona_handle or self.persona_name)
        return None

    @property
    def out_as(self) -> str | None:
        """The account the post went out as (or may have: in flight, or waiting for review). None: nothing of it is
        out, or it went out before the app recorded the account."""
        if not (self.remote_ids or self.state in (PostState.SENT, PostState.SENDING, PostState.NEEDS_REVIEW)):
            return None
        return self.sent_as or self.sent_as_id

    @property
    def other_account(self) -> str | None:
        """:attr:`out_as`, when the post's persona posts as another account now: its links, and what the user
        checks, are on that one. None: the same account, or nothing of it is out."""
        if self.out_as and self.persona_account and self.sent_as_id and self.sent_as_id != self.persona_account:
            return self.out_as
        return None

    @property
    def failed_part(self) -> int | None:
        """For a thread stopped part-way: the 1-based number of the first part that did not go out. None while
        it is in flight, once it is sent, and while it needs review (that part may be out: it is in doubt)."""
        sent = len(self.remote_ids)
        if 0 < sent < len(self.parts) and self.state not in (PostState.SENDING, PostState.SENT,
                                                             PostState.NEEDS_REVIEW):
            return sent + 1
        return None


def maybe_out(post: Post) -> str:
    """Why a needs-review post stays as it is, and the two true ways out (every refusal says the same): for a
    thread, about its one part in doubt (the first not recorded out), as "Mark what went out…" asks."""
    if len(post.parts) > 1 and len(post.remote_ids) < len(post.parts):
        return translate("Outbox", "part {part} of {total} of post {id} may already have gone out (it needs review), "
                         "so the post stays as it is: check the account for part {part}, then mark what went out or "
                         "send it again from there").format(part=len(post.remote_ids) + 1, total=len(post.parts),
                                                            id=post.id)
    return translate("Outbox", "post {id} may already have gone out (it needs review), so it stays as it is: check "
                     "the account, then mark it sent or send it again").format(id=post.id)


def locked_until(post: Post, now: datetime | None) -> datetime | None:
    """Until when ``post`` is sent again only exactly as it is (its ``repeat_safe_until``): its last send was cut
    short, and its network recognises a repeat of what was sent (a record key looked up first, an Idempotency-Key,
    X's refusal of a copy), never of a changed post. Until then it cannot be edited, moved, given other options or
    deleted; :data:`UNTIL_SENT`: until it is sent, waits for review or is refused. None: it may change (``now``
    None: judged as still locked)."""
    until = post.repeat_safe_until
    if until is None or post.state in (PostState.NEEDS_REVIEW, PostState.SENT):
        return None
    return until if now is None or now < until else None


def locked_words(post: Post, network: str, *, deleting: bool = False) -> str:
    """Why a post :func:`locked_until` a time cannot change (``deleting``: be deleted) yet, and until when: the one
    refusal, for the window and the CLI. ``network``: the network its send was cut short on."""
    label = network_label(network)
    until = post.repeat_safe_until
    if until is not None and until < UNTIL_SENT and network == "x":
        text = (translate("Outbox", "post {id} cannot be deleted until {time} UTC: X had a server error when it was "
                          "sent, so it may be on X already, and until then it is sent again by itself exactly as it "
                          "is (X refuses a copy of a recent post it has, and the post then waits for review). "
                          "Deleted now, the app would forget a post that may be on X") if deleting else
                translate("Outbox", "post {id} cannot change until {time} UTC: X had a server error when it was "
                          "sent, so it may be on X already. Until then it is sent again only exactly as it is, which "
                          "X refuses as a copy if the first arrived (the post then waits for review); changed or "
                          "moved, it would be a second post"))
        return text.format(id=post.id, time=f"{until:%H:%M}")
    if until is not None and until < UNTIL_SENT:
        text = (translate("Outbox", "post {id} cannot be deleted until {time} UTC: {network} did not answer when it "
                          "was sent, so it may be out already, and until then it is sent again by itself exactly as "
                          "it is, which cannot post it twice. Deleted now, the app would forget a post that may be "
                          "on {network}") if deleting else
                translate("Outbox", "post {id} cannot change until {time} UTC: {network} did not answer when it was "
                          "sent, so it may be out already. Until then it is sent again only exactly as it is, which "
                          "cannot post it twice; changed, it would be a second post"))
        return text.format(id=post.id, network=label, time=f"{until:%H:%M}")
    text = (translate("Outbox", "post {id} cannot be deleted until it is sent: its last send was cut short, so it "
                      "may be on {network} already, and it is sent again by itself ({network} is asked first "
                      "whether it arrived). Deleted now, the app would forget a post that may be on {network}")
            if deleting else
            translate("Outbox", "post {id} cannot change until it is sent: its last send was cut short, so it may "
                      "be on {network} already. It is sent again only exactly as it is, and {network} is asked "
                      "first whether it arrived, which cannot post it twice; changed or moved, it would be a second "
                      "post"))
    return text.format(id=post.id, network=label)


def persona_kept(persona: str, network: str, posts: Sequence[Post]) -> str:
    """Why ``persona`` cannot be deleted while ``posts`` (:meth:`Outbox.may_be_out`) may be on ``network``, naming
    them and what settles each: the one refusal, for the window and the CLI."""
    label = network_label(network)
    review = [p.id for p in posts if p.state is PostState.NEEDS_REVIEW]
    pending = [p.id for p in posts if p.state is not PostState.NEEDS_REVIEW]
    n_review, n_pending = len(review), len(pending)  # lupdate skips a translate() whose n is a call
    text = translate("Outbox", "{persona} cannot be deleted yet: the app would forget posts that may already be on "
                     "{network}.").format(persona=persona, network=label)
    if review:
        said = translate("Outbox", "Post(s) {ids} (needs|need) review: check the account, then mark each one sent or "
                         "send it again.", None, n_review)
        text += " " + said.format(ids=", ".join(map(str, review)))
    if pending:
        said = translate("Outbox", "Post(s) {ids} (is|are) being sent, or (is|are) sent again by (itself|themselves) "
                         "exactly as (it is|they are): wait until (it is|they are) sent or (needs|need) review.", None,
                         n_pending)
        text += " " + said.format(ids=", ".join(map(str, pending)))
    return text


def join_parts(parts: Sequence[str]) -> str:
    return "\n\n".join(p.strip() for p in parts)


def override_stands(post: Post, parts: Sequence[str]) -> bool:
    """Whether the user's "post anyway" still holds for ``parts``: the one rule, for the window and the CLI.

    It holds while the words stay close to what the user accepted (a typo fixed, a word changed); a
    rewrite is checked afresh.
    """
    if not post.guard_override:
        return False
    return substantially_same(post.override_text if post.override_text is not None else post.words,
                              join_parts(parts))


def parts_out_of(post: Post) -> str:
    """"part 1 of post 17 already went out on X": why a thread with parts out cannot move or go."""
    n, network = len(post.remote_ids), NETWORK_LABELS.get(post.network or "", post.network or "")
    if network:
        text = (translate("Outbox", "part 1 of post {id} already went out on {network}") if n == 1 else
                translate("Outbox", "parts 1–{n} of post {id} already went out on {network}"))
    else:
        text = (translate("Outbox", "part 1 of post {id} already went out") if n == 1 else
                translate("Outbox", "parts 1–{n} of post {id} already went out"))
    return text.format(n=n, id=post.id, network=network)


def _parts_out() -> Any:
    """How many parts of the post went out (the links recorded), in SQL."""
    return func.json_array_length(s.posts.c.remote_ids)


def _keeps_parts_out(values: dict[str, Any]) -> list[Any]:
    """The conditions under which an UPDATE of ``values`` keeps every part that went out: the one invariant.

    A new list of links must start with the links already recorded (a part out is never forgotten or
    replaced), and a post with parts out never changes persona (its parts are on that account).
    """
    out: list[Any] = []
    if "persona_id" in values:
        out.append(_parts_out() == 0)
    if "remote_ids" in values:
        new = list(values["remote_ids"])
        out.append(_parts_out() <= len(new))
        out += [or_(_parts_out() <= i, func.json_extract(s.posts.c.remote_ids, f"$[{i}]") == rid)
                for i, rid in enumerate(new)]
    return out


def _uploads_images(media: Sequence[Mapping[str, Any]], out: int) -> bool:
    """Whether ``media`` has an image on a part past the first ``out`` (those went out with theirs)."""
    return any(int(m.get("part", 0)) >= out for m in media)


def _media_of_parts(media: Sequence[Mapping[str, Any]], n: int) -> list[tuple[Any, Any, int]]:
    """The images of the first ``n`` parts, as they went out (file, alt text, part)."""
    return [(m.get("path"), m.get("alt_text") or "", int(m.get("part", 0))) for m in media if int(m.get("part", 0)) < n]


def _aware(dt: datetime | None) -> datetime | None:
    return None if dt is None else utc(dt)


class Outbox:
    """Reads and state changes of posts. All times in and out are aware UTC."""

    def __init__(self, store: Store, resumable: Callable[[Post], Resumable | None] = lambda _post: None) -> None:
        """``resumable(post)``: whether a post whose sender died is sent again by itself (its network finds, or
        returns, what already went out rather than posting it twice), on which network and until when; None: it
        needs review."""
        self.store = store
        self.resumable = resumable

    # -- reading -------------------------------------------------------------------------
    def _select(self) -> Select[Any]:
        p = s.personas.c
        return select(s.posts, p.uid.label("persona_uid"), p.name.label("persona_name"),
                      p.network.label("persona_network"), p.remote_user_id.label("persona_account"),
                      p.handle.label("persona_handle")).join(s.personas, p.id == s.posts.c.persona_id)

    @staticmethod
    def _from(row: Any) -> Post:
        m = row._mapping
        return Post(
            id=m["id"],
            persona_uid=m["persona_uid"],
            persona_name=m["persona_name"],
            state=PostState(m["state"]),
            text=m["text"],
            thread=tuple(m["thread"]),
            media=tuple(m["media"]),
            created_at=utc(m["created_at"]),
            updated_at=utc(m["updated_at"]),
            scheduled_at=_aware(m["scheduled_at"]),
            queue_rank=m["queue_rank"],
            next_attempt_at=_aware(m["next_attempt_at"]),
            attempts=m["attempts"],
            sent_at=_aware(m["sent_at"]),
            network=m["network"],
            remote_id=m["remote_id"],
            remote_url=m["remote_url"],
            remote_ids=tuple(m["remote_ids"]),
            error=m["error"],
            guard_override=bool(m["guard_override"]),
            guard_reasons=tuple(m["guard_reasons"]),
            override_text=m["override_text"],
            hold_kind=HoldKind(m["hold_kind"]) if m["hold_kind"] else None,
            lease_owner=m["lease_owner"],
            content_warning=m["content_warning"],
            visibility=m["visibility"],
            repeat_safe_until=_aware(m["repeat_safe_until"]),
            error_words=m["error_words"],
            sent_as=m["sent_as"],
            sent_as_id=m["sent_as_id"],
            sent_content=m["sent_content"],
            persona_network=m["persona_network"],
            persona_account=m["persona_account"],
            persona_handle=m["persona_handle"],
        )

    def get(self, post_id: int) -> Post:
        with self.store.engine.connect() as con:
            row = con.execute(self._select().where(s.posts.c.id == post_id)).first()
        if row is None:
            raise LookupError(translate("Outbox", "post {id} does not exist").format(id=post_id))
        return self._from(row)

    def history(self, persona_uid: str | None = None, limit: int = 200, *, containing: str = "") -> list[Post]:
        """Newest first: what the history view shows. With ``containing``, only posts whose words (any part) or
        persona's name contain it, case folded as :mod:`core.search` does: a search reaches past the newest
        ``limit``."""
        q = self._select().order_by(s.posts.c.updated_at.desc(), s.posts.c.id.desc()).limit(limit)
        if persona_uid is not None:
            q = q.where(s.personas.c.uid == persona_uid)
        if needle := search.fold(containing):
            words = getattr(func, search.SQL_FUNCTION)(s.posts.c.text, cast(s.posts.c.thread, Text),
                                                       s.personas.c.name)
            q = q.where(func.instr(words, needle) > 0)  # instr, not LIKE: "%" and "_" typed are characters
        with self.store.engine.connect() as con:
            return [self._from(r) for r in con.execute(q)]

    def in_states(self, states: Iterable[PostState], persona_uid: str | None = None) -> list[Post]:
        q = self._select().where(s.posts.c.state.in_([st.value for st in states]))
        if persona_uid is not None:
            q = q.where(s.personas.c.uid == persona_uid)
        q = q.order_by(s.posts.c.scheduled_at, s.posts.c.id)
        with self.store.engine.connect() as con:
            return [self._from(r) for r in con.execute(q)]

    def between(self, start: datetime, end: datetime, persona_uid: str | None = None) -> list[Post]:
        """Scheduled posts due (or scheduled) and sent posts sent in [start, end): what a calendar shows."""
        lo, hi = utc(start).replace(tzinfo=None), utc(end).replace(tzinfo=None)
        c = s.posts.c
        scheduled = and_(c.state == PostState.SCHEDULED.value,
                         or_(and_(c.scheduled_at >= lo, c.scheduled_at < hi),
                             and_(c.next_attempt_at >= lo, c.next_attempt_at < hi)))
        sent = and_(c.state == PostState.SENT.value, c.sent_at >= lo, c.sent_at < hi)
        q = self._select().where(or_(scheduled, sent))
        if persona_uid is not None:
            q = q.where(s.personas.c.uid == persona_uid)
        with self.store.engine.connect() as con:
            return [self._from(r) for r in con.execute(q.order_by(c.id))]

    def recent_texts(self, limit_per_persona: int = 20) -> dict[str, list[str]]:
        """Persona name -> texts of its latest sent posts, newest first (for the guard's history rules)."""
        return self._latest_texts((PostState.SENT,), limit_per_persona)

    def upcoming_texts(self, besides: int | None = None, limit_per_persona: int = 20) -> dict[str, list[str]]:
        """Persona name -> texts of its posts on their way out (scheduled, or being sent), the last to go first.

        A post written or scheduled now sits among them on the timeline, so the guard reads them too: a copy
        of one, or a fourth bare link after three queued, is said while the user is there rather than held at
        its time. ``besides``: the post being edited, which is no neighbour of itself.
        """
        return self._latest_texts((PostState.SCHEDULED, PostState.SENDING), limit_per_persona, besides)

    def _latest_texts(self, states: Sequence[PostState], limit_per_persona: int,
                      besides: int | None = None) -> dict[str, list[str]]:
        c = s.posts.c
        # The guard asks on every check as the user types: let SQLite keep only the newest posts per persona
        # rather than reading the whole history each time.
        at = case((c.state == PostState.SENT.value, c.sent_at),
                  else_=func.coalesce(c.next_attempt_at, c.scheduled_at, c.updated_at)).label("at")
        rank = func.row_number().over(partition_by=c.persona_id, order_by=(at.desc(), c.id.desc())).label("rank")
        mine = c.state.in_([x.value for x in states])
        if besides is not None:
            mine = and_(mine, c.id != besides)
        latest = select(c.persona_id, c.text, c.id, at, rank).where(mine).subquery()
        q = (select(s.personas.c.name, latest.c.text)
             .join(latest, latest.c.persona_id == s.personas.c.id)
             .where(latest.c.rank <= limit_per_persona)
             .order_by(latest.c.at.desc(), latest.c.id.desc()))
        out: dict[str, list[str]] = {}
        with self.store.engine.connect() as con:
            for name, text in con.execute(q):
                out.setdefault(name, []).append(text)
        return out

    def counts(self, states: Sequence[PostState]) -> int:
        with self.store.engine.connect() as con:
            return int(
                con.execute(
                    select(func.count()).select_from(s.posts).where(s.posts.c.state.in_([x.value for x in states]))
                ).scalar_one()
            )

    # -- writing -------------------------------------------------------------------------
    def create(
        self,
        persona_uid: str,
        text: str,
        *,
        state: PostState = PostState.DRAFT,
        thread: Sequence[str] = (),
        scheduled_at: datetime | None = None,
        media: Sequence[dict[str, Any]] = (),
        content_warning: str | None = None,
        visibility: str | None = None,
    ) -> Post:
        now = now_naive(self.store.clock)
        with self.store.begin() as con:
            pid = self.store.persona_id(con, persona_uid)
            new_id = con.execute(
                insert(s.posts).values(
                    persona_id=pid,
                    state=state.value,
                    text=text,
                    thread=list(thread),
                    media=list(media),
                    created_at=now,
                    updated_at=now,
                    scheduled_at=None if scheduled_at is None else utc(scheduled_at).replace(tzinfo=None),
                    content_warning=content_warning,
                    visibility=visibility,
                )
            ).inserted_primary_key[0]
        self.store.notify("posts")
        return self.get(int(new_id))

    def update_if(self, post_id: int, states: Iterable[PostState] | None, *, where: Any = None,
                  con: Connection | None = None, **values: Any) -> bool:
        """Change a post only if it is in one of ``states`` (any state for None): one conditional UPDATE.

        Returns whether it changed. Every state change and edit goes through here, which is what
        makes a race between two writers (the window, the scheduler, a second process) safe: the
        loser changes nothing and is told so. ``where`` adds a condition (the sender's lease, say).
        With ``con``, the UPDATE joins the caller's transaction, and the caller notifies after it commits.
        Aware datetimes and sequences are stored as the schema keeps them.

        The parts of a thread that went out are public, so no change may lose them: the links recorded
        for them are only ever added to, and such a post stays with its persona (:func:`_keeps_parts_out`).
        """
        for key in ("scheduled_at", "next_attempt_at", "sent_at", "missed_at", "lease_until", "repeat_safe_until"):
            if isinstance(values.get(key), datetime):
                values[key] = utc(values[key]).replace(tzinfo=None)
        for key in ("thread", "remote_ids", "guard_reasons", "media"):
            if key in values:
                values[key] = list(values[key])
        if "error" in values and "error_words" not in values:  # a note keeps what it says beside its sentence
            values["error_words"] = kept_note(values["error"])
            values["error"] = None if values["error"] is None else str(values["error"])
        values.setdefault("updated_at", now_naive(self.store.clock))
        condition = and_(s.posts.c.id == post_id, *_keeps_parts_out(values))
        if states is not None:
            condition = and_(condition, s.posts.c.state.in_([x.value for x in states]))
        if where is not None:
            condition = and_(condition, where)
        if con is not None:
            return bool(con.execute(update(s.posts).where(condition).values(**values)).rowcount)
        with self.store.begin() as own:
            n = own.execute(update(s.posts).where(condition).values(**values)).rowcount
        if n:
            self.store.notify("posts")
        return bool(n)

    def wait_alongside(self, post: Post, until: datetime, error: str, *, images_only: bool = False) -> int:
        """``post``'s persona's other scheduled posts due before ``until`` wait until then too, with ``error``.

        A rate limit or a daily cap is the account's, not one post's: each post due meanwhile would ask the network
        only to meet the same refusal, and say it again. Their tries are not counted (nothing was asked), and each
        is one conditional write on the version read, so a post rescheduled or edited meanwhile keeps what the user
        chose. ``images_only``: the limit is on image uploads alone (Mastodon's), so only the posts that would
        upload one wait; the others would go out. Returns how many wait.
        """
        cutoff = utc(until).replace(tzinfo=None)
        due = func.coalesce(s.posts.c.next_attempt_at, s.posts.c.scheduled_at)
        with self.store.begin() as con:
            rows = con.execute(select(s.posts.c.id, s.posts.c.updated_at, s.posts.c.media, s.posts.c.remote_ids).where(
                s.posts.c.persona_id == select(s.posts.c.persona_id).where(s.posts.c.id == post.id).scalar_subquery(),
                s.posts.c.state == PostState.SCHEDULED.value,
                s.posts.c.id != post.id, due < cutoff)).all()
        return sum(self.update_if(row.id, [PostState.SCHEDULED], where=s.posts.c.updated_at == row.updated_at,
                                  next_attempt_at=until, error=error) for row in rows
                   if not images_only or _uploads_images(row.media, len(row.remote_ids)))

    def transition(
        self,
        post_id: int,
        to: PostState,
        *,
        expect: Iterable[PostState] | None = None,
        where: Any = None,
        unchanged_since: datetime | None = None,
        **values: Any,
    ) -> Post:
        """Move a post to ``to`` if it is in one of ``expect`` (default: every state allowed to reach ``to``), and
        (with ``unchanged_since``, the ``updated_at`` the caller read) only if nobody changed it since.

        Atomic: a single conditional UPDATE. Raises :class:`TransitionError` if the
        post was not in an expected state, so the caller knows it lost the race.
        """
        if unchanged_since is not None:
            same = s.posts.c.updated_at == utc(unchanged_since).replace(tzinfo=None)
            where = same if where is None else and_(where, same)
        allowed = [st for st, targets in TRANSITIONS.items() if to in targets]
        if expect is not None:
            allowed = [st for st in expect if to in TRANSITIONS[st]]
        if not self.update_if(post_id, allowed, where=where, state=to.value, **values):
            current = self.get(post_id).state
            raise TransitionError(translate("Outbox", "post {id} is {state}; it cannot become {new}").format(
                id=post_id, state=current.word, new=to.word))
        return self.get(post_id)

    def claim(self, post_id: int, expect: Iterable[PostState] = (PostState.DRAFT, PostState.SCHEDULED,
                                                                   PostState.FAILED), *,
              owner: str | None = None, unchanged_since: datetime | None = None, where: Any = None,
              **values: Any) -> Post | None:
        """Atomically take a post for sending (-> ``sending``), leased to ``owner`` (default: this process).

        None if another sender has it, or (with ``unchanged_since``, the ``updated_at`` the caller read) if
        it was edited, moved or rescheduled since: what is sent is what was checked. ``where`` adds a condition
        (its persona still as it was read, say). ``values`` are written with the claim.
        """
        try:
            return self.transition(post_id, PostState.SENDING, expect=expect, unchanged_since=unchanged_since,
                                   where=where, attempts=s.posts.c.attempts + 1, error=None, hold_kind=None,
                                   lease_owner=owner or lease.this_process().token,
                                   lease_until=self.store.clock.now() + lease.LEASE, **values)
        except TransitionError:
            return None

    def renew_lease(self, post_id: int, owner: str) -> bool:
        """The sender's heartbeat: its claim holds for another lease. Quiet: nothing the views show changes."""
        until = utc(self.store.clock.now() + lease.LEASE).replace(tzinfo=None)
        with self.store.begin() as con:
            return bool(con.execute(update(s.posts).where(and_(
                s.posts.c.id == post_id, s.posts.c.state == PostState.SENDING.value,
                s.posts.c.lease_owner == owner)).values(lease_until=until)).rowcount)

    def edit(self, post_id: int, text: str, thread: Sequence[str] = (),
             media: Sequence[dict[str, Any]] | None = None) -> Post:
        """Change the words (and, when given, the media) of a post that has not gone out.

        Parts of a thread that already went out cannot change: they are on the timeline. "Post anyway"
        stays while the words stay close to what the user accepted (:func:`override_stands`).
        """
        before = self.get(post_id)
        parts = (text, *thread)
        sent = len(before.remote_ids)
        if sent and (tuple(p.strip() for p in parts[:sent]) != tuple(p.strip() for p in before.parts[:sent])
                     or (media is not None and _media_of_parts(media, sent) != _media_of_parts(before.media, sent))):
            raise TransitionError(translate("Outbox", "parts 1–{sent} of post {id} already went out; only the rest can "
                                            "change").format(sent=sent, id=post_id))
        values: dict[str, Any] = {"text": text, "thread": thread}
        if media is not None:
            values["media"] = media
        if before.guard_override and not override_stands(before, parts):
            values.update(guard_override=False, guard_reasons=[], override_text=None)
        changes = tuple(parts) != before.parts or (media is not None and tuple(media) != before.media)
        if not self.update_if(post_id, UNSENT, where=self._no_repeat_pending() if changes else None, **values):
            self._refuse_if_repeat_pending(post_id)
            raise TransitionError(translate("Outbox", "post {id} can no longer be edited").format(id=post_id))
        return self.get(post_id)

    def _no_repeat_pending(self) -> Any:
        """The post is not waiting to be sent again as it was (see :meth:`_refuse_if_repeat_pending`)."""
        c = s.posts.c
        return or_(c.repeat_safe_until.is_(None), c.repeat_safe_until <= now_naive(self.store.clock),
                   c.state == PostState.NEEDS_REVIEW.value)

    def _refuse_if_repeat_pending(self, post_id: int, *, deleting: bool = False) -> None:
        """Raise why a post whose send was cut short cannot change (or, ``deleting``, be deleted) yet: see
        :func:`locked_until` and :func:`locked_words`."""
        post = self.get(post_id)
        if locked_until(post, self.store.clock.now()) is None:
            return
        raise TransitionError(locked_words(post, post.network or self.store.persona(post.persona_uid).network,
                                           deleting=deleting))

    def set_options(self, post_id: int, *, content_warning: str | None, visibility: str | None) -> Post:
        """A Mastodon post's own content warning and visibility (None: the persona's default)."""
        from personamgr.core.personas import VISIBILITIES

        if visibility is not None and visibility not in VISIBILITIES:
            raise ValueError(translate("Outbox", "visibility {value} must be one of {choices}").format(
                value=repr(visibility), choices=", ".join(VISIBILITIES)))
        before = self.get(post_id)
        changes = (content_warning, visibility) != (before.content_warning, before.visibility)
        if not self.update_if(post_id, UNSENT, where=self._no_repeat_pending() if changes else None,
                              content_warning=content_warning, visibility=visibility):
            self._refuse_if_repeat_pending(post_id)
            raise TransitionError(translate("Outbox", "post {id} can no longer be changed").format(id=post_id))
        return self.get(post_id)

    def remember_override(self, post_id: int, reasons: Sequence[StoredReason] = (), *, on: bool = True) -> Post:
        """Record that the user chose to post this text despite the guard ("post anyway").

        The send-time check honours it, so the user is not asked twice for the same post.
        """
        post = self.get(post_id)
        if not self.update_if(post_id, None, guard_override=on, guard_reasons=reasons,
                              override_text=post.words if on else None):
            raise LookupError(translate("Outbox", "post {id} does not exist").format(id=post_id))
        return self.get(post_id)

    def move(self, post_id: int, persona_uid: str) -> Post:
        """Give a post that has not gone out to another persona (never a thread with parts already out)."""
        with self.store.engine.connect() as con:
            pid = self.store.persona_id(con, persona_uid)
        if not self.update_if(post_id, REARRANGEABLE, where=self._no_repeat_pending(), persona_id=pid,
                              guard_override=False, override_text=None):
            self._refuse_if_repeat_pending(post_id)
            now = self.get(post_id)
            if now.state is PostState.NEEDS_REVIEW:
                raise TransitionError(maybe_out(now))
            if now.remote_ids:
                raise TransitionError(translate("Outbox", "{parts_out}, so the thread stays with {persona}").format(
                    parts_out=parts_out_of(now), persona=now.persona_name))
            raise TransitionError(translate("Outbox", "post {id} can no longer be moved").format(id=post_id))
        return self.get(post_id)

    def delete(self, post_id: int, expect: Iterable[PostState] = DELETABLE) -> Post:
        """Remove a post the user no longer wants; returns it as it was.

        One conditional DELETE, like a transition: a post that started sending
        meanwhile (or went out) is never deleted behind the user's back, nor one whose send was cut short and
        is sent again by itself (:func:`locked_until`): it may be on the network already, and the app would
        forget it.
        """
        post, expect = self.get(post_id), [x for x in expect if x in DELETABLE]
        with self.store.begin() as con:
            n = con.execute(
                delete(s.posts).where(and_(s.posts.c.id == post_id, _parts_out() == 0, self._no_repeat_pending(),
                                           s.posts.c.state.in_([x.value for x in expect])))
            ).rowcount
        if not n:
            self._refuse_if_repeat_pending(post_id, deleting=True)
            now = self.get(post_id)
            if now.remote_ids and now.state in expect:
                raise TransitionError(translate("Outbox", "{parts_out}: what is out is public, so the post's record "
                                                          "is kept").format(parts_out=parts_out_of(now)))
            raise TransitionError(translate("Outbox", "post {id} is {state}; it cannot be deleted now").format(
                id=post_id, state=now.state.word))
        self.store.notify("posts")
        return post

    def _may_be_out_now(self) -> Any:
        """The post may be on the network and only its record says so: in flight, needing review, or sent again
        by itself only as it is (:func:`locked_until`)."""
        c = s.posts.c
        return or_(c.state.in_([PostState.SENDING.value, PostState.NEEDS_REVIEW.value]),
                   and_(c.repeat_safe_until > now_naive(self.store.clock), c.state != PostState.SENT.value))

    def may_be_out(self, persona_uid: str) -> list[Post]:
        """``persona_uid``'s posts that deleting the persona would forget while they may be on the network."""
        q = self._select().where(s.personas.c.uid == persona_uid, self._may_be_out_now()).order_by(s.posts.c.id)
        with self.store.engine.connect() as con:
            return [self._from(r) for r in con.execute(q)]

    def delete_persona(self, persona_uid: str) -> None:
        """Delete a persona and its posts, unless one of them :meth:`may_be_out` (TransitionError naming them): one
        conditional DELETE, so a post cut short meanwhile is never deleted with it."""
        c = s.posts.c
        doubt = select(c.id).where(c.persona_id == s.personas.c.id, self._may_be_out_now()).exists()
        while not self.store.delete_persona(persona_uid, where=~doubt):
            self.refuse_persona_delete(persona_uid)  # none left in doubt since that DELETE: it is tried again

    def refuse_persona_delete(self, persona_uid: str) -> None:
        """Raise why ``persona_uid`` cannot be deleted (:func:`persona_kept`) while a post of it :meth:`may_be_out`."""
        posts = self.may_be_out(persona_uid)
        if posts:
            persona = self.store.persona(persona_uid)
            raise TransitionError(persona_kept(persona.name, persona.network, posts))

    def review_after_switch(self, persona_uid: str, was: str, now: str, *, con: Connection | None = None) -> list[Post]:
        """``persona_uid`` now posts as another account (``now``; it was ``was``): each of its posts whose last send
        may have reached the account it was (:func:`_last_send_in_doubt`) waits for review, naming that account.
        Sent again by itself it would be looked up, or keyed, on the new account: not found there, it would go out
        again, as the account it was not meant for. A thread with parts out on another account than the new one,
        and none in doubt, fails, saying so (:attr:`Post.stranded`): its rest would reply from the new account to
        the old one's posts. One conditional write each; with ``con``, in the caller's transaction (the switch's own,
        so that the switch and its reviews are saved together), and the caller notifies after it commits.
        """
        if con is None:
            with self.store.begin() as own:
                changed = self.review_after_switch(persona_uid, was, now, con=own)
            if changed:
                self.store.notify("posts")
            return changed
        c = s.posts.c
        pid = self.store.persona_id(con, persona_uid)
        rows = con.execute(self._select().where(c.persona_id == pid, or_(
            c.state == PostState.SENDING.value,
            and_(c.repeat_safe_until.is_not(None), c.state.in_([st.value for st in REARRANGEABLE])),
            and_(c.state == PostState.SCHEDULED.value, c.next_attempt_at.is_not(None), c.attempts > 0),
            and_(_parts_out() > 0, c.state.in_([st.value for st in REARRANGEABLE]))))).all()
        out = []
        for p in map(self._from, rows):
            unchanged = s.posts.c.updated_at == utc(p.updated_at).replace(tzinfo=None)
            if _last_send_in_doubt(p):
                note = in_doubt(Note("account_switched", was=p.sent_as or was, persona=p.persona_name, now=now),
                                len(p.remote_ids), len(p.parts))
                changed = self.update_if(p.id, [p.state], where=unchanged, con=con,  # held no more: no hold kept
                                         state=PostState.NEEDS_REVIEW.value, error=note, next_attempt_at=None,
                                         hold_kind=None, missed_at=None)
            elif p.stranded is not None:
                changed = self.update_if(p.id, [p.state], where=unchanged, con=con, state=PostState.FAILED.value,
                                         error=p.stranded, next_attempt_at=None, hold_kind=None, missed_at=None)
            elif p.state is PostState.FAILED and p.note_found[0] == "thread_switched":  # back on its parts' account
                changed = self.update_if(p.id, [p.state], where=unchanged, con=con, error=Note(
                    "thread_rejoined", n=len(p.remote_ids), total=len(p.parts), now=now, persona=p.persona_name))
            else:
                continue
            if changed:
                out.append(self._from(con.execute(self._select().where(s.posts.c.id == p.id)).one()))
                log.info("post %s is %s: %s was switched to another account", p.id, out[-1].state.value,
                         p.persona_name)
        return out

    def recover_abandoned(self) -> list[Post]:
        """Posts left in ``sending`` by a sender that is gone become needs-review, never re-sent blindly: they may
        have gone out. Where sending again finds or returns what went out (:attr:`resumable`: Bluesky, Mastodon
        within its key's hour) they are due again at once instead, and are sent again only as they are. Gone means
        its process has stopped (known at once on this machine) or its lease lapsed without a heartbeat. Called by
        whichever process looks: the scheduler's every pass, start-up, the CLI."""
        now = self.store.clock.now()
        out = []
        for p, until in self._sending():
            gone = lease.is_gone(p.lease_owner)
            if gone is False or (gone is None and now < until):
                continue
            owner = lease.Owner.parse(p.lease_owner)
            mine = s.posts.c.lease_owner.is_(p.lease_owner)
            try:
                if len(p.remote_ids) >= len(p.parts):  # every part was recorded out: only the last write was lost
                    out.append(self.transition(
                        p.id, PostState.SENT, expect=[PostState.SENDING], where=mine, error=None,
                        next_attempt_at=None, remote_id=p.remote_ids[0], sent_at=p.updated_at))
                    continue
                again = self.resumable(p)
                if again is not None:  # sent again only as it is: its key finds (or returns) what went out
                    out.append(self.transition(
                        p.id, PostState.SCHEDULED, expect=[PostState.SENDING], where=mine, next_attempt_at=now,
                        lease_owner=None, repeat_safe_until=again.until,
                        error=_sender_gone(owner, bool(gone), p, again=again)))
                else:
                    out.append(self.transition(
                        p.id, PostState.NEEDS_REVIEW, expect=[PostState.SENDING], where=mine,
                        error=_sender_gone(owner, bool(gone), p)))
            except TransitionError:
                continue  # its sender finished meanwhile
            log.info("post %s %s: its sender (%s) %s while sending it", p.id,
                     "is sent again" if out[-1].state is PostState.SCHEDULED else "needs review",
                     f"pid {owner.pid} on {owner.host}" if owner else p.lease_owner or "unknown",
                     "stopped" if gone else "stopped renewing its lease")
        return out

    # Start-up used to recover every ``sending`` post; now only those whose sender is gone (another process,
    # a CLI ``post`` say, may be sending one right now).
    recover_interrupted = recover_abandoned

    def _sending(self) -> list[tuple[Post, datetime]]:
        """Posts in ``sending`` with the time their claim lapses (an older version's claim: a lease after its
        last change)."""
        with self.store.engine.connect() as con:
            rows = con.execute(self._select().where(s.posts.c.state == PostState.SENDING.value)).all()
        out = []
        for row in rows:
            p = self._from(row)
            until = row._mapping["lease_until"]
            out.append((p, utc(until) if until is not None else p.updated_at + lease.LEASE))
        return out


# What a post's note says when its last try never reached the account: refused at the door (a rate limit), the
# network unreachable, or waiting before it was sent (the keyring, pacing). Due again after it, nothing can be out.
NOT_REACHED = frozenset({
    "x_rate_limit", "x_media_rate_limit", "x_user_day_cap", "x_app_day_cap", "x_user_day_cap_of", "x_app_day_cap_of",
    "x_connect_timeout", "x_tls", "x_unreachable", "x_proxy", "mastodon_rate_limit", "mastodon_media_rate_limit",
    "mastodon_connect_timeout", "mastodon_tls", "mastodon_unreachable", "bluesky_rate_limit",
    "bluesky_connect_timeout", "bluesky_unreachable", "keyring_locked", "keyring_silent", "keyring_gone", "pacing"})


def _last_send_in_doubt(post: Post) -> bool:
    """Whether ``post``'s last send may have reached its account: in flight, sent again only as it is
    (:func:`locked_until`), or due again after an error that may have reached it (a server error a network looks
    its writes up after); not after one that never reached it (:data:`NOT_REACHED`), whatever tries came before."""
    if post.state is PostState.SENDING or post.repeat_safe_until is not None:
        return True
    if post.state is not PostState.SCHEDULED or post.next_attempt_at is None or post.attempts <= 0:
        return False
    kind, values = post.note_found
    if kind == "part_failed":  # a thread's part: what stopped that part
        inner = (values or {}).get("error")
        kind = kind_of(inner) if isinstance(inner, Mapping) else None
    return kind not in NOT_REACHED


def _sender_gone(owner: lease.Owner | None, stopped: bool, post: Post, *, again: Resumable | None = None) -> Note:
    """Why a post in flight needs review: its sender stopped, or stopped answering; and, for a thread with parts
    recorded out, which part is in doubt ("Parts 1–2 of 3 went out; part 3 may or may not have.").

    Said as the user knows it: the app (window, daemon or CLI alike), and the computer if it is another one.
    Its process id means nothing to them; the log keeps it. ``again``: it is sent again by itself (see
    :attr:`Outbox.resumable`), under a key its network looks up first, or (``keyed``) recognises for a while."""
    elsewhere = owner is not None and owner.host != lease.this_process().host
    return Note("sender_gone", host=owner.host if elsewhere and owner else None, stopped=stopped,
                out=len(post.remote_ids), total=len(post.parts), again=again.network if again else None,
                keyed=again is not None and again.until < UNTIL_SENT)
