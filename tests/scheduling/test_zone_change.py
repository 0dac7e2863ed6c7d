"""A persona's new time zone and its scheduled posts: they keep the moment they go out, or, on request, their clock
time (one conditional write per post; a post being sent, or whose clock time has passed, keeps its moment)."""

from __future__ import annotations

from sched_helpers import NY, at, make_persona

from personamgr.core.outbox import PostState
from personamgr.core.scheduling import PostSchedule
from personamgr.core.scheduling.zone_change import after_zone_change
from personamgr.core.services import Services

LA = "America/Los_Angeles"
TOKYO = "Asia/Tokyo"


def test_keeping_the_clock_times_moves_each_post_and_leaves_one_being_sent(services: Services) -> None:
    services.clock.set(at(2026, 12, 1, 13))  # 08:00 in New York
    before = services.store.add_persona(make_persona(tz=NY))
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    first = schedule.create(before.uid, "Five questions to ask", when=at(2026, 12, 2, 14)).post  # 09:00 NY
    second = schedule.create(before.uid, "Hiring managers read a resume", when=at(2026, 12, 3, 14)).post
    sending = schedule.create(before.uid, "Follow up a week later", when=at(2026, 12, 4, 14)).post
    services.outbox.claim(sending.id)  # the scheduler takes it as the zone changes
    after = services.store.update_persona(before.with_changes(timezone=LA))
    said = after_zone_change(schedule, before, after, keep_clock=True)
    assert said == ("2 scheduled posts moved to keep their clock time in America/Los_Angeles: Wed 02 Dec 2026 09:00 "
                    "EST is now Wed 02 Dec 2026 09:00 PST.")
    assert services.outbox.get(first.id).scheduled_at == at(2026, 12, 2, 17)  # 09:00 in Los Angeles
    assert services.outbox.get(second.id).scheduled_at == at(2026, 12, 3, 17)
    assert services.outbox.get(sending.id).state is PostState.SENDING
    assert services.outbox.get(sending.id).scheduled_at == at(2026, 12, 4, 14)


def test_a_clock_time_that_has_passed_in_the_new_zone_keeps_its_moment(services: Services) -> None:
    services.clock.set(at(2026, 12, 1, 13))  # 08:00 in New York, 22:00 in Tokyo
    before = services.store.add_persona(make_persona(tz=NY))
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    soon = schedule.create(before.uid, "Five questions to ask", when=at(2026, 12, 1, 14)).post  # 09:00 NY
    after = services.store.update_persona(before.with_changes(timezone=TOKYO))
    said = after_zone_change(schedule, before, after, keep_clock=True)
    assert said == ("1 scheduled post kept the moment it goes out: it was being sent, or its clock time in Asia/Tokyo "
                    "has already passed.")
    assert services.outbox.get(soon.id).scheduled_at == at(2026, 12, 1, 14)
    # Without the request, nothing moves and the note says how the posts read now.
    assert after_zone_change(schedule, after, before, keep_clock=False).startswith(
        "1 scheduled post keeps the moment it goes out, so its time now reads in America/New_York")


def test_the_clock_times_can_still_be_kept_after_the_zone_changed(services: Services) -> None:
    """A zone changed without "keep the clock times" (the editor's box left empty, `personas import` without
    --keep-clock-times) left no way to ask for it afterwards: the old zone was gone, and the editor offered the
    box only while the zone differed from the saved one. The posts that kept their moment are remembered with the
    zone their clock time was chosen in; a later request moves those, and only those still where the change left
    them (not a post scheduled, or rescheduled, in the new zone)."""
    from personamgr.core.scheduling.zone_change import clock_times_left

    services.clock.set(at(2026, 12, 1, 13))  # 08:00 in New York
    before = services.store.add_persona(make_persona(tz=NY))
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    first = schedule.create(before.uid, "Five questions to ask", when=at(2026, 12, 2, 14)).post  # 09:00 NY
    moved = schedule.create(before.uid, "Hiring managers read a resume", when=at(2026, 12, 3, 14)).post
    assert clock_times_left(schedule, before) is None  # no zone change yet: nothing to offer
    after = services.store.update_persona(before.with_changes(timezone=LA))
    assert after_zone_change(schedule, before, after).startswith("2 scheduled posts keep the moment they go out")
    schedule.schedule_at(moved.id, schedule_in(after, 2026, 12, 3, 10))  # the user picks 10:00 LA for this one
    new = schedule.create(after.uid, "Chosen in Los Angeles", when=at(2026, 12, 4, 17)).post  # 09:00 LA
    left = clock_times_left(schedule, after)
    assert left is not None and (left.count, left.zone) == (1, NY)
    said = after_zone_change(schedule, after, after, keep_clock=True)  # the same zone, saved again with the box
    assert said == ("1 scheduled post moved to keep its clock time in America/Los_Angeles: Wed 02 Dec 2026 09:00 "
                    "EST is now Wed 02 Dec 2026 09:00 PST.")
    assert services.outbox.get(first.id).scheduled_at == at(2026, 12, 2, 17)  # 09:00 in Los Angeles
    assert services.outbox.get(moved.id).scheduled_at == at(2026, 12, 3, 18)  # as the user rescheduled it
    assert services.outbox.get(new.id).scheduled_at == at(2026, 12, 4, 17)
    assert clock_times_left(schedule, after) is None  # done: nothing more to offer
    assert after_zone_change(schedule, after, after, keep_clock=True) is None


def test_two_zone_changes_keep_the_clock_time_the_post_was_scheduled_at(services: Services) -> None:
    from personamgr.core.scheduling.zone_change import clock_times_left

    services.clock.set(at(2026, 12, 1, 13))
    ny = services.store.add_persona(make_persona(tz=NY))
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    post = schedule.create(ny.uid, "Five questions to ask", when=at(2026, 12, 2, 14)).post  # 09:00 NY
    la = services.store.update_persona(ny.with_changes(timezone=LA))
    after_zone_change(schedule, ny, la)
    tokyo = services.store.update_persona(la.with_changes(timezone=TOKYO))
    after_zone_change(schedule, la, tokyo)
    left = clock_times_left(schedule, tokyo)
    assert left is not None and (left.count, left.zone) == (1, NY)
    after_zone_change(schedule, tokyo, tokyo, keep_clock=True)
    assert services.outbox.get(post.id).scheduled_at == at(2026, 12, 2, 0)  # 09:00 in Tokyo, as chosen in New York


def schedule_in(persona, year: int, month: int, day: int, hour: int):  # type: ignore[no-untyped-def]
    from datetime import datetime

    from personamgr.core.scheduling import resolve_local

    return resolve_local(datetime(year, month, day, hour), persona.timezone)
