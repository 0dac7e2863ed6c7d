"""A scripted network for the posting tests, and a one-line way to send a post through it.

The ``net`` fixture that installs it lives in tests/core/conftest.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from personamgr.core.clock import FakeClock
from personamgr.core.networks.base import Account, NetworkError, OutgoingPost, Published
from personamgr.core.networks.links import PostLink, link_parts
from personamgr.core.services import Services


@dataclass
class ScriptedNetwork:
    """A real ``Network`` whose answers are scripted: each publish pops the next one (an error or "ok")."""

    clock: FakeClock
    answers: list[NetworkError | Exception | str] = field(default_factory=list)
    needs_credentials: bool = False
    name: str = "scripted"
    display_name: str = "Scripted test network"
    calls: list[tuple[Account, OutgoingPost]] = field(default_factory=list)

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        self.calls.append((account, post))
        answer = self.answers.pop(0) if self.answers else "ok"
        if isinstance(answer, BaseException):
            raise answer
        ids = (*post.already_sent, *(f"r{len(post.already_sent) + i}" for i in range(len(post.parts)
                                                                                   - len(post.already_sent))))
        return Published(remote_id=ids[0], url=f"https://example.invalid/{ids[0]}", at=self.clock.now(),
                         part_ids=tuple(ids))

    def post_url(self, account: Account, remote_id: str) -> str | None:
        return f"https://example.invalid/{remote_id}"

    def read_link(self, link: str) -> PostLink | None:
        """https://example.invalid/ID, as post_url writes it (the account is not in it)."""
        parts = link_parts(link)
        if parts is None or parts.host != "example.invalid" or len(parts.path) != 1:
            return None
        return PostLink(self.name, parts.host, None, parts.path[0])


def send(services: Services, text: str = "hello", thread: tuple[str, ...] = ()) -> int:
    """Queue a post for the "career" persona (added by the ``net`` fixture) and send it now."""
    post = services.outbox.create(services.store.persona("career").uid, text, thread=thread)
    return services.poster.send(post.id).id
