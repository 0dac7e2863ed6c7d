"""``personamgr guard --personas FILE --jsonl``: check posts against personas, one JSON line each.

Reads ``{"id", "text", "persona"}`` lines on stdin and answers each line as soon as it
is read (flushed), so one long-running process can serve a script or a benchmark.
Every line gets an answer: a malformed line or an unknown persona gets a line with an
error reason rather than stopping the stream.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any, TextIO

from personamgr.cli.errors import EXIT_USAGE, CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "guard",
        help="check posts against personas' focus",
        description="Check posts against the personas in a TOML file. With --jsonl, read "
        '{"id", "text", "persona"} lines on stdin and write one JSON answer per line.',
    )
    p.add_argument("--personas", required=True, metavar="FILE", help="personas TOML file (the app's export format)")
    p.add_argument("--jsonl", action="store_true", help="read JSON lines on stdin, answer each on stdout")
    p.add_argument("--persona", metavar="NAME", help="without --jsonl: the persona to check TEXT against")
    p.add_argument("text", nargs="?", help="without --jsonl: the post to check")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from personamgr.core.persona_file import PersonaFileError, load_personas

    try:
        personas = load_personas(args.personas)
    except PersonaFileError as e:
        raise CliError(str(e)) from None
    except OSError as e:
        raise CliError(f"{args.personas}: cannot read the personas file: {e.strerror or e}") from None
    if not personas:
        raise CliError(f"{args.personas}: the file declares no personas")
    if not args.jsonl and (args.text is None or args.persona is None):
        raise CliError("give --jsonl, or --persona NAME and the TEXT to check", EXIT_USAGE)

    from personamgr.core.guard import Guard

    try:
        guard = Guard.load()
        guard.prepare(personas)  # model and persona profiles ready before the first line is read
    except Exception as e:  # a broken install must say so plainly
        raise CliError(f"cannot load the guard model: {e}") from None

    if not args.jsonl:
        r = guard.check(personas, args.text, args.persona) if args.persona in {p.name for p in personas} else None
        if r is None:
            raise CliError(f"unknown persona {args.persona!r}; the file has: {', '.join(p.name for p in personas)}")
        print(json.dumps(r.to_json(), ensure_ascii=False))
        return 0 if r.fits else 1
    serve(guard, personas, sys.stdin, sys.stdout)
    return 0


def serve(guard: Any, personas: list[Any], inp: TextIO, out: TextIO) -> None:
    """Answer each input line at once; never raise for a bad line."""
    names = [p.name for p in personas]
    for line in inp:
        if not line.strip():
            continue
        out.write(json.dumps(answer(guard, personas, names, line), ensure_ascii=False) + "\n")
        out.flush()


def answer(guard: Any, personas: list[Any], names: list[str], line: str) -> dict[str, Any]:
    id_: Any = None
    persona: Any = None
    try:
        req = json.loads(line)
    except (json.JSONDecodeError, ValueError) as e:
        return _error(_salvage_id(line), None, f"the line is not valid JSON ({getattr(e, 'msg', e)})")
    if not isinstance(req, dict):
        return _error(None, None, "the line must be a JSON object with id, text and persona")
    id_ = req.get("id")
    persona = req.get("persona")
    text = req.get("text")
    if not isinstance(text, str):
        return _error(id_, persona, "the line has no text (a string) to check")
    if not isinstance(persona, str) or persona not in names:
        return _error(id_, persona, f"unknown persona {persona!r}; the file has: {', '.join(names)}")
    recent = req.get("recent") if isinstance(req.get("recent"), dict) else None
    try:
        return guard.check(personas, text, persona, recent=recent).to_json(id_)
    except Exception as e:  # the stream must go on; say what went wrong on this line
        return _error(id_, persona, f"the guard failed on this post: {e}")


def _salvage_id(line: str) -> Any:
    """The id of a broken line, when it can still be read, so the answer can be matched up."""
    m = re.search(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', line)
    if not m:
        return None
    try:
        return json.loads(m.group(1))
    except ValueError:
        return None


def _error(id_: Any, persona: Any, message: str) -> dict[str, Any]:
    return {
        "id": id_, "persona": persona, "fits": True, "score": None, "scores": {}, "suggest": None,
        "reasons": [message], "length": None, "too_long": False, "error": message, "reason_kinds": ["error"],
    }
