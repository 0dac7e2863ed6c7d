"""Sending a post: claim it, publish it, record what happened.

This is the only code that calls ``Network.publish``. The window's Post
button, the CLI and the scheduler all come here, so every failure maps to the
same visible state with the same message.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select

from personamgr.core import costs, faults, lease, policy
from personamgr.core import schema as s
from personamgr.core.clock import Clock, utc
from personamgr.core.holds import HoldKind, held_message, hold_kind, reason_of
from personamgr.core.i18n import translate
from personamgr.core.networks.base import (
    Account,
    AmbiguousError,
    AuthError,
    MediaItem,
    NetworkError,
    OfflineError,
    OutgoingPost,
    PartialThreadError,
    RateLimitedError,
    RejectedError,
    TransientError,
    in_doubt,
)
from personamgr.core.outbox import UNTIL_SENT, Outbox, Post, PostState, Resumable, TransitionError
from personamgr.core.outcome_room import OutcomeRoom, forget, kept_outcomes
from personamgr.core.personas import Persona
from personamgr.core.reason_words import Note, said, stored
from personamgr.core.secrets import SecretsError, SecretsLocked, SecretsStopped, SecretsTimeout, SecretStore
from personamgr.core.sent_unrecorded import SentNotRecorded, Unrecorded
from personamgr.core.store import Store

log = logging.getLogger(__name__)

MAX_TRANSIENT_ATTEMPTS = 5
OFFLINE_RETRY = timedelta(minutes=1)
KEYRING_RETRY = timedelta(minutes=2)
# States a send may start from (the outbox's claim takes the post from one of them to ``sending``).
CLAIMABLE = (PostState.DRAFT, PostState.SCHEDULED, PostState.FAILED)
LIMITS_MAX_AGE = timedelta(hours=24)  # how long a server's reported limits are trusted before asking again


# A last check before a scheduled post goes out (the persona guard): returns the reasons to hold
# the post, or an empty sequence to let it go. A reason is a message, or anything with ``kind`` and
# ``message`` (the guard's Reason), whose kind names the hold. Runs in the sending thread.
PreSendCheck = Callable[[Post, Persona], Sequence[object]]


def media_by_part(post: Post) -> tuple[tuple[MediaItem, ...], ...]:
    """``post.media`` ({"path", "alt_text", "mime_type", "part"} dicts; part defaults to 0) grouped by part."""
    if not post.media:
        return ()
    count = max([len(post.parts), *(int(m.get("part", 0)) + 1 for m in post.media)])
    out: list[list[MediaItem]] = [[] for _ in range(count)]
    for m in post.media:
        out[int(m.get("part", 0))].append(MediaItem(str(m["path"]), str(m.get("alt_text") or ""),
                                                    str(m.get("mime_type") or ""), str(m.get("name") or "")))
    return tuple(tuple(x) for x in out)


def sent_content(post: Post) -> dict[str, list[object]]:
    """What a send of ``post`` sends, as the post keeps it (``sent_content``): its parts and images."""
    return {"parts": list(post.parts), "media": list(post.media)}


def content_warning_of(post: Post, persona: Persona) -> str:
    """The content warning a post goes out with (Mastodon): its own, else its persona's default."""
    return persona.content_warning if post.content_warning is None else post.content_warning


def media_counts(post: Post) -> tuple[int, ...]:
    """How many images each part carries."""
    return tuple(len(items) for items in media_by_part(post))


