"""Every note a post can keep about itself reads whole in each language: no kind without Spanish, no
placeholder left unfilled, no "None" where a value was missing (as every_kept_reason does for the guard's
reasons, tests/gui/test_held_reasons_language.py)."""

from __future__ import annotations

import errno
import string
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from personamgr.core.note_words import _DOUBTS, _SENTENCES, NOTE_WORDS
from personamgr.core.reason_words import Note, reason_words, said
from personamgr.gui import i18n

pytestmark = pytest.mark.gui

NUMBERS = {"n", "status", "wait_s", "minutes", "part", "max", "length", "count"}


def _kept(kind: str, **values: Any) -> dict[str, Any]:
    return Note(kind, **values).kept()


def _sample(name: str) -> object:
    return "x" if name == "network" else 3 if name in NUMBERS else 503 if name == "status_of" else f"«{name}»"


def _from_sentence(source: str) -> dict[str, Any]:
    """A value for each placeholder of a one-sentence note."""
    names = {field for _, field, _, _ in string.Formatter().parse(source) if field}
    return {name: _sample(name) for name in names}


def every_note() -> list[tuple[str, dict[str, Any]]]:
    """Each note kind with the values it is kept with, and the variants its words tell apart."""
    missed = {"due": "2026-03-02T14:00:00+00:00", "zone": "America/New_York", "late_minutes": 190}
    refused = _kept("x_refused", error="You are not allowed to create a Tweet with duplicate content.")
    cases: list[tuple[str, dict[str, Any]]] = [(kind, _from_sentence(_SENTENCES[kind][1])) for kind in _SENTENCES]
    cases += [(kind, _from_sentence(_DOUBTS[kind][1])) for kind in _DOUBTS]
    cases += [(kind, {**_from_sentence(_DOUBTS[kind][1]), "bare": True}) for kind in _DOUBTS]
    cases += [
        ("mastodon_server_error", {"server": "social.example", "status_of": None, "server_message": "Bad gateway"}),
        ("x_clock", {"minutes": 3.5, "ahead": True}), ("x_clock", {"minutes": 3.5, "ahead": False}),
        ("in_doubt", {"out": 1, "total": 3, "why": _kept("x_write_timeout")}),
        ("part_failed", {"sent": 1, "failed": 2, "error": refused}),
        ("part_failed", {"sent": 2, "failed": 3, "error": refused}),
        ("other_network", {"n": 1, "went": "x", "persona": "career", "network": "mastodon"}),
        ("other_network", {"n": 2, "went": "x", "persona": "career", "network": "mastodon"}),
        *(("thread_switched", {"n": n, "total": 3, "was": "@metal", "persona": "metal", "now": "@riffs"})
          for n in (1, 2)),
        *(("thread_rejoined", {"n": n, "total": 3, "persona": "metal", "now": "@metal"}) for n in (1, 2)),
        ("unknown_network", {"persona": "career", "network": "myspace"}),
        ("demo_network", {"persona": "career", "network": "mastodon"}),
        ("not_sent", {"problems": [_kept("too_many_cashtags", cashtags=["$AAPL", "$TSLA"])]}),
        ("too_many_cashtags", {"cashtags": ["$AAPL", "$TSLA"]}),
        ("too_many_cashtags", {"cashtags": ["$AAPL", "$TSLA"], "part": 2}),
        ("too_many_images", {"network": "x", "max": 4, "count": 5}),
        ("too_many_images", {"network": "x", "max": 4, "count": 5, "part": 2}),
        ("media_type", {"name": "scan.bmp", "type": "BMP", "network": "X", "types": ["PNG", "JPEG", "GIF", "WebP"]}),
        ("media_type", {"name": "notes.txt", "type": None, "network": "X", "types": ["PNG", "JPEG"]}),
        ("media_too_big", {"name": "poster.png", "size": 6_000_000, "network": "X", "limit": 5_242_880,
                           "hint": "Make it smaller, then attach it again."}),
        ("animated_alone", {"network": "X", "name": "dance.gif", "part": None}),
        ("animated_alone", {"network": "X", "name": "dance.gif", "part": 2}),
        ("media_missing", {"path": "/home/me/poster.png", "part": None}),
        ("media_missing", {"path": "/home/me/poster.png", "part": 2}),
        ("media_unreadable", {"name": "poster.png", "error": "Permission denied", "errno": 13}),
        ("media_unreadable", {"name": "poster.png", "error": "Permission denied"}),  # kept before the errno was
        *(("media_damaged", {"name": "poster.jpg", "type": "JPEG", "cut": cut}) for cut in (False, True)),
        *(("monthly_limit", {"persona": "career", "posts": 30, "cap": 30, "parts": parts, "reset": "2026-04-01",
                             "held": held}) for parts in (1, 2) for held in (False, True)),
        *(("monthly_limit", {"persona": "career", "price": 0.2, "spent": 4.9, "budget": 5.0, "reset": "2026-04-01",
                             "held": held}) for held in (False, True)),
        ("missed_late_sent", {**missed, "hours": 6}),
        ("missed_too_late", {**missed, "hours": 2, "persona": "career"}),
        ("missed_skipped", missed),
        ("missed_no_slots", {**missed, "persona": "career"}),
        ("missed_held", missed),
        ("missed_no_free_slot", {"missed": _kept("missed_skipped", **missed),
                                 "error": _kept("no_slots", persona="career")}),
        ("unhandled", {"why": "ValueError: bad zone", "persona": "career"}),
        ("unhandled", {"why": "ValueError: bad zone", "persona": None}),
        ("unreadable_settings", {"error": "Expecting value: line 1 column 1 (char 0)"}),
        *(("sender_gone", values) for values in ({"stopped": True}, {"stopped": False}, {"host": "laptop"},
                                                   {"stopped": True, "out": 1, "total": 3},
                                                   {"host": "laptop", "out": 0, "total": 2})),
        *(("rest_unsent", {"out": out, "total": total}) for out, total in ((0, 2), (1, 2), (1, 3), (2, 3), (2, 4))),
        ("no_slots", {"persona": "career"}), ("slots_taken", {"persona": "career", "years": 2}),
        *(("record_fault", {"fault": fault, "path": "/home/me/personamgr.db", "error": "disk I/O error"})
          for fault in ("full", "read_only", "locked", "damaged", "io", "memory", "other")),
        ("part_unrecorded", {"n": 2, "error": _kept("record_fault", fault="locked", path="/home/me/personamgr.db")}),
        ("part_unrecorded", {"n": 2, "error": _kept("record_taken")}),
    ]
    return cases


