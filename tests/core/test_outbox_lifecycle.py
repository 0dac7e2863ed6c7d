"""The post lifecycle in the database: only allowed moves happen, and a post is claimed for sending exactly once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from lease_helpers import dead_owner
from sqlalchemy import update

from personamgr.core import schema as s
from personamgr.core.clock import FakeClock
from personamgr.core.outbox import TRANSITIONS, Outbox, PostState, TransitionError
from personamgr.core.personas import Persona
from personamgr.core.store import Store


@pytest.fixture
def outbox(store: Store) -> Outbox:
    store.add_persona(Persona(name="career", description="jobs"))
    store.add_persona(Persona(name="metal", description="riffs"))
    return Outbox(store)


def force_state(store: Store, post_id: int, state: PostState) -> None:
    """Put a post into ``state`` behind the outbox's back, to test moves out of every state."""
    with store.begin() as con:
        con.execute(update(s.posts).where(s.posts.c.id == post_id).values(state=state.value))


def uid(store: Store, name: str) -> str:
    return store.persona(name).uid


ALL_MOVES = [(a, b) for a in PostState for b in PostState]


@pytest.mark.parametrize(("start", "to"), ALL_MOVES, ids=[f"{a.value}->{b.value}" for a, b in ALL_MOVES])
def test_every_move_is_allowed_or_refused_as_the_table_says(outbox: Outbox, start: PostState, to: PostState) -> None:
    post = outbox.create(uid(outbox.store, "career"), "hello")
    force_state(outbox.store, post.id, start)
    if to in TRANSITIONS[start]:
        assert outbox.transition(post.id, to).state is to
    else:
        with pytest.raises(TransitionError, match=f"is {start.word}; it cannot become {to.word}"):
            outbox.transition(post.id, to)
        assert outbox.get(post.id).state is start


def test_sent_is_final_and_draft_cannot_jump_to_sent() -> None:
    assert TRANSITIONS[PostState.SENT] == frozenset()
    assert PostState.SENT not in TRANSITIONS[PostState.DRAFT]
    assert PostState.SENT not in TRANSITIONS[PostState.SCHEDULED]


def test_expect_narrows_the_allowed_starting_states(outbox: Outbox) -> None:
    post = outbox.create(uid(outbox.store, "career"), "hello")
    with pytest.raises(TransitionError):
        outbox.transition(post.id, PostState.SENDING, expect=[PostState.SCHEDULED])
    assert outbox.transition(post.id, PostState.SENDING, expect=[PostState.DRAFT]).state is PostState.SENDING


def test_times_are_stored_as_utc_and_come_back_aware(outbox: Outbox) -> None:
    from zoneinfo import ZoneInfo

    when = FakeClock().now().astimezone(ZoneInfo("America/New_York")) + timedelta(days=1)
    post = outbox.create(uid(outbox.store, "career"), "later", state=PostState.SCHEDULED, scheduled_at=when)
    assert post.scheduled_at == when
    assert post.scheduled_at is not None and post.scheduled_at.utcoffset() == timedelta(0)


def test_claim_takes_a_post_once_and_counts_the_attempt(outbox: Outbox) -> None:
    post = outbox.create(uid(outbox.store, "career"), "hello")
    first = outbox.claim(post.id)
    assert first is not None and first.state is PostState.SENDING and first.attempts == 1
    assert outbox.claim(post.id) is None


def test_claim_is_atomic_across_threads(outbox: Outbox) -> None:
    posts = [outbox.create(uid(outbox.store, "career"), f"post {i}") for i in range(5)]
    n_threads = 12
    barrier = threading.Barrier(n_threads)
    wins: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(k: int) -> None:
        try:
            barrier.wait()
            for p in posts:
                if outbox.claim(p.id) is not None:
                    with lock:
                        wins.append((p.id, k))
        except BaseException as e:  # surfaced below: a thread's exception must fail the test
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(pid for pid, _ in wins) == sorted(p.id for p in posts)
    assert all(outbox.get(p.id).attempts == 1 for p in posts)