def resend_note(network: str, mark: str, post: Post | None = None) -> tuple[bool, str]:
    """(safe, what to tell the user) before sending a needs-review post again on ``network``; ``mark`` is the name
    of the window's "mark as sent" item for this post (a thread in doubt names it otherwise).

    Bluesky: every part's record key is looked up before writing, so a part that went out is found, not
    posted again. Mastodon: the server answers a repeated Idempotency-Key with the status it made, but only
    for an hour after the first attempt. Elsewhere (X) nothing stops a second post. A ``post`` that went out as
    another account than its persona's now (:attr:`Post.other_account`) goes out as the persona's account now, where
    neither is looked up nor recognised: if the first is out, it is then on both accounts.
    """
    if post is not None and post.other_account is not None:
        return False, translate("Posting", 'Sent again, it goes out as {now}, the account {persona} posts as now, not '
                                'as {was}; nothing can tell it is the same post, so if it is on {was}, it will then be '
                                'on both accounts. Look at {was} first; if it is there, choose "{mark}" instead.'
                                ).format(now=post.persona_handle or post.persona_name, persona=post.persona_name,
                                         was=post.other_account, mark=mark)
    if network == "bluesky":
        return True, translate("Posting", "Bluesky is asked first whether each part already arrived; a part that "
                                          "did is counted as sent, not posted again.")
    if network == "mastodon":
        return False, translate("Posting", 'Sending it again can post it twice, unless the first attempt was less '
                                           'than an hour ago: Mastodon recognises a repeat for an hour. Look at the '
                                           'account first; if it is there, choose "{mark}" instead.').format(mark=mark)
    return False, translate("PostActions", 'Sending it again can post it twice. Look at the account first; if it is '
                                           'there, choose "{mark}" instead.').format(mark=mark)


def resumable(store: Store, networks: Mapping[str, object], clock: Clock) -> Callable[[Post], Resumable | None]:
    """Which posts whose send was cut short may be sent again by themselves (``Outbox.resumable``), and until when
    they are sent again only as they are. On a network that finds its own writes (``finds_its_writes``: Bluesky),
    sending again finds what went out instead of posting it twice, however late: until it is sent. On one that
    recognises a repeat of a send for a while (``repeat_window``: Mastodon's Idempotency-Key), sending again within
    it returns what was made: until the window closes, counted from the post's last change before the send in doubt
    (and from an earlier unanswered send's, if still open); past it, it needs review. Not once its retries are used
    up, lest a send that ends the app run for ever. None: it needs review."""
    def check(post: Post) -> Resumable | None:
        if post.attempts >= MAX_TRANSIENT_ATTEMPTS:
            return None
        try:
            name = post.network or store.persona(post.persona_uid).network
        except LookupError:
            return None
        network = networks.get(name)
        if getattr(network, "finds_its_writes", False):
            return Resumable(name, UNTIL_SENT)
        window = getattr(network, "repeat_window", None)
        if window is None:
            return None
        until = post.updated_at + window
        if post.repeat_safe_until is not None and post.repeat_safe_until > post.updated_at:
            until = min(until, post.repeat_safe_until)
        return Resumable(name, until) if clock.now() < until else None

    return check


class PostingError(RuntimeError):
    """The post could not even be attempted (unknown network, missing credentials)."""


class KeyringWaitError(PostingError):
    """The keyring is locked or not answering: worth waiting for, not a reason to fail the post."""


def backoff(attempt: int, base: float = 30.0, cap: float = 1800.0) -> timedelta:
    """Exponential backoff with full jitter, for server errors and dropped connections."""
    return timedelta(seconds=random.uniform(base / 2, min(cap, base * 2 ** max(0, attempt - 1))))


