"""Opening the window while the background sender is in the middle of sending a post.

The window asks a ``daemon --yield-to-window`` to hand over; the daemon lets the post in flight finish first, so
it may still hold the profile when the window stops waiting. The window then said "personamgr daemon is running
for this profile and has no window. Stop it (it stops cleanly on SIGTERM) to open the app on this profile.",
words written for a daemon that does not yield, while this one had already agreed to stop. Real parts: the
daemon is a real process posting with Mastodon.py to the fake server, which makes the status and withholds the
answer; the credentials are in a real gnome-keyring.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon
from sched_daemon_helpers import (
    STORE_CREDS,
    TIMEOUT,
    Process,
    log_text,
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
from personamgr.gui import app_instance

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = [pytest.mark.e2e, pytest.mark.secret_service, pytest.mark.slow, pytest.mark.gui]


def test_the_window_tells_the_truth_while_the_background_sender_finishes_a_post(
        tmp_path: Path, keyring_env: dict[str, str], qapp: object, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    with FakeMastodon(hold_max_s=120) as fake:
        account = fake.add_account("career")
        env = dict(keyring_env, PERSONAMGR_MASTODON_URL=fake.base_url)
        persona = make_persona().with_changes(network="mastodon", server="https://fosstodon.example",
                                              handle="@career@fosstodon.example")
        svc = open_services(AppPaths.resolve(home), clock=SystemClock())
        persona = svc.store.add_persona(persona)
        text = "Five questions to ask at the end of every interview"
        post = PostSchedule(svc.store, svc.outbox, svc.clock).create(
            persona.uid, text, when=datetime.now(UTC) + timedelta(seconds=2)).post
        svc.close()
        creds = {"server": "https://fosstodon.example", "access_token": fake.add_token(account)}
        stored = subprocess.run([sys.executable, "-c", STORE_CREDS, str(home), persona.uid, json.dumps(creds)],
                                env=env, capture_output=True, text=True, timeout=120, check=False)
        assert stored.returncode == 0, stored.stderr
        fake.fail_next("statuses", "hold")

        daemon = personamgr(home, env, "daemon", "--no-guard", "--tick", "1", "--yield-to-window")
        try:
            wait_running(home, daemon)
            fake.wait_until_held(1, timeout=TIMEOUT, sender=Process(daemon, home))
            assert post_state(home, post.id) is PostState.SENDING
            monkeypatch.setattr(app_instance, "HANDOVER_WAIT_S", 1.0)  # the post takes longer than the window waits
            capsys.readouterr()
            code = app_instance.claim_or_forward(AppPaths.resolve(home), argparse.Namespace(compose=False))
            said = capsys.readouterr().err
            assert code == 1
            assert "Stop it" not in said and "SIGTERM" not in said
            assert "The background sender is finishing a post it is sending" in said
            assert "it stops once that is done. Open personamgr again in a moment." in said
            assert daemon.poll() is None  # still finishing the post
            fake.release()
            wait_for(lambda: daemon.poll() is not None, "the background sender to stop after the post")
            assert daemon.returncode == 0
            # The fake answers the withheld request with a 503: the post waits for its retry (the status carries an
            # Idempotency-Key), and nothing is left "sending" for the window to find.
            assert post_state(home, post.id) is PostState.SCHEDULED, log_text(home)
            primary = app_instance.claim_or_forward(AppPaths.resolve(home), argparse.Namespace(compose=False))
            assert not isinstance(primary, int)  # now the window takes the profile
            primary.close()
        finally:
            code_, err = stop(daemon)
        assert code_ == 0, err
        assert [s.text for s in fake.timeline(account)] == [text]  # it went out once
