"""Buttons under the history for what the selected post allows, so no action lives only on right-click.

The buttons are the post's own menu (``PostActions.actions_for``), laid out in
a row of constant height: with nothing selected the row says so instead of
disappearing, so the history never jumps when the selection changes. What it
says depends on what there is to select: no post yet, none the search shows,
or some.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QWidget

from personamgr.core.i18n import translate
from personamgr.core.outbox import Post
from personamgr.gui.widgets import drop_widgets

if TYPE_CHECKING:
    from personamgr.gui.post_actions import PostActions


class PostActionBar(QWidget):
    def __init__(self, actions: Callable[[], PostActions | None], listed: Callable[[], tuple[int, int]],
                 parent: QWidget | None = None) -> None:
        """``listed``: how many posts the history holds and how many of them the search shows."""
        super().__init__(parent)
        self.setObjectName("postActionBar")
        self._actions = actions
        self._listed = listed
        self.after: QWidget | None = None  # Tab goes from it (the history) to the buttons, made anew per post
        self.post: Post | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        self.empty = QLabel()
        self.empty.setProperty("tone", "hint")
        self.row.addWidget(self.empty)
        self.row.addStretch(1)
        probe = QPushButton("X")
        self.setMinimumHeight(probe.sizeHint().height())  # the same height with buttons or without
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        probe.deleteLater()

    @Slot(object)
    def show_post(self, post: Post | None) -> None:
        drop_widgets(self.row, self.buttons.values())
        self.buttons = {}
        self.post = post
        actions = self._actions()
        self.empty.setVisible(post is None or actions is None)
        if post is None or actions is None:
            self.empty.setText(self._hint())
            return
        entries = actions.actions_for(post)
        moves = [(name.split(":", 1)[1], fn) for name, _label, fn in entries if name.startswith("moveTo:")]
        at = 1
        for entry, label, fn in entries:
            key, text = entry, label
            if entry.startswith("moveTo:") and len(moves) > 1:
                if "moveTo" in self.buttons:
                    continue
                # One "Move to" button with a menu of personas, however many there are.
                key, text = "moveTo", translate("PostActionBar", "Move to")
                button = QPushButton(text)
                menu = QMenu(button)
                for persona_name, move in moves:  # the persona's name, under "Move to"
                    if move is not None:
                        menu.addAction(persona_name, move)
                button.setMenu(menu)
            else:
                button = QPushButton(label.replace("&", "&&"))
                button.setEnabled(fn is not None)
                if fn is not None:
                    button.clicked.connect(lambda _checked=False, f=fn: f())
            button.setObjectName(f"postAction_{key}")
            button.setAccessibleName(text)
            self.row.insertWidget(at, button)
            at += 1
            self.buttons[key] = button
        previous = self.after
        for button in self.buttons.values():  # a new button joins the end of the window's Tab path otherwise
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button

    def _hint(self) -> str:
        held, shown = self._listed()
        if not held:
            return translate("PostActionBar", "No posts yet: a post's actions (retry, edit…) show here when you "
                             "select it.")
        if not shown:
            return translate("PostActionBar", "No post matches the search.")
        return translate("PostActionBar", "Select a post to see what you can do with it.")
