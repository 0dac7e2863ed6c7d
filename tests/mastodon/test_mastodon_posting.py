"""Posting to Mastodon with real Mastodon.py over real HTTP to the fake server: every answer a visible state."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fakemastodon import FakeMastodon
from image_files import png
from net_helpers import HELD_ANSWER_TIMEOUT, assert_waits_by_itself

from personamgr.core.outbox import PostState, TransitionError
from personamgr.core.text import measure_for

pytestmark = pytest.mark.e2e


def test_text_post_goes_out_with_the_persona_defaults(mastodon_world) -> None:
    w = mastodon_world
    w.services.store.update_persona(w.persona.with_changes(visibility="unlisted", content_warning="metal talk"))
    post = w.post("New strings on the old Ibanez tonight.")
    assert post.state is PostState.SENT, post.error
    [status] = w.fake.timeline(w.account)
    assert (status.text, status.visibility, status.spoiler_text) == (
        "New strings on the old Ibanez tonight.", "unlisted", "metal talk")
    assert post.remote_id == status.id
    assert post.remote_url == f"{w.fake.base_url}/@metal/{status.id}"


def test_a_post_overrides_the_defaults(mastodon_world) -> None:
    w = mastodon_world
    post = w.post("Setlist spoilers for Friday.", content_warning="spoilers", visibility="private")
    assert post.state is PostState.SENT, post.error
    [status] = w.fake.timeline(w.account)
    assert (status.spoiler_text, status.visibility) == ("spoilers", "private")


def test_thread_parts_reply_to_the_previous_part(mastodon_world) -> None:
    w = mastodon_world
    post = w.post("Gear thread 1/3", thread=("Amp: a tired JCM800. 2/3", "Pedals: just a Tube Screamer. 3/3"))
    assert post.state is PostState.SENT, post.error
    first, second, third = w.fake.timeline(w.account)
    assert first.in_reply_to_id is None
    assert (second.in_reply_to_id, third.in_reply_to_id) == (first.id, second.id)
    assert post.remote_ids == (first.id, second.id, third.id)


def test_the_servers_limits_are_asked_for_and_kept(mastodon_world) -> None:
    w = mastodon_world
    w.fake.max_characters = 5000
    assert w.persona.server_limits is None and w.persona.char_limit == 500
    long_text = "riff " * 200  # 1,000 characters: too long for mastodon.social, fine for this server
    post = w.post(long_text)
    assert post.state is PostState.SENT, post.error
    persona = w.services.store.persona(w.persona.uid)
    assert persona.char_limit == 5000
    assert persona.server_limits is not None and persona.server_limits.max_media == 4


def test_too_long_for_the_server_is_refused_before_sending(mastodon_world) -> None:
    w = mastodon_world
    post = w.post("a" * 490 + " https://example.com/" + "b" * 40)  # 490 + 1 + 23 + 0 > 500 as Mastodon counts
    assert post.state is PostState.FAILED
    length = measure_for(w.services.store.persona(w.persona.uid), post.text).length
    assert post.error == f"Not sent: Too long for metal: {length} of 500 characters on Mastodon; shorten it by " \
        f"{length - 500}."
    assert w.fake.post_count("statuses") == 0


def test_the_content_warning_counts_toward_the_limit(mastodon_world) -> None:
    w = mastodon_world
    post = w.post("x" * 495, content_warning="too long now")
    assert post.state is PostState.FAILED and "Too long for metal: 507 of 500" in (post.error or "")


def test_images_carry_their_descriptions(mastodon_world, tmp_path: Path) -> None:
    w = mastodon_world
    img = png(tmp_path / "amp.png")
    post = w.post("The amp.", media=({"path": str(img), "alt_text": "A Marshall amp on a wooden floor"},))
    assert post.state is PostState.SENT, post.error
    [status] = w.fake.timeline(w.account)
    [media] = [w.fake.uploads[m] for m in status.media_ids]
    assert media.description == "A Marshall amp on a wooden floor" and media.attached


@pytest.mark.parametrize(("version", "limit"), [("3.5.3", 1000), ("3.3.0", 500)])
def test_a_server_older_than_mastodon_4_takes_images_within_its_own_limits(mastodon_world, tmp_path: Path,
                                                                           version: str, limit: int) -> None:
    """Such a server has no /api/v2/instance (404). Every post with an image failed with "fosstodon.example
    refused the post: Record not found", though the server takes images; its limits are in /api/v1/instance
    (from 3.4.2 on), and before that it says none, so Mastodon's own defaults hold."""
    w = mastodon_world
    w.fake.version, w.fake.max_characters, w.fake.image_size_limit = version, 1000, 8 * 1024 * 1024
    img = png(tmp_path / "amp.png")
    post = w.post("The amp.", media=({"path": str(img), "alt_text": "A Marshall amp on a wooden floor"},))
    assert post.state is PostState.SENT, post.error
    assert [s.text for s in w.fake.timeline(w.account)] == ["The amp."]
    assert w.services.store.persona(w.persona.uid).char_limit == limit


