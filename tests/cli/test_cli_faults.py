"""Every command meets a full disk, a read-only disk, a locked database, a folder in place of the database and a
truncated database with one clear line and exit 1: no traceback, never "damaged", and the text of ``queue add``
or ``post`` printed back when it could not be saved. The commands run as real processes on a real small file
system (a tmpfs, mounted by the test as root) and real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Cli
from db_locks import locked, say_locks_soon
from image_files import noisy_png

from personamgr.cli.main import main

TEXT = "Three questions to ask about the team you would join"


def assert_clean_failure(r, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert r.code == 1, (r.out, r.err)
    assert "Traceback" not in r.err and "damaged" not in r.err, r.err
    first = r.err.splitlines()[0]
    assert first.startswith("personamgr: error: "), r.err
    for w in words:
        assert w in r.err, (w, r.err)


def _profile_on(small_fs, cli: Cli, personas_file: Path) -> Path:  # type: ignore[no-untyped-def]
    d = small_fs.root / "profile"
    assert cli("personas", "import", str(personas_file), data_dir=d).code == 0
    return d


COMMANDS = [("personas", "list"), ("personas", "export", "-"), ("queue", "list"),
            ("queue", "add", "--persona", "career", "--anyway", TEXT),
            ("post", "--persona", "career", "--anyway", TEXT)]


def test_a_full_disk_for_every_command(small_fs, cli: Cli, personas_file: Path, tmp_path: Path) -> None:
    d = _profile_on(small_fs, cli, personas_file)
    small_fs.fill()
    for args in [*COMMANDS, ("personas", "import", str(personas_file))]:
        r = cli(*args, data_dir=d)
        assert_clean_failure(r, "is full", "Free some space and try again")
        if args[0] in ("queue", "post") and args[1] != "list":
            assert r.err.rstrip().endswith(f"Your text was not saved. Here it is, to keep:\n\n{TEXT}"), r.err
    small_fs.free()
    r = cli("personas", "list", data_dir=d)
    assert r.code == 0 and r.out.split()[0] == "career", r.err


def test_a_read_only_disk_for_every_command(small_fs, cli: Cli, personas_file: Path) -> None:
    d = _profile_on(small_fs, cli, personas_file)
    small_fs.read_only()
    try:
        for args in COMMANDS:
            assert_clean_failure(cli(*args, data_dir=d), "is mounted read-only", "use another data folder")
    finally:
        small_fs.read_only(False)


def test_a_folder_in_place_of_the_database(cli: Cli, tmp_path: Path) -> None:
    d = tmp_path / "profile"
    (d / "data" / "personamgr.db").mkdir(parents=True)
    assert_clean_failure(cli("personas", "list", data_dir=d), "personamgr.db is a folder, not a database file")


def test_a_truncated_database_is_not_taken_for_a_new_profile(cli: Cli, profile: Path) -> None:
    (profile / "data" / "personamgr.db").write_bytes(b"")
    r = cli("personas", "list", data_dir=profile)
    assert r.code == 1 and "is empty (0 bytes), but it held your profile" in r.err, r.err
    assert (profile / "data" / "personamgr.db").stat().st_size == 0


def test_a_database_locked_by_another_program_keeps_the_text(profile: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Locked for longer than the wait: the command says so, and prints the text of ``queue add`` back."""
    say_locks_soon(monkeypatch)
    with locked(profile / "data" / "personamgr.db"):
        code = main(["--data-dir", str(profile), "queue", "add", "--persona", "career", "--anyway", TEXT])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"personamgr: error: {profile / 'data' / 'personamgr.db'} is locked by another program")
    assert err.rstrip().endswith(f"Here it is, to keep:\n\n{TEXT}")


