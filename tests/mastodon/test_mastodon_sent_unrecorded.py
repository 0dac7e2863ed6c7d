"""A post Mastodon took while the profile was moved away: said as out, and a start at the new place does not post it
twice. The start sends it again under the same Idempotency-Key (the server answers with the status it made), so it
is found sent rather than left in doubt. Real Mastodon.py against the fake server, real keyring.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakemastodon import FakeMastodon
from lease_helpers import dead_owner
from unrecorded_helpers import fault_as_it_goes_out, move_profile

from personamgr.core.clock import FakeClock
from personamgr.core.networks.mastodon import MastodonNetwork
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.posting import Poster
from personamgr.core.scheduling import ScheduleEngine
from personamgr.core.secrets import SecretStore
from personamgr.core.sent_unrecorded import SentNotRecorded
from personamgr.core.services import open_services

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
        engine = ScheduleEngine(again)
        engine.start()
        engine.run_due()
        after = again.outbox.get(post.id)
        assert (after.state, after.remote_id) == (PostState.SENT, status.id), after.note
        assert fake.timeline(mastodon_world.account) == [status]  # not posted a second time
    finally:
        again.close()