def test_a_large_image_is_polled_until_processed(mastodon_world, tmp_path: Path) -> None:
    w = mastodon_world
    w.fake.process_threshold = 10  # every upload is "large": 202, then 206, then ready
    img = png(tmp_path / "amp.png", size=64)
    post = w.post("Processed.", media=({"path": str(img), "alt_text": "amp"},))
    assert post.state is PostState.SENT, post.error
    polls = [r for r in w.fake.requests if r.endpoint == "media_get"]
    assert [r.status for r in polls] == [206] * (w.fake.process_polls - 1) + [200]


def test_an_image_that_never_finishes_processing_is_retried_not_lost(mastodon_world, tmp_path: Path) -> None:
    w = mastodon_world
    w.network.media_wait_s = 0.2
    w.fake.process_threshold, w.fake.process_polls = 10, 10_000
    post = w.post("Stuck.", media=({"path": str(png(tmp_path / "0c9f48.png", size=64)), "name": "amp.png",
                                    "alt_text": "a"},))
    assert post.state is PostState.SCHEDULED and "still processing amp.png" in (post.error or "")  # as attached
    assert "amp.png after 0.2 s;" in (post.error or ""), post.error  # it said "after 0 s"
    assert w.fake.post_count("statuses") == 0


def test_an_image_still_processing_is_not_uploaded_again_when_the_post_is_retried(mastodon_world, clock,
                                                                                 tmp_path: Path) -> None:
    """Mastodon processes a large image (or turns a GIF into a video) after the upload; the post gives up waiting and
    is retried. Each retry uploaded the image again: processing started over, one more of the account's 30 uploads
    per 30 minutes went, and on a busy server the post could never catch up. The retry now waits for the upload it
    made (an unattached upload is the account's until the server cleans it up, a day later)."""
    w = mastodon_world
    w.network.media_wait_s = 0.2
    w.fake.process_threshold, w.fake.process_polls = 10, 10_000
    post = w.post("Slow server.", media=({"path": str(png(tmp_path / "a.png", size=64)), "alt_text": "a"},))
    assert post.state is PostState.SCHEDULED and "still processing a.png" in (post.error or "")
    [upload] = w.fake.uploads.values()
    upload.polls_left = 1  # the server finishes meanwhile
    assert post.next_attempt_at is not None
    clock.set(post.next_attempt_at)
    post = w.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    [status] = w.fake.timeline(w.account)
    assert status.media_ids == (upload.id,)
    assert w.fake.post_count("media_upload") == 1


def test_images_are_not_uploaded_again_when_a_lost_answer_is_resent(mastodon_world, fake: FakeMastodon,
                                                                   clock, tmp_path: Path) -> None:
    """The status was made and its answer lost: the resend carries the same key, and Mastodon answers it with the
    status already made before it looks at the images. Uploading them again only spent the account's uploads and
    left copies the server had to clean up."""
    w = mastodon_world
    media = tuple({"path": str(png(tmp_path / f"{i}.png")), "alt_text": f"image {i}"} for i in range(2))
    fake.fail_next("statuses", "drop")
    post = w.post("Two pictures.", media=media)
    assert post.state is PostState.SCHEDULED and "cannot go out twice" in (post.error or "")
    assert post.next_attempt_at is not None
    clock.set(post.next_attempt_at)
    post = w.services.poster.send(post.id)
    assert post.state is PostState.SENT, post.error
    [status] = fake.timeline(w.account)
    assert post.remote_id == status.id and len(status.media_ids) == 2
    assert fake.post_count("media_upload") == 2


def test_more_images_than_the_server_takes_are_refused_before_sending(mastodon_world, tmp_path: Path) -> None:
    w = mastodon_world
    w.fake.max_media = 2
    w.post("limits first")  # the first send learns the server's limits
    media = tuple({"path": str(png(tmp_path / f"{i}.png")), "alt_text": f"image {i}"} for i in range(3))
    post = w.post("Three pictures.", media=media)
    assert post.state is PostState.FAILED
    assert post.error == "Not sent: Mastodon allows at most 2 images per post; the post has 3."
    assert w.fake.post_count("media_upload") == 0


