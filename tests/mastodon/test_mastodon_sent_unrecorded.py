"""A post Mastodon took while the profile was moved away: said as out, and a start at the new place does not post it
twice. The start sends it again under the same Idempotency-Key (the server answers with the status it made), so it
is found sent rather than left in doubt. Real Mastodon.py against the fake server, real keyring.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon
from lease_helpers import dead_owner
from unrecorded_helpers import after_a_start, fault_as_it_goes_out, move_profile

from personamgr.core.clock import FakeClock
from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.posting import Poster
from personamgr.core.secrets import SecretStore
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.core.services import Services, open_services

SERVER = "https://fosstodon.example"  # what the user typed; PERSONAMGR_MASTODON_URL sends its traffic to the fake

pytestmark = pytest.mark.e2e


def test_a_post_out_as_the_profile_moved_says_so_and_a_start_there_finds_it_not_posts_it_again(
        mastodon_world, fake: FakeMastodon, network_secrets: SecretStore, clock: FakeClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = mastodon_world.services
    post = services.outbox.create(mastodon_world.persona.uid, "Tonight: the deep cuts setlist.")
    sender = Poster(services.store, services.outbox, services.secrets, services.networks, services.clock,
                    owner=dead_owner())  # the app that quits after it
    fault_as_it_goes_out(services.networks["mastodon"], move_profile(tmp_path / "profile", tmp_path / "elsewhere"))
    with pytest.raises(SentNotRecorded) as raised:
        sender.send(post.id)
    [status] = fake.timeline(mastodon_world.account)
    said = str(raised.value)
    link = f"{fake.base_url}/@metal/{status.id}"
    assert said.startswith(f"metal's post went out as @metal@fosstodon.example ({link}), but personamgr could "
                           f"not record that it did: the database {services.paths.database} was moved to "), said
    services.close()
    network = MastodonNetwork(clock, base_url=fake.base_url, timeout=(5.0, 20.0))
    again = open_services(AppPaths.resolve(tmp_path / "elsewhere"), secrets=network_secrets, clock=clock,
                          networks={"mastodon": network})
    try:
        after = after_a_start(again, post.id)
        assert (after.state, after.remote_id) == (PostState.SENT, status.id), after.note
        assert fake.timeline(mastodon_world.account) == [status]  # not posted a second time
    finally:
        again.close()


@pytest.mark.parametrize("hours", [0, 2], ids=["within the key's hour", "after it"])
def test_a_post_out_on_a_full_disk_then_a_quit_is_found_sent_with_its_link_never_posted_twice(
        small_fs, fake: FakeMastodon, network_secrets: SecretStore, clock: FakeClock, hours: int) -> None:  # type: ignore[no-untyped-def]
    """The outcome kept in memory (core.sent_unrecorded.Unrecorded) is gone with the app, but not the one its
    sender wrote in the room it took on the disk before the send (core.outcome_room): a start records it sent, with
    its link, within the hour Mastodon keeps an Idempotency-Key and after it. After the hour it waited for review
    with no link (a repeat could be a second status), and the user could not see where it went."""
    from personamgr.core.personas import Persona

    paths = AppPaths.resolve(small_fs.root / "profile").ensure()

    def start() -> Services:
        network = MastodonNetwork(clock, base_url=fake.base_url, timeout=(5.0, 20.0))
        return open_services(paths, secrets=network_secrets, clock=clock, networks={"mastodon": network})

    services = start()
    account = fake.add_account("metal")
    persona = services.store.add_persona(Persona(name="metal", topics=("guitars",), network="mastodon",
                                                 server=SERVER, handle="@metal@fosstodon.example"))
    network_secrets.set_credentials(persona.uid, {"server": SERVER, "access_token": fake.add_token(account)})
    services.store.set_connection_state(persona.uid, "ok", f"mastodon:{SERVER}:{account.id}")
    post = services.outbox.create(persona.uid, "Tonight: the deep cuts setlist.")
    sender = Poster(services.store, services.outbox, services.secrets, services.networks, services.clock,
                    owner=dead_owner())  # the app that quits after it
    fault_as_it_goes_out(services.networks["mastodon"], small_fs.fill)
    try:
        with pytest.raises(SentNotRecorded, match="is full"):
            sender.send(post.id)
        [status] = fake.timeline(account)
        services.close()  # quit while the disk is still full
    finally:
        small_fs.free()
    clock.advance(timedelta(hours=hours))
    again = start()
    try:
        after = after_a_start(again, post.id)
        link = f"{fake.base_url}/@metal/{status.id}"
        assert (after.state, after.remote_id, after.remote_url) == (PostState.SENT, status.id, link), (
            after.state, after.note)
        assert fake.timeline(account) == [status]  # not posted a second time
    finally:
        again.close()
