"""``personamgr connect`` for a Mastodon persona as a real process, against the fake server: a registration the
server forgot is made again (and said so), and ``--new-app`` asks for a new one."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon
from net_helpers import secret_service_backend

from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.secrets import SERVICE, SecretStore
from personamgr.core.services import Services, open_services

pytestmark = [pytest.mark.e2e, pytest.mark.secret_service]

SERVER = "https://fosstodon.example"


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with FakeMastodon(hold_max_s=20) as f:
        yield f


@pytest.fixture
def profile(tmp_path: Path, missing_real_part) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """A profile with the Mastodon persona "synth"; afterwards, what the commands stored in the keyring goes."""
    if secret_service_backend() is None:
        missing_real_part("no Secret Service reachable: run inside dbus-run-session with gnome-keyring")
    root = tmp_path / "profile"
    svc = open_services(AppPaths.resolve(root).ensure(), secrets=SecretStore())
    synth = svc.store.add_persona(Persona(name="synth", topics=("synths",), network="mastodon", server=SERVER,
                                          visibility="unlisted"))
    ours = {svc.secrets.entry_name(synth.uid), f"app:mastodon-app:{SERVER}"}
    svc.close()
    yield root
    import secretstorage

    with closing(secretstorage.dbus_init()) as bus:
        for item in secretstorage.get_default_collection(bus).search_items({"service": SERVICE}):
            if item.get_attributes().get("username") in ours:
                item.delete()


def opened(fake: FakeMastodon, profile: Path) -> Services:
    """The profile as the commands see it, its Mastodon traffic going to the fake."""
    paths = AppPaths.resolve(profile)
    return open_services(paths, secrets=SecretStore(), networks={
        "sandbox": SandboxNetwork(paths.sandbox_database), "mastodon": MastodonNetwork(base_url=fake.base_url)})


def connect(fake: FakeMastodon, profile: Path, *extra: str) -> tuple[int, str, str]:
    """``connect --persona synth``: the user opens the address it prints and pastes the code the page shows."""
    env = {**os.environ, "PERSONAMGR_MASTODON_URL": fake.base_url, "PERSONAMGR_HOME": str(profile)}
    proc = subprocess.Popen([sys.executable, "-m", "personamgr", "connect", "--persona", "synth", "--no-browser",
                             *extra], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stderr is not None
    said: list[str] = []
    try:
        for line in proc.stderr:  # up to the address it asks the user to open
            said.append(line)
            if line.strip().startswith(("http://", "https://")):
                with urllib.request.urlopen(line.strip(), timeout=10) as page:
                    proc.stdin.write(fake.code_from_page(page.read().decode()) + "\n")
                proc.stdin.flush()
                break
        out, rest = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:  # the test failed before the command could end: it waits for a code no more
            proc.kill()
            proc.communicate()
    return proc.returncode, out, "".join(said) + rest


def test_a_registration_the_server_forgot_is_made_again_from_the_command_line(fake, profile) -> None:
    fake.browser_user = fake.add_account("synth").id
    code, out, err = connect(fake, profile)
    assert code == 0, err
    svc = opened(fake, profile)
    try:
        [synth] = [p for p in svc.store.personas() if p.name == "synth"]
        later = svc.outbox.create(synth.uid, "Patch notes.", state=PostState.SCHEDULED,
                                  scheduled_at=svc.clock.now().replace(year=2099))
    finally:
        svc.close()
    fake.forget_app()
    code, out, err = connect(fake, profile)
    assert code == 0, err
    assert ("fosstodon.example no longer knew personamgr's registration (its admins may have removed it, which also "
            "ends every sign-in made through it), so personamgr registered itself there again.") in " ".join(
        err.split())
    assert out.strip() == ("Connected synth to @synth@fosstodon.example on Mastodon. Posts from synth now go to "
                           "Mastodon.")
    assert fake.post_count("apps") == 2
    svc = opened(fake, profile)
    try:
        kept = svc.store.persona(synth.uid)
        assert (kept.visibility, svc.outbox.get(later.id).state) == ("unlisted", PostState.SCHEDULED)
        assert svc.poster.send(later.id).state is PostState.SENT
    finally:
        svc.close()


def test_new_app_registers_on_the_mastodon_server_again(fake, profile) -> None:
    fake.browser_user = fake.add_account("synth").id
    assert connect(fake, profile)[0] == 0
    code, _, err = connect(fake, profile, "--new-app")
    assert code == 0, err
    assert fake.post_count("apps") == 2 and "no longer knew" not in err
