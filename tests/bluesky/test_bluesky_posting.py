"""Posting to Bluesky with the real atproto SDK over real HTTP to the fake PDS: facets, threads, keys, faults."""

from __future__ import annotations

from pathlib import Path

import pytest
from image_files import png
from net_helpers import HELD_ANSWER_TIMEOUT, assert_waits_by_itself

from personamgr.core.networks.base import OutgoingPost
from personamgr.core.networks.bluesky.network import record_key
from personamgr.core.outbox import PostState, TransitionError

pytestmark = pytest.mark.e2e


def test_connecting_keeps_the_session_and_the_app_password_in_the_keyring(bluesky_world) -> None:
    w = bluesky_world
    creds = w.services.secrets.get_credentials(w.persona.uid)
    assert creds is not None and creds["did"] == w.account.did and creds["app_password"] == w.app_password
    assert creds["session"].count(":::") >= 3
    assert (w.persona.network, w.persona.handle) == ("bluesky", "@sky.bsky.social")
    assert w.fake.sessions_created(w.account) == 1


def test_posts_reuse_the_session_instead_of_signing_in_again(bluesky_world) -> None:
    w = bluesky_world
    for i in range(3):
        assert w.post(f"Clear skies tonight, number {i}.").state is PostState.SENT
    assert w.fake.sessions_created(w.account) == 1
    assert len(w.fake.posts(w.account)) == 3


def test_links_mentions_and_hashtags_become_facets_with_byte_offsets(bluesky_world) -> None:
    w = bluesky_world
    friend, _ = w.fake.add_account("comet.bsky.social")
    text = "Über-clear skies 🌌 with @comet.bsky.social: see https://example.com/moon #astronomy!"
    post = w.post(text)
    assert post.state is PostState.SENT, post.error
    [rec] = w.fake.posts(w.account)
    assert rec.text == text
    raw = text.encode()
    marked = {f["features"][0]["$type"].rsplit("#", 1)[1]: raw[f["index"]["byteStart"]:f["index"]["byteEnd"]].decode()
              for f in rec.value["facets"]}
    assert marked == {"mention": "@comet.bsky.social", "link": "https://example.com/moon", "tag": "#astronomy"}
    mention = next(f for f in rec.value["facets"] if f["features"][0]["$type"].endswith("#mention"))
    assert mention["features"][0]["did"] == friend.did
    assert post.remote_url == f"https://bsky.app/profile/sky.bsky.social/post/{rec.rkey}"


def test_a_mention_that_does_not_resolve_stays_plain_text(bluesky_world) -> None:
    w = bluesky_world
    assert w.post("Hello @nobody.bsky.social").state is PostState.SENT
    [rec] = w.fake.posts(w.account)
    assert not rec.value.get("facets")


def test_threads_set_root_and_parent(bluesky_world) -> None:
    w = bluesky_world
    post = w.post("Meteor shower thread 1/3", thread=("Peak is at 2am. 2/3", "Look north-east. 3/3"))
    assert post.state is PostState.SENT, post.error
    recs = {r.rkey: r for r in w.fake.posts(w.account)}
    first, second, third = (recs[k] for k in post.remote_ids)
    assert "reply" not in first.value
    assert second.value["reply"]["root"]["uri"] == first.uri and second.value["reply"]["parent"]["uri"] == first.uri
    assert third.value["reply"]["root"]["uri"] == first.uri and third.value["reply"]["parent"]["uri"] == second.uri


def test_over_300_graphemes_is_refused_before_sending(bluesky_world) -> None:
    w = bluesky_world
    post = w.post("🌌" * 301)  # 301 graphemes, 1,204 bytes
    assert post.state is PostState.FAILED
    assert post.error == "Not sent: Too long for sky: 301 of 300 characters on Bluesky; shorten it by 1."
    assert w.fake.post_count("create_record") == 0
    assert w.post("👍🏽" * 300).state is PostState.SENT  # 300 graphemes, though 2 code points each
    family = w.post("👨‍👩‍👧‍👦" * 150)  # 150 graphemes, but 3,750 bytes
    assert family.error == ("Not sent: Too long for sky: 3,750 of 3,000 bytes on Bluesky (an emoji can take up to 25); "
                            "shorten it by 750 bytes.")
    assert family.state is PostState.FAILED and w.fake.post_count("create_record") == 1  # the 300 thumbs only


