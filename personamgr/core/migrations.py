"""Schema migrations: ``MIGRATIONS[v]`` brings a database at schema ``v`` to ``v + 1``.

Each step runs inside the single transaction that :meth:`Store.open` starts,
after the file has been backed up, so a failed step leaves the database as it
was. Steps must keep every row: add columns with defaults, copy tables, never
drop user data.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Connection

from personamgr.core.holds import HoldKind

Migration = Callable[[Connection], None]

# What the guard's messages said before reasons carried their kind (schema 1 kept only the messages).
_V1_HOLD_WORDS = (
    ("could not check", HoldKind.UNCHECKED),
    ("characters as X counts", HoldKind.X_RULES),
    ("cashtags", HoldKind.X_RULES),
    ("almost the same text", HoldKind.NEAR_DUPLICATE),
    ("nearly the same as a recent post", HoldKind.NEAR_DUPLICATE),
    ("which links the two accounts", HoldKind.LEAK),
    ("were bare links too", HoldKind.LINK_STREAK),
)


def _v1_hold_kind(messages: list[str]) -> HoldKind:
    found = {kind for text in messages for words, kind in _V1_HOLD_WORDS if words in text}
    return next((k for k in HoldKind if k in found), HoldKind.OFF_FOCUS)


def _v1_to_v2(con: Connection) -> None:
    """Held is its own state: posts stopped before sending were "needs review" in schema 1.

    A needs-review post that never went out (no part sent) and was held by the scheduler (its time
    passed: ``missed_at``) or by the guard (reasons, and no "post anyway") becomes *held* with the kind
    of its hold. Needs review is left to posts that may have gone out.
    """
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN override_text TEXT")
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN hold_kind VARCHAR(24)")
    con.exec_driver_sql("UPDATE posts SET override_text = text WHERE guard_override")
    rows = con.exec_driver_sql(
        "SELECT id, missed_at, guard_reasons, guard_override, remote_ids FROM posts WHERE state = 'needs_review'"
    ).all()
    for post_id, missed_at, reasons_json, override, remote_ids_json in rows:
        if json.loads(remote_ids_json or "[]"):
            continue  # a part went out: that post may really need review
        reasons = json.loads(reasons_json or "[]")
        if missed_at is not None:
            kind = HoldKind.MISSED
        elif reasons and not override:
            kind = _v1_hold_kind(reasons)
        else:
            continue
        con.exec_driver_sql("UPDATE posts SET state = 'held', hold_kind = ? WHERE id = ?", (kind.value, post_id))


def _v2_to_v3(con: Connection) -> None:
    """A post being sent records its sender and lease, so a process that notices a dead sender can recover
    its post without a restart. Posts an older version left in ``sending`` have none: they are recovered when
    their last change is older than a lease."""
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN lease_owner VARCHAR(160)")
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN lease_until DATETIME")


def _v3_to_v4(con: Connection) -> None:
    """Mastodon and Bluesky personas: the account's server, the per-post defaults (visibility, content
    warning) and the server's cached limits; each post's own content warning and visibility."""
    for ddl in (
        "ALTER TABLE personas ADD COLUMN server VARCHAR(255)",
        "ALTER TABLE personas ADD COLUMN visibility VARCHAR(16) NOT NULL DEFAULT 'public'",
        "ALTER TABLE personas ADD COLUMN content_warning TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE personas ADD COLUMN server_limits JSON",
        "ALTER TABLE posts ADD COLUMN content_warning TEXT",
        "ALTER TABLE posts ADD COLUMN visibility VARCHAR(16)",
    ):
        con.exec_driver_sql(ddl)


def _v4_to_v5(con: Connection) -> None:
    """A post whose send went unanswered records until when the network recognises a repeat (Mastodon's
    Idempotency-Key lasts an hour), so a retry after that goes to review instead of posting twice."""
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN repeat_safe_until DATETIME")


def _v5_to_v6(con: Connection) -> None:
    """A post may be held for its persona's monthly post cap or budget (hold kind ``monthly_limit``). No table
    changes; the version moves so that an older personamgr, which cannot read that hold, refuses the database
    as written by a newer one instead of failing on the post."""


def _v6_to_v7(con: Connection) -> None:
    """A post keeps the guard's reasons as what was found (kind and values, core.reason_words), so each reader
    reads them in their own language. No table changes: the sentences older versions kept stay as they are and
    are shown as written; the version moves so that an older personamgr, which would show the new reasons as
    raw data, refuses the database instead."""


def _v7_to_v8(con: Connection) -> None:
    """A post keeps what its note says (why it failed, missed its time, may have gone out) as a kind and values
    beside the sentence, so each reader reads it in their own language. The sentences older versions kept have
    none, and are shown as written."""
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN error_words JSON")


def _v8_to_v9(con: Connection) -> None:
    """A post records the account its last send went out as, so a thread begun as one account is never continued
    as another after its persona is switched, and what that send sent, so "mark as sent" records that. Posts with
    parts out, or that may be out, are taken to have gone out as the account their persona is connected to now
    (on the network they went out on): the best that is known. An X post sent again only as it is after a server
    error is so for an hour, no longer until it is sent."""
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN sent_as TEXT")
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN sent_as_id TEXT")
    con.exec_driver_sql("ALTER TABLE posts ADD COLUMN sent_content JSON")
    con.exec_driver_sql(
        "UPDATE posts SET sent_as = (SELECT handle FROM personas WHERE personas.id = posts.persona_id), "
        "sent_as_id = (SELECT remote_user_id FROM personas WHERE personas.id = posts.persona_id) "
        "WHERE (json_array_length(remote_ids) > 0 OR state IN ('sending', 'needs_review')) "
        "AND (network IS NULL OR network = (SELECT network FROM personas WHERE personas.id = posts.persona_id))")
    # An X post sent again only as it is after a server error was so until sent; X refuses a copy only of a recent
    # post, so it is so for an hour after its last change (the error), then waits for review.
    con.exec_driver_sql(
        "UPDATE posts SET repeat_safe_until = datetime(updated_at, '+1 hour') WHERE repeat_safe_until >= '9000' "
        "AND COALESCE(network, (SELECT network FROM personas WHERE personas.id = posts.persona_id)) = 'x'")


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6,
                                    6: _v6_to_v7, 7: _v7_to_v8, 8: _v8_to_v9}
