"""``personamgr post --persona NAME TEXT``: post now, as one persona."""

from __future__ import annotations

import argparse

from personamgr.cli.common import check_focus, find_persona, open_profile
from personamgr.cli.errors import CliError
from personamgr.core.outbox import PostState


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("post", help="post now as a persona")
    p.add_argument("--persona", required=True, metavar="NAME", help="the persona to post as")
    p.add_argument("--anyway", action="store_true",
                   help="post even if the persona guard says the text strays from this persona")
    p.add_argument("text", help="the text of the post")
    p.set_defaults(func=cmd_post)


def cmd_post(args: argparse.Namespace) -> int:
    text = args.text.strip()
    if not text:
        raise CliError("the post is empty", 2)
    services = open_profile(args)
    persona = find_persona(services, args.persona)
    override = check_focus(services, persona, text, anyway=args.anyway)
    post = services.outbox.create(persona.uid, text)
    if override:
        post = services.outbox.remember_override(post.id)
    result = services.poster.send(post.id)
    if result.state is PostState.SENT:
        print(f"Sent as {persona.name} ({persona.handle or persona.network}): {result.remote_url or result.remote_id}")
        return 0
    if result.state is PostState.SCHEDULED and result.next_attempt_at:
        print(f"Not sent yet: {result.error} It will be retried at {result.next_attempt_at:%Y-%m-%d %H:%M} UTC "
              "by the running app or `personamgr daemon`.")
        return 1
    raise CliError(f"not sent ({result.state.label}): {result.error}")
