"""A post X took, whose record the profile then refused (moved away, a full disk).

It said "Could not post: …" (or "Could not send the post"), as if nothing went out, and a second try posted it
twice. The user is now told it went out, with its link, and why it is not recorded; the record is made once the
disk takes it; and a start (at the profile's new place, or after the fault) never sends it again by itself.
Real tweepy against the fake X, real keyring, a real tmpfs for the full disk. (A read-only remount cannot be made
while the database is open for writing: the kernel refuses it, "mount point is busy". It is the same path: a write
refused, said in the fault's words.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakex import FakeX, User
from lease_helpers import dead_owner
from unrecorded_helpers import after_a_start, fault_as_it_goes_out, move_profile

from personamgr.core.clock import FakeClock
from personamgr.core.networks.x import XNetwork
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.posting import Poster
from personamgr.core.scheduling import ScheduleEngine
from personamgr.core.secrets import SecretStore
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.core.services import Services, open_services

pytestmark = pytest.mark.e2e

TEXT = "Five questions to ask at the end of every interview"


@dataclass
class Profile:
    root: Path
    services: Services
    user: User
    persona: Persona


def x_services(root: Path, fake: FakeX, secrets: SecretStore, clock: FakeClock) -> Services:
    network = XNetwork(clock, base_url=fake.base_url, timeout=(5.0, 20.0))
    return open_services(AppPaths.resolve(root).ensure(), secrets=secrets, clock=clock, networks={"x": network})


@pytest.fixture
def profile(small_fs, fake: FakeX, x_secrets: SecretStore, clock: FakeClock) -> Iterator[Profile]:  # type: ignore[no-untyped-def]
    root = small_fs.root / "profile"
    services = x_services(root, fake, x_secrets, clock)
    user = fake.add_user("career_me")
    persona = services.store.add_persona(Persona(name="career", handle="@career_me", network="x",
                                                 topics=("careers",)))
    x_secrets.set_credentials(persona.uid, fake.credentials(fake.add_app(), user))
    services.store.set_connection_state(persona.uid, "ok", user.id)
    yield Profile(root, services, user, persona)
    services.close()


FAULTS = ("moved", "full")


def fault_of(how: str, profile: Profile, small_fs):  # type: ignore[no-untyped-def]
    return {"moved": move_profile(profile.root, small_fs.root / "elsewhere"), "full": small_fs.fill}[how]


@pytest.mark.parametrize("how", FAULTS)
def test_a_post_out_whose_record_is_refused_says_it_went_out_and_a_start_does_not_send_it_again(
        profile: Profile, fake: FakeX, x_secrets: SecretStore, clock: FakeClock, small_fs, *, how: str) -> None:  # type: ignore[no-untyped-def]
    services = profile.services
    post = services.outbox.create(profile.persona.uid, TEXT)
    # The sender: the app that quits after it (a start then finds its lease from a process that is gone).
    sender = Poster(services.store, services.outbox, services.secrets, services.networks, services.clock,
                    owner=dead_owner())
    fault_as_it_goes_out(services.networks["x"], fault_of(how, profile, small_fs))
    try:
        with pytest.raises(SentNotRecorded) as raised:
            sender.send(post.id)
        [tweet] = fake.timeline(profile.user)
        said = str(raised.value)
        assert said.startswith(f"career's post went out as @career_me (https://x.com/career_me/status/{tweet.id}), "
                               "but personamgr could not record that it did: "), said
        assert {"moved": "was moved to", "full": "is full"}[how] in said, said
        assert said.endswith("Do not send it again; if it is later listed as needing review, mark it as sent."), said
        services.close()
    finally:
        small_fs.free()
    root = small_fs.root / "elsewhere" if how == "moved" else profile.root
    again = x_services(root, fake, x_secrets, clock)
    try:
        after = after_a_start(again, post.id)
        # It said 'needs review' with no link (kept in memory only, it went with the app): the user could not see
        # where it went. The outcome is kept in a file its sender opened before the send, moved with the profile.
        assert (after.state, after.remote_id, after.remote_url, after.note) == (
            PostState.SENT, tweet.id, f"https://x.com/career_me/status/{tweet.id}", None), after
        assert len(fake.timeline(profile.user)) == 1  # not sent a second time
        assert not (root / "data" / "sent-unrecorded").exists()  # recorded: its file is gone
    finally:
        again.close()


def test_a_post_out_on_a_full_disk_then_a_start_while_it_is_still_full_is_recorded_sent_once_it_takes_writes(
        profile: Profile, fake: FakeX, x_secrets: SecretStore, clock: FakeClock, small_fs) -> None:  # type: ignore[no-untyped-def]
    """The app quits, and starts again before any space is freed: the post shows as sending, is not sent again,
    and is recorded sent, with its link, on the first pass after the disk takes writes."""
    services = profile.services
    post = services.outbox.create(profile.persona.uid, TEXT)
    sender = Poster(services.store, services.outbox, services.secrets, services.networks, services.clock,
                    owner=dead_owner())
    fault_as_it_goes_out(services.networks["x"], small_fs.fill)
    again = None
    try:
        with pytest.raises(SentNotRecorded):
            sender.send(post.id)
        services.close()
        again = x_services(profile.root, fake, x_secrets, clock)
        engine = ScheduleEngine(again)
        engine.start()
        assert again.outbox.get(post.id).state is PostState.SENDING
    finally:
        small_fs.free()
    try:
        events: list[object] = []
        engine.subscribe(events.append)
        engine.run_due()
        [tweet] = fake.timeline(profile.user)
        after = again.outbox.get(post.id)
        assert (after.state, after.remote_id, after.remote_url) == (
            PostState.SENT, tweet.id, f"https://x.com/career_me/status/{tweet.id}"), after
        assert [e.kind.value for e in events] == ["sent"]  # type: ignore[attr-defined]
        engine.run_due()
        assert len(fake.timeline(profile.user)) == 1
    finally:
        again.close()


def test_a_post_out_on_a_full_disk_is_recorded_sent_once_the_disk_takes_it(
        profile: Profile, fake: FakeX, small_fs) -> None:  # type: ignore[no-untyped-def]
    """Until then it shows as sending, and is neither sent again nor taken for in doubt while the app runs."""
    services = profile.services
    post = services.outbox.create(profile.persona.uid, TEXT)
    fault_as_it_goes_out(services.networks["x"], small_fs.fill)
    engine = ScheduleEngine(services)
    try:
        with pytest.raises(SentNotRecorded):
            services.poster.send(post.id)
        engine.start()  # a pass while the disk still refuses: nothing changes
        assert services.outbox.get(post.id).state is PostState.SENDING
    finally:
        small_fs.free()
    events: list[object] = []
    engine.subscribe(events.append)
    engine.run_due()  # the next pass
    [tweet] = fake.timeline(profile.user)
    after = services.outbox.get(post.id)
    assert (after.state, after.remote_id, after.remote_url) == (
        PostState.SENT, tweet.id, f"https://x.com/career_me/status/{tweet.id}")
    assert [e.kind.value for e in events] == ["sent"]  # type: ignore[attr-defined]
    engine.run_due()
    assert len(fake.timeline(profile.user)) == 1
    assert not (profile.root / "data" / "sent-unrecorded").exists()  # recorded: the file that kept it is gone
