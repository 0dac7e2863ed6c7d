"""Screens for managing personas and posts, rendered by scripts/screenshots.

Files: persona-editor, persona-editor-zone (another zone chosen), persona-editor-focus, persona-editor-focus-dutch
(a focus written in Dutch), persona-editor-fields (topics in two separate fields), persona-editor-schedule,
persona-editor-error, import-preview, import-preview-replace, import-preview-zone, history-menu-failed,
history-menu-review, persona-delete, compose-x-cost, persona-editor-clock-times-left (a zone changed without
keeping the clock times: the editor offers it later).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget
from screens_opened import opened

from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.gui.app import Shell


def render_clock_times_left(app: QApplication, shell: Shell, out: Path,
                            settle: Callable[[QApplication, Shell], None],
                            save: Callable[[QWidget, Path, str], None]) -> None:
    """metal moved to another zone with its scheduled posts keeping their moment (as an import without
    --keep-clock-times does): its editor offers to move them to their clock time. Put back as it was after."""
    from datetime import timedelta

    from personamgr.core.scheduling import PostSchedule
    from personamgr.core.scheduling.zone_change import after_zone_change

    services = shell.services
    schedule = PostSchedule(services.store, services.outbox, services.clock)
    metal = services.store.persona("metal")
    post = schedule.create(metal.uid, "Friday: the deep cuts setlist.",
                           when=services.clock.now() + timedelta(days=3)).post
    moved = services.store.update_persona(metal.with_changes(timezone="Asia/Tokyo"))
    after_zone_change(schedule, metal, moved)
    settle(app, shell)  # the window reads the persona as it is now
    editor = opened(shell.window.personas.edit_persona(metal.uid), "persona-editor-clock-times-left")
    settle(app, shell)  # what is left to move is read in a worker
    save(editor, out, "persona-editor-clock-times-left")
    editor.reject()
    services.store.update_persona(moved.with_changes(timezone=metal.timezone))
    after_zone_change(schedule, moved, metal)
    services.workflows.delete(post.id)
    settle(app, shell)


def render(app: QApplication, shell: Shell, out: Path, settle: Callable[[QApplication, Shell], None],
           save: Callable[[QWidget, Path, str], None]) -> None:
    services, window = shell.services, shell.window
    career = services.store.persona("career")

    editor = window.personas.edit_persona(career.uid)
    assert editor is not None
    settle(app, shell)
    save(editor, out, "persona-editor")
    editor.timezone_combo.setCurrentText("America/Los_Angeles")  # another zone: the clock-time choice shows
    settle(app, shell)
    save(editor, out, "persona-editor-zone")
    editor.timezone_combo.setCurrentText(career.timezone)
    editor.tabs.setCurrentIndex(1)
    settle(app, shell)
    save(editor, out, "persona-editor-focus")
    focus = [(box, box.toPlainText()) for box in (editor.description_edit, editor.topics_edit,
                                                  editor.keywords_edit, editor.examples_edit)]
    editor.description_edit.setPlainText("Moestuinieren, compost maken en groenten kweken in een kleine tuin")
    editor.topics_edit.setPlainText("tuinieren\ncompost\nzaden en planten voor het nieuwe seizoen")
    editor.keywords_edit.clear()
    editor.examples_edit.clear()
    settle(app, shell)  # the common words are read on a worker; then the note names Dutch
    save(editor, out, "persona-editor-focus-dutch")
    for box, text in focus:
        box.setPlainText(text)
    editor.topics_edit.setPlainText("careers\njob search\nheavy metal\nguitars")  # two separate fields
    for _ in range(50):  # the compose box's guard reads the topics, once it has loaded
        editor.fields_note.check_now()
        settle(app, shell)
        if editor.fields_note.text():
            break
    save(editor, out, "persona-editor-fields")
    editor.topics_edit.setPlainText(focus[1][1])
    editor.tabs.setCurrentIndex(2)
    settle(app, shell)
    save(editor, out, "persona-editor-schedule")
    editor.tabs.setCurrentIndex(3)
    editor.handle_edit.setText("@career me")
    editor.save_button.click()
    settle(app, shell)
    save(editor, out, "persona-editor-error")
    editor.reject()
    render_clock_times_left(app, shell, out, settle, save)

    source = out / "import-example.toml"
    source.write_text('[[persona]]\nname = "career"\ndescription = "Careers and hiring for people over 40"\n'
                      'keywords = ["resume", "interview", "age bias"]\n\n'
                      '[[persona]]\nname = "chef"\ndescription = "Weeknight cooking"\ntopics = ["recipes", "baking"]\n',
                      encoding="utf-8")
    importer = window.personas.importer
    importer.import_from(source)
    settle(app, shell)
    assert importer.preview is not None
    save(importer.preview, out, "import-preview")
    importer.preview.replace_check.click()
    settle(app, shell)
    save(importer.preview, out, "import-preview-replace")
    importer.preview.reject()
    source.write_text('[[persona]]\nname = "career"\ntimezone = "America/Los_Angeles"\n', encoding="utf-8")
    importer.import_from(source)
    settle(app, shell)
    save(importer.preview, out, "import-preview-zone")
    importer.preview.reject()
    source.unlink()

    history = window.history
    for state, name in ((PostState.FAILED, "history-menu-failed"), (PostState.NEEDS_REVIEW, "history-menu-review")):
        post = next((p for p in history.posts() if p.state is state), None)
        if post is None:
            continue
        menu = history.menu_for(post)
        menu.popup(QPoint(0, 0))
        settle(app, shell)
        save(menu, out, name)
        menu.hide()

    window.personas.delete_persona(services.store.persona("metal").uid)
    settle(app, shell)
    save(opened(window.personas.box, "persona-delete"), out, "persona-delete")
    window.personas.box.reject()

    founder = services.store.add_persona(Persona(
        name="founder", handle="@founder_me", topics=("startups", "fundraising"), network="x", colour="#8e44ad",
        monthly_budget_usd=10.0, monthly_post_cap=300))
    settle(app, shell)
    shell.controller.set_active(founder.uid)
    window.compose.editor.setPlainText("@seedfund thanks for the call. Watching $AAPL and $TSLA for the next round.")
    window.compose.cost_line.refresh()
    settle_checks(app, shell, settle)
    save(window, out, "compose-x-cost")
    window.compose.editor.clear()
    shell.controller.set_active(career.uid)


def settle_checks(app: QApplication, shell: Shell, settle: Callable[[QApplication, Shell], None]) -> None:
    """Until the persona guard's check of the compose text (if the guard is wired in) has landed."""
    panel = getattr(shell, "guard", None)
    for _ in range(300):
        settle(app, shell)
        if panel is None or (panel.result_key == panel.current_key() and not panel._debounce.isActive()):
            break
        time.sleep(0.02)
    settle(app, shell)
