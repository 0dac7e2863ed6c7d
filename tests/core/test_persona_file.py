"""Personas as TOML: export then import loses nothing; a bad file is refused whole, naming file, line and problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from personamgr.core.persona_file import (
    PersonaFileError,
    dumps_personas,
    load_personas,
    parse_personas,
    save_personas,
    slot_to_text,
    slots_from_text,
)
from personamgr.core.personas import (
    BUDGET_MAX_USD,
    LATE_HOURS_MAX,
    POST_CAP_MAX,
    MissedPolicy,
    Persona,
    PersonaError,
    QueueSlot,
    Sensitivity,
    name_problem,
)
from personamgr.core.store import Store

# Every text field gets arbitrary unicode (astral planes, quotes, backslashes, newlines, control
# characters); surrogates are excluded because they cannot be written as UTF-8 at all.
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
tricky = st.sampled_from(['"', "'", "\\", "\\n", "\n", "\r\n", '"""', "'''", "\t", "\u2028", "\x85", "\x0b",
                          "𝄞", "🧑‍💻", "日本語", "# not a comment", "[[persona]]", "= x", "\x00", "\x7f"])
rich_text = st.lists(st.one_of(any_text, tricky), max_size=4).map("".join)


# Names hold printable characters only (core.personas.name_problem), quotes and joiners included.
printable = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"))
names = st.text(printable | st.sampled_from([" ", "\u200d", '"', "'", "\\", "#", "="]), min_size=1,
                max_size=64).filter(lambda s: name_problem(s) is None)
handles = st.none() | st.from_regex(r"@[A-Za-z0-9_]{1,15}", fullmatch=True)
colours = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)
zones = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe"])
slots = st.builds(QueueSlot, st.integers(0, 6), st.integers(0, 23), st.integers(0, 59))
text_lists = st.lists(rich_text, max_size=4).map(tuple)


@st.composite
def personas(draw: st.DrawFn, name: str | None = None) -> Persona:
    description = draw(rich_text)
    topics = draw(text_lists)
    if not description.strip() and not any(t.strip() for t in topics):
        description = description + draw(rich_text.filter(lambda s: bool(s.strip())))
    return Persona(
        name=name if name is not None else draw(names),
        handle=draw(handles),
        description=description,
        topics=topics,
        keywords=draw(text_lists),
        examples=draw(text_lists),
        avoid=draw(text_lists),
        hashtags=draw(text_lists),
        colour=draw(colours),
        network=draw(st.sampled_from(["sandbox", "x"])),
        premium=draw(st.booleans()),
        timezone=draw(zones),
        sensitivity=draw(st.sampled_from(list(Sensitivity))),
        missed_policy=draw(st.sampled_from(list(MissedPolicy))),
        late_hours=draw(st.integers(0, LATE_HOURS_MAX)),
        queue_slots=tuple(draw(st.lists(slots, max_size=4))),
        paused=draw(st.booleans()),
        monthly_budget_usd=draw(st.none() | st.floats(0, BUDGET_MAX_USD, allow_nan=False, allow_infinity=False)),
        monthly_post_cap=draw(st.none() | st.integers(0, POST_CAP_MAX)),
    )


@st.composite
def persona_sets(draw: st.DrawFn) -> list[Persona]:
    n = draw(st.integers(1, 4))
    chosen = draw(st.lists(names, min_size=n, max_size=n, unique_by=str.casefold))
    out = [draw(personas(name=nm)) for nm in chosen]
    seen: set[str] = set()
    for i, p in enumerate(out):  # handles must be unique too
        if p.handle and p.handle.casefold() in seen:
            out[i] = p.with_changes(handle=None)
        elif p.handle:
            seen.add(p.handle.casefold())
    return out


@given(persona_sets())
def test_text_round_trip_is_lossless(ps: list[Persona]) -> None:
    assert parse_personas(dumps_personas(ps)) == ps