# Within 300 graphemes, over 3,000 UTF-8 bytes (app.bsky.feed.post: text maxGraphemes 300, maxLength 3000).
FAMILIES = "👨‍👩‍👧‍👦" * 121  # 121 graphemes, 25 bytes each: 3,025 bytes
ACCENTS = "e" + "\u0301" * 1499  # one grapheme: an e and 1,499 combining acute accents, 2 bytes each: 2,999 bytes


def test_the_byte_limit_is_measured_where_the_grapheme_limit_is() -> None:
    from personamgr.core.personas import Persona
    from personamgr.core.text import measure_for, too_long_message

    sky = Persona(name="sky", topics=("astronomy",), network="bluesky", handle="@sky.bsky.social")
    m = measure_for(sky, FAMILIES)
    assert (m.length, m.limit, m.size, m.max_size, m.too_long) == (121, 300, 3025, 3000, True)
    assert too_long_message(sky, m) == ("Too long for sky: 3,025 of 3,000 bytes on Bluesky (an emoji can take up to "
                                        "25); shorten it by 25 bytes.")
    assert too_long_message(sky, m, 1) == ("Too long for sky: part 2 is 3,025 of 3,000 bytes on Bluesky (an emoji can "
                                           "take up to 25); shorten it by 25 bytes.")
    assert not measure_for(sky, ACCENTS).too_long and measure_for(sky, ACCENTS + "\u0301").too_long
    over_both = measure_for(sky, "👨‍👩‍👧‍👦" * 301)  # the character limit is named first: it is the one people know
    assert too_long_message(sky, over_both).startswith("Too long for sky: 301 of 300 characters on Bluesky")
    x = sky.with_changes(network="x", handle="@sky")  # X counts no bytes
    assert measure_for(x, ACCENTS + "\u0301").max_size is None


def test_images_with_alt_text(bluesky_world, tmp_path: Path) -> None:
    w = bluesky_world
    media = tuple({"path": str(png(tmp_path / f"{i}.png")), "alt_text": f"Star field {i}"} for i in range(2))
    post = w.post("Two exposures.", media=media)
    assert post.state is PostState.SENT, post.error
    [rec] = w.fake.posts(w.account)
    assert [i["alt"] for i in rec.value["embed"]["images"]] == ["Star field 0", "Star field 1"]


def test_an_image_of_one_and_a_half_megabytes_goes_out(bluesky_world, tmp_path: Path) -> None:
    """Bluesky takes images up to 2 MB since 2025 (app.bsky.embed.images: "May be up to 2 MB, formerly limited to
    1 MB"); a 1.5 MB photo was refused with 'Bluesky accepts images up to 1 MB', though Bluesky would take it."""
    w = bluesky_world
    photo = tmp_path / "photo.png"
    png(photo)
    photo.write_bytes(photo.read_bytes() + b"\0" * 1_500_000)
    post = w.post("The Orion nebula, one long exposure.", media=({"path": str(photo), "alt_text": "Orion"},))
    assert post.state is PostState.SENT, post.error
    [rec] = w.fake.posts(w.account)
    assert rec.value["embed"]["images"][0]["image"]["size"] == photo.stat().st_size


def test_an_image_over_two_megabytes_is_refused_with_the_reason(bluesky_world, tmp_path: Path) -> None:
    w = bluesky_world
    big = tmp_path / "big.png"
    png(big)
    big.write_bytes(big.read_bytes() + b"\0" * 2_100_000)
    post = w.post("Too big.", media=({"path": str(big), "alt_text": "noise"},))
    assert post.state is PostState.FAILED
    assert "big.png is 2.1 MB; Bluesky accepts images up to 2 MB. Save a smaller copy" in (post.error or "")
    assert w.fake.post_count("upload_blob") == 0


def test_five_images_are_refused_before_sending(bluesky_world, tmp_path: Path) -> None:
    w = bluesky_world
    media = tuple({"path": str(png(tmp_path / f"{i}.png")), "alt_text": "x"} for i in range(5))
    post = w.post("Five.", media=media)
    assert post.state is PostState.FAILED and "Bluesky allows at most 4 images per post" in (post.error or "")


