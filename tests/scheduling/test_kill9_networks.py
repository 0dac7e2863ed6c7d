"""kill -9 of the daemon mid-send on Mastodon and Bluesky: the restarted daemon sends the post again by itself, and
it is posted once (Mastodon answers the repeated Idempotency-Key with the status it made, within the hour it keeps
it; Bluesky's record key is looked up first).

Real parts only: the daemon is a real process posting with real Mastodon.py / atproto over real HTTP to the
fakes, which make the post and then withhold the answer; the credentials are in a real gnome-keyring on a
private D-Bus session started for this test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakebluesky import FakeBluesky
from fakemastodon import FakeMastodon
from sched_daemon_helpers import (
    STORE_CREDS,
    kill_daemon_once_held,
    personamgr,
    post_state,
    stop,
    wait_for,
    wait_running,
)
from sched_helpers import make_persona

from personamgr.core.clock import SystemClock
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.scheduling import PostSchedule
from personamgr.core.services import open_services

pytestmark = [pytest.mark.e2e, pytest.mark.secret_service, pytest.mark.slow]


def mastodon_setup(fake: FakeMastodon, env: dict[str, str]):  # type: ignore[no-untyped-def]
    account = fake.add_account("career")
    persona = make_persona().with_changes(network="mastodon", server="https://fosstodon.example",
                                          handle="@career@fosstodon.example")
    creds = {"server": "https://fosstodon.example", "access_token": fake.add_token(account)}
    env["PERSONAMGR_MASTODON_URL"] = fake.base_url
    fake.fail_next("statuses", "hold")
    return persona, creds, lambda: [s.text for s in fake.timeline(account)], lambda: fake.post_count("statuses")


def bluesky_setup(fake: FakeBluesky, env: dict[str, str]):  # type: ignore[no-untyped-def]
    from personamgr.core.networks.bluesky import BlueskyNetwork
    from personamgr.core.networks.bluesky.auth import Login, sign_in

    account, password = fake.add_account("career.bsky.social")
    persona = make_persona().with_changes(network="bluesky", handle="@career.bsky.social")
    creds = sign_in(BlueskyNetwork(base_url=fake.base_url), None, Login("career.bsky.social", password))
    env["PERSONAMGR_BLUESKY_URL"] = fake.base_url
    fake.fail_next("create_record", "hold")
    return persona, creds, lambda: [p.text for p in fake.posts(account)], lambda: fake.post_count("create_record")


@pytest.mark.parametrize("network", ["mastodon", "bluesky"])
def test_kill_9_mid_send_then_send_again_posts_once(network: str, tmp_path: Path,
                                                    keyring_env: dict[str, str]) -> None:
    home = tmp_path / "home"
    fake = (FakeMastodon if network == "mastodon" else FakeBluesky)(hold_max_s=120)
    with fake:
        env = dict(keyring_env)
        persona, creds, texts, writes = (mastodon_setup if network == "mastodon" else bluesky_setup)(fake, env)
        svc = open_services(AppPaths.resolve(home), clock=SystemClock())
        persona = svc.store.add_persona(persona)
        text = "Five questions to ask at the end of every interview"
        post = PostSchedule(svc.store, svc.outbox, svc.clock).create(
            persona.uid, text, when=datetime.now(UTC) + timedelta(seconds=2)).post
        svc.close()
        stored = subprocess.run([sys.executable, "-c", STORE_CREDS, str(home), persona.uid, json.dumps(creds)], env=env,
                                capture_output=True, text=True, timeout=120, check=False)
        assert stored.returncode == 0, stored.stderr

        kill_daemon_once_held(home, env, fake)
        assert texts() == [text]  # it did go out, once

        second = personamgr(home, env, "daemon", "--no-guard", "--tick", "1")
        try:
            wait_running(home, second, nth=2)
            # Sending it again cannot post twice (Bluesky is asked first whether the record arrived; Mastodon, within
            # the hour it keeps the Idempotency-Key, answers with the status it made): the restarted daemon sends it
            # again by itself and records it sent.
            wait_for(lambda: post_state(home, post.id) is PostState.SENT, "the post sent again and recorded sent")
        finally:
            code, err = stop(second)
        assert code == 0, err
        assert texts() == [text]  # still exactly one post
        if network == "mastodon":
            assert writes() == 2  # the repeat reached the server, which answered with the status it had made
        else:
            assert writes() == 1  # the repeat found the record and wrote nothing
