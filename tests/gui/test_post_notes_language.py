"""What a post says about itself (why it failed, that it missed its time or its persona's monthly cap, that it
may have gone out) reads in the language of whoever reads it, not of the process that wrote it.

The English daemon (or the CLI) fails, holds or loses a post and a Spanish window shows it; the Spanish window
does and ``personamgr posts show`` prints it. Each case is played twice, once in each language, and each record
is read in both: a record reads in a language exactly as the one written in that language does. The network's
own words stay as the network said them. A database from before keeps its sentences, shown as written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lease_helpers import dead_owner
from PySide6.QtWidgets import QApplication
from schema4_columns import drop_schema8_columns

from personamgr.cli.main import main as cli_main
from personamgr.core import schema
from personamgr.core.clock import FakeClock
from personamgr.core.networks.sandbox import DUPLICATE_MESSAGE
from personamgr.core.outbox import Outbox, Post, PostState
from personamgr.core.paths import AppPaths
from personamgr.core.personas import MissedPolicy, Persona
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services
from personamgr.core.store import Store
from personamgr.gui import i18n
from personamgr.gui.history import detail

pytestmark = pytest.mark.gui
START = datetime(2026, 3, 2, 12, tzinfo=UTC)
TEXT = "Five questions to ask at the end of every interview."
CAREER = Persona(name="career", handle="@career_me", description="Careers and hiring", topics=("careers",),
                 timezone="Europe/Madrid", missed_policy=MissedPolicy.ASK)


def refused(services: Services) -> int:
    """The sandbox refuses the same words twice on one account, as X does: the post fails with X's words."""
    uid = services.store.persona("career").uid
    assert services.poster.send(services.outbox.create(uid, TEXT).id).state is PostState.SENT
    return services.poster.send(services.outbox.create(uid, TEXT).id).id


def missed(services: Services) -> int:
    """Its time passed while nothing could send it (the app closed): held, with the time it missed."""
    post = PostSchedule(services.store, services.outbox, services.clock).create(
        services.store.persona("career").uid, TEXT, when=START + timedelta(minutes=5)).post
    services.clock.advance(timedelta(hours=3))
    engine = ScheduleEngine(services)
    engine.start()
    engine.run_due()
    return post.id


def over_the_cap(services: Services) -> int:
    """The persona's monthly post cap has no room for it: held, with the count, the cap and the day it resets."""
    persona = services.store.persona("career")
    services.store.update_persona(persona.with_changes(monthly_post_cap=0))
    return services.poster.send(services.outbox.create(persona.uid, TEXT).id).id


def sender_gone(services: Services) -> int:
    """The app sending it stopped mid-send: it may have gone out (needs review)."""
    post = services.outbox.create(services.store.persona("career").uid, TEXT)
    assert services.outbox.claim(post.id, owner=dead_owner()) is not None
    services.outbox.recover_abandoned()
    return post.id


CASES: dict[str, tuple[Callable[[Services], int], PostState]] = {
    "refused": (refused, PostState.FAILED),
    "missed": (missed, PostState.HELD),
    "over_the_cap": (over_the_cap, PostState.HELD),
    "sender_gone": (sender_gone, PostState.NEEDS_REVIEW),
}


def play(paths: AppPaths, secrets: SecretStore, case: str) -> int:
    """One case, in whatever language this process speaks now; the post it leaves behind."""
    clock = FakeClock()
    clock.set(START)
    services = open_services(paths, secrets=secrets, clock=clock)
    try:
        services.store.add_persona(CAREER)
        make, state = CASES[case]
        post_id = make(services)
        assert services.outbox.get(post_id).state is state
        return post_id
    finally:
        services.close()


