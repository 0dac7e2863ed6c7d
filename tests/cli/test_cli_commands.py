"""The ``personamgr`` command, run as a real process on real files, with HOME and XDG dirs sandboxed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import Cli, tree

from personamgr import __version__
from personamgr.cli.main import main
from personamgr.core import schema
from personamgr.core.networks.sandbox import DUPLICATE_MESSAGE


def test_version(cli: Cli) -> None:
    r = cli("--version")
    assert (r.code, r.out.strip(), r.err) == (0, f"personamgr {__version__}", "")


def test_help_lists_the_commands(cli: Cli) -> None:
    r = cli("--help")
    assert r.code == 0
    for word in ("personas", "post", "--data-dir", "--demo"):
        assert word in r.out


# -- where files go -------------------------------------------------------------------------------------

def _exercise(cli: Cli, personas_file: Path, out_file: Path, data_dir: Path | None = None,
              extra_env: dict[str, str] | None = None) -> None:
    """Every CLI path that writes: import, list, post (sent and duplicate), export to a file and to stdout."""
    for args, code in [(("personas", "import", str(personas_file)), 0), (("personas", "list"), 0),
                       (("post", "--persona", "career", "Hiring is up."), 0),
                       (("post", "--persona", "career", "Hiring is up."), 1),
                       (("personas", "export", str(out_file)), 0), (("personas", "export", "-"), 0)]:
        r = cli(*args, data_dir=data_dir, extra_env=extra_env)
        assert r.code == code, (args, r.err)


def test_data_dir_keeps_every_file_inside_it(cli: Cli, tmp_path: Path, personas_file: Path) -> None:
    data_dir = tmp_path / "mine"
    before = tree(cli.home)
    _exercise(cli, personas_file, data_dir / "export.toml", data_dir=data_dir)
    r = cli("--demo", "personas", "list", data_dir=data_dir)
    assert r.code == 0
    assert tree(cli.home) == before, "something was written outside --data-dir"
    written = tree(data_dir)
    assert "data/personamgr.db" in written
    assert "logs/personamgr.log" in written
    assert "demo/data/personamgr.db" in written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "in.toml", "mine"]


def test_personamgr_home_keeps_every_file_inside_it(cli: Cli, tmp_path: Path, personas_file: Path) -> None:
    data_dir = tmp_path / "via-env"
    before = tree(cli.home)
    _exercise(cli, personas_file, data_dir / "export.toml", extra_env={"PERSONAMGR_HOME": str(data_dir)})
    assert tree(cli.home) == before
    assert "data/personamgr.db" in tree(data_dir)


def test_without_data_dir_files_go_to_the_xdg_folders(cli: Cli, tmp_path: Path, personas_file: Path) -> None:
    """The isolation check above can fail: the same commands without --data-dir do write under HOME/XDG."""
    r = cli("personas", "import", str(personas_file))
    assert r.code == 0, r.err
    assert (cli.home / "xdg_data_home" / "personamgr" / "personamgr.db").is_file()


# -- demo -----------------------------------------------------------------------------------------------

def test_demo_is_a_separate_seeded_profile(cli: Cli, tmp_path: Path) -> None:
    d = tmp_path / "p"
    r = cli("--demo", "personas", "list", data_dir=d)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert [ln.split()[:2] for ln in lines] == [["career", "@career_me"], ["metal", "@metal_me"]]
    assert all("sandbox" in ln for ln in lines)
    own = cli("personas", "list", data_dir=d)
    assert own.code == 0 and "No personas yet" in own.out
    # Seeding happens once: a second run neither duplicates personas nor fails.
    again = cli("--demo", "personas", "list", data_dir=d)
    assert again.out == r.out
    sent = cli("--demo", "post", "--persona", "metal", "New riff tonight.", data_dir=d)
    assert sent.code == 0 and "sandbox://metal_me/status/" in sent.out


# -- personas -------------------------------------------------------------------------------------------

def test_personas_list_import_export(cli: Cli, profile: Path, tmp_path: Path) -> None:
    r = cli("personas", "list", data_dir=profile)
    assert r.code == 0
    assert [ln.split()[:3] for ln in r.out.splitlines()] == [["career", "@career_me", "sandbox"],
                                                              ["metal", "@metal_me", "sandbox"]]
    assert "Careers, job search and the economy" in r.out
    assert "heavy metal, guitars" in r.out
    out = tmp_path / "out.toml"
    e = cli("personas", "export", str(out), data_dir=profile)
    assert e.code == 0 and "Exported 2 personas" in e.out
    stdout_export = cli("personas", "export", "-", data_dir=profile)
    assert stdout_export.out == out.read_text(encoding="utf-8")
    # Re-importing the export into a fresh profile gives the same export (uids included).
    fresh = tmp_path / "fresh"
    imp = cli("personas", "import", str(out), data_dir=fresh)
    assert imp.code == 0 and "2 added, 0 updated" in imp.out
    assert cli("personas", "export", "-", data_dir=fresh).out == stdout_export.out
    # Importing it again changes nothing (and says so).
    assert "0 added, 0 updated, 2 unchanged" in cli("personas", "import", str(out), data_dir=fresh).out


def _db_state(profile: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(profile / "data" / "personamgr.db")
    try:
        return con.execute("SELECT uid, name, handle, description, topics FROM personas ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('[[persona]]\nname = "new"\ndescription = "ok"\n\n[[persona]]\nname = "bad"\ndescription = "x"\n'
         'handle = "not a handle"\n', ":8: persona #2 ('bad'): handle 'not a handle' must be @"),
        ('[[persona]]\nname = "new"\ndescription = "ok"\n[[persona]\n', ":4: not valid TOML"),
        ('[[persona]]\nname = "career"\ndescription = "changed"\n\n[[persona]]\nname = "Career"\n'
         'description = "twice"\n', "updates the existing persona 'career' like persona #1"),
    ],
)
def test_invalid_import_changes_nothing(cli: Cli, profile: Path, tmp_path: Path, source: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(source, encoding="utf-8")
    before = _db_state(profile)
    r = cli("personas", "import", str(bad), data_dir=profile)
    assert r.code == 1
    assert r.out == ""
    assert r.err.startswith(f"personamgr: error: {bad}")
    assert message in r.err
    assert _db_state(profile) == before


def test_import_that_clashes_with_the_database_changes_nothing(cli: Cli, profile: Path, tmp_path: Path) -> None:
    """Valid on its own, but gives metal's identity the name 'career': refused whole."""
    metal_uid = _db_state(profile)[1][0]
    bad = tmp_path / "clash.toml"
    bad.write_text(f'[[persona]]\nname = "brand new"\ndescription = "x"\n\n[[persona]]\nname = "career"\n'
                   f'description = "x"\nuid = "{metal_uid}"\n', encoding="utf-8")
    before = _db_state(profile)
    r = cli("personas", "import", str(bad), data_dir=profile)
    assert r.code == 1 and "nothing was imported" in r.err
    assert _db_state(profile) == before


