"""Every post state × every action, through the core operation the window and the CLI call for it.

``actions_for`` decides what the menus, the inbox and ``personamgr posts show`` offer. An offered action must
work; and where a state's meaning forbids everything else (in flight, out, or perhaps out), core itself refuses
what is not offered, so no button, editor or command reaching the same operation can make the state a lie: a
post that may already be on the timeline is sent again only by "Send again", and never quietly becomes a draft,
a scheduled post or another persona's post.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from lease_helpers import dead_owner
from posting_helpers import ScriptedNetwork

from personamgr.core.clock import FakeClock
from personamgr.core.holds import HoldKind
from personamgr.core.outbox import UNTIL_SENT, Post, PostState, TransitionError
from personamgr.core.personas import DEFAULT_SLOTS, Persona
from personamgr.core.post_workflows import Action, actions_for, uncertain_part
from personamgr.core.scheduling import PostSchedule, SchedulingError
from personamgr.core.services import Services

# (state, hold kind) per case; "thread" is a failed thread with part 1 out; "held_thread" a thread of 3 with part 1
# out whose rest the guard held before it was sent; "review_thread" a thread of 3 that needs review with part 1
# recorded out (part 2 in doubt, part 3 never sent); "locked" a scheduled post whose send was cut short, sent again by
# itself only as it is (Outbox.UNTIL_SENT).
CASES: dict[str, tuple[PostState, HoldKind | None]] = {
    "draft": (PostState.DRAFT, None), "scheduled": (PostState.SCHEDULED, None),
    "sending": (PostState.SENDING, None), "sent": (PostState.SENT, None), "failed": (PostState.FAILED, None),
    "thread": (PostState.FAILED, None), "held": (PostState.HELD, HoldKind.OFF_FOCUS),
    "missed": (PostState.HELD, HoldKind.MISSED), "x_rules": (PostState.HELD, HoldKind.X_RULES),
    "over_limit": (PostState.HELD, HoldKind.MONTHLY_LIMIT), "held_thread": (PostState.HELD, HoldKind.OFF_FOCUS),
    "needs_review": (PostState.NEEDS_REVIEW, None), "review_thread": (PostState.NEEDS_REVIEW, None),
    "locked": (PostState.SCHEDULED, None),
}
PART_OUT = ("thread", "held_thread", "sent", "review_thread")  # cases with part 1 recorded out
# States whose meaning allows nothing but what they offer: in flight, out, or perhaps out.
STRICT = ("sending", "sent", "needs_review", "review_thread")


def _sample(case: str) -> Post:
    """A post of ``case`` in memory, to read what it offers when the tests are collected."""
    state, kind = CASES[case]
    now = datetime(2026, 1, 5, tzinfo=UTC)
    return Post(id=0, persona_uid="", persona_name="", state=state, text="", created_at=now, updated_at=now,
                hold_kind=kind, remote_ids=("r0",) if case in PART_OUT else (),
                repeat_safe_until=UNTIL_SENT if case == "locked" else None)


REFUSED = [(case, action) for case in STRICT for action in Action if action not in actions_for(_sample(case))]
# A post sent again only as it is may be sent, rescheduled or kept as a draft, never changed or forgotten.
REFUSED += [("locked", action) for action in (Action.EDIT, Action.MOVE, Action.DELETE)]

Operation = Callable[[Services, Post], object]


def _operations(metal: str) -> dict[Action, Operation]:
    """The core call behind each action, from the state the user saw (as the window and the CLI make it)."""

    def schedule(s: Services) -> PostSchedule:
        return PostSchedule(s.store, s.outbox, s.clock)

    return {
        Action.RETRY: lambda s, p: s.workflows.send(p.id, Action.RETRY, seen=p.state),
        Action.SEND_NOW: lambda s, p: s.workflows.send(p.id, Action.SEND_NOW, seen=p.state),
        Action.SEND_AGAIN: lambda s, p: s.workflows.send(p.id, Action.SEND_AGAIN, seen=p.state),
        Action.POST_ANYWAY: lambda s, p: s.workflows.send(p.id, Action.POST_ANYWAY, seen=p.state),
        # A thread in doubt needs the user's answer about its uncertain part; "not there" leaves it unsent.
        Action.MARK_SENT: lambda s, p: s.workflows.mark_sent(p.id, part_out=False if uncertain_part(p) else None),
        Action.MOVE: lambda s, p: s.workflows.move(p.id, metal),
        Action.EDIT: lambda s, p: s.workflows.edit(p.id, [*p.parts[:len(p.remote_ids)], "new words"][:len(p.parts)]),
        Action.RESCHEDULE: lambda s, p: schedule(s).schedule_at(p.id, s.clock.now() + timedelta(hours=1)),
        Action.NEXT_SLOT: lambda s, p: schedule(s).add_to_queue(p.id),
        Action.UNSCHEDULE: lambda s, p: schedule(s).unschedule(p.id),
        Action.STOP: lambda s, p: s.workflows.stop(p.id, seen=p.state),
        Action.DELETE: lambda s, p: s.workflows.delete(p.id, seen=p.state),
    }


def _make(services: Services, case: str) -> Post:
    state, kind = CASES[case]
    clock: FakeClock = services.clock  # type: ignore[assignment]
    uid = services.store.persona("career").uid
    thread = {"thread": ("part two",), "review_thread": ("part two", "part three"),
              "held_thread": ("part two", "part three")}.get(case, ())
    post = services.outbox.create(uid, f"a {case} post", thread=thread, scheduled_at=clock.now() + timedelta(hours=2))
    values: dict[str, object] = {"state": state.value, "hold_kind": kind.value if kind else None}
    if case in ("thread", "held_thread", "review_thread"):
        values.update(remote_ids=["r0"], network="scripted")
    if case == "sent":
        values.update(remote_ids=["r0"], remote_id="r0", network="scripted", sent_at=clock.now())
    if case == "locked":
        values.update(repeat_safe_until=UNTIL_SENT, next_attempt_at=clock.now() + timedelta(minutes=1))
    services.outbox.update_if(post.id, None, **values)
    return services.outbox.get(post.id)


@pytest.fixture
def world(services: Services, net: ScriptedNetwork) -> Services:
    career = services.store.persona("career")
    services.store.update_persona(career.with_changes(queue_slots=DEFAULT_SLOTS))
    services.store.add_persona(Persona(name="metal", description="riffs", network="scripted"))
    return services


@pytest.mark.parametrize("case", CASES)
def test_every_action_offered_for_a_state_works(world: Services, case: str) -> None:
    offered = actions_for(_make(world, case), world.clock.now())
    assert offered or case in ("sending", "sent")
    for action in offered:  # each on a post of its own, as the user would find it
        post = _make(world, case)
        _operations(world.store.persona("metal").uid)[action](world, post)  # raises if core refuses it


@pytest.mark.parametrize(("case", "action"), REFUSED, ids=[f"{c}-{a.value}" for c, a in REFUSED])
def test_a_state_that_allows_only_what_it_offers_refuses_the_rest(world: Services, net: ScriptedNetwork,
                                                                   case: str, action: Action) -> None:
    post = _make(world, case)
    try:
        _operations(world.store.persona("metal").uid)[action](world, post)
    except (TransitionError, SchedulingError):
        pass
    after = world.outbox.get(post.id)  # a refused delete leaves the post where it was
    assert (after.state, after.persona_uid, after.updated_at) == (post.state, post.persona_uid, post.updated_at), \
        f"{action.value} is not offered for a {case} post, yet core changed it to {after.state.value}"
    assert net.calls == [], f"{action.value} is not offered for a {case} post, yet core sent it"


def test_needs_review_refusals_say_why_and_what_to_do(world: Services, net: ScriptedNetwork) -> None:
    """The refusal names the state's meaning and the two true ways out, as the CLI prints it."""
    post = _make(world, "needs_review")
    metal = world.store.persona("metal").uid
    for action in (Action.SEND_NOW, Action.RETRY, Action.MOVE, Action.RESCHEDULE, Action.UNSCHEDULE):
        with pytest.raises((TransitionError, SchedulingError), match="may already have gone out") as e:
            _operations(metal)[action](world, post)
        assert "mark it sent or send it again" in str(e.value)
    assert net.calls == []


