"""The CLI contract of design.md: one flushed answer per input line, through a real subprocess."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PERSONAS = """
[[persona]]
name = "career"
description = "Careers, job search and the economy for professionals over 40"
topics = ["careers", "job search", "hiring", "economy"]
keywords = ["resume", "interview"]
avoid = ["heavy metal"]

[[persona]]
name = "metal"
description = "Heavy metal, guitars, gigs and albums I love"
topics = ["music", "heavy metal", "concerts", "guitars"]
keywords = ["riff", "setlist"]
examples = ["The setlist tonight opened with three songs off the new album and closed with a ten-minute solo"]
"""

FIELDS = {"id", "persona", "fits", "score", "scores", "suggest", "reasons", "length", "too_long"}


def _cmd(personas: Path) -> list[str]:
    exe = shutil.which("personamgr")
    base = [exe] if exe else [sys.executable, "-m", "personamgr.cli.main"]
    return [*base, "guard", "--personas", str(personas), "--jsonl"]


@pytest.fixture
def personas_file(tmp_path: Path) -> Path:
    p = tmp_path / "personas.toml"
    p.write_text(PERSONAS, encoding="utf-8")
    return p


def test_contract_every_line_answered(personas_file: Path) -> None:
    lines = [
        {"id": "a", "text": "Polishing my resume for tomorrow's interview", "persona": "career"},
        {"id": "b", "text": "That riff in the second song, what a gig", "persona": "career"},
        {"id": 3, "text": "面" * 141, "persona": "metal"},
        {"id": "d", "text": "hello", "persona": "nobody"},
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + '\nnot json\n{"id": "f", "text": 5, "persona": "career"}\n'
    p = subprocess.run(_cmd(personas_file), check=False, input=stdin, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(out) == 6
    a, b, c, d, e, f = out
    for r in (a, b, c):
        assert set(r) >= FIELDS
        assert isinstance(r["fits"], bool) and isinstance(r["score"], float)
        assert r["score"] == r["scores"][r["persona"]]
        assert set(r["scores"]) == {"career", "metal"}
        assert all(isinstance(x, str) for x in r["reasons"])
    assert a["id"] == "a" and a["fits"] is True and a["length"] == 44 and a["too_long"] is False
    assert b["fits"] is False and b["suggest"] == "metal" and b["reasons"]
    assert c["id"] == 3 and c["length"] == 282 and c["too_long"] is True and c["fits"] is False
    assert d["id"] == "d" and "unknown persona" in d["reasons"][0]
    assert e["id"] is None and e["reasons"]
    assert f["id"] == "f" and f["reasons"]


def test_answers_each_line_before_end_of_input(personas_file: Path) -> None:
    proc = subprocess.Popen(_cmd(personas_file), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for i in range(3):
            proc.stdin.write((json.dumps({"id": i, "text": "New vinyl day", "persona": "metal"}) + "\n").encode())
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, "no answer while stdin is still open"
            assert json.loads(proc.stdout.readline())["id"] == i
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == 0


def test_bad_personas_file_exits_1_with_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[persona]]\nname = "x"\n', encoding="utf-8")
    p = subprocess.run(_cmd(bad), check=False, input="", capture_output=True, text=True, timeout=60,
                       env=dict(os.environ))
    assert p.returncode == 1
    assert str(bad) in p.stderr and p.stdout == ""
    missing = subprocess.run(_cmd(tmp_path / "none.toml"), check=False, input="", capture_output=True, text=True,
                             timeout=60)
    assert missing.returncode == 1 and "none.toml" in missing.stderr