@pytest.mark.parametrize("what", ["missing", "directory", "latin1"])
def test_unreadable_import_files(cli: Cli, profile: Path, tmp_path: Path, what: str) -> None:
    path = {"missing": tmp_path / "nope.toml", "directory": tmp_path, "latin1": tmp_path / "l1.toml"}[what]
    if what == "latin1":
        path.write_bytes('[[persona]]\nname = "café"\ndescription = "x"\n'.encode("latin-1"))
    before = _db_state(profile)
    r = cli("personas", "import", str(path), data_dir=profile)
    assert r.code == 1
    assert str(path) in r.err
    assert {"missing": "file not found", "directory": "is a directory", "latin1": ":2: is not UTF-8"}[what] in r.err
    assert _db_state(profile) == before


def test_export_to_an_impossible_place(cli: Cli, profile: Path, tmp_path: Path) -> None:
    r = cli("personas", "export", str(tmp_path / "no" / "such" / "dir" / "x.toml"), data_dir=profile)
    assert r.code == 1 and r.out == "" and f"the folder {tmp_path / 'no' / 'such' / 'dir'} does not exist" in r.err


# -- post -----------------------------------------------------------------------------------------------

def test_post_sends_then_refuses_a_duplicate(cli: Cli, profile: Path) -> None:
    ok = cli("post", "--persona", "career", "Five questions for every interview.", data_dir=profile)
    assert ok.code == 0, ok.err
    assert ok.out.startswith("Sent as career (@career_me): sandbox://career_me/status/")
    assert ok.err == ""
    dup = cli("post", "--persona", "CAREER", "Five questions for every interview.", data_dir=profile)
    assert dup.code == 1
    assert dup.out == ""
    # Refused either by the network (X's own words) or, before sending, by the app's duplicate check.
    assert DUPLICATE_MESSAGE in dup.err or "duplicate" in dup.err.lower(), dup.err
    con = sqlite3.connect(profile / "data" / "personamgr.db")
    rows = con.execute("SELECT p.name, s.state, s.error FROM posts s JOIN personas p ON p.id = s.persona_id "
                       "ORDER BY s.id").fetchall()
    con.close()
    assert [(n, st) for n, st, _ in rows if st == "sent"] == [("career", "sent")]
    assert all(err == f"X refused the post: {DUPLICATE_MESSAGE}" for _, st, err in rows if st == "failed")


