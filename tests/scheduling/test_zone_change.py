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
