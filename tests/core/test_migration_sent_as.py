"""Schema 8 -> 9: a post records the account its last send went out as; a thread already part-way out when the
app is upgraded is taken to be on the account its persona is connected to, so a switch afterwards still stops it."""

from __future__ import annotations

from pathlib import Path

from schema4_columns import lay_out_as

from personamgr.core import schema
from personamgr.core.clock import FakeClock
from personamgr.core.outbox import Outbox, PostState
from personamgr.core.personas import Persona
from personamgr.core.store import Store


def test_schema_8_is_migrated_and_a_thread_part_way_out_keeps_its_account(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    st = Store.open(path, clock=clock)
    p = st.add_persona(Persona(name="career", handle="@career_me", topics=("careers",), network="x"))
    st.set_connection_state(p.uid, "ok", "1001")
    outbox = Outbox(st)
    thread = outbox.create(p.uid, "1/2 Read the ad.", thread=("2/2 Count the verbs.",))
    assert outbox.update_if(thread.id, None, state=PostState.FAILED.value, remote_ids=["t1"], network="x")
    draft = outbox.create(p.uid, "Not sent yet.")
    st.close()
    lay_out_as(path, 8)
    st = Store.open(path, clock=clock, backups=tmp_path / "backups")
    try:
        assert st.schema_version() == schema.SCHEMA_VERSION == 9
        outbox = Outbox(st)
        assert (outbox.get(thread.id).sent_as, outbox.get(thread.id).sent_as_id) == ("@career_me", "1001")
        assert outbox.get(draft.id).sent_as_id is None
        st.update_persona(st.persona(p.uid).with_changes(handle="@jobs_desk"))
        st.set_connection_state(p.uid, "ok", "2002")
        [stopped] = outbox.review_after_switch(p.uid, was="@career_me", now="@jobs_desk")
        assert (stopped.id, stopped.state) == (thread.id, PostState.FAILED)
        assert (stopped.error or "").startswith("Part 1 of 2 went out as @career_me, but career now posts as "
                                                "@jobs_desk")
    finally:
        st.close()
    assert len(list((tmp_path / "backups").glob("*schema8*.db"))) == 1


def test_an_x_post_sent_again_after_a_server_error_is_so_for_an_hour_after_the_upgrade(
        tmp_path: Path, clock: FakeClock) -> None:
    """Schema 8 kept it sent again only as it is until sent, on the strength of X refusing a copy, which X does only
    for a recent post: after the upgrade it is so for an hour after the error, then waits for review."""
    from datetime import timedelta

    from personamgr.core.outbox import UNTIL_SENT

    path = tmp_path / "personamgr.db"
    st = Store.open(path, clock=clock)
    p = st.add_persona(Persona(name="career", handle="@career_me", topics=("careers",), network="x"))
    outbox = Outbox(st)
    post = outbox.create(p.uid, "Salary bands, explained.")
    assert outbox.update_if(post.id, None, state=PostState.SCHEDULED.value, repeat_safe_until=UNTIL_SENT)
    errored = outbox.get(post.id).updated_at
    st.close()
    lay_out_as(path, 8)
    st = Store.open(path, clock=clock)
    try:
        assert Outbox(st).get(post.id).repeat_safe_until == errored + timedelta(hours=1)
    finally:
        st.close()
