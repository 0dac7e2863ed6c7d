"""Compose says which Bluesky mentions will link no one, and why, before the post goes out (real widgets, offscreen,
against the fake PLC directory and PDSes)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from fakebluesky import FakeBluesky, FakePlcDirectory
from PySide6.QtWidgets import QApplication, QWidget

from personamgr.core.clock import SystemClock
from personamgr.core.networks.bluesky import BlueskyNetwork
from personamgr.core.networks.sandbox import SandboxNetwork
from personamgr.core.paths import AppPaths
from personamgr.core.personas import Persona
from personamgr.core.services import Services, open_services
from personamgr.gui.cost_line import CostLine
from personamgr.gui.workers import Workers

pytestmark = [pytest.mark.gui, pytest.mark.e2e]


@pytest.fixture
def sky(network_secrets, tmp_path: Path) -> Iterator[tuple[FakePlcDirectory, FakeBluesky, Services]]:  # type: ignore[no-untyped-def]
    with FakePlcDirectory() as plc, FakeBluesky(directory=plc) as pds:
        paths = AppPaths.resolve(tmp_path / "profile").ensure()
        clock = SystemClock()
        network = BlueskyNetwork(clock, timeout=(5.0, 20.0), entryway=pds.base_url, directory=plc.base_url)
        services = open_services(paths, secrets=network_secrets, clock=clock, networks={
            "sandbox": SandboxNetwork(paths.sandbox_database, clock), "bluesky": network})
        yield plc, pds, services
        services.close()


def said(qtbot, services: Services, text: str) -> str:  # type: ignore[no-untyped-def]
    """What the line over compose's counter says of ``text`` for a Bluesky persona, once it has asked."""
    workers = Workers()
    box = QWidget()
    qtbot.addWidget(box)
    line = CostLine(services, workers, box)
    persona = services.store.add_persona(Persona(name=f"sky{len(services.store.personas())}", topics=("stars",),
                                                 network="bluesky"))
    line.update_for(persona, text)
    qtbot.waitUntil(lambda: not line._timer.isActive())  # the typing pause is over: the check is on its way
    assert workers.wait(30, QApplication.processEvents), "the check never finished"
    QApplication.processEvents()
    return line.policy.text() if not line.policy.isHidden() else ""


def test_a_mention_whose_did_document_cannot_be_read_is_said_before_it_goes_out(qtbot, sky) -> None:
    plc, pds, services = sky
    comet, _ = pds.add_account("comet.example.org")
    pds.add_account("vega.example.org")
    plc.garble(comet.did)
    assert said(qtbot, services, "Clear skies, @comet.example.org and @vega.example.org!") == (
        "@comet.example.org will go out as plain text, linking no one: its account's DID document could not be read, "
        "so nothing confirms the handle is that account's.")


def test_unknown_and_unclaimed_handles_are_said_and_verified_ones_are_not(qtbot, sky) -> None:
    plc, pds, services = sky
    bob, _ = pds.add_account("bob.example.net")
    plc.point("carol.example.org", bob.did)
    assert said(qtbot, services, "Hi @bob.example.net, @carol.example.org and @nobody.example.org").split("\n") == [
        "@carol.example.org will go out as plain text, linking no one: the account it points to does not claim this "
        "handle (Bluesky shows it as an invalid handle).",
        "@nobody.example.org will go out as plain text, linking no one: no Bluesky account has this handle."]
    assert said(qtbot, services, "Hi @bob.example.net") == ""


def test_typing_asks_about_each_handle_once(qtbot, sky) -> None:
    """Every typing pause asked about every handle in the post again, over HTTP (the handle, then its account's DID
    document): a post typed with pauses asked the PDS and the directory the same questions each time."""
    plc, pds, services = sky
    pds.add_account("bob.example.net")
    text = "Hi @bob.example.net and @Nobody.example.org"
    for typed in (text, text + ", see", text + ", see you", "Hi @nobody.example.org, see you"):  # four pauses
        handle = "@Nobody" if "@Nobody" in typed else "@nobody"  # a handle's case says nothing: asked once
        assert said(qtbot, services, typed) == (
            f"{handle}.example.org will go out as plain text, linking no one: no Bluesky account has this handle.")
    asked = sorted(str(r.endpoint) for r in pds.requests + plc.requests)
    assert asked == ["did_document", "resolve_handle", "resolve_handle"], asked
