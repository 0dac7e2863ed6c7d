"""``wait_idle`` returns once every view has read the last change, not while one still waits for its pause.

The history, the Schedule panel, the scheduler's summary and the calendar each read again a moment after a change
(a burst of notifications costs one read). ``wait_idle`` waited only for the running tasks: a refresh still in its
pause fired later, on a slow machine in the middle of what the test measured next (tests/gui/test_history_resize.py
failed so on the external CI machine).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from sched_gui_helpers import MONDAY, scheduling_world
from sched_helpers import at
from shell_helpers import wait_idle

from personamgr.core.scheduling import PostSchedule
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.scheduling_ui import SchedulingUi

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")]


@pytest.fixture
def world(services: Services, qtbot) -> Iterator[tuple[Shell, SchedulingUi]]:  # type: ignore[no-untyped-def]
    yield from scheduling_world(services, qtbot)


def test_wait_idle_returns_once_every_view_has_read_the_change(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    calendar = ui.open_calendar()
    wait_idle(shell)
    services = shell.services
    uid = services.store.persona("metal").uid
    post = PostSchedule(services.store, services.outbox, services.clock).create(
        uid, "Soundcheck at eight, doors at nine", when=at(2026, 3, 3, 18)).post
    assert services.clock.now() == MONDAY
    wait_idle(shell)
    assert post.id in [p.id for p in shell.window.history.posts()]
    assert post.id in [p.id for p in ui.queue._posts]
    assert any(e.post is not None and e.post.id == post.id for e in calendar.canvas.entries)