# -- the fault matrix ---------------------------------------------------------------------------------------
def test_revoked_token_needs_reconnecting_and_keeps_the_post(mastodon_world) -> None:
    w = mastodon_world
    w.fake.revoke()
    post = w.post("Anyone there?")
    assert post.state is PostState.FAILED
    assert "refused this account's access token" in (post.error or "") and "the post is kept" in (post.error or "")
    assert w.services.store.connection_state(w.persona.uid)[0] == "reconnect_needed"
    assert w.services.outbox.get(post.id).text == "Anyone there?"


@pytest.mark.parametrize("status", [301, 308])
def test_a_server_that_moved_is_said_so_and_gets_no_token_elsewhere(mastodon_world, fake: FakeMastodon,
                                                                    status: int) -> None:
    """A server whose address changed redirects every request to the new one. requests drops the token on the way
    (another host), so the new address answered 401 and the post said the token was revoked: reconnecting with the
    old address met the same redirect, and the same 401, again and again (a 301 also turned the POST into a GET:
    "refused the post: Endpoint not found")."""
    w = mastodon_world
    new = fake.move(status).removeprefix("http://")
    post = w.post("Still on the old address?")
    assert post.state is PostState.FAILED
    assert post.error == (f"fosstodon.example now sends personamgr on to {new} ({status}): the server has a new "
                          "address, and personamgr does not take the account's token there unasked. Use "
                          f"{new} when connecting. Reconnect the account; the post is kept.")
    assert w.services.store.connection_state(w.persona.uid)[0] == "reconnect_needed"
    assert fake.statuses == [] and len(fake.requests) == fake.redirected  # nothing reached the new address


def test_rate_limit_waits_for_the_servers_reset(mastodon_world, clock) -> None:
    w = mastodon_world
    w.fake.fail_next("statuses", "rate_limit", reset_in=600)
    post = w.post("Rate limited.")
    assert post.state is PostState.SCHEDULED
    assert post.next_attempt_at is not None and post.next_attempt_at > clock.now() + timedelta(minutes=5)
    assert "rate limit" in (post.error or "")
    assert_waits_by_itself(post)


def test_server_error_is_retried_with_backoff(mastodon_world, clock) -> None:
    w = mastodon_world
    w.fake.fail_next("statuses", "server_error", status=503)
    post = w.post("Five oh three.")
    assert post.state is PostState.SCHEDULED and "server error (503" in (post.error or "")
    assert post.next_attempt_at is not None and post.next_attempt_at > clock.now()
    again = w.services.poster.send(post.id)
    assert again.state is PostState.SENT and len(w.fake.timeline(w.account)) == 1


def test_a_server_error_with_retry_after_waits_as_long_as_the_server_asks(mastodon_world, clock) -> None:
    w = mastodon_world
    w.fake.fail_next("statuses", "server_error", status=503, retry_after="1800")  # a maintenance page
    post = w.post("After the upgrade.")
    assert post.state is PostState.SCHEDULED and "server error (503" in (post.error or "")
    assert post.next_attempt_at == clock.now() + timedelta(minutes=30)


def test_a_hang_after_sending_is_retried_safely_and_needs_no_review(mastodon_world, fake: FakeMastodon) -> None:
    w = mastodon_world
    w.network.timeout = HELD_ANSWER_TIMEOUT
    fake.fail_next("statuses", "hold")  # the status is made, then the answer never comes in time
    post = w.post("Did it go?")
    assert post.state is PostState.SCHEDULED, post.error
    assert "needs no review" in (post.error or "") and "cannot go out twice" in (post.error or "")
    assert len(fake.timeline(w.account)) == 1
    fake.release()
    again = w.services.poster.send(post.id)  # the same Idempotency-Key: Mastodon returns the status it made
    assert again.state is PostState.SENT
    [status] = fake.timeline(w.account)
    assert again.remote_id == status.id
    assert fake.post_count("statuses") == 2


def test_a_dropped_answer_is_retried_safely(mastodon_world, fake: FakeMastodon) -> None:
    w = mastodon_world
    fake.fail_next("statuses", "drop")
    post = w.post("Dropped.")
    assert post.state is PostState.SCHEDULED and "needs no review" in (post.error or "")
    assert w.services.poster.send(post.id).state is PostState.SENT
    assert len(fake.timeline(w.account)) == 1