def test_record_keys_are_stable_tids_per_post_and_part() -> None:
    from datetime import UTC, datetime

    post = OutgoingPost(parts=("a", "b"), key="uid-1", created_at=datetime(2026, 3, 9, 14, 0, tzinfo=UTC))
    again = OutgoingPost(parts=("a", "edited"), key="uid-1", created_at=datetime(2026, 3, 9, 14, 0, tzinfo=UTC))
    other = OutgoingPost(parts=("a",), key="uid-2", created_at=datetime(2026, 3, 9, 14, 0, tzinfo=UTC))
    keys = [record_key(post, 0), record_key(post, 1)]
    assert keys == [record_key(again, 0), record_key(again, 1)]
    assert record_key(other, 0) != keys[0] and keys[0] < keys[1]
    assert all(len(k) == 13 and k[0] in "234567abcdefghij" for k in keys)


# -- the fault matrix ---------------------------------------------------------------------------------------
def test_a_hang_after_sending_is_retried_and_found_not_posted_twice(bluesky_world) -> None:
    w = bluesky_world
    w.network.timeout = HELD_ANSWER_TIMEOUT
    w.fake.fail_next("create_record", "hold")  # the record is written, the answer never comes in time
    post = w.post("Did it land?")
    assert post.state is PostState.SCHEDULED, post.error
    assert "needs no review" in (post.error or "")
    assert len(w.fake.posts(w.account)) == 1
    w.fake.release()
    again = w.services.poster.send(post.id)
    assert again.state is PostState.SENT
    [rec] = w.fake.posts(w.account)
    assert again.remote_id == rec.rkey
    assert w.fake.post_count("create_record") == 1  # the retry found it with getRecord and wrote nothing


def test_a_duplicate_key_500_is_retried_and_then_found(bluesky_world) -> None:
    w = bluesky_world
    w.fake.fail_next("create_record", "server_error", status=500)
    post = w.post("Server hiccup.")
    assert post.state is PostState.SCHEDULED and "server error (500" in (post.error or "")
    assert w.services.poster.send(post.id).state is PostState.SENT
    assert len(w.fake.posts(w.account)) == 1


def test_an_edited_post_whose_first_version_landed_needs_review(bluesky_world) -> None:
    """Its words cannot change while it is sent again by itself; once it waits for review they can, and sending
    the new words again finds the first version under its key."""
    from lease_helpers import dead_owner

    from personamgr.core.posting import MAX_TRANSIENT_ATTEMPTS

    w = bluesky_world
    w.fake.fail_next("create_record", "drop")  # written, then the connection closes without an answer
    post = w.post("Frist light.")
    assert post.state is PostState.SCHEDULED
    with pytest.raises(TransitionError, match="cannot change until it is sent"):
        w.services.outbox.edit(post.id, "First light.")
    # Its next sends end the app each time, until it waits for review: then the words may change.
    assert w.services.outbox.update_if(post.id, None, attempts=MAX_TRANSIENT_ATTEMPTS - 1)
    w.services.outbox.claim(post.id, owner=dead_owner())
    [review] = w.services.outbox.recover_abandoned()
    assert review.state is PostState.NEEDS_REVIEW
    w.services.outbox.edit(post.id, "First light.")
    again = w.services.poster.send(post.id, expect=[PostState.NEEDS_REVIEW])
    assert again.state is PostState.NEEDS_REVIEW and "earlier version of this post" in (again.error or "")
    assert [r.text for r in w.fake.posts(w.account)] == ["Frist light."]
    # Marked sent, the record is what Bluesky has; the words written since are kept as a draft.
    sent = w.services.workflows.mark_sent(post.id)
    assert (sent.state, sent.text) == (PostState.SENT, "Frist light.")
    assert [d.text for d in w.services.outbox.in_states([PostState.DRAFT])] == ["First light."]


