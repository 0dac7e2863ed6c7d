"""What every subcommand that touches the profile needs: paths, logging, services, and a post's content."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from personamgr.cli.errors import EXIT_USAGE, CliError
from personamgr.core.faults import describe
from personamgr.core.holds import HoldKind, hold_kind
from personamgr.core.media import (
    ImageFile,
    MediaCopyError,
    MediaError,
    animated_alone,
    check_alt,
    check_image,
    check_post,
    import_image,
    limits_of,
    read_file,
    release,
)
from personamgr.core.paths import AppPaths
from personamgr.core.persona_file import BOM
from personamgr.core.personas import Persona
from personamgr.core.profile_ready import ProfileNotReady, make_ready
from personamgr.core.services import Services, open_services
from personamgr.core.store import PersonaNotFound, StoreError
from personamgr.core.text import measure_for, parts_from_text, too_long_message

if TYPE_CHECKING:
    from personamgr.core.scheduling import Scheduled

Image = tuple[ImageFile, str]  # an --image file, read once, and its --alt text

# How ``--at`` reads a time, for every command that takes one (``parse_when``).
MAX_THREAD_FILE_BYTES = 4 << 20  # far more than a thread of Premium posts: anything larger is not one
AT_HELP = "ISO 8601, e.g. 2026-03-09T14:00 (in the persona's zone) or 2026-03-09T14:00+01:00"


def profile_paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.resolve(getattr(args, "data_dir", None), demo=getattr(args, "demo", False))


def prepare_profile(args: argparse.Namespace) -> AppPaths:
    """The profile the global options name, its folders created and logging to its log file."""
    paths = profile_paths(args)
    try:
        make_ready(paths, verbose=bool(getattr(args, "verbose", False)))
    except ProfileNotReady as e:
        raise CliError(str(e), storage=True) from None
    return paths


def open_profile(args: argparse.Namespace, *, guard: bool = False) -> Services:
    """Open the profile the global options name, seeding the demo profile on first use.

    With ``guard``, sending from this command asks the persona guard first, as the scheduler does
    (the model loads only if something is sent).
    """
    paths = prepare_profile(args)
    try:
        services = open_services(paths)
        if paths.demo:
            from personamgr.core.demo import seed_demo

            seed_demo(services)
    except StoreError as e:
        raise CliError(str(e), storage=True) from None
    for problem in services.settings.problems:  # the window says it in a notice; a script's user reads stderr
        print(f"personamgr: warning: {problem}", file=sys.stderr)
    warn_unknown_zones(services)
    recover_abandoned(services)
    if guard:
        from personamgr.core.scheduling.guard_check import make_guard_check

        services.pre_send_check = services.poster.pre_send_check = make_guard_check(services.store,
                                                                                 services.outbox)
    return services


def warn_unknown_zones(services: Services) -> None:
    """A persona whose zone this computer does not know has its times shown in UTC: said once per command."""
    from personamgr.core.personas import known_zone
    from personamgr.core.scheduling.local_time import unknown_zone_warning

    try:
        personas = services.store.personas()
    except (sqlite3.Error, DBAPIError, OSError, StoreError):
        return  # the command says the database's fault itself
    for p in personas:
        if not known_zone(p.timezone):
            print(f"personamgr: warning: {unknown_zone_warning(p.name, p.timezone)}", file=sys.stderr)


def recover_abandoned(services: Services) -> None:
    """Every command sees a post whose sender died as needing review, never as still "sending" (the README's
    "whichever personamgr notices next"), and one whose sender kept its outcome in a file (its record refused)
    as sent, with its link. A database that cannot be written now is left to the command itself to report:
    listing posts must not fail because of it."""
    try:
        services.poster.record_unrecorded()
        services.outbox.recover_abandoned()
    except (sqlite3.Error, DBAPIError, OSError, StoreError):
        logging.getLogger(__name__).warning("looking for posts whose sender stopped failed", exc_info=True)


def scheduler_running(args: argparse.Namespace) -> bool:
    """Whether a window or a daemon answers for this profile (one speaking another version counts: it runs)."""
    from personamgr.core.instance import ProtocolMismatch, send_request

    try:
        reply = send_request(profile_paths(args), {"action": "ping"}, timeout=2.0)
    except ProtocolMismatch:
        return True
    return bool(reply and reply.get("ok"))


def poke_scheduler(args: argparse.Namespace) -> str:
    """Ask a running window or daemon to re-read the outbox; a hint if nothing is running."""
    from personamgr.core.instance import ProtocolMismatch, send_request

    try:
        reply = send_request(profile_paths(args), {"action": "reconcile"}, timeout=2.0)
    except ProtocolMismatch as e:
        return f"Note: {e}"
    if reply and reply.get("ok"):
        return ""
    return ("Note: neither the app nor `personamgr daemon` is running for this profile, "
            "so nothing will send it until one of them is started.")


def print_schedule_notes(args: argparse.Namespace, services: Services, persona: Persona, result: Scheduled) -> None:
    """What a user should know once a post has a time: a clock change at that time, a month with no room for it
    under the persona's cap or budget, an account not connected yet, a paused persona, and whether anything is
    running to send it (``queue add`` and ``posts reschedule`` alike)."""
    from personamgr.core.networks.accounts import NOT_CONNECTED, account_state, not_connected_words

    for note in (result.note, result.over_limit):
        if note:
            print(f"Note: {note}")
    if account_state(services.store, services.networks, persona) == NOT_CONNECTED:
        print(f"Note: {not_connected_words(persona)}")
    if persona.paused:
        print(f"Note: {persona.name} is paused; it will not go out until you resume it.")
    hint = poke_scheduler(args)
    if hint:
        print(hint.strip())


def storage_error(error: BaseException, args: argparse.Namespace) -> CliError | None:
    """The CliError for a database or file fault met while a command ran, or None for anything else."""
    message = describe(error, profile_paths(args).database)
    return None if message is None else CliError(message, storage=True)


class Kept:
    """Set ``saved`` once the user's text is in the profile: a failure after that (stdout closed, say) must not
    claim it was lost, or a script that believes it queues the text twice."""

    saved = False


@contextmanager
def keep_text(args: argparse.Namespace) -> Iterator[Kept]:
    """Nothing the user wrote is lost: if the profile cannot be written, the text is printed back with the error
    (a thread in a file is still in that file)."""
    kept = Kept()
    try:
        yield kept
    except BrokenPipeError:
        raise  # the reader of our output went away (``| head -1``): not the profile's fault (see main)
    except CliError as e:
        if not e.storage or kept.saved:
            raise
        raise _with_text(e, args) from None
    except (sqlite3.Error, DBAPIError, OSError) as e:
        error = storage_error(e, args)
        if error is None:
            raise
        raise (error if kept.saved else _with_text(error, args)) from None


def _with_text(error: CliError, args: argparse.Namespace) -> CliError:
    words = (getattr(args, "text", None) or getattr(args, "thread_text", None) or "").strip()
    if words:
        return CliError(f"{error}\nYour text was not saved. Here it is, to keep:\n\n{words}\n", error.code,
                        storage=True)
    if getattr(args, "thread", None):
        return CliError(f"{error}\nYour thread was not saved; it is still in {args.thread}.", error.code, storage=True)
    return error


def find_persona(services: Services, name: str) -> Persona:
    try:
        return services.store.persona(name)
    except PersonaNotFound:
        known = ", ".join(p.name for p in services.store.personas()) or "none yet"
        raise CliError(f"no persona named {name!r} (known: {known})") from None



# -- what a post holds: text or a thread file, images with alt text ---------------------------
class _Image(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, ns: argparse.Namespace, value: Any,
                 option_string: str | None = None) -> None:
        ns.images = [*(ns.images or []), [value, None]]


class _Alt(argparse.Action):
    """``--alt`` describes the ``--image`` just before it."""

    def __call__(self, parser: argparse.ArgumentParser, ns: argparse.Namespace, value: Any,
                 option_string: str | None = None) -> None:
        images = ns.images or []
        if not images:
            parser.error("--alt must follow the --image it describes")
        if images[-1][1] is not None:
            parser.error(f"--alt was given twice for {images[-1][0]}; give one --alt after each --image")
        images[-1][1] = value


def add_content_arguments(p: argparse.ArgumentParser) -> None:
    """TEXT, or ``--thread FILE``; and ``--image PATH [--alt TEXT]``, repeatable."""
    p.add_argument("--thread", metavar="FILE",
                   help="post a thread: the parts are in FILE ('-' for standard input), separated by a line "
                   "holding only ---")
    p.add_argument("--image", action=_Image, dest="images", default=None, metavar="PATH",
                   help="attach an image (PNG, JPEG, GIF or WebP; up to 4, to the first post); repeatable")
    p.add_argument("--alt", action=_Alt, dest="images", metavar="TEXT",
                   help="alt text for the --image just before it (up to 1,000 characters on X, 1,500 on Mastodon, "
                   "2,000 on Bluesky)")
    p.add_argument("text", nargs="?", help="the text of the post (or use --thread FILE)")


def _read_thread_file(name: str) -> str:
    """The text of ``--thread FILE`` (``-``: standard input). Read up to a bound: a device that never ends, or a
    film given by mistake, is refused instead of read until memory runs out."""
    what = "a thread file is the posts' text, parts separated by --- lines"
    try:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)  # None: a text stream put in its place (a caller's)
            data = (stream.read(MAX_THREAD_FILE_BYTES + 1) if stream is not None else
                    sys.stdin.read(MAX_THREAD_FILE_BYTES + 1).encode("utf-8", "surrogateescape"))
        else:
            with open(name, "rb") as f:
                data = f.read(MAX_THREAD_FILE_BYTES + 1)
    except OSError as e:
        raise CliError(f"cannot read the thread file {name}: {e.strerror or e}") from None
    if len(data) > MAX_THREAD_FILE_BYTES:
        raise CliError(f"the thread file {name} is larger than {MAX_THREAD_FILE_BYTES >> 20} MB; {what}")
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it
        return text.removeprefix(BOM)  # a file saved "with BOM": not a character of the post
    except UnicodeDecodeError as e:
        raise CliError(f"the thread file {name} is not UTF-8 text (byte 0x{data[e.start]:02x} at position "
                       f"{e.start}); {what}") from None


def read_parts(args: argparse.Namespace, persona: Persona) -> list[str]:
    """The post's parts from TEXT or ``--thread FILE``, each checked against the persona's limit."""
    if args.thread and args.text is not None:
        raise CliError("give the text or --thread FILE, not both", EXIT_USAGE)
    if args.thread:
        raw = _read_thread_file(args.thread)
        if args.thread == "-":
            args.thread_text = raw  # printed back if the profile cannot be written (keep_text)
        parts = parts_from_text(raw)
        if not any(parts):
            raise CliError(f"the thread file {args.thread} is empty", EXIT_USAGE)
        empty = [str(i) for i, p in enumerate(parts, 1) if not p]
        if empty:
            raise CliError(f"part {', '.join(empty)} of the thread in {args.thread} is empty (two --- lines in a "
                           "row, or one at the start or end?)", EXIT_USAGE)
    else:
        text = (args.text or "").strip()
        if not text:
            raise CliError("the post is empty", EXIT_USAGE)
        parts = [text]
    for i, part in enumerate(parts):
        cw = getattr(args, "cw", None)
        m = measure_for(persona, part, persona.content_warning if cw is None else cw)
        if m.too_long:
            raise CliError(too_long_message(persona, m, i if len(parts) > 1 else None))
    return parts


def read_images(services: Services, personas: Sequence[Persona], args: argparse.Namespace) -> list[Image]:
    """The ``--image``/``--alt`` pairs, each file read once (as much as the largest of ``personas``' networks
    accepts), for :func:`check_images` and :func:`attach_images` to use: a pipe gives its bytes to one reader."""
    pairs = [(Path(path).expanduser(), (alt or "").strip()) for path, alt in (args.images or [])]
    if not pairs:
        return []
    most = max(limits_of(services.networks.get(p.network), p).most for p in personas)
    try:
        return [(read_file(path, most), alt) for path, alt in pairs]
    except MediaError as e:
        raise CliError(str(e)) from None


def check_images(services: Services, persona: Persona, images: list[Image], parts: int) -> None:
    """Each image checked against the persona's network before anything is done."""
    limits = limits_of(services.networks.get(persona.network), persona)
    problems = check_post(parts, [{"path": str(f.path), "alt_text": a, "name": f.name} for f, a in images], limits)
    if problems:
        raise CliError(problems[0])
    for image, alt in images:
        try:
            check_image(image, limits)
            check_alt(image.name, alt, limits)
        except MediaError as e:
            raise CliError(str(e)) from None
        if alone := animated_alone(image, len(images), limits):
            raise CliError(alone)


