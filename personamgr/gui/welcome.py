"""The first-run page: what personamgr is for, in four lines, and the three ways to start.

Shown in place of compose and history while the profile has no persona (never
in the demo, which is seeded). It creates the first persona, imports a
personas file, or opens the demo beside the user's own profile.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from personamgr.core.i18n import translate
from personamgr.gui.widgets import bullets_html, hint_label


class WelcomePage(QWidget):
    createRequested = Signal()  # noqa: N815 (Qt naming)
    importRequested = Signal()  # noqa: N815 (Qt naming)
    demoRequested = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(620)
        v = QVBoxLayout(card)
        v.setSpacing(12)
        title = QLabel(translate("WelcomePage", "Welcome to personamgr"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        v.addWidget(title)
        intro = QLabel(translate("WelcomePage", "Each persona is one account with its own focus: what it posts "
                                 "about, and what it stays away from. Start with your first one."))
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.lines = []
        for name, text in (
            ("welcomeSandbox", translate("WelcomePage", "New personas post to the sandbox, a practice network that "
                                         "lives on this computer. Connect an X, Mastodon or Bluesky account when you "
                                         "are ready.")),
            ("welcomeGuard", translate("WelcomePage", "The persona guard reads each draft offline and warns when it "
                                       "strays from the persona's focus, before anything goes out.")),
            ("welcomeDemo", translate("WelcomePage", "Not sure yet? The demo shows two sample personas on the "
                                      "sandbox, in a profile of its own: yours stays untouched.")),
        ):
            label = QLabel(bullets_html([text]))
            label.setObjectName(name)
            label.setWordWrap(True)
            v.addWidget(label)
            self.lines.append(label)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.create_button = QPushButton(translate("WelcomePage", "Create your first persona…"))
        self.create_button.setObjectName("welcomeCreate")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.createRequested)
        self.import_button = QPushButton(translate("WelcomePage", "Import a personas file…"))
        self.import_button.setObjectName("welcomeImport")
        self.import_button.clicked.connect(self.importRequested)
        self.demo_button = QPushButton(translate("WelcomePage", "Open the demo"))
        self.demo_button.setObjectName("welcomeDemoButton")
        self.demo_button.setToolTip(translate("WelcomePage", "Starts personamgr --demo in its own window"))
        self.demo_button.clicked.connect(self.demoRequested)
        for b in (self.create_button, self.import_button, self.demo_button):
            row.addWidget(b)
        row.addStretch(1)
        v.addSpacing(6)
        v.addLayout(row)
        v.addWidget(hint_label(translate("WelcomePage", "Press F1 for the keyboard shortcuts; settings are under "
                                         "File ▸ Settings.")))
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card, 10)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        outer.setAlignment(Qt.AlignmentFlag.AlignHCenter)