def test_edited_words_are_a_new_post_not_the_old_one_returned(mastodon_world, fake: FakeMastodon, clock) -> None:
    w = mastodon_world
    fake.fail_next("statuses", "drop", create=False)
    post = w.post("Typo in this one.")
    clock.advance(timedelta(hours=1))  # the words may change once the server's hour is over (see below)
    w.services.outbox.edit(post.id, "No typo in this one.")
    assert w.services.poster.send(post.id).state is PostState.NEEDS_REVIEW
    again = w.services.poster.send(post.id, expect=[PostState.NEEDS_REVIEW])  # the user looked: not there
    assert again.state is PostState.SENT, again.error
    assert [s.text for s in fake.timeline(w.account)] == ["No typo in this one."]


def test_no_network_the_post_waits(mastodon_world, fake: FakeMastodon) -> None:
    w = mastodon_world
    fake.refuse_connections()
    try:
        post = w.post("Offline.")
    finally:
        fake.accept_connections()
    assert post.state is PostState.SCHEDULED and "cannot be reached" in (post.error or "")
    assert_waits_by_itself(post)


def test_part_two_failing_keeps_part_one(mastodon_world, fake: FakeMastodon) -> None:
    w = mastodon_world
    fake.fail_next("statuses", "unprocessable", skip=1, message="Validation failed: Text can't be blank")
    post = w.post("One.", thread=("Two.",))
    assert post.state is PostState.FAILED and "Part 1 of the thread went out" in (post.error or "")
    assert len(post.remote_ids) == 1
    again = w.services.poster.send(post.id)
    assert again.state is PostState.SENT
    first, second = fake.timeline(w.account)
    assert second.in_reply_to_id == first.id


def test_a_bad_override_is_refused_with_its_reason(tmp_path: Path, network_secrets, clock) -> None:
    from personamgr.core.networks.mastodon import MastodonNetwork

    net = MastodonNetwork.from_environment(clock, {"PERSONAMGR_MASTODON_URL": "fosstodon.org"})
    assert net.config_error and "PERSONAMGR_MASTODON_URL='fosstodon.org' is not a base URL" in net.config_error


def test_a_retry_after_the_servers_idempotency_hour_needs_review(mastodon_world, fake: FakeMastodon, clock) -> None:
    """Mastodon forgets an Idempotency-Key after an hour. An unanswered send whose retry could not go out in
    that hour (no network, the app closed) is no longer safe to repeat: it must wait for review, not post twice."""
    w = mastodon_world
    fake.fail_next("statuses", "drop")  # the status is made, then the connection closes without an answer
    post = w.post("Did this one go?")
    assert post.state is PostState.SCHEDULED and "cannot go out twice" in (post.error or "")
    fake.refuse_connections()
    try:
        assert post.next_attempt_at is not None
        clock.set(post.next_attempt_at)
        post = w.services.poster.send(post.id)  # the retry finds no network: nothing reached the server
        assert post.state is PostState.SCHEDULED and "cannot be reached" in (post.error or "")
        assert_waits_by_itself(post)
    finally:
        fake.accept_connections()
    clock.advance(timedelta(hours=2))  # the laptop slept; the server forgot the key meanwhile
    fake.expire_idempotency_keys()
    post = w.services.poster.send(post.id, recheck=True)
    assert post.state is PostState.NEEDS_REVIEW
    assert "an hour" in (post.error or "")
    assert len(fake.timeline(w.account)) == 1


@pytest.mark.parametrize(("minutes", "state"), [(30, PostState.SENT), (61, PostState.NEEDS_REVIEW)])
def test_a_resend_after_a_timeout_relies_on_the_key_only_within_the_servers_hour(
        mastodon_world, fake: FakeMastodon, clock, minutes: int, state: PostState) -> None:
    """Mastodon keeps an Idempotency-Key an hour from the status it made (redis, 3,600 s), and answers a repeat in
    that hour with that status. The server made the status, then its answer was lost: the resend 30 minutes later
    carries the same key and gets the status already made; 61 minutes later the server has forgotten the key, and
    the post waits for review rather than make a second status."""
    w = mastodon_world
    fake.fail_next("statuses", "drop")  # the status is made, then the connection closes without an answer
    post = w.post("Soundcheck at six.")
    assert post.state is PostState.SCHEDULED and "cannot go out twice" in (post.error or "")
    [made] = fake.timeline(w.account)
    clock.advance(timedelta(minutes=minutes))
    fake.age_idempotency_keys(minutes * 60)
    post = w.services.poster.send(post.id, recheck=True)
    assert post.state is state, post.error
    assert [s.id for s in fake.timeline(w.account)] == [made.id]
    if state is PostState.SENT:
        assert post.remote_id == made.id
        assert fake.post_count("statuses") == 2  # sent again, with its key: the server answered with the status
    else:
        assert "an hour" in (post.error or "") and fake.post_count("statuses") == 1


