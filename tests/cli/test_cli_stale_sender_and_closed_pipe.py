"""What a user checks sees the truth: a post whose sender was killed reads as needing review in every command
(QA #4), and a reader that closes our output early is not a database error that claims the text was lost (QA #6)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import Cli
from lease_helpers import dead_owner

from personamgr.cli.errors import EXIT_BROKEN_PIPE
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.services import open_services


def _killed_mid_send(profile: Path) -> int:
    """A scheduled post claimed by a sender that has since died: what ``kill -9`` on the daemon leaves."""
    svc = open_services(AppPaths.resolve(profile))
    try:
        post = svc.outbox.create(svc.store.persona("career").uid, "Five interview questions worth asking.")
        svc.outbox.claim(post.id, owner=dead_owner())
        assert svc.outbox.get(post.id).state is PostState.SENDING
        return post.id
    finally:
        svc.close()


@pytest.mark.parametrize("command", [("posts", "list", "--json"), ("posts", "show", "{id}", "--json")])
def test_posts_list_and_show_see_a_killed_senders_post_as_needing_review(cli: Cli, profile: Path,
                                                                          command: tuple[str, ...]) -> None:
    post_id = _killed_mid_send(profile)
    r = cli(*(part.format(id=post_id) for part in command), data_dir=profile)
    assert r.code == 0, r.err
    row = json.loads(r.out.splitlines()[0])
    assert (row["id"], row["state"]) == (post_id, "needs_review")
    assert "stopped while this post was being sent" in row["error"]


def _closed_pipe_run(cli: Cli, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run personamgr with stdout a real pipe whose reader has already gone (``| head -0``)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "personamgr", "--data-dir", str(profile), *args],
                              env=cli.env, stdout=write, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              text=True, timeout=120, check=False)
    finally:
        os.close(write)


def test_queue_add_into_a_closed_pipe_keeps_the_post_and_says_nothing_false(cli: Cli, profile: Path) -> None:
    r = _closed_pipe_run(cli, profile, "queue", "add", "--persona", "career", "--at", "2030-01-07T09:00",
                         "Redundancy pay: what you are owed and how to ask for it.")
    assert r.stderr == ""  # not "Broken pipe", not "Your text was not saved"
    assert r.returncode == EXIT_BROKEN_PIPE
    listed = cli("posts", "list", "--json", data_dir=profile)
    rows = [json.loads(line) for line in listed.out.splitlines()]
    assert [(row["state"], row["parts"][0]) for row in rows] == [
        ("scheduled", "Redundancy pay: what you are owed and how to ask for it.")]


def test_a_read_command_into_a_closed_pipe_exits_quietly(cli: Cli, profile: Path) -> None:
    r = _closed_pipe_run(cli, profile, "personas", "list")
    assert (r.returncode, r.stderr) == (EXIT_BROKEN_PIPE, "")