@pytest.mark.parametrize(("args", "words"), [
    (("queue", "add", "--persona", "career", "--at", "", TEXT), "--at: no date and time given"),
    (("queue", "add", "--persona", "career", "--at", "9999-12-31T23:59:59-12:00", TEXT), "outside the dates"),
    (("queue", "add", "--persona", "career", "--at", "0001-01-01T00:00+01:00", TEXT), "outside the dates"),
    (("queue", "add", "--persona", "career", "--anyway", "caf\udce9"),
     "TEXT is not valid UTF-8 text (byte 0xe9 at character 4)"),
])
def test_inputs_that_used_to_print_a_traceback(cli: Cli, profile: Path, args: tuple[str, ...], words: str) -> None:
    r = cli(*args, data_dir=profile)
    assert r.code == 2 and "Traceback" not in r.err and words in r.err, r.err
    assert "Scheduled" not in r.out


def test_a_thread_file_saved_with_a_byte_order_mark_posts_no_invisible_character(cli: Cli, profile: Path,
                                                                                tmp_path: Path) -> None:
    """A thread file saved as "UTF-8 with BOM" (Windows Notepad before 2019, some editors' default) began its first
    part with U+FEFF: an invisible character at the start of the post, counted in its length, and sent."""
    thread = tmp_path / "thread.txt"
    thread.write_bytes("Five questions to ask at the end of every interview\n---\nOne: what does success look like?\n"
                       .encode("utf-8-sig"))
    r = cli("queue", "add", "--persona", "career", "--anyway", "--at", "2030-03-09T14:00", "--thread", str(thread),
            data_dir=profile)
    assert r.code == 0, r.err
    shown = cli("posts", "show", "1", "--json", data_dir=profile)
    assert shown.code == 0, shown.err
    assert "\ufeff" not in shown.out and "\\ufeff" not in shown.out, shown.out
    assert "Five questions to ask" in shown.out


def test_a_thread_file_that_is_not_text_is_said_in_words(cli: Cli, profile: Path, tmp_path: Path) -> None:
    """``queue add --thread photo.jpg`` said Python's "'utf-8' codec can't decode byte 0xff in position 0: invalid
    start byte"."""
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 JFIF")
    r = cli("queue", "add", "--persona", "career", "--anyway", "--thread", str(photo), data_dir=profile)
    assert r.code == 1 and r.err == (f"personamgr: error: the thread file {photo} is not UTF-8 text (byte 0xff at "
                                     "position 0); a thread file is the posts' text, parts separated by --- lines\n"
                                     ), r.err


def test_a_thread_file_that_never_ends_is_refused_not_read_forever(cli: Cli, profile: Path) -> None:
    """``queue add --thread /dev/zero`` (or a film given by mistake) read on until memory ran out."""
    r = cli("queue", "add", "--persona", "career", "--anyway", "--thread", "/dev/zero", data_dir=profile)
    assert r.code == 1 and r.err == ("personamgr: error: the thread file /dev/zero is larger than 4 MB; a thread file "
                                     "is the posts' text, parts separated by --- lines\n"), r.err


HUGE = "99999999999999999999999"


@pytest.mark.parametrize("args", [("posts", "show", HUGE), ("posts", "delete", HUGE), ("posts", "retry", HUGE),
                                  ("posts", "mark-sent", HUGE), ("posts", "stop", HUGE), ("queue", "remove", HUGE),
                                  ("posts", "reschedule", HUGE, "--at", "2027-01-04T09:00"),
                                  ("posts", "show", "9223372036854775808")])
def test_a_post_number_beyond_the_database_is_no_post_not_a_bug(cli: Cli, profile: Path, args: tuple[str, ...]) \
        -> None:
    """``posts show 99999999999999999999999`` said "something unexpected went wrong (OverflowError: Python int too
    large to convert to SQLite INTEGER) … This is a bug in personamgr": a number no post can have is no post."""
    r = cli(*args, data_dir=profile)
    assert r.code == 2 and "Traceback" not in r.err and "unexpected" not in r.err, r.err
    assert r.err.endswith(f"ID: there is no post #{args[2]} (see: personamgr posts list)\n"), r.err


def test_a_huge_limit_lists_every_post(cli: Cli, profile: Path) -> None:
    """``posts list --limit 99999999999999999999999`` (meaning "all of them") said it was a bug in personamgr."""
    assert cli("queue", "add", "--persona", "career", "--anyway", TEXT, data_dir=profile).code == 0
    r = cli("posts", "list", "--limit", HUGE, data_dir=profile)
    assert r.code == 0 and r.err == "" and TEXT[:20] in r.out, r.err


