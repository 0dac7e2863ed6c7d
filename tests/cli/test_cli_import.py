"""``personamgr personas import`` keeps what a file leaves out, previews with --dry-run, and can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cli_helpers import Cli, Result


def _personas(profile: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(profile / "data" / "personamgr.db")
    try:
        return con.execute("SELECT uid, name, handle, description, topics, colour, timezone FROM personas "
                           "ORDER BY id").fetchall()
    finally:
        con.close()


def test_a_partial_file_keeps_every_field_it_leaves_out(cli: Cli, profile: Path, tmp_path: Path) -> None:
    """The reported loss: a name (in another case) and a description reset the handle, topics and the rest."""
    before = _personas(profile)
    part = tmp_path / "part.toml"
    part.write_text('[[persona]]\nname = "CAREER"\ndescription = "Careers after 40"\n', encoding="utf-8")

    dry = cli("personas", "import", "--dry-run", str(part), data_dir=profile)
    assert dry.code == 0, dry.err
    assert dry.out.splitlines() == [
        "part.toml: 1 persona: 0 to add, 1 to update, 0 unchanged.",
        "~ career → CAREER",
        "    name: career → CAREER",
        "    description: Careers, job search and the economy → Careers after 40",
        "Nothing was written (--dry-run).",
    ]
    assert _personas(profile) == before

    r = cli("personas", "import", str(part), data_dir=profile)
    assert r.code == 0, r.err
    assert r.out.splitlines()[:2] == [f"Imported 1 persona from {part}: 0 added, 1 updated, 0 unchanged.",
                                      "  CAREER: name, description"]
    assert "personamgr personas undo-import" in r.out
    (uid, name, handle, description, topics, colour, tz), metal = _personas(profile)
    assert (uid, name, handle, description) == (before[0][0], "CAREER", "@career_me", "Careers after 40")
    assert (topics, colour, tz) == before[0][4:]
    assert metal == before[1]

    undo = cli("personas", "undo-import", data_dir=profile)
    assert undo.code == 0, undo.err
    assert f"Undid the import of {part}." in undo.out and "Restored: career" in undo.out
    assert _personas(profile) == before
    again = cli("personas", "undo-import", data_dir=profile)
    assert (again.code, again.err.strip()) == (1, "personamgr: error: there is no import to undo")


def test_undoing_a_long_import_names_the_first_personas_and_counts_the_rest(cli: Cli, profile: Path,
                                                                            tmp_path: Path) -> None:
    """An undo of 100,000 added personas printed every name on one line; it names 50, like the import."""
    many = tmp_path / "many.toml"
    many.write_text("".join(f'[[persona]]\nname = "p{i}"\ndescription = "x"\n\n' for i in range(60)),
                    encoding="utf-8")
    assert cli("personas", "import", str(many), data_dir=profile).code == 0
    undo = cli("personas", "undo-import", data_dir=profile)
    assert undo.code == 0, undo.err
    (line,) = [x for x in undo.out.splitlines() if x.startswith("  Removed")]
    assert line == "  Removed (added by the import): " + ", ".join(f"p{i}" for i in range(50)) + " … and 10 more"


def test_replace_says_what_it_clears_and_needs_yes_without_a_terminal(cli: Cli, profile: Path,
                                                                       tmp_path: Path) -> None:
    before = _personas(profile)
    whole = tmp_path / "whole.toml"
    whole.write_text('[[persona]]\nname = "metal"\ndescription = "Metal only"\n', encoding="utf-8")
    r = cli("personas", "import", "--replace", str(whole), data_dir=profile)
    assert r.code == 1
    assert "    handle: @metal_me → (none)  (cleared: not in the file)" in r.out
    assert "    topics: heavy metal | guitars → (none)  (cleared: not in the file)" in r.out
    assert "add --yes to clear them" in r.err
    assert _personas(profile) == before

    ok = cli("personas", "import", "--replace", "--yes", str(whole), data_dir=profile)
    assert ok.code == 0, ok.err
    metal = _personas(profile)[1]
    assert (metal[0], metal[2], metal[3], metal[4]) == (before[1][0], None, "Metal only", "[]")
    backups = list((profile / "data" / "backups").glob("personas-*.toml"))
    assert len(backups) == 1 and f"The personas as they were are in {backups[0]}" in ok.out


def test_files_that_used_to_print_a_traceback(cli: Cli, profile: Path, tmp_path: Path) -> None:
    before = _personas(profile)
    cases = {
        "nested.toml": ("x = " + "[" * 100_000, "nested too deeply"),
        "huge.toml": ('[[persona]]\nname = "a"\ndescription = "x"\nlate_hours = 100000000000\n',
                      ":4: persona #1 ('a'): late_hours (how late a missed post may go out) must be between 0 and 336"),
        "bidi.toml": ('[[persona]]\nname = "\\u200b"\ndescription = "x"\n', "U+200B ZERO WIDTH SPACE"),
    }
    for name, (source, words) in cases.items():
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        r = cli("personas", "import", str(path), data_dir=profile)
        assert (r.code, r.out) == (1, ""), (name, r.err)
        assert "Traceback" not in r.err and words in r.err, (name, r.err)
    assert _personas(profile) == before
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b'\xef\xbb\xbf[[persona]]\nname = "chef"\ndescription = "Cooking"\n')
    r = cli("personas", "import", str(bom), data_dir=profile)
    assert r.code == 0 and "1 added" in r.out, r.err


def _move_career_to_los_angeles(cli: Cli, profile: Path, tmp_path: Path) -> Result:
    """Career in New York with a post at 09:00 on 7 January 2030, then imported in Los Angeles (no flag)."""
    ny = tmp_path / "ny.toml"
    ny.write_text('[[persona]]\nname = "career"\ntimezone = "America/New_York"\n', encoding="utf-8")
    assert cli("personas", "import", str(ny), data_dir=profile).code == 0
    added = cli("queue", "add", "--persona", "career", "--at", "2030-01-07T09:00",
                "Five questions to ask at the end of every interview", data_dir=profile)
    assert added.code == 0, added.err
    la = tmp_path / "la.toml"
    la.write_text('[[persona]]\nname = "career"\ntimezone = "America/Los_Angeles"\n', encoding="utf-8")
    return cli("personas", "import", str(la), data_dir=profile)


def test_an_import_that_moves_a_persona_to_another_zone_says_what_its_scheduled_posts_do(
        cli: Cli, profile: Path, tmp_path: Path) -> None:
    """The import said "career: timezone" and nothing else, while a post scheduled for 09:00 in New York then
    read 06:00 in `queue list`, off the persona's 09:00 queue slot: the posts keep the moment they go out."""
    r = _move_career_to_los_angeles(cli, profile, tmp_path)
    assert r.code == 0, r.err
    assert ("Note: career: 1 scheduled post keeps the moment it goes out, so its time now reads in "
            "America/Los_Angeles: Mon 07 Jan 2030 09:00 EST is now Mon 07 Jan 2030 06:00 PST.\n"
            "  To keep the old clock time instead: personamgr personas keep-clock-times career") in r.err
    assert "Mon 07 Jan 2030 06:00 PST" in cli("queue", "list", data_dir=profile).out


