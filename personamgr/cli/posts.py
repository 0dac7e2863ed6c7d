"""``personamgr posts list|show|mark-sent|retry|reschedule|stop|delete``: every post, and what can be done with it.

The same workflows as the window's history and inbox (``core.post_workflows``):
a retry asks the persona guard first and needs ``--anyway`` when it objects; a
post that may already be on the timeline (needs review) is sent again only
with ``--yes``; a held post is never "marked as sent" (it never went out);
``reschedule`` is offered where the window offers "Reschedule…", and reads
``--at`` as ``queue add`` does. Times are shown in each persona's own zone, which is named.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from personamgr.cli.arg_types import positive_int, post_number
from personamgr.cli.common import AT_HELP, find_persona, open_profile, poke_scheduler, print_schedule_notes
from personamgr.cli.errors import EXIT_USAGE, CliError
from personamgr.cli.post import in_doubt_name, report_send, review_ways
from personamgr.core.holds import HoldKind
from personamgr.core.media import display_name
from personamgr.core.outbox import ATTENTION, Post, PostState, TransitionError, locked_until, locked_words, maybe_out
from personamgr.core.post_workflows import Action, actions_for, due, uncertain_part
from personamgr.core.reason_words import kind_of, values_of
from personamgr.core.scheduling import PostSchedule, SchedulingError, describe, describe_with_utc, parse_when
from personamgr.core.services import Services

PREVIEW = 60
STATES = [s.value for s in PostState] + ["needs-review", "attention"]


def register(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    ls = actions.add_parser("list", help="posts, newest first, with their state and time")
    ls.add_argument("--state", choices=STATES, metavar="STATE",
                    help="only posts in STATE: " + ", ".join(STATES) + " (attention: failed, held and needs review)")
    ls.add_argument("--persona", metavar="NAME", help="only this persona")
    ls.add_argument("--limit", type=positive_int, default=50, metavar="N", help="at most N posts (default 50)")
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    ls.set_defaults(func=cmd_list)

    show = actions.add_parser("show", help="one post in full: every part with its link, images, what went wrong")
    show.add_argument("post_id", type=post_number, metavar="ID", help="the post's number, as `posts list` shows it")
    show.add_argument("--json", action="store_true", help="as one JSON object")
    show.set_defaults(func=cmd_show)

    mark = actions.add_parser("mark-sent", help="a post that needs review is on the timeline: record it as sent "
                              "(a thread: say whether its part in doubt went out)")
    mark.add_argument("post_id", type=post_number, metavar="ID", help="the post's number, as `posts list` shows it")
    answer = mark.add_mutually_exclusive_group()
    answer.add_argument("--part-out", nargs="?", const="", metavar="LINK",
                        help="it (a thread: its part in doubt) is on the account; LINK is its link, needed when "
                        "parts follow it (they reply to it), else checked and kept")
    answer.add_argument("--part-not-out", action="store_true",
                        help="it (a thread: its part in doubt) is not on the account; retry then sends the rest")
    mark.set_defaults(func=cmd_mark_sent)

    retry = actions.add_parser("retry", help="send a failed, held or unsent post now (a thread resumes where it "
                               "stopped)")
    retry.add_argument("post_id", type=post_number, metavar="ID", help="the post's number, as `posts list` shows it")
    retry.add_argument("--anyway", action="store_true", help="send it even if the persona guard objects")
    retry.add_argument("--yes", action="store_true",
                       help="for a post that needs review: you checked the account and it is not there")
    retry.set_defaults(func=cmd_retry)

    resched = actions.add_parser("reschedule", help="give a scheduled post, or one held for its time or the "
                                 "monthly limit, a new time")
    resched.add_argument("post_id", type=post_number, metavar="ID", help="the post's number, as `posts list` shows it")
    resched.add_argument("--at", required=True, metavar="WHEN", help=AT_HELP)
    resched.set_defaults(func=cmd_reschedule)

    stop = actions.add_parser("stop", help="end a thread that stopped part-way where it is: the parts out stay as "
                              "they are, the rest is kept as a draft")
    stop.add_argument("post_id", type=post_number, metavar="ID", help="the post's number, as `posts list` shows it")
    stop.set_defaults(func=cmd_stop)

    rm = actions.add_parser("delete", help="delete a post that has not gone out (and its image copies)")
    rm.add_argument("post_id", type=post_number, metavar="ID", help="the post's number, as `posts list` shows it")
    rm.set_defaults(func=cmd_delete)


def _get(services: Services, post_id: int) -> Post:
    try:
        return services.outbox.get(post_id)
    except LookupError:
        raise CliError(f"there is no post #{post_id} (see: personamgr posts list)") from None


def preview(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= PREVIEW else one[: PREVIEW - 1] + "…"


def content_tags(p: Post) -> str:
    """" [2 parts] [1 image]": what a one-line preview of the first part does not show."""
    parts = f" [{len(p.parts)} parts]" if p.thread else ""
    images = f" [{len(p.media)} image{'s' if len(p.media) != 1 else ''}]" if p.media else ""
    return parts + images


def sent_as_tag(p: Post) -> str:
    """" [sent as @career_me]": the account a post went out as, when its persona posts as another one now."""
    return f" [sent as {p.other_account}]" if p.other_account else ""


def _when(p: Post) -> tuple[str, datetime | None]:
    """What the post's time means, and the time: when it went out, goes out, or last changed."""
    if p.state is PostState.SENT and p.sent_at:
        return "sent", p.sent_at
    if p.state is PostState.SCHEDULED and due(p):
        return ("retry" if p.next_attempt_at else "due"), due(p)
    if p.state is PostState.HELD and p.scheduled_at:
        return "was due", p.scheduled_at
    return "changed", p.updated_at


