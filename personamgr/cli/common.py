"""What every subcommand that touches the profile needs: paths, logging, services."""

from __future__ import annotations

import argparse
from typing import Any

from personamgr.cli.errors import CliError
from personamgr.core.logs import setup_logging
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.services import Services, open_services
from personamgr.core.store import PersonaNotFound, StoreError


def profile_paths(args: argparse.Namespace) -> AppPaths:
    return AppPaths.resolve(getattr(args, "data_dir", None), demo=getattr(args, "demo", False))


def prepare_profile(args: argparse.Namespace) -> AppPaths:
    """The profile the global options name, its folders created and logging to its log file."""
    paths = profile_paths(args)
    try:
        paths.ensure()
    except OSError as e:
        raise CliError(f"cannot create the data folder {paths.data}: {e.strerror or e}") from None
    setup_logging(paths.log_file, verbose=bool(getattr(args, "verbose", False)))
    return paths


def open_profile(args: argparse.Namespace) -> Services:
    """Open the profile the global options name, seeding the demo profile on first use."""
    paths = prepare_profile(args)
    try:
        services = open_services(paths)
    except StoreError as e:
        raise CliError(str(e)) from None
    if paths.demo:
        from personamgr.core.demo import seed_demo

        seed_demo(services)
    return services


def find_persona(services: Services, name: str) -> Persona:
    try:
        return services.store.persona(name)
    except PersonaNotFound:
        known = ", ".join(p.name for p in services.store.personas()) or "none yet"
        raise CliError(f"no persona named {name!r} (known: {known})") from None


def load_guard() -> Any:
    """The shipped persona guard, or a CliError saying what is wrong with the install (never a traceback)."""
    from personamgr.core.guard import Guard

    try:
        return Guard.load()
    except Exception as e:  # a missing or damaged model file names itself and says to reinstall
        raise CliError(f"cannot load the persona guard: {e}") from None


def check_focus(services: Services, persona: Persona, text: str, *, anyway: bool, verb: str = "posted") -> bool:
    """Run the persona guard on ``text`` before it is posted or queued from the CLI.

    Raises CliError with the guard's reasons when the text strays and ``anyway`` is
    not given; an over-long text is refused either way. Returns True when the user
    chose to post a straying text anyway (so the post remembers the decision).
    """
    personas = services.store.personas()
    result = load_guard().check(personas, text, persona.name, recent=services.outbox.recent_texts())
    if result.too_long:
        raise CliError(f"the post is {result.length} characters; {persona.name} allows {result.limit}")
    if result.fits:
        return False
    if anyway:
        return True
    lines = [f"not {verb}: the persona guard has concerns about this post on {persona.name}:"]
    lines += [f"  - {r.message}" for r in result.warnings]
    if result.suggest:
        lines.append(f"It fits {result.suggest} better: use --persona {result.suggest}.")
    lines.append(f"To have it {verb} as it is, add --anyway.")
    raise CliError("\n".join(lines))
