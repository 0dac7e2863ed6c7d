"""Export and import everything a profile holds that is the user's own work: personas, drafts, the queue, settings.

One TOML file, readable by eye. Its ``[[persona]]`` tables are the personas
file's (so export then import loses nothing), each ``[[post]]`` is a draft or a
scheduled post, and ``[settings]`` holds the settings that differ from their
defaults. Credentials are never in it: they stay in the keyring, and an
imported X persona is connected again. Sent history stays where it is (it is
the record of what went out, not something to replay elsewhere).

Import checks the whole file before it writes anything; then personas land in
one transaction, as a personas import does (a persona's fields the file leaves
out keep their values, and the personas are backed up first when one changes),
and posts follow. A post already present (same persona, same
words, same state) is not added twice, so importing the same file again is harmless.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from personamgr.core import persona_import
from personamgr.core.atomic_file import write_text_atomically
from personamgr.core.faults import STORAGE_ERRORS, in_words, sentence
from personamgr.core.i18n import translate
from personamgr.core.outbox import Post, PostState
from personamgr.core.persona_file import PersonaEntry, PersonaFileError, TableLines, persona_table, read_entries
from personamgr.core.scheduling.local_time import FIRST_YEAR, LAST_YEAR
from personamgr.core.services import Services
from personamgr.core.settings import BY_KEY, SettingError
from personamgr.core.unreadable import read_fault

FORMAT = "personamgr-archive"
VERSION = 1
EXPORTED_STATES = (PostState.DRAFT, PostState.SCHEDULED)


class ArchiveError(ValueError):
    """The file is not an archive this version can import; the message names the file and the problem."""


@dataclass(slots=True)
class ArchiveSummary:
    personas: int
    posts: int
    settings: int
    skipped: int = 0  # posts already present

    def describe(self) -> str:
        personas, posts, settings, skipped = self.personas, self.posts, self.settings, self.skipped
        text = translate("Archive", "%n persona(s)", None, personas) + ", " + translate(
            "Archive", "%n draft(s) and scheduled post(s)", None, posts) + ", " + translate(
            "Archive", "%n setting(s)", None, settings)
        if skipped:
            text += "; " + translate("Archive", "%n post(s) were already here", None, skipped)
        return text


def _post_table(post: Post) -> dict[str, Any]:
    t: dict[str, Any] = {"persona": post.persona_uid, "state": post.state.value, "text": post.text}
    if post.thread:
        t["thread"] = list(post.thread)
    if post.state is PostState.SCHEDULED and post.scheduled_at is not None:
        t["scheduled_at"] = post.scheduled_at.astimezone(UTC)
        t["queue"] = post.queue_rank is not None
    return t


def export_archive(services: Services, path: str | os.PathLike[str]) -> ArchiveSummary:
    """Write the archive atomically (a crash never leaves half a file). Never includes a secret."""
    personas = services.store.personas()
    posts = [p for p in services.outbox.in_states(EXPORTED_STATES) if p.text.strip() or p.thread]
    settings = {k: v for k, v in services.settings.values().items() if v != BY_KEY[k].default}
    data: dict[str, Any] = {
        "format": FORMAT, "version": VERSION, "exported_at": services.clock.now().astimezone(UTC),
        "settings": settings,
        "persona": [persona_table(p) for p in personas],
        "post": [_post_table(p) for p in posts],
    }
    text = ("# personamgr archive: personas, drafts, the queue and settings. "  # English: the file's first line
            "Credentials are never exported.\n\n" + tomli_w.dumps(data, multiline_strings=True))
    write_text_atomically(path, text)
    return ArchiveSummary(len(personas), len(posts), len(settings))


@dataclass(frozen=True, slots=True)
class _Incoming:
    personas: list[PersonaEntry]
    posts: list[dict[str, Any]]
    settings: dict[str, Any]


def read_archive(path: str | os.PathLike[str]) -> _Incoming:
    """Parse and check the whole file; raises :class:`ArchiveError` before anything is written."""
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise ArchiveError(translate(
            "Archive", "{file}: file not found").format(file=p)) from None
    except OSError as e:
        raise ArchiveError(translate(
            "Archive", "{file}: cannot be read: {error}").format(file=p, error=read_fault(e))) from None
    except UnicodeDecodeError as e:
        line = e.object[: e.start].count(b"\n") + 1 if isinstance(e.object, bytes) else 1
        raise ArchiveError(translate("Archive", "{file}: line {line} is not UTF-8 text").format(file=p, line=line)
                           ) from None
    except tomllib.TOMLDecodeError as e:
        raise ArchiveError(translate(
            "Archive", "{file}: not valid TOML: {error}").format(file=p, error=e)) from None
    if data.get("format") != FORMAT:
        raise ArchiveError(translate(
            "Archive", "{file}: not a personamgr archive (a personas file is imported with File ▸ Import "
            "personas…)").format(file=p))
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ArchiveError(translate(
            "Archive", "{file}: written by a newer personamgr (archive version {version}); update personamgr to import "
            "it").format(file=p, version=repr(data.get('version'))))
    tables = data.get("persona", [])
    try:
        personas = read_entries(tomli_w.dumps({"persona": tables}), p) if tables else []
    except PersonaFileError as e:
        raise ArchiveError(f"{p}: {e.problem}") from None
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise ArchiveError(translate(
            "Archive", "{file}: [settings] must be a table").format(file=p))
    for key, value in settings.items():
        if key not in BY_KEY:
            raise ArchiveError(translate(
                "Archive", "{file}: unknown setting {key}").format(file=p, key=repr(key)))
        try:
            BY_KEY[key].check(value)
        except SettingError as e:
            raise ArchiveError(f"{p}: {e}") from None
    uids = {x.values.get("uid") for x in personas}
    posts = data.get("post", [])
    if not isinstance(posts, list):
        raise ArchiveError(translate(
            "Archive", "{file}: 'post' must be written as [[post]] tables").format(file=p))
    lines = TableLines(text, "post")
    for i, t in enumerate(posts, 1):
        where = translate("Archive", "{file}: post #{number}").format(file=p, number=i)
        queued = t.get("queue", False) if isinstance(t, dict) else False
        if not isinstance(queued, bool):  # "yes", 1 or "true" read as true would queue a post the file never did
            line = lines.key_line(i - 1, "queue") if len(lines) == len(posts) else None
            at = translate("Archive", "{where}, line {line}").format(where=where, line=line) if line else where
            raise ArchiveError(translate("Archive", "{where}: queue is true or false, not {value}").format(
                where=at, value=repr(queued)))
        if not isinstance(t, dict) or not isinstance(t.get("text"), str):
            raise ArchiveError(f"{where}: needs a text")
        if t.get("persona") not in uids:
            raise ArchiveError(translate(
                "Archive", "{where}: names a persona that is not in the file").format(where=where))
        if t.get("state") not in {s.value for s in EXPORTED_STATES}:
            raise ArchiveError(translate(
                "Archive", "{where}: state must be draft or scheduled").format(where=where))
        thread = t.get("thread", [])
        if not isinstance(thread, list) or not all(isinstance(x, str) for x in thread):
            raise ArchiveError(translate(
                "Archive", "{where}: 'thread' must be a list of texts").format(where=where))
        if t["state"] == PostState.SCHEDULED.value and not isinstance(t.get("scheduled_at"), datetime):
            raise ArchiveError(translate(
                "Archive", "{where}: a scheduled post needs scheduled_at (a date and time)").format(where=where))
        when = t.get("scheduled_at")
        if isinstance(when, datetime) and when.tzinfo is None:
            raise ArchiveError(translate(
                "Archive", "{where}: scheduled_at needs a UTC offset").format(where=where))
        if isinstance(when, datetime) and not all(FIRST_YEAR <= w.year <= LAST_YEAR for w in (when, _utc(when))):
            raise ArchiveError(translate(  # a time with no date in a persona's zone fails every list that shows it
                "Archive", "{where}: scheduled_at {when} is outside the dates personamgr can schedule ({first} to "
                "{last})").format(where=where, when=when, first=FIRST_YEAR, last=LAST_YEAR))
    return _Incoming(personas, posts, settings)


def _utc(when: datetime) -> datetime:
    try:
        return when.astimezone(UTC)
    except OverflowError:  # year 1 with a positive offset, or 9999 with a negative one
        return datetime.min.replace(tzinfo=UTC)


class ArchiveIncomplete(ArchiveError):
    """The profile could not be written part-way (a full disk ...). The message is the fault; ``info`` says what
    went in and how to finish: importing the same file again adds only what is missing."""

    def __init__(self, message: str, info: str) -> None:
        super().__init__(message)
        self.info = info


def import_archive(services: Services, path: str | os.PathLike[str]) -> ArchiveSummary:
    """Add or update the file's personas, add its drafts and scheduled posts, apply its settings."""
    incoming = read_archive(path)
    done = ArchiveSummary(0, 0, 0)
    try:
        return _import(services, incoming, path, done)
    except STORAGE_ERRORS as e:
        where = services.paths.database if services.paths else None
        if done.personas or done.posts:
            info = translate("Archive", "Imported so far: {what}. Import {name} again once that is fixed: what is "
                             "already here is not added twice.").format(what=done.describe(), name=Path(path).name)
        else:
            info = translate("Archive", "Nothing was imported.")
        raise ArchiveIncomplete(sentence(in_words(e, where)), info) from e


