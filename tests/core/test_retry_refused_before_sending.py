"""A retry refused before anything is sent says why, instead of the reason it failed the last time.

After "Part 2 is not there" (or "it did not go out"), a post is failed with "It did not go out, as you checked.
Retry sends it." When Retry then stopped before sending (no keyring, the account not connected, a post the
network would refuse), the post stayed exactly as it was: a failed post cannot "become" failed, so the new
reason was dropped, and the user was told once more to choose Retry, which they had just done.
"""

from __future__ import annotations

from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.services import Services

CHECKED = "It did not go out, as you checked. Retry sends it."


def test_a_retry_stopped_before_sending_tells_the_new_reason(services: Services) -> None:
    persona = services.store.add_persona(Persona(name="career", handle="@career_me", description="jobs", network="x"))
    post = services.outbox.create(persona.uid, "Five questions to ask at the end of an interview.",
                                  state=PostState.NEEDS_REVIEW)
    checked = services.workflows.mark_sent(post.id, part_out=False)
    assert (checked.state, checked.error) == (PostState.FAILED, CHECKED)
    again = services.workflows.retry(post.id).post
    assert again.state is PostState.FAILED
    assert again.error and again.error != CHECKED, "the retry's own reason was dropped"
    assert "keyring" in again.error.lower()


def test_a_held_retry_stopped_by_the_monthly_limit_again_is_left_as_it_is(services: Services) -> None:
    """The other same-state outcome before the claim: a post held by the user's limit stays held, once."""
    persona = services.store.add_persona(Persona(name="career", handle="@career_me", description="jobs",
                                                 network="sandbox", monthly_post_cap=0))
    post = services.outbox.create(persona.uid, "A post over the cap.")
    first = services.poster.send(post.id)
    assert first.state is PostState.HELD
    assert services.poster.send(post.id, expect=[PostState.HELD]).state is PostState.HELD