def attach_images(services: Services, persona: Persona, images: list[Image]) -> list[dict[str, Any]]:
    """Copy the checked images into the profile, so the post keeps them whatever happens to the originals."""
    if not images:
        return []
    folder = services.media_dir
    if folder is None:
        raise CliError("this profile has no media folder")
    limits = limits_of(services.networks.get(persona.network), persona)
    media: list[dict[str, Any]] = []
    try:
        for image, alt in images:
            media.append(import_image(folder, image, alt, limits=limits))
    except MediaError as e:
        release(services.store, folder, media)
        raise CliError(str(e), storage=isinstance(e, MediaCopyError)) from None
    for image, alt in images:
        if not alt:
            print(f"Note: {image.name} has no alt text, so people who use a screen reader will not know what it "
                  "shows. Add --alt TEXT after its --image next time.", file=sys.stderr)
    return media


def check_focus(services: Services, persona: Persona, parts: list[str], *, anyway: bool,
                verb: str = "posted") -> bool:
    """Run the persona guard on the post (a thread is judged as a whole) before it is posted or queued.

    Raises CliError with the guard's reasons when the post strays and ``anyway`` is not given.
    Returns True when the user chose to post a straying post anyway (so the post remembers it).
    """
    from personamgr.cli.guard import load_guard
    from personamgr.core.scheduling.guard_check import GuardCheck

    result = GuardCheck(services.store, services.outbox, guard=load_guard()).verdict(parts, persona, upcoming=True)
    unjudged = next((r for r in result.reasons if r.kind in ("language", "empty")), None)
    if not result.judged and unjudged is not None:  # as the window's meter does: a pass that is not a verdict
        print(f"Note: the persona guard did not judge the topic: {unjudged.message}", file=sys.stderr)
    if result.fits:
        return False
    # What the network refuses (too long; two cashtags on X) is not the guard's opinion: as in the window, no
    # "anyway" for it.
    refused = hold_kind(r.kind for r in result.warnings) is HoldKind.X_RULES
    if anyway and not refused:
        return True
    what = "thread" if len(parts) > 1 else "post"
    lines = [f"not {verb}: the persona guard has concerns about this {what} on {persona.name}:"]
    lines += [f"  - {r.message}" for r in result.warnings]
    if result.suggest and not refused:  # the reason above already says it fits there better: how to get it there
        lines.append(f"To have it {verb} as {result.suggest} instead, use --persona {result.suggest}.")
    if refused:
        lines.append(f"{persona.network_label} refuses a {what} like this, so it cannot be {verb} as it is (--anyway "
                     "does not change that): change the words first.")
    else:
        lines.append(f"To have it {verb} as it is, add --anyway.")
    raise CliError("\n".join(lines))
