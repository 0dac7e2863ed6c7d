"""What a user does with a post after writing it, implemented once for the window, the CLI and the daemon.

Retry, send again, post anyway, mark as sent, edit, move, delete: each is a
conditional change of the outbox from the state the user saw (so a race with
the scheduler changes nothing and says so), and every send goes through the
``Poster``. Whatever sends a post on the user's say-so first asks the persona
guard, the same question the scheduler asks just before a post goes out: a
post the guard objects to is not sent until the user chooses "post anyway"
(``anyway=True``), which is then remembered on the post.

Which actions a post offers depends on its state, and for a held post on why it
was held (:func:`actions_for`), so the window's menus and the CLI agree.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from personamgr.core import costs
from personamgr.core import schema as s
from personamgr.core.holds import HoldKind, hold_kind, reason_of
from personamgr.core.i18n import translate
from personamgr.core.media import release
from personamgr.core.networks.base import Account
from personamgr.core.outbox import (
    CLEARED,
    DELETABLE,
    Post,
    PostState,
    TransitionError,
    locked_until,
    locked_words,
    maybe_out,
)
from personamgr.core.part_links import canonical_link, own_post, went_as
from personamgr.core.reason_words import Note, StoredReason, said, stored

if TYPE_CHECKING:
    from personamgr.core.personas import Persona
    from personamgr.core.services import Services

log = logging.getLogger(__name__)


class Action(StrEnum):
    """What the user can do with a post; the window and the CLI name them the same way."""

    RETRY = "retry"  # failed: send it again now (a thread resumes with the parts that did not go out)
    SEND_NOW = "send_now"  # draft or scheduled: now, not later
    SEND_AGAIN = "send_again"  # needs review: the user checked and it is not on the timeline
    MARK_SENT = "mark_sent"  # needs review: it is on the timeline (a thread: which of its parts)
    POST_ANYWAY = "post_anyway"  # held by the guard: the user decides it goes out as it is
    MOVE = "move"  # give it to another persona
    EDIT = "edit"
    RESCHEDULE = "reschedule"
    NEXT_SLOT = "next_slot"  # missed its time: the next free queue slot
    UNSCHEDULE = "unschedule"  # off the schedule, kept as a draft
    STOP = "stop"  # a thread with parts out: it ends there; the unsent parts become a draft
    DELETE = "delete"


# A thread with parts out cannot move or be deleted: those parts are public, on that persona's account.
NOT_ONCE_OUT = frozenset({Action.MOVE, Action.DELETE})
# A post sent again only as it is cannot change or be forgotten: it may be on the network already. Nor can a thread
# stop there: its part in doubt would go out again from the draft of the rest, under a new key.
NOT_WHILE_LOCKED = frozenset({Action.EDIT, Action.MOVE, Action.DELETE, Action.STOP})
# What a thread whose parts out its persona can no longer continue (:attr:`Post.stranded`) does not offer: each would
# send the rest from another account or network, as replies to posts it cannot reach.
NOT_WHEN_STRANDED = frozenset({Action.RETRY, Action.SEND_NOW, Action.SEND_AGAIN, Action.POST_ANYWAY})
# States a thread with parts out may be stopped from (not while a part is in flight or may have gone out).
STOPPABLE = (PostState.FAILED, PostState.SCHEDULED, PostState.HELD, PostState.DRAFT)


def actions_for(post: Post, now: datetime | None = None) -> tuple[Action, ...]:
    """The actions ``post``'s state allows at ``now``, most likely first. A held post never offers "mark as sent";
    a thread with parts out offers neither Move nor Delete, and may be stopped where it is; a post sent again only
    as it is (:func:`locked_until`; ``now`` None: judged as still locked) offers no Edit, Move, Delete or Stop."""
    actions = _state_actions(post)
    if post.remote_ids and post.state is not PostState.SENT:
        kept = tuple(a for a in actions if a not in NOT_ONCE_OUT)
        actions = (*kept, Action.STOP) if post.state in STOPPABLE else kept
    if locked_until(post, now) is not None:
        actions = tuple(a for a in actions if a not in NOT_WHILE_LOCKED)
    if post.stranded is not None:
        actions = tuple(a for a in actions if a not in NOT_WHEN_STRANDED)
    return actions


def _state_actions(post: Post) -> tuple[Action, ...]:
    match post.state:
        case PostState.FAILED:
            return (Action.RETRY, Action.EDIT, Action.MOVE, Action.DELETE)
        case PostState.HELD if post.hold_kind is HoldKind.MISSED:
            return (Action.SEND_NOW, Action.NEXT_SLOT, Action.RESCHEDULE, Action.EDIT, Action.UNSCHEDULE,
                    Action.DELETE)
        case PostState.HELD if post.hold_kind is HoldKind.MONTHLY_LIMIT:  # after raising the limit, or next month
            return (Action.RESCHEDULE, Action.SEND_NOW, Action.EDIT, Action.MOVE, Action.UNSCHEDULE, Action.DELETE)
        case PostState.HELD if post.hold_kind is HoldKind.X_RULES:  # X would refuse it: no "post anyway"
            return (Action.EDIT, Action.MOVE, Action.UNSCHEDULE, Action.DELETE)
        case PostState.HELD:
            return (Action.EDIT, Action.MOVE, Action.POST_ANYWAY, Action.UNSCHEDULE, Action.DELETE)
        case PostState.NEEDS_REVIEW:
            return (Action.MARK_SENT, Action.SEND_AGAIN, Action.EDIT, Action.DELETE)
        case PostState.SCHEDULED:
            return (Action.EDIT, Action.RESCHEDULE, Action.UNSCHEDULE, Action.SEND_NOW, Action.MOVE, Action.DELETE)
        case PostState.DRAFT:
            return (Action.EDIT, Action.SEND_NOW, Action.MOVE, Action.DELETE)
    return ()


# The state each sending action starts from.
SEND_FROM: dict[Action, PostState] = {
    Action.RETRY: PostState.FAILED,
    Action.SEND_AGAIN: PostState.NEEDS_REVIEW,
    Action.POST_ANYWAY: PostState.HELD,
}


@dataclass(frozen=True, slots=True)
class Objection:
    """Why the guard would hold this post, and where it fits better: the question to ask before sending."""

    kind: HoldKind
    reasons: tuple[StoredReason, ...]  # as the post keeps them on "post anyway"
    suggest: str | None = None  # a persona the post fits better, when moving it would help

    def headline(self, persona: str) -> str:
        return self.kind.headline(persona, self.reasons)

    @property
    def messages(self) -> tuple[str, ...]:
        """The reasons in the reader's language."""
        return tuple(said(r) for r in self.reasons)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a sending action did: the post as it is now, or the guard's objection (then nothing was sent)."""

    post: Post
    objection: Objection | None = None

    @property
    def asked(self) -> bool:
        return self.objection is not None


