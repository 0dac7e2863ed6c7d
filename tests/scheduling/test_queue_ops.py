"""Schedule, queue, reorder, edit, unschedule, pause: the actions the window and the CLI share."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sched_helpers import at, make_persona

from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.scheduling import PostSchedule, SchedulingError
from personamgr.core.services import Services


@pytest.fixture
def monday(services: Services) -> None:
    services.clock.set(at(2026, 3, 2, 12))  # type: ignore[attr-defined]  # Mon 07:00 EST


@pytest.mark.usefixtures("monday")
def test_reorder_moves_posts_between_the_same_times(schedule: PostSchedule, persona: Persona) -> None:
    ids = [schedule.create(persona.uid, t).post.id for t in ("a", "b", "c")]
    times = [p.scheduled_at for p in schedule.scheduled(persona.uid)]
    schedule.reorder(persona.uid, [ids[2], ids[0], ids[1]])
    after = schedule.scheduled(persona.uid)
    assert [p.text for p in after] == ["c", "a", "b"]
    assert [p.scheduled_at for p in after] == times
    schedule.move(ids[1], -1)
    assert [p.text for p in schedule.scheduled(persona.uid)] == ["c", "b", "a"]


@pytest.mark.usefixtures("monday")
def test_reorder_with_a_stale_list_is_refused(schedule: PostSchedule, persona: Persona) -> None:
    ids = [schedule.create(persona.uid, t).post.id for t in ("a", "b")]
    with pytest.raises(SchedulingError, match="changed"):
        schedule.reorder(persona.uid, [ids[0]])


@pytest.mark.usefixtures("monday")
def test_reorder_is_all_or_nothing_when_a_post_starts_sending(services: Services, schedule: PostSchedule,
                                                              persona: Persona, monkeypatch: pytest.MonkeyPatch,
                                                              ) -> None:
    ids = [schedule.create(persona.uid, t).post.id for t in ("a", "b")]
    before = services.outbox.get(ids[0]).scheduled_at
    read_queue = schedule.scheduled

    def read_then_a_sender_claims(uid: str | None = None) -> list:  # type: ignore[type-arg]
        queue = read_queue(uid)
        services.outbox.claim(ids[0])  # the scheduler takes post "a" between the read and the writes
        return queue

    monkeypatch.setattr(schedule, "scheduled", read_then_a_sender_claims)
    with pytest.raises(SchedulingError, match="started sending"):
        schedule.reorder(persona.uid, [ids[1], ids[0]])
    assert services.outbox.get(ids[1]).scheduled_at != before  # b kept its own time: nothing was changed
    assert services.outbox.get(ids[0]).scheduled_at == before


@pytest.mark.usefixtures("monday")
def test_schedule_in_the_past_is_refused_and_the_words_kept(services: Services, schedule: PostSchedule,
                                                            persona: Persona) -> None:
    with pytest.raises(SchedulingError, match=r"in the past.*kept as draft #(\d+)") as err:
        schedule.create(persona.uid, "too late", when=services.clock.now() - timedelta(hours=1))
    draft_id = int(str(err.value).rsplit("#", 1)[1].rstrip("."))
    assert services.outbox.get(draft_id).state is PostState.DRAFT
    assert services.outbox.get(draft_id).text == "too late"


@pytest.mark.usefixtures("monday")
def test_queue_without_slots_is_refused_with_the_way_out(services: Services, schedule: PostSchedule) -> None:
    p = services.store.add_persona(make_persona("noslots", slots=()))
    with pytest.raises(SchedulingError, match="no queue slots; add some"):
        schedule.create(p.uid, "x")


@pytest.mark.usefixtures("monday")
def test_unschedule_keeps_a_draft_and_edit_keeps_the_time(services: Services, schedule: PostSchedule,
                                                          persona: Persona) -> None:
    s = schedule.create(persona.uid, "first words")
    edited = schedule.edit(s.post.id, "better words")
    assert edited.text == "better words" and edited.scheduled_at == s.when
    draft = schedule.unschedule(s.post.id)
    assert (draft.state, draft.text, draft.scheduled_at) == (PostState.DRAFT, "better words", None)
    again = schedule.add_to_queue(s.post.id)
    assert again.post.state is PostState.SCHEDULED and again.when == s.when


@pytest.mark.usefixtures("monday")
def test_a_post_being_sent_cannot_be_moved_or_edited(services: Services, schedule: PostSchedule,
                                                     persona: Persona) -> None:
    s = schedule.create(persona.uid, "going out")
    services.outbox.claim(s.post.id)
    for action in (lambda: schedule.unschedule(s.post.id), lambda: schedule.edit(s.post.id, "x"),
                   lambda: schedule.schedule_at(s.post.id, s.when + timedelta(days=1))):
        with pytest.raises(SchedulingError, match="being sent right now"):
            action()


@pytest.mark.usefixtures("monday")
def test_next_up_skips_paused_personas(services: Services, schedule: PostSchedule, persona: Persona) -> None:
    other = services.store.add_persona(make_persona("metal", tz="Europe/Berlin"))
    first = schedule.create(persona.uid, "career first", when=services.clock.now() + timedelta(hours=1)).post
    second = schedule.create(other.uid, "metal second", when=services.clock.now() + timedelta(hours=2)).post
    assert schedule.next_up() == first
    schedule.set_paused(persona.uid, True)
    assert schedule.next_up() == second
    schedule.set_paused_all(True)
    assert schedule.next_up() is None


@pytest.mark.usefixtures("monday")
@pytest.mark.parametrize("state", [PostState.NEEDS_REVIEW, PostState.SENDING, PostState.SENT])
def test_the_state_a_user_saw_never_opens_a_state_that_cannot_be_rescheduled(
        services: Services, schedule: PostSchedule, persona: Persona, state: PostState) -> None:
    """``seen`` narrows what may be rescheduled to the state the user chose from; it must not widen it: a post
    that may already be out (needs review), or that is out, is never given a time by passing its own state."""
    post = services.outbox.create(persona.uid, "Five questions to ask at the end of every interview")
    assert services.outbox.update_if(post.id, None, state=state.value)
    with pytest.raises(SchedulingError):
        schedule.schedule_at(post.id, services.clock.now() + timedelta(days=1), seen=state)
    assert services.outbox.get(post.id).state is state