def test_post_as_unknown_persona(cli: Cli, profile: Path) -> None:
    r = cli("post", "--persona", "gardening", "Tomatoes!", data_dir=profile)
    assert r.code == 1 and r.out == ""
    assert "no persona named 'gardening' (known: career, metal)" in r.err


def test_post_too_long(cli: Cli, profile: Path) -> None:
    r = cli("post", "--persona", "career", "x" * 281, data_dir=profile)
    assert r.code == 1 and "Too long for career: 281 of 280 characters on Sandbox; shorten it by 1." in r.err


@pytest.mark.parametrize(
    "args",
    [
        ("post", "Hello"),  # no --persona
        ("post", "--persona", "career"),  # no text
        ("post", "--persona", "career", "   "),  # empty text
        ("post", "--persona", "career", "a", "b"),  # two texts
        ("personas",),  # no action
        ("personas", "delete", "career"),  # unknown action
        ("tweet", "hi"),  # unknown command
        ("--no-such-option",),
    ],
)
def test_usage_errors_exit_2_on_stderr(cli: Cli, profile: Path, args: tuple[str, ...]) -> None:
    r = cli(*args, data_dir=profile)
    assert r.code == 2, (r.out, r.err)
    assert r.out == ""
    assert "personamgr" in r.err and "error" in r.err


def test_a_newer_database_is_reported_and_left_alone(cli: Cli, profile: Path) -> None:
    db = profile / "data" / "personamgr.db"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION + 5}")
    con.commit()
    con.close()
    before = tree(profile / "data")
    r = cli("personas", "list", data_dir=profile)
    assert r.code == 1 and r.out == ""
    assert "newer version of personamgr" in r.err and str(db) in r.err
    assert tree(profile / "data") == before


def test_a_data_dir_that_cannot_be_created(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    r = cli("personas", "list", data_dir=blocker / "sub")
    assert r.code == 1 and r.out == ""
    assert "cannot create its data folder" in r.err


# -- secrets through the CLI ----------------------------------------------------------------------------

def test_connect_without_a_secure_keyring_is_an_error_and_writes_no_token(cli: Cli, profile: Path,
                                                                          tmp_path: Path) -> None:
    """No D-Bus: keyring finds only its fail backend or keyrings.alt's plaintext file. Both are refused,
    and the tokens given on stdin end up in no file at all."""
    tokens = {"consumer_key": "ck-cli-leakcheck-1", "consumer_secret": "cs-cli-leakcheck-2",
              "access_token": "123-at-cli-leakcheck-3", "access_token_secret": "ats-cli-leakcheck-4"}
    env = {k: v for k, v in cli.env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHON_KEYRING_BACKEND")}
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-such-bus'}"
    proc = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(profile), "connect",
                           "--persona", "career", "--tokens-stdin"], input=json.dumps(tokens), env=env,
                          capture_output=True, text=True, timeout=120, cwd=cli.home, check=False)
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert proc.stdout == ""
    assert proc.stderr.startswith("personamgr: error: ")
    assert "Install and unlock a Secret Service" in proc.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    leaks = [f"{p}: {v}" for p in written for v in tokens.values() if v.encode() in p.read_bytes()]
    assert leaks == []