class PostWorkflows:
    """The post actions over one profile's services. Blocking (network, guard): call from a worker or the CLI."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.outbox = services.outbox

    # -- the guard's question --------------------------------------------------------------
    def objection(self, post: Post) -> Objection | None:
        """What the guard says about sending ``post`` now (None: it fits, the user already chose "post anyway",
        or this profile runs without a guard)."""
        check = self.services.poster.pre_send_check
        if check is None or post.guard_override:
            return None
        persona = self.services.store.persona(post.persona_uid)
        suggest = None
        try:
            verdict = getattr(check, "verdict", None)
            if verdict is not None:
                result = verdict(post.parts, persona)
                found = [] if result.fits else [reason_of(r) for r in result.warnings]
                suggest = result.suggest
            else:
                found = [reason_of(r) for r in check(post, persona)]
        except Exception as e:
            log.exception("the guard could not check post %s", post.id)
            return Objection(HoldKind.UNCHECKED, (stored("error", {"error": type(e).__name__}),))
        if not found:
            return None
        kind = hold_kind(r.kind for r in found)
        return Objection(kind, tuple(r.kept for r in found),
                         suggest if kind.move_helps and suggest != persona.name else None)

    # -- sending -------------------------------------------------------------------------
    def send(self, post_id: int, action: Action = Action.SEND_NOW, *, seen: PostState | None = None,
             anyway: bool = False) -> Outcome:
        """Retry / send now / send again / post anyway, from the state the user saw.

        Asks the guard first unless ``anyway``; with ``anyway`` the guard's reasons are remembered as the
        user's "post anyway", so the scheduler will not hold the post for them again.
        """
        expect = seen or SEND_FROM.get(action) or self.outbox.get(post_id).state
        post = self.outbox.get(post_id)
        if post.state is not expect:
            raise TransitionError(translate("PostWorkflows", "post {id} is {state} now, so nothing was sent").format(
                id=post_id, state=post.state.label.lower()))
        if post.state is PostState.NEEDS_REVIEW and action is not Action.SEND_AGAIN:
            # Perhaps on the timeline already: only "send again", the user's decision after looking, sends it.
            raise TransitionError(maybe_out(post))
        if post.stranded is not None:
            raise TransitionError(str(post.stranded))
        if post.state is PostState.HELD and post.hold_kind is not HoldKind.MISSED:
            anyway = anyway or action is Action.POST_ANYWAY
        objection = self.objection(post)
        if objection is not None:
            if not anyway:
                return Outcome(post, objection)
            self.outbox.remember_override(post_id, objection.reasons)
        elif anyway and post.state is PostState.HELD and post.guard_reasons:
            self.outbox.remember_override(post_id, post.guard_reasons)
        return Outcome(self.services.poster.send(post_id, expect=[expect]))

    def retry(self, post_id: int, *, anyway: bool = False) -> Outcome:
        return self.send(post_id, Action.RETRY, anyway=anyway)

    def send_again(self, post_id: int, *, anyway: bool = False) -> Outcome:
        """A post that may have gone out, sent again because the user checked the account and insists."""
        return self.send(post_id, Action.SEND_AGAIN, anyway=anyway)

    def post_anyway(self, post_id: int) -> Outcome:
        return self.send(post_id, Action.POST_ANYWAY, anyway=True)

    def mark_sent(self, post_id: int, *, part_out: bool | None = None, link: str | None = None) -> Post:
        """The user looked at the account: record what went out of a needs-review post (its cost counts).

        A single post (or a thread whose every part is recorded) is marked sent. A thread has one part in doubt
        (:func:`uncertain_part`; the parts before it are recorded as out, those after it never went), and
        ``part_out`` is the user's answer about that part only. Unless it ends the thread, the post is then not
        sent: it stays failed with the parts out recorded, and Retry sends the rest as replies to the last of them,
        which for a part the user found needs its ``link`` (the network never told its id).
        """
        post = self.outbox.get(post_id)
        persona = self.services.store.persona(post.persona_uid)
        if post.state is not PostState.NEEDS_REVIEW:
            raise TransitionError(mark_refused(post))
        part, total = uncertain_part(post), len(post.parts)
        if part is not None and part_out is None:
            raise TransitionError(translate("PostWorkflows", "part {part} of {total} of post {id} may or may not have "
                                            "gone out: say whether it is on the account").format(
                part=part, total=total, id=post_id))
        last_part_out = part_out is not False and part in (None, total)  # a single post's one part is the last
        if last_part_out or len(post.remote_ids) >= total:
            went, draft = self._as_it_went(post, total)
            return self._recorded(post, draft, lambda: self.outbox.transition(
                post_id, PostState.SENT, expect=[PostState.NEEDS_REVIEW], unchanged_since=post.updated_at,
                sent_at=self.services.clock.now(), error=None, next_attempt_at=None,
                network=post.network or persona.network,
                cost_usd=costs.recorded(self.services.store, persona, went["parts"]),
                **self._last_link(post, persona, part, link), **_written(went)))
        out = post.remote_ids
        if part is None:  # a single post the user did not find
            return self.outbox.transition(
                post_id, PostState.FAILED, expect=[PostState.NEEDS_REVIEW], unchanged_since=post.updated_at,
                next_attempt_at=None, lease_owner=None, repeat_safe_until=None, error=Note("not_out_as_checked"))
        if part_out:
            found = self._part_id(post, persona, part, link or "")
            if found in out:
                raise TransitionError(translate("PostWorkflows", "part {next} replies to part {part}, so the link of "
                                                "part {part} is needed: copy it from the account").format(
                    part=part, next=part + 1))
            out = (*out, found)
        went, draft = self._as_it_went(post, len(out))
        # The user decided what is out: nothing is sent again by itself as it was (``repeat_safe_until``).
        return self._recorded(post, draft, lambda: self.outbox.transition(
            post_id, PostState.FAILED, expect=[PostState.NEEDS_REVIEW], unchanged_since=post.updated_at,
            remote_ids=out, network=post.network or persona.network, next_attempt_at=None, lease_owner=None,
            repeat_safe_until=None, cost_usd=costs.recorded(self.services.store, persona, went["parts"][:len(out)]),
            error=replace(post, remote_ids=out).stranded or rest_unsent(len(out), total), **_written(went)))

    def _as_it_went(self, post: Post, n_out: int) -> tuple[dict[str, Any], tuple[list[str], list[dict[str, Any]]]]:
        """``post`` with its first ``n_out`` parts as its last send sent them (``sent_content``: the user may have
        edited it while it waited for review, and those words never went out), and the user's words for the parts
        that differ, with their images, kept for a draft (none: nothing differs)."""
        sent = post.sent_content or {"parts": post.parts, "media": post.media}
        sent_parts, sent_media = list(sent.get("parts") or ()), list(sent.get("media") or ())
        parts = [sent_parts[i] if i < min(n_out, len(sent_parts)) else p for i, p in enumerate(post.parts)]
        differ = [i for i in range(min(n_out, len(post.parts)))
                  if parts[i] != post.parts[i] or _images(sent_media, i) != _images(post.media, i)]
        media = ([m for m in sent_media if int(m.get("part", 0)) < n_out]
                 + [m for m in post.media if int(m.get("part", 0)) >= n_out])
        went = {"parts": parts, "media": media}
        draft_media = [{**m, "part": differ.index(int(m.get("part", 0)))} for m in post.media
                       if int(m.get("part", 0)) in differ]
        return went, ([post.parts[i] for i in differ], draft_media)

    def _recorded(self, post: Post, draft: tuple[list[str], list[dict[str, Any]]],
                  record: Callable[[], Post]) -> Post:
        """``record`` what went out; the user's words that did not go out (``draft``) are kept as a new draft
        first, and deleted again if the record cannot be written (the post changed meanwhile)."""
        parts, media = draft
        kept = (self.outbox.create(post.persona_uid, parts[0], thread=parts[1:], media=media,
                                   content_warning=post.content_warning, visibility=post.visibility)
                if parts else None)
        try:
            return record()
        except Exception:
            if kept is not None:
                self.outbox.delete(kept.id)
            raise

    def _last_link(self, post: Post, persona: Persona, part: int | None, link: str | None) -> dict[str, Any]:
        """The link the user gave for the part that ends the post (not needed: nothing replies to it), checked as
        any part's and kept, so the sent post can be opened and its link copied."""
        if not (link or "").strip() or len(post.remote_ids) >= len(post.parts):
            return {}
        found = own_post(self.services.networks, persona, link or "", part,
                         lambda: self.services.secrets.get_credentials(persona.uid), went_as=went_as(post)).post_id
        ids = (*post.remote_ids, found)
        return {"remote_ids": ids, "remote_id": ids[0],
                "remote_url": post.remote_url or canonical_link(self.services.networks, persona, ids[0],
                                                                went_as(post))}

    def _part_id(self, post: Post, persona: Persona, part: int, link: str) -> str:
        """The id of the part the user found, from its link, which must be a post of the account the thread went
        out as, on the persona's network and server (:func:`part_links.own_post`): the next part replies to it."""
        if not link.strip():
            raise TransitionError(translate("PostWorkflows", "part {next} replies to part {part}, so the link of "
                                            "part {part} is needed: copy it from the account").format(
                part=part, next=part + 1))
        return own_post(self.services.networks, persona, link, part,
                        lambda: self.services.secrets.get_credentials(persona.uid), went_as=went_as(post)).post_id

    # -- changing ------------------------------------------------------------------------
    def edit(self, post_id: int, parts: Sequence[str], media: Sequence[dict[str, Any]] | None = None, *,
             strip: bool = True) -> Post:
        """New words (and media) for a post that has not gone out.

        A post the guard held goes back on the schedule (at its time, or now if that has passed), where the
        guard looks at the new words before it goes out. Images taken off the post are deleted from the profile.
        ``strip=False`` keeps the words exactly as typed (a compose draft being autosaved mid-sentence).
        """
        before = self.outbox.get(post_id)
        text, *thread = [p.strip() if strip else p for p in parts] or [""]
        after = self.outbox.edit(post_id, text, thread, media)
        if media is not None:
            kept = {m.get("path") for m in after.media}
            dropped = [m for m in before.media if m.get("path") not in kept]
            release(self.services.store, self.services.media_dir, dropped)
        return self._release_hold(after)

    def move(self, post_id: int, persona_uid: str) -> Post:
        """Give a post that has not gone out to another persona; a held one goes back on the schedule there."""
        return self._release_hold(self.outbox.move(post_id, persona_uid))

    def _release_hold(self, post: Post) -> Post:
        if post.state is not PostState.HELD or post.hold_kind is HoldKind.MISSED:
            return post
        now = self.services.clock.now()
        when = max(post.scheduled_at or now, now)
        if not self.outbox.update_if(post.id, [PostState.HELD], state=PostState.SCHEDULED.value, error=None,
                                     guard_reasons=[], **{**CLEARED, "scheduled_at": when}):
            raise TransitionError(translate("PostWorkflows", "post {id} changed meanwhile; look at it again").format(
                id=post.id))
        return self.outbox.get(post.id)

    def stop(self, post_id: int, *, seen: PostState | None = None) -> tuple[Post, Post | None]:
        """End a thread where it stopped: the parts that went out become a sent post, as they are on the
        timeline (their links and cost kept); the parts that did not become a new draft, so no word is lost.

        Returns (the sent post, the draft or None when nothing was left unsent).
        """
        post = self.outbox.get(post_id)
        out = len(post.remote_ids)
        if not out:
            raise TransitionError(translate("PostWorkflows", "no part of post {id} went out; edit, move or delete it "
                                            "instead").format(id=post_id))
        if post.state not in STOPPABLE or (seen is not None and post.state is not seen):
            raise TransitionError(translate("PostWorkflows", "post {id} is {state} now, so it was not stopped").format(
                id=post_id, state=post.state.word))
        if locked_until(post, self.services.clock.now()) is not None:
            raise TransitionError(locked_words(post, post.network or self.services.store.persona(
                post.persona_uid).network))
        rest = post.parts[out:]
        draft = None
        if rest:
            media = [{**m, "part": int(m.get("part", 0)) - out} for m in post.media if int(m.get("part", 0)) >= out]
            draft = self.outbox.create(post.persona_uid, rest[0], thread=rest[1:], media=media,
                                       content_warning=post.content_warning, visibility=post.visibility)
        first = self.part_links(post)[0]
        if not self.outbox.update_if(
                post_id, [post.state], where=s.posts.c.updated_at == post.updated_at.replace(tzinfo=None),
                state=PostState.SENT.value, text=post.parts[0], thread=post.parts[1:out],
                media=[m for m in post.media if int(m.get("part", 0)) < out], error=None, guard_reasons=[],
                sent_at=post.sent_at or post.updated_at, remote_id=post.remote_ids[0],
                remote_url=post.remote_url or first, lease_owner=None, **CLEARED):
            if draft is not None:
                self.outbox.delete(draft.id)
            raise TransitionError(translate("PostWorkflows", "post {id} changed meanwhile, so it was not stopped; look "
                                            "at it again").format(id=post_id))
        return self.outbox.get(post_id), draft

    def delete(self, post_id: int, *, seen: PostState | None = None) -> Post:
        """Delete a post that has not gone out, with the copies of its images; returns it as it was."""
        post = self.outbox.delete(post_id, expect=[seen] if seen is not None else DELETABLE)
        release(self.services.store, self.services.media_dir, post.media)
        return post

    # -- reading -------------------------------------------------------------------------
    def part_links(self, post: Post) -> list[str | None]:
        """Where each part that went out can be seen (a thread: one link per part)."""
        network = self.services.networks.get(post.network or "")
        if network is None:
            try:
                network = self.services.networks.get(self.services.store.persona(post.persona_uid).network)
            except LookupError:
                network = None
        persona_handle = server = None
        try:
            persona = self.services.store.persona(post.persona_uid)
            persona_handle, server = persona.handle, persona.service_url
        except LookupError:
            pass
        went = went_as(post)
        if went is not None:  # its parts are on the account it went out as (and its server), not the persona's now
            persona_handle, server = went.handle, went.server_on(network) or server
        account = Account(post.persona_uid, persona_handle, server=server)
        out: list[str | None] = []
        for i, rid in enumerate(post.remote_ids or ((post.remote_id,) if post.remote_id else ())):
            url = post.remote_url if i == 0 and post.remote_url else None
            if url is None and network is not None:
                url = network.post_url(account, rid)
            out.append(url)
        return out


