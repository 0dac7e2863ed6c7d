"""What the user reads while the real gnome-keyring's collection is locked (tests/locked_keyring.py).

A locked collection is the normal state of a keyring after the screen locks or before the first use of a
session: it unlocks on demand, when the desktop shows its password prompt. Where the prompt is
cancelled (or cannot show), keyring refuses with ``KeyringLocked``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon
from locked_keyring import available, locked_secret_service

from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SecretStore
from personamgr.core.services import open_services

pytestmark = [pytest.mark.secret_service, pytest.mark.e2e]


@pytest.fixture
def locked_env(missing_real_part: Callable[[str], None]) -> Iterator[dict[str, str]]:
    if not available():
        missing_real_part("dbus-daemon and gnome-keyring-daemon are needed for a locked Secret Service")
    with locked_secret_service() as env:
        yield env


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "personamgr", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_connect_with_a_locked_keyring_says_it_is_locked_and_what_to_do(locked_env: dict[str, str],
                                                                      tmp_path: Path) -> None:
    root = tmp_path / "profile"
    svc = open_services(AppPaths.resolve(root).ensure(), secrets=SecretStore())
    svc.store.add_persona(Persona(name="metal", topics=("guitars",), network="mastodon"))
    svc.close()
    with FakeMastodon() as m:
        token = m.add_token(m.add_account("metal"))
        env = {**locked_env, "PERSONAMGR_MASTODON_URL": m.base_url, "PERSONAMGR_HOME": str(root)}
        r = run(["connect", "--persona", "metal", "--tokens-stdin"], env,
                json.dumps({"server": "fosstodon.example", "access_token": token}))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    said = r.stderr.strip()
    # Connecting saves credentials; "could not read the credentials" told the user about a step they never took.
    assert "read the credentials" not in said
    assert "The keyring is locked, so personamgr could not save metal's credentials" in said
    assert "enter the keyring's password when your desktop asks" in said  # what to do
    assert "Connect again" in said
    assert token not in said
    svc = open_services(AppPaths.resolve(root), secrets=SecretStore())
    try:
        assert svc.store.persona("metal").handle is None  # nothing was linked
    finally:
        svc.close()
