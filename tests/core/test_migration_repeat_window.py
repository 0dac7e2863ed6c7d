"""Schema 4 -> 5: posts learn until when a network recognises a repeat of an unanswered send; nothing is lost."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from schema4_columns import lay_out_as

from personamgr.core import schema
from personamgr.core.clock import FakeClock
from personamgr.core.outbox import Outbox, PostState
from personamgr.core.personas import Persona
from personamgr.core.store import Store


def test_schema_4_is_migrated_with_a_backup_and_nothing_lost(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    st = Store.open(path, clock=clock)
    p = st.add_persona(Persona(name="career", handle="@career@fosstodon.org", topics=("careers",),
                               network="mastodon", server="https://fosstodon.org"))
    post = Outbox(st).create(p.uid, "Five questions to ask at the end of every interview", visibility="unlisted")
    st.close()
    lay_out_as(path, 4)
    st = Store.open(path, clock=clock, backups=tmp_path / "backups")
    try:
        assert st.schema_version() == schema.SCHEMA_VERSION == 9
        outbox = Outbox(st)
        got = outbox.get(post.id)
        assert (got.text, got.visibility, got.repeat_safe_until) == (post.text, "unlisted", None)
        until = clock.now() + timedelta(minutes=55)
        assert outbox.update_if(post.id, [PostState.DRAFT], repeat_safe_until=until)
        assert outbox.get(post.id).repeat_safe_until == until
    finally:
        st.close()
    assert len(list((tmp_path / "backups").glob("*schema4*.db"))) == 1
