"""A profile folder that cannot be written, met two ways that bind root too: a disk mounted read-only (EROFS, a real
tmpfs remounted) and a profile its user may not write (EACCES: the real command run as the unprivileged user
nobody on a profile it owns, made read-only with chmod -R a-w). Every command says the profile folder cannot be
written, naming it, once, whichever of its files it would have met first (the log, the database); what the user
wrote is printed back, and nothing is posted. The window (no command), started as nobody offscreen, says it in its
dialog, and writes nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import run_folder
from cli_helpers import AS_NOBODY, NOBODY, Cli, tree

TESTS = Path(__file__).resolve().parents[1]

TEXT = "Three questions to ask about the team you would join"
WRITES = [("queue", "add", "--persona", "career", "--anyway", TEXT), ("post", "--persona", "career", "--anyway", TEXT)]
COMMANDS = [("personas", "list"), *WRITES, ("queue", "list")]


def refused_naming(r, folder: Path, why: str, *, whole: bool = True) -> None:  # type: ignore[no-untyped-def]
    """One line naming ``folder`` (the profile's own, or, not ``whole``, one of its folders), and exit 1."""
    assert r.code == 1, (r.out, r.err)
    assert "Traceback" not in r.err, r.err
    said = (f"personamgr cannot write in its profile folder {folder}: {why}. It keeps your personas, posts and "
            "settings there, so it needs to, even to list personas." if whole else
            f"personamgr cannot write in {folder}, a folder of its profile: {why}. It keeps your personas, posts and "
            "settings in its profile, so it needs to, even to list personas.")
    assert r.err.startswith(f"personamgr: error: {said} Make the folder writable, or use another data folder with "
                            "--data-dir; nothing was changed.\n"), r.err


def test_a_profile_on_a_disk_mounted_read_only_names_its_folder_and_keeps_the_text(
        small_fs, cli: Cli, personas_file: Path) -> None:  # type: ignore[no-untyped-def]
    """It said 'personamgr cannot write to …/logs/personamgr.log: the disk or partition holding …/logs is mounted
    read-only': the log, the first file it met."""
    d = small_fs.root / "profile"
    assert cli("personas", "import", str(personas_file), data_dir=d).code == 0
    small_fs.read_only()
    try:
        for args in [*COMMANDS, ("personas", "import", str(personas_file))]:
            r = cli(*args, data_dir=d)
            refused_naming(r, d, "the disk or partition holding it is mounted read-only")
            if args in WRITES:
                assert r.err.rstrip().endswith(f"Your text was not saved. Here it is, to keep:\n\n{TEXT}"), r.err
    finally:
        small_fs.read_only(False)
    r = cli("posts", "list", data_dir=d)
    assert r.code == 0 and "No posts" in r.out + r.err, (r.out, r.err)  # nothing was posted, nor recorded


@pytest.fixture
def nobodys(cli: Cli) -> Iterator[Path]:
    """A folder nobody can reach (pytest's are root's own, 0700), with a home for it: the CLI's, handed over. It is
    in the run's folder (tests/run_folder.py), which a later run removes if this one is killed."""
    top = run_folder.mkdtemp("nobody.")
    top.chmod(0o755)
    (top / "profile").mkdir()
    os.chown(top / "profile", NOBODY, NOBODY)
    home = top / "home"
    shutil.copytree(cli.home, home)
    for path in (home, *home.rglob("*")):
        os.chown(path, NOBODY, NOBODY)
    cli.env.update({k: v.replace(str(cli.home), str(home)) for k, v in cli.env.items() if str(cli.home) in v})
    cli.home = home
    try:
        yield top
    finally:
        shutil.rmtree(top)


@pytest.mark.parametrize("whole", [True, False], ids=["chmod -R a-w", "its data folder a-w"])
def test_a_profile_its_user_cannot_write_names_its_folder_and_keeps_the_text(
        nobodys: Path, cli: Cli, personas_file: Path, whole: bool) -> None:
    """As nobody, on its own profile made read-only. Whole, it said 'personamgr cannot write to …/personamgr.log:
    …/personamgr.log is read-only (or belongs to another user)', the first file it met; with only the data folder
    read-only, 'cannot write to …/personamgr.db: the folder …/data is read-only'."""
    d = nobodys / "profile"
    shutil.copy(personas_file, nobodys / "in.toml")
    os.chown(nobodys / "in.toml", NOBODY, NOBODY)
    r = cli("personas", "import", str(nobodys / "in.toml"), data_dir=d, as_nobody=True)
    assert r.code == 0, r.err
    made_read_only = [d, *d.rglob("*")] if whole else [d / "data"]
    for path in made_read_only:
        path.chmod(path.stat().st_mode & ~0o222)
    for args in [*COMMANDS, ("personas", "import", str(nobodys / "in.toml"))]:
        r = cli(*args, data_dir=d, as_nobody=True)
        refused_naming(r, d if whole else d / "data",
                       "your user cannot write in it (it is read-only, or belongs to another user)", whole=whole)
        if args in WRITES:
            assert r.err.rstrip().endswith(f"Your text was not saved. Here it is, to keep:\n\n{TEXT}"), r.err
    for path in made_read_only:
        path.chmod(path.stat().st_mode | 0o200)
    r = cli("posts", "list", data_dir=d, as_nobody=True)
    assert r.code == 0 and "No posts" in r.out + r.err, (r.out, r.err)


@pytest.mark.parametrize("whole", [True, False], ids=["chmod -R 0555", "its data folder 0555"])
def test_a_folder_its_owner_made_read_only_keeps_its_mode_and_the_profile_is_refused(
        nobodys: Path, cli: Cli, personas_file: Path, whole: bool) -> None:
    """As nobody, on its own profile whose folders were 0755 (made by hand, or by an admin's umask) when it made them
    read-only: 0555. The profile's check made each of its folders 0700 again (it took the group's and the others'
    bits for too wide), so the owner's read-only data folder was writable again and every command wrote in it."""
    d = nobodys / "profile"
    shutil.copy(personas_file, nobodys / "in.toml")
    os.chown(nobodys / "in.toml", NOBODY, NOBODY)
    assert cli("personas", "import", str(nobodys / "in.toml"), data_dir=d, as_nobody=True).code == 0
    folders = [d, *(p for p in d.rglob("*") if p.is_dir())] if whole else [d / "data"]
    for folder in folders:
        folder.chmod(0o555)
    for args in COMMANDS:
        r = cli(*args, data_dir=d, as_nobody=True)
        refused_naming(r, d if whole else d / "data",
                       "your user cannot write in it (it is read-only, or belongs to another user)", whole=whole)
    assert {f: oct(f.stat().st_mode & 0o777) for f in folders} == {f: "0o555" for f in folders}
    for folder in folders:
        folder.chmod(0o755)
    r = cli("posts", "list", data_dir=d, as_nobody=True)
    assert r.code == 0 and "No posts" in r.out + r.err, (r.out, r.err)  # nothing was posted, nor recorded


def test_the_window_as_its_user_on_a_profile_it_cannot_write_says_so_once_and_writes_nothing(
        nobodys: Path, cli: Cli, personas_file: Path) -> None:
    """``personamgr`` with no command (the window, offscreen) as nobody, on its own profile made read-only with
    chmod -R a-w: one dialog names the profile's folder and says once that nothing was changed (it said it twice,
    'nothing was changed.' then 'Nothing was changed. personamgr will now close.'), and nothing is written."""
    d = nobodys / "profile"
    shutil.copy(personas_file, nobodys / "in.toml")
    os.chown(nobodys / "in.toml", NOBODY, NOBODY)
    assert cli("personas", "import", str(nobodys / "in.toml"), data_dir=d, as_nobody=True).code == 0
    for path in (d, *d.rglob("*")):
        path.chmod(path.stat().st_mode & ~0o222)
    before = tree(d), {p: p.stat().st_mode for p in (d, *d.rglob("*"))}
    proc = subprocess.run([*AS_NOBODY, sys.executable, str(TESTS / "start_dialog_reader.py"), "--data-dir", str(d)],
                          env=cli.env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
                          cwd=cli.home, check=False)
    said = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert said == [{"name": "cannotOpen", "title": "personamgr cannot open its data", "text": (
        f"personamgr cannot write in its profile folder {d}: your user cannot write in it (it is read-only, or "
        "belongs to another user). It keeps your personas, posts and settings there, so it needs to, even to list "
        "personas. Make the folder writable, or use another data folder with --data-dir; nothing was changed."),
        "below": "personamgr will now close."}], (proc.stdout, proc.stderr)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, (proc.returncode, proc.stderr)
    assert (tree(d), {p: p.stat().st_mode for p in (d, *d.rglob("*"))}) == before