def test_an_unexpected_error_is_one_line_and_the_traceback_goes_to_the_log(
        profile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from personamgr.cli import personas

    def broken(_args: object) -> int:
        raise KeyError("nobody expects this")

    monkeypatch.setattr(personas, "cmd_list", broken)
    code = main(["--data-dir", str(profile), "personas", "list"])
    err = capsys.readouterr().err
    log = (profile / "logs" / "personamgr.log").read_text(encoding="utf-8")
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("personamgr: error: something unexpected went wrong (KeyError: 'nobody expects this'); "
                          f"the details are in {profile / 'logs' / 'personamgr.log'}")
    assert "Traceback (most recent call last)" in log and "nobody expects this" in log


def test_a_keyring_backend_that_does_not_exist_is_named(cli: Cli, profile: Path) -> None:
    r = cli("connect", "--persona", "career", "--tokens-stdin", data_dir=profile,
            extra_env={"PYTHON_KEYRING_BACKEND": "no.such.Backend"})
    assert r.code == 1 and "Traceback" not in r.err
    assert "The keyring backend chosen by PYTHON_KEYRING_BACKEND=no.such.Backend cannot be loaded" in r.err


def test_no_secure_store_tells_a_command_line_user_what_to_do(cli: Cli, profile: Path) -> None:
    """The refusal said "... Install and unlock a Secret Service (GNOME Keyring or KWallet) and restart
    personamgr.": a command has nothing to restart. It says when personamgr finds the store, for the window
    and for a command alike (the same words are a failed post's reason, read in both)."""
    r = cli("connect", "--persona", "career", "--tokens-stdin", data_dir=profile,
            extra_env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert r.code == 1 and "Traceback" not in r.err
    assert "No secure credential store was found" in r.err
    assert "restart" not in r.err
    assert "the next time you run a personamgr command" in r.err


def test_a_damaged_sandbox_file_is_named_as_the_demo_networks_not_the_profile(cli: Cli, profile: Path) -> None:
    """A damaged sandbox-network.db (the built-in demo network's posts) stopped every command with "Restore a
    copy from the backups folder", where no copy of it is ever made, and said nothing of the profile, which was
    intact. It says what the file holds, that the profile is intact and how to get a fresh sandbox."""
    sandbox = profile / "data" / "sandbox-network.db"
    assert cli("personas", "list", data_dir=profile).code == 0 and sandbox.exists()
    sandbox.write_bytes(b"not a database at all, from a bad copy" * 200)
    r = cli("personas", "list", data_dir=profile)
    assert r.code == 1 and "Traceback" not in r.err, r.err
    assert r.err.startswith(f"personamgr: error: {sandbox} is damaged and cannot be read (file is not a database). "
                            "It holds only the posts of the sandbox, the built-in demo network; your personas and "
                            f"posts are in {profile / 'data' / 'personamgr.db'}, which is intact. Move "
                            f"{sandbox.name} away and personamgr starts an empty sandbox. Nothing was changed."), r.err
    assert "backups" not in r.err
    sandbox.rename(sandbox.with_name("sandbox-network.damaged"))
    r = cli("personas", "list", data_dir=profile)
    assert r.code == 0 and r.out.split()[0] == "career", r.err


def test_an_image_that_does_not_fit_on_the_disk_keeps_the_text(small_fs, cli: Cli, personas_file: Path,
                                                                tmp_path: Path) -> None:
    """The database had room but the image's copy did not: ``queue add --image`` said "big.png could not be copied
    into the profile (No space left on device); nothing was attached." and dropped the text, which the same full
    disk prints back when the database is what cannot be written. Once space is freed, the same command works."""
    d = _profile_on(small_fs, cli, personas_file)
    image = tmp_path / "big.png"
    noisy_png(image, 1024)  # a real PNG of about 1 MiB
    small_fs.fill(leave=256 * 1024)
    args = ("queue", "add", "--persona", "career", "--anyway", "--image", str(image), "--alt", "A grey square", TEXT)
    r = cli(*args, data_dir=d)
    assert_clean_failure(r, f"big.png could not be copied into the profile, so nothing was attached: the disk "
                         f"holding {d / 'data' / 'media'} is full", "Free some space and try again")
    assert "No space left on device" not in r.err
    assert r.err.rstrip().endswith(f"Your text was not saved. Here it is, to keep:\n\n{TEXT}"), r.err
    assert list((d / "data" / "media").iterdir()) == []
    small_fs.free()
    assert cli(*args, data_dir=d).code == 0
    assert len(list((d / "data" / "media").iterdir())) == 1


def test_a_log_file_on_a_full_disk_is_said_once_not_as_tracebacks(small_fs, capfd: pytest.CaptureFixture[str]) \
        -> None:
    """A running daemon whose disk filled wrote "--- Logging error ---" and a traceback to its terminal for every
    line it logged (25 a minute), while it went on and sent the post once space was freed. The log's fault is
    said once, in words; the log takes lines again once there is room, and a new fault is said again."""
    import logging

    from personamgr.core.logs import setup_logging

    log_file = small_fs.root / "logs" / "personamgr.log"
    setup_logging(log_file)
    log = logging.getLogger("personamgr.test")
    try:
        small_fs.fill()
        for i in range(5):
            log.info("tick %d while the disk is full", i)
        err = capfd.readouterr().err
        assert "Traceback" not in err and "Logging error" not in err, err
        assert err.splitlines() == [f"personamgr: the disk holding {log_file.parent} is full, so the log {log_file} "
                                    "cannot be written; log lines are dropped until there is room again."], err
        small_fs.free()
        log.info("room again")
        assert "room again" in log_file.read_text(encoding="utf-8")
        small_fs.fill()
        for i in range(100):  # past the room left in the log's last page
            log.info("full again %d: %s", i, "." * 100)
        assert capfd.readouterr().err.count("log lines are dropped") == 1
    finally:
        small_fs.free()
        setup_logging(None)


@pytest.mark.parametrize("args", [("personas", "export", "-"), ("posts", "list"), ("personas", "list"),
                                  ("guard", "--personas", "{personas}", "--jsonl")])
def test_output_to_a_full_disk_is_not_blamed_on_the_database(cli: Cli, profile: Path, personas_file: Path,
                                                            args: tuple[str, ...]) -> None:
    """``personamgr personas export - > /mnt/full/backup.toml`` said "the disk holding .../data is full, so
    .../personamgr.db could not be written", sending the user to free space on the wrong disk; ``guard``, which
    opens no profile at all, named the default profile's database. It says that its output could not be
    written, and why."""
    import subprocess
    import sys

    argv = [a.format(personas=personas_file) for a in args]
    with open("/dev/full", "w", encoding="utf-8") as full:  # every write fails with ENOSPC
        proc = subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(profile), *argv], env=cli.env,
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, cwd=cli.home,
                              input='{"id": 1, "text": "Hiring now", "persona": "career"}\n', check=False)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "personamgr.db" not in proc.stderr, proc.stderr
    assert proc.stderr == ("personamgr: error: the output could not be written (No space left on device): the "
                           "file or device it goes to is full. Nothing in the profile was changed by it.\n")


