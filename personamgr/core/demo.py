"""The demo profile: two personas from the product's origin story, on the sandbox network.

Someone who learned to use Twitter for their career keeps it to one field, and
puts the heavy-metal hobby on a separate account.
"""

from __future__ import annotations

from personamgr.core.i18n import translate
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona, QueueSlot
from personamgr.core.services import Services

DEMO_PERSONAS = (
    Persona(
        name="career",
        handle="@career_me",
        description="Careers, job search, hiring and the economy, for people steering their working life",
        topics=("careers", "job search", "hiring", "economy"),
        keywords=("resume", "interview", "recruiter", "salary", "layoffs", "LinkedIn"),
        examples=(
            "Five questions to ask at the end of every interview, and what the answers tell you.",
            "Hiring managers read the first six lines of a resume. Put your best result there.",
            "The jobs report beat expectations again. What it means if you are negotiating an offer this month.",
        ),
        avoid=("heavy metal", "guitars"),
        hashtags=("#careeradvice",),
        colour="#1d9bf0",
        timezone="America/New_York",
        queue_slots=(QueueSlot(0, 9), QueueSlot(2, 9), QueueSlot(4, 12)),
    ),
    Persona(
        name="metal",
        handle="@metal_me",
        description="Heavy metal: guitars, gigs and albums",
        topics=("heavy metal", "guitars", "gigs", "albums"),
        keywords=("riff", "setlist", "tour", "vinyl", "distortion", "mosh pit"),
        examples=(
            "That opening riff on the new Mastodon record is the heaviest thing I've heard all year.",
            "Front row at the gig tonight. My ears are still ringing and I regret nothing.",
            "Restringing the old Les Paul with 11s for drop C. Tone for days.",
        ),
        avoid=("job search", "hiring"),
        hashtags=("#metalmonday",),
        colour="#c0392b",
        timezone="Europe/Berlin",
        queue_slots=(QueueSlot(0, 20), QueueSlot(4, 21), QueueSlot(5, 15)),
    ),
)

DEMO_HISTORY = (
    ("career", "Your network is the people who have seen you do good work. Make that list longer every month."),
    ("metal", "Spinning Master of Puppets on vinyl for the first time in years. Still untouchable."),
)


def seed_demo(services: Services) -> bool:
    """Fill an empty demo profile. Returns False (and does nothing) if it already has personas."""
    if services.store.personas():
        return False
    for p in DEMO_PERSONAS:
        services.store.add_persona(p)
    for name, text in DEMO_HISTORY:
        persona = services.store.persona(name)
        post = services.outbox.create(persona.uid, text)
        services.poster.send(post.id)
    services.store.set_setting("active_persona", DEMO_PERSONAS[0].uid)
    return True


def connect_refusal(paths: AppPaths | None, name: str) -> str | None:
    """Why persona ``name`` cannot be linked to an account in this profile, or None.

    The demo keeps no account: a real one linked to a demo persona would post for real from a profile the user
    takes for a sandbox, apart from their own personas and history. The way on is their own profile.
    """
    if paths is None or not paths.demo:
        return None
    return translate(
        "Demo", "{name} is a demo persona, and the demo connects no account: its posts stay on the built-in "
        "sandbox. Connect your own accounts in your own profile (Help ▸ Open your own profile, or personamgr "
        "without --demo): make or import your personas there, then use Persona ▸ Connect account… on each."
    ).format(name=name)
