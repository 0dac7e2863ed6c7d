"""``personamgr guard`` (placeholder until the guard lands; owned by the guard work)."""

from __future__ import annotations

import argparse

from personamgr.cli.errors import CliError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("guard", help="check posts against personas' focus")
    p.add_argument("--personas", required=True)
    p.add_argument("--jsonl", action="store_true")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    raise CliError("the guard is not built yet")
