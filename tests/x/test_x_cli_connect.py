"""``personamgr connect`` as a real process, talking to the fake X through PERSONAMGR_X_API_URL.

These use the keyring the process finds on its own, so they need the real
Secret Service (run inside dbus-run-session with gnome-keyring); without it only
the "no keyring" test runs. Whatever a test stores under the app's keyring
service is deleted afterwards.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
import requests
from net_helpers import secret_service_backend

from personamgr.core.networks.x.auth import APP_SECRET_NAME
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SERVICE, SecretStore
from personamgr.core.services import open_services

pytestmark = pytest.mark.e2e


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "personamgr", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    root = tmp_path / "profile"
    svc = open_services(AppPaths.resolve(root).ensure(), secrets=SecretStore())
    svc.store.add_persona(Persona(name="career", topics=("careers",)))
    svc.store.add_persona(Persona(name="metal", topics=("guitars",)))
    svc.close()
    return root


@pytest.fixture
def real_keyring(missing_real_part, profile: Path) -> Iterator[SecretStore]:
    """The keyring the CLI process will find; afterwards, remove what the test's personas (and app) left."""
    if secret_service_backend() is None:
        missing_real_part("no Secret Service reachable: run inside dbus-run-session with gnome-keyring")
    store = SecretStore()
    had_app = store.get_app_secret(APP_SECRET_NAME) is not None
    svc = open_services(AppPaths.resolve(profile), secrets=store)
    ours = {svc.secrets.entry_name(p.uid) for p in svc.store.personas()} | (
        set() if had_app else {f"app:{APP_SECRET_NAME}"})
    svc.close()
    yield store
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        for item in secretstorage.get_default_collection(bus).search_items({"service": SERVICE}):
            if item.get_attributes().get("username") in ours:
                item.delete()


@pytest.fixture
def env(fake, profile: Path) -> dict[str, str]:
    return {**os.environ, "PERSONAMGR_X_API_URL": fake.base_url, "PERSONAMGR_HOME": str(profile)}


@pytest.mark.secret_service
def test_tokens_stdin_connects_then_posts(fake, env, real_keyring) -> None:
    app, user = fake.add_app(), fake.add_user("career_me")
    creds = fake.credentials(app, user)
    r = run(["connect", "--persona", "career", "--tokens-stdin"], env, json.dumps(creds))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == (f"Connected career to @career_me on X (user {user.id}). "
                                "Posts from career now go to X.")
    for secret in creds.values():
        assert secret not in r.stdout + r.stderr
    r = run(["post", "--persona", "career", "Hiring managers read the first six lines."], env)
    assert r.returncode == 0, r.stderr
    assert [t.text for t in fake.timeline(user)] == ["Hiring managers read the first six lines."]


@pytest.mark.secret_service
def test_a_post_that_may_have_gone_out_is_not_called_not_sent(fake, env, real_keyring) -> None:
    """X took the post and the answer never came: the CLI said "not sent (Needs review): … it may or may not have
    gone out", two claims at odds. It says what is known and the two ways out."""
    app, user = fake.add_app(), fake.add_user("career_me")
    r = run(["connect", "--persona", "career", "--tokens-stdin"], env, json.dumps(fake.credentials(app, user)))
    assert r.returncode == 0, r.stderr
    fake.fail_next("tweets", "drop")  # the tweet is made, then the connection closes without an answer
    r = run(["post", "--persona", "career", "Hiring managers read the first six lines."], env)
    assert r.returncode == 1
    assert "not sent" not in r.stderr
    assert r.stderr.startswith("personamgr: error: #")
    assert "may already be out (Needs review): The connection to X broke after the post was sent" in r.stderr
    post_id = re.search(r"#(\d+)", r.stderr).group(1)  # type: ignore[union-attr]
    assert (f"If it is there: personamgr posts mark-sent {post_id}. If it is not: personamgr posts retry {post_id} "
            "--yes") in r.stderr
    assert [t.text for t in fake.timeline(user)] == ["Hiring managers read the first six lines."]


@pytest.mark.secret_service
def test_bad_tokens_json_is_a_clear_error(env, real_keyring) -> None:
    r = run(["connect", "--persona", "career", "--tokens-stdin"], env, '{"consumer_key": "a"}')
    assert r.returncode == 1
    assert "career was not connected: The tokens lack consumer_secret, access_token, access_token_secret" in r.stderr


