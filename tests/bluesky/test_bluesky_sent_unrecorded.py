"""A post Bluesky took as the profile's disk filled, and the app quit before the disk took writes again: the
outcome kept in memory (core.sent_unrecorded.Unrecorded) is gone with it. The next start finds the post "sending"
from a sender that is gone, sends it again under the same record key, which is looked up first, and finds it: it is
recorded sent with its link, and posted once. Real atproto against the fake PDS, real keyring, a real tmpfs."""

from __future__ import annotations

import pytest
from fakebluesky import FakeBluesky, FakePlcDirectory
from lease_helpers import dead_owner
from unrecorded_helpers import after_a_start, fault_as_it_goes_out

from personamgr.core.clock import SystemClock
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.bluesky.auth import Login, connect
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.posting import Poster
from personamgr.core.secrets import SecretStore
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.core.services import Services, open_services

pytestmark = pytest.mark.e2e


def test_a_post_out_on_a_full_disk_then_a_quit_is_found_sent_at_the_next_start_not_posted_twice(
        small_fs, fake: FakeBluesky, plc: FakePlcDirectory, network_secrets: SecretStore) -> None:  # type: ignore[no-untyped-def]
    clock = SystemClock()  # the fake's JWTs expire in real time
    paths = AppPaths.resolve(small_fs.root / "profile").ensure()

    def start() -> Services:
        network = BlueskyNetwork(clock, base_url=fake.base_url, timeout=(5.0, 20.0), directory=plc.base_url)
        return open_services(paths, secrets=network_secrets, clock=clock, networks={"bluesky": network})

    services = start()
    account, password = fake.add_account("sky.bsky.social")
    persona = services.store.add_persona(Persona(name="sky", topics=("astronomy",), network="bluesky"))
    persona = connect(services.store, network_secrets, services.networks["bluesky"], persona,
                      Login("sky.bsky.social", password)).persona
    post = services.outbox.create(persona.uid, "Saturn's rings are edge-on tonight.")
    sender = Poster(services.store, services.outbox, services.secrets, services.networks, services.clock,
                    owner=dead_owner())  # the app that quits after it
    fault_as_it_goes_out(services.networks["bluesky"], small_fs.fill)
    try:
        with pytest.raises(SentNotRecorded) as raised:
            sender.send(post.id)
        [record] = fake.posts(account)
        assert "is full" in str(raised.value), raised.value
        services.close()  # quit while the disk is still full: what was not recorded is lost with the process
    finally:
        small_fs.free()
    again = start()
    try:
        after = after_a_start(again, post.id)
        assert (after.state, after.remote_id) == (PostState.SENT, record.rkey), (after.state, after.note)
        assert after.remote_url == f"https://bsky.app/profile/sky.bsky.social/post/{record.rkey}", after.remote_url
        assert fake.posts(account) == [record]  # not posted a second time
    finally:
        again.close()
