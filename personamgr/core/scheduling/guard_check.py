"""The persona guard's last look at a scheduled post, as a ``Poster`` pre-send check.

The persona may have changed since the post was written, so the check runs
against the personas as they are at send time. The model loads on first use,
in the sending thread (never the GUI thread), and is kept for later posts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any

from personamgr.core.outbox import Outbox, Post
from personamgr.core.personas import Persona
from personamgr.core.store import Store

log = logging.getLogger(__name__)


class GuardCheck:
    """Callable ``(post, persona) -> reasons``: empty when the post still fits, else the guard's warnings
    (``Reason`` objects: their kind names the hold, see core.holds)."""

    def __init__(self, store: Store, outbox: Outbox | None = None, guard: Any = None) -> None:
        self.store = store
        self.outbox = outbox or Outbox(store)
        self._guard = guard
        self._lock = threading.Lock()

    def guard(self) -> Any:
        with self._lock:
            if self._guard is None:
                from personamgr.core.guard import Guard

                self._guard = Guard.load()
                log.info("persona guard loaded for send-time checks")
            return self._guard

    def __call__(self, post: Post, persona: Persona) -> Sequence[Any]:
        return self.check(post.parts, persona)

    def check(self, parts: Sequence[str], persona: Persona) -> Sequence[Any]:
        """The guard's warnings for ``parts`` on ``persona`` as the personas are now (empty: it fits)."""
        result = self.verdict(parts, persona)
        return [] if result.fits else list(result.warnings)

    def verdict(self, parts: Sequence[str], persona: Persona, *, upcoming: bool = False,
                besides: int | None = None) -> Any:
        """The guard's whole answer (a GuardResult: reasons, score, the persona it fits better).

        At send time the post is judged among the posts that went out; ``upcoming``, for a post being written
        or scheduled, among those on their way too (but ``besides``, the post being edited).
        """
        from personamgr.core.guard.post_check import check_parts

        return check_parts(self.guard(), self.store.personas(), parts, persona.name,
                           recent=self.outbox.recent_texts(),
                           upcoming=self.outbox.upcoming_texts(besides) if upcoming else None)

def make_guard_check(store: Store, outbox: Outbox | None = None) -> GuardCheck | None:
    """A send-time guard check, or None if this build has no guard (then nothing is checked at send time)."""
    try:
        import personamgr.core.guard  # noqa: F401
    except ImportError:
        log.warning("the persona guard is not available; scheduled posts are not re-checked at send time")
        return None
    return GuardCheck(store, outbox)