@given(persona_sets())
def test_file_round_trip_is_lossless(tmp_path_factory: pytest.TempPathFactory, ps: list[Persona]) -> None:
    path = tmp_path_factory.mktemp("rt") / "personas.toml"
    save_personas(path, ps)
    assert load_personas(path) == ps
    assert [p.name for p in load_personas(path)] == [p.name for p in ps]


@given(persona_sets())
def test_store_round_trip_is_lossless(ps: list[Persona]) -> None:
    """What the database keeps is what an export writes: personas survive DB -> TOML -> DB."""
    st_ = Store.memory()
    try:
        st_.replace_personas(ps)
        assert st_.personas() == ps
        assert parse_personas(dumps_personas(st_.personas())) == ps
    finally:
        st_.close()


def test_a_header_with_a_line_break_stays_a_comment(tmp_path: Path) -> None:
    """A backup's header names the imported file; a path holding a line break or control character must not
    spill out of the comment and make the backup unreadable (undo-import reads it back)."""
    path = tmp_path / "backup.toml"
    ps = [Persona(name="career", description="Careers")]
    save_personas(path, ps, header="before importing /tmp/odd\nname[[persona]]\x00\x7f.toml")
    assert load_personas(path) == ps


def test_export_is_readable_and_has_the_guard_contract_fields() -> None:
    p = Persona(name="career", handle="@career_me", description="Careers", topics=("jobs",), keywords=("cv",),
                examples=("Ask questions",), avoid=("metal",))
    text = dumps_personas([p])
    assert text.startswith("# personamgr personas export")
    for line in ('[[persona]]', 'name = "career"', 'description = "Careers"', 'topics = [', 'avoid = ['):
        assert line in text


def test_a_minimal_hand_written_file_is_enough() -> None:
    (p,) = parse_personas('[[persona]]\nname = "metal"\ntopics = ["guitars"]\n')
    assert (p.name, p.topics, p.timezone, p.char_limit) == ("metal", ("guitars",), "UTC", 280)


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "out.toml"
    path.write_text("old", encoding="utf-8")
    save_personas(path, [Persona(name="a", description="d")])
    assert os.listdir(tmp_path) == ["out.toml"]
    assert load_personas(path)[0].name == "a"


# -- malformed files ------------------------------------------------------------------------------------

GOOD = '[[persona]]\nname = "career"\ndescription = "Careers"\n\n'