# What "mark as sent" says to each post that does not wait for review: what of it is out, and why the rest is not.
MARK_REFUSED = {
    "draft": "it has not been sent yet (it is draft)",
    "scheduled": "it has not been sent yet (it is scheduled)",
    "sending": "it is being sent now, and what goes out is recorded as it goes",
    "sent": "it is recorded as sent already",
    "failed": "its send failed, so it did not go out",
    "thread": "only part 1 of 2 went out, and it is recorded as out; the rest did not go out (its send failed)",
    **dict.fromkeys(("held", "missed", "x_rules", "over_limit"), "it never went out (it was held before sending)"),
    "held_thread": "only part 1 of 3 went out, and it is recorded as out; the rest was held before it was sent, so it "
                   "never went out",
    "locked": "while it is scheduled: its last send was cut short, so it may already be out, but it was not put up "
              "for review",
}


@pytest.mark.parametrize("case", MARK_REFUSED)
def test_mark_sent_refused_says_what_of_the_post_went_out(world: Services, net: ScriptedNetwork, case: str) -> None:
    """A thread whose part 1 went out and whose rest was held was told "it never went out"."""
    post = _make(world, case)
    with pytest.raises(TransitionError) as e:
        world.workflows.mark_sent(post.id)
    assert str(e.value) == f"post {post.id} cannot be marked as sent{'' if case == 'locked' else ':'} " \
        f"{MARK_REFUSED[case]}", case
    assert world.outbox.get(post.id).updated_at == post.updated_at and net.calls == []


