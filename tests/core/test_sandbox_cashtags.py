"""The sandbox imitates X's one-cashtag rule, and says so in its own name: the guard holds a demo post to it, so the
sandbox itself refuses what slips past (a post sent without the guard's check)."""

from __future__ import annotations

from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services


def test_the_sandbox_refuses_two_cashtags_in_its_own_name(services: Services) -> None:
    """Fails on main: the sandbox took it (SENT), so the guard's "X allows at most one" held what went out."""
    persona = services.store.add_persona(Persona(name="career", description="jobs"))
    assert persona.network == "sandbox"
    post = services.poster.send(services.outbox.create(persona.uid, "Watching $AAPL and $msft today.").id)
    assert post.state is PostState.FAILED
    assert post.note == "It has 2 cashtags ($AAPL, $MSFT); the sandbox allows at most one per post, as X does."
    one = services.poster.send(services.outbox.create(persona.uid, "Watching $AAPL and $aapl today.").id)
    assert one.state is PostState.SENT, one.note
