"""Screens for writing and planning posts, rendered by scripts/screenshots.

Files: thread-composer (a long draft split into a thread), thread-too-long (before the split), images (a post with
two images, one without alt text), alt-text, alt-nudge (asked before posting), post-editor (Edit on a held post),
post-editor-partly-sent and stop-here (a thread whose part 2 failed), history-thread-in-doubt,
history-menu-thread-in-doubt, post-editor-thread-in-doubt, mark-sent-part-in-doubt, part-link and part-link-refused
(a thread whose sender died with part 2 of 3 in flight: the history, its menu, the editor, the question about part 2,
the link asked for, and asked again after a link to another account's post), mark-sent-part-1-in-doubt (the question
about a thread's first part), mark-sent-link (the optional link "It went out: mark as sent" offers for a single
post), post-editor-maybe-out (Post now on a post that may have gone out meanwhile),
held-dialog (the guard's question titled with the real reason, on "Send again"), inbox, calendar-week,
calendar-month, calendar-week-one-persona, offer-slots, compose-over-cap (queued into a month the cap has no room
for), schedule-dst (a time the clocks skip: the dialog's note).
"""

from __future__ import annotations

import struct
import subprocess
import time
import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from screens_opened import opened

from personamgr.core import lease
from personamgr.core.guard.rules import duplicate_rule
from personamgr.core.holds import HoldKind, held_message
from personamgr.core.outbox import PostState
from personamgr.core.personas import Persona
from personamgr.core.reason_words import Note
from personamgr.core.scheduling import PostSchedule
from personamgr.gui.app import Shell
from personamgr.gui.calendar_layout import Mode

LONG = ("Hiring managers read the first six lines of a resume, so put your best result there. Say the number, the "
        "outcome and the team. Then cut everything that repeats it. Recruiters tell me the same thing every week. "
        "The last three hiring rounds I ran say it too: the resumes that got a call were short and specific. "
        "Shorter wins, every time. Here is how to get there in an afternoon. First, list every result you are proud "
        "of from the last five years, with a number next to each. Second, keep the five with the biggest numbers. "
        "Third, write each as one line that starts with a verb. Fourth, read it aloud to someone outside your field; "
        "anything they cannot follow goes. Finally, put the strongest line first, even if it is not the newest.")


def render_thread_in_doubt(app: QApplication, shell: Shell, out: Path, settle: Callable[[QApplication, Shell], None],
                           save: Callable[[QWidget, Path, str], None]) -> None:
    """A thread whose sender was killed with part 2 of 3 in flight (part 1 recorded): the history, its menu, the
    editor, the question "mark as sent" asks about part 2, and the link it asks for when part 2 is there."""
    services, window = shell.services, shell.window
    career = services.store.persona("career")
    post = services.outbox.create(career.uid, "Three things to cut from your resume today.",
                                  thread=("One: the objective statement. Nobody reads it.",
                                          "Two and three: references on request, and every skill you had in 2009."))
    gone = subprocess.Popen(["true"])  # a sender that has exited: what a kill mid-send leaves
    gone.wait()
    services.outbox.claim(post.id, owner=lease.this_process().with_pid(gone.pid, "1").token)
    services.outbox.update_if(post.id, [PostState.SENDING], remote_ids=["1850000000000000123"], network="sandbox")
    services.outbox.recover_abandoned()
    post = services.outbox.get(post.id)
    history = window.history
    history.refresh()
    settle(app, shell)
    history.setCurrentRow(0)
    history.scrollToTop()
    settle(app, shell)
    save(history, out, "history-thread-in-doubt")
    menu = history.menu_for(post)
    menu.popup(QPoint(0, 0))
    settle(app, shell)
    save(menu, out, "history-menu-thread-in-doubt")
    menu.hide()
    actions = window.post_actions
    actions.edit(post)
    settle(app, shell)
    save(opened(actions.dialog, "post-editor-thread-in-doubt"), out, "post-editor-thread-in-doubt")
    actions.dialog.reject()
    settle(app, shell)
    actions.mark_sent(post)
    settle(app, shell)
    box = opened(actions.box, "mark-sent-part-in-doubt")
    save(box, out, "mark-sent-part-in-doubt")
    there = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
    there.click()
    settle(app, shell)
    save(opened(actions.dialog, "part-link"), out, "part-link")
    actions.dialog.setTextValue("https://x.com/someone_else/status/1850000000000000124?s=20")
    actions.dialog.accept()
    settle(app, shell)
    save(opened(actions.dialog, "part-link-refused"), out, "part-link-refused")
    actions.dialog.reject()
    first = services.outbox.create(career.uid, "Part 1 may be out.", thread=("Part 2 never went.",),
                                   state=PostState.NEEDS_REVIEW)
    actions.mark_sent(first)
    settle(app, shell)
    save(opened(actions.box, "mark-sent-part-1-in-doubt"), out, "mark-sent-part-1-in-doubt")
    actions.box.reject()
    single = services.outbox.create(career.uid, "Negotiating an offer? Ask for the range first.",
                                    state=PostState.NEEDS_REVIEW)
    actions.mark_sent(single)
    settle(app, shell)
    save(opened(actions.dialog, "mark-sent-link"), out, "mark-sent-link")
    actions.dialog.reject()


