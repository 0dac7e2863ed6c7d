"""Each persona's unsent compose content (text, or a thread's parts, and images), kept as a ``draft`` post.

The outbox is the one source of truth, so a draft survives a crash, a quit or a
persona switch exactly like a post does. Which draft belongs in which persona's
compose box is remembered in the setting ``compose_drafts`` ({persona uid: post id}).
Posting a draft sends that very post, so its words are never copied and never lost.

Nothing here writes on the GUI thread: another program can hold the database's
lock for seconds, and a full or slow disk can stall a write. What the box holds is
kept in memory at once (a persona switch shows it from there); the writes queue up
and run one at a time in a worker, in the order they were asked for, a typing
burst folding into the one save still waiting. A write that fails for a storage
reason stays first in the queue and is tried again until it succeeds; the words are
never dropped, and :attr:`DraftKeeper.saveFailed` says why in the meantime.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from personamgr.core.faults import STORAGE_ERRORS, ProfileGone, describe
from personamgr.core.outbox import PostState, TransitionError
from personamgr.core.reason_words import StoredReason
from personamgr.core.services import Services
from personamgr.gui.workers import Workers

log = logging.getLogger(__name__)

DRAFTS_KEY = "compose_drafts"
DRAFTS_CHANGED = "drafts"  # the store event kind: which drafts sit in a compose box changed
RETRY_MS = 3000  # a write that failed for a storage reason is tried again after this long

Options = tuple[str | None, str | None]  # a Mastodon post's content warning and visibility (None: the default)
Saved = Callable[[int | None], None]  # the draft's post id once it is in the store (None: nothing to keep)
NotSaved = Callable[[str], None]  # why the store could not take it (the words are still kept)


@dataclass(frozen=True)
class Content:
    """What a compose box holds: its parts (one for a single post) and the images attached to them."""

    parts: tuple[str, ...] = ("",)
    media: tuple[dict[str, Any], ...] = field(default=())

    @property
    def text(self) -> str:
        return self.parts[0] if self.parts else ""

    @property
    def empty(self) -> bool:
        return not any(p.strip() for p in self.parts) and not self.media

    @classmethod
    def of(cls, parts: Sequence[str], media: Sequence[dict[str, Any]] = ()) -> Content:
        return cls(tuple(parts) or ("",), tuple(dict(m) for m in media))

    def followed_by(self, other: Content) -> Content:
        """This content first, then ``other``'s (a single post's texts join with a blank line)."""
        if other.empty:
            return self
        if len(self.parts) == 1 and len(other.parts) == 1:
            return Content((f"{self.text}\n\n{other.text}",), self.media + other.media)
        shift = len(self.parts)
        moved = tuple(dict(m, part=int(m.get("part", 0)) + shift) for m in other.media)
        return Content(self.parts + other.parts, self.media + moved)


EMPTY = Content()


@dataclass(eq=False)
class _Job:
    """One write, run in a worker: ``run(ids)`` gets a copy of the draft map and returns it as it is after."""

    uid: str
    run: Callable[[dict[str, int]], dict[str, int]]
    stored: Content | None  # what the store holds as ``uid``'s draft once the job is done (None: as before)
    saves: bool = False  # a plain save of ``stored``: later saves of the same persona fold into it
    emptied: str = ""  # another persona the job concerns, whose stored draft is empty once it is done (a move)
    waiters: list[tuple[str, Saved | None, NotSaved | None]] = field(default_factory=list)  # (persona uid, ...)
    options: Options | None = None  # what a save sets on the post besides its words
    failures: int = 0
    ids: dict[str, int] | None = None  # the draft map as the last try left it (a post it created is not made twice)

    def concerns(self, uid: str) -> bool:
        return uid in (self.uid, self.emptied)


class DraftKeeper(QObject):
    """Keeps and moves compose drafts; the GUI debounces the calls. Every write happens in a worker."""

    saved = Signal(str)  # persona uid: its draft is in the store as the box last held it
    saveFailed = Signal(str, str)  # noqa: N815 (Qt naming) persona uid, why; it is tried again by itself

    def __init__(self, services: Services, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workers = workers
        self._ids: dict[str, int] = {}  # the draft map as the store has it (changed only as jobs finish)
        self._contents: dict[str, Content] = {}  # what each persona's box holds now
        self._stored: dict[str, Content] = {}  # what the store holds for each persona
        self._options: dict[str, Options] = {}  # the options last asked for, per persona
        self._queue: deque[_Job] = deque()  # the first one is running, or waiting to be tried again
        self._running = False
        self.profile_gone = False  # the database was moved or removed while running: nothing more is written
        self._said = ""  # why the last write failed, as logged (cleared once one succeeds)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._next)
        self._load()

    def _load(self) -> None:
        """Read the drafts once at start-up (a read: another program's write lock does not stop it)."""
        raw = self.services.store.get_setting(DRAFTS_KEY) or {}
        for uid, post_id in dict(raw).items() if isinstance(raw, dict) else ():
            try:
                post = self.services.outbox.get(int(post_id))
            except (LookupError, TypeError, ValueError):
                continue
            if post.state is PostState.DRAFT and post.persona_uid == uid:
                self._ids[uid] = post.id
                self._contents[uid] = self._stored[uid] = Content.of(post.parts, post.media)

    # -- reading -------------------------------------------------------------------------
    def content(self, uid: str) -> Content:
        return self._contents.get(uid, EMPTY)

    def text(self, uid: str) -> str:
        """The first part's text (the whole text of a single post)."""
        return self.content(uid).text

    def post_id(self, uid: str) -> int | None:
        """The draft post the store holds for ``uid`` (None until its first save is done)."""
        return self._ids.get(uid)

    def post_ids(self) -> set[int]:
        """Posts that live in a compose box (the history does not list them)."""
        return set(self._ids.values())

    def unsaved(self, uid: str) -> bool:
        """``uid``'s words are only in memory: a save is on its way, or waits to be tried again."""
        return self._contents.get(uid, EMPTY) != self._stored.get(uid, EMPTY) or any(j.concerns(uid)
                                                                                     for j in self._queue)

    def holds_words(self, uid: str) -> bool:
        """``uid``'s box holds words (a write that fails with it empty loses nothing the user wrote)."""
        return not self._contents.get(uid, EMPTY).empty

    @property
    def writing(self) -> bool:
        """A write is queued, running or waiting to be tried again."""
        return bool(self._queue)

    # -- writing -------------------------------------------------------------------------
    def save(self, uid: str, text: str, thread: Sequence[str] = (), media: Sequence[dict[str, Any]] | None = None,
             *, then: Saved | None = None, failed: NotSaved | None = None) -> None:
        """Keep the content as ``uid``'s draft (``media`` None: the images it has); it is written in a worker.

        ``then(post_id)`` runs once it is in the store; ``failed(reason)`` if the store cannot take it now (the
        words are still kept, and written as soon as the store takes them).
        """
        before = self.content(uid)
        self.save_content(uid, Content.of((text, *thread), before.media if media is None else media),
                          then=then, failed=failed)

    def save_content(self, uid: str, content: Content, *, options: Options | None = None, then: Saved | None = None,
                     failed: NotSaved | None = None) -> None:
        """As :meth:`save`; ``options`` (content warning, visibility) go on the draft post too when given."""
        self._contents[uid] = content
        waiter = [(uid, then, failed)] if then or failed else []
        tail = self._tail(uid)
        if tail is not None and tail.saves and tail.uid == uid and not (self._running and tail is self._queue[0]):
            tail.stored = content  # not started yet: it writes the newest words
            tail.waiters += waiter
            tail.options = options if options is not None else tail.options
            tail.run = self._saving(uid, content, tail.options)
            return
        if options is not None and options != self._options.get(uid):
            self._options[uid] = options
            self._add(_Job(uid, self._saving(uid, content, options), content, saves=True, waiters=waiter,
                           options=options))
            return
        if content == self._expected(uid) and (content.empty or uid in self._ids or tail is not None):
            if tail is not None:  # the store will hold it once the queue gets there
                tail.waiters += waiter
            elif then is not None:  # it holds it already
                then(self._ids.get(uid))
            return
        self._add(_Job(uid, self._saving(uid, content, options), content, saves=True, waiters=waiter,
                       options=options))

    def remember_override(self, uid: str, reasons: Sequence[StoredReason]) -> None:
        """"Post anyway": the draft (once written) keeps the user's choice, as ``Outbox.remember_override``."""
        def run(ids: dict[str, int]) -> dict[str, int]:
            post_id = ids.get(uid)
            if post_id is not None:
                self.services.outbox.remember_override(post_id, list(reasons))
            return ids

        self._add(_Job(uid, run, None))

    def detach(self, uid: str, post_id: int) -> None:
        """``post_id`` left ``uid``'s compose box (it was posted or scheduled): the next text starts a new draft."""
        if self._ids.get(uid) != post_id:
            return
        self._contents[uid] = EMPTY

        def run(ids: dict[str, int]) -> dict[str, int]:
            if ids.get(uid) == post_id:
                del ids[uid]
                self._persist(ids)
            return ids

        self._add(_Job(uid, run, EMPTY))

    def keep_and_start_over(self, uid: str) -> None:
        """Ctrl+N: the draft (as last saved) stays a post of its own, listed in the history; the box starts a new
        draft."""
        self._contents[uid] = EMPTY

        def run(ids: dict[str, int]) -> dict[str, int]:
            if ids.pop(uid, None) is not None:
                self._persist(ids)
            return ids

        self._add(_Job(uid, run, EMPTY))

    def move(self, from_uid: str, to_uid: str) -> Content:
        """Move ``from_uid``'s draft to ``to_uid``. Returns ``to_uid``'s compose content afterwards (at once; the
        store follows in a worker).

        If ``to_uid`` already has a draft, the moved content goes first, then what was there:
        both are kept, in one draft.
        """
        moving = self.content(from_uid)
        if moving.empty:
            return self.content(to_uid)
        there = self.content(to_uid)
        result = moving.followed_by(there)
        self._contents[to_uid], self._contents[from_uid] = result, EMPTY

        def run(ids: dict[str, int]) -> dict[str, int]:
            source = ids.get(from_uid)
            if there.empty and source is not None and to_uid not in ids:  # the post itself changes persona
                self.services.outbox.move(source, to_uid)
                ids[to_uid] = ids.pop(from_uid)
                self._persist(ids)
                return ids
            self._write(to_uid, result, ids)
            if source is not None:  # emptied after: its images are the merged draft's now, so they are kept
                self._write(from_uid, EMPTY, ids)
            return ids

        self._add(_Job(to_uid, run, result, emptied=from_uid))
        return result

    def stop(self) -> None:
        """No more tries (the app is quitting; what the store never took was rescued by :meth:`unsaved_words`)."""
        self._retry.stop()
        self._queue.clear()

    def when_written(self, then: Callable[[], None]) -> None:
        """Run ``then()`` once every write asked for so far has reached the store; at once if none is on its way, or
        if the store refuses them now (they are tried again; the words stay in memory meanwhile)."""
        if not self._queue or self._retry.isActive():
            then()
            return
        self._add(_Job("", lambda ids: ids, None, waiters=[("", lambda _id: then(), lambda _why: then())]))

    def unsaved_words(self) -> str:
        """Every persona's words the store has not taken yet, as plain text headed by the persona's name ("" if
        none): what quitting with the database locked or the disk full would otherwise lose."""
        waiting = [uid for uid, content in self._contents.items() if not content.empty and self.unsaved(uid)]
        if not waiting:
            return ""
        try:
            names = {p.uid: p.name for p in self.services.store.personas()}
        except STORAGE_ERRORS:
            names = {}
        return "".join(f"# {names.get(uid, uid)}\n" + "\n---\n".join(self._contents[uid].parts) + "\n\n"
                       for uid in waiting)

    def rescue(self, words: str, now: datetime) -> Path | None:
        """``words`` in a new file, private to the user, where the profile is (:meth:`rescue_folder`); None if even
        that cannot be written."""
        folder, make = self.rescue_folder()
        path = folder / f"unsaved-drafts-{now:%Y%m%dT%H%M%S}.txt"
        try:
            if make:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # removed with the profile: made again, private
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(words)
        except OSError as e:
            log.error("the unsaved drafts could not be written to %s either: %s", path, e)
            return None
        return path

    def rescue_folder(self) -> tuple[Path, bool]:
        """(folder, whether it may be made) for the words the store never took: the profile's folder; the one it
        was moved to (a folder the user moved is never made again at its old place); made again if it was removed;
        the nearest folder that still exists above it if nobody can tell which."""
        store = self.services.store
        assert store.path is not None
        folder = store.path.parent
        try:
            store.ensure_in_place()
        except ProfileGone as gone:
            if gone.moved_to is not None:
                return gone.moved_to.parent, False
            if not gone.removed:
                while not folder.is_dir() and folder != folder.parent:
                    folder = folder.parent
                return folder, False
        return folder, True

    # -- the queue -----------------------------------------------------------------------
    def _tail(self, uid: str) -> _Job | None:
        """The last queued job that concerns ``uid``, if any."""
        return next((j for j in reversed(self._queue) if j.concerns(uid)), None)

    def _expected(self, uid: str) -> Content:
        """What the store will hold as ``uid``'s draft once the queue is done."""
        for job in reversed(self._queue):
            if job.uid == uid and job.stored is not None:
                return job.stored
            if job.emptied == uid:
                return EMPTY
        return self._stored.get(uid, EMPTY)

    def _add(self, job: _Job) -> None:
        self._queue.append(job)
        if not self._running and not self._retry.isActive():
            self._next()

    def _next(self) -> None:
        if self._running or not self._queue:
            return
        job = self._queue[0]
        self._running = True
        retry = job.ids is not None
        if job.ids is None:
            job.ids = dict(self._ids)
        ids = job.ids

        def run() -> dict[str, int]:
            self.services.store.ensure_in_place()  # not into a file nobody will see again: the words stay here
            if retry:  # a try that failed half-way may have created the draft post: record it before going on
                self._persist(ids)
            return job.run(ids)

        self.workers.submit(run, done=lambda after: self._done(job, after),
                            failed=lambda error: self._failed(job, error), name="draft")

    def _done(self, job: _Job, ids: dict[str, int]) -> None:
        self._queue.popleft()
        self._running = False
        self._said = ""
        self.profile_gone = False  # it took the write: the profile is in place (moved back, say)
        self._ids = ids
        if job.stored is not None:
            self._stored[job.uid] = job.stored
        if job.emptied:
            self._stored[job.emptied] = EMPTY
        for uid, ok, _ in job.waiters:
            if ok is not None:
                ok(ids.get(uid))
        if not self.unsaved(job.uid):
            self.saved.emit(job.uid)
        self._next()

    def _failed(self, job: _Job, error: BaseException) -> None:
        self._running = False
        reason = describe(error, self.services.store.path) if isinstance(error, STORAGE_ERRORS) else None
        for _, _, not_ok in job.waiters:
            if not_ok is not None:
                not_ok(reason or str(error))
        job.waiters.clear()
        if reason is None:  # not the store refusing: a bug; drop the write (the words stay in the box)
            log.error("a draft could not be written", exc_info=error)
            self._queue.popleft()
            self.saveFailed.emit(job.uid, str(error))
            self._next()
            return
        job.failures += 1
        self.profile_gone = isinstance(error, ProfileGone)
        if reason != self._said:  # logged once for as long as the reason lasts, not at every try
            self._said = reason
            log.warning("a draft could not be written (tried again every %d ms until it is): %s", RETRY_MS, reason)
        self.saveFailed.emit(job.uid, reason)
        self._retry.start()

    def retry_now(self) -> None:
        """Try a write that failed again at once (the user asked: Post, Schedule, the app quitting)."""
        if self._retry.isActive():
            self._retry.stop()
            self._next()

    # -- in the worker -------------------------------------------------------------------
    def _saving(self, uid: str, content: Content, options: Options | None) -> Callable[[dict[str, int]],
                                                                                         dict[str, int]]:
        def run(ids: dict[str, int]) -> dict[str, int]:
            self._write(uid, content, ids)
            post_id = ids.get(uid)
            if options is not None and post_id is not None:
                try:
                    self.services.outbox.set_options(post_id, content_warning=options[0], visibility=options[1])
                except TransitionError:
                    log.info("draft %s left the draft state before its options were kept", post_id)
            return ids
        return run

    def _write(self, uid: str, content: Content, ids: dict[str, int]) -> None:
        """Make the store hold ``content`` as ``uid``'s draft; ``ids`` (the draft map) is updated and kept."""
        post_id = ids.get(uid)
        if post_id is not None:
            try:
                # Words are kept exactly as typed (a trailing space mid-sentence); images taken off are deleted.
                self.services.workflows.edit(post_id, content.parts, list(content.media), strip=False)
                return
            except (TransitionError, LookupError):
                log.info("draft %s left the draft state; starting a new one", post_id)
                del ids[uid]
        if content.empty:
            self._persist(ids)
            return
        post = self.services.outbox.create(uid, content.parts[0], thread=content.parts[1:], media=content.media)
        ids[uid] = post.id
        self._persist(ids)

    def _persist(self, ids: dict[str, int]) -> None:
        self.services.store.set_setting(DRAFTS_KEY, dict(ids))
        self.services.store.notify(DRAFTS_CHANGED)  # the history lists a draft once it leaves its box
