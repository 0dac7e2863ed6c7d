"""Files a user gives or keeps that cannot be read (a folder in their place, no read permission, not UTF-8, not
TOML): said in words, with the file's name and what to do, never the OS's English or nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Cli


def _settings_file(cli: Cli, data_dir: Path) -> Path:
    return data_dir / "config" / "settings.toml"


def test_a_folder_in_place_of_the_settings_file_is_said_on_the_command_line(cli: Cli, personas_file: Path) -> None:
    """The window said "[Errno 21] Is a directory" and the command line said nothing: the user never learnt why
    their settings were the defaults."""
    d = cli.home / "profile"
    assert cli("personas", "import", str(personas_file), data_dir=d).code == 0
    _settings_file(cli, d).mkdir()
    r = cli("personas", "list", data_dir=d)
    assert r.code == 0, r.err
    assert "career" in r.out
    assert "Errno" not in r.err and "Traceback" not in r.err, r.err
    assert r.err == (f"personamgr: warning: {_settings_file(cli, d)}: it is a folder, not a file. The defaults are "
                     "used until you save the settings.\n"), r.err


def test_an_unreadable_settings_file_says_how_to_read_it(cli: Cli, personas_file: Path) -> None:
    d = cli.home / "profile"
    assert cli("personas", "import", str(personas_file), data_dir=d).code == 0
    f = _settings_file(cli, d)
    f.write_text('theme = "dark"\n', encoding="utf-8")
    f.chmod(0)
    r = cli("personas", "list", data_dir=d, as_a_user=True)
    assert r.code == 0, r.err
    assert "Permission denied" not in r.err, r.err
    assert r.err == (f"personamgr: warning: {f}: your user has no permission to read it; give yourself read "
                     "permission on it (in the file manager: Properties ▸ Permissions; or chmod u+r). The defaults "
                     "are used until you save the settings.\n"), r.err


def test_an_unreadable_personas_file_is_said_in_words_with_what_to_do(cli: Cli, personas_file: Path) -> None:
    """``personas import`` of a file without read permission said "cannot be read: Permission denied"."""
    personas_file.chmod(0)
    r = cli("personas", "import", str(personas_file), data_dir=cli.home / "profile", as_a_user=True)
    assert r.code == 1
    assert "Permission denied" not in r.err, r.err
    assert r.err.startswith(f"personamgr: error: {personas_file}: cannot be read: your user has no permission "
                            "to read it; give yourself read permission on it (in the file manager: Properties ▸ "
                            "Permissions; or chmod u+r)"), r.err


def test_an_unreadable_image_is_said_in_words_with_what_to_do(cli: Cli, personas_file: Path, tmp_path: Path) -> None:
    """``queue add --image`` of a picture without read permission said "photo.png cannot be read: Permission
    denied." The text is printed back, as for every image refused."""
    from image_files import png

    d = cli.home / "profile"
    assert cli("personas", "import", str(personas_file), data_dir=d).code == 0
    photo = png(tmp_path / "photo.png")
    photo.chmod(0)
    r = cli("queue", "add", "--persona", "career", "--image", str(photo), "Hiring next week", data_dir=d,
            as_a_user=True)
    assert r.code != 0
    assert "Permission denied" not in r.err, r.err
    assert ("photo.png cannot be read: your user has no permission to read it; give yourself read permission on it "
            "(in the file manager: Properties ▸ Permissions; or chmod u+r), then attach it again.") in r.err, r.err


CUT_SHORT = ("photo.jpg is a JPEG image cut short: its data ends before the picture does (a download or copy that "
             "did not finish). ")
PIXELS_DAMAGED = "photo.jpg is a JPEG image whose data is damaged, so it cannot be shown. "


@pytest.mark.parametrize("command", [("queue", "add", "--at", "2030-03-09T14:00"), ("post",)])
@pytest.mark.parametrize("damage", [("cut_short", CUT_SHORT), ("pixels_damaged", PIXELS_DAMAGED)],
                         ids=["cut-short", "pixels-damaged"])
def test_a_damaged_image_is_refused_when_given_not_when_sent(cli: Cli, personas_file: Path, tmp_path: Path,
                                                            command: tuple[str, ...], damage: tuple[str, str]) -> None:
    """``queue add --image`` of a JPEG whose download did not finish, or whose segments all read in place but whose
    Huffman tables are damaged, scheduled the post to fail at its time; ``post --image`` sent it to the network,
    which could not decode it."""
    import image_files

    damaged, said = damage
    d = cli.home / "profile"
    assert cli("personas", "import", str(personas_file), data_dir=d).code == 0
    photo = getattr(image_files, damaged)(image_files.jpeg(tmp_path / "photo.jpg"))
    r = cli(*command, "--persona", "career", "--anyway", "--image", str(photo), "--alt", "A chart",
            "Hiring next week", data_dir=d)
    assert r.code == 1, (r.out, r.err)
    assert r.err == ("personamgr: error: " + said + "Download or save it again, check that it opens in an image "
                     "viewer, then attach it again.\n"), r.err
    assert cli("posts", "list", data_dir=d).out.count("Hiring next week") == 0


def test_a_time_zone_this_computer_no_longer_knows_is_said_and_times_are_shown_in_utc(
        cli: Cli, personas_file: Path) -> None:
    """A profile whose persona's zone the system's time zone data does not know (US/Pacific-New, removed in tzdata
    2020b; a profile from a computer with newer data, where a zone was renamed) made queue list, posts list and posts
    show say "something unexpected went wrong (ZoneInfoNotFoundError: 'No time zone found with key …') … This is a
    bug": the user could see none of their posts. The post's moment is kept in UTC, so it is shown in UTC, and the
    zone is named with what to do."""
    import sqlite3

    d = cli.home / "profile"
    assert cli("personas", "import", str(personas_file), data_dir=d).code == 0
    assert cli("queue", "add", "--persona", "career", "--anyway", "--at", "2030-03-09T14:00+00:00", "Hiring next week",
               data_dir=d).code == 0
    with sqlite3.connect(d / "data" / "personamgr.db") as db:
        db.execute("UPDATE personas SET timezone = 'US/Pacific-New' WHERE name = 'career'")
    db.close()
    warning = ("personamgr: warning: career's time zone US/Pacific-New is not in this computer's time zone data (it "
               "may have been renamed or removed), so its times are shown and read in UTC. Choose its zone again in "
               "the persona editor, or set timezone in a personas export and import it.\n")
    for command in (("queue", "list"), ("posts", "list"), ("posts", "show", "1")):
        r = cli(*command, data_dir=d)
        assert r.code == 0, (command, r.err)
        assert r.err == warning, (command, r.err)
        assert "Hiring next week" in r.out and "14:00" in r.out, (command, r.out)
