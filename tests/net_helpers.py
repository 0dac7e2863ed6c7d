"""Shared by the network tests (X, Mastodon, Bluesky): whether the real Secret Service answers here, and what a
post that waits by itself must say."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

from keyring.backend import KeyringBackend

from personamgr.core.outbox import Post, PostState
from personamgr.core.secrets import KeyringStatus, classify, closing_when_refused

# (connect, read) seconds for a test whose fake server holds an answer back: the client gives up on it after the read
# timeout. Every answer the fake does give in that test shares the timeout, so it must cover them with room to spare
# on a machine many times slower than this one.
HELD_ANSWER_TIMEOUT = (5.0, 2.0)


def secret_service_backend() -> KeyringBackend | None:
    """keyring's real SecretService backend if a Secret Service answers and stores, else None. Asked twice, as
    the app asks (``SecretStore._call``): a keyring that stopped during the probe is started again by the bus."""
    for _attempt in range(2):
        try:
            from keyring.backends import SecretService

            backend = closing_when_refused(SecretService.Keyring())  # a refused call leaves no socket open
            if backend.priority <= 0 or classify(backend).status is not KeyringStatus.SECURE:  # type: ignore[operator]
                return None
            probe = f"personamgr-probe-{uuid.uuid4().hex}"
            backend.set_password(probe, "probe", "x")
            backend.delete_password(probe, "probe")
            return backend
        except Exception:
            continue
    return None


def assert_waits_by_itself(post: Post) -> None:
    """A post that waits for a rate limit, the network, the keyring or X's pacing is scheduled with a next try
    and goes out by itself; its reason must not call it held. Held is the state that waits for the user, with
    its own badge and actions, and a scheduled post whose reason said "the post is held" told two stories."""
    assert post.state is PostState.SCHEDULED and post.next_attempt_at is not None
    assert "held" not in (post.error or "").lower(), post.error


class Sending(threading.Thread):
    """``send(post_id)`` on a thread of its own, keeping what it returned or raised: a test waiting for the fake
    server to hold the request stops as soon as it ends without it, and says how it ended (fakex ``Sender``)."""

    def __init__(self, send: Callable[[int], Post], post_id: int) -> None:
        super().__init__(name=f"sending post {post_id}", daemon=True)  # a hung send does not hang the run's exit
        self._send, self._post_id = send, post_id
        self.result: Post | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._send(self._post_id)
        except BaseException as e:
            self.error = e
            raise  # reported by pytest as an error in the thread, too

    def describe(self) -> str:
        if self.is_alive():
            return f"still sending post {self._post_id}."
        if self.error is not None:
            return f"raised {self.error!r}."
        post = self.result
        if post is None:
            return f"ended without a result for post {self._post_id}."
        return f"returned post {post.id} is {post.state.value}: {(post.error or 'no error').rstrip('.')}."
