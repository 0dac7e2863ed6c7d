"""Sender identities for tests of the sending lease (core.lease)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from typing import Any

from net_helpers import Sending

from personamgr.core import lease
from personamgr.core.outbox import Post
from personamgr.core.posting import Poster


def dead_owner() -> str:
    """The lease token of a sender whose process has exited: what a kill -9 mid-send leaves on a post."""
    child = subprocess.Popen(["true"])
    child.wait()
    return lease.this_process().with_pid(child.pid, "1").token


def killed_mid_send(w: Any, endpoint: str, parts: tuple[str, ...], *, hold_at: int,
                    look: Callable[[], object] | None = None) -> Post:
    """Send ``parts`` on the world ``w`` (its services and fake server) from a sender whose process is gone: the
    fake makes part ``hold_at`` (1-based) at ``endpoint`` and never answers. The app then looks for abandoned posts
    (``look``; by default as every command and scheduler pass does). Returns the post after that."""
    services = w.services
    post = services.outbox.create(w.persona.uid, parts[0], thread=parts[1:])
    ghost = Poster(services.store, services.outbox, services.secrets, services.networks, services.clock,
                   owner=dead_owner(), heartbeat_s=3600)
    w.fake.fail_next(endpoint, "hold", skip=hold_at - 1)
    sender = Sending(ghost.send, post.id)
    sender.start()
    try:
        w.fake.wait_until_held(1, timeout=30, sender=sender)
        (look or services.outbox.recover_abandoned)()
        return services.outbox.get(post.id)
    finally:
        w.fake.release()
        sender.join(60)
