"""``Poster.send``: every way a network can answer ends in one visible post state with the network's reason."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from posting_helpers import ScriptedNetwork, send

from personamgr.core.clock import FakeClock
from personamgr.core.networks.base import (
    Account,
    AmbiguousError,
    AuthError,
    OfflineError,
    OutgoingPost,
    PartialThreadError,
    RateLimitedError,
    RejectedError,
    TransientError,
)
from personamgr.core.networks.sandbox import DUPLICATE_MESSAGE, SandboxNetwork
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.posting import MAX_TRANSIENT_ATTEMPTS, OFFLINE_RETRY
from personamgr.core.services import Services


def test_success_records_remote_id_url_and_time(services: Services, net: ScriptedNetwork, clock: FakeClock) -> None:
    post = services.outbox.get(send(services))
    assert post.state is PostState.SENT
    assert (post.remote_id, post.remote_url, post.sent_at, post.network) == (
        "r0", "https://example.invalid/r0", clock.now(), "scripted")
    account, outgoing = net.calls[0]
    assert (account.handle, account.credentials, outgoing.parts) == ("@career_me", None, ("hello",))


def test_auth_error_fails_the_post_and_flags_reconnect(services: Services, net: ScriptedNetwork) -> None:
    net.answers.append(AuthError("X refused the credentials (401)."))
    post = services.outbox.get(send(services))
    assert post.state is PostState.FAILED
    assert post.error == "X refused the credentials (401). Reconnect the account; the post is kept."
    assert services.store.connection_state(post.persona_uid)[0] == "reconnect_needed"
    assert post.text == "hello"


def test_rejected_fails_with_the_networks_reason(services: Services, net: ScriptedNetwork) -> None:
    net.answers.append(RejectedError("Too many cashtags.", duplicate=False))
    post = services.outbox.get(send(services))
    assert (post.state, post.error) == (PostState.FAILED, "Too many cashtags.")


def test_rate_limit_reschedules_at_the_reset_time(services: Services, net: ScriptedNetwork, clock: FakeClock) -> None:
    reset = clock.now() + timedelta(minutes=12)
    net.answers.append(RateLimitedError("Rate limited by X.", reset))
    post = services.outbox.get(send(services))
    assert (post.state, post.next_attempt_at, post.error) == (PostState.SCHEDULED, reset, "Rate limited by X.")


def test_rate_limit_reset_in_the_past_retries_now(services: Services, net: ScriptedNetwork, clock: FakeClock) -> None:
    net.answers.append(RateLimitedError("Rate limited.", clock.now() - timedelta(hours=1)))
    assert services.outbox.get(send(services)).next_attempt_at == clock.now()


def test_offline_holds_the_post_for_a_minute(services: Services, net: ScriptedNetwork, clock: FakeClock) -> None:
    net.answers.append(OfflineError("No network connection."))
    post = services.outbox.get(send(services))
    assert (post.state, post.next_attempt_at) == (PostState.SCHEDULED, clock.now() + OFFLINE_RETRY)


def test_transient_errors_back_off_then_give_up(services: Services, net: ScriptedNetwork, clock: FakeClock) -> None:
    net.answers.append(TransientError("X is over capacity (503)."))
    pid = send(services, "flaky")
    post = services.outbox.get(pid)
    assert post.state is PostState.SCHEDULED and post.attempts == 1
    assert post.next_attempt_at is not None and post.next_attempt_at > clock.now()
    for attempt in range(2, MAX_TRANSIENT_ATTEMPTS + 1):
        net.answers.append(TransientError("X is over capacity (503)."))
        post = services.poster.send(pid)
        assert post.attempts == attempt
    assert post.state is PostState.FAILED
    assert post.error == "X is over capacity (503)."


def test_ambiguous_goes_to_review_never_resent(services: Services, net: ScriptedNetwork) -> None:
    net.answers.append(AmbiguousError("The connection dropped after the post was sent."))
    post = services.outbox.get(send(services))
    assert post.state is PostState.NEEDS_REVIEW
    again = services.poster.send(post.id)  # needs-review is not claimable: nothing is re-sent
    assert again.state is PostState.NEEDS_REVIEW and len(net.calls) == 1


def test_a_thread_whose_part_1_went_unanswered_says_what_is_known_of_each_part(services: Services,
                                                                              net: ScriptedNetwork) -> None:
    """As when a later part goes unanswered ("Part 1 of 3 went out; part 2 may or may not have. ..."): part 1's
    review said only the network's words about "the post", not that parts 2 and 3 were never sent."""
    net.answers.append(AmbiguousError("The connection dropped after the post was sent."))
    post = services.outbox.get(send(services, "1/3 one", thread=("2/3 two", "3/3 three")))
    assert post.state is PostState.NEEDS_REVIEW
    assert post.error == ("Part 1 of 3 may or may not have gone out. Parts 2–3 were not sent. The connection dropped "
                          "after the post was sent. Check the account for part 1, then mark what went out or send it "
                          "again from there.")


def test_unexpected_exception_goes_to_review(services: Services, net: ScriptedNetwork) -> None:
    net.answers.append(KeyError("boom"))
    post = services.outbox.get(send(services))
    assert post.state is PostState.NEEDS_REVIEW
    assert post.error is not None and "KeyError" in post.error


