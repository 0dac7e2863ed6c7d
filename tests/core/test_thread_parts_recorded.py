"""Each part of a thread is in the database as soon as the network confirms it, so a sender that dies mid-thread
leaves a record of exactly which parts are out: the review says so, and only the part in doubt is asked about.

The networks' own tests (tests/x, tests/mastodon, tests/bluesky) check the same through their real SDKs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from lease_helpers import dead_owner

from personamgr.core.clock import FakeClock
from personamgr.core.networks.base import Account, OutgoingPost, Published, TransientError, UnrecordedPartError
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.outbox import Post, PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.post_workflows import Action, actions_for, uncertain_part
from personamgr.core.services import Services, open_services

if TYPE_CHECKING:
    from conftest import SmallFilesystem

PARTS = ("1/3 interview", "2/3 questions", "3/3 answers")


@pytest.fixture
def career(services: Services) -> Persona:
    return services.store.add_persona(Persona(name="career", handle="@career_me", description="jobs",
                                              network="sandbox"))


def died_sending(services: Services, persona: Persona, recorded: tuple[str, ...]) -> Post:
    """A thread whose sender was killed after the network confirmed ``recorded``."""
    post = services.outbox.create(persona.uid, PARTS[0], thread=PARTS[1:])
    services.outbox.claim(post.id, owner=dead_owner())
    assert services.outbox.update_if(post.id, [PostState.SENDING], remote_ids=recorded, network="sandbox")
    (recovered,) = services.outbox.recover_abandoned()
    return recovered


def test_after_a_crash_the_review_says_which_parts_are_out(services: Services, career: Persona) -> None:
    post = died_sending(services, career, ("a", "b"))
    assert post.state is PostState.NEEDS_REVIEW and post.remote_ids == ("a", "b")
    assert post.error == ("The app stopped while this thread was being sent. Parts 1–2 of 3 went out; part 3 may or "
                          "may not have. Check the account for part 3, then mark what went out or send it again from "
                          "there.")
    assert post.failed_part is None  # part 3 did not fail: it is in doubt
    assert uncertain_part(post) == 3
    assert actions_for(post) == (Action.MARK_SENT, Action.SEND_AGAIN, Action.EDIT)  # parts out: no Delete


def test_part_1_out_says_the_rest_was_not_sent(services: Services, career: Persona) -> None:
    post = died_sending(services, career, ("a",))
    assert "Part 1 of 3 went out; part 2 may or may not have. Part 3 was not sent." in (post.error or "")


def test_part_1_in_doubt_is_told_as_a_thread_s_part_not_as_a_post(services: Services, career: Persona) -> None:
    """With no part recorded it said "this post ... may or may not have gone out: check the account, then mark it
    sent", but the window offers "Mark what went out…", and part 2 replies to part 1: its link is needed."""
    post = died_sending(services, career, ())
    assert post.error == ("The app stopped while this thread was being sent. Part 1 of 3 may or may not have gone "
                          "out. Parts 2–3 were not sent. Check the account for part 1, then mark what went out or "
                          "send it again from there.")


def test_a_thread_whose_every_part_was_recorded_is_sent_not_in_doubt(services: Services, career: Persona) -> None:
    post = died_sending(services, career, ("a", "b", "c"))
    assert (post.state, post.remote_id, post.error) == (PostState.SENT, "a", None)


def test_the_sandbox_reports_each_part_as_it_goes_out(clock: FakeClock) -> None:
    sandbox = SandboxNetwork(None, clock)
    seen: list[tuple[str, ...]] = []
    post = OutgoingPost(parts=PARTS, on_part_out=seen.append)
    published = sandbox.publish(Account("uid", "@me"), post)
    assert seen == [published.part_ids[:1], published.part_ids[:2], published.part_ids]


def test_a_part_that_cannot_be_recorded_stops_the_thread_before_the_next(clock: FakeClock) -> None:
    sandbox = SandboxNetwork(None, clock)

    def unrecorded(ids: tuple[str, ...]) -> None:
        raise TransientError("the disk is full")

    with pytest.raises(UnrecordedPartError, match=r"^the disk is full$") as stopped:  # part 2 did not fail: it waits
        sandbox.publish(Account("uid", "@me"), OutgoingPost(parts=PARTS, on_part_out=unrecorded))
    assert len(stopped.value.sent_ids) == 1 and stopped.value.failed_index == 1
    assert [e.text for e in sandbox.timeline()] == [PARTS[0]]  # parts 2 and 3 did not go


class TakenAfterPart1(SandboxNetwork):
    """The sandbox, where another sender takes the post (its lease) as soon as part 1 is out."""

    def __init__(self, services: Services, post_id: int, clock: FakeClock) -> None:
        super().__init__(None, clock)
        self.services, self.post_id = services, post_id

    def _publish_one(self, account: Account, post: OutgoingPost, i: int, reply_to: str | None,
                     now: datetime) -> str:
        rid = super()._publish_one(account, post, i, reply_to, now)
        if i == 0:
            self.services.outbox.update_if(self.post_id, None, lease_owner="another sender")
        return rid


def test_a_sender_that_lost_the_post_sends_no_further_part(services: Services, career: Persona,
                                                           clock: FakeClock) -> None:
    post = services.outbox.create(career.uid, PARTS[0], thread=PARTS[1:])
    sandbox = TakenAfterPart1(services, post.id, clock)
    services.networks["sandbox"] = sandbox
    services.poster.send(post.id)
    assert [e.text for e in sandbox.timeline()] == [PARTS[0]]
    assert services.outbox.get(post.id).lease_owner == "another sender"


class DiskFillsAfterPart1(SandboxNetwork):
    """The sandbox, on a machine whose disk fills as part 1 goes out: recording it meets the real full disk, which
    is freed again once that write has failed (so what the app then says can be read back)."""

    def __init__(self, clock: FakeClock, disk: SmallFilesystem) -> None:
        super().__init__(None, clock)
        self.disk = disk

    def publish(self, account: Account, post: OutgoingPost) -> Published:
        record = post.on_part_out
        assert record is not None

        def on_full_disk(ids: tuple[str, ...]) -> None:
            if len(ids) == 1:
                self.disk.fill()
            try:
                record(ids)
            finally:
                self.disk.free()

        return super().publish(account, replace(post, on_part_out=on_full_disk))


def test_a_part_the_full_disk_kept_from_the_record_is_told_in_words(small_fs: SmallFilesystem,
                                                                    clock: FakeClock) -> None:
    """The thread stops before part 2, and the user reads the fault's sentence, not SQLite's raw text
    ("(sqlite3.OperationalError) database or disk is full [SQL: UPDATE posts ...]")."""
    services = open_services(AppPaths.resolve(small_fs.root / "profile").ensure(), clock=clock)
    try:
        career = services.store.add_persona(Persona(name="career", description="jobs", network="sandbox"))
        sandbox = DiskFillsAfterPart1(clock, small_fs)
        services.networks["sandbox"] = sandbox
        post = services.outbox.create(career.uid, PARTS[0], thread=PARTS[1:])
        services.poster.send(post.id)
        assert [e.text for e in sandbox.timeline()] == [PARTS[0]]  # parts 2 and 3 did not go
        after = services.outbox.get(post.id)
        assert len(after.remote_ids) == 1
        error = after.error or ""
        assert "is full" in error, error
        assert not any(raw in error for raw in ("sqlite3", "OperationalError", "[SQL", "sqlalche.me")), error
        assert "part 2 failed" not in error  # part 2 was never tried: it waits for the record
    finally:
        services.close()
