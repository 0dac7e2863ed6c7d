"""The main window on the screen it opens on: never wider than the screen, and the side panels (Schedule, Inbox)
beside compose only where the screen has room for them.

The window cannot be narrower than the personas, compose and its open panels side by side (compose is never
squeezed), so on a small screen (1024x600 in some languages, 800x600, a window tiled to half a laptop's screen)
an open panel pushed the window past the screen's edge, the Post button and the panel out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

DEFAULT_SIZE = QSize(1200, 700)  # fits a 1366x768 laptop, with personas, compose and the schedule panel


def docked_panels(window: QMainWindow) -> list[QDockWidget]:
    """The panels open beside compose (a floating one takes no room in the window)."""
    return [d for d in window.findChildren(QDockWidget) if not d.isHidden() and not d.isFloating()]


def fits(window: QMainWindow, screen: QRect) -> bool:
    return window.minimumSizeHint().width() <= screen.width()


def fit_to_screen(window: QMainWindow, screen: QRect, *, restored: bool) -> None:
    """At start-up, once the window shows (what it needs is known only then). Panels open beside compose that
    leave no room on ``screen`` (its available part) close: the first start shows personas and compose, the
    Schedule menu opens the panels (on their own, see :func:`keep_panels_on_screen`). A first start is the default
    size where the screen has room, centred on it; a restored window keeps its size and place, within the screen."""
    if not fits(window, screen):
        for dock in docked_panels(window):
            dock.hide()
        window.layout().activate()  # the window's least size without them, now
    frame = window.frameGeometry().size() - window.size()  # the title bar and borders, known once shown
    size = (window.size() if restored else DEFAULT_SIZE).boundedTo(screen.size() - frame)
    window.resize(size.expandedTo(window.minimumSizeHint()))
    if not (restored and screen.contains(window.frameGeometry())):
        place_within(window, screen, centred=not restored)


def place_within(widget: QWidget, screen: QRect, *, centred: bool = False) -> None:
    """Move ``widget``'s frame onto ``screen`` (centred on it, or as little as it takes)."""
    frame = widget.frameGeometry()
    if centred:
        frame.moveCenter(screen.center())
    frame.moveLeft(max(screen.left(), min(frame.left(), screen.right() + 1 - frame.width())))
    frame.moveTop(max(screen.top(), min(frame.top(), screen.bottom() + 1 - frame.height())))
    widget.move(frame.topLeft())


def beside_the_others(panel: QDockWidget, window: QMainWindow, screen: QRect) -> None:
    """Move ``panel`` (placed within ``screen``) clear of ``window``'s other panels open on their own: to the left
    of one, else below one, else offset by a title bar so each one's title can still be seen and clicked. The Inbox
    came up at the Schedule's very place, hiding it."""
    others = [d.frameGeometry() for d in window.findChildren(QDockWidget)
              if d is not panel and d.isFloating() and d.isVisible()]
    if not others:
        return
    frame = panel.frameGeometry()
    candidates = [frame.translated(o.left() - frame.right() - 1, 0) for o in others]  # left of one
    candidates += [frame.translated(0, o.bottom() + 1 - frame.top()) for o in others]  # below one
    for spot in candidates:
        if screen.contains(spot) and not any(spot.intersects(o) for o in others):
            panel.move(spot.topLeft())
            return
    step = panel.frameGeometry().height() - panel.geometry().height() or panel.fontMetrics().height() * 2
    panel.move(frame.topLeft() + QPoint(-step, step) * len(others))
    place_within(panel, screen)


def keep_panels_on_screen(window: QMainWindow, screen: QRect | None = None) -> None:
    """A panel opened where the screen has no room for it beside compose comes up as a window of its own, on the
    screen, and the main window goes back within the screen. ``screen``: the available part of the screen, for
    tests; by default the window's screen at that moment."""

    def on_shown(dock: QDockWidget) -> None:
        area = screen if screen is not None else window.screen().availableGeometry()
        if dock.isHidden() or dock.isFloating() or fits(window, area):
            return
        dock.setFloating(True)
        frame = dock.frameGeometry().size() - dock.size()
        dock.resize(dock.sizeHint().expandedTo(dock.minimumSizeHint()).boundedTo(area.size() - frame))
        dock.move(area.right() + 1 - dock.frameGeometry().width(), dock.y())  # at the screen's right, as docked
        place_within(dock, area)
        beside_the_others(dock, window, area)
        window.layout().activate()  # the window's least size without the panel, now
        outer = window.frameGeometry().size() - window.size()
        window.resize(window.size().boundedTo(area.size() - outer).expandedTo(window.minimumSizeHint()))
        place_within(window, area)

    for dock in window.findChildren(QDockWidget):
        # after the show has been laid out: the window's minimum with the panel is known then
        dock.visibilityChanged.connect(lambda visible, d=dock: visible and QTimer.singleShot(0, lambda: on_shown(d)))