def picture(path: Path, w: int, h: int, rgb: tuple[int, int, int]) -> Path:
    """A real PNG in one colour with a diagonal band, so the thumbnail is recognisably an image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = []
    for y in range(h):
        row = bytearray(b"\x00")
        for x in range(w):
            band = abs(x - y * w // h) < w // 6
            row += bytes(255 - c // 2 if band else c for c in rgb)
        rows.append(bytes(row))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))
    return path


def wait(app: QApplication, shell: Shell, settle: Callable[[QApplication, Shell], None],
         until: Callable[[], bool]) -> None:
    for _ in range(300):
        settle(app, shell)
        if until():
            return
        time.sleep(0.02)


def render(app: QApplication, shell: Shell, out: Path, settle: Callable[[QApplication, Shell], None],
           save: Callable[[QWidget, Path, str], None], *, ui: object, tmp: Path) -> None:
    services, window = shell.services, shell.window
    compose = window.compose
    career, metal = services.store.persona("career"), services.store.persona("metal")
    shell.controller.set_active(career.uid)
    settle(app, shell)

    # A long draft: the counter, the advice, and the Split button; then the thread.
    compose.editor.setPlainText(LONG)
    wait(app, shell, settle, lambda: shell.guard is None or shell.guard.result_key == shell.guard.current_key())
    save(window, out, "thread-too-long")
    compose.split_button.click()
    compose.thread.editors[1].setFocus()
    wait(app, shell, settle, lambda: shell.guard is None or shell.guard.result_key == shell.guard.current_key())
    save(window, out, "thread-composer")

    # Images: two attached, one described.
    compose.thread.set_content(["This month's hiring, in two charts: healthcare keeps climbing, tech is flat."])
    compose.thread.add_images([picture(tmp / "hiring-by-sector.png", 240, 160, (29, 155, 240)),
                               picture(tmp / "office.png", 200, 200, (22, 160, 133))], 0)
    wait(app, shell, settle, lambda: len(compose.thread.media) == 2)
    first = compose.thread.media[0]
    dialog = compose.thread.edit_alt(first)
    dialog.editor.setPlainText("Bar chart of hiring by sector this month: healthcare up 4%, tech flat, retail down 2%.")
    settle(app, shell)
    save(dialog, out, "alt-text")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    wait(app, shell, settle, lambda: shell.guard is None or shell.guard.result_key == shell.guard.current_key())
    save(window, out, "images")
    compose.post_button.click()
    settle(app, shell)
    save(opened(compose.alt_question, "alt-nudge"), out, "alt-nudge")
    compose.alt_question.defaultButton().click()  # "Add alt text": nothing is posted
    settle(app, shell)
    opened(compose.thread.alt_dialog, "alt-text after the nudge").reject()
    compose.clear_content()
    compose.flush()

    # A post the guard held as a near-duplicate: the inbox, the editor, and the question on "Send again".
    sched = PostSchedule(services.store, services.outbox, services.clock)
    held = sched.create(career.uid, "Your network is the people who have seen you do good work. Make that list "
                        "longer every month!", when=services.clock.now() + timedelta(minutes=5)).post
    dup = duplicate_rule(career, held.text, {career.name: [held.text]})
    assert dup is not None
    services.outbox.update_if(held.id, None, state=PostState.HELD.value, hold_kind=HoldKind.NEAR_DUPLICATE.value,
                              guard_reasons=[dup.kept()], error=held_message(HoldKind.NEAR_DUPLICATE, career.name))
    ui.show_inbox()  # type: ignore[attr-defined]
    inbox = ui.inbox  # type: ignore[attr-defined]
    inbox.view.refresh()
    wait(app, shell, settle, lambda: inbox.view.count() >= 3)
    inbox.view.setCurrentRow(0)
    settle(app, shell)
    save(window, out, "inbox")
    window.post_actions.edit(services.outbox.get(held.id))
    settle(app, shell)
    save(opened(window.post_actions.dialog, "post-editor"), out, "post-editor")
    window.post_actions.dialog.reject()
    # A thread whose part 2 failed after part 1 went out: the editor (its persona fixed), and "Stop here".
    partly = services.outbox.create(career.uid, "Five questions to ask at the end of every interview.",
                                    thread=("Ask how they measure success in the first ninety days.",
                                            "Then ask what the last person in the role went on to do."))
    services.outbox.update_if(partly.id, None, state=PostState.FAILED.value, remote_ids=["1850000000000000099"],
                              network="sandbox", error=Note("part_failed", sent=1, failed=2, error=Note(
                                  "x_refused", error="Reply not allowed.")))
    partly = services.outbox.get(partly.id)
    window.post_actions.edit(partly)
    settle(app, shell)
    save(opened(window.post_actions.dialog, "post-editor-partly-sent"), out, "post-editor-partly-sent")
    window.post_actions.dialog.reject()
    # The editor open on a scheduled post that went out unanswered meanwhile: "Post now" saves, never sends again.
    doubt = sched.create(career.uid, "Negotiating an offer? Ask for the range before you name a number.",
                         when=services.clock.now() + timedelta(minutes=1)).post
    window.post_actions.edit(doubt)
    settle(app, shell)
    services.outbox.update_if(doubt.id, None, state=PostState.NEEDS_REVIEW.value,
                              error=Note("x_write_timeout"))
    opened(window.post_actions.dialog, "post-editor-maybe-out").editor.send_button.click()  # type: ignore[attr-defined]
    settle(app, shell)
    save(opened(window.post_actions.dialog, "post-editor-maybe-out"), out, "post-editor-maybe-out")
    window.post_actions.dialog.reject()
    window.post_actions.stop(partly)  # "End this thread of career at part 1?"
    settle(app, shell)
    save(opened(window.post_actions.box, "stop-here"), out, "stop-here")
    window.post_actions.box.reject()
    render_thread_in_doubt(app, shell, out, settle, save)
    ui.dock.raise_()  # type: ignore[attr-defined]

    # The calendar: a week with posts of both personas, free queue slots and the now line; a month; one persona.
    for i, (persona, text) in enumerate(((career, "Negotiating an offer? Ask for the range first."),
                                         (metal, "Friday setlist poll: which deep cut opens the show?"),
                                         (career, "Three questions that tell you about the team."),
                                         (metal, "New strings, old Les Paul, drop C."))):
        sched.create(persona.uid, text, when=services.clock.now() + timedelta(days=i % 3, hours=2 + 3 * i))
    calendar = ui.open_calendar()  # type: ignore[attr-defined]
    calendar.resize(1100, 720)
    wait(app, shell, settle, lambda: bool(calendar.canvas.entries))
    calendar.scroll_to_now()
    settle(app, shell)
    save(calendar, out, "calendar-week")
    calendar.set_mode(Mode.MONTH)
    wait(app, shell, settle, lambda: calendar.canvas.span.mode is Mode.MONTH and bool(calendar.canvas.entries))
    save(calendar, out, "calendar-month")
    calendar.persona_filter.setCurrentIndex(calendar.persona_filter.findData(career.uid))
    calendar._apply_zone()
    calendar.set_mode(Mode.WEEK)
    wait(app, shell, settle, lambda: bool(calendar.canvas.entries))
    calendar.scroll_to_now()
    settle(app, shell)
    save(calendar, out, "calendar-week-one-persona")
    calendar.hide()

    # A new persona's first "Add to queue", had it no slots: the offer.
    bare = services.store.add_persona(Persona(name="newcomer", topics=("gardening",), colour="#16a085",
                                              timezone="Europe/London"))
    settle(app, shell)
    ui.compose.offer_slots(bare, lambda: None)  # type: ignore[attr-defined]
    settle(app, shell)
    save(ui.compose.slot_question, out, "offer-slots")  # type: ignore[attr-defined]
    ui.compose.slot_question.reject()  # type: ignore[attr-defined]
    services.store.delete_persona(bare.uid)

    # "Add to queue" into a month the persona's post cap has no room for: scheduled, with the warning.
    services.store.update_persona(services.store.persona(career.uid).with_changes(monthly_post_cap=1))
    shell.controller.set_active(career.uid)
    settle(app, shell)
    compose = shell.window.compose
    compose.editor.setPlainText("Five questions to ask at the end of every interview, and what the answers tell you.")
    settle(app, shell)
    ui.compose.queue_button.click()  # type: ignore[attr-defined]
    wait(app, shell, settle, lambda: compose.editor.toPlainText() == "")
    save(shell.window, out, "compose-over-cap")
    services.store.update_persona(services.store.persona(career.uid).with_changes(monthly_post_cap=None))
    settle(app, shell)

    # Scheduling at a time the persona's clocks skip (the second Sunday of March in New York).
    from personamgr.gui.schedule_dialog import ScheduleDialog

    spring = ScheduleDialog(career.with_changes(timezone="America/New_York"), services.clock,
                            parent=shell.window)
    year = services.clock.now().year + 1
    second_sunday = 8 + (6 - datetime(year, 3, 8).weekday()) % 7
    spring.set_wall_time(datetime(year, 3, second_sunday, 2, 30))
    spring.resize(480, spring.sizeHint().height())
    spring.show()
    settle(app, shell)
    save(spring, out, "schedule-dst")
    spring.reject()
    for _ in range(3):  # the views' debounced refreshes run before the profile is closed
        time.sleep(0.2)
        settle(app, shell)
