"""What a screen reader hears for a widget, and which widgets it must hear something for.

Used by the accessibility test that walks every screen, and by widgets that
name themselves from a label. The name is Qt's own accessible name (a button's
text, a field's buddy label, or an explicit ``setAccessibleName``), so the
check is on what assistive technology actually gets.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

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


def unnamed(root: QWidget) -> list[str]:
    """Every interactive widget under ``root`` whose spoken name has no word in it ("", "✕", "…")."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if is_interactive(w) and not _WORD.search(spoken_name(w)):
            out.append(f"{type(w).__name__}({w.objectName() or '?'}) under {_path(w)}: {spoken_name(w)!r}")
    return out


def _path(w: QWidget) -> str:
    names = []
    p = w.parentWidget()
    while p is not None and len(names) < 3:
        names.append(p.objectName() or type(p).__name__)
        p = p.parentWidget()
    return "/".join(reversed(names))