def test_the_clock_times_can_be_kept_after_an_import_that_did_not_ask(cli: Cli, profile: Path, tmp_path: Path) -> None:
    """Imported without --keep-clock-times, the posts kept their moment and nothing could bring back 09:00
    afterwards: the old zone was gone (importing the file again with the flag changed no zone, so moved nothing)."""
    assert _move_career_to_los_angeles(cli, profile, tmp_path).code == 0
    r = cli("personas", "keep-clock-times", "career", data_dir=profile)
    assert r.code == 0, r.err
    assert r.out == ("career: 1 scheduled post moved to keep its clock time in America/Los_Angeles: Mon 07 Jan 2030 "
                     "09:00 EST is now Mon 07 Jan 2030 09:00 PST.\n")
    assert "Mon 07 Jan 2030 09:00 PST" in cli("queue", "list", data_dir=profile).out
    again = cli("personas", "keep-clock-times", "career", data_dir=profile)
    assert again.code == 0, again.err
    assert again.out == ("career: no scheduled post kept its moment through a change of time zone, so none was "
                         "moved.\n")


def test_an_import_with_keep_clock_times_moves_the_scheduled_posts_to_the_same_clock_time(
        cli: Cli, profile: Path, tmp_path: Path) -> None:
    """The import said the posts keep their moment ("09:00 EST is now 06:00 PST") and offered no way to keep 09:00."""
    ny = tmp_path / "ny.toml"
    ny.write_text('[[persona]]\nname = "career"\ntimezone = "America/New_York"\n', encoding="utf-8")
    assert cli("personas", "import", str(ny), data_dir=profile).code == 0
    for day, text in (("07", "Five questions to ask at the end of every interview"),
                      ("09", "What a recruiter means by a culture fit, and how to answer it")):
        added = cli("queue", "add", "--persona", "career", "--at", f"2030-01-{day}T09:00", text, data_dir=profile)
        assert added.code == 0, added.err
    la = tmp_path / "la.toml"
    la.write_text('[[persona]]\nname = "career"\ntimezone = "America/Los_Angeles"\n', encoding="utf-8")
    r = cli("personas", "import", "--keep-clock-times", str(la), data_dir=profile)
    assert r.code == 0, r.err
    assert ("Note: career: 2 scheduled posts moved to keep their clock time in America/Los_Angeles: Mon 07 Jan 2030 "
            "09:00 EST is now Mon 07 Jan 2030 09:00 PST.") in r.err
    listed = cli("queue", "list", data_dir=profile).out
    assert "Mon 07 Jan 2030 09:00 PST" in listed and "Wed 09 Jan 2030 09:00 PST" in listed