def test_importing_a_persona_the_guard_cannot_read_says_so(cli: Cli, profile: Path, tmp_path: Path) -> None:
    f = tmp_path / "ru.toml"
    f.write_text('[[persona]]\nname = "sad"\ndescription = "Огород, компост и выращивание овощей дома"\n'
                 'topics = ["огород", "компост"]\n\n[[persona]]\nname = "ajedrez"\n'
                 'description = "Ajedrez: aperturas, partidas comentadas y torneos de club"\n', encoding="utf-8")
    r = cli("personas", "import", str(f), data_dir=profile)
    assert r.code == 0 and "2 added" in r.out
    assert "Note: sad: The guard reads English, Spanish, Greek and Japanese. It cannot read a focus written in " \
           "Russian" in r.err
    assert "ajedrez" not in r.err  # a focus in Spanish is read


def test_a_long_description_is_one_short_line_in_lists_and_the_guards_reasons(tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture[str]
                                                                              ) -> None:
    """A persona whose description ran to 11,000 characters (or several lines) filled `personas list` with it,
    pushing [paused] off the end, and the guard's "It does not look like long's focus (…)" quoted all of it:
    an 11,258-character reason, in the window's warning too. The summary is one line, cut at a word."""
    long = "A very long description about astronomy and telescopes.\nNight after night. " * 150
    personas = tmp_path / "p.toml"
    personas.write_text(f'[[persona]]\nname = "long"\ndescription = """{long}"""\ntopics = ["astronomy"]\n\n'
                        '[[persona]]\nname = "roses"\ndescription = "Gardening and roses"\ntopics = ["roses"]\n',
                        encoding="utf-8")
    home = str(tmp_path / "home")
    assert main(["--data-dir", home, "personas", "import", str(personas)]) == 0
    assert main(["--data-dir", home, "queue", "pause", "--persona", "long"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", home, "personas", "list"]) == 0
    [line] = [row for row in capsys.readouterr().out.splitlines() if row.startswith("long")]
    assert len(line) < 200 and line.endswith("…  [paused]"), line
    assert "A very long description about astronomy and telescopes. Night after night." in line
    assert main(["guard", "--personas", str(personas), "--persona", "long",
                 "Pruning roses in late winter keeps the garden healthy and the blooms big"]) in (0, 1)
    answer = json.loads(capsys.readouterr().out)
    assert answer["reasons"] and all(len(r) < 300 for r in answer["reasons"]), answer["reasons"]


def test_export_counts_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"Exported 1 persona(s) to …": the import beside it already said "1 persona"."""
    personas = tmp_path / "p.toml"
    personas.write_text('[[persona]]\nname = "roses"\ndescription = "Gardening and roses"\n', encoding="utf-8")
    home = str(tmp_path / "home")
    assert main(["--data-dir", home, "personas", "import", str(personas)]) == 0
    assert main(["--data-dir", home, "personas", "export", str(tmp_path / "out.toml")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"Exported 1 persona to {tmp_path / 'out.toml'}."


def test_personas_list_names_a_persona_saved_with_an_http_server_and_the_https_address_to_use(
        cli: Cli, profile: Path) -> None:
    """It listed the persona as any other; its posts then failed, one by one, saying to use https."""
    from sqlalchemy import update

    from personamgr.core import schema as s
    from personamgr.core.paths import AppPaths
    from personamgr.core.secrets import SecretStore
    from personamgr.core.services import open_services

    services = open_services(AppPaths.resolve(profile), secrets=SecretStore())
    try:
        with services.store.begin() as con:  # as an older version saved it (refused when typed now)
            con.execute(update(s.personas).where(s.personas.c.name == "metal").values(
                network="mastodon", server="http://fosstodon.example"))
    finally:
        services.close()
    r = cli("personas", "list", data_dir=profile)
    assert r.code == 0, r.err
    metal = next(line for line in r.out.splitlines() if line.startswith("metal"))
    career = next(line for line in r.out.splitlines() if line.startswith("career"))
    assert metal.endswith("  [http server: use https://fosstodon.example, then reconnect]"), metal
    assert "http" not in career, career
