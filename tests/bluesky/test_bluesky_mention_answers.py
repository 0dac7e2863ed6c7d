"""What compose was told of a mentioned handle is kept for a few minutes (mentions.ANSWER_KEEP), then asked again:
typing asks once, and a handle that changed meanwhile is seen soon (the fake PLC directory and PDS, real atproto)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from fakebluesky import FakeBluesky, FakePlcDirectory

from personamgr.core.clock import FakeClock
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.bluesky.mentions import ANSWER_KEEP, unlinked_mentions
from personamgr.core.personas import Persona

pytestmark = pytest.mark.e2e
UNKNOWN = "@vega.example.org will go out as plain text, linking no one: no Bluesky account has this handle."


@pytest.fixture
def sky(clock: FakeClock) -> Iterator[tuple[FakePlcDirectory, FakeBluesky, Callable[[], list[str]]]]:
    with FakePlcDirectory() as plc, FakeBluesky(directory=plc) as pds:
        network = BlueskyNetwork(clock, timeout=(5.0, 20.0), entryway=pds.base_url, directory=plc.base_url)
        persona = Persona(name="sky", topics=("stars",), network="bluesky")
        yield plc, pds, lambda: unlinked_mentions({"bluesky": network}, persona, ["Clear skies, @vega.example.org"])


def test_a_handle_is_asked_about_again_once_its_answer_is_old(sky, clock: FakeClock) -> None:
    _plc, pds, said = sky
    assert said() == [UNKNOWN]
    pds.add_account("vega.example.org")  # made meanwhile
    clock.advance(ANSWER_KEEP - timedelta(seconds=1))
    assert said() == [UNKNOWN]  # the kept answer: nothing asked
    assert pds.requests[-1].endpoint == "resolve_handle" and len(pds.requests) == 1
    clock.advance(timedelta(seconds=1))
    assert said() == []  # asked again: the account claims it now
    assert [r.endpoint for r in pds.requests] == ["resolve_handle", "resolve_handle"]


def test_a_handle_that_could_not_be_asked_about_is_asked_again_at_the_next_pause(sky) -> None:
    _plc, pds, said = sky
    pds.fail_next("resolve_handle", "server_error")
    assert said() == []  # not said: sending asks again
    assert said() == [UNKNOWN]
    assert [(r.endpoint, r.status) for r in pds.requests] == [("resolve_handle", 503), ("resolve_handle", 400)]


def test_a_document_that_could_not_be_read_is_read_again_at_the_next_pause(sky) -> None:
    """"Could not be read" is no answer about the handle: the directory may answer a moment later."""
    plc, pds, said = sky
    pds.add_account("vega.example.org")
    plc.fail_next("did_document", "server_error")
    assert said() == ["@vega.example.org will go out as plain text, linking no one: its account's DID document could "
                      "not be read, so nothing confirms the handle is that account's."]
    assert said() == []
    assert said() == []  # verified now, and kept
    assert [r.status for r in plc.requests] == [503, 200]