def _import(services: Services, incoming: _Incoming, path: str | os.PathLike[str],
            done: ArchiveSummary) -> ArchiveSummary:
    """``import_archive``'s writes, counting in ``done`` what has gone in (reported when a write fails)."""
    store, outbox = services.store, services.outbox
    uid_of: dict[object, str] = {}
    if incoming.personas:
        try:
            plan = persona_import.plan_import(store.personas(), incoming.personas, Path(path))
        except PersonaFileError as e:
            raise ArchiveError(str(e)) from None
        backups = services.paths.backups if services.paths else Path(path).parent / "backups"
        persona_import.apply_import(store, plan, backups, services.clock)
        uid_of = {c.entry.values.get("uid"): c.persona.uid for c in plan.changes}
        done.personas = len(incoming.personas)
    present = {(x.persona_uid, x.state.value, x.text, x.thread) for x in outbox.in_states(EXPORTED_STATES)}
    added = skipped = 0
    for t in incoming.posts:
        uid = uid_of[t["persona"]]
        thread = tuple(t.get("thread", ()))
        if (uid, t["state"], t["text"], thread) in present:
            skipped += 1
            continue
        post = outbox.create(uid, t["text"], thread=thread)
        if t["state"] == PostState.SCHEDULED.value:
            when: datetime = t["scheduled_at"]
            rank = when.timestamp() if t.get("queue") else None
            outbox.update_if(post.id, [PostState.DRAFT], state=PostState.SCHEDULED.value, scheduled_at=when,
                             queue_rank=rank)
        added += 1
        done.posts = added
    services.settings.update(incoming.settings)
    return ArchiveSummary(len(incoming.personas), added, len(incoming.settings), skipped)
