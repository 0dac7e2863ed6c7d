"""``personamgr queue list|add|remove|pause|resume``: the schedule from scripts.

Times are shown in each persona's own zone. ``add --at`` takes ISO 8601; a
time without an offset is in the persona's zone (DST decisions are printed).
Without ``--at`` the post takes the persona's next free queue slot. After a
change, a running window or daemon is asked to look at the outbox again.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from personamgr.cli.arg_types import post_number
from personamgr.cli.common import (
    AT_HELP,
    Kept,
    add_content_arguments,
    attach_images,
    check_focus,
    check_images,
    find_persona,
    keep_text,
    open_profile,
    poke_scheduler,
    print_schedule_notes,
    read_images,
    read_parts,
    scheduler_running,
)
from personamgr.cli.errors import EXIT_USAGE, CliError
from personamgr.cli.post import add_post_options
from personamgr.cli.posts import content_tags, offered_commands, preview, sent_as_tag
from personamgr.core import lease
from personamgr.core.holds import HoldKind
from personamgr.core.media import release
from personamgr.core.networks.accounts import account_state, connect_first_words
from personamgr.core.outbox import ATTENTION, Post, PostState
from personamgr.core.personas import Persona
from personamgr.core.scheduling import PostSchedule, SchedulingError, describe, describe_with_utc, parse_when
from personamgr.core.scheduling.missed import Overdue, OverdueThen, decide, lateness_text, overdue
from personamgr.core.services import Services

_THEN = [t.value for t in OverdueThen]
JSON_HELP = ("one JSON object per line: id, persona, state, due_utc, due_local (in the persona's zone), text, note "
             "(what personamgr says of it), note_kind and note_values (the same for scripts), sent_as (the account "
             "it went out as, or may have; null while nothing of it is out) and sent_as_other (true when its persona "
             "posts as another account now), overdue_by_s and "
             f"overdue_then ({', '.join(_THEN[:-1])} or {_THEN[-1]}: what the persona's missed-post policy does with a "
             "post whose time passed, fail when its account is not connected, wait while posting is paused; both "
             "null when it is not overdue, or while the window or the daemon runs and applies the policy)")


def register(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    ls = actions.add_parser("list", help="scheduled posts in sending order, and posts that need a decision")
    ls.add_argument("--persona", metavar="NAME", help="only this persona")
    ls.add_argument("--json", action="store_true", help=JSON_HELP)
    ls.set_defaults(func=cmd_list)

    add = actions.add_parser("add", help="schedule a post or a thread (at a time, or in the next free queue slot)")
    add.add_argument("--persona", required=True, metavar="NAME", help="the persona to post as")
    add.add_argument("--at", metavar="WHEN", help=f"{AT_HELP}; default: the next free queue slot")
    add.add_argument("--anyway", action="store_true",
                     help="queue it even if the persona guard says the text strays from this persona")
    add_content_arguments(add)
    add_post_options(add)
    add.set_defaults(func=cmd_add)

    rm = actions.add_parser("remove", help="take a post off the schedule (it is kept as a draft)")
    rm.add_argument("post_id", type=post_number, metavar="ID", help="the post's number, as `queue list` shows it")
    rm.set_defaults(func=cmd_remove)

    for name, paused in (("pause", True), ("resume", False)):
        sp = actions.add_parser(name, help=f"{name} posting for one persona, or for all with --all")
        who = sp.add_mutually_exclusive_group(required=True)
        who.add_argument("--persona", metavar="NAME", help="only this persona")
        who.add_argument("--all", action="store_true", help="every persona (the global switch)")
        sp.set_defaults(func=cmd_pause, paused=paused)


def _schedule(services: Services) -> PostSchedule:
    return PostSchedule(services.store, services.outbox, services.clock)


def _row(p: Post, tz: str) -> dict[str, object]:
    due = p.next_attempt_at or p.scheduled_at
    note_kind, note_values = p.note_found
    return {"id": p.id, "persona": p.persona_name, "state": p.state.value,
            "due_utc": due.isoformat() if due else None, "due_local": describe(due, tz) if due else None,
            "text": p.text, "note": p.note, "sent_as": p.out_as, "sent_as_other": p.other_account is not None,
            "note_kind": note_kind, "note_values": note_values}


def cmd_list(args: argparse.Namespace) -> int:
    services = open_profile(args)
    sched = _schedule(services)
    persona = find_persona(services, args.persona) if args.persona else None
    personas = {p.uid: p for p in services.store.personas()}
    zones = {uid: p.timezone for uid, p in personas.items()}
    paused = {uid for uid, p in personas.items() if p.paused}
    uid = persona.uid if persona else None
    sending = services.outbox.in_states([PostState.SENDING], uid)
    upcoming = sched.scheduled(uid)
    attention = services.outbox.in_states(ATTENTION, uid)
    now = services.clock.now()
    late = _overdue(args, services, upcoming, personas, paused_all=sched.paused_all(), now=now)
    if args.json:
        for p in (*sending, *upcoming, *attention):
            o = late.get(p.id)
            print(json.dumps({**_row(p, zones[p.persona_uid]),
                              "overdue_by_s": int(o.late.total_seconds()) if o else None,
                              "overdue_then": o.then.value if o else None}))
        return 0
    if sched.paused_all():
        print("All posting is paused (personamgr queue resume --all).")
    for p in sending:
        print(f"#{p.id:<5} {p.persona_name:<12} sending now{_sender(p)}  {preview(p.text)}{content_tags(p)}")
    if not sending and not upcoming and not attention:
        print("Nothing is scheduled." + (" Add a post with: personamgr queue add --persona NAME TEXT"
                                         if not persona else ""))
        return 0
    for p in upcoming:
        due = p.next_attempt_at or p.scheduled_at
        flag = "  [paused]" if p.persona_uid in paused else ""
        retry = "  (retry)" if p.next_attempt_at else ""
        when = describe(due, zones[p.persona_uid]) if due else "?"
        o = late.get(p.id)
        overdue_by = f"  overdue by {lateness_text(o.late)}" if o else ""
        print(f"#{p.id:<5} {p.persona_name:<12} {when}{retry}{flag}{overdue_by}  {preview(p.text)}{content_tags(p)}")
        if o:
            idle = "" if o.then is OverdueThen.WAIT else IDLE
            print(f"    {idle}{o.words}\n    {_send_now(services, personas[p.persona_uid], p.id)}")
    if attention:
        print("\nNeeds a decision:")
        for p in attention:
            print(f"#{p.id:<5} {p.persona_name:<12} {_status(p)}: {p.note or ''}  {preview(p.text)}{content_tags(p)}"
                  f"{sent_as_tag(p)}")
            offered = offered_commands(p, services.clock.now())
            if offered:
                print(f"    {offered}")
    return 0


IDLE = "Nothing is running to send it (neither the app nor personamgr daemon). "


def _overdue(args: argparse.Namespace, services: Services, upcoming: list[Post], personas: dict[str, Persona], *,
             paused_all: bool, now: datetime) -> dict[int, Overdue]:
    """The scheduled posts whose time passed with nothing applying the missed-post policy to them, by id: the same
    answer for the text and the JSON (core's :func:`overdue`)."""
    found: dict[int, Overdue] = {}
    running: bool | None = None  # asked once, and only when a post's time has passed
    for p in upcoming:
        persona, due = personas[p.persona_uid], p.next_attempt_at or p.scheduled_at
        if due is None or not _passed(p, persona, now):
            continue
        if running is None:
            running = scheduler_running(args)
        connected = account_state(services.store, services.networks, persona) == "ok"
        o = overdue(persona, due, now, sender_running=running, connected=connected, paused_all=paused_all)
        if o is not None:
            found[p.id] = o
    return found


def _send_now(services: Services, persona: Persona, post_id: int) -> str:
    """How to send an overdue post now: a retry, once an account never connected or refused is connected."""
    state = account_state(services.store, services.networks, persona)
    return connect_first_words(persona, state, post_id) or f"To send it now: personamgr posts retry {post_id}"


def _status(p: Post) -> str:
    """The badge before a post's note; "Held" alone where the note says why (a missed time says it itself)."""
    return p.state.label if p.hold_kind is HoldKind.MISSED and p.note else p.status


def cmd_add(args: argparse.Namespace) -> int:
    with keep_text(args) as kept:
        return _add(args, kept)


def _add(args: argparse.Namespace, kept: Kept) -> int:
    services = open_profile(args)
    persona = find_persona(services, args.persona)
    parts = read_parts(args, persona)
    when = None
    if args.at is not None:  # an empty --at is a mistake, not "the next slot"
        try:
            when = parse_when(args.at, persona.timezone, now=services.clock.now())
        except ValueError as e:
            raise CliError(f"--at: {e}", EXIT_USAGE) from None
    images = read_images(services, [persona], args)
    check_images(services, persona, images, len(parts))
    override = check_focus(services, persona, parts, anyway=args.anyway, verb="queued")
    media = attach_images(services, persona, images)
    try:
        result = _schedule(services).create(persona.uid, parts[0], when=when, thread=parts[1:], media=media,
                                            content_warning=args.cw, visibility=args.visibility)
    except SchedulingError as e:
        hint = (f"\nGive {persona.name} the usual weekday slots with: personamgr personas queue {persona.name} "
                "--weekdays" if when is None and not persona.queue_slots else "")
        raise CliError(f"{e}{hint}") from None
    except Exception:
        release(services.store, services.media_dir, media)
        raise
    kept.saved = True
    if override:
        services.outbox.remember_override(result.post.id)
    how = "at" if when is not None else "in the next free queue slot,"
    what = f"a {len(parts)}-part thread " if len(parts) > 1 else ""
    when_text = describe_with_utc(result.when, persona.timezone)
    print(f"Scheduled #{result.post.id} {what}for {persona.name} {how} {when_text}.")
    print_schedule_notes(args, services, persona, result)
    return 0


def _sender(p: Post) -> str:
    owner = lease.Owner.parse(p.lease_owner)
    return f" (by {owner.describe()})" if owner else ""


def cmd_remove(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        post = _schedule(services).unschedule(args.post_id)
    except SchedulingError as e:
        raise CliError(str(e)) from None
    print(f"#{post.id} is off the schedule and kept as a draft ({post.persona_name}): {preview(post.text)}")
    poke_scheduler(args)
    return 0


def cmd_pause(args: argparse.Namespace) -> int:
    services = open_profile(args)
    sched = _schedule(services)
    verb = "paused" if args.paused else "resumed"
    if args.all:
        sched.set_paused_all(args.paused)
        print(f"All posting {verb}.")
    else:
        persona = find_persona(services, args.persona)
        sched.set_paused(persona.uid, args.paused)
        print(f"Posting {verb} for {persona.name}.")
        if not args.paused and sched.paused_all():
            print("Note: all posting is still paused (personamgr queue resume --all).")
    if not args.paused:
        _say_missed_while_paused(args, services, sched, None if args.all else persona.uid)
    poke_scheduler(args)
    return 0


def _say_missed_while_paused(args: argparse.Namespace, services: Services, sched: PostSchedule,
                             uid: str | None) -> None:
    """Posting resumed: how many posts' time passed while paused and what their policy does with them (core's
    :func:`overdue`, the words ``queue list`` says of each); nothing when no post's time passed."""
    personas = {p.uid: p for p in services.store.personas()}
    now, paused_all = services.clock.now(), sched.paused_all()
    resumed = [p for p in sched.scheduled(uid) if not (paused_all or personas[p.persona_uid].paused)]
    late = _overdue(args, services, resumed, personas, paused_all=paused_all, now=now)
    passed = [p for p in resumed if _passed(p, personas[p.persona_uid], now)]
    groups: dict[tuple[str, bool], list[int]] = {}
    for p in passed:
        o = late.get(p.id)  # None: a sender runs, and applies the policy as it looks
        groups.setdefault((o.words, True) if o else (p.persona_name, False), []).append(p.id)
    for (said, idle), ids in groups.items():
        them = "them" if len(ids) > 1 else "it"
        count = f"{len(ids)} post{'s' if len(ids) > 1 else ''} whose time passed while paused"
        numbers = ", ".join(f"#{i}" for i in ids)
        if idle:
            print(f"{count} ({numbers}): nothing is running to send {them} (neither the app nor personamgr "
                  f"daemon). {said}")
        else:
            print(f"{count} ({numbers}): {said}'s missed-post policy applies to {them} now (see personamgr queue "
                  "list).")


def _passed(p: Post, persona: Persona, now: datetime) -> bool:
    """Whether the post's time passed (beyond the grace :func:`decide` allows)."""
    due = p.next_attempt_at or p.scheduled_at
    return due is not None and decide(persona, due, now).message is not None
