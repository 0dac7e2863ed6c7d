"""Tokens never reach a log file, even with DEBUG logging on.

tweepy, requests, urllib3 and oauthlib log headers and bodies at DEBUG, and
those carry tokens. The test runs the e2e operations (connect by PIN and by
tokens, text, thread, images, and every failure) with the root logger at DEBUG
through ``setup_logging(verbose=True)``, then reads every file in the log
folders, and the databases too, looking for any of the test's secrets.

"forced" goes further: it switches the HTTP libraries' loggers to DEBUG behind
``setup_logging``'s back, so the redacting filter alone must hold.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from image_files import png
from net_helpers import HELD_ANSWER_TIMEOUT, secret_service_backend

from personamgr.core.logs import NOISY, setup_logging
from personamgr.core.networks.x import auth
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona

pytestmark = pytest.mark.e2e


@pytest.fixture
def debug_logs(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    saved = (root.level, {n: logging.getLogger(n).level for n in NOISY})
    log_file = tmp_path / "logs" / "personamgr.log"
    setup_logging(log_file, verbose=True)
    assert root.level == logging.DEBUG
    yield log_file
    setup_logging(None)
    root.setLevel(saved[0])
    for name, level in saved[1].items():
        logging.getLogger(name).setLevel(level)


def exercise(world, tmp_path: Path) -> list[str]:
    """The e2e operations. Returns every secret they handled."""
    fake, svc, net = world.fake, world.services, world.network
    secrets = list(world.credentials.values())

    # Connect a second persona by the PIN flow (request token, authorize, access token, users/me).
    metal = svc.store.add_persona(Persona(name="metal", topics=("guitars",)))
    fake.browser_user = fake.add_user("metal_me").id
    flow = auth.start_pin_flow(auth.AppKeys(world.app.consumer_key, world.app.consumer_secret), net)
    secrets.append(flow.request_token_secret)
    page = requests.get(flow.authorize_url, timeout=10).text
    pin = re.search(r"<code id='pin'>(\d+)</code>", page)
    assert pin
    creds = auth.finish_pin_flow(flow, pin.group(1), net)
    secrets += list(creds.values())
    auth.connect_with_tokens(svc.store, svc.secrets, net, metal, creds)
    logging.getLogger("personamgr.test").debug("connected with %s", creds)  # even our own slip is masked

    # Posts: text, thread, images, and each failure.
    assert world.post("A plain post.").state is PostState.SENT
    assert world.post("1/2 thread", thread=("2/2 thread",)).state is PostState.SENT
    img = png(tmp_path / "a.png")
    assert world.post("Picture.", media=({"path": str(img), "alt_text": "grey"},)).state is PostState.SENT
    for kind in ("duplicate", "bad_request", "forbidden", "rate_limit", "server_error", "drop", "read_only"):
        fake.fail_next("tweets", kind)
        world.post(f"Failure {kind}.")
    net.timeout = HELD_ANSWER_TIMEOUT
    fake.fail_next("tweets", "hold")
    assert world.post("Held.").state is PostState.NEEDS_REVIEW
    fake.release()
    fake.refuse_connections()
    assert world.post("Offline.").state is PostState.SCHEDULED
    fake.accept_connections()
    fake.revoke(world.credentials["access_token"])
    assert world.post("Revoked.").state is PostState.FAILED
    return [s for s in secrets if s]


def scan(paths: list[Path], secrets: list[str]) -> list[str]:
    leaks = []
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    assert files, "no log files were written: the scan would prove nothing"
    for f in files:
        data = f.read_bytes()
        leaks += [f"{f.name}: {s[:4]}…" for s in secrets if s.encode() in data]
    return leaks


@pytest.mark.parametrize("mode", ["capped", "forced"])
def test_no_token_in_any_log_file_at_debug(mode: str, x_world, debug_logs: Path, tmp_path: Path) -> None:
    if mode == "forced":
        for name in NOISY:
            logging.getLogger(name).setLevel(logging.DEBUG)
    secrets = exercise(x_world, tmp_path)
    for h in logging.getLogger().handlers:
        h.flush()
    text = debug_logs.read_text()
    assert "DEBUG" in text and "sending post" in text  # the log really ran at DEBUG and saw the posts
    if mode == "forced":
        assert "tweepy" in text or "oauthlib" in text  # the HTTP libraries really logged
    profile = x_world.services.paths
    assert profile is not None
    assert scan([debug_logs.parent, profile.logs], secrets) == []
    assert scan([profile.data], secrets) == []  # secrets live in the keyring, not in the databases


def test_cli_verbose_logs_hold_no_tokens(fake, tmp_path: Path, missing_real_part) -> None:
    """The CLI with --verbose (root logger at DEBUG) writes the profile's log file: no token in it."""
    if secret_service_backend() is None:
        missing_real_part("no Secret Service reachable: run inside dbus-run-session with gnome-keyring")
    from personamgr.core.paths import AppPaths
    from personamgr.core.secrets import SecretStore
    from personamgr.core.services import open_services

    home = tmp_path / "home"
    svc = open_services(AppPaths.resolve(home).ensure(), secrets=SecretStore())
    persona = svc.store.add_persona(Persona(name="career", topics=("careers",)))
    secrets = svc.secrets  # named for this profile, as the CLI's will be
    svc.close()
    creds = fake.credentials(fake.add_app(), fake.add_user("career_me"))
    env = {**os.environ, "PERSONAMGR_X_API_URL": fake.base_url, "PERSONAMGR_HOME": str(home)}
    try:
        for args, stdin in ((["--verbose", "connect", "--persona", "career", "--tokens-stdin"], json.dumps(creds)),
                            (["--verbose", "post", "--persona", "career", "Posted from a script."], "")):
            r = subprocess.run([sys.executable, "-m", "personamgr", *args], input=stdin, capture_output=True,
                               text=True, env=env, timeout=120, check=False)
            assert r.returncode == 0, r.stderr
            assert not [s for s in creds.values() if s in r.stdout + r.stderr]
        log_dir = AppPaths.resolve(home).logs
        assert "sending post" in (log_dir / "personamgr.log").read_text()  # the log was written
        assert scan([log_dir], list(creds.values())) == []
    finally:
        secrets.delete_credentials(persona.uid)