def _row(services: Services, p: Post, zones: dict[str, str]) -> dict[str, Any]:
    what, when = _when(p)
    note_kind, note_values = p.note_found
    return {
        "id": p.id, "persona": p.persona_name, "state": p.state.value,
        "hold": p.hold_kind.value if p.hold_kind else None, "status": p.status,
        "time_kind": what, "time_utc": when.isoformat() if when else None,
        "time_local": describe(when, zones.get(p.persona_uid, "UTC")) if when else None,
        "parts": list(p.parts), "failed_part": p.failed_part,
        "sent_as": p.out_as, "sent_as_other": p.other_account is not None,
        "links": services.workflows.part_links(p) if p.remote_ids or p.remote_id else [],
        "media": [{"name": display_name(m), "alt_text": m.get("alt_text") or "", "part": int(m.get("part", 0))}
                  for m in p.media],
        "error": p.note, "error_kind": note_kind, "error_values": note_values,
        "reasons": list(p.reasons), "reason_kinds": [kind_of(r) for r in p.guard_reasons],
        "reason_values": [values_of(r) for r in p.guard_reasons],
        "actions": [a.value for a in actions_for(p, services.clock.now())],
    }


def cmd_list(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        persona = find_persona(services, args.persona) if args.persona else None
        uid = persona.uid if persona else None
        if args.state == "attention":
            posts = services.outbox.in_states(ATTENTION, uid)
        elif args.state:
            posts = services.outbox.in_states([PostState(args.state.replace("-", "_"))], uid)
        else:
            posts = services.outbox.history(uid, limit=args.limit)
        posts = sorted(posts, key=lambda p: (p.updated_at, p.id), reverse=True)[: max(0, args.limit)]
        zones = {p.uid: p.timezone for p in services.store.personas()}
        if args.json:
            for p in posts:
                print(json.dumps(_row(services, p, zones)))
            return 0
        if not posts:
            print("No posts" + (f" in state {args.state}" if args.state else "") + ".")
            return 0
        for p in posts:
            what, when = _when(p)
            stamp = f"{what} {describe(when, zones.get(p.persona_uid, 'UTC'))}" if when else ""
            print(f"#{p.id:<5} {p.persona_name:<12} {p.status:<28} {stamp}  {preview(p.text)}{content_tags(p)}"
                  f"{sent_as_tag(p)}")
        return 0
    finally:
        services.close()


def cmd_show(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        p = _get(services, args.post_id)
        zones = {x.uid: x.timezone for x in services.store.personas()}
        row = _row(services, p, zones)
        if args.json:
            print(json.dumps(row))
            return 0
        print(f"#{p.id} {p.persona_name} · {p.status}" + (f" · {row['time_kind']} {row['time_local']}"
                                                          if row["time_local"] else "")
              + (f" · sent as {p.other_account} ({p.persona_name} now posts as {p.persona_handle})"
                 if p.other_account else ""))
        links, doubt = row["links"], uncertain_part(p)
        for i, part in enumerate(p.parts):
            head = f"Part {i + 1} of {len(p.parts)}" if p.thread else "Text"
            if i < len(links) and links[i]:
                head += f" · {links[i]}"
            elif p.failed_part == i + 1:
                head += " · did not go out (this part failed)"
            elif p.failed_part and i + 1 > p.failed_part:
                head += " · not sent yet"
            elif doubt == i + 1:
                head += " · may or may not have gone out"
            elif doubt and i + 1 > doubt:
                head += " · not sent"
            print(f"\n{head}\n{part}")
            for m in (m for m in p.media if int(m.get("part", 0)) == i):
                alt = m.get("alt_text") or "(no alt text)"
                print(f"  [image {display_name(m)}: {alt}]")
        if p.note:
            print(f"\n{p.note}")
        for r in p.reasons:
            print(f"  - {r}")
        if locked_until(p, services.clock.now()) is not None:
            print(f"\n{locked_words(p, p.network or services.store.persona(p.persona_uid).network)}.")
        offered = offered_commands(p, services.clock.now())
        if offered:
            print(f"\nWhat you can do: {offered}")
        return 0
    finally:
        services.close()


def offered_commands(p: Post, now: datetime | None) -> str:
    """The commands for the actions ``p``'s state offers at ``now`` (the window's menu, as commands)."""
    doubt = uncertain_part(p)
    commands = {Action.RETRY: f"posts retry {p.id}", Action.SEND_NOW: f"posts retry {p.id}",
                Action.SEND_AGAIN: f"posts retry {p.id} --yes", Action.POST_ANYWAY: f"posts retry {p.id} --anyway",
                Action.MARK_SENT: f"posts mark-sent {p.id}" if doubt is None else f"posts mark-sent {p.id} --part-out"
                + ("" if doubt == len(p.parts) else " LINK") + " / --part-not-out",
                Action.RESCHEDULE: f"posts reschedule {p.id} --at WHEN", Action.UNSCHEDULE: f"queue remove {p.id}",
                Action.STOP: f"posts stop {p.id}", Action.DELETE: f"posts delete {p.id}"}
    return ", ".join(f"personamgr {c}" for c in dict.fromkeys(commands[a] for a in actions_for(p, now)
                                                               if a in commands))


def cmd_mark_sent(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        before = _get(services, args.post_id)
        part_out = False if args.part_not_out else None if args.part_out is None else True
        if part_out is None and uncertain_part(before) is not None:
            raise CliError(f"#{before.id}: {before.note or ''}\n{review_ways(before)}", EXIT_USAGE)
        try:
            p = services.workflows.mark_sent(args.post_id, part_out=part_out, link=args.part_out or None)
        except TransitionError as e:
            raise CliError(str(e)) from None
        if p.state is PostState.SENT:
            print(f"#{p.id} is marked as sent on {p.persona_name}; it will not be sent again.")
        else:  # not out, or parts remain: it is not sent, and says what is out
            what = "the rest" if p.remote_ids else "it"
            print(f"#{p.id} is not sent: {p.note}\nTo send {what}: personamgr posts retry {p.id}")
        return 0
    finally:
        services.close()


def cmd_retry(args: argparse.Namespace) -> int:
    services = open_profile(args, guard=not args.anyway)
    try:
        p = _get(services, args.post_id)
        persona = services.store.persona(p.persona_uid)
        if p.state is PostState.SENT:
            raise CliError(f"#{p.id} already went out")
        if p.state is PostState.SENDING:
            raise CliError(f"#{p.id} is being sent right now")
        if p.state is PostState.NEEDS_REVIEW and not args.yes:
            now = (f"\nSent again, it goes out as {persona.handle}, the account {persona.name} posts as now, not as "
                   f"{p.other_account}." if p.other_account else "")
            on = p.other_account or persona.handle or persona.name
            raise CliError(f"{in_doubt_name(p)} may already be on {on}'s timeline: {p.note or ''}{now}\n"
                           f"{review_ways(p)}", EXIT_USAGE)
        action = {PostState.FAILED: Action.RETRY, PostState.NEEDS_REVIEW: Action.SEND_AGAIN}.get(p.state,
                                                                                                  Action.SEND_NOW)
        try:
            outcome = services.workflows.send(p.id, action, seen=p.state, anyway=args.anyway)
        except TransitionError as e:
            raise CliError(str(e)) from None
        if outcome.objection is not None:
            o = outcome.objection
            lines = [f"not sent: {o.headline(persona.name)}"] + [f"  - {r}" for r in o.messages]
            if o.suggest:
                lines.append(f"It fits {o.suggest} better.")
            if o.kind is HoldKind.X_RULES:  # as the window's question: no "post anyway" for what the network refuses
                lines.append(f"{persona.network_label} refuses a post like this, so it cannot be sent as it is: "
                             f"change the words in the window (Edit…), or delete it: personamgr posts delete {p.id}")
            else:
                lines.append(f"To send it as it is: personamgr posts retry {p.id} --anyway")
            raise CliError("\n".join(lines))
        return report_send(outcome.post, persona)
    finally:
        services.close()


def cmd_reschedule(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        p = _get(services, args.post_id)
        if Action.RESCHEDULE not in actions_for(p, services.clock.now()):
            why = maybe_out(p) if p.state is PostState.NEEDS_REVIEW else (
                f"#{p.id} is {p.status.lower()}, so it cannot be rescheduled")
            offered = offered_commands(p, services.clock.now())
            raise CliError(why + (f"\nWhat you can do: {offered}" if offered else ""))
        persona = services.store.persona(p.persona_uid)
        try:
            when = parse_when(args.at, persona.timezone, now=services.clock.now())
        except ValueError as e:
            raise CliError(f"--at: {e}", EXIT_USAGE) from None
        try:
            result = PostSchedule(services.store, services.outbox, services.clock).schedule_at(p.id, when,
                                                                                              seen=p.state)
        except SchedulingError as e:
            raise CliError(str(e)) from None
        print(f"Rescheduled #{p.id} ({persona.name}) to {describe_with_utc(result.when, persona.timezone)}.")
        print_schedule_notes(args, services, persona, result)
        return 0
    finally:
        services.close()


def cmd_delete(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        p = _get(services, args.post_id)
        try:
            services.workflows.delete(p.id)
        except TransitionError as e:
            if locked_until(p, services.clock.now()) is not None:  # it may be out, and goes out again by itself
                raise CliError(str(e)) from None
            if p.remote_ids and p.state is not PostState.SENT:  # a thread with parts out: they and its record stay
                raise CliError(f"#{p.id} cannot be deleted: {e}. To end the thread there: personamgr posts stop "
                               f"{p.id}") from None
            raise CliError(f"#{p.id} is {p.status.lower()}, so it cannot be deleted (only posts that have not "
                           "gone out can be)") from None
        print(f"Deleted #{p.id} ({p.status.lower()}, {p.persona_name}): {preview(p.text)}")
        poke_scheduler(args)  # a running scheduler forgets it now rather than at its next look
        return 0
    finally:
        services.close()


def cmd_stop(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        p = _get(services, args.post_id)
        try:
            sent, draft = services.workflows.stop(p.id, seen=p.state)
        except TransitionError as e:
            raise CliError(str(e)) from None
        n = len(sent.parts)
        print(f"#{sent.id} ends at part {n}: " + ("part 1 is" if n == 1 else f"parts 1–{n} are")
              + f" out on {sent.persona_name}, and it is recorded as sent.")
        if draft is not None:
            print(f"The parts that did not go out are kept as draft #{draft.id}.")
        poke_scheduler(args)
        return 0
    finally:
        services.close()