@pytest.mark.parametrize(
    ("source", "line", "problem"),
    [
        (GOOD + '[[persona]]\nname = "metal\n', 6, "not valid TOML"),
        (GOOD + '[[persona]]\nname = "metal"\ntopics = "guitars"\n', 7, "'topics' must be a list of strings"),
        (GOOD + '[[persona]]\nname = "metal"\ntopics = ["a", 3]\n', 7, "'topics' must be a list of strings"),
        (GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\npremium = "yes"\n', 8, "must be true or false"),
        (GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\nlate_hours = 1.5\n', 8, "whole number"),
        (GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\ncolor = "#ffffff"\n', 8, "unknown key 'color'"),
        (GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\nhandle = "metal-me"\n', 8,
         "must be @ followed by 1 to 15"),
        (GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\ntimezone = "Mars/Olympus"\n', 8, "unknown time zone"),
        (GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\nqueue = ["someday"]\n', 8, "mon 09:30"),
        (GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\nsensitivity = "loud"\n', 8, "'sensitivity' must be"),
        (GOOD + '[[persona]]\ndescription = "no name"\n', 5, "missing 'name'"),
        (GOOD + '[[persona]]\nname = "metal"\n', 5, "needs a focus"),
        (GOOD + '[[persona]]\nname = "CAREER"\ndescription = "again"\n', 6, "names must be unique"),
        ('title = "mine"\n' + GOOD, None, "unexpected top-level key 'title'"),
        ("", None, "no [[persona]] tables"),
        ('persona = "x"\n', None, "[[persona]] tables"),
    ],
)
def test_malformed_files_name_file_line_and_problem(tmp_path: Path, source: str, line: int | None,
                                                    problem: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(PersonaFileError) as e:
        load_personas(path)
    assert e.value.path == path
    assert e.value.line == line
    assert problem in e.value.problem
    assert str(e.value).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_error_line_is_counted_in_toml_lines_not_unicode_line_breaks(tmp_path: Path) -> None:
    """A description holding U+2028 or U+0085 is one TOML line; the reported line must still be right."""
    path = tmp_path / "bad.toml"
    path.write_text('[[persona]]\nname = "a"\ndescription = "one\u2028two\x85three"\n\n'
                    '[[persona]]\nname = "b"\ndescription = "x"\nhandle = "bad handle"\n', encoding="utf-8")
    with pytest.raises(PersonaFileError) as e:
        load_personas(path)
    assert e.value.line == 8


def test_crlf_files_are_read_and_lines_reported(tmp_path: Path) -> None:
    path = tmp_path / "crlf.toml"
    path.write_bytes(GOOD.replace("\n", "\r\n").encode() + b'[[persona]]\r\nname = "m"\r\ndescription = "x"\r\n'
                     b'handle = "no"\r\n')
    with pytest.raises(PersonaFileError) as e:
        load_personas(path)
    assert e.value.line == 8


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD.encode() + '[[persona]]\nname = "café"\n'.encode("latin-1"))
    with pytest.raises(PersonaFileError, match="is not UTF-8 text") as e:
        load_personas(path)
    assert e.value.line == 6


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PersonaFileError, match="file not found") as e:
        load_personas(tmp_path / "nope.toml")
    assert e.value.path == tmp_path / "nope.toml"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(PersonaFileError, match="is a directory"):
        load_personas(tmp_path)


@pytest.mark.parametrize(("text", "slot", "written"), [("mon 9:30", QueueSlot(0, 9, 30), "mon 09:30"),
                                                       ("Thu 7:05", QueueSlot(3, 7, 5), "thu 07:05"),
                                                       ("sun 09:30", QueueSlot(6, 9, 30), "sun 09:30")])
def test_a_slot_with_a_one_digit_hour_is_the_same_slot(text: str, slot: QueueSlot, written: str) -> None:
    """'mon 9:30' is the documented 'mon 09:30' written as people write times; refusing it for its
    missing zero ("must look like 'mon 09:30'") sent the user back for nothing. Files keep the one form."""
    assert slots_from_text([text]) == (slot,)
    assert slot_to_text(slot) == written


@pytest.mark.parametrize("text", ["mon 9:5", "mon 930", "mon 123:00", "mon 9:30am"])
def test_slots_that_are_still_not_times_say_the_form(text: str) -> None:
    with pytest.raises(PersonaError, match="must look like 'mon 09:30'"):
        slots_from_text([text])


def test_a_key_a_newer_personamgr_writes_is_said_to_be_one_with_the_way_out(tmp_path: Path) -> None:
    """A personas file exported by a newer personamgr (a key this version does not know) was refused with "unknown
    key 'reply_policy'" alone: nothing said why a file the app itself wrote was refused, nor what to do."""
    path = tmp_path / "newer.toml"
    path.write_text(GOOD + '[[persona]]\nname = "metal"\ndescription = "x"\nreply_policy = "mentioned"\n',
                    encoding="utf-8")
    with pytest.raises(PersonaFileError) as e:
        load_personas(path)
    assert str(e.value) == (f"{path}:8: persona #2 ('metal'): unknown key 'reply_policy': a misspelt key, or one a "
                            "newer personamgr writes. Update personamgr to import it, or remove that line.")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_file_saved_as_utf16_with_its_mark_is_read(tmp_path: Path, encoding: str) -> None:
    """Windows Notepad's "Unicode" (and "Unicode big endian") saves UTF-16 with a byte-order mark: the file was
    refused as "is not UTF-8 text", though what it says is plain to read."""
    path = tmp_path / "notepad.toml"
    text = '[[persona]]\nname = "café"\ndescription = "Careers"\n'
    path.write_bytes(("\ufeff" + text).encode(encoding))
    [persona] = load_personas(path)
    assert (persona.name, persona.description) == ("café", "Careers")
