"""The window never waits for the database: another program holding its lock does not freeze it.

SQLite makes a writer wait (up to the store's busy timeout, 15 s) while another connection holds the write
lock. Each of these used to write on the GUI thread: the draft's autosave, the persona switch remembering the
active persona, the window remembering its layout. The test holds the lock from another process, as another
program would, and types and switches personas; a timer on the GUI thread must keep firing all along.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.services import Services
from personamgr.gui.app import Shell
from personamgr.gui.controller import ACTIVE_KEY

pytestmark = pytest.mark.gui

HOLD_LOCK = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
"""


@pytest.fixture
def locked(profile_paths: AppPaths) -> Iterator[Callable[[], None]]:
    """Start another process holding an exclusive lock on the profile's database; the fixture's value releases it."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(profile_paths.database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"

    def release() -> None:
        if holder.poll() is None:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.flush()
            holder.wait(10)

    try:
        yield release
    finally:
        release()
        holder.stdin.close()  # type: ignore[union-attr]
        holder.stdout.close()


def drafts_of(services: Services, name: str) -> list[str]:
    uid = services.store.persona(name).uid
    return [p.text for p in services.outbox.in_states([PostState.DRAFT], uid) if p.text]


def test_typing_and_switching_personas_while_another_program_holds_the_lock(
        demo: Services, profile_paths: AppPaths, make_shell: Callable[..., Shell], qtbot,  # type: ignore[no-untyped-def]
        request: pytest.FixtureRequest) -> None:
    assert demo.paths is not None and Path(demo.paths.database) == profile_paths.database
    shell = make_shell(demo)
    compose = shell.window.compose
    ticks = [0]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    release = request.getfixturevalue("locked")  # from here on every write waits for the other program

    compose.editor.setFocus()
    qtbot.keyClicks(compose.editor, "Salary bands are public now")
    qtbot.waitUntil(lambda: shell.drafts.writing, timeout=5000)  # the autosave has started its write
    metal = demo.store.persona("metal").uid
    shell.window.persona_list.setCurrentRow(1)  # the switch remembers the active persona: another write
    assert shell.controller.active_uid == metal
    assert compose.editor.toPlainText() == ""
    qtbot.keyClicks(compose.editor, "New pedal board")
    shell.window.persona_list.setCurrentRow(0)
    assert compose.editor.toPlainText() == "Salary bands are public now"  # from memory, not the store
    shell.window.save_layout()

    # The writes are all waiting for the lock, and the event loop goes on: the timer fires again and again.
    start = ticks[0]
    qtbot.waitUntil(lambda: ticks[0] >= start + 25, timeout=5000)
    assert shell.drafts.writing
    assert drafts_of(demo, "career") == [] and drafts_of(demo, "metal") == []
    assert compose.editor.toPlainText() == "Salary bands are public now"

    release()
    qtbot.waitUntil(lambda: not shell.drafts.writing and not shell.workers.pending, timeout=30_000)
    assert drafts_of(demo, "career") == ["Salary bands are public now"]
    assert drafts_of(demo, "metal") == ["New pedal board"]
    assert demo.store.get_setting(ACTIVE_KEY) == demo.store.persona("career").uid  # the last choice, not an earlier
    timer.stop()
