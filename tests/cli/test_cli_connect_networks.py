"""``personamgr connect --tokens-stdin`` for Mastodon and Bluesky personas, as a real process.

The process finds the real Secret Service on its own (run inside dbus-run-session with gnome-keyring);
whatever the test's personas stored there is deleted afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fakebluesky import FakeBluesky
from fakemastodon import FakeMastodon
from net_helpers import secret_service_backend

from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SERVICE, SecretStore
from personamgr.core.services import open_services

pytestmark = [pytest.mark.e2e, pytest.mark.secret_service]


def run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "personamgr", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.fixture
def world(tmp_path: Path, missing_real_part) -> Iterator[tuple[dict[str, str], FakeMastodon, FakeBluesky, Path]]:
    if secret_service_backend() is None:
        missing_real_part("no Secret Service reachable: run inside dbus-run-session with gnome-keyring")
    root = tmp_path / "profile"
    svc = open_services(AppPaths.resolve(root).ensure(), secrets=SecretStore())
    uids = {svc.secrets.entry_name(p.uid) for p in (
        svc.store.add_persona(Persona(name="metal", topics=("guitars",), network="mastodon")),
        svc.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky")))}
    svc.close()
    with FakeMastodon() as m, FakeBluesky() as b:
        env = {**os.environ, "PERSONAMGR_MASTODON_URL": m.base_url, "PERSONAMGR_BLUESKY_URL": b.base_url,
               "PERSONAMGR_HOME": str(root)}
        yield env, m, b, root
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        for item in secretstorage.get_default_collection(bus).search_items({"service": SERVICE}):
            if item.get_attributes().get("username") in uids:
                item.delete()


def test_mastodon_tokens_then_a_post(world) -> None:
    env, m, _b, _root = world
    account = m.add_account("metal")
    token = m.add_token(account)
    r = run(["connect", "--persona", "metal", "--tokens-stdin"], env,
            json.dumps({"server": "fosstodon.example", "access_token": token}))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ("Connected metal to @metal@fosstodon.example on Mastodon. "
                                "Posts from metal now go to Mastodon.")
    assert token not in r.stdout + r.stderr
    r = run(["post", "--persona", "metal", "--anyway", "Riffs on a Sunday."], env)
    assert r.returncode == 0, r.stderr
    [status] = m.timeline(account)
    assert r.stdout.strip().endswith(f"/@metal/{status.id}")


def test_bluesky_app_password_then_a_post(world) -> None:
    env, _m, b, _root = world
    account, password = b.add_account("sky.bsky.social")
    r = run(["connect", "--persona", "sky", "--tokens-stdin"], env,
            json.dumps({"handle": "@sky.bsky.social", "app_password": password}))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "Connected sky to @sky.bsky.social on Bluesky. Posts from sky now go to Bluesky."
    assert password not in r.stdout + r.stderr
    r = run(["post", "--persona", "sky", "--anyway", "Jupiter is bright tonight."], env)
    assert r.returncode == 0, r.stderr
    assert [p.text for p in b.posts(account)] == ["Jupiter is bright tonight."]
    assert b.sessions_created(account) == 1  # the post reused the session made at connect


@pytest.mark.parametrize(("persona", "stdin", "message"), [
    ("sky", '{"handle": "sky.bsky.social", "app_password": "my real password"}', "not an app password"),
    ("sky", '{"handle": "sky", "app_password": "abcd-abcd-abcd-abcd"}', "is not a Bluesky handle"),
    ("metal", '{"server": "fosstodon.example"}', "lack access_token"),
])
def test_bad_token_json_is_a_clear_error(world, persona: str, stdin: str, message: str) -> None:
    env, *_ = world
    r = run(["connect", "--persona", persona, "--tokens-stdin"], env, stdin)
    assert r.returncode == 1 and message in r.stderr and "Traceback" not in r.stderr


def test_cross_posting_to_another_network_and_not_to_a_second_x(world) -> None:
    env, m, _b, root = world
    account = m.add_account("metal")
    r = run(["connect", "--persona", "metal", "--tokens-stdin"], env,
            json.dumps({"server": "fosstodon.example", "access_token": m.add_token(account)}))
    assert r.returncode == 0, r.stderr
    svc = open_services(AppPaths.resolve(root), secrets=SecretStore())
    svc.store.add_persona(Persona(name="riffs", topics=("guitars",)))  # the sandbox: X's stand-in
    svc.store.add_persona(Persona(name="axes", topics=("guitars",)))
    svc.close()
    text = "New strings on the old Ibanez tonight."
    r = run(["post", "--persona", "riffs", "--also", "axes", "--anyway", text], env)
    assert r.returncode == 2 and "automation rules forbid the same post" in r.stderr
    r = run(["post", "--persona", "riffs", "--also", "metal", "--anyway", text], env)
    assert r.returncode == 0, r.stderr
    assert [s.text for s in m.timeline(account)] == [text]
    assert r.stdout.count("Sent as") == 2


def test_bluesky_interactive_prompts(world) -> None:
    env, _m, b, _root = world
    _account, password = b.add_account("sky.bsky.social")
    r = run(["connect", "--persona", "sky"], env, f"sky.bsky.social\n{password}\n")
    assert r.returncode == 0, r.stderr
    assert "no OAuth sign-in yet" in r.stderr and "App password: " in r.stderr
    assert password not in r.stdout + r.stderr


def test_mastodon_interactive_sign_in_with_the_code(world) -> None:
    import urllib.request

    env, m, _b, _root = world
    m.browser_user = m.add_account("metal").id
    proc = subprocess.Popen([sys.executable, "-m", "personamgr", "connect", "--persona", "metal", "--no-browser"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdin is not None and proc.stderr is not None
    try:
        proc.stdin.write("fosstodon.example\n")
        proc.stdin.flush()
        url = ""
        while not url:
            line = proc.stderr.readline()
            assert line, "the sign-in address was never printed"
            if "/oauth/authorize?" in line:
                url = line.strip()
        with urllib.request.urlopen(url, timeout=10) as page:
            code = m.code_from_page(page.read().decode())
        out, err = proc.communicate(f"{code}\n", timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert out.strip() == ("Connected metal to @metal@fosstodon.example on Mastodon. "
                           "Posts from metal now go to Mastodon.")
    assert m.authorize_requests[-1]["force_login"] in ("True", "true", "1")


def test_a_mastodon_server_on_a_port(world) -> None:
    """QA #7: a self-hosted server with a port crashed connect ("This is a bug") after storing the token."""
    env, m, _b, _root = world
    env = {k: v for k, v in env.items() if k != "PERSONAMGR_MASTODON_URL"}  # the fake at its own address
    host = m.base_url.split("://", 1)[1]
    assert ":" in host  # 127.0.0.1:PORT
    account = m.add_account("garden_m")
    token = m.add_token(account)
    r = run(["connect", "--persona", "metal", "--tokens-stdin"], env,
            json.dumps({"server": m.base_url, "access_token": token}))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == (f"Connected metal to @garden_m@{host} on Mastodon. "
                                "Posts from metal now go to Mastodon.")
    r = run(["post", "--persona", "metal", "--anyway", "Leaf mould for the raised beds."], env)
    assert r.returncode == 0, r.stderr
    assert [s.text for s in m.timeline(account)] == ["Leaf mould for the raised beds."]