@pytest.mark.parametrize("status", [502, 504])
def test_a_gateway_error_after_the_status_was_made_is_never_posted_twice(mastodon_world, fake: FakeMastodon, clock,
                                                                        status: int) -> None:
    """A busy server's nginx answers 502 or 504 when the server is slow, while the server goes on and makes the
    status. The retry is safe only while the server still knows the Idempotency-Key (an hour); a retry after
    that (the laptop slept) made a second status, since a gateway error was taken for "nothing was made"."""
    w = mastodon_world
    fake.fail_next("statuses", "gateway_error", status=status)
    post = w.post("Gig tonight at the Roxy.")
    assert post.state is PostState.SCHEDULED, post.error
    assert f"gateway error ({status}" in (post.error or "") and "may have made it" in (post.error or "")
    assert "cannot go out twice" in (post.error or "")
    assert len(fake.timeline(w.account)) == 1
    clock.advance(timedelta(hours=2))  # the retry could not run in the server's hour
    fake.expire_idempotency_keys()
    post = w.services.poster.send(post.id, recheck=True)
    assert post.state is PostState.NEEDS_REVIEW, post.error
    assert "an hour" in (post.error or "")
    assert len(fake.timeline(w.account)) == 1


def test_a_gateway_error_retried_within_the_hour_returns_the_status_already_made(mastodon_world, fake: FakeMastodon,
                                                                                clock) -> None:
    w = mastodon_world
    fake.fail_next("statuses", "gateway_error", status=504)
    post = w.post("Soundcheck at six.")
    assert post.next_attempt_at is not None
    clock.set(post.next_attempt_at)
    again = w.services.poster.send(post.id, recheck=True)
    assert again.state is PostState.SENT, again.error
    [status] = fake.timeline(w.account)
    assert again.remote_id == status.id


def test_a_retry_within_the_hour_still_needs_no_review(mastodon_world, fake: FakeMastodon, clock) -> None:
    w = mastodon_world
    fake.fail_next("statuses", "drop")
    post = w.post("Soon enough.")
    assert post.state is PostState.SCHEDULED
    clock.advance(timedelta(minutes=40))
    again = w.services.poster.send(post.id)
    assert again.state is PostState.SENT, again.error
    assert again.repeat_safe_until is None
    assert len(fake.timeline(w.account)) == 1


def test_a_post_awaiting_its_safe_retry_keeps_its_words_until_the_window_ends(mastodon_world, fake: FakeMastodon,
                                                                              clock) -> None:
    """Changed words make a new Idempotency-Key, and Mastodon makes a new status for it: after an unanswered
    send that may have landed, an edit would post both versions. It is refused with the reason, until the post
    went out or the server's hour is over (then the post waits for review before anything is sent)."""
    w = mastodon_world
    fake.fail_next("statuses", "drop")  # the status is made, then the connection closes without an answer
    post = w.post("Tonight: the deep cuts setlist.")
    assert post.state is PostState.SCHEDULED
    with pytest.raises(TransitionError, match=r"cannot change until .* UTC: Mastodon did not answer"):
        w.services.outbox.edit(post.id, "Tonight: the deep-cuts setlist.")
    with pytest.raises(TransitionError, match=r"cannot change until .* UTC: Mastodon did not answer"):
        w.services.outbox.set_options(post.id, content_warning="setlist spoilers", visibility=None)
    assert w.services.outbox.get(post.id).text == "Tonight: the deep cuts setlist."
    clock.advance(timedelta(hours=1))
    edited = w.services.outbox.edit(post.id, "Tonight: the deep-cuts setlist.")
    assert edited.text == "Tonight: the deep-cuts setlist."
    assert w.services.poster.send(post.id).state is PostState.NEEDS_REVIEW
    assert [s.text for s in fake.timeline(w.account)] == ["Tonight: the deep cuts setlist."]


