"""`--help` is where a new user meets every command first: each argument says what it is."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from personamgr.cli.main import SUBCOMMANDS, main


def _parsers() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command's parser and its subcommands', by the words typed to reach it."""
    todo: list[tuple[str, argparse.ArgumentParser]] = []
    for name in SUBCOMMANDS:
        parser = argparse.ArgumentParser(prog=f"personamgr {name}")
        importlib.import_module(f"personamgr.cli.{name}").register(parser)
        todo.append((name, parser))
    while todo:
        words, parser = todo.pop()
        yield words, parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend((f"{words} {sub}", p) for sub, p in action.choices.items())


def test_every_argument_of_every_command_says_what_it_is() -> None:
    """`personas import --help` listed "file" and nothing else, `queue add` "--persona NAME", `posts retry`
    "ID": a new user had to guess ('-' for standard output? a post's number from where?)."""
    bare = []
    for words, parser in _parsers():
        for action in parser._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if isinstance(action, argparse._SubParsersAction):
                listed = {a.dest for a in action._choices_actions if a.help}
                bare += [f"{words} {sub}" for sub in action.choices if sub not in listed]
            elif not action.help or action.help == argparse.SUPPRESS:
                bare.append(f"{words} {'/'.join(action.option_strings) or action.dest}")
    assert bare == []


def test_the_posts_summary_names_every_action(capsys: pytest.CaptureFixture[str]) -> None:
    """`personamgr --help` said posts could "list posts; mark sent, retry or delete one": show and stop were
    missing."""
    with pytest.raises(SystemExit):
        main(["--help"])
    summary = SUBCOMMANDS["posts"]
    for action in ("list", "show", "mark sent", "retry", "stop", "delete"):
        assert action in summary, action


def finished(argv: list[str], if_still_running: str, cwd: Path | None = None
             ) -> tuple[subprocess.Popen[str], str, str]:
    """Run ``argv`` to its end (process, out, err); a process still running after a minute is ended and the test
    fails with ``if_still_running``: what the old code did instead of refusing."""
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(if_still_running)
    return proc, out, err


@pytest.mark.parametrize(("argv", "words"), [
    (["daemon", "--tick", "0"], "argument --tick: must be a number of seconds from 0.1 to 3600"),
    (["daemon", "--tick", "-5"], "argument --tick: must be a number of seconds from 0.1 to 3600"),
    (["daemon", "--tick", "nan"], "argument --tick: must be a number of seconds from 0.1 to 3600"),
    (["daemon", "--tick", "inf"], "argument --tick: must be a number of seconds from 0.1 to 3600"),
    (["posts", "list", "--limit", "-3"], "argument --limit: must be a whole number, 1 or more"),
    (["posts", "list", "--limit", "0"], "argument --limit: must be a whole number, 1 or more"),
])
def test_numbers_that_cannot_work_are_usage_errors(argv: list[str], words: str, tmp_path: Path) -> None:
    """`daemon --tick 0` (or a negative tick) started a daemon that re-read the outbox in a busy loop, one
    core at 100 % until stopped; 'inf' one that never looked again. `posts list --limit -3` said "No posts.".
    A real process, so that a daemon the old code started is ended by the time-out, not left running."""
    proc, _out, err = finished([sys.executable, "-m", "personamgr", "--data-dir", str(tmp_path), *argv],
                               f"{argv} was accepted and ran")
    assert proc.returncode == 2, err
    assert words in err


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_the_screenshots_script_answers_help_instead_of_writing_into_a_folder_named_help(
        flag: str, tmp_path: Path) -> None:
    """`scripts/screenshots --help` took "--help" for the output folder and rendered every screen into it."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "screenshots"
    proc, out, _err = finished([sys.executable, str(script), flag], f"scripts/screenshots {flag} started rendering",
                               cwd=tmp_path)
    assert proc.returncode == 0 and "scripts/screenshots DIR" in out
    assert list(tmp_path.iterdir()) == []


def test_the_alt_text_help_gives_each_network_s_own_limit() -> None:
    """`post --help` said "up to 1,000 characters" (X's) of --alt, for Mastodon (1,500) and Bluesky (2,000) too; the
    limits are the networks' own, as the post is checked against them."""
    from personamgr.core.media import X_LIMITS
    from personamgr.core.networks.bluesky.network import MAX_ALT_TEXT as BLUESKY
    from personamgr.core.networks.mastodon.network import MAX_ALT_TEXT as MASTODON

    parser = dict(_parsers())["post"]
    words = " ".join(next(a.help for a in parser._actions if "--alt" in a.option_strings).split())
    for limit, network in ((X_LIMITS.max_alt, "X"), (MASTODON, "Mastodon"), (BLUESKY, "Bluesky")):
        assert f"{limit:,} characters on {network}" in words or f"{limit:,} on {network}" in words, words
