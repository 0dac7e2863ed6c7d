"""``personamgr post --persona NAME (TEXT | --thread FILE) [--image PATH [--alt TEXT]]...``: post now."""

from __future__ import annotations

import argparse

from personamgr.cli.common import (
    add_content_arguments,
    attach_images,
    check_focus,
    check_images,
    find_persona,
    keep_text,
    open_profile,
    read_parts,
)
from personamgr.cli.errors import CliError
from personamgr.core.outbox import Post, PostState


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("post", help="post now as a persona (a post, or a thread with --thread)")
    p.add_argument("--persona", required=True, metavar="NAME", help="the persona to post as")
    p.add_argument("--anyway", action="store_true",
                   help="post even if the persona guard says the text strays from this persona")
    add_content_arguments(p)
    p.set_defaults(func=cmd_post)


def cmd_post(args: argparse.Namespace) -> int:
    with keep_text(args):
        return _post(args)


def _post(args: argparse.Namespace) -> int:
    services = open_profile(args)
    try:
        persona = find_persona(services, args.persona)
        parts = read_parts(args, persona)
        images = check_images(services, persona, args, len(parts))
        override = check_focus(services, persona, parts, anyway=args.anyway)
        media = attach_images(services, persona, images)
        post = services.outbox.create(persona.uid, parts[0], thread=parts[1:], media=media)
        if override:
            post = services.outbox.remember_override(post.id)
        return report_send(services.poster.send(post.id), persona.name, persona.handle or persona.network)
    finally:
        services.close()


def report_send(result: Post, persona: str, where: str) -> int:
    """Say how a send ended (shared with ``posts retry``); the exit code is 0 only when it went out."""
    if result.state is PostState.SENT:
        links = result.remote_url or result.remote_id
        more = f" ({len(result.remote_ids)} parts)" if len(result.remote_ids) > 1 else ""
        print(f"Sent as {persona} ({where}){more}: {links}")
        return 0
    if result.state is PostState.SCHEDULED and result.next_attempt_at:
        print(f"Not sent yet: {result.error} It will be retried at {result.next_attempt_at:%Y-%m-%d %H:%M} UTC "
              "by the running app or `personamgr daemon`.")
        return 1
    hint = f" See it with: personamgr posts show {result.id}" if result.failed_part else ""
    raise CliError(f"not sent ({result.status}): {result.error}{hint}")
