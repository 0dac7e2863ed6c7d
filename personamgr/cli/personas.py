"""``personamgr personas list|import FILE|export FILE``."""

from __future__ import annotations

import argparse
import sys

from personamgr.cli.common import open_profile
from personamgr.cli.errors import CliError
from personamgr.core.persona_file import PersonaFileError, dumps_personas, load_personas, save_personas
from personamgr.core.personas import PersonaError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("personas", help="list, import or export personas (TOML)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="list personas")
    ls.set_defaults(func=cmd_list)
    imp = actions.add_parser("import", help="add or update personas from a TOML file (all or nothing)")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_import)
    exp = actions.add_parser("export", help="write all personas to a TOML file ('-' for stdout); no secrets")
    exp.add_argument("file")
    exp.set_defaults(func=cmd_export)


def cmd_list(args: argparse.Namespace) -> int:
    services = open_profile(args)
    personas = services.store.personas()
    if not personas:
        print("No personas yet. Import some with: personamgr personas import FILE")
        return 0
    width = max(len(p.name) for p in personas)
    for p in personas:
        state, _ = services.store.connection_state(p.uid)
        flag = "  [reconnect needed]" if state == "reconnect_needed" else ""
        paused = "  [paused]" if p.paused else ""
        print(f"{p.name:<{width}}  {p.handle or '(no handle)':<16}  {p.network:<8}  {p.focus_summary}{flag}{paused}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    try:
        incoming = load_personas(args.file)
    except PersonaFileError as e:
        raise CliError(str(e)) from None
    services = open_profile(args)
    try:
        added, updated = services.store.replace_personas(incoming)
    except PersonaError as e:
        raise CliError(f"{args.file}: {e}; nothing was imported") from None
    print(f"Imported {len(incoming)} persona(s) from {args.file}: {added} added, {updated} updated.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    services = open_profile(args)
    personas = services.store.personas()
    if args.file == "-":
        sys.stdout.write(dumps_personas(personas))
        return 0
    try:
        save_personas(args.file, personas)
    except OSError as e:
        raise CliError(f"cannot write {args.file}: {e.strerror or e}") from None
    print(f"Exported {len(personas)} persona(s) to {args.file}.")
    return 0
