"""The queue panel on a long queue: it lists the next posts due, not every one (bench/long-history).

With 10,000 posts queued, the panel made a row for each on the GUI thread: the window stood still for half a
minute at start-up (one persona icon drawn per row), and again for seconds after every change to the queue.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sched_gui_helpers import pump, scheduling_world

from personamgr.core.outbox import PostState
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.scheduling_ui import SchedulingUi

QUEUE_ROWS = 200  # personamgr.gui.queue_view.QUEUE_ROWS (imported, the old code fails at collection)

pytestmark = pytest.mark.gui


@pytest.fixture
def world(services: Services, qtbot) -> Iterator[tuple[Shell, SchedulingUi]]:  # type: ignore[no-untyped-def]
    yield from scheduling_world(services, qtbot)


def test_a_long_queue_lists_the_next_posts_due_and_says_how_many_more(world, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell, ui = world
    services = shell.services
    personas = services.store.personas()
    already = len(services.outbox.in_states([PostState.SCHEDULED]))
    start = services.clock.now() + timedelta(days=1)
    extra = QUEUE_ROWS + 50
    for k in range(extra):
        services.outbox.create(personas[k % 2].uid, f"Queued post {k}", state=PostState.SCHEDULED,
                               scheduled_at=start + timedelta(hours=k))
    total = already + extra
    ui.queue.refresh()
    pump(qtbot, shell, lambda: ui.queue.list.count() >= QUEUE_ROWS)
    pump(qtbot, shell)
    assert ui.queue.list.count() == QUEUE_ROWS  # not one row per queued post
    due = [p.id for p in ui.queue.schedule.scheduled()][:QUEUE_ROWS]
    shown = [ui.queue.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(ui.queue.list.count())]
    assert shown == due  # the next ones due, in order
    assert ui.queue.empty.isVisibleTo(ui.queue)
    assert ui.queue.empty.text() == (f"Showing the next {QUEUE_ROWS} of {total:,} scheduled posts. Choose a persona "
                                     "above, or open the calendar, to see the others.")
