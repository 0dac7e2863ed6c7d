"""Buttons under the history for what the selected post allows, so no action lives only on right-click.

The buttons are the post's own menu (``PostActions.actions_for``), laid out in
a row of constant height: with nothing selected the row says so instead of
disappearing, so the history never jumps when the selection changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from personamgr.core.i18n import translate
from personamgr.core.outbox import Post

if TYPE_CHECKING:
    from personamgr.gui.post_actions import PostActions


class PostActionBar(QWidget):
    def __init__(self, actions: Callable[[], PostActions | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postActionBar")
        self._actions = actions
        self.post: Post | None = None
        self.buttons: dict[str, QPushButton] = {}
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)
        self.empty = QLabel(translate("PostActionBar", "Select a post to see what you can do with it."))
        self.empty.setProperty("tone", "hint")
        self.row.addWidget(self.empty)
        self.row.addStretch(1)
        probe = QPushButton("X")
        self.setMinimumHeight(probe.sizeHint().height())  # the same height with buttons or without
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        probe.deleteLater()

    @Slot(object)
    def show_post(self, post: Post | None) -> None:
        for button in self.buttons.values():
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.post = post
        actions = self._actions()
        self.empty.setVisible(post is None or actions is None)
        if post is None or actions is None:
            return
        for i, (name, label, fn) in enumerate(actions.actions_for(post)):
            button = QPushButton(label.replace("&", "&&"))
            button.setObjectName(f"postAction_{name}")
            button.setAccessibleName(label)
            button.setEnabled(fn is not None)
            if fn is not None:
                button.clicked.connect(lambda _checked=False, f=fn: f())
            self.row.insertWidget(i + 1, button)
            self.buttons[name] = button
