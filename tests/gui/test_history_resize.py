"""Resizing the window re-wraps the history's rows without working out each post's time words again.

At 100 personas and a long history, a resize held the GUI thread 0.5-0.9 s (bench/long-history): the history
measured its 200 rows again, as it must (their text wraps to the new width), and for each it worked out the
line under the text again ("Goes out Today 14:00 CET."), time-zone conversions included, though only the width
had changed. That line is now worked out once per post and minute; the rows still fit their new width.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from shell_helpers import wait_idle

from personamgr.core.personas import Persona
from personamgr.core.services import Services
from personamgr.gui import history
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui


def test_a_resize_rewraps_the_rows_without_redoing_their_time_words(
        services: Services, make_shell: Callable[..., Shell], qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    persona = services.store.add_persona(Persona(name="career", description="jobs", timezone="Europe/Madrid"))
    soon = services.clock.now() + timedelta(hours=3)
    for k in range(40):
        services.outbox.create(persona.uid, f"Post {k}: " + "a long sentence that wraps " * (k % 5),
                               scheduled_at=soon + timedelta(minutes=k))
    shell = make_shell(services)
    window = shell.window
    window.resize(1200, 800)
    wait_idle(shell)
    view = window.history
    qtbot.waitUntil(lambda: view.count() == 40)
    shell.events.changed.emit("drafts")  # a change notified at start-up, its refresh still queued (a slow machine)
    wait_idle(shell)  # the refresh it queued lands here, not during the resize measured below
    before = sum(view.sizeHintForRow(i) for i in range(view.count()))  # every row measured once, as shown
    worked_out: list[int] = []
    real = history.detail

    def counted(post, zone="UTC", now=None):  # type: ignore[no-untyped-def]
        worked_out.append(post.id)
        return real(post, zone, now)

    monkeypatch.setattr(history, "detail", counted)
    window.resize(700, 800)
    qtbot.waitUntil(lambda: view.viewport().width() < 650)
    QApplication.processEvents()
    assert sum(view.sizeHintForRow(i) for i in range(view.count())) > before  # re-wrapped: long rows are taller
    rows = [view.visualItemRect(view.item(i)) for i in range(view.count())]
    assert all(a.bottom() < b.top() for a, b in itertools.pairwise(rows))  # none overlaps the next
    assert worked_out == []
