"""A post the guard held reads in the language of whoever reads it, not of the process that held it.

The English daemon (or the CLI) holds a post and a Spanish window shows it; the Spanish window holds one and
``personamgr posts show`` prints it: each reads the hold and its reasons in its own language. A database
written before the reasons were kept as data keeps its sentences and shows them as they were written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from schema4_columns import drop_schema8_columns

from personamgr.cli.main import main as cli_main
from personamgr.core import schema
from personamgr.core.clock import FakeClock
from personamgr.core.guard import rules
from personamgr.core.guard.types import Reason
from personamgr.core.holds import HoldKind
from personamgr.core.outbox import Post, PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.secrets import SecretStore
from personamgr.core.services import open_services
from personamgr.core.store import Store
from personamgr.gui import i18n
from personamgr.gui.history import detail

pytestmark = pytest.mark.gui
START = datetime(2026, 3, 2, 12, tzinfo=UTC)
TEXT = "Watch $AAPL and $TSLA this week: earnings say more about hiring than any job report."
CAREER = Persona(name="career", handle="@career_me", description="Careers and hiring", topics=("careers",))

EN_HELD = "Held before sending: Sandbox will refuse this post as it is on career. Edit it, or delete it."
EN_REASONS = ["This account already posted almost the same text; X refuses duplicate posts.",
              "It has 2 cashtags ($AAPL, $TSLA); the sandbox allows at most one per post, as X does."]
ES_HELD = "Retenida antes de enviarla: Pruebas rechazará esta publicación tal como está en career. Edítala o bórrala."
ES_REASONS = ["Esta cuenta ya publicó casi el mismo texto; X rechaza las publicaciones duplicadas.",
              "Tiene 2 cashtags ($AAPL, $TSLA); Pruebas permite como mucho uno por publicación, como X."]


def posted_already(post: Post, persona: Persona) -> Sequence[Reason]:
    """The guard's own rules as the send-time check: the same words went out already, with two cashtags."""
    found = (rules.duplicate_rule(persona, post.text, {persona.name: [post.text]}),
             rules.cashtag_rule(persona, post.text))
    return [r for r in found if r is not None]


def hold_one(paths: AppPaths, clock: FakeClock, secrets: SecretStore) -> int:
    """Schedule a post and let the scheduler hold it, in whatever language this process speaks now."""
    services = open_services(paths, secrets=secrets, clock=clock, pre_send_check=posted_already)
    try:
        clock.set(START)
        persona = services.store.add_persona(CAREER)
        post = PostSchedule(services.store, services.outbox, clock).create(
            persona.uid, TEXT, when=START + timedelta(minutes=5)).post
        clock.advance(timedelta(minutes=5))
        engine = ScheduleEngine(services)
        engine.start()
        engine.run_due()
        held = services.outbox.get(post.id)
        assert (held.state, held.hold_kind) == (PostState.HELD, HoldKind.X_RULES)
        return held.id
    finally:
        services.close()


def read(paths: AppPaths, clock: FakeClock, post_id: int) -> Post:
    store = Store.open(paths.database, clock=clock)
    try:
        from personamgr.core.outbox import Outbox

        return Outbox(store).get(post_id)
    finally:
        store.close()


def posts_show(paths: AppPaths, post_id: int, capsys: pytest.CaptureFixture[str], *json_flag: str) -> str:
    capsys.readouterr()
    assert cli_main(["--data-dir", str(paths.data.parent), "posts", "show", str(post_id), *json_flag]) == 0
    return capsys.readouterr().out


def test_a_post_held_in_english_reads_in_spanish_in_the_window(
        qapp: QApplication, profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore) -> None:
    post_id = hold_one(profile_paths, clock, fail_secrets)  # the daemon or the CLI: English
    assert i18n.install(qapp, "es") == "es"
    try:
        post = read(profile_paths, clock, post_id)
        assert detail(post) == ES_HELD  # the history and the inbox
        assert list(post.reasons) == ES_REASONS
    finally:
        i18n.uninstall(qapp)
    assert detail(post) == EN_HELD  # the same record, read again in English
    assert list(post.reasons) == EN_REASONS


