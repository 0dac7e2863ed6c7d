"""``personamgr post --persona NAME TEXT``: post now, as one persona."""

from __future__ import annotations

import argparse

from personamgr.cli.common import find_persona, open_profile
from personamgr.cli.errors import CliError
from personamgr.core.outbox import PostState
from personamgr.core.text import weighted_length


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("post", help="post now as a persona")
    p.add_argument("--persona", required=True, metavar="NAME", help="the persona to post as")
    p.add_argument("text", help="the text of the post")
    p.set_defaults(func=cmd_post)


def cmd_post(args: argparse.Namespace) -> int:
    text = args.text.strip()
    if not text:
        raise CliError("the post is empty", 2)
    services = open_profile(args)
    persona = find_persona(services, args.persona)
    length = weighted_length(text)
    if length > persona.char_limit:
        raise CliError(f"the post is {length} characters; {persona.name} allows {persona.char_limit}")
    post = services.outbox.create(persona.uid, text)
    result = services.poster.send(post.id)
    if result.state is PostState.SENT:
        print(f"Sent as {persona.name} ({persona.handle or persona.network}): {result.remote_url or result.remote_id}")
        return 0
    if result.state is PostState.SCHEDULED and result.next_attempt_at:
        print(f"Not sent yet: {result.error} It will be retried at {result.next_attempt_at:%Y-%m-%d %H:%M} UTC "
              "by the running app or `personamgr daemon`.")
        return 1
    raise CliError(f"not sent ({result.state.label}): {result.error}")