def test_a_thread_in_doubt_is_refused_with_the_way_out_it_offers(world: Services, net: ScriptedNetwork) -> None:
    """A thread in doubt was refused with "check the account, then mark it sent or send it again", as a single
    post is: a thread offers no "mark it sent", but "Mark what went out…" about its one part in doubt."""
    post = _make(world, "review_thread")
    metal = world.store.persona("metal").uid
    for action in (Action.SEND_NOW, Action.RETRY, Action.MOVE, Action.RESCHEDULE, Action.UNSCHEDULE):
        with pytest.raises((TransitionError, SchedulingError)) as e:
            _operations(metal)[action](world, post)
        assert str(e.value) == (f"part 2 of 3 of post {post.id} may already have gone out (it needs review), so the "
                                "post stays as it is: check the account for part 2, then mark what went out or send "
                                "it again from there"), action
    assert net.calls == []


def test_a_thread_in_doubt_offers_what_is_true_and_marking_it_keeps_the_rest_unsent(world: Services) -> None:
    """Mark what went out, Send again (from the part in doubt) and Edit (the parts not out); no Delete (part 1 is
    public). Answered "not there", it is not sent: Retry from part 2, Edit, Stop here."""
    post = _make(world, "review_thread")
    assert actions_for(post) == (Action.MARK_SENT, Action.SEND_AGAIN, Action.EDIT)
    marked = world.workflows.mark_sent(post.id, part_out=False)
    assert (marked.state, marked.remote_ids, marked.failed_part) == (PostState.FAILED, ("r0",), 2)
    assert actions_for(marked) == (Action.RETRY, Action.EDIT, Action.STOP)


def test_a_post_sent_again_only_as_it_is_offers_no_edit_move_or_delete(world: Services, net: ScriptedNetwork) -> None:
    """Its last send was cut short and it is sent again by itself exactly as it was: Edit and Move were offered and
    then refused, and Delete was done, forgetting a post that may be (or will be) on the network."""
    post = _make(world, "locked")
    now = world.clock.now()
    assert actions_for(post, now) == (Action.RESCHEDULE, Action.UNSCHEDULE, Action.SEND_NOW)
    with pytest.raises(TransitionError, match=f"post {post.id} cannot be deleted until it is sent: its last send was "
                                              "cut short, so it may be on"):
        world.workflows.delete(post.id, seen=post.state)
    assert world.outbox.get(post.id).state is PostState.SCHEDULED
    assert net.calls == []


def test_a_post_in_its_repeat_window_is_locked_until_the_window_ends(world: Services) -> None:
    """Mastodon's Idempotency-Key: changed inside its window, the post would be a second status; after it, the post
    waits for review before anything is sent, so it may change again."""
    post = _make(world, "scheduled")
    until = world.clock.now() + timedelta(minutes=30)
    world.outbox.update_if(post.id, None, repeat_safe_until=until)
    post = world.outbox.get(post.id)
    assert Action.DELETE not in actions_for(post, world.clock.now())
    with pytest.raises(TransitionError, match=f"post {post.id} cannot be deleted until {until:%H:%M} UTC"):
        world.workflows.delete(post.id)
    assert Action.DELETE in actions_for(post, until)


# After a switch: career posted as @career_me (acct-old), then was connected to @jobs_desk (acct-new). Each case is
# made as the user would come to it: the post as it was before, then the switch (Store.link_persona, with the
# reviews it puts up in its own transaction).
SWITCHED = {
    "sent_as_before": "a post sent as @career_me",
    "review_as_before": "cut short as @career_me, waiting for review after the switch",
    "thread_as_before": "a thread with part 1 out as @career_me, part 2 failed",
    "held_then_switched": "held by the guard, never sent, then the switch",
    "held_in_doubt": "cut short as @career_me, then held by the guard's last check, then the switch",
}


