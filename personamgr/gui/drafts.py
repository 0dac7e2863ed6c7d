"""Each persona's unsent compose text, kept as a ``draft`` post in the outbox.

The outbox is the one source of truth, so a draft survives a crash, a quit or a
persona switch exactly like a post does. Which draft belongs in which persona's
compose box is remembered in the setting ``compose_drafts`` ({persona uid: post id}).
Posting a draft sends that very post, so its text is never copied and never lost.
"""

from __future__ import annotations

import logging

from personamgr.core.outbox import PostState, TransitionError
from personamgr.core.services import Services

log = logging.getLogger(__name__)

DRAFTS_KEY = "compose_drafts"


class DraftKeeper:
    """Loads, saves and moves compose drafts. Plain Python: the GUI debounces the calls."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._ids: dict[str, int] = {}
        self._texts: dict[str, str] = {}
        self._load()

    def _load(self) -> None:
        raw = self.services.store.get_setting(DRAFTS_KEY) or {}
        for uid, post_id in dict(raw).items() if isinstance(raw, dict) else ():
            try:
                post = self.services.outbox.get(int(post_id))
            except (LookupError, TypeError, ValueError):
                continue
            if post.state is PostState.DRAFT and post.persona_uid == uid:
                self._ids[uid] = post.id
                self._texts[uid] = post.text

    def _persist(self) -> None:
        self.services.store.set_setting(DRAFTS_KEY, dict(self._ids))

    # -- reading -------------------------------------------------------------------------
    def text(self, uid: str) -> str:
        return self._texts.get(uid, "")

    def post_id(self, uid: str) -> int | None:
        return self._ids.get(uid)

    def post_ids(self) -> set[int]:
        """Posts that live in a compose box (the history does not list them)."""
        return set(self._ids.values())

    # -- writing -------------------------------------------------------------------------
    def save(self, uid: str, text: str) -> int | None:
        """Record ``text`` as ``uid``'s draft. Returns the draft's post id (None while there is nothing to keep)."""
        if self._texts.get(uid, "") == text and (uid in self._ids or not text):
            return self._ids.get(uid)
        post_id = self._ids.get(uid)
        if post_id is not None:
            try:
                self.services.outbox.edit(post_id, text)
                self._texts[uid] = text
                return post_id
            except (TransitionError, LookupError):
                log.info("draft %s left the draft state; starting a new one", post_id)
                self._ids.pop(uid, None)
        if not text:
            self._texts[uid] = ""
            self._persist()
            return None
        post = self.services.outbox.create(uid, text)
        self._ids[uid] = post.id
        self._texts[uid] = text
        self._persist()
        return post.id

    def detach(self, uid: str, post_id: int) -> None:
        """``post_id`` left ``uid``'s compose box (it was posted): the next text starts a new draft."""
        if self._ids.get(uid) == post_id:
            del self._ids[uid]
            self._texts[uid] = ""
            self._persist()

    def move(self, from_uid: str, to_uid: str) -> str:
        """Move ``from_uid``'s draft to ``to_uid``. Returns ``to_uid``'s compose text afterwards.

        If ``to_uid`` already has a draft, the moved text goes first, then a blank
        line, then what was there: both texts are kept, in one draft.
        """
        moving = self.text(from_uid)
        if not moving:
            return self.text(to_uid)
        source_id = self._ids.get(from_uid)
        if source_id is not None and to_uid not in self._ids:
            self.services.outbox.move(source_id, to_uid)
            self._ids[to_uid] = self._ids.pop(from_uid)
            self._texts[to_uid] = moving
            self._texts[from_uid] = ""
            self._persist()
            return moving
        existing = self.text(to_uid)
        merged = f"{moving}\n\n{existing}" if existing.strip() else moving
        self.save(to_uid, merged)
        self.save(from_uid, "")
        return merged