def test_revoked_app_password_needs_reconnecting_and_keeps_the_post(bluesky_world) -> None:
    w = bluesky_world
    w.fake.revoke_sessions(w.account, passwords=True)
    post = w.post("Still there?")
    assert post.state is PostState.FAILED
    assert "app password" in (post.error or "") and "the post is kept" in (post.error or "")
    assert w.services.store.connection_state(w.persona.uid)[0] == "reconnect_needed"


@pytest.mark.parametrize(("status", "said"), [("takendown", "Account has been taken down"),
                                            ("deactivated", "Account is deactivated")])
def test_an_account_bluesky_took_down_is_said_so_not_taken_for_a_revoked_app_password(
        bluesky_world, status: str, said: str) -> None:
    """The PDS answers 401 AccountTakedown (AccountDeactivated) for an account moderation took down (its owner
    deactivated). That was taken for a dead session: a new one was asked for with the app password (spending one
    of the day's 300), and the post said "Bluesky refused the app password of sky.bsky.social (Account has been
    taken down): it was revoked or changed. Reconnect the account; the post is kept.", though no new app password
    and no reconnecting can post from it."""
    w = bluesky_world
    w.fake.take_down(w.account, status)
    post = w.post("Still here?")
    assert post.state is PostState.FAILED
    assert post.error == (f"Bluesky does not let this account post ({said}): Bluesky's moderation took it down, or "
                          "its owner deactivated it. Signing in again does not change that; the account must be "
                          "restored first.")
    assert w.fake.post_count("create_session") == 1  # the connect's; none spent on a sign-in that cannot help
    assert w.services.store.connection_state(w.persona.uid)[0] != "reconnect_needed"
    assert w.services.outbox.get(post.id).text == "Still here?"


def test_connecting_an_account_bluesky_took_down_says_so(bluesky_world) -> None:
    from personamgr.core.networks.accounts import ConnectError
    from personamgr.core.networks.bluesky.auth import Login, sign_in

    w = bluesky_world
    other, password = w.fake.add_account("gone.bsky.social")
    w.fake.take_down(other)
    with pytest.raises(ConnectError) as e:
        sign_in(w.network, None, Login("gone.bsky.social", password))
    assert str(e.value) == ("Bluesky could not sign in: Bluesky does not let this account post (Account has been taken "
                            "down): Bluesky's moderation took it down, or its owner deactivated it. Signing in again "
                            "does not change that; the account must be restored first.")


def test_an_ended_session_is_renewed_with_the_app_password(bluesky_world) -> None:
    w = bluesky_world
    w.fake.revoke_sessions(w.account)  # signed out elsewhere; the app password still works
    assert w.post("Renewed.").state is PostState.SENT
    assert w.fake.sessions_created(w.account) == 2
    creds = w.services.secrets.get_credentials(w.persona.uid)
    assert creds is not None
    assert w.post("Reused.").state is PostState.SENT
    assert w.fake.sessions_created(w.account) == 2  # the renewed session was kept and reused


def test_a_token_the_server_calls_expired_is_refreshed_not_replaced(bluesky_world) -> None:
    """The server's clock runs 3 hours ahead (or this machine's behind): it calls the 2-hour access token expired
    (400 ExpiredToken) while atproto, reading it by this machine's clock, thought it valid. The refresh token
    renews it (refreshSession); a new session would spend createSession, 30 per 5 minutes and 300 a day."""
    w = bluesky_world
    w.fake.clock_offset_s = 3 * 3600
    assert w.post("Refreshed, not signed in again.").state is PostState.SENT
    assert (w.fake.sessions_created(w.account), w.fake.post_count("refresh_session")) == (1, 1)
    assert w.post("With the refreshed session, kept.").state is PostState.SENT
    assert (w.fake.sessions_created(w.account), w.fake.post_count("refresh_session")) == (1, 1)


@pytest.mark.parametrize("refused", ["revoked", "expired"])
def test_a_refused_refresh_token_makes_a_new_session(bluesky_world, refused: str) -> None:
    """Only when the refresh token is refused too (401 revoked, 400 ExpiredToken) is the app password used."""
    w = bluesky_world
    w.fake.clock_offset_s = 3 * 3600
    w.fake.fail_next("refresh_session", refused)
    assert w.post("Signed in again.").state is PostState.SENT
    assert (w.fake.sessions_created(w.account), w.fake.post_count("refresh_session")) == (2, 1)
    assert w.post("With the new session, kept.").state is PostState.SENT
    assert (w.fake.sessions_created(w.account), w.fake.post_count("refresh_session")) == (2, 1)


