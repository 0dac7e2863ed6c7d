"""The database schema (SQLAlchemy Core) and its version.

``SCHEMA_VERSION`` is stored in SQLite's ``user_version``. Bump it with every
change here and add a step to :data:`personamgr.core.migrations.MIGRATIONS`
that brings a database of the previous version to the new one.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 9

metadata = MetaData()

personas = Table(
    "personas",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(32), nullable=False, unique=True),
    Column("name", String(64, collation="NOCASE"), nullable=False, unique=True),
    Column("position", Integer, nullable=False, default=0),
    Column("handle", String(16)),
    Column("description", Text, nullable=False, default=""),
    Column("topics", JSON, nullable=False, default=list),
    Column("keywords", JSON, nullable=False, default=list),
    Column("examples", JSON, nullable=False, default=list),
    Column("avoid", JSON, nullable=False, default=list),
    Column("hashtags", JSON, nullable=False, default=list),
    Column("colour", String(7), nullable=False),
    Column("network", String(32), nullable=False, default="sandbox"),
    Column("premium", Boolean, nullable=False, default=False),
    Column("timezone", String(64), nullable=False, default="UTC"),
    Column("sensitivity", String(16), nullable=False, default="normal"),
    Column("missed_policy", String(16), nullable=False, default="ask"),
    Column("late_hours", Integer, nullable=False, default=6),
    Column("queue_slots", JSON, nullable=False, default=list),
    Column("paused", Boolean, nullable=False, default=False),
    Column("monthly_budget_usd", Float),
    Column("monthly_post_cap", Integer),
    # Schema 4: Mastodon and Bluesky. The account's server, the Mastodon defaults for each post, and the
    # limits the server last reported (instance information; JSON, see personas.ServerLimits).
    Column("server", String(255)),
    Column("visibility", String(16), nullable=False, default="public"),
    Column("content_warning", Text, nullable=False, default=""),
    Column("server_limits", JSON),
    # Account link: which remote account the credentials in the keyring belong to.
    Column("remote_user_id", String(32)),
    Column("connection", String(24), nullable=False, default="ok"),
    Column("created_at", DateTime, nullable=False),
)

posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("persona_id", Integer, ForeignKey("personas.id", ondelete="CASCADE"), nullable=False),
    Column("state", String(16), nullable=False),
    Column("text", Text, nullable=False, default=""),
    # Thread parts after the first, and media; each a JSON list.
    Column("thread", JSON, nullable=False, default=list),
    Column("media", JSON, nullable=False, default=list),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("scheduled_at", DateTime),  # UTC, naive in the database
    Column("queue_rank", Float),  # order within the persona's queue
    Column("next_attempt_at", DateTime),  # a retry after a rate limit, an outage or a server error
    Column("attempts", Integer, nullable=False, default=0),
    Column("sent_at", DateTime),
    Column("network", String(32)),
    Column("remote_id", String(64)),
    Column("remote_url", Text),
    Column("remote_ids", JSON, nullable=False, default=list),  # one per thread part sent
    Column("error", Text),
    Column("cost_usd", Float),  # X pay-per-use cost of the parts that went out (see core.costs)
    Column("guard_override", Boolean, nullable=False, default=False),
    Column("guard_reasons", JSON, nullable=False, default=list),  # what the guard found (core.reason_words)
    # The words the user chose to post despite the guard ("post anyway"); edits close to them keep the choice.
    Column("override_text", Text),
    # Why a held post was held (core.holds.HoldKind); None for every other state.
    Column("hold_kind", String(24)),
    # Set when the scheduler held the post because its time passed while nothing could send it
    # (app closed, machine asleep, posting paused); the start-up "missed posts" list shows these.
    Column("missed_at", DateTime),
    # While ``sending``: who sends it and until when that claim holds unless renewed (see core.lease).
    Column("lease_owner", String(160)),
    Column("lease_until", DateTime),
    # Schema 4 (Mastodon): this post's content warning and visibility; NULL means the persona's default.
    Column("content_warning", Text),
    Column("visibility", String(16)),
    # Schema 5: until when the network still recognises a repeat of an attempt it never answered (Mastodon
    # keeps an Idempotency-Key for an hour). Past it, an automatic retry could post twice: review instead.
    Column("repeat_safe_until", DateTime),
    # Schema 8: what ``error`` says, as its kind and values (core.note_words), to be said in the reader's language;
    # NULL for a note kept only as a sentence (an older version's), shown as written.
    Column("error_words", JSON),
    # Schema 9: the account its last send went out as (or tried to): its handle, and its id as the persona's
    # ``remote_user_id`` names it. The parts out are on that account: the rest never continues them from another.
    Column("sent_as", Text),
    Column("sent_as_id", Text),
    # Schema 9: what its last send sent ({"parts": [...], "media": [...]}): what "mark as sent" records went out,
    # whatever the user edited since. NULL: nothing sent yet, or sent by an older version (its words then).
    Column("sent_content", JSON),
)
Index("ix_posts_state_due", posts.c.state, posts.c.scheduled_at)
Index("ix_posts_persona", posts.c.persona_id, posts.c.created_at)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", JSON),
)
