"""``personamgr personas list|queue NAME|import FILE|undo-import|keep-clock-times NAME|export FILE``.

An import never destroys: fields the file leaves out keep their values (``--replace`` replaces whole personas,
after saying what that clears), ``--dry-run`` shows every change field by field without writing, and the
personas are backed up first whenever an existing one changes, so ``undo-import`` can put them back.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from personamgr.cli.columns import display_width, pad
from personamgr.cli.common import find_persona, open_profile, poke_scheduler
from personamgr.cli.errors import EXIT_USAGE, CliError
from personamgr.core import persona_import
from personamgr.core.faults import export_message
from personamgr.core.i18n import number, translate
from personamgr.core.persona_file import (
    PersonaFileError,
    dumps_personas,
    save_personas,
    slot_to_text,
    slots_from_text,
)
from personamgr.core.personas import DEFAULT_SLOTS, PersonaError, secure_address

SHOW_UPDATES = 50  # updated personas named after an import; --dry-run shows them all


def register(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="list personas")
    ls.set_defaults(func=cmd_list)
    queue = actions.add_parser("queue", help="show or set a persona's weekly queue slots",
                               description="With no SLOT, show NAME's queue slots. With SLOTs (or --weekdays), "
                               "replace them: 'Add to queue' and `queue add` without --at take the next free one.")
    queue.add_argument("name", metavar="NAME", help="the persona")
    queue.add_argument("slots", nargs="*", metavar="SLOT", help="a weekday and a time in the persona's own zone, "
                       "like 'mon 09:30'")
    queue.add_argument("--weekdays", action="store_true", help="the slots a new persona starts with: " + ", ".join(
        sorted({f"{s.hour:02d}:{s.minute:02d}" for s in DEFAULT_SLOTS})) + " from Monday to Friday")
    queue.set_defaults(func=cmd_queue)
    imp = actions.add_parser("import", help="add or update personas from a TOML file (all or nothing)",
                             description="Add the file's personas and update existing ones of the same name (or "
                             "uid). Fields the file leaves out keep their values. The personas are backed up first "
                             "whenever an existing one changes; `personas undo-import` puts them back.")
    imp.add_argument("file", help="a personas file (TOML), as `personas export` writes it")
    imp.add_argument("--dry-run", action="store_true", help="show every change, field by field, and write nothing")
    imp.add_argument("--replace", action="store_true",
                     help="replace whole personas: fields the file leaves out go back to their defaults")
    imp.add_argument("--yes", action="store_true", help="with --replace: clear those fields without asking")
    imp.add_argument("--keep-clock-times", action="store_true",
                     help="a persona that gets another time zone: move its scheduled posts to the same clock time in "
                     "the new zone (without it they keep the moment they go out, so 09:00 in New York reads 06:00 in "
                     "Los Angeles)")
    imp.set_defaults(func=cmd_import)
    undo = actions.add_parser("undo-import", help="put the personas back as they were before the last import")
    undo.set_defaults(func=cmd_undo_import)
    keep = actions.add_parser("keep-clock-times", help="after a change of time zone that kept the moments: move "
                              "the persona's scheduled posts to the clock time they were scheduled at",
                              description="A persona moved to another zone (an import without --keep-clock-times, "
                              "or the editor's box left empty) keeps the moment its scheduled posts go out, so 09:00 "
                              "in New York reads 06:00 in Los Angeles. This moves those posts to 09:00 in the new "
                              "zone; a post scheduled or rescheduled since is left as it is.")
    keep.add_argument("name", metavar="NAME", help="the persona")
    keep.set_defaults(func=cmd_keep_clock_times)
    exp = actions.add_parser("export", help="write all personas to a TOML file ('-' for stdout); no secrets")
    exp.add_argument("file", help="where to write it ('-': standard output); an existing file is replaced")
    exp.set_defaults(func=cmd_export)


def cmd_list(args: argparse.Namespace) -> int:
    services = open_profile(args)
    personas = services.store.personas()
    if not personas:
        print("No personas yet. Import some with: personamgr personas import FILE")
        return 0
    names = max(display_width(p.name) for p in personas)
    handles = max(16, *(display_width(p.handle or "(no handle)") for p in personas))
    for p in personas:
        state, _ = services.store.connection_state(p.uid)
        flag = "  [reconnect needed]" if state == "reconnect_needed" else ""
        if secure := secure_address(p.server):  # it sends nothing there: the way out, before a post fails
            flag = f"  [http server: use {secure}, then reconnect]"
        paused = "  [paused]" if p.paused else ""
        print(f"{pad(p.name, names)}  {pad(p.handle or '(no handle)', handles)}  {p.network:<8}  "
              f"{p.focus_summary}{flag}{paused}")
    return 0


def cmd_queue(args: argparse.Namespace) -> int:
    services = open_profile(args)
    persona = find_persona(services, args.name)
    if args.slots and args.weekdays:
        raise CliError("give SLOTs or --weekdays, not both", EXIT_USAGE)
    if args.slots or args.weekdays:
        try:
            slots = DEFAULT_SLOTS if args.weekdays else slots_from_text(args.slots)
        except PersonaError as e:
            raise CliError(f"{e}; for example: personamgr personas queue {persona.name} 'mon 09:30' 'thu 17:00'",
                           EXIT_USAGE) from None
        ordered = tuple(sorted(set(slots), key=lambda q: (q.weekday, q.hour, q.minute)))
        persona = services.store.update_persona(persona.with_changes(queue_slots=ordered))
    if not persona.queue_slots:
        print(f"{persona.name} has no queue slots ({persona.timezone}). Add some with: personamgr personas queue "
              f"{persona.name} --weekdays (or SLOTs like 'mon 09:30')")
        return 0
    print(f"{persona.name} ({persona.timezone}): {', '.join(slot_to_text(q) for q in persona.queue_slots)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        plan = persona_import.read_plan(services.store, args.file, replace_whole=args.replace)
    except PersonaFileError as e:
        raise CliError(f"{e}\nnothing was imported: a file is imported whole or not at all") from None
    if args.dry_run:
        print("\n".join(plan.describe()))
        print("Nothing was written (--dry-run).")
        return 0
    if plan.replace_whole and plan.clears_anything and not args.yes:
        print("\n".join(plan.describe()))
        if not _confirm("--replace clears the fields marked above. Replace these personas?"):
            raise CliError("nothing was imported: --replace would clear the fields listed above; add --yes to "
                           "clear them, or leave out --replace to keep them")
    assert services.paths is not None
    try:
        result = persona_import.apply_import(services.store, plan, services.paths.backups, services.clock)
    except persona_import.ImportFailed as e:
        raise CliError(str(e)) from None
    n = len(plan.changes)
    print(f"Imported {n} persona{'s' if n != 1 else ''} from {args.file}: {result.added} added, "
          f"{result.updated} updated, {plan.unchanged} unchanged.")
    updates = plan.of_kind(persona_import.ChangeKind.UPDATE)
    for c in updates[:SHOW_UPDATES]:
        print(f"  {c.persona.name}: {', '.join(f.label for f in c.fields())}")
    if len(updates) > SHOW_UPDATES:
        print(f"  … and {len(updates) - SHOW_UPDATES} more (personas import --dry-run lists every change)")
    if result.backup is not None:
        print(f"The personas as they were are in {result.backup}; `personamgr personas undo-import` puts them back.")
    from personamgr.core.scheduling import PostSchedule
    from personamgr.core.scheduling.zone_change import clock_times_left, import_notes

    schedule = PostSchedule(services.store, services.outbox, services.clock)
    # A new zone: the posts already scheduled keep their moment (and read differently now), or their clock time.
    pairs = plan.updated_pairs()
    notes = import_notes(schedule, pairs, keep_clock=args.keep_clock_times)
    for note in notes:
        print(f"Note: {note}", file=sys.stderr)
    if not args.keep_clock_times:
        for before, after in pairs:
            if before is not None and before.timezone != after.timezone and clock_times_left(schedule, after):
                print(f"  To keep the old clock time instead: personamgr personas keep-clock-times {after.name}",
                      file=sys.stderr)
    if notes and args.keep_clock_times:
        poke_scheduler(args)  # a running scheduler takes the new times now rather than at its next look
    from personamgr.core.guard import common_words
    from personamgr.core.guard.languages import unreadable_focus_note
    from personamgr.core.guard.model_files import ModelFileError

    try:
        common = common_words.shared()  # a focus is named as the editor and the guard name it
    except ModelFileError:  # a damaged list: name by lang.py alone; the guard says so when it loads
        common = None
    for c in plan.changes:  # as the persona editor says while the focus is typed
        note = unreadable_focus_note(c.persona, common=common)
        if note:
            print(f"Note: {c.persona.name}: {note}", file=sys.stderr)
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"{question} [y/N] ").strip().casefold()
    return answer in ("y", "yes")


def cmd_undo_import(args: argparse.Namespace) -> int:
    services = open_profile(args)
    assert services.paths is not None
    try:
        done = persona_import.undo_last_import(services.store, services.paths.backups, services.clock)
    except persona_import.ImportFailed as e:
        raise CliError(str(e)) from None
    print(f"Undid the import of {done.file}.")
    for what, names in (("Restored", done.restored), ("Removed (added by the import)", done.removed),
                        ("Kept (added by the import, with posts or an account since)", done.kept),
                        ("Deleted since the import, so not restored", done.missing)):
        if names:
            more = f" … and {number(len(names) - SHOW_UPDATES)} more" if len(names) > SHOW_UPDATES else ""
            print(f"  {what}: {', '.join(names[:SHOW_UPDATES])}{more}")
    print(f"The personas as they were just before this undo are in {done.backup}.")
    return 0


def cmd_keep_clock_times(args: argparse.Namespace) -> int:
    from personamgr.core.scheduling import PostSchedule
    from personamgr.core.scheduling.zone_change import NOTHING_LEFT, keep_clock_times_later

    services = open_profile(args)
    persona = find_persona(services, args.name)
    said = keep_clock_times_later(PostSchedule(services.store, services.outbox, services.clock), persona)
    print(f"{persona.name}: {said or translate('ZoneChange', NOTHING_LEFT)}")
    if said:
        poke_scheduler(args)  # a running scheduler takes the new times now rather than at its next look
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
        raise CliError(export_message(e, Path(args.file))) from None
    print(f"Exported {len(personas)} persona{'s' if len(personas) != 1 else ''} to {args.file}.")
    return 0