@pytest.mark.secret_service
def test_pin_flow_asks_for_app_keys_once(fake, env, real_keyring, profile) -> None:
    app = fake.add_app()
    fake.browser_user = fake.add_user("career_me").id

    def pin_flow(persona: str, first_lines: str) -> subprocess.CompletedProcess[str]:
        proc = subprocess.Popen([sys.executable, "-m", "personamgr", "connect", "--persona", persona,
                                 "--no-browser"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)
        assert proc.stdin and proc.stderr and proc.stdout
        proc.stdin.write(first_lines)
        proc.stdin.flush()
        seen = []
        for line in proc.stderr:
            seen.append(line)
            if "/oauth/authorize?" in line:
                break
        url = next((ln.strip() for ln in seen if "/oauth/authorize?" in ln), None)
        assert url, "".join(seen)
        page = requests.get(url, timeout=10).text
        pin = re.search(r"<code id='pin'>(\d+)</code>", page)
        assert pin, page
        out, err = proc.communicate(pin.group(1) + "\n", timeout=120)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, "".join(seen) + err)

    r = pin_flow("career", f"{app.consumer_key}\n{app.consumer_secret}\n")
    assert r.returncode == 0, r.stderr
    assert "Connected career to @career_me" in r.stdout
    assert "log out of X in the browser" in r.stderr
    assert "Read and write" in r.stderr
    assert "Make one at developer.x.com" in r.stderr and "http://127.0.0.1/" in r.stderr
    assert app.consumer_secret not in r.stderr + r.stdout

    # The second time the app keys come from the keyring: no prompt for them.
    fake.browser_user = fake.add_user("metal_me").id
    r = pin_flow("metal", "")
    assert r.returncode == 0, r.stderr
    assert "API key" not in r.stderr
    assert "Connected metal to @metal_me" in r.stdout


def test_without_a_keyring_connect_refuses_clearly(env) -> None:
    no_dbus = {k: v for k, v in env.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    r = run(["connect", "--persona", "career", "--tokens-stdin"], no_dbus, "{}")
    assert r.returncode == 1
    # Either no keyring at all, or only a plaintext one (keyrings.alt): both are refused, with the way out.
    assert "Install and unlock a Secret Service" in r.stderr
    assert "was not connected" not in r.stderr  # refused before anything was asked or sent


@pytest.mark.secret_service
def test_a_thread_with_images_reaches_x_as_uploads_alt_text_and_a_reply_chain(fake, env, real_keyring,
                                                                               tmp_path: Path) -> None:
    """``personamgr post --thread FILE --image PATH --alt TEXT`` through real tweepy to the fake X."""
    from image_files import png

    app, user = fake.add_app(), fake.add_user("career_me")
    assert run(["connect", "--persona", "career", "--tokens-stdin"], env,
               json.dumps(fake.credentials(app, user))).returncode == 0
    thread = tmp_path / "thread.txt"
    thread.write_text("1/3 How to read a job ad.\n---\n2/3 Skip the adjectives.\n---\n3/3 Count the verbs.\n",
                      encoding="utf-8")
    chart, office = png(tmp_path / "chart.png"), png(tmp_path / "office.png", grey=0x20)
    r = run(["post", "--persona", "career", "--anyway", "--thread", str(thread), "--image", str(chart), "--alt",
             "Job ads by number of verbs", "--image", str(office), "--alt", "An open-plan office"], env)
    assert r.returncode == 0, r.stderr
    tweets = fake.timeline(user)
    assert [t.text for t in tweets] == ["1/3 How to read a job ad.", "2/3 Skip the adjectives.", "3/3 Count the verbs."]
    assert [t.reply_to for t in tweets] == [None, tweets[0].id, tweets[1].id]  # one reply chain
    media = fake.media
    assert [media[m].alt_text for m in tweets[0].media_ids] == ["Job ads by number of verbs", "An open-plan office"]
    assert [media[m].size for m in tweets[0].media_ids] == [chart.stat().st_size, office.stat().st_size]
    assert tweets[1].media_ids == () and tweets[2].media_ids == ()
    assert fake.post_count("media_upload") == 2 and fake.post_count("media_metadata") == 2
    assert f"https://x.com/career_me/status/{tweets[0].id}" in r.stdout
    shown = run(["posts", "show", "1"], env)
    assert shown.returncode == 0, shown.stderr
    for i, t in enumerate(tweets, 1):
        assert f"Part {i} of 3 · https://x.com/career_me/status/{t.id}" in shown.stdout


@pytest.mark.secret_service
@pytest.mark.parametrize("network", ["x", "bluesky"])
def test_the_demo_links_no_real_account(fake, env, real_keyring, network: str) -> None:
    """A new user liked the demo and ran ``personamgr --demo connect --persona career`` with their X keys: it
    connected, and the demo's career became their real X account, posting for real from the sample profile,
    apart from their own. The demo keeps no account: it says where their own profile is, and sends nothing."""
    app, user = fake.add_app(), fake.add_user("career_me")
    creds = (json.dumps(fake.credentials(app, user)) if network == "x"
             else json.dumps({"handle": "career.bsky.social", "app_password": "abcd-1234-efgh-5678"}))
    r = run(["--demo", "connect", "--persona", "career", "--network", network, "--tokens-stdin"], env, creds)
    assert r.returncode == 1, r.stdout
    assert r.stderr.startswith("personamgr: error: career is a demo persona, and the demo connects no account")
    assert "or personamgr without --demo" in r.stderr and "Persona ▸ Connect account…" in r.stderr
    assert fake.requests == []  # nothing reached X
    listed = run(["--demo", "personas", "list"], env)
    assert listed.returncode == 0, listed.stderr
    assert re.search(r"^career +@career_me +sandbox ", listed.stdout, re.M), listed.stdout
