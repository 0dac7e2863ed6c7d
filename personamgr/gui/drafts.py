"""Each persona's unsent compose content (text, or a thread's parts, and images), kept as a ``draft`` post.

The outbox is the one source of truth, so a draft survives a crash, a quit or a
persona switch exactly like a post does. Which draft belongs in which persona's
compose box is remembered in the setting ``compose_drafts`` ({persona uid: post id}).
Posting a draft sends that very post, so its words are never copied and never lost.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from personamgr.core.faults import STORAGE_ERRORS
from personamgr.core.outbox import PostState, TransitionError
from personamgr.core.services import Services

log = logging.getLogger(__name__)

DRAFTS_KEY = "compose_drafts"


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


class DraftKeeper:
    """Loads, saves and moves compose drafts. Plain Python: the GUI debounces the calls."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._ids: dict[str, int] = {}
        self._contents: dict[str, Content] = {}
        self._unsaved: set[str] = set()  # personas whose content is only in memory: the last save failed
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
                self._contents[uid] = Content.of(post.parts, post.media)

    def _persist(self) -> None:
        self.services.store.set_setting(DRAFTS_KEY, dict(self._ids))

    # -- reading -------------------------------------------------------------------------
    def content(self, uid: str) -> Content:
        return self._contents.get(uid, EMPTY)

    def text(self, uid: str) -> str:
        """The first part's text (the whole text of a single post)."""
        return self.content(uid).text

    def post_id(self, uid: str) -> int | None:
        return self._ids.get(uid)

    def post_ids(self) -> set[int]:
        """Posts that live in a compose box (the history does not list them)."""
        return set(self._ids.values())

    # -- writing -------------------------------------------------------------------------
    def unsaved(self, uid: str) -> bool:
        return uid in self._unsaved

    def save(self, uid: str, text: str, thread: Sequence[str] = (),
             media: Sequence[dict[str, Any]] | None = None) -> int | None:
        """Record the content as ``uid``'s draft (``media`` None: the images it has). Returns the draft's post id
        (None while there is nothing to keep).

        If the store cannot be written (a full disk, a locked database), the content is still kept here, shown
        again when the user comes back to the persona, and saved by the next call; the error is raised.
        """
        before = self.content(uid)
        content = Content.of((text, *thread), before.media if media is None else media)
        if before == content and (uid in self._ids or content.empty) and uid not in self._unsaved:
            return self._ids.get(uid)
        try:
            post_id = self._save(uid, content)
        except STORAGE_ERRORS:
            self._contents[uid] = content
            self._unsaved.add(uid)
            raise
        self._unsaved.discard(uid)
        return post_id

    def _save(self, uid: str, content: Content) -> int | None:
        post_id = self._ids.get(uid)
        if post_id is not None:
            try:
                # Words are kept exactly as typed (a trailing space mid-sentence); images taken off are deleted.
                self.services.workflows.edit(post_id, content.parts, list(content.media), strip=False)
                self._contents[uid] = content
                return post_id
            except (TransitionError, LookupError):
                log.info("draft %s left the draft state; starting a new one", post_id)
                self._ids.pop(uid, None)
        if content.empty:
            self._contents[uid] = EMPTY
            self._persist()
            return None
        post = self.services.outbox.create(uid, content.parts[0], thread=content.parts[1:], media=content.media)
        self._ids[uid] = post.id
        self._contents[uid] = content
        self._persist()
        return post.id

    def save_content(self, uid: str, content: Content) -> int | None:
        return self.save(uid, content.parts[0], content.parts[1:], content.media)

    def detach(self, uid: str, post_id: int) -> None:
        """``post_id`` left ``uid``'s compose box (it was posted): the next text starts a new draft."""
        if self._ids.get(uid) == post_id:
            del self._ids[uid]
            self._contents[uid] = EMPTY
            self._persist()

    def move(self, from_uid: str, to_uid: str) -> Content:
        """Move ``from_uid``'s draft to ``to_uid``. Returns ``to_uid``'s compose content afterwards.

        If ``to_uid`` already has a draft, the moved content goes first, then what was there:
        both are kept, in one draft.
        """
        moving = self.content(from_uid)
        if moving.empty:
            return self.content(to_uid)
        source_id = self._ids.get(from_uid)
        if source_id is not None and to_uid not in self._ids:
            self.services.outbox.move(source_id, to_uid)
            self._ids[to_uid] = self._ids.pop(from_uid)
            self._contents[to_uid] = moving
            self._contents[from_uid] = EMPTY
            self._persist()
            return moving
        merged = moving.followed_by(self.content(to_uid))
        self.save_content(to_uid, merged)
        self.save(from_uid, "", media=[])  # emptied; its images are the merged draft's now, so they are kept
        return merged
