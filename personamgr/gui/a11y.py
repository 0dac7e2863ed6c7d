"""What a screen reader hears for a widget, and which widgets it must hear something for.

Used by the accessibility test that walks every screen, and by widgets that
name themselves from a label. The name is Qt's own accessible name (a button's
text, a field's buddy label, or an explicit ``setAccessibleName``), so the
check is on what assistive technology actually gets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from personamgr.core.i18n import QT_TRANSLATE_NOOP, translate

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit,
               QPlainTextEdit, QTextEdit, QTabBar)
# Controls whose children are their own parts, named through the control.
PARTS_OF = (QComboBox, QAbstractSpinBox, QTabBar, QCalendarWidget, QLineEdit, QAbstractItemView)
_WORD = re.compile(r"\w{2,}")


def spoken_name(widget: QWidget) -> str:
    """The accessible name assistive technology reads for ``widget``."""
    iface = QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QAccessible.Text.Name) if iface is not None else ""
    return (name or widget.accessibleName() or "").replace("&", "").strip()


def own_name(widget: QWidget) -> str:
    """The name ``widget`` was given (its text, a buddy label, ``setAccessibleName``), not its value read as one.

    Qt names a combo box by its current text on Linux, whatever its accessible name: a screen reader says the
    choice ("All personas"), never what is chosen, unless a label names it (the label's buddy, a relation that
    AT-SPI carries). A name that is only the control's value counts as no name; the labels' words do.
    """
    name = spoken_name(widget)
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or not name or name != iface.text(QAccessible.Text.Value).replace("&", "").strip():
        return name
    return " ".join(labelled_by(widget))


def labelled_by(widget: QWidget) -> list[str]:
    """What the labels whose buddy ``widget`` is say (how a screen reader on Linux names a combo box)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return []
    return [other.text(QAccessible.Text.Name).replace("&", "").strip()
            for other, _ in iface.relations(QAccessible.Relation.Label)]