def _switched(services: Services, case: str) -> Post:
    clock: FakeClock = services.clock  # type: ignore[assignment]
    career = services.store.persona("career")
    services.store.set_connection_state(career.uid, "ok", "acct-old")
    thread = ("part two",) if case == "thread_as_before" else ()
    post = services.outbox.create(career.uid, f"a {case} post", thread=thread,
                                  scheduled_at=clock.now() + timedelta(hours=2))
    went = {"sent_as": "@career_me", "sent_as_id": "acct-old", "network": "scripted"}
    values: dict[str, object] = {
        "sent_as_before": {"state": "sent", "remote_ids": ["r0"], "remote_id": "r0", "sent_at": clock.now(), **went},
        "review_as_before": {"state": "sending", "attempts": 1, **went},
        "thread_as_before": {"state": "failed", "remote_ids": ["r0"], "attempts": 1, **went},
        "held_then_switched": {"state": "held", "hold_kind": HoldKind.OFF_FOCUS.value},
        "held_in_doubt": {"state": "held", "hold_kind": HoldKind.OFF_FOCUS.value, "attempts": 1,
                          "repeat_safe_until": clock.now() + timedelta(minutes=30), **went},
    }[case]
    if case == "review_as_before":  # its sender stopped mid-send: it waits for review as @career_me
        values["lease_owner"] = dead_owner()
    services.outbox.update_if(post.id, None, **values)
    if case == "review_as_before":
        [recovered] = services.outbox.recover_abandoned()
        assert recovered.state is PostState.NEEDS_REVIEW, recovered.note
    now = career.with_changes(handle="@jobs_desk")
    services.store.link_persona(now, "acct-new", then=lambda con: services.outbox.review_after_switch(
        career.uid, "@career_me", "@jobs_desk", con=con))
    return services.outbox.get(post.id)


@pytest.mark.parametrize("case", SWITCHED)
def test_after_a_switch_every_action_offered_works(world: Services, case: str) -> None:
    offered = actions_for(_switched(world, case), world.clock.now())
    for action in offered:
        post = _switched(world, case)
        _operations(world.store.persona("metal").uid)[action](world, post)


EXPECTED = {
    "sent_as_before": (PostState.SENT, ()),
    "review_as_before": (PostState.NEEDS_REVIEW, (Action.MARK_SENT, Action.SEND_AGAIN, Action.EDIT, Action.DELETE)),
    "thread_as_before": (PostState.FAILED, (Action.EDIT, Action.STOP)),  # its rest would reply from @jobs_desk
    "held_then_switched": (PostState.HELD, (Action.EDIT, Action.MOVE, Action.POST_ANYWAY, Action.UNSCHEDULE,
                                            Action.DELETE)),
    "held_in_doubt": (PostState.NEEDS_REVIEW, (Action.MARK_SENT, Action.SEND_AGAIN, Action.EDIT, Action.DELETE)),
}


@pytest.mark.parametrize("case", SWITCHED)
def test_after_a_switch_each_state_offers_what_is_true_of_it(world: Services, case: str) -> None:
    post = _switched(world, case)
    assert (post.state, actions_for(post, world.clock.now())) == EXPECTED[case], (case, post.note)
    if case != "held_then_switched":
        assert post.other_account == "@career_me", case
    if post.state is not PostState.HELD:  # not held any more: no hold left to say (``posts list --json``'s "hold")
        assert (post.hold_kind, post.status) == (None, post.state.label), case


@pytest.mark.parametrize("case", [c for c in SWITCHED if EXPECTED[c][0] in (PostState.SENT, PostState.NEEDS_REVIEW)])
def test_after_a_switch_what_is_not_offered_is_refused(world: Services, net: ScriptedNetwork, case: str) -> None:
    for action in Action:
        post = _switched(world, case)
        if action in actions_for(post, world.clock.now()):
            continue
        try:
            _operations(world.store.persona("metal").uid)[action](world, post)
        except (TransitionError, SchedulingError):
            pass
        after = world.outbox.get(post.id)
        assert (after.state, after.persona_uid, after.updated_at) == (post.state, post.persona_uid, post.updated_at), \
            f"{action.value} is not offered for a {case} post, yet core changed it to {after.state.value}"
    assert net.calls == []


@pytest.mark.parametrize("case", ["review_as_before", "held_in_doubt"])
def test_after_a_switch_the_review_and_send_again_name_both_accounts(world: Services, case: str) -> None:
    from personamgr.core.posting import resend_note

    post = _switched(world, case)
    if case == "held_in_doubt":  # put up for review by the switch: it says which account it may be on
        assert "@career_me" in (post.note or ""), post.note
    safe, words = resend_note("scripted", "It went out: mark as sent", post)
    assert not safe
    assert words.startswith("Sent again, it goes out as @jobs_desk, the account career posts as now, not as "
                            "@career_me;"), words