def test_every_note_kind_has_a_case() -> None:
    """A new kind without a case here fails: its words are then checked in both languages."""
    assert {kind for kind, _ in every_note()} >= set(NOTE_WORDS)


def test_every_note_reads_whole_in_english_and_in_spanish(qapp: QApplication) -> None:
    english = [reason_words(kind, values) for kind, values in every_note()]
    assert i18n.install(qapp, "es") == "es"
    try:
        spanish = [reason_words(kind, values) for kind, values in every_note()]
    finally:
        i18n.uninstall(qapp)
    for (kind, _values), en, es in zip(every_note(), english, spanish, strict=True):
        for text in (en, es):
            assert not [bad for bad in ("{", "}", "None") if bad in text], (kind, text)  # a placeholder unfilled
        assert es != en, (kind, en)  # said again in Spanish, not left in English


def test_a_part_not_recorded_says_the_database_fault_in_the_readers_language(qapp: QApplication) -> None:
    """The note carried the fault's sentence as a value, in the language of the process that sent the thread."""
    from personamgr.core import faults

    error = OSError(errno.ENOSPC, "No space left on device", "/home/me/personamgr/personamgr.db")
    note = Note("part_unrecorded", n=2, error=faults.fault_note(error, Path("/home/me/personamgr/personamgr.db")))
    kept = note.kept()
    assert str(note) == ("Part 2 went out, but it could not be recorded, so the rest of the thread waits: the disk "
                         "holding /home/me/personamgr is full.")
    assert i18n.install(qapp, "es") == "es"
    try:
        assert said(kept) == ("La parte 2 salió, pero no se pudo registrar, así que el resto del hilo espera: el "
                              "disco que contiene /home/me/personamgr está lleno.")
    finally:
        i18n.uninstall(qapp)