def test_a_mastodon_server_typed_with_http_is_sent_no_token(world) -> None:
    """A new user typed their server as an old bookmark has it, http://fosstodon.example: connect sent the access
    token there over plain http, readable by anyone on the way, and connected. Connecting again as
    fosstodon.example then said metal "was connected to another Mastodon account (http://fosstodon.example:101)":
    the same account. An account's token goes only over https (plain http only to this computer)."""
    env, m, _b, _root = world
    token = m.add_token(m.add_account("metal"))
    r = run(["connect", "--persona", "metal", "--tokens-stdin"], env,
            json.dumps({"server": "http://fosstodon.example", "access_token": token}))
    assert r.returncode == 1, r.stdout
    assert r.stderr == ("personamgr: error: metal was not connected: Server 'http://fosstodon.example' is not a "
                        "secure address: personamgr sends an account's token or password only over https (plain "
                        "http only to this computer). Use https://fosstodon.example.\n")
    assert m.requests == []  # the token went nowhere
    r = run(["connect", "--persona", "metal", "--tokens-stdin"], env,
            json.dumps({"server": "https://fosstodon.example", "access_token": token}))
    assert r.returncode == 0, r.stderr


CASHTAGS = "Riffs and rockets: $AAPL and $MSFT both sponsor the tour this year."


def test_two_cashtags_go_out_on_mastodon_and_bluesky_and_x_alone_refuses_them(world) -> None:
    """X's one-cashtag rule held every persona to it: "X allows at most one per post", with no "anyway", for a
    Mastodon or Bluesky post neither network refuses (fails on main: exit 1, "X will refuse this post")."""
    env, m, b, root = world
    toots = m.add_account("metal")
    r = run(["connect", "--persona", "metal", "--tokens-stdin"], env,
            json.dumps({"server": "fosstodon.example", "access_token": m.add_token(toots)}))
    assert r.returncode == 0, r.stderr
    skeets, password = b.add_account("sky.bsky.social")
    r = run(["connect", "--persona", "sky", "--tokens-stdin"], env,
            json.dumps({"handle": "sky.bsky.social", "app_password": password}))
    assert r.returncode == 0, r.stderr
    for persona in ("metal", "sky"):
        r = run(["post", "--persona", persona, "--anyway", CASHTAGS], env)
        assert r.returncode == 0, r.stderr
        assert "cashtag" not in r.stderr, r.stderr
    assert [s.text for s in m.timeline(toots)] == [CASHTAGS]
    assert [p.text for p in b.posts(skeets)] == [CASHTAGS]

    svc = open_services(AppPaths.resolve(root), secrets=SecretStore())
    try:
        svc.store.add_persona(Persona(name="ticker", topics=("stocks",), network="x"))
    finally:
        svc.close()
    r = run(["post", "--persona", "ticker", "--anyway", CASHTAGS], env)
    assert r.returncode == 1
    assert "It has 2 cashtags ($AAPL, $MSFT); X allows at most one per post." in r.stderr, r.stderr
    assert "(--anyway does not change that)" in r.stderr, r.stderr
