"""The thread composer and images in the compose box, driven as a user would: clicks, keys, drops, paste.

Real widgets offscreen over the real services and the sandbox network (which, like X, posts a thread as a
reply chain and stops at the part it refuses).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from image_files import animated_gif, cut_short, jpeg, png
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from personamgr.core.media import import_image
from personamgr.core.outbox import PostState
from personamgr.core.services import Services
from personamgr.core.text import weighted_length
from personamgr.gui.app import Shell
from personamgr.gui.compose import ComposeWidget
from personamgr.gui.drafts import Content

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

SENTENCES = [f"Sentence number {i} is about hiring managers, resumes and the questions to ask in interviews."
             for i in range(1, 121)]
LONG = " ".join(SENTENCES)  # about 10,000 characters


@pytest.fixture
def shell(demo: Services, make_shell: Callable[..., Shell]) -> Shell:
    return make_shell(demo)


def compose(shell: Shell) -> ComposeWidget:
    return shell.window.compose


def sandbox_thread(services: Services, persona: str) -> list:  # type: ignore[type-arg]
    """The persona's sandbox timeline, oldest first."""
    uid = services.store.persona(persona).uid
    return list(reversed(services.networks["sandbox"].timeline(uid)))  # type: ignore[attr-defined]


def test_a_long_draft_says_split_it_and_split_cuts_at_sentences(shell: Shell, qtbot, idle) -> None:
    c = compose(shell)
    c.editor.setFocus()
    c.editor.setPlainText(LONG)
    assert weighted_length(LONG) > 9000
    assert "split it into a thread" in c.status.full_text()  # the guard's own advice, not just "shorten it"
    assert c.split_button.isVisible() and not c.post_button.isEnabled()
    qtbot.mouseClick(c.split_button, Qt.MouseButton.LeftButton)
    parts = c.parts()
    assert len(parts) > 30 and all(weighted_length(p) <= 280 for p in parts)
    assert all(p.endswith(".") for p in parts)  # cut at sentence boundaries, never inside a sentence
    assert " ".join(parts) == LONG
    assert c.post_button.isEnabled() and c.counter.text() == f"{len(parts)} posts"
    box = c.thread.boxes[1]
    assert box.head.text() == f"2/{len(parts)}" and box.counter.text() == f"· {weighted_length(parts[1])} / 280"
    assert box.tools.isVisible() and c.editor is c.thread.editors[0]
    c.flush()
    idle(shell)  # the draft is written in a worker
    draft = shell.services.outbox.get(shell.drafts.post_id(c.current_uid))  # type: ignore[arg-type]
    assert list(draft.parts) == parts  # the thread is the draft: it survives a quit


