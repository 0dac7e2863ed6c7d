"""A Mastodon post's own content warning and visibility, under the compose box.

Both start as the persona's defaults (persona editor); changing them here changes only this post.
They are kept on the draft post itself, so scheduling or queueing the draft keeps them too. The row
is hidden for networks that have neither.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate
from personamgr.core.personas import VISIBILITIES, Persona
from personamgr.gui.a11y import label_for

LABELS = {  # translated where shown
    "public": QT_TRANSLATE_NOOP("PostOptions", "Public"),
    "unlisted": QT_TRANSLATE_NOOP("PostOptions", "Quiet public"),
    "private": QT_TRANSLATE_NOOP("PostOptions", "Followers only"),
    "direct": QT_TRANSLATE_NOOP("PostOptions", "Mentioned only"),
}


class PostOptions(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postOptions")
        self.persona: Persona | None = None
        self.warning = QLineEdit()
        self.warning.setObjectName("postContentWarning")
        self.warning.setPlaceholderText(translate("PostOptions", "Content warning (none)"))
        self.warning.setAccessibleName(translate("PostOptions", "Content warning"))
        self.visibility = QComboBox()
        self.visibility.setObjectName("postVisibility")
        self.visibility.setAccessibleName(translate("PostOptions", "Visibility"))
        for v in VISIBILITIES:
            self.visibility.addItem(translate("PostOptions", LABELS[v]), v)
        label = QLabel(translate("PostOptions", "C&W"))
        label.setBuddy(self.warning)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.warning, 1)
        row.addWidget(label_for(self.visibility, translate("PostOptions", "&Visibility:")))
        row.addWidget(self.visibility)
        self.warning.textEdited.connect(lambda _t: self.changed.emit())
        self.visibility.activated.connect(lambda _i: self.changed.emit())
        self.hide()

    def show_for(self, persona: Persona | None, content_warning: str | None = None,
                 visibility: str | None = None) -> None:
        """Fill in ``persona``'s defaults, or the post's own values where it has them; hide unless Mastodon."""
        self.persona = persona
        if persona is None or persona.network != "mastodon":
            self.hide()
            return
        self.warning.setText(persona.content_warning if content_warning is None else content_warning)
        self.visibility.setCurrentIndex(max(0, self.visibility.findData(visibility or persona.visibility)))
        self.show()

    def content_warning(self) -> str:
        return self.warning.text().strip() if not self.isHidden() else (
            self.persona.content_warning if self.persona else "")

    def values(self) -> tuple[str | None, str | None]:
        """(content warning, visibility) to keep on the post: None where it is the persona's default."""
        if self.persona is None or self.isHidden():
            return None, None
        cw = self.warning.text().strip()
        vis = str(self.visibility.currentData())
        return (None if cw == self.persona.content_warning else cw,
                None if vis == self.persona.visibility else vis)
