"""Fixtures for the core tests."""

from __future__ import annotations

import pytest
from posting_helpers import ScriptedNetwork

from personamgr.core.clock import FakeClock
from personamgr.core.networks.base import Network
from personamgr.core.personas import Persona
from personamgr.core.services import Services


@pytest.fixture
def net(services: Services, clock: FakeClock) -> ScriptedNetwork:
    """A scripted network, installed as "scripted", with a "career" persona on it."""
    n = ScriptedNetwork(clock)
    assert isinstance(n, Network)
    services.networks["scripted"] = n
    services.store.add_persona(Persona(name="career", handle="@career_me", description="jobs", network="scripted"))
    return n