def test_parts_can_be_edited_merged_moved_and_deleted(shell: Shell, qtbot) -> None:
    c = compose(shell)
    c.editor.setPlainText("One.")
    qtbot.mouseClick(c.thread_button, Qt.MouseButton.LeftButton)  # "+ Thread": a second part
    assert c.thread.is_thread() and len(c.thread.boxes) == 2
    qtbot.keyClicks(c.thread.editors[1], "Two.")
    qtbot.mouseClick(c.thread.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(c.thread.editors[2], "Three.")
    assert c.parts() == ["One.", "Two.", "Three."]
    qtbot.mouseClick(c.thread.boxes[2].buttons["up"], Qt.MouseButton.LeftButton)
    assert c.parts() == ["One.", "Three.", "Two."]
    qtbot.mouseClick(c.thread.boxes[0].buttons["merge"], Qt.MouseButton.LeftButton)
    assert c.parts() == ["One.\n\nThree.", "Two."]
    c.thread.editors[1].setPlainText("")
    assert "Part 2 is empty" in c.status.full_text() and not c.post_button.isEnabled()
    qtbot.mouseClick(c.thread.boxes[1].buttons["delete"], Qt.MouseButton.LeftButton)
    assert c.parts() == ["One.\n\nThree."] and not c.thread.is_thread()
    assert not c.thread.boxes[0].tools.isVisible()  # one part looks like a plain compose box again
    assert c.thread_button.isVisible() and c.post_button.isEnabled()


def test_a_thread_posts_as_one_reply_chain_and_the_history_shows_one_item(shell: Shell, demo: Services, qtbot,
                                                                         idle) -> None:
    c = compose(shell)
    c.thread.set_content(["1/3 How to read a job ad.", "2/3 Skip the adjectives.", "3/3 Count the verbs."])
    qtbot.mouseClick(c.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not c.busy(), timeout=10_000)
    idle(shell)
    chain = sandbox_thread(demo, "career")[-3:]
    assert [e.text[:3] for e in chain] == ["1/3", "2/3", "3/3"]
    assert [e.reply_to for e in chain] == [None, chain[0].remote_id, chain[1].remote_id]
    assert c.parts() == [""] and not c.thread.is_thread()
    assert c.status.full_text() == "Sent as career: a thread of 3."
    shell.window.history.refresh()
    idle(shell)
    [item] = [p for p in shell.window.history.posts() if p.thread]
    assert item.remote_ids == tuple(e.remote_id for e in chain)
    names = [a.objectName() for a in shell.window.history.menu_for(item).actions()]
    assert names[:3] == ["openPart1", "openPart2", "openPart3"]  # a link to each part


def test_a_thread_stopped_part_way_says_which_part_and_retry_sends_only_the_rest(shell: Shell, demo: Services,
                                                                                  qtbot, idle) -> None:
    already = "Your network is the people who have seen you do good work. Make that list longer every month."
    c = compose(shell)
    c.thread.set_content(["Part one of my hiring thread.", already, "Part three: ask better questions."])
    qtbot.mouseClick(c.post_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not c.busy(), timeout=10_000)
    idle(shell)
    [post] = [p for p in demo.outbox.history() if p.thread]
    assert post.state is PostState.FAILED and post.failed_part == 2 and len(post.remote_ids) == 1
    assert "Part 2 of the thread did not go out" in c.status.full_text()
    shell.window.history.refresh()
    idle(shell)
    menu = {a.objectName(): a for a in shell.window.history.menu_for(post).actions()}
    assert menu["retry"].text() == "Retry from part 2"
    menu["edit"].trigger()
    dialog = shell.window.post_actions.dialog
    editor = dialog.editor  # type: ignore[union-attr]
    assert editor.thread.editors[0].isReadOnly() and not editor.thread.editors[1].isReadOnly()  # part 1 is out
    editor.thread.editors[1].setPlainText("Part two, rewritten so it is new.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    idle(shell)
    shell.window.history.refresh()
    idle(shell)
    post = demo.outbox.get(post.id)
    {a.objectName(): a for a in shell.window.history.menu_for(post).actions()}["retry"].trigger()
    idle(shell)
    done = demo.outbox.get(post.id)
    assert done.state is PostState.SENT and len(done.remote_ids) == 3 and done.remote_ids[0] == post.remote_ids[0]
    texts = [e.text for e in sandbox_thread(demo, "career")]
    assert texts.count("Part one of my hiring thread.") == 1  # nothing was sent twice


# -- images ------------------------------------------------------------------------------------------------------
def drop_files(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """A real drag-and-drop of files onto ``widget`` (enter, then drop), as the window system delivers it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = widget.viewport()
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)


def test_images_by_drop_and_paste_get_thumbnails_and_copies_in_the_profile(shell: Shell, demo: Services,
                                                                         tmp_path: Path, qtbot, idle) -> None:
    c = compose(shell)
    c.editor.setPlainText("Two charts from this month's hiring data.")
    chart = png(tmp_path / "chart.png", size=40)
    drop_files(c.editor, [chart])
    qtbot.waitUntil(lambda: len(c.thread.media) == 1, timeout=10_000)
    idle(shell)
    tile = c.thread.boxes[0].images.tiles[0]
    assert c.thread.boxes[0].images.isVisible() and not tile.icon().isNull()  # a thumbnail
    assert tile.text() == "No alt" and "no alt text yet" in tile.accessibleName()
    copy = Path(c.thread.media[0]["path"])
    assert copy.parent == demo.media_dir and copy.read_bytes() == chart.read_bytes()
    # Paste a bitmap (a screenshot) from the clipboard.
    image = QImage(30, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    c.editor.setFocus()
    c.editor.paste()
    qtbot.waitUntil(lambda: len(c.thread.media) == 2, timeout=10_000)
    assert c.thread.media[1]["name"] == "pasted-image.png" and c.thread.media[1]["mime_type"] == "image/png"
    # Something that is not an image is refused, with the reason, and nothing is attached.
    notes = tmp_path / "notes.png"
    notes.write_text("not an image", encoding="utf-8")
    drop_files(c.editor, [notes])
    qtbot.waitUntil(lambda: "notes.png" in c.status.full_text(), timeout=10_000)
    assert "not an image type that Sandbox accepts" in c.status.full_text()  # the persona's network
    assert len(c.thread.media) == 2


def test_a_fifth_image_is_refused_before_it_is_copied(shell: Shell, tmp_path: Path, qtbot) -> None:
    c = compose(shell)
    c.editor.setPlainText("Four is the limit.")
    c.thread.add_images([png(tmp_path / f"{i}.png") for i in range(5)], 0)
    qtbot.waitUntil(lambda: len(c.thread.media) == 4, timeout=10_000)
    assert "Sandbox allows at most 4 images per post; 1 were not added." in c.status.full_text()


def test_an_animated_gif_beside_other_images_is_said_when_attached(shell: Shell, tmp_path: Path, qtbot) -> None:
    """X takes an animated GIF only on a post of its own, and the sandbox imitates it: a GIF with a picture was found
    out only when the post went out and failed. Both stay attached; the line says which to move."""
    c = compose(shell)
    c.editor.setPlainText("A dancing chart.")
    c.thread.add_images([animated_gif(tmp_path / "dance.gif")], 0)
    qtbot.waitUntil(lambda: len(c.thread.media) == 1, timeout=10_000)
    assert "animated GIF" not in c.status.full_text()
    c.thread.add_images([png(tmp_path / "chart.png")], 0)
    qtbot.waitUntil(lambda: len(c.thread.media) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "animated GIF" in c.status.full_text(), timeout=10_000)
    assert ("Sandbox takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): dance.gif is "
            "on the post with other images. Put it in a thread part of its own, or remove the other images."
            ) in c.status.full_text()


def test_an_image_cut_short_is_refused_when_attached(shell: Shell, tmp_path: Path, qtbot) -> None:
    """A JPEG whose download did not finish got its tile and was posted, to fail only at its time. It is read
    through in the worker that copies it, and refused then; a whole image beside it is attached."""
    c = compose(shell)
    c.editor.setPlainText("Two pictures.")
    c.thread.add_images([cut_short(jpeg(tmp_path / "cut.jpg")), png(tmp_path / "whole.png")], 0)
    qtbot.waitUntil(lambda: c.thread.pending_imports == 0, timeout=10_000)
    assert [m["name"] for m in c.thread.media] == ["whole.png"]
    assert c.status.full_text().startswith("cut.jpg is a JPEG image cut short: its data ends before the picture "
                                           "does"), c.status.full_text()


def test_missing_alt_text_is_nudged_before_posting_and_added_in_place(shell: Shell, demo: Services,
                                                                      tmp_path: Path, qtbot, idle) -> None:
    c = compose(shell)
    c.editor.setPlainText("This month's hiring, in one chart.")
    c.thread.add_images([png(tmp_path / "chart.png")], 0)
    qtbot.waitUntil(lambda: len(c.thread.media) == 1, timeout=10_000)
    qtbot.mouseClick(c.post_button, Qt.MouseButton.LeftButton)
    box = c.alt_question
    assert box is not None and box.isVisible() and "chart.png" in box.text()
    assert box.informativeText() == ("People who use a screen reader will not know what it shows. A sentence is "
                                     "enough.")  # one image: not "what they show"
    assert box.defaultButton().text().replace("&", "") == "Add alt text"
    box.defaultButton().click()  # Add alt text: nothing is posted, the alt text dialog opens
    dialog = c.thread.alt_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.editor, "Bar chart: hiring up 4% in healthcare, down 2% in tech")
    assert dialog.counter.text() == "54 / 1,000"
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert c.thread.media[0]["alt_text"].startswith("Bar chart")
    assert c.thread.boxes[0].images.tiles[0].text() == "Alt ✓"
    qtbot.mouseClick(c.post_button, Qt.MouseButton.LeftButton)  # no nudge now
    qtbot.waitUntil(lambda: not c.busy() and not c.parts()[0], timeout=10_000)
    idle(shell)
    entry = sandbox_thread(demo, "career")[-1]
    assert entry.media == (("chart.png", "Bar chart: hiring up 4% in healthcare, down 2% in tech"),)  # as attached


def test_two_images_without_alt_text_are_said_as_two(shell: Shell, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    c = compose(shell)
    c.editor.setPlainText("Two charts.")
    c.thread.add_images([png(tmp_path / "a.png"), png(tmp_path / "b.png")], 0)
    qtbot.waitUntil(lambda: len(c.thread.media) == 2, timeout=10_000)
    c.post()
    box = c.alt_question
    assert isinstance(box, QMessageBox) and box.text() == "2 images have no alt text: a.png, b.png."
    assert box.informativeText() == "People who use a screen reader will not know what they show. A sentence is enough."
    box.defaultButton().click()  # Add alt text: nothing is posted
    qtbot.waitUntil(lambda: c.thread.alt_dialog is not None and c.thread.alt_dialog.isVisible(), timeout=10_000)
    c.thread.alt_dialog.reject()


def test_posting_without_alt_text_is_the_users_choice(shell: Shell, demo: Services, tmp_path: Path, qtbot,
                                                      idle) -> None:
    c = compose(shell)
    c.editor.setPlainText("A picture says it.")
    c.thread.add_images([png(tmp_path / "p.png")], 0)
    qtbot.waitUntil(lambda: len(c.thread.media) == 1, timeout=10_000)
    c.post()
    box = c.alt_question
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text().replace("&", "") == "Continue without").click()
    qtbot.waitUntil(lambda: not c.busy() and not c.parts()[0], timeout=10_000)
    idle(shell)
    assert sandbox_thread(demo, "career")[-1].text == "A picture says it."


def test_removing_an_image_deletes_its_copy_and_images_follow_their_part(shell: Shell, demo: Services,
                                                                          tmp_path: Path, qtbot, idle) -> None:
    c = compose(shell)
    c.thread.set_content(["First part.", "Second part."])
    c.thread.add_images([png(tmp_path / "a.png")], 1)
    qtbot.waitUntil(lambda: len(c.thread.media) == 1, timeout=10_000)
    assert c.thread.media_of(1) and not c.thread.media_of(0)
    qtbot.mouseClick(c.thread.boxes[1].buttons["up"], Qt.MouseButton.LeftButton)
    assert c.parts() == ["Second part.", "First part."] and c.thread.media_of(0)  # the image moved with its part
    c.flush()
    copy = Path(c.thread.media[0]["path"])
    tile = c.thread.boxes[0].images.tiles[0]
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Delete)
    assert c.thread.media == []
    c.flush()
    idle(shell)
    assert not copy.exists()  # the copy went with it


def gif_among_others(part: int) -> str:
    return (f"Sandbox takes an animated GIF only on a post of its own (up to 4 images, or 1 animated GIF): dance.gif "
            f"is on part {part} of the thread with other images. Give it a part of its own, or remove the other "
            "images.")


def test_an_animated_gif_brought_beside_other_images_is_said_as_the_parts_change(shell: Shell, demo: Services,
                                                                               tmp_path: Path, qtbot) -> None:
    """The GIF was said only when attached beside a picture: joined to a picture's part, or gathered with it by a
    split, it got no word until the post went out and was refused. The line now follows the images: it says the
    part they share as the parts are joined, moved and split, and goes when the GIF is alone again."""
    c = compose(shell)
    c.editor.setPlainText("One.")
    c.thread.add_part(text="Two.")
    c.thread.add_part(text="Three.")
    c.thread.add_images([animated_gif(tmp_path / "dance.gif")], 0)
    qtbot.waitUntil(lambda: len(c.thread.media) == 1, timeout=10_000)
    c.thread.add_images([png(tmp_path / "chart.png")], 1)
    qtbot.waitUntil(lambda: len(c.thread.media) == 2, timeout=10_000)
    assert "animated GIF" not in c.status.full_text()

    qtbot.mouseClick(c.thread.boxes[0].buttons["merge"], Qt.MouseButton.LeftButton)  # parts 1 and 2 joined
    assert c.status.full_text() == gif_among_others(1) and c.status.isVisible()
    qtbot.mouseClick(c.thread.boxes[0].buttons["down"], Qt.MouseButton.LeftButton)  # their part moved down
    assert c.status.full_text() == gif_among_others(2)
    qtbot.mouseClick(c.thread.boxes[1].buttons["up"], Qt.MouseButton.LeftButton)  # and up again
    assert c.status.full_text() == gif_among_others(1)
    chart = next(m for m in c.thread.media if m["name"] == "chart.png")
    c.thread.boxes[0].images.removeRequested.emit(chart)  # the picture taken off: the GIF is alone
    assert "animated GIF" not in c.status.full_text() and c.status.isHidden()

    c.thread.boxes[0].editor.setPlainText(LONG[:600])  # too long: the split gathers the images on its first part
    c.thread.add_images([png(tmp_path / "chart.png")], 1)
    qtbot.waitUntil(lambda: len(c.thread.media) == 2, timeout=10_000)
    assert "animated GIF" not in c.status.full_text()
    qtbot.mouseClick(c.split_button, Qt.MouseButton.LeftButton)
    assert c.status.full_text().startswith("Split into ") and c.status.full_text().endswith(gif_among_others(1))


def test_a_draft_with_a_gif_beside_other_images_is_said_when_it_is_opened(shell: Shell, demo: Services,
                                                                          tmp_path: Path, qtbot) -> None:
    """Images shown from a draft were never read in this window: they are read in a worker, then said."""
    folder = demo.media_dir
    assert folder is not None
    media = [import_image(folder, animated_gif(tmp_path / "dance.gif")), import_image(folder, png(tmp_path / "a.png"))]
    c = compose(shell)
    c.set_content(Content.of(["One.", "Two."], media))

    def said() -> None:
        assert c.status.full_text() == gif_among_others(1), f"the line under the box: {c.status.full_text()!r}"

    qtbot.waitUntil(said, timeout=10_000)
