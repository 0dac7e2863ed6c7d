"""Which Alt-letters a window offers, where two of them fall on one letter, and which tabs and dialog buttons
have none.

Used by the tests that walk every screen in every language (the app itself never reads its own letters).
Alt+letter is a shortcut of the whole window: when two labels, buttons, group titles or tabs in sight share a
letter (a translation picks its own letters), Alt+N goes to one of them in turn, so what the label says is not
where the key goes. A stacked page (a tab's page) is in sight only with its own tab, so only widgets that can be
in sight together can clash.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from personamgr.gui.a11y import in_sight_together, lettered_texts, mnemonic


@dataclass(frozen=True)
class _Key:
    letter: str
    text: str
    pages: tuple[tuple[int, int], ...]  # (id of a stack, its page) for every stacked page the owner is on


def clashes(screen: QWidget) -> list[str]:
    """Every pair of Alt-letters that can be in sight together in ``screen``'s window, and every buddy label whose
    letter cannot reach its buddy. A menu's letters are its own namespace; a main window's menu bar shares the
    window's."""
    window = screen.window()
    if isinstance(window, QMenu):
        keys = [_Key(letter, action.text(), ()) for action in window.actions()
                if not action.isSeparator() and action.isVisible() and (letter := mnemonic(action.text()))]
        return _pairs(keys)
    keys, out = [], []
    if isinstance(window, QMainWindow):
        keys += [_Key(letter, top.text(), ()) for top in window.menuBar().actions()
                 if top.isVisible() and (letter := mnemonic(top.text()))]
    for widget in [window, *window.findChildren(QWidget)]:
        pages = _pages(widget, window)
        if pages is None:
            continue
        for text in lettered_texts(widget):
            if letter := mnemonic(text):
                keys.append(_Key(letter, text, pages))
        if isinstance(widget, QLabel) and _plain(widget) and mnemonic(widget.text()):
            out += _unreached(widget, pages, window)
    return _pairs(keys) + out


def without_letters(screen: QWidget) -> list[str]:
    """Every tab, and every button of a dialog's button row (Save, Cancel, Close ..., and a question's buttons
    made by hand: "Delete career", "Quit anyway"), in ``screen``'s dialog that Alt cannot reach: the persona
    editor's Identity, Focus, Schedule and Limits, its Save and Cancel had none, so the keyboard reached them only
    by Tab and Ctrl+Tab. A main window or a menu is not a dialog: left out."""
    window = screen.window()
    if not isinstance(window, QDialog):
        return []
    out = []
    for widget in [window, *window.findChildren(QWidget)]:
        if _pages(widget, window) is None:
            continue
        if isinstance(widget, QTabBar):
            out += [f"tab {widget.tabText(i)!r} has no Alt-letter" for i in range(widget.count())
                    if widget.isTabVisible(i) and not mnemonic(widget.tabText(i))]
        elif (isinstance(widget, QPushButton)
              and widget.text() and not mnemonic(widget.text())):
            out.append(f"button {widget.text()!r} has no Alt-letter")
    return out


def _plain(label: QLabel) -> bool:
    """Whether ``label`` shows plain text, where "&" marks a letter (in rich text it starts "&amp;")."""
    shown = label.textFormat()
    if shown == Qt.TextFormat.AutoText:
        return not Qt.mightBeRichText(label.text())
    return shown == Qt.TextFormat.PlainText


def _unreached(label: QLabel, pages: tuple[tuple[int, int], ...], window: QWidget) -> list[str]:
    """Why Alt and ``label``'s letter do not focus its buddy (none, hidden, disabled, takes no focus)."""
    buddy = label.buddy()
    if buddy is None:
        return [f"{label.text()!r} shows its '&' and has no buddy to reach"]
    buddy_pages = _pages(buddy, window)
    if buddy_pages is None or not in_sight_together(pages, buddy_pages):
        return [f"{label.text()!r}: its buddy {type(buddy).__name__}({buddy.objectName()}) is not in sight with it"]
    target = buddy.focusProxy() or buddy
    if not target.isEnabled() or not target.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [f"{label.text()!r}: its buddy {type(buddy).__name__}({buddy.objectName()}) takes no focus"]
    return []


def _pages(widget: QWidget, window: QWidget) -> tuple[tuple[int, int], ...] | None:
    """The stacked pages ``widget`` is on, or None if it is out of sight whatever page is shown."""
    pages = []
    w = widget
    while w is not None and w is not window:
        parent = w.parentWidget()
        if isinstance(parent, QStackedWidget) and parent.indexOf(w) >= 0:
            pages.append((id(parent), parent.indexOf(w)))
        elif w.isHidden():
            return None
        w = parent
    return tuple(pages)


def _pairs(keys: list[_Key]) -> list[str]:
    out = []
    for i, key in enumerate(keys):
        out += [f"&{key.letter}: {other.text!r} and {key.text!r}" for other in keys[:i]
                if other.letter == key.letter and in_sight_together(other.pages, key.pages)]
    return out