def test_a_post_held_in_spanish_reads_in_english_on_the_command_line(
        qapp: QApplication, profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n.install(qapp, "es") == "es"
    try:
        post_id = hold_one(profile_paths, clock, fail_secrets)  # the window's scheduler: Spanish
    finally:
        i18n.uninstall(qapp)
    out = posts_show(profile_paths, post_id, capsys)
    assert EN_HELD in out
    assert all(f"  - {r}" in out for r in EN_REASONS), out
    assert "Retenida" not in out and "Tiene 2" not in out
    row = json.loads(posts_show(profile_paths, post_id, capsys, "--json"))
    assert row["reasons"] == EN_REASONS  # the machine form: the sentences, and what they are about
    assert row["reason_kinds"] == ["duplicate", "cashtags"]
    assert row["reason_values"][1] == {"cashtags": ["$AAPL", "$TSLA"], "network": "sandbox"}


def test_a_database_from_before_keeps_its_sentences(
        qapp: QApplication, profile_paths: AppPaths, clock: FakeClock, fail_secrets: SecretStore,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Schema 6 kept finished sentences: they open (migrated, backed up) and read exactly as they were written,
    in any language, beside nothing made up."""
    post_id = hold_one(profile_paths, clock, fail_secrets)
    old = ["Ya publicaste casi el mismo texto en esta cuenta; X rechaza las publicaciones duplicadas."]
    old_error = "Retenida antes de enviarla: X rechazará esta publicación tal como está en career."
    con = sqlite3.connect(profile_paths.database)
    with con:
        con.execute("UPDATE posts SET guard_reasons = ?, error = ? WHERE id = ?", (json.dumps(old), old_error, post_id))
        drop_schema8_columns(con)
        con.execute("PRAGMA user_version=6")
    con.close()
    store = Store.open(profile_paths.database, clock=clock)
    try:
        assert store.schema_version() == schema.SCHEMA_VERSION == 9
    finally:
        store.close()
    assert list((profile_paths.data / "backups").glob("*schema6*.db"))
    post = read(profile_paths, clock, post_id)
    assert list(post.reasons) == old and detail(post) == old_error  # English reader: shown as written
    out = posts_show(profile_paths, post_id, capsys)
    assert old_error in out and f"  - {old[0]}" in out
    row = json.loads(posts_show(profile_paths, post_id, capsys, "--json"))
    assert row["reasons"] == old and row["reason_kinds"] == [None] and row["reason_values"] == [None]


def every_kept_reason() -> list[Reason]:
    """One reason of each kind and wording a post can keep, made by the guard's own code."""
    from personamgr.core.guard.guard import _off_focus_values
    from personamgr.core.guard.post_check import check_parts
    from personamgr.core.text import measure_for

    x = Persona(name="career", handle="@career_me", description="Careers and hiring", network="x",
                avoid=("heavy metal",))
    metal = Persona(name="metal", handle="@metal_me", topics=("guitars",), network="x", hashtags=("#riffs",))
    masto = Persona(name="chef", handle="@chef@cooking.social", network="mastodon")
    masto2 = Persona(name="baker", handle="@baker@cooking.social", network="mastodon")
    words = "The same words about hiring, twice over."
    bare = Persona(name="plain")
    sky = Persona(name="sky", handle="@sky.bsky.social", network="bluesky")
    found = [
        rules.avoid_rule(x, "Heavy metal at the job fair", ["gigs"]),
        rules.leak_rule([x, metal], x, "Ask @metal_me about it"),
        rules.leak_rule([x, metal], x, "New week, new #riffs"),
        rules.duplicate_rule(x, words, {"career": [words]}, [x]),
        rules.duplicate_rule(masto, words, {"chef": [words]}, [masto]),
        rules.duplicate_rule(x, words, {"metal": [words]}, [x, metal]),
        rules.duplicate_rule(masto, words, {"baker": [words]}, [masto, masto2]),
        *(rules.duplicate_rule(p, words, None, ps, upcoming={name: [words]})  # a copy on the schedule, not out
          for p, name, ps in ((x, "career", [x]), (masto, "chef", [masto]), (x, "metal", [x, metal]),
                              (masto, "baker", [masto, masto2]))),
        rules.length_rule(x, measure_for(x, "word " * 80)),
        rules.length_rule(masto, measure_for(masto, "word " * 120)),
        rules.length_rule(sky, measure_for(sky, "🧑‍🍳" * 280)),  # within Bluesky's 300 graphemes, over its bytes
        rules.cashtag_rule(x, TEXT),
        rules.cashtag_rule(x.with_changes(network="sandbox"), TEXT),  # the sandbox's rule, as X's
        rules.link_streak_rule(x, "https://example.com/a", {"career": ["https://example.com/b"] * 3}),
        *(Reason.found("topic", _off_focus_values(p, s)) for p in (x, bare) for s in ("metal", None)),
    ]

    class Parts:  # the guard's whole-post answer is not what this is about: only the rules X applies per part
        def check(self, personas: object, text: str, persona: str, recent: object = None,
                  upcoming: object = None) -> object:
            from personamgr.core.guard.types import GuardResult

            return GuardResult(persona, True, 1.0, {persona: 1.0}, None, (), 0, False)

    thread = check_parts(Parts(), [x], ["$AAPL and $TSLA", "word " * 80], "career")
    assert [r.kind for r in thread.reasons] == ["cashtags", "too_long"]
    return [r for r in [*found, *thread.reasons] if r is not None]


def test_every_reason_a_post_keeps_reads_as_the_guard_says_it_in_each_language(qapp: QApplication) -> None:
    """The kept values are enough to say each reason exactly as the guard would in the reader's language."""
    from personamgr.core.reason_words import said

    english = every_kept_reason()
    assert len(english) == 23 and all(r.values is not None for r in english)
    kept = [json.loads(json.dumps(r.kept())) for r in english]  # through the database's JSON
    assert [said(k) for k in kept] == [r.message for r in english]
    assert i18n.install(qapp, "es") == "es"
    try:
        spanish = [r.message for r in every_kept_reason()]
        assert [said(k) for k in kept] == spanish
    finally:
        i18n.uninstall(qapp)
    assert all(es != en.message for es, en in zip(spanish, english, strict=True))  # each one really was said again
    assert "Parte 2:" in spanish[-1] and spanish[-1] != english[-1].message
