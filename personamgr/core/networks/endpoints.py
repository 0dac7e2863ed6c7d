"""Where a network's traffic goes: its own servers, or the base URL an environment variable names.

``PERSONAMGR_X_API_URL``, ``PERSONAMGR_MASTODON_URL`` and ``PERSONAMGR_BLUESKY_URL``
send all of one network's traffic to another base URL (a test server, or a
gateway). A malformed value is never ignored: the network refuses to send and
says why, rather than silently posting somewhere the user did not mean.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from personamgr.core.i18n import translate


class BaseUrlError(ValueError):
    """An override variable is not a usable base URL."""


def env_base_url(variable: str, network: str, env: Mapping[str, str] | None = None) -> str | None:
    """The override in ``variable``, checked; None means the network's real servers."""
    raw = (os.environ if env is None else env).get(variable, "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise BaseUrlError(translate("Network", "{setting} is not a base URL such as http://127.0.0.1:8765. Fix or "
                                     "unset it; nothing was sent to {network}.").format(setting=f"{variable}={raw!r}",
                                                                                        network=network))
    return raw.rstrip("/")
