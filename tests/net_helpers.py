"""Shared by the network tests (X, Mastodon, Bluesky): whether the real Secret Service answers here, and what a
post that waits by itself must say."""

from __future__ import annotations

import uuid

from keyring.backend import KeyringBackend

from personamgr.core.outbox import Post, PostState
from personamgr.core.secrets import KeyringStatus, classify


def secret_service_backend() -> KeyringBackend | None:
    """keyring's real SecretService backend if a Secret Service answers and stores, else None. Asked twice, as
    the app asks (``SecretStore._call``): a keyring that stopped during the probe is started again by the bus."""
    for _attempt in range(2):
        try:
            from keyring.backends import SecretService

            backend = SecretService.Keyring()
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
