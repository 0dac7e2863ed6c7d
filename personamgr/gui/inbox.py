"""The inbox: every post that needs the user, in one place, with its reason and what can be done.

Failed (why, and for a thread which part), held before it went out (the real
reason: off-focus, near-duplicate, missed its time …) and needs review (it may
have gone out). Each row is drawn like the history's and the buttons under the
list are the post's own actions (``PostActions``), so nothing lives only on a
right-click. The tray's badge counts the same posts; the dock's title says how
many there are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from personamgr.core.i18n import translate
from personamgr.core.outbox import ATTENTION, Post
from personamgr.gui.history import HistoryView
from personamgr.gui.widgets import drop_widgets

PRIMARY = 2  # buttons shown for the selected post; the rest are under "More"


class InboxView(HistoryView):
    """Failed, held and needs-review posts, newest first."""

    countChanged = Signal(int)  # noqa: N815 (Qt naming)

    def empty_text(self) -> str:
        return translate("Inbox", "Nothing needs you. A post that fails, is held before it goes out, or may have gone "
                         "out shows up here, with what you can do about it.")

    def read(self, needle: str = "") -> list[Post]:
        """Every post that needs the user (a few): a search filters them all, with nothing more to read."""
        posts = self.services.outbox.in_states(ATTENTION)
        return sorted(posts, key=lambda p: (p.updated_at, p.id), reverse=True)

    def _show(self, gen: int, posts: list[Post], needle: str = "") -> None:
        super()._show(gen, posts, needle)
        if gen == self._generation:
            self.countChanged.emit(self.count())


class InboxActions(QWidget):
    """The selected post's first actions as buttons, the rest under "More ▾": it fits a narrow side panel."""

    def __init__(self, view: InboxView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.buttons: dict[str, QPushButton] = {}
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(translate("Inbox", "Select a post to see what you can do."))
        self.empty.setProperty("tone", "hint")
        self.row.addWidget(self.empty)
        self.more = QPushButton(translate("Inbox", "More"))
        self.more.setObjectName("inboxMore")
        self.more.setMenu(QMenu(self.more))
        self.row.addStretch(1)
        self.row.addWidget(self.more)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.more.sizeHint().height())
        self.show_post(None)

    @Slot(object)
    def show_post(self, post: Post | None) -> None:
        drop_widgets(self.row, self.buttons.values())
        self.buttons = {}
        menu = self.more.menu()
        menu.clear()
        actions = self.view.post_actions
        self.empty.setVisible(post is None or actions is None)
        self.more.setVisible(post is not None and actions is not None)
        if post is None or actions is None:
            return
        entries = actions.actions_for(post)
        primary = [e for e in entries if not e[0].startswith("moveTo:") and e[2] is not None][:PRIMARY]
        for i, (name, label, fn) in enumerate(primary):
            button = QPushButton(label.replace("&", "&&"))
            button.setObjectName(f"inboxAction_{name}")
            button.setAccessibleName(label)
            button.clicked.connect(lambda _checked=False, f=fn: f())  # type: ignore[misc]
            self.row.insertWidget(i, button)
            self.buttons[name] = button
        moves: QMenu | None = None
        for name, label, fn in entries:
            if (name, label, fn) in primary:
                continue
            target, text = menu, label
            if name.startswith("moveTo:"):
                moves = moves or menu.addMenu(translate("Inbox", "Move to"))
                target, text = moves, label.removeprefix("Move to ")
            action = QAction(text, target)
            action.setObjectName(name)
            action.setEnabled(fn is not None)
            if fn is not None:
                action.triggered.connect(fn)
            target.addAction(action)


class Inbox(QWidget):
    """The list and, under it, the selected post's actions."""

    def __init__(self, view: InboxView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inbox")
        self.view = view
        view.setObjectName("inboxList")
        view.setAccessibleName(translate("Inbox", "Inbox"))
        self.actions = InboxActions(view)
        self.actions.setObjectName("inboxActions")
        view.currentPostChanged.connect(self.actions.show_post)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(view, 1)
        layout.addWidget(self.actions)


def attach_inbox(shell: object, beside: QDockWidget) -> tuple[Inbox, QDockWidget]:
    """The inbox as a dock, tabbed with ``beside`` (the schedule); its title counts the posts in it."""
    window = shell.window  # type: ignore[attr-defined]
    view = InboxView(shell.services, shell.controller, shell.drafts, shell.workers, shell.events)  # type: ignore[attr-defined]
    view.post_actions = window.post_actions
    inbox = Inbox(view)
    dock = QDockWidget(translate("Inbox", "Inbox"), window)
    dock.setObjectName("inboxDock")
    dock.setWidget(inbox)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(beside, dock)
    beside.raise_()  # the schedule stays in front until something needs the user

    def count(n: int) -> None:
        dock.setWindowTitle(translate("Inbox", "Inbox ({n})").format(n=n) if n else translate("Inbox", "Inbox"))

    view.countChanged.connect(count)
    return inbox, dock
