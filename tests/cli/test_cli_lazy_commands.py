"""A subcommand's module is imported only when that command runs: `personamgr guard` does not load the database's
SQLAlchemy, keyring or the networks (about 35 MB resident it does not need), while `--help` still lists every
command and each command's own help and options are whole."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from personamgr.cli import main as cli_main

PERSONAS = """
[[persona]]
name = "metal"
topics = ["heavy metal", "guitars"]

[[persona]]
name = "kitchen"
topics = ["cooking", "recipes"]
"""

RUN_GUARD = textwrap.dedent("""
    import json, sys
    from personamgr.cli.main import main

    code = main(["guard", "--personas", sys.argv[1], "--persona", "metal", "That riff had the whole room shaking"])
    sys.stdout.flush()
    print("MODULES " + json.dumps({"code": code, "modules": sorted(sys.modules)}))
""")


def test_the_guard_command_imports_no_database_keyring_or_network_module(tmp_path: Path) -> None:
    personas = tmp_path / "personas.toml"
    personas.write_text(PERSONAS, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", RUN_GUARD, str(personas)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    answer = json.loads(lines[0])
    assert answer["fits"] is True and answer["scores"]["metal"] > answer["scores"]["kitchen"]
    result = json.loads(lines[-1].removeprefix("MODULES "))
    assert result["code"] == 0
    heavy = [m for m in result["modules"] if m.split(".")[0] in ("sqlalchemy", "keyring", "tweepy", "mastodon",
                                                                  "atproto", "apscheduler")
             or m in ("personamgr.cli.common", "personamgr.core.store", "personamgr.core.services")]
    assert heavy == []


def test_help_lists_every_command_with_its_summary(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli_main.main(["--help"])
    assert done.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    for name, summary in cli_main.SUBCOMMANDS.items():
        assert f"{name} {' '.join(summary.split())}" in out


@pytest.mark.parametrize(("command", "option"), [("guard", "--jsonl"), ("connect", "--tokens-stdin"),
                                                 ("daemon", "--yield-to-window"), ("post", "--thread")])
def test_a_commands_help_has_its_description_and_options(command: str, option: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli_main.main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: personamgr {command}" in out and option in out


def test_a_commands_options_are_read_after_the_global_ones(tmp_path: Path) -> None:
    args = cli_main.build_parser().parse_args(["--data-dir", str(tmp_path), "-v", "queue", "list", "--json"])
    assert (args.command, args.action, args.json, args.verbose) == ("queue", "list", True, True)
