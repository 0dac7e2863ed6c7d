"""The persona editor says, gently, when a persona's topics fall into two separate fields, and says nothing on a
coherent one. It reads them with the compose box's loaded guard, a moment after the typing stops."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from personamgr.core.guard import Guard
from personamgr.core.services import Services
from personamgr.gui.app import Shell

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def shipped_guard() -> Guard:
    return Guard.load()


def test_the_editor_suggests_two_personas_for_two_separate_fields_only(
        demo: Services, make_shell: Callable[..., Shell], shipped_guard: Guard, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell = make_shell(demo)
    shell.guard.load(lambda: shipped_guard)
    qtbot.waitUntil(lambda: shell.guard.state == "ready", timeout=20_000)
    editor = shell.window.personas.edit_persona(demo.store.persona("career").uid)
    assert editor is not None
    note = editor.fields_note
    editor.topics_edit.setPlainText("careers\njob search\nheavy metal\nguitars")
    note.check_now()
    qtbot.waitUntil(lambda: note.text() != "", timeout=20_000)
    assert note.text() == ("career's topics fall into two separate fields: careers, job search, and heavy metal, "
                           "guitars. Followers come for one focus: consider two personas, one for each.")
    assert not note.isHidden()
    editor.topics_edit.setPlainText("python\nrust\ncompilers")  # one field
    note.check_now()
    qtbot.waitUntil(lambda: note.text() == "", timeout=20_000)
    assert note.isHidden()
    editor.reject()
