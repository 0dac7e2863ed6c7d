"""The post workflows in core (one implementation for the window, the CLI and the daemon), and honest states.

Held (stopped before sending) and needs review (may have gone out) are different states with different
actions; whatever sends a post on the user's say-so asks the guard's question first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest
from posting_helpers import ScriptedNetwork

from personamgr.core.clock import FakeClock
from personamgr.core.guard.types import Reason
from personamgr.core.holds import HoldKind, HoldReason
from personamgr.core.networks.base import PartialThreadError, TransientError
from personamgr.core.outbox import Post, PostState, TransitionError, override_stands
from personamgr.core.personas import Persona
from personamgr.core.post_workflows import Action, actions_for
from personamgr.core.scheduling import PostSchedule, ScheduleEngine
from personamgr.core.services import Services

OFF = "Three new guitar pedals I love, and the riff that sold me on them."


def objects_to_guitars(post: Post, persona: Persona) -> Sequence[HoldReason]:
    """A stand-in for the guard with its contract: reasons with kinds, judged on the persona as it is now."""
    if "guitar" in post.words and persona.name == "career":
        return [HoldReason("topic", "It does not look like career's focus (jobs). It fits metal better.")]
    if "again" in post.words:
        return [HoldReason("duplicate", "It is nearly the same as a recent post on your metal persona.")]
    return []


@pytest.fixture
def world(services: Services, net: ScriptedNetwork) -> Services:
    services.poster.pre_send_check = objects_to_guitars
    services.store.add_persona(Persona(name="metal", description="riffs", network="scripted"))
    return services


def career(services: Services) -> str:
    return services.store.persona("career").uid


def scheduled_then_held(services: Services, text: str) -> Post:
    """A post the scheduler held at send time (what the guard does to a straying scheduled post)."""
    clock: FakeClock = services.clock  # type: ignore[assignment]
    post = PostSchedule(services.store, services.outbox, clock).create(career(services), text,
                                                                       when=clock.now() + timedelta(minutes=1)).post
    clock.advance(timedelta(minutes=1))
    ScheduleEngine(services).run_due()
    return services.outbox.get(post.id)


def test_a_held_post_is_its_own_state_with_its_real_reason(world: Services, net: ScriptedNetwork) -> None:
    off = scheduled_then_held(world, OFF)
    dup = scheduled_then_held(world, "Said it before, saying it again")
    assert (off.state, off.hold_kind, off.status) == (PostState.HELD, HoldKind.OFF_FOCUS, "Held: off-focus")
    assert (dup.state, dup.hold_kind, dup.status) == (PostState.HELD, HoldKind.NEAR_DUPLICATE, "Held: near-duplicate")
    assert "nearly the same as a post that went out or is scheduled" in (dup.error or "")
    assert "may not belong" not in (dup.error or "")  # a duplicate is not an off-focus post
    assert "move it to another persona" not in (dup.error or "")  # moving cannot cure a duplicate
    assert net.calls == []
    for post in (off, dup):
        assert Action.MARK_SENT not in actions_for(post) and Action.SEND_AGAIN not in actions_for(post)
        assert {Action.EDIT, Action.MOVE, Action.POST_ANYWAY} <= set(actions_for(post))
        with pytest.raises(TransitionError, match="never went out"):
            world.workflows.mark_sent(post.id)


@pytest.mark.parametrize(("scheduled", "headline"), [
    (False, "This is nearly the same as a post that went out."),
    (True, "This is nearly the same as a scheduled post."),
], ids=["went out", "scheduled"])
def test_a_near_duplicate_hold_says_in_its_headline_whether_the_copy_went_out_or_is_scheduled(
        world: Services, *, scheduled: bool, headline: str) -> None:
    """The reason said which (e443be7); the headline above it still said "a post that went out or is scheduled",
    in the held post's note, in the question "send now" asks, and in the CLI's "not sent: …"."""
    copy = Reason.found("duplicate", {"x_rules": False, "scheduled": scheduled})
    world.poster.pre_send_check = lambda post, persona: [copy]
    held = scheduled_then_held(world, "Three salary questions to settle before you accept any offer.")
    assert held.hold_kind is HoldKind.NEAR_DUPLICATE
    assert held.note is not None and headline in held.note
    draft = world.outbox.create(career(world), "The same words, once more, sent now.")
    objection = world.workflows.send(draft.id, Action.SEND_NOW, seen=PostState.DRAFT).objection
    assert objection is not None and objection.headline("career") == headline


def test_a_near_duplicate_kept_before_the_copy_was_told_apart_keeps_its_headline(world: Services) -> None:
    """A reason kept without "scheduled" (an older version's) cannot say which: the headline says either."""
    world.poster.pre_send_check = lambda post, persona: [Reason.found("duplicate", {"x_rules": False})]
    held = scheduled_then_held(world, "Three salary questions to settle before you accept any offer.")
    assert "nearly the same as a post that went out or is scheduled." in (held.note or "")


def test_needs_review_is_only_for_posts_that_may_have_gone_out(world: Services, net: ScriptedNetwork) -> None:
    from personamgr.core.networks.base import AmbiguousError

    net.answers = [AmbiguousError("The connection dropped after the post was sent.")]
    post = world.outbox.create(career(world), "Five interview questions")
    after = world.poster.send(post.id)
    assert after.state is PostState.NEEDS_REVIEW and after.hold_kind is None
    assert actions_for(after)[:2] == (Action.MARK_SENT, Action.SEND_AGAIN)
    marked = world.workflows.mark_sent(post.id)
    assert marked.state is PostState.SENT and len(net.calls) == 1  # nothing sent by marking


def test_send_again_still_asks_the_guards_question(world: Services, net: ScriptedNetwork) -> None:
    """The defect: confirming "Send again" posted the off-topic text with no topic question."""
    from personamgr.core.networks.base import AmbiguousError

    net.answers = [AmbiguousError("timed out")]
    post = world.outbox.create(career(world), OFF)
    assert world.poster.send(post.id).state is PostState.NEEDS_REVIEW  # sent without the guard (Post now)
    asked = world.workflows.send_again(post.id)
    assert asked.asked and asked.objection is not None
    assert asked.objection.kind is HoldKind.OFF_FOCUS and "career's focus" in asked.objection.reasons[0]
    assert asked.post.state is PostState.NEEDS_REVIEW and len(net.calls) == 1  # nothing sent
    sent = world.workflows.send_again(post.id, anyway=True)
    assert sent.post.state is PostState.SENT and len(net.calls) == 2
    assert sent.post.guard_override  # the user's decision is remembered


def test_retry_of_a_failed_post_asks_the_guard_and_post_anyway_is_remembered(world: Services,
                                                                            net: ScriptedNetwork) -> None:
    from personamgr.core.networks.base import RejectedError

    net.answers = [RejectedError("Text contains a banned link.")]
    post = world.outbox.create(career(world), OFF)
    assert world.poster.send(post.id).state is PostState.FAILED
    asked = world.workflows.retry(post.id)
    assert asked.asked and len(net.calls) == 1
    done = world.workflows.retry(post.id, anyway=True)
    assert done.post.state is PostState.SENT
    assert done.post.guard_override and done.post.guard_reasons == asked.objection.reasons  # type: ignore[union-attr]


def test_post_anyway_on_a_held_post_sends_it_and_the_scheduler_does_not_hold_it_again(
        world: Services, net: ScriptedNetwork) -> None:
    post = scheduled_then_held(world, OFF)
    out = world.workflows.post_anyway(post.id)
    assert out.post.state is PostState.SENT and out.post.guard_override and len(net.calls) == 1


def test_post_anyway_survives_small_edits_not_rewrites(world: Services) -> None:
    """One implementation: the outbox's edit and the compose box both ask ``override_stands``."""
    post = world.outbox.create(career(world), OFF)
    post = world.outbox.remember_override(post.id, ["off focus"])
    assert post.override_text == OFF
    assert override_stands(post, [OFF + "!"])
    small = world.outbox.edit(post.id, OFF.replace("love", "like") + "!")
    assert small.guard_override
    # Many small edits in a row cannot walk away from what the user accepted: each is compared to it.
    drifted = small
    for word in ("pedals", "riff", "sold", "Three"):
        drifted = world.outbox.edit(post.id, drifted.text.replace(word, "xxxxxx"))
    assert not drifted.guard_override and drifted.override_text is None
    assert world.workflows.objection(drifted) is not None  # asked afresh


def test_editing_a_held_post_puts_it_back_on_the_schedule_where_the_guard_looks_again(
        world: Services, net: ScriptedNetwork) -> None:
    post = scheduled_then_held(world, OFF)
    fixed = world.workflows.edit(post.id, ["Three interview questions that tell you about the team."])
    assert fixed.state is PostState.SCHEDULED and fixed.hold_kind is None and fixed.error is None
    assert fixed.scheduled_at == world.clock.now()
    ScheduleEngine(world).run_due()
    assert world.outbox.get(post.id).state is PostState.SENT


def test_moving_a_held_post_schedules_it_on_the_other_persona(world: Services, net: ScriptedNetwork) -> None:
    post = scheduled_then_held(world, OFF)
    moved = world.workflows.move(post.id, world.store.persona("metal").uid)
    assert (moved.persona_name, moved.state) == ("metal", PostState.SCHEDULED)
    ScheduleEngine(world).run_due()
    assert world.outbox.get(post.id).state is PostState.SENT  # the guard looked again, for metal


def test_an_action_from_a_stale_state_changes_nothing(world: Services, net: ScriptedNetwork) -> None:
    post = world.outbox.create(career(world), "Five interview questions")
    world.outbox.claim(post.id)  # the scheduler took it meanwhile
    with pytest.raises(TransitionError, match="sending"):
        world.workflows.send(post.id, Action.SEND_NOW, seen=PostState.DRAFT)
    with pytest.raises(TransitionError):
        world.workflows.delete(post.id, seen=PostState.DRAFT)
    assert net.calls == []


def test_a_thread_that_failed_part_way_says_which_part_and_resumes_with_the_rest(
        world: Services, net: ScriptedNetwork) -> None:
    net.answers = [PartialThreadError(("r0",), 1, TransientError("X had a server error."))]
    post = world.outbox.create(career(world), "1/3 interview", thread=("2/3 questions", "3/3 answers"))
    world.poster.pre_send_check = None
    after = world.poster.send(post.id)
    assert after.remote_ids == ("r0",) and after.failed_part == 2
    with pytest.raises(TransitionError, match="already went out"):
        world.workflows.edit(post.id, ["1/3 interview, edited", "2/3 questions", "3/3 answers"])
    world.workflows.edit(post.id, ["1/3 interview", "2/3 better questions", "3/3 answers"])  # the rest may change
    world.outbox.update_if(post.id, None, state=PostState.FAILED.value)
    done = world.workflows.retry(post.id).post
    assert done.state is PostState.SENT and done.remote_ids == ("r0", "r1", "r2")
    assert net.calls[-1][1].already_sent == ("r0",)  # part 1 was not sent again
    assert net.calls[-1][1].parts[1] == "2/3 better questions"


def test_an_edit_made_while_the_send_time_check_ran_is_not_held_for_the_old_words(
        world: Services, net: ScriptedNetwork) -> None:
    """The guard's first check loads its model, seconds in which the user may fix the very words it objects to.
    The hold was recorded on the post as edited, naming the old words' reason ("Held: off-focus" on a post about
    interviews); what is decided about words that are gone is not recorded, and the new words are checked."""
    clock: FakeClock = world.clock  # type: ignore[assignment]
    post = PostSchedule(world.store, world.outbox, clock).create(career(world), OFF,
                                                                 when=clock.now() + timedelta(minutes=1)).post
    clock.advance(timedelta(minutes=1))
    check = world.poster.pre_send_check
    assert check is not None

    def slow_check(p: Post, persona: Persona) -> Sequence[object]:
        reasons = check(p, persona)
        if p.text == OFF:  # meanwhile the user fixed the words in the editor
            clock.advance(timedelta(seconds=1))
            world.workflows.edit(p.id, ["Five questions to ask at the end of every interview."])
        return reasons

    world.poster.pre_send_check = slow_check
    engine = ScheduleEngine(world)
    engine.run_due()
    after = world.outbox.get(post.id)
    assert (after.state, after.hold_kind, after.guard_reasons) == (PostState.SCHEDULED, None, ())
    assert net.calls == []
    engine.run_due()  # the next pass checks the new words, which fit: sent once
    assert world.outbox.get(post.id).state is PostState.SENT and len(net.calls) == 1