def test_an_unexpected_error_on_a_network_that_finds_its_writes_is_tried_again(services: Services,
                                                                             net: ScriptedNetwork) -> None:
    """Bluesky looks every part up by its key before writing it: a send that broke off unexpectedly is safe to send
    again, yet it waited for review, asking the user to check what the next attempt checks itself."""
    net.finds_its_writes = True  # type: ignore[attr-defined]
    net.answers.append(KeyError("boom"))
    post = services.outbox.get(send(services))
    assert post.state is PostState.SCHEDULED and post.next_attempt_at is not None
    assert post.error == ("Something unexpected happened while sending (KeyError). scripted is asked first "
                          "whether it arrived, so it will be tried again and cannot go out twice.")
    assert services.poster.send(post.id).state is PostState.SENT


def test_partial_thread_keeps_sent_parts_and_resumes(services: Services, net: ScriptedNetwork,
                                                     clock: FakeClock) -> None:
    reset = clock.now() + timedelta(minutes=5)
    net.answers.append(PartialThreadError(("r0", "r1"), 2, RateLimitedError("Rate limited.", reset)))
    pid = send(services, "one", thread=("two", "three"))
    post = services.outbox.get(pid)
    assert post.state is PostState.SCHEDULED and post.remote_ids == ("r0", "r1")
    assert post.error is not None and "Parts 1–2 of the thread went out; part 3 failed" in post.error
    done = services.poster.send(pid)
    assert done.state is PostState.SENT and done.remote_ids == ("r0", "r1", "r2")
    assert net.calls[-1][1].already_sent == ("r0", "r1")


def test_partial_thread_rejected_part_fails(services: Services, net: ScriptedNetwork) -> None:
    net.answers.append(PartialThreadError(("r0",), 1, RejectedError("Too long.")))
    post = services.outbox.get(send(services, "one", thread=("two",)))
    assert (post.state, post.remote_ids) == (PostState.FAILED, ("r0",))


def test_unknown_network_fails_with_a_clear_message(services: Services) -> None:
    services.store.add_persona(Persona(name="future", description="d", network="threads"))  # a newer version's
    post = services.outbox.create(services.store.persona("future").uid, "hi")
    result = services.poster.send(post.id)
    assert result.state is PostState.FAILED
    assert result.error == "future posts to 'threads', which this version does not know."


def test_network_needing_credentials_without_a_keyring_fails_clearly(services: Services,
                                                                      net: ScriptedNetwork) -> None:
    """The profile's keyring is keyring's real fail backend: posting says so instead of trying."""
    net.needs_credentials = True
    post = services.outbox.get(send(services))
    assert post.state is PostState.FAILED
    assert post.error is not None and "No secure credential store was found" in post.error
    assert net.calls == []


def test_a_post_claimed_elsewhere_is_not_sent_twice(services: Services, net: ScriptedNetwork) -> None:
    post = services.outbox.create(services.store.persona("career").uid, "once")
    assert services.outbox.claim(post.id) is not None
    assert services.poster.send(post.id).state is PostState.SENDING
    assert net.calls == []


# -- the sandbox network through the poster -----------------------------------------------------------

@pytest.fixture
def sandbox_persona(services: Services) -> Persona:
    return services.store.add_persona(Persona(name="metal", handle="@metal_me", description="riffs"))


def test_sandbox_publishes_to_its_own_timeline(services: Services, sandbox_persona: Persona,
                                               clock: FakeClock) -> None:
    post = services.outbox.create(sandbox_persona.uid, "Riff of the day", thread=("and a reply",))
    sent = services.poster.send(post.id)
    assert sent.state is PostState.SENT
    assert sent.remote_url == f"sandbox://metal_me/status/{sent.remote_id}"
    sandbox = services.networks["sandbox"]
    assert isinstance(sandbox, SandboxNetwork)
    timeline = sandbox.timeline(sandbox_persona.uid)
    assert [e.text for e in timeline] == ["and a reply", "Riff of the day"]
    assert timeline[0].reply_to == sent.remote_id
    assert int(sent.remote_ids[1]) > int(sent.remote_ids[0])
    assert sent.sent_at == clock.now()


def test_sandbox_duplicate_fails_with_xs_message(services: Services, sandbox_persona: Persona) -> None:
    first = services.outbox.create(sandbox_persona.uid, "Same words")
    assert services.poster.send(first.id).state is PostState.SENT
    second = services.outbox.create(sandbox_persona.uid, "Same words")
    result = services.poster.send(second.id)
    assert result.state is PostState.FAILED and result.error == f"X refused the post: {DUPLICATE_MESSAGE}"
    assert result.text == "Same words"
    # Another persona may say the same thing (that is the guard's business, not X's duplicate rule).
    other = services.store.add_persona(Persona(name="career", description="jobs"))
    third = services.outbox.create(other.uid, "Same words")
    assert services.poster.send(third.id).state is PostState.SENT


def test_sandbox_timeline_survives_reopening(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "sandbox.db"
    a = SandboxNetwork(path, clock)
    pub = a.publish(Account("u1", "@me"), OutgoingPost(parts=("kept",)))
    a.close()
    b = SandboxNetwork(path, clock)
    try:
        assert [(e.remote_id, e.text) for e in b.timeline()] == [(pub.remote_id, "kept")]
        with pytest.raises(RejectedError) as e:
            b.publish(Account("u1", "@me"), OutgoingPost(parts=("kept",)))
        assert e.value.duplicate
    finally:
        b.close()
