"""kill -9 of the daemon while a post is in flight: after a restart it is needs-review, and X saw one POST.

Real parts only: the daemon is a real process posting with real tweepy over real HTTP to the fake X API,
which creates the post and then holds the response; the credentials are in a real gnome-keyring on a
private D-Bus session started for this test.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakex import FakeX, User
from sched_daemon_helpers import (
    STORE_CREDS,
    TIMEOUT,
    Process,
    kill_daemon_once_held,
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

pytestmark = [pytest.mark.e2e, pytest.mark.secret_service, pytest.mark.slow]


def x_profile(home: Path, keyring_env: dict[str, str], fake: FakeX, parts: tuple[str, ...] = ()
              ) -> tuple[dict[str, str], User, str, int | None]:
    """A profile with the career persona on the fake X, its credentials in the real keyring (stored by another
    process, as the app would), and ``parts`` (a post, or a thread) scheduled two seconds from now.
    Returns the environment to run personamgr in, the X user, the persona's uid and the post's id (None without
    parts)."""
    env = dict(keyring_env, PERSONAMGR_X_API_URL=fake.base_url)
    user = fake.add_user("career_me")
    creds = fake.credentials(fake.add_app(), user)
    svc = open_services(AppPaths.resolve(home), clock=SystemClock())
    persona = svc.store.add_persona(make_persona().with_changes(network="x"))
    post_id = None
    if parts:
        post_id = PostSchedule(svc.store, svc.outbox, svc.clock).create(
            persona.uid, parts[0], thread=parts[1:], when=datetime.now(UTC) + timedelta(seconds=2)).post.id
    svc.close()
    stored = subprocess.run([sys.executable, "-c", STORE_CREDS, str(home), persona.uid, json.dumps(creds)], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert stored.returncode == 0, stored.stderr
    return env, user, persona.uid, post_id


def test_kill_9_in_flight_then_restart_needs_review_and_one_post(tmp_path: Path, keyring_env: dict[str, str]) -> None:
    home = tmp_path / "home"
    with FakeX(hold_max_s=120) as fake:
        env, user, persona_uid, post_id = x_profile(home, keyring_env, fake,
                                                    ("Five questions to ask at the end of every interview",))

        fake.fail_next("tweets", "hold")  # X creates the post, then never answers
        first = kill_daemon_once_held(home, env, fake)
        assert first.returncode == -signal.SIGKILL
        assert fake.post_count("tweets") == 1
        assert len(fake.timeline(user)) == 1  # it did go out

        svc = open_services(AppPaths.resolve(home), clock=SystemClock())
        nxt = PostSchedule(svc.store, svc.outbox, svc.clock).create(
            persona_uid, "Hiring managers read the first six lines of a resume",
            when=datetime.now(UTC) + timedelta(seconds=2)).post.id
        svc.close()
        second = personamgr(home, env, "daemon", "--no-guard", "--tick", "1")
        try:
            wait_running(home, second, nth=2)
            svc = open_services(AppPaths.resolve(home), clock=SystemClock())
            try:
                after = svc.outbox.get(post_id)
            finally:
                svc.close()
            assert after.state is PostState.NEEDS_REVIEW
            assert "may or may not have gone out" in (after.error or "")
            # the state is committed before the line is logged: wait for the line, do not race it
            wait_for(lambda: f"[interrupted] post {post_id}" in log_text(home), "the log to say so", timeout=30)
            # The restarted scheduler is live (it sends the next post) and still leaves the first alone.
            wait_for(lambda: post_state(home, nxt) is PostState.SENT, "the restarted daemon to send the next post")
            assert post_state(home, post_id) is PostState.NEEDS_REVIEW
        finally:
            code, err = stop(second)
        fake.release()
        assert code == 0, err
        assert fake.post_count("tweets") == 2  # the held one once, and the next one
        texts = sorted(tw.text for tw in fake.timeline(user))
        assert texts == ["Five questions to ask at the end of every interview",
                         "Hiring managers read the first six lines of a resume"]


def test_a_killed_cli_post_is_recovered_by_the_running_daemon_without_a_restart(
        tmp_path: Path, keyring_env: dict[str, str]) -> None:
    """The reported stuck post: `post` killed mid-send while a daemon ran stayed in sending until the daemon
    restarted, missing from `queue list`, and `queue remove` said it was being sent right now."""
    home = tmp_path / "home"
    with FakeX(hold_max_s=120) as fake:
        env, _, persona_uid, _ = x_profile(home, keyring_env, fake)

        daemon = personamgr(home, env, "daemon", "--no-guard", "--tick", "0.5")
        try:
            wait_running(home, daemon)
            fake.fail_next("tweets", "hold")  # X creates the post, then never answers
            post = personamgr(home, env, "post", "--persona", "career", "--anyway", "Hiring managers read six lines")
            try:
                fake.wait_until_held(1, timeout=TIMEOUT, sender=Process(post, home))
                os.kill(post.pid, signal.SIGKILL)
                post.communicate(timeout=TIMEOUT)
            finally:
                stop(post)
            svc = open_services(AppPaths.resolve(home), clock=SystemClock())
            try:
                (stuck,) = svc.outbox.history(persona_uid)
            finally:
                svc.close()
            wait_for(lambda: post_state(home, stuck.id) is PostState.NEEDS_REVIEW,
                     "the running daemon to notice the killed sender", timeout=30)
            wait_for(lambda: f"[interrupted] post {stuck.id}" in log_text(home), "the log to say so", timeout=30)
            listed = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(home), "queue", "list"],
                                    env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
            assert f"#{stuck.id}" in listed.stdout and "Needs review: The app stopped while this post was being " \
                "sent." in listed.stdout, listed.stdout + listed.stderr
            assert f"pid {post.pid}" in log_text(home)  # for whoever reads the log, not in the user's words
            assert daemon.poll() is None  # the same daemon, never restarted
        finally:
            code, err = stop(daemon)
        fake.release()
        assert code == 0, err
        assert fake.post_count("tweets") == 1  # never sent again


def test_kill_9_mid_thread_keeps_the_parts_out_and_send_again_starts_after_them(
        tmp_path: Path, keyring_env: dict[str, str]) -> None:
    """Killed while part 2 of 3 was in flight: part 1 had been confirmed, so the record knows it is out, the
    review says part 2 is the one in doubt, and "send again" never posts part 1 a second time."""
    home = tmp_path / "home"
    parts = ("1/3 How to read a job ad.", "2/3 Skip the adjectives.", "3/3 Count the verbs.")
    with FakeX(hold_max_s=120) as fake:
        env, user, _, post_id = x_profile(home, keyring_env, fake, parts)

        fake.fail_next("tweets", "hold", skip=1, create=False)  # part 1 answered; part 2 reaches X, no answer
        kill_daemon_once_held(home, env, fake)
        fake.release()
        [first] = fake.timeline(user)

        shown = personamgr(home, env, "posts", "show", str(post_id), "--json")  # any command notices the dead sender
        out, err = shown.communicate(timeout=TIMEOUT)
        row = json.loads(out or "{}")
        link = f"https://x.com/career_me/status/{first.id}"
        assert (row.get("state"), row.get("links")) == ("needs_review", [link]), out + err
        assert "Parts" not in row["error"] and "Part 1 of 3 went out; part 2 may or may not have." in row["error"]

        again = personamgr(home, env, "posts", "retry", str(post_id), "--yes", "--anyway")
        out, err = again.communicate(timeout=TIMEOUT)
        assert again.returncode == 0, out + err
        assert post_state(home, post_id) is PostState.SENT
        tweets = {t.text: t for t in fake.timeline(user)}
        assert sorted(tweets) == sorted(parts)  # part 1 once: it was never sent again
        assert tweets[parts[1]].reply_to == first.id and tweets[parts[2]].reply_to == tweets[parts[1]].id