def label_for(widget: QWidget, text: str) -> QLabel:
    """A label beside ``widget`` whose buddy it is: the one name a screen reader on Linux says for a combo box (its
    accessible name goes unread there), and the label's mnemonic focuses ``widget`` itself."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def first_control(widget: QWidget) -> QWidget:
    """``widget`` if the user operates it, else the first control in it (the combo box of a row with a note)."""
    if is_interactive(widget):
        return widget
    return next((w for w in widget.findChildren(QWidget) if is_interactive(w)), widget)


def is_interactive(widget: QWidget) -> bool:
    """A control the user can reach and operate (not Qt's own parts of a compound control)."""
    if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
        return False
    if widget.objectName().startswith("qt_"):
        return False
    if isinstance(widget, QHeaderView):
        return False  # part of its table, which carries the name
    parent = widget.parentWidget()
    while parent is not None:  # the list inside a combo box's popup, the clear button of a line edit, ...
        if isinstance(parent, PARTS_OF):
            return False
        parent = parent.parentWidget()
    return True


# Qt's own words for its standard buttons have no Alt-letter ("Save", "Cancel"): the keyboard reached them by Tab.
_LETTERED = {
    "Ok": QT_TRANSLATE_NOOP("buttons", "&OK"),
    "Cancel": QT_TRANSLATE_NOOP("buttons", "&Cancel"),
    "Close": QT_TRANSLATE_NOOP("buttons", "&Close"),
    "Save": QT_TRANSLATE_NOOP("buttons", "&Save"),
    "RestoreDefaults": QT_TRANSLATE_NOOP("buttons", "&Restore defaults"),
}


Box = TypeVar("Box", QDialogButtonBox, QMessageBox)


def with_letters(box: Box) -> Box:
    """``box`` with an Alt-letter on each of its buttons: the standard ones Qt's words with a letter, a button made
    by hand ("Delete career", "Quit anyway") the first letter of a word not taken by another button, else any free
    letter, in whatever language its words are. A button whose words carry a letter keeps it."""
    for button in box.buttons():
        words = _LETTERED.get(box.standardButton(button).name)
        if words is not None:
            button.setText(translate("buttons", words))
    taken = {letter for button in box.buttons() if (letter := mnemonic(button.text()))}
    keeper = box.findChild(_LetterKeeper) or _LetterKeeper(box)
    for button in box.buttons():
        if button.text() and mnemonic(button.text()) is None:
            button.setText(_with_free_letter(button.text(), taken))
        # Qt renames some buttons when pressed (a message box's Show Details... becomes Hide Details...): after Qt's
        # own slot, which was connected first, the new words take a letter the box's other buttons leave free.
        button.clicked.connect(keeper.keep)
    return box


class _LetterKeeper(QObject):
    """Gives a pressed button whose new words have no letter one its row's other buttons leave free. A slot of
    an object, not a lambda over the button: PySide drops the wrapper of Qt's own details button as it is
    renamed, and the sender is the one way to the button then."""

    @Slot()
    def keep(self) -> None:
        button = self.sender()
        row = button.parentWidget() if isinstance(button, QAbstractButton) else None
        if row is None or not button.text() or mnemonic(button.text()) is not None:
            return
        taken = {letter for other in row.findChildren(QAbstractButton)
                 if other is not button and (letter := mnemonic(other.text()))}
        button.setText(_with_free_letter(button.text(), taken))


def with_button_letters(dialog: QWidget) -> QWidget:
    """``dialog`` with an Alt-letter on every push button it has, its own rows' too ("Move to metal", "Post anyway",
    "Send now", "Add slot"), not only a button box's: the guard's question, the missed posts and the post editor
    were reached only by Tab. Each takes the first letter of a word not already taken by what can be in sight with
    it (a label, a group, a tab, another button; a tab's page is in sight only with its own tab), in whatever
    language its words are; a button whose words carry a letter keeps it."""
    from PySide6.QtWidgets import QPushButton

    keys = [(letter, _stacked_pages(widget, dialog)) for widget in [dialog, *dialog.findChildren(QWidget)]
            for text in lettered_texts(widget) if (letter := mnemonic(text))]  # (letter, the pages its owner is on)
    for button in dialog.findChildren(QPushButton):
        if button.text() and mnemonic(button.text()) is None:
            pages = _stacked_pages(button, dialog)
            taken = {letter for letter, on in keys if in_sight_together(pages, on)}
            button.setText(_with_free_letter(button.text(), taken))
            if letter := mnemonic(button.text()):
                keys.append((letter, pages))
    return dialog


def _stacked_pages(widget: QWidget, root: QWidget) -> frozenset[tuple[int, int]]:
    """(id of a stack, its page) for every stacked page (a tab's page) ``widget`` is on, up to ``root``."""
    from PySide6.QtWidgets import QStackedWidget

    pages, child, parent = set(), widget, widget.parentWidget()
    while parent is not None and child is not root:
        if isinstance(parent, QStackedWidget):
            pages.add((id(parent), parent.indexOf(child)))
        child, parent = parent, parent.parentWidget()
    return frozenset(pages)


def in_sight_together(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    """Whether widgets on stacked pages ``a`` and on pages ``b`` ((id of a stack, its page) each) can be in sight at
    once: no stack shows two pages."""
    shown = dict(a)
    return all(shown.get(stack, page) == page for stack, page in b)


def lettered_texts(widget: QWidget) -> list[str]:
    """The texts of ``widget`` that can carry an Alt-letter of its window: a button's, a group's title, the visible
    tabs', a label's that has a buddy to reach."""
    from PySide6.QtWidgets import QGroupBox, QLabel, QTabBar

    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return [widget.text()]
    return []


def _letters(text: str) -> list[int]:
    """Where the letters of ``text`` are, "&&" (a plain "&") left out."""
    at, out = 0, []
    while at < len(text):
        if text.startswith("&&", at):
            at += 2
            continue
        if text[at].isalpha():
            out.append(at)
        at += 1
    return out


def mnemonic(text: str) -> str | None:
    """The letter Alt reaches ``text`` by ("&Quit": "q"); None if it has none ("&&" is a plain "&")."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].casefold() if 0 <= at < len(plain) - 1 else None


def _with_free_letter(text: str, taken: set[str]) -> str:
    """``text`` marked at its first word's first letter not in ``taken`` (then any free letter), which it takes."""
    letters = _letters(text)
    starts = [at for at in letters if at == 0 or not text[at - 1].isalnum()]
    for at in starts + letters:
        if text[at].casefold() not in taken:
            taken.add(text[at].casefold())
            return f"{text[:at]}&{text[at:]}"
    return text


def unnamed(root: QWidget) -> list[str]:
    """Every interactive widget under ``root`` with no name of its own that has a word in it ("", "✕", "…", or only
    its value)."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if is_interactive(w) and not _WORD.search(own_name(w)):
            out.append(f"{type(w).__name__}({w.objectName() or '?'}) under {_path(w)}: {spoken_name(w)!r}")
    return out


def _path(w: QWidget) -> str:
    names = []
    p = w.parentWidget()
    while p is not None and len(names) < 3:
        names.append(p.objectName() or type(p).__name__)
        p = p.parentWidget()
    return "/".join(reversed(names))
