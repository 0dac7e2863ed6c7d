"""Persona insights from the local history: focus by the guard's verdicts, links against conversation, rhythm in
the persona's zone, X cost."""

from __future__ import annotations

import pytest
from insights_helpers import NOW, make_history

from personamgr.core.clock import FakeClock
from personamgr.core.insights import kind_of, persona_insights
from personamgr.core.services import Services


@pytest.fixture
def history(services: Services, clock: FakeClock) -> Services:
    return make_history(services, clock)


def test_kinds() -> None:
    assert kind_of("https://example.com/x #jobs") == "link"
    assert kind_of("Which interview question surprised you most?") == "conversation"
    assert kind_of("@someone agreed, thanks") == "conversation"
    assert kind_of("Negotiate the title before the salary.") == "other"


def test_thirty_and_ninety_days_from_local_history(history: Services) -> None:
    career = history.store.persona("career")
    month = persona_insights(history.store, career, NOW, 30)
    assert (month.posts, month.on_focus, month.off_focus) == (5, 4, 1)
    assert (month.link_only, month.conversation, month.other) == (1, 2, 2)
    assert month.cost_usd == pytest.approx(0.245)
    assert month.on_focus_share == pytest.approx(0.8)
    assert len(month.weekly_cost) == 5 and sum(month.weekly_cost) == pytest.approx(0.245)
    assert month.weekly_cost[-1] == pytest.approx(0.215)  # this week: the link post and the question
    quarter = persona_insights(history.store, career, NOW, 90)
    assert quarter.posts == 6 and quarter.cost_usd == pytest.approx(0.26)  # the 120-day-old post is out
    metal = persona_insights(history.store, history.store.persona("metal"), NOW, 30)
    assert metal.posts == 1


def test_rhythm_is_in_the_persona_s_zone(history: Services) -> None:
    career = history.store.persona("career")  # America/New_York: 12:00 UTC on 20 March is 08:00 EDT, a Friday
    month = persona_insights(history.store, career, NOW, 30)
    assert month.rhythm[4][8] == 1
    assert sum(map(sum, month.rhythm)) == month.posts


def test_advice_says_the_three_things_and_notices_drift(history: Services) -> None:
    career = history.store.persona("career")
    lines = persona_insights(history.store, career, NOW, 30).advice()
    assert len(lines) == 3
    assert lines[0].startswith("One or two fields per account") and "1 post went out although" in lines[0]
    assert lines[1].startswith("Talk with people rather than at them")
    assert lines[2].startswith("An hour a day is enough")
