"""``personamgr guard --personas FILE --jsonl``: check posts against personas, one JSON line each.

Reads ``{"id", "text", "persona"}`` lines on stdin and answers each line as soon as it
is read (flushed), so one long-running process can serve a script or a benchmark.
Every line gets an answer. A line that cannot be checked (not UTF-8, not JSON, a missing
field, an unknown persona) gets ``{"id", "error"}`` with no ``fits``, so a script cannot take
it for a pass; the stream goes on, and the command exits 1 at the end if any line was an error.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from typing import Any, BinaryIO

from personamgr.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError


def register(p: argparse.ArgumentParser) -> None:
    p.description = ("Check posts against the personas in a TOML file. With --jsonl, read "
                     '{"id", "text", "persona"} lines on stdin and write one JSON answer per line.')
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

    guard = load_guard()
    guard.prepare(personas)  # model and persona profiles ready before the first line is read

    if not args.jsonl:
        r = guard.check(personas, args.text, args.persona) if args.persona in {p.name for p in personas} else None
        if r is None:
            raise CliError(f"unknown persona {args.persona!r}; the file has: {', '.join(p.name for p in personas)}")
        print(json.dumps(r.to_json(), ensure_ascii=False))
        return 0 if r.fits else 1
    errors = serve(guard, personas, sys.stdin.buffer, sys.stdout.buffer)
    if errors:
        print(f"personamgr guard: {errors} line(s) could not be checked; their answers carry \"error\"",
              file=sys.stderr)
        return EXIT_FAILURE
    return 0


def load_guard() -> Any:
    """The shipped persona guard, or a CliError saying what is wrong with the install (never a traceback)."""
    from personamgr.core.guard import Guard

    try:
        return Guard.load()
    except Exception as e:  # a missing or damaged model file names itself and says to reinstall
        raise CliError(f"cannot load the persona guard: {e}") from None


def serve(guard: Any, personas: list[Any], inp: BinaryIO, out: BinaryIO) -> int:
    """Answer each input line at once; never raise for a bad line. Returns how many lines were errors.

    Lines are read as bytes so a line that is not UTF-8 is one error answer, not the end of the stream.
    Blank lines are skipped (they carry no request).
    """
    names = [p.name for p in personas]
    errors = 0
    for raw in iter(inp.readline, b""):
        if not raw.strip():
            continue
        reply = answer(guard, personas, names, raw)
        errors += "error" in reply
        out.write(encode_line(reply))
        out.flush()
    return errors


def answer(guard: Any, personas: list[Any], names: list[str], raw: bytes) -> dict[str, Any]:
    """The answer to one input line: the guard's verdict, or ``{"id", "error"}`` with no ``fits``."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return _error(_salvage_id(raw.decode("utf-8", "surrogateescape")),
                      f"the line is not valid UTF-8 (byte {e.start})")
    line = line.removeprefix("\ufeff")  # a byte-order mark some editors write at the start of a file
    try:
        req = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except RecursionError:
        return _error(None, "the line nests too deeply to read")
    except ValueError as e:  # JSONDecodeError, NaN/Infinity, an integer too long to read
        return _error(_salvage_id(line), f"the line is not valid JSON ({getattr(e, 'msg', e)})")
    if not isinstance(req, dict):
        return _error(None, 'the line must be a JSON object with "id", "text" and "persona"')
    missing = [k for k in ("id", "text", "persona") if k not in req]
    id_ = req.get("id")
    if missing:
        return _error(id_, f"the line lacks {_quote_all(missing)}")
    text, persona = req["text"], req["persona"]
    if not isinstance(text, str):
        return _error(id_, '"text" must be a string')
    if not isinstance(persona, str):
        return _error(id_, '"persona" must be a string: the name of a persona in the file')
    if persona not in names:
        shown = persona if len(persona) <= 80 else persona[:80] + "…"
        return _error(id_, f"unknown persona {shown!r}; the file has: {', '.join(names)}")
    recent = req.get("recent") if isinstance(req.get("recent"), dict) else None
    try:
        return {"id": id_, **guard.check(personas, text, persona, recent=recent).to_json()}
    except Exception as e:  # the stream must go on; say what went wrong on this line
        return _error(id_, f"the guard failed on this post: {e}")


def encode_line(reply: dict[str, Any]) -> bytes:
    """One strict-JSON line (no NaN, no unpaired surrogate), whatever the input's id held."""
    try:
        return (json.dumps(reply, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
    except (ValueError, RecursionError):  # a lone surrogate in a string (UnicodeEncodeError is a ValueError)
        pass
    try:
        return (json.dumps(reply, ensure_ascii=True, allow_nan=False) + "\n").encode("ascii")
    except (ValueError, RecursionError):
        return (json.dumps(_error(None, "the answer to this line could not be written as JSON")) + "\n").encode()


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise ValueError(f"the number {literal[:40]} is too large")
    return value


def _quote_all(keys: list[str]) -> str:
    return " and ".join(f'"{k}"' for k in keys)


_UNDECODED = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of bytes that are not UTF-8


def _salvage_id(line: str) -> Any:
    """The id of a broken line, when it can still be read, so the answer can be matched up.

    Only an id that opens the object counts: further in, ``"id":`` may be inside the text.
    """
    m = re.match(r'\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d{1,300}(?![\d.eE]))', line)
    if not m or _UNDECODED.search(m.group(1)):  # an id with bytes that were not UTF-8 cannot be read
        return None
    try:
        return json.loads(m.group(1))
    except ValueError:
        return None


def _error(id_: Any, message: str) -> dict[str, Any]:
    """An error answer has no ``fits``: nothing reading the answers can take it for a pass."""
    return {"id": id_, "error": message}