class Poster:
    def __init__(self, store: Store, outbox: Outbox, secrets: SecretStore, networks: Mapping[str, object],
                 clock: Clock, *, pre_send_check: PreSendCheck | None = None, owner: str | None = None,
                 heartbeat_s: float = lease.HEARTBEAT_S, demo: bool = False) -> None:
        self.owner = owner or lease.this_process().token  # whose lease a claim carries
        self.demo = demo  # the demo profile: its one network is the sandbox (core.services)
        self.heartbeat_s = heartbeat_s
        self.store = store
        self.pre_send_check = pre_send_check
        self.outbox = outbox
        self.secrets = secrets
        self.networks = networks
        self.clock = clock
        self.unrecorded = Unrecorded()  # posts out whose record was refused: recorded by record_unrecorded
        # Where a post's outcome is kept past a quit should its record be refused (core.outcome_room).
        self.outcomes_in = None if store.path is None else store.path.parent

    def _account(self, persona: Persona, network: object) -> Account:
        creds = None
        if getattr(network, "needs_credentials", False):
            try:
                creds = self.secrets.get_credentials(persona.uid)
            except SecretsLocked:
                raise KeyringWaitError(Note("keyring_locked", persona=persona.name)) from None
            except SecretsTimeout:
                raise KeyringWaitError(Note("keyring_silent", persona=persona.name)) from None
            except SecretsStopped:  # the keyring that keeps them stopped while this process ran: it may come back
                raise KeyringWaitError(Note("keyring_gone", persona=persona.name)) from None
            except SecretsError as e:
                raise PostingError(str(e)) from None
            if not creds:
                raise PostingError(Note("not_connected", persona=persona.name))
        return Account(persona_uid=persona.uid, handle=persona.handle, credentials=creds, server=persona.service_url,
                       on_credentials=lambda new: self._keep_credentials(persona, new))

    def _keep_credentials(self, persona: Persona, credentials: Mapping[str, str]) -> None:
        """A network renewed the account's session while sending (Bluesky): keep the new one for next time."""
        try:
            self.secrets.set_credentials(persona.uid, credentials)
        except SecretsError as e:  # the post still goes out; the next send renews the session again
            log.warning("could not keep %s's renewed session in the keyring: %s", persona.name, e)

    def _fresh_limits(self, persona: Persona, network: object, account: Account) -> Persona:
        """Ask the persona's server what it allows when what we know is missing or old (Mastodon)."""
        fetch = getattr(network, "fetch_limits", None)
        if fetch is None:
            return persona
        now = self.clock.now()
        known = persona.server_limits
        if known is not None and known.fetched_at:
            try:
                if now - datetime.fromisoformat(known.fetched_at) < LIMITS_MAX_AGE:
                    return persona
            except ValueError:
                pass
        try:
            limits = fetch(account)
        except Exception as e:  # the post itself will say what is wrong with the server, if anything
            log.info("could not refresh %s's server limits: %s", persona.name, e)
            return persona
        self.store.set_server_limits(persona.uid, limits)
        return replace(persona, server_limits=limits)

    def send(self, post_id: int, *, recheck: bool = False, expect: Iterable[PostState] | None = None) -> Post:
        """Send one post now. Returns the post in its final state for this attempt.

        Never raises for a network failure: the failure is recorded on the post. Returns the post unchanged
        if another sender has it, or if it is not in one of ``expect`` (default: draft, scheduled or failed;
        a needs-review post goes out again only when the caller names that state). Everything that takes
        time or may fail before the network call (the pre-send check, which loads the guard's model; the
        keyring; the account's limits) runs while the post is untouched: it becomes ``sending`` only at the
        last moment, so a kill before that leaves it as it was instead of "it may have gone out". With
        ``recheck`` (the scheduler), the pre-send check runs against the persona as it is now, unless the
        user chose "post anyway" (``guard_override``).
        """
        self.store.ensure_in_place()  # a profile moved or removed while running sends nothing (raises ProfileGone)
        post = self.outbox.get(post_id)
        if post.state not in (CLAIMABLE if expect is None else tuple(expect)):
            return post
        persona = self.store.persona(post.persona_uid)
        if recheck and self.pre_send_check is not None and not post.guard_override:
            held = self._recheck(post, persona)
            if held is not None:
                return held
        if post.stranded is not None:
            # The parts out are on another network or account: from here the rest would reply to them as another
            # account, or not reach them at all. A thread in doubt stays for review; any other one fails, saying so.
            if post.state is not PostState.NEEDS_REVIEW:
                self.outbox.update_if(post.id, [post.state], state=PostState.FAILED.value, next_attempt_at=None,
                                      error=post.stranded)
            return self.outbox.get(post.id)
        network = self.networks.get(persona.network)
        try:
            if network is None:
                raise PostingError(Note("demo_network" if self.demo else "unknown_network", persona=persona.name,
                                        network=persona.network))
            account = self._account(persona, network)
        except KeyringWaitError as e:
            # A locked or unresponsive keyring is temporary: keep the post scheduled and try again, don't fail it. The
            # message says what the user can do; when it is tried again is told beside it, as for a rate limit.
            return self._settle(post, PostState.SCHEDULED, error=e.args[0],
                                next_attempt_at=self.clock.now() + KEYRING_RETRY)
        except PostingError as e:
            return self._settle(post, PostState.FAILED, error=e.args[0])
        persona = self._fresh_limits(persona, network, account)
        # Length and images on every network; X's rules, pacing, monthly cap and budget: refuse or wait.
        pre = policy.preflight(self.store, persona, post.parts, self.clock.now(), already_sent=len(post.remote_ids),
                               content_warning=content_warning_of(post, persona), images=media_counts(post))
        if pre.refuse:
            return self._settle(post, PostState.FAILED, error=pre.refuse)
        if pre.hold:  # the user's own limit stopped it: it waits for their decision, it did not fail
            return self._settle(post, PostState.HELD, error=pre.hold, hold_kind=HoldKind.MONTHLY_LIMIT.value,
                                next_attempt_at=None)
        if pre.wait_until is not None:
            return self._settle(post, PostState.SCHEDULED, error=pre.message, next_attempt_at=pre.wait_until)
        # Sending a needs-review post again is the user's decision, taken knowing the first may be out.
        decided = {"repeat_safe_until": None} if post.state is PostState.NEEDS_REVIEW else {}
        claimed = self.outbox.claim(post.id, expect=[post.state], owner=self.owner, unchanged_since=post.updated_at,
                                    where=_still_connected_to(post.persona_account), sent_as=persona.handle,
                                    sent_as_id=post.persona_account, sent_content=sent_content(post), **decided)
        if claimed is None:  # another sender took it, or the user changed it since it was read
            return self.outbox.get(post_id)
        if claimed.repeat_safe_until is not None and self.clock.now() >= claimed.repeat_safe_until:
            passed = getattr(network, "repeat_passed", "repeat_window_passed")  # said in the network's terms
            return self._finish(claimed, PostState.NEEDS_REVIEW, next_attempt_at=None, error=in_doubt(
                Note(passed, network=persona.network), len(claimed.remote_ids), len(claimed.parts)))
        return self._publish(claimed, persona, network, account, earlier=post.sent_content)

    def _publish(self, post: Post, persona: Persona, network: object, account: Account, *,
                 earlier: Mapping[str, object] | None = None) -> Post:
        """The network call, under a lease renewed every few seconds; then the outcome, recorded once (kept in room
        taken on the disk first, should the record be refused: core.outcome_room)."""
        outgoing = OutgoingPost(parts=post.parts, media=media_by_part(post), already_sent=post.remote_ids,
                                key=f"{persona.uid}-{post.id}", created_at=post.created_at,
                                content_warning=content_warning_of(post, persona),
                                visibility=post.visibility or persona.visibility,
                                on_part_out=lambda ids: self._record_parts(post, persona, ids))
        log.info("sending post %s as %s on %s", post.id, persona.name, persona.network)
        room = OutcomeRoom.take(self.outcomes_in, post.id, self.owner)
        try:
            return self._send_and_record(post, persona, network, account, outgoing=outgoing, room=room,
                                         earlier=earlier)
        finally:
            if room is not None:
                room.close()

    def _send_and_record(self, post: Post, persona: Persona, network: object, account: Account, *,
                         outgoing: OutgoingPost, room: OutcomeRoom | None,
                         earlier: Mapping[str, object] | None) -> Post:
        """The network call and its outcome; one out whose record is refused is also kept in ``room``."""
        try:
            with self._heartbeat(post.id):
                published = network.publish(account, outgoing)  # type: ignore[attr-defined]
        except PartialThreadError as e:
            return self._failed(post, e.cause, remote_ids=post.remote_ids + e.sent_ids[len(post.remote_ids):],
                                message=e.message, earlier=earlier)
        except NetworkError as e:
            return self._failed(post, e, earlier=earlier)
        except Exception as e:  # a bug or an unexpected library error: the post may have gone out
            log.exception("unexpected error while sending post %s", post.id)
            found_by = resumable(self.store, self.networks, self.clock)(post)
            if found_by is not None and found_by.until >= UNTIL_SENT:  # the next attempt looks up what went out
                return self._finish(post, PostState.SCHEDULED, next_attempt_at=self.clock.now() + backoff(
                    post.attempts), repeat_safe_until=UNTIL_SENT, error=Note(
                    "unexpected_retried", error=type(e).__name__, network=found_by.network))
            return self._finish(
                post, PostState.NEEDS_REVIEW,
                error=Note("unexpected", error=type(e).__name__),
            )
        log.info("post %s sent as %s: %s", post.id, persona.name, published.remote_id)
        values: dict[str, object] = {
            "sent_at": published.at, "remote_id": published.remote_id, "remote_url": published.url,
            "remote_ids": published.part_ids, "network": persona.network, "error": None, "next_attempt_at": None,
            "repeat_safe_until": None}
        try:
            values["cost_usd"] = costs.recorded(self.store, persona, post.parts[:len(published.part_ids)])
            return self._finish(post, PostState.SENT, **values)
        except faults.STORAGE_ERRORS as e:  # out on the network all the same: said so, and recorded when it can be
            log.warning("post %s went out but could not be recorded", post.id, exc_info=True)
            kept = room is not None and room.keep(post.id, self.owner, values)
            self.unrecorded.keep(post, values, room.path if kept and room is not None else None)
            raise SentNotRecorded(post, published, faults.in_words(e, self.store.path)) from None

    def record_unrecorded(self) -> list[Post]:
        """Record the posts that went out while the database refused their record (a full disk, a read-only
        folder), now that it may take it: till then they show as sending. Those this process sent are in memory;
        those of a sender that has stopped (this app before a quit, a command) are in the files it kept them in
        (core.outcome_room), found here too, at the profile's new place if it was moved. A post found neither way
        (no room on the disk for its file) is left to recover_abandoned: in doubt, never sent again blindly."""
        out = []
        for post, values, file in self.unrecorded.pending():
            try:
                done = self._finish(post, PostState.SENT, **values)
            except faults.STORAGE_ERRORS:
                continue
            self.unrecorded.done(post.id)
            if file is not None:
                forget(file)
            if done.state is PostState.SENT:
                out.append(done)
        return out + self._record_kept()

    def _record_kept(self) -> list[Post]:
        """The outcomes kept in files by senders that have stopped: each recorded sent while its post is still as
        that sender left it (sending, or put up for review since); a file whose post has moved on (marked, sent
        again, deleted) or whose sender stopped before any outcome is removed."""
        out = []
        for kept in kept_outcomes(self.outcomes_in):
            if lease.is_gone(kept.owner) is False:  # still sending, or keeping it in its own memory
                continue
            if kept.values is not None:
                try:
                    recorded = self.outbox.update_if(
                        kept.post_id, [PostState.SENDING, PostState.NEEDS_REVIEW],
                        where=s.posts.c.lease_owner == kept.owner, state=PostState.SENT.value, **kept.values)
                except faults.STORAGE_ERRORS:
                    continue  # the disk refuses still: the next pass tries again
                if recorded:
                    log.info("post %s recorded as sent from the outcome its sender kept in %s", kept.post_id,
                             kept.path)
                    try:
                        out.append(self.outbox.get(kept.post_id))
                    except (LookupError, *faults.STORAGE_ERRORS):
                        pass
            forget(kept.path)
        return out

    def _record_parts(self, post: Post, persona: Persona, ids: tuple[str, ...]) -> None:
        """The network confirmed another part: record every part out now, while the post is still this sender's.

        Then a sender killed mid-thread leaves the truth behind (which parts are out, what they cost), and sending
        it again starts after them. Unrecorded, the next part must not go: the thread waits, so at most one part
        is ever in doubt (raised as a retryable error, which stops the thread there).
        """
        try:
            recorded = self.outbox.update_if(
                post.id, [PostState.SENDING, PostState.NEEDS_REVIEW], where=s.posts.c.lease_owner == self.owner,
                remote_ids=ids, network=persona.network,
                cost_usd=costs.recorded(self.store, persona, post.parts[:len(ids)]))
            error: str | None = None if recorded else Note("record_taken")
        except Exception as e:  # a locked, full or read-only database: kept as what it was, said in words
            log.warning("could not record part %s of post %s", len(ids), post.id, exc_info=True)
            error = faults.fault_note(e, self.store.path)
        if error:
            raise TransientError(Note("part_unrecorded", n=len(ids), error=error))

    @contextmanager
    def _heartbeat(self, post_id: int) -> Iterator[None]:
        """Renew this sender's lease while the network call runs, so nobody takes the post for abandoned."""
        stop = threading.Event()

        def beat() -> None:
            while not stop.wait(self.heartbeat_s):
                try:
                    self.outbox.renew_lease(post_id, self.owner)
                except Exception:  # a locked or full database: the next beat tries again
                    log.warning("could not renew the lease on post %s", post_id, exc_info=True)

        thread = threading.Thread(target=beat, name=f"lease:{post_id}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()

    def _settle(self, post: Post, to: PostState, **values: object) -> Post:
        """Record a decision taken before the claim, if the post is still as it was read (else leave it).

        As read means unchanged too, not merely in the same state: the guard's check may take seconds (its first
        loads the model), in which the user may fix the very words it objected to. The state may stay as it was
        (a failed post retried, stopped again): the post then still says why, now.
        """
        if to is post.state:  # a retry stopped again before sending: its new reason replaces the last one
            unchanged = s.posts.c.updated_at == utc(post.updated_at).replace(tzinfo=None)
            self.outbox.update_if(post.id, [to], where=unchanged, **values)
            return self.outbox.get(post.id)
        try:
            return self.outbox.transition(post.id, to, expect=[post.state], unchanged_since=post.updated_at, **values)
        except TransitionError:
            return self.outbox.get(post.id)

    def _finish(self, post: Post, to: PostState, **values: object) -> Post:
        """Record the outcome of this sender's attempt: only while the post is still leased to this sender.

        If another process took it for abandoned meanwhile (this one was suspended, say), it is needs-review;
        an outcome of "sent" is then recorded all the same, since it is now known.
        """
        mine = s.posts.c.lease_owner == self.owner
        try:
            return self.outbox.transition(post.id, to, expect=[PostState.SENDING], where=mine, **values)
        except TransitionError:
            if to is PostState.SENT:
                try:
                    return self.outbox.transition(post.id, to, expect=[PostState.NEEDS_REVIEW], where=mine, **values)
                except TransitionError:
                    pass
            log.warning("post %s was taken from this sender before its outcome (%s) was recorded", post.id, to)
            return self.outbox.get(post.id)

    def _recheck(self, post: Post, persona: Persona) -> Post | None:
        """Hold the post, before it is claimed, if the check says it strays (or cannot judge it), with the
        hold's real kind."""
        assert self.pre_send_check is not None
        try:
            found = [reason_of(r) for r in self.pre_send_check(post, persona)]
            if not found:
                return None
            kind = hold_kind(r.kind for r in found)
            reasons = [r.kept for r in found]
        except Exception as e:
            log.exception("the pre-send check failed for post %s", post.id)
            kind = HoldKind.UNCHECKED
            reasons = [stored("error", {"error": _why_unchecked(e)})]
        error = held_message(kind, persona.name, reasons)  # kept for scripts; the window and the CLI say it as read
        log.info("post %s held before sending (%s): %s", post.id, kind.value, "; ".join(map(said, reasons)))
        return self._settle(post, PostState.HELD, error=error, guard_reasons=reasons, hold_kind=kind.value)

    def _failed(self, post: Post, e: NetworkError, *, remote_ids: tuple[str, ...] | None = None,
                message: str | None = None, earlier: Mapping[str, object] | None = None) -> Post:
        persona = self.store.persona(post.persona_uid)
        extra: dict[str, object] = {} if remote_ids is None else {  # the parts out are on this network
            "remote_ids": remote_ids, "network": persona.network,
            "cost_usd": costs.recorded(self.store, persona, post.parts[:len(remote_ids)]),
        }
        if getattr(e.message, "kind", None) == "bluesky_edited_out" and earlier is not None:
            extra["sent_content"] = earlier  # the network has the version sent before, not this one
        msg = message or e.message
        now = self.clock.now()
        out = len(post.remote_ids if remote_ids is None else remote_ids)  # the parts recorded out, this attempt's too
        if isinstance(e, AuthError):
            self.store.set_connection_state(post.persona_uid, "reconnect_needed")
            return self._finish(post, PostState.FAILED, error=Note("reconnect", error=msg), **extra)
        if isinstance(e, RejectedError) and e.duplicate and post.attempts > 1:
            # An earlier attempt (a 5xx, say) may have reached X after all: not a failure to retry blindly.
            return self._finish(post, PostState.NEEDS_REVIEW, **extra, error=in_doubt(
                Note("maybe_out_before", error=e.message), out, len(post.parts)))
        if isinstance(e, RejectedError):
            if post.repeat_safe_until == UNTIL_SENT:  # it answered for what was in doubt: it is not out
                extra["repeat_safe_until"] = None
            return self._finish(post, PostState.FAILED, error=msg, **extra)
        if isinstance(e, AmbiguousError) and e.retry_safe and post.attempts < MAX_TRANSIENT_ATTEMPTS:
            # The network recognises a repeat of this very post: sending it again cannot post twice (while it
            # still does: from the first unanswered attempt whose window is still open, or from this one; for good
            # where it looks up what went out). Until then the post is sent again only as it is.
            if e.repeat_window is None:
                extra["repeat_safe_until"] = UNTIL_SENT
            elif post.repeat_safe_until is None or post.repeat_safe_until <= now:
                extra["repeat_safe_until"] = now + e.repeat_window
            next_at = max(now + backoff(post.attempts), e.retry_at or now)
            return self._finish(post, PostState.SCHEDULED, error=msg, next_attempt_at=next_at, **extra)
        if isinstance(e, AmbiguousError) and e.retry_safe:
            # Out of safe retries: the network's own words ("it will be sent again shortly … needs no review") are
            # no longer true, so the review says what is known.
            return self._finish(post, PostState.NEEDS_REVIEW, **extra, error=in_doubt(
                Note("retries_errored" if e.answered else "retries_unanswered", network=persona.network,
                     n=post.attempts), out, len(post.parts)))
        if isinstance(e, AmbiguousError):
            return self._finish(post, PostState.NEEDS_REVIEW, error=in_doubt(e.message, out, len(post.parts)),
                                **extra)
        # A rate limit or no network means X did not take the post: that wait does not use up a retry.
        if isinstance(e, RateLimitedError):
            until = max(e.reset_at, now)
            done = self._finish(post, PostState.SCHEDULED, error=msg, next_attempt_at=until,
                                attempts=post.attempts - 1, **extra)
            # The limit is the account's: the others wait too (only those with images, for a limit on uploads).
            self.outbox.wait_alongside(post, until, e.message, images_only=e.images_only)
            return done
        if isinstance(e, OfflineError):
            return self._finish(post, PostState.SCHEDULED, error=msg, next_attempt_at=now + OFFLINE_RETRY,
                                attempts=post.attempts - 1, **extra)
        if isinstance(e, TransientError) and post.attempts < MAX_TRANSIENT_ATTEMPTS:
            # Not before the server said it can take it again (a Retry-After): sooner would spend a try for nothing.
            next_at = max(now + backoff(post.attempts), e.retry_at or now)
            return self._finish(post, PostState.SCHEDULED, error=msg, next_attempt_at=next_at, **extra)
        return self._finish(post, PostState.FAILED, error=msg, **extra)


def _still_connected_to(account: str | None) -> object:
    """The post's persona is still connected to ``account`` (as it was when the post, and its credentials, were
    read): a switch meanwhile leaves the post unclaimed, rather than recorded as sent as an account it was not."""
    current = select(s.personas.c.remote_user_id).where(s.personas.c.id == s.posts.c.persona_id).scalar_subquery()
    return current.is_(None) if account is None else current == account


def _why_unchecked(error: Exception) -> str:
    """A broken install (a missing or damaged model file) says which file and to reinstall; else the error's kind."""
    try:
        from personamgr.core.guard.model_files import ModelFileError
    except ImportError:
        return type(error).__name__
    return str(error) if isinstance(error, ModelFileError) else type(error).__name__