CLAIMER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from personamgr.core.outbox import Outbox
    from personamgr.core.store import Store

    db, go, ids = Path(sys.argv[1]), Path(sys.argv[2]), [int(x) for x in sys.argv[3].split(",")]
    store = Store.open(db)
    outbox = Outbox(store)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    won = [i for i in ids if outbox.claim(i) is not None]
    print(",".join(map(str, won)), flush=True)
    store.close()
    """
)


def test_claim_is_atomic_across_processes(tmp_path: Path, clock: FakeClock) -> None:
    db = tmp_path / "shared.db"
    store = Store.open(db, clock=clock)
    store.add_persona(Persona(name="career", description="jobs"))
    ob = Outbox(store)
    ids = [ob.create(uid(store, "career"), f"post {i}").id for i in range(40)]
    go = tmp_path / "go"
    procs = [
        subprocess.Popen([sys.executable, "-c", CLAIMER, str(db), str(go), ",".join(map(str, ids))],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        for p in procs:
            assert p.stdout is not None
            assert p.stdout.readline().strip() == "ready"
        go.touch()
        outs = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    won = [[int(x) for x in out.strip().split(",") if x] for out, _ in outs]
    assert not set(won[0]) & set(won[1]), "a post was claimed by both processes"
    assert sorted(won[0] + won[1]) == ids
    assert all(ob.get(i).state is PostState.SENDING and ob.get(i).attempts == 1 for i in ids)
    store.close()


def test_recover_interrupted_turns_sending_into_needs_review(outbox: Outbox) -> None:
    career = uid(outbox.store, "career")
    stuck = outbox.create(career, "was sending")
    outbox.claim(stuck.id, owner=dead_owner())  # ... and its sender was killed
    draft = outbox.create(career, "a draft")
    sent = outbox.create(career, "went out")
    force_state(outbox.store, sent.id, PostState.SENT)
    recovered = outbox.recover_interrupted()
    assert [p.id for p in recovered] == [stuck.id]
    after = outbox.get(stuck.id)
    assert after.state is PostState.NEEDS_REVIEW
    assert after.error is not None and "may or may not have gone out" in after.error
    # "The process sending this post (pid 4242) stopped": a user does not know what a pid is (the log keeps it)
    assert after.error.startswith("The app stopped while this post was being sent.") and "pid" not in after.error
    assert outbox.get(draft.id).state is PostState.DRAFT
    assert outbox.get(sent.id).state is PostState.SENT
    assert outbox.recover_interrupted() == []


def test_edit_and_move_only_before_the_post_goes_out(outbox: Outbox) -> None:
    career, metal = uid(outbox.store, "career"), uid(outbox.store, "metal")
    post = outbox.create(career, "draft")
    assert outbox.edit(post.id, "better draft", thread=("part 2",)).parts == ("better draft", "part 2")
    moved = outbox.move(post.id, metal)
    assert (moved.persona_name, moved.persona_uid) == ("metal", metal)
    for state in (PostState.SENDING, PostState.SENT):
        force_state(outbox.store, post.id, state)
        with pytest.raises(TransitionError, match="can no longer be edited"):
            outbox.edit(post.id, "changed")
        with pytest.raises(TransitionError, match="can no longer be moved"):
            outbox.move(post.id, career)
    assert outbox.get(post.id).text == "better draft"


def test_history_recent_texts_and_counts(outbox: Outbox, clock: FakeClock) -> None:
    career, metal = uid(outbox.store, "career"), uid(outbox.store, "metal")
    ids = []
    for i, who in enumerate((career, metal, career)):
        clock.advance(60)
        p = outbox.create(who, f"text {i}")
        ids.append(p.id)
        outbox.claim(p.id)
        outbox.transition(p.id, PostState.SENT, sent_at=clock.now(), remote_id=str(i))
    outbox.create(career, "still a draft")
    assert [p.text for p in outbox.history(career)] == ["still a draft", "text 2", "text 0"]
    assert outbox.recent_texts() == {"career": ["text 2", "text 0"], "metal": ["text 1"]}
    assert outbox.recent_texts(limit_per_persona=1) == {"career": ["text 2"], "metal": ["text 1"]}
    assert outbox.counts([PostState.SENT]) == 3
    assert [p.text for p in outbox.in_states([PostState.DRAFT])] == ["still a draft"]


def test_deleting_a_persona_deletes_its_posts(outbox: Outbox) -> None:
    career = uid(outbox.store, "career")
    p = outbox.create(career, "bye")
    outbox.store.delete_persona(career)
    with pytest.raises(LookupError):
        outbox.get(p.id)


def test_post_anyway_survives_a_typo_fix_but_not_a_rewrite(services) -> None:
    """The override was for the words the user saw: small edits keep it, a rewrite asks the guard again."""
    from personamgr.core.personas import Persona

    services.store.add_persona(Persona(name="writer", description="books"))
    uid = services.store.persona("writer").uid
    post = services.outbox.create(uid, "My new novel is out next week, preorder now")
    services.outbox.remember_override(post.id, ["It does not look like writer's focus."])
    kept = services.outbox.edit(post.id, "My new novel is out next week, pre-order now!")
    assert kept.guard_override and kept.guard_reasons
    rewritten = services.outbox.edit(post.id, "Ten things I learned about mortgages this year")
    assert not rewritten.guard_override and rewritten.guard_reasons == ()


def test_the_history_searched_finds_words_in_any_part_or_the_persona_and_takes_wildcards_literally(
        outbox: Outbox) -> None:
    """What the history's Ctrl+F reads past the newest posts listed: ``%`` and ``_`` typed are the characters,
    not SQL's wildcards (a search for "50%" must not list every post with a 50 in it)."""
    career, metal = uid(outbox.store, "career"), uid(outbox.store, "metal")
    first = outbox.create(career, "Hiring is up 50% this spring", state=PostState.SENT)
    outbox.create(career, "Hiring is up 50 points", state=PostState.SENT)
    thread = outbox.create(career, "A thread", thread=["Part two names the_interview_trick"], state=PostState.SENT)
    riff = outbox.create(metal, "New strings", state=PostState.SENT)
    assert [p.id for p in outbox.history(containing="50%")] == [first.id]
    assert [p.id for p in outbox.history(containing="THE_INTERVIEW")] == [thread.id]  # a later part, any case
    assert [p.id for p in outbox.history(containing="the%interview")] == []
    assert [p.id for p in outbox.history(containing="metal")] == [riff.id]  # the persona's name
    assert len(outbox.history(containing="  ")) == 4  # nothing to search for: the newest posts


@pytest.mark.parametrize(("written", "searched"), [
    ("Plantamos un árbol en la plaza", "ÁRBOL"),
    ("Die Straße ist gesperrt", "STRASSE"),
    ("Η ΟΔΟΣ είναι κλειστή", "οδος"),
], ids=["spanish", "german", "greek"])
def test_the_history_searched_folds_case_in_every_script_as_the_listed_filter_does(
        outbox: Outbox, written: str, searched: str) -> None:
    """SQLite's LIKE folds ASCII only: "ÁRBOL" did not find "árbol", nor "STRASSE" "Straße", though the history's
    filter of the posts listed (``str.casefold``) found them; a search must not depend on how old the post is. A
    later part of a thread is searched as its words, not as the JSON it is stored in."""
    career = uid(outbox.store, "career")
    first = outbox.create(career, written, state=PostState.SENT)
    thread = outbox.create(career, "A thread", thread=[f"Part two: {written}"], state=PostState.SENT)
    outbox.create(career, "Nothing to see", state=PostState.SENT)
    assert searched.casefold() in written.casefold()
    assert {p.id for p in outbox.history(containing=searched)} == {first.id, thread.id}