@pytest.mark.parametrize("fault", ["full", "read-only", "no folder"])
def test_an_export_that_cannot_be_written_names_its_own_place_and_leaves_no_file(
        small_fs, cli: Cli, profile: Path, fault: str) -> None:  # type: ignore[no-untyped-def]
    """``personas export /mnt/usb/personas.toml`` on a full or read-only disk, or into a folder that is not there,
    said the OS's words ("cannot write x.toml: No space left on device"). It says what is wrong with that place
    and what to do there (not with the data folder), and leaves nothing there but what was there before."""
    folder = small_fs.root / ("gone" if fault == "no folder" else "usb")
    target = folder / "personas.toml"
    if fault != "no folder":
        folder.mkdir()
        target.write_text("# an earlier export\n", encoding="utf-8")
    small_fs.fill() if fault == "full" else small_fs.read_only() if fault == "read-only" else None
    try:
        r = cli("personas", "export", str(target), data_dir=profile)
    finally:
        small_fs.read_only(False) if fault == "read-only" else small_fs.free()
    why = {"full": f"the disk holding {folder} is full. Free some space on it, or export to another disk.",
           "read-only": f"the disk or partition holding {folder} is mounted read-only. Export to another folder.",
           "no folder": f"the folder {folder} does not exist. Create it, or export to a folder that exists."}[fault]
    assert r.err == f"personamgr: error: {target} was not exported: {why} Nothing was written there.\n", r.err
    assert r.code == 1 and r.out == ""
    if fault != "no folder":
        assert sorted(p.name for p in folder.iterdir()) == ["personas.toml"]
        assert target.read_text(encoding="utf-8") == "# an earlier export\n"
    else:
        assert not folder.exists()