def _written(went: dict[str, Any]) -> dict[str, Any]:
    """The outbox's columns for a post's words and images (``_as_it_went``)."""
    parts = went["parts"]
    return {"text": parts[0], "thread": parts[1:], "media": went["media"]}


def _images(media: Sequence[dict[str, Any]], part: int) -> list[tuple[Any, Any]]:
    """Part ``part``'s images as they go out (file, alt text)."""
    return [(m.get("path"), m.get("alt_text") or "") for m in media if int(m.get("part", 0)) == part]


def uncertain_part(post: Post) -> int | None:
    """The one part (1-based) of a needs-review thread that may or may not have gone out: the first not recorded
    as out (each part is recorded as the network confirms it, and the next goes only after). None for a single
    post, whose mark-sent needs no question, and for a thread whose every part is recorded."""
    if post.state is not PostState.NEEDS_REVIEW or len(post.parts) < 2 or len(post.remote_ids) >= len(post.parts):
        return None
    return len(post.remote_ids) + 1


def mark_refused(post: Post) -> str:
    """Why ``post``, which does not wait for review, cannot be marked as sent, true to what of it is out: the parts
    recorded out, a last send cut short (it may be out: :func:`locked_until`), or nothing sent at all."""
    out, total, pid, state = len(post.remote_ids), len(post.parts), post.id, post.state
    if state is PostState.SENT:
        return translate("PostWorkflows", "post {id} cannot be marked as sent: it is recorded as sent already"
                         ).format(id=pid)
    if state is PostState.SENDING:
        return translate("PostWorkflows", "post {id} cannot be marked as sent: it is being sent now, and what goes "
                         "out is recorded as it goes").format(id=pid)
    if post.repeat_safe_until is not None:  # cut short: what it sent may be out, and it has not been reviewed
        what = (translate("PostWorkflows", "it") if not out else
                translate("PostWorkflows", "part {part} of {total}").format(part=out + 1, total=total))
        return translate("PostWorkflows", "post {id} cannot be marked as sent while it is {state}: its last send was "
                         "cut short, so {what} may already be out, but it was not put up for review").format(
            id=pid, state=state.word, what=what)
    if not out:
        return {
            PostState.HELD: translate("PostWorkflows", "post {id} cannot be marked as sent: it never went out (it was "
                                      "held before sending)"),
            PostState.FAILED: translate("PostWorkflows", "post {id} cannot be marked as sent: its send failed, so it "
                                        "did not go out"),
        }.get(state, translate("PostWorkflows", "post {id} cannot be marked as sent: it has not been sent yet (it is "
                               "{state})")).format(id=pid, state=state.word)
    went = (translate("PostWorkflows", "only part 1 of {total} went out, and it is recorded as out") if out == 1 else
            translate("PostWorkflows", "only parts 1–{out} of {total} went out, and they are recorded as out")).format(
        out=out, total=total)
    return {
        PostState.HELD: translate("PostWorkflows", "post {id} cannot be marked as sent: {went}; the rest was held "
                                  "before it was sent, so it never went out"),
        PostState.FAILED: translate("PostWorkflows", "post {id} cannot be marked as sent: {went}; the rest did not go "
                                    "out (its send failed)"),
    }.get(state, translate("PostWorkflows", "post {id} cannot be marked as sent: {went}; the rest has not been sent "
                           "yet (the post is {state})")).format(id=pid, went=went, state=state.word)


def rest_unsent(out: int, total: int) -> str:
    """Why a thread the user checked is not sent: which parts went out, which did not, and the way on."""
    return Note("rest_unsent", out=out, total=total)


def due(post: Post) -> datetime | None:
    """When a scheduled post goes out next (its retry time, else its time)."""
    return post.next_attempt_at or post.scheduled_at