def test_a_server_that_never_answers_leaves_a_review_that_says_what_is_known(mastodon_world, fake: FakeMastodon,
                                                                             clock) -> None:
    """After the last of its safe retries the post waits for review, yet its reason still said "It will be sent
    again shortly; … it cannot go out twice and needs no review": neither is true of a post that needs review."""
    from personamgr.core.posting import MAX_TRANSIENT_ATTEMPTS

    w = mastodon_world
    fake.fail_next("statuses", "drop", times=MAX_TRANSIENT_ATTEMPTS, create=False)  # a server too busy to answer
    post = w.post("Busy server tonight.")
    for _ in range(MAX_TRANSIENT_ATTEMPTS - 1):
        assert post.state is PostState.SCHEDULED and post.next_attempt_at is not None, post.error
        clock.set(post.next_attempt_at)
        post = w.services.poster.send(post.id, recheck=True)
    assert post.state is PostState.NEEDS_REVIEW
    assert post.error == (f"Mastodon did not answer after the post was sent, and it was tried {MAX_TRANSIENT_ATTEMPTS} "
                          "times: whether it went out is not known, and it is not sent again by itself. Check the "
                          "account, then mark it sent or send it again.")
    assert fake.timeline(w.account) == []


def test_a_used_up_media_limit_holds_only_the_personas_posts_with_images(mastodon_world, clock,
                                                                          tmp_path: Path) -> None:
    """Mastodon limits image uploads (30 per 30 minutes per account) apart from statuses: a 429 from
    ``POST /api/v2/media`` held every post of the persona due before its reset, text-only ones too, though the
    server would have taken them. Only the posts that upload an image wait for it; a text post goes out now."""
    from personamgr.core.scheduling import ScheduleEngine

    w = mastodon_world
    w.fake.media_limit = 0  # this half hour's uploads are used up (by another app on the account, say)
    img = str(png(tmp_path / "amp.png"))
    outbox = w.services.outbox
    text_only = outbox.create(w.persona.uid, "Strings changed, no picture.")
    pictured = outbox.create(w.persona.uid, "The pedalboard.", media=({"path": img, "alt_text": "pedals"},))
    for p in (text_only, pictured):
        outbox.transition(p.id, PostState.SCHEDULED, scheduled_at=clock.now())
    limited = w.post("The cab.", media=({"path": img, "alt_text": "cab"},))
    assert limited.state is PostState.SCHEDULED
    assert limited.error == ("fosstodon.example's limit on image uploads was reached; the post waits until it "
                             "resets, then goes out by itself. Posts without images go out meanwhile.")
    assert limited.next_attempt_at is not None and limited.next_attempt_at > clock.now() + timedelta(minutes=1)
    assert outbox.get(pictured.id).next_attempt_at == limited.next_attempt_at  # it would upload too: it waits
    assert outbox.get(text_only.id).next_attempt_at is None and outbox.get(text_only.id).error is None
    ScheduleEngine(w.services).run_due()
    assert outbox.get(text_only.id).state is PostState.SENT
    assert outbox.get(pictured.id).state is PostState.SCHEDULED
    assert [s.text for s in w.fake.timeline(w.account)] == ["Strings changed, no picture."]
    assert w.fake.uploads == {}


def test_a_persona_saved_with_an_http_server_sends_nothing_and_says_to_use_https(mastodon_world) -> None:
    """A persona (and its stored credentials) saved before http:// servers were refused still posted there, its
    token crossing the network readable. It now sends nothing, not even the token, and is not upgraded silently:
    the post fails, kept, saying which address to use; the persona waits for its account to be connected again."""
    from sqlalchemy import update

    from personamgr.core import schema as s

    w = mastodon_world
    old = "http://fosstodon.example"
    with w.services.store.begin() as con:  # as an older version saved it (it is refused when typed now)
        con.execute(update(s.personas).where(s.personas.c.uid == w.persona.uid).values(server=old))
    w.services.secrets.set_credentials(w.persona.uid, {"server": old, "access_token": w.token})
    before = len(w.fake.requests)
    post = w.post("Tuning down to drop C for the new set.")
    assert w.fake.requests[before:] == []  # nothing reached the server
    assert post.state is PostState.FAILED
    assert post.note == (
        "The Mastodon server http://fosstodon.example is not a secure address: personamgr sends an account's token "
        "or password only over https (plain http only to this computer), so nothing was sent to it. Edit the "
        "persona and change its server to https://fosstodon.example. Reconnect the account; the post is kept.")
    assert post.text == "Tuning down to drop C for the new set."
    assert w.services.store.connection_state(w.persona.uid)[0] == "reconnect_needed"
    assert w.services.store.persona(w.persona.uid).server == old  # not changed behind the user's back