def test_a_read_only_runtime_folder_is_named_with_its_own_advice_not_the_profiles(
        small_fs, runtime_on_small_fs: Path, cli: Cli, personas_file: Path) -> None:  # type: ignore[no-untyped-def]
    """With XDG_RUNTIME_DIR read-only, every command said "personamgr cannot write to /run/user/…/personamgr: … is
    mounted read-only. Make it writable, or use another data folder with --data-dir": the profile's advice, for a
    folder that is not the profile's, and personas list failed though it needs no lock. Only what takes the lock
    (the daemon, the window) needs the runtime folder, and it says the lock's fault in the lock's words."""
    run = runtime_on_small_fs
    env = {"XDG_RUNTIME_DIR": str(run)}
    assert cli("personas", "import", str(personas_file), extra_env=env).code == 0
    for made in (run / "personamgr").iterdir() if (run / "personamgr").exists() else ():
        made.unlink()
    if (run / "personamgr").exists():
        (run / "personamgr").rmdir()
    small_fs.read_only()
    try:
        listed = cli("personas", "list", extra_env=env)
        daemon = cli("daemon", "--tick", "1", extra_env=env)
    finally:
        small_fs.read_only(False)
    assert listed.code == 0 and listed.out.split()[0] == "career", listed.err
    assert_clean_failure(daemon)
    assert "--data-dir" not in daemon.err, daemon.err
    assert daemon.err == ("personamgr: error: personamgr could not write its lock file in "
                          f"{run / 'personamgr'}, which keeps two personamgr from sending the same posts: the disk or "
                          f"partition holding {run / 'personamgr'} is mounted read-only. Make it writable, then start "
                          "personamgr again. Nothing was sent or changed.\n"), daemon.err


def test_the_daemons_lock_on_a_full_runtime_disk_is_named_not_the_database(
        small_fs, runtime_on_small_fs: Path, cli: Cli) -> None:  # type: ignore[no-untyped-def]
    """``personamgr daemon`` with XDG_RUNTIME_DIR on a full disk said "the disk holding ~/.local/share/personamgr is
    full, so …/personamgr.db could not be written": the database's disk had room. It names the lock file's folder,
    on the runtime disk, and what the lock is for."""
    run = runtime_on_small_fs
    small_fs.fill()
    try:
        r = cli("daemon", "--tick", "1", extra_env={"XDG_RUNTIME_DIR": str(run)})
    finally:
        small_fs.free()
    assert_clean_failure(r)
    assert "personamgr.db" not in r.err and ".local/share" not in r.err, r.err
    assert r.err == ("personamgr: error: personamgr could not write its lock file in "
                     f"{run / 'personamgr'}, which keeps two personamgr from sending the same posts: the disk "
                     f"holding {run / 'personamgr'} is full. Free some space on it, then start personamgr again. "
                     "Nothing was sent or changed.\n"), r.err
    lock = next((small_fs.root / "run" / "personamgr").glob("instance-*.lock"))
    assert lock.read_text(encoding="utf-8") == ""
