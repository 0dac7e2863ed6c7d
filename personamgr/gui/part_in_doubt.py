"""The questions "mark as sent" asks about a thread in doubt: is its one uncertain part on the account, and if
parts follow it, what is that part's link (they reply to it, and the network never told its id). A single post's
link, or the last part's, is asked too, but optional: it is what Open and Copy link use.

Built here, answered in ``post_actions``, which records the answer through ``core.post_workflows.mark_sent``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from personamgr.core.faults import sentence
from personamgr.core.i18n import translate
from personamgr.core.networks.base import parts_known
from personamgr.core.outbox import Post
from personamgr.core.part_links import LinkRefused
from personamgr.gui.a11y import with_letters


def doubt_box(parent: QWidget, post: Post, part: int, handle: str, name: str) -> tuple[QMessageBox, QAbstractButton,
                                                                                        QAbstractButton]:
    """(the question, its "there" button, its "not there" button); Cancel is the default and Escape."""
    total = len(post.parts)
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("PostActions", "Part {part} of {total} may not have gone out").format(
                          part=part, total=total),
                      translate("PostActions", "Is part {part} of this thread on {handle}'s account?").format(
                          part=part, handle=handle),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    known = parts_known(part - 1, total)
    then = (translate("PostActions", "If it is there, the thread is recorded as sent.") if part == total else
            translate("PostActions", "If it is there, you give its link next, so that part {next} replies to it. "
                      "Either way, the parts not out are sent only when you choose Retry.").format(next=part + 1))
    box.setInformativeText(f"{known} {then}".strip())
    there = box.addButton(translate("PostActions", "Part {part} is there").format(part=part),
                          QMessageBox.ButtonRole.AcceptRole)
    missing = box.addButton(translate("PostActions", "Part {part} is not there").format(part=part),
                            QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    with_letters(box)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box, there, missing


def link_dialog(parent: QWidget, part: int | None, refused: LinkRefused | None = None, typed: str = "", *,
                last: bool = False) -> QInputDialog:
    """Asks for the link of the part the user found (``part`` None: of a single post); again after ``refused``,
    with what they ``typed`` (then :func:`select_fault`, so they mend the link rather than paste it all over).

    A part that parts follow needs its link (they reply to it); a single post's or the ``last`` part's is optional,
    offered so that Open and Copy link find the post, and an empty answer marks it sent all the same."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("partLink")
    if part is None:
        dialog.setWindowTitle(translate("PostActions", "Mark as sent"))
        ask = translate("PostActions", "Paste the post's link from the account, so that Open and Copy link find it. "
                        "Without a link it is marked as sent all the same.")
    elif last:
        dialog.setWindowTitle(translate("PostActions", "Link to part {part}").format(part=part))
        ask = translate("PostActions", "Paste the link of part {part} from the account, so that Open part {part} "
                        "finds it. Without a link the thread is marked as sent all the same.").format(part=part)
    else:
        dialog.setWindowTitle(translate("PostActions", "Link to part {part}").format(part=part))
        ask = translate("PostActions", "Copy the link of part {part} from the account and paste it here: part {next} "
                        "replies to it.").format(part=part, next=part + 1)
    if part is None or last:
        dialog.setOkButtonText(translate("PostActions", "Mark as sent"))
    dialog.setLabelText(f"{sentence(str(refused))}\n\n{ask}" if refused is not None else ask)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextValue(typed)
    dialog.setMinimumWidth(460)
    label = dialog.findChild(QLabel)
    if label is not None:
        label.setWordWrap(True)
    return dialog


def select_fault(dialog: QInputDialog, refused: LinkRefused) -> None:
    """Select the part of the link at fault (the dialog selects all its text as it opens, so: once it is open)."""
    edit = dialog.findChild(QLineEdit)
    if edit is not None:
        start, end = refused.bad
        edit.setSelection(start, end - start)
        edit.setFocus()