def test_a_used_up_daily_create_session_limit_waits_for_its_reset(bluesky_world) -> None:
    """Bluesky allows 300 createSession a day per account (and 30 per 5 minutes); past them, 429 until the reset."""
    import time

    w = bluesky_world
    day_ago = time.time() - 86400 + 3600  # the oldest leaves the day's window in an hour
    with w.fake.lock:
        w.fake.b.sessions_made[w.account.did] = [day_ago + i for i in range(300)]
    w.fake.revoke_sessions(w.account)  # the stored session is gone: a new one is needed
    post = w.post("After the limit.")
    assert post.state is PostState.SCHEDULED and "rate limit" in (post.error or "")
    assert_waits_by_itself(post)
    assert post.next_attempt_at is not None and 3500 < (post.next_attempt_at.timestamp() - time.time()) < 3700
    assert [r.status for r in w.fake.requests if r.endpoint == "create_session"][-1] == 429


def test_rate_limit_waits_for_the_reset(bluesky_world) -> None:
    w = bluesky_world
    w.fake.fail_next("create_record", "rate_limit", reset_in=900)
    post = w.post("Rate limited.")
    assert post.state is PostState.SCHEDULED and "rate limit" in (post.error or "")
    assert_waits_by_itself(post)
    assert post.next_attempt_at is not None


def test_a_server_error_with_retry_after_waits_as_long_as_bluesky_asks(bluesky_world) -> None:
    from datetime import UTC, datetime, timedelta

    w = bluesky_world
    w.fake.fail_next("create_record", "server_error", status=503, retry_after="900")
    before = datetime.now(UTC)
    post = w.post("After the outage.")
    assert post.state is PostState.SCHEDULED, post.error
    assert post.next_attempt_at is not None and post.next_attempt_at >= before + timedelta(seconds=900)


def test_no_network_the_post_waits(bluesky_world) -> None:
    w = bluesky_world
    w.fake.refuse_connections()
    try:
        post = w.post("Offline.")
    finally:
        w.fake.accept_connections()
    assert post.state is PostState.SCHEDULED and "cannot be reached" in (post.error or "")
    assert_waits_by_itself(post)


def test_the_override_keeps_traffic_on_the_test_server(fake, plc, network_secrets, tmp_path: Path) -> None:
    from personamgr.core.clock import SystemClock
    from personamgr.core.networks.bluesky import BlueskyNetwork
    from personamgr.core.networks.bluesky.auth import Login, sign_in

    acc, password = fake.add_account("pin.bsky.social")
    plc.register(acc.did, acc.handle, "http://127.0.0.1:9")  # the DID document names another PDS; the override wins
    net = BlueskyNetwork(SystemClock(), base_url=fake.base_url, directory=plc.base_url)
    creds = sign_in(net, None, Login("pin.bsky.social", password))
    api = net.client(None)
    try:
        api.sign_in(creds)
        assert api.resolve("pin.bsky.social") == creds["did"]  # answered by the fake, not the named PDS
        assert [r.endpoint for r in plc.requests] == ["did_document"]  # the document that claims the handle
    finally:
        api.close()


def test_a_session_atproto_renews_while_posting_is_kept_for_the_next_post(bluesky_world) -> None:
    w = bluesky_world
    w.fake.access_ttl_s = 600  # atproto renews a session 15 minutes before its access token ends: every call now
    w.fake.revoke_sessions(w.account)
    assert w.post("New session.").state is PostState.SENT
    assert w.fake.sessions_created(w.account) == 2
    before = w.services.secrets.get_credentials(w.persona.uid)
    assert w.post("Renewed by atproto.").state is PostState.SENT
    after = w.services.secrets.get_credentials(w.persona.uid)
    assert before is not None and after is not None and after["session"] != before["session"]
    # the refresh token rotates: only the kept one works, and it did, without a new session
    assert w.post("With the kept session.").state is PostState.SENT
    assert w.fake.sessions_created(w.account) == 2
