"""``personamgr post --persona NAME (TEXT | --thread FILE) [--image PATH [--alt TEXT]]...``: post now."""

from __future__ import annotations

import argparse

from personamgr.cli.common import (
    Kept,
    add_content_arguments,
    attach_images,
    check_focus,
    check_images,
    find_persona,
    keep_text,
    open_profile,
    read_images,
    read_parts,
)
from personamgr.cli.errors import CliError
from personamgr.core import crosspost
from personamgr.core.outbox import Post, PostState
from personamgr.core.personas import VISIBILITIES, Persona
from personamgr.core.post_workflows import uncertain_part
from personamgr.core.scheduling.local_time import describe


def register(p: argparse.ArgumentParser) -> None:
    p.add_argument("--persona", required=True, metavar="NAME", help="the persona to post as")
    p.add_argument("--anyway", action="store_true",
                   help="post even if the persona guard says the text strays from this persona")
    p.add_argument("--also", action="append", default=[], metavar="NAME",
                   help="cross-post the same text to this persona too, on another network (repeatable); "
                   "the same text on two X personas is refused")
    add_content_arguments(p)
    add_post_options(p)
    p.set_defaults(func=cmd_post)


def add_post_options(p: argparse.ArgumentParser) -> None:
    """--cw and --visibility (Mastodon), shared by ``post`` and ``queue add``."""
    p.add_argument("--cw", metavar="TEXT", help="Mastodon: a content warning for this post (default: the persona's)")
    p.add_argument("--visibility", choices=VISIBILITIES,
                   help="Mastodon: who sees this post (default: the persona's); private is followers only")


def cmd_post(args: argparse.Namespace) -> int:
    with keep_text(args) as kept:
        return _post(args, kept)


def _post(args: argparse.Namespace, kept: Kept) -> int:
    services = open_profile(args)
    try:
        persona = find_persona(services, args.persona)
        also = [find_persona(services, name) for name in args.also]
        for other in also:  # refused before anything is sent, so a bad pair never leaves half a cross-post
            why = crosspost.problem(persona, other)
            if why:
                raise CliError(f"not cross-posted: {why}", 2)
        everyone = (persona, *also)
        parts = read_parts(args, persona)
        images = read_images(services, everyone, args)
        for p in everyone:
            check_images(services, p, images, len(parts))
        # Every persona's guard check first: a concern about a cross-post target stops everything, not half of it.
        overrides = [check_focus(services, p, parts, anyway=args.anyway) for p in everyone]
        code = 0
        for p, override in zip(everyone, overrides, strict=True):
            code = max(code, _send(services, p, parts, attach_images(services, p, images), args, override=override,
                                   kept=kept))
        return code
    finally:
        services.close()


def _send(services, persona: Persona, parts: list[str], media: list[dict[str, object]],  # type: ignore[no-untyped-def]
          args: argparse.Namespace, *, override: bool, kept: Kept) -> int:
    post = services.outbox.create(persona.uid, parts[0], thread=parts[1:], media=media, content_warning=args.cw,
                                  visibility=args.visibility)
    kept.saved = True
    if override:
        post = services.outbox.remember_override(post.id)
    return report_send(services.poster.send(post.id), persona)


def in_doubt_name(post: Post) -> str:
    """What may be out: "#5", or, for a thread, "part 2 of #5" (the parts before it are known to be out, those
    after it never went)."""
    part = uncertain_part(post)
    return f"#{post.id}" if part is None else f"part {part} of #{post.id}"


def review_ways(post: Post) -> str:
    """The two true ways out of needs review, as commands: for a thread, about the one part in doubt."""
    part = uncertain_part(post)
    if part is None:
        return (f"Look at the account. If it is there: personamgr posts mark-sent {post.id}. If it is not: "
                f"personamgr posts retry {post.id} --yes")
    link = "" if part == len(post.parts) else f" LINK (part {part}'s link: part {part + 1} replies to it)"
    return (f"Look at the account for part {part} of {len(post.parts)}. If it is there: personamgr posts mark-sent "
            f"{post.id} --part-out{link}. If it is not: personamgr posts retry {post.id} --yes (it goes on from part "
            f"{part}), or personamgr posts mark-sent {post.id} --part-not-out to decide later")


def report_send(result: Post, persona: Persona) -> int:
    """Say how a send ended (shared with ``posts retry``); the exit code is 0 only when it went out. Times are
    told in the persona's zone, as the reason (a rate limit's reset) tells them."""
    if result.state is PostState.SENT:
        links = result.remote_url or result.remote_id
        more = f" ({len(result.remote_ids)} parts)" if len(result.remote_ids) > 1 else ""
        print(f"Sent as {persona.name} ({persona.handle or persona.network}){more}: {links}")
        return 0
    if result.state is PostState.SCHEDULED and result.next_attempt_at:
        print(f"Not sent yet: {result.note} It will be retried at {describe(result.next_attempt_at, persona.timezone)}"
              " by the running app or `personamgr daemon`.")
        return 1
    if result.state is PostState.NEEDS_REVIEW:  # the network may have it: "not sent" would be a guess
        raise CliError(f"{in_doubt_name(result)} may already be out ({result.status}): {result.note}\n"
                       f"{review_ways(result)}")
    hint = f" See it with: personamgr posts show {result.id}" if result.failed_part else ""
    raise CliError(f"not sent ({result.status}): {result.note}{hint}")
