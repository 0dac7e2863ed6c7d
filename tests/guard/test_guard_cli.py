"""The CLI contract of design.md: one flushed answer per input line, through a real subprocess."""

from __future__ import annotations

import io
import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from personamgr.cli.guard import serve
from personamgr.core.guard import Guard
from personamgr.core.personas import Persona

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
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    p = subprocess.run(_cmd(personas_file), check=False, input=stdin, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(out) == 3
    a, b, c = out
    for r in out:
        assert set(r) >= FIELDS and "error" not in r
        assert isinstance(r["fits"], bool) and isinstance(r["score"], float)
        assert r["score"] == r["scores"][r["persona"]]
        assert set(r["scores"]) == {"career", "metal"}
        assert all(isinstance(x, str) for x in r["reasons"])
    assert a["id"] == "a" and a["fits"] is True and a["length"] == 44 and a["too_long"] is False
    assert b["fits"] is False and b["suggest"] == "metal" and b["reasons"]
    assert c["id"] == 3 and c["length"] == 282 and c["too_long"] is True and c["fits"] is False


# Every kind of line the command cannot check, with the id its answer must carry (None: it cannot be read).
BAD_LINES = {
    "not JSON": (b"not json\n", None),
    "JSON cut short, id still readable": (b'{"id": "k", "text": "half a li\n', "k"),
    "not an object": (b'["career", "hello"]\n', None),
    "no id": (b'{"text": "hello there", "persona": "career"}\n', None),
    "no text": (b'{"id": "t", "persona": "career"}\n', "t"),
    "no persona": (b'{"id": 7, "text": "hello there"}\n', 7),
    "text not a string": (b'{"id": "n", "text": 5, "persona": "career"}\n', "n"),
    "persona not a string": (b'{"id": "p", "text": "hello there", "persona": ["career"]}\n', "p"),
    "unknown persona": (b'{"id": "u", "text": "hello there", "persona": "nobody"}\n', "u"),
    "NaN id": (b'{"id": NaN, "text": "hello there", "persona": "career"}\n', None),
    "Infinity in the text": (b'{"id": "i", "text": Infinity, "persona": "career"}\n', "i"),
    "a number too large": (b'{"id": 1e400, "text": "hello there", "persona": "career"}\n', None),
    "nested 100,000 deep": (b"[" * 100_000 + b"\n", None),
    "not UTF-8": (b'{"id": "x", "text": "caf\xe9 au lait", "persona": "career"}\n', "x"),
    "not UTF-8 in the id": (b'{"id": "\xff", "text": "hello there", "persona": "career"}\n', None),
}
GOOD = b'{"id": "next", "text": "Polishing my resume for tomorrow\'s interview", "persona": "career"}\n'


@pytest.mark.parametrize("case", list(BAD_LINES))
def test_bad_line_gets_an_error_answer_and_the_stream_goes_on(
    guard: Guard, personas: list[Persona], case: str
) -> None:
    line, expected_id = BAD_LINES[case]
    out = io.BytesIO()
    errors = serve(guard, personas, io.BytesIO(line + GOOD), out)
    bad, good = (json.loads(x) for x in out.getvalue().decode("utf-8").splitlines())
    assert errors == 1
    assert set(bad) == {"id", "error"} and bad["id"] == expected_id  # no "fits": nothing may read it as a pass
    assert isinstance(bad["error"], str) and bad["error"]
    assert good["id"] == "next" and good["fits"] is True and "error" not in good


def test_error_messages_say_what_is_wrong(guard: Guard, personas: list[Persona]) -> None:
    def error(case: str) -> str:
        out = io.BytesIO()
        serve(guard, personas, io.BytesIO(BAD_LINES[case][0]), out)
        return str(json.loads(out.getvalue())["error"])

    assert "not valid JSON" in error("not JSON")
    assert '"persona"' in error("no persona")
    assert "unknown persona 'nobody'" in error("unknown persona") and "career" in error("unknown persona")
    assert "UTF-8" in error("not UTF-8")
    assert "nests too deeply" in error("nested 100,000 deep")
    assert "NaN" in error("NaN id")
    assert "too large" in error("a number too large")


def test_answers_are_strict_json_whatever_the_id(guard: Guard, personas: list[Persona]) -> None:
    lines = [
        b'{"id": "\\ud800", "text": "Polishing my resume", "persona": "career"}',  # an unpaired surrogate
        b'{"id": {"run": [1, 2.5, null]}, "text": "hello there", "persona": "career"}',
        b'\xef\xbb\xbf{"id": "bom", "text": "Polishing my resume", "persona": "career"}',
    ]
    out = io.BytesIO()
    serve(guard, personas, io.BytesIO(b"\n".join(lines) + b"\n\n   \n"), out)
    answers = [json.loads(x, parse_constant=_no_constants) for x in out.getvalue().decode("utf-8").splitlines()]
    assert len(answers) == 3  # blank lines carry no request and get no answer
    assert answers[0]["id"] == "\ud800" and "fits" in answers[0]
    assert answers[1]["id"] == {"run": [1, 2.5, None]} and "fits" in answers[1]
    assert answers[2]["id"] == "bom" and "fits" in answers[2]


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} in an answer is not strict JSON")


def test_bad_lines_through_the_command_exit_1_at_the_end(personas_file: Path) -> None:
    stdin = b"".join(line for line, _ in BAD_LINES.values()) + GOOD
    p = subprocess.run(_cmd(personas_file), check=False, input=stdin, capture_output=True, timeout=120)
    answers = [json.loads(x) for x in p.stdout.decode("utf-8").splitlines()]
    assert p.returncode == 1
    assert len(answers) == len(BAD_LINES) + 1
    assert [a.get("id") for a in answers[:-1]] == [i for _, i in BAD_LINES.values()]
    assert all(set(a) == {"id", "error"} for a in answers[:-1])
    assert answers[-1]["id"] == "next" and answers[-1]["fits"] is True
    assert f"{len(BAD_LINES)} line(s) could not be checked" in p.stderr.decode()
    assert b"Traceback" not in p.stderr


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