def read(paths: AppPaths, post_id: int) -> Post:
    store = Store.open(paths.database, clock=FakeClock())
    try:
        return Outbox(store).get(post_id)
    finally:
        store.close()


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[Callable[[], None]]:
    """Speak Spanish from now on; the returned call goes back to English."""
    assert i18n.install(qapp, "es") == "es"
    yield lambda: i18n.uninstall(qapp)
    i18n.uninstall(qapp)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_note_written_in_one_language_reads_in_the_other(
        case: str, qapp: QApplication, tmp_path: Path, fail_secrets: SecretStore) -> None:
    base = tmp_path
    english_paths = AppPaths.resolve(base / "en").ensure()
    spanish_paths = AppPaths.resolve(base / "es").ensure()
    by_english = play(english_paths, fail_secrets, case)  # the daemon or the CLI
    assert i18n.install(qapp, "es") == "es"
    try:
        by_spanish = play(spanish_paths, fail_secrets, case)  # the window
        es_of_english, es_of_spanish = read(english_paths, by_english), read(spanish_paths, by_spanish)
        in_spanish = detail(es_of_spanish)
        assert detail(es_of_english) == in_spanish  # the history, the inbox, the status bar
    finally:
        i18n.uninstall(qapp)
    in_english = detail(read(english_paths, by_english))
    assert detail(read(spanish_paths, by_spanish)) == in_english
    assert in_english and in_spanish != in_english  # each was really said again


def test_the_networks_own_words_stay_as_it_said_them(
        qapp: QApplication, profile_paths: AppPaths, fail_secrets: SecretStore) -> None:
    post_id = play(profile_paths, fail_secrets, "refused")  # English
    assert i18n.install(qapp, "es") == "es"
    try:
        assert detail(read(profile_paths, post_id)) == f"X rechazó la publicación: {DUPLICATE_MESSAGE}"
    finally:
        i18n.uninstall(qapp)


def posts_show(paths: AppPaths, post_id: int, capsys: pytest.CaptureFixture[str], *json_flag: str) -> str:
    capsys.readouterr()
    assert cli_main(["--data-dir", str(paths.data.parent), "posts", "show", str(post_id), *json_flag]) == 0
    return capsys.readouterr().out


def test_a_note_the_window_wrote_reads_in_english_on_the_command_line(
        profile_paths: AppPaths, fail_secrets: SecretStore, capsys: pytest.CaptureFixture[str],
        spanish: Callable[[], None]) -> None:
    post_id = play(profile_paths, fail_secrets, "missed")  # the Spanish window's scheduler
    spanish()
    out = posts_show(profile_paths, post_id, capsys)
    assert "Missed its time (Mon 02 Mar 2026 13:05 CET) by 3 hours: personamgr was closed" in out, out
    assert "Perdió" not in out
    row = json.loads(posts_show(profile_paths, post_id, capsys, "--json"))
    assert row["error"].startswith("Missed its time (Mon 02 Mar 2026 13:05 CET) by 3 hours")
    assert row["error_kind"] == "missed_held"  # the machine form: what the note is about
    assert row["error_values"]["due"] == "2026-03-02T12:05:00+00:00"


def test_a_database_from_before_keeps_its_notes_as_written(
        profile_paths: AppPaths, fail_secrets: SecretStore, capsys: pytest.CaptureFixture[str]) -> None:
    """Schema 7 kept finished sentences: they open (migrated, backed up) and read exactly as they were written."""
    post_id = play(profile_paths, fail_secrets, "refused")
    old = f"X rechazó la publicación: {DUPLICATE_MESSAGE}"
    con = sqlite3.connect(profile_paths.database)
    with con:
        drop_schema8_columns(con)
        con.execute("UPDATE posts SET error = ? WHERE id = ?", (old, post_id))
        con.execute("PRAGMA user_version=7")
    con.close()
    store = Store.open(profile_paths.database, clock=FakeClock())
    try:
        assert store.schema_version() == schema.SCHEMA_VERSION == 9
    finally:
        store.close()
    assert list((profile_paths.data / "backups").glob("*schema7*.db"))
    assert detail(read(profile_paths, post_id)) == old
    assert old in posts_show(profile_paths, post_id, capsys)
    row = json.loads(posts_show(profile_paths, post_id, capsys, "--json"))
    assert (row["error"], row["error_kind"], row["error_values"]) == (old, None, None)
