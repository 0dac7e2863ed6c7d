"""Shared by the network tests (X, Mastodon, Bluesky): whether the real Secret Service answers here."""

from __future__ import annotations

import uuid

from keyring.backend import KeyringBackend

from personamgr.core.secrets import KeyringStatus, classify


def secret_service_backend() -> KeyringBackend | None:
    """keyring's real SecretService backend if a Secret Service answers and stores, else None."""
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
        return None
