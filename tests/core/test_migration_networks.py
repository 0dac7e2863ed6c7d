"""Schema 3 -> 4 (Mastodon and Bluesky): a real schema-3 file keeps every persona and post, with defaults."""

from __future__ import annotations

from pathlib import Path

from schema4_columns import lay_out_as

from personamgr.core import schema
from personamgr.core.clock import FakeClock
from personamgr.core.outbox import Outbox
from personamgr.core.personas import Persona, ServerLimits
from personamgr.core.store import Store


def schema3_file(path: Path, clock: FakeClock) -> str:
    """A database as schema 3 wrote it: today's tables less the columns schema 4 added."""
    st = Store.open(path, clock=clock)
    p = st.add_persona(Persona(name="career", handle="@career_me", topics=("careers",), network="x"))
    Outbox(st).create(p.uid, "Five questions to ask at the end of every interview")
    st.close()
    lay_out_as(path, 3)
    return p.uid


def test_schema_3_is_migrated_with_a_backup_and_nothing_lost(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "personamgr.db"
    uid = schema3_file(path, clock)
    st = Store.open(path, clock=clock, backups=tmp_path / "backups")
    try:
        assert st.schema_version() == schema.SCHEMA_VERSION == 9
        p = st.persona(uid)
        assert (p.name, p.handle, p.network, p.server, p.visibility, p.content_warning, p.server_limits) == (
            "career", "@career_me", "x", None, "public", "", None)
        [post] = Outbox(st).history(uid)
        assert post.text.startswith("Five questions") and post.content_warning is None and post.visibility is None
        st.update_persona(p.with_changes(network="mastodon", server="https://fosstodon.org",
                                         handle="@career@fosstodon.org"))
        st.set_server_limits(uid, ServerLimits(5000, 4, 23, "2026-03-09T10:00:00+00:00"))
        again = st.persona(uid)
        assert again.char_limit == 5000 and again.server == "https://fosstodon.org"
        st.update_persona(again.with_changes(description="edited"))  # an edit keeps what the server said
        assert st.persona(uid).server_limits == again.server_limits
    finally:
        st.close()
    assert len(list((tmp_path / "backups").glob("*schema3*.db"))) == 1
