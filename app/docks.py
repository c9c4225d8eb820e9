"""Docks: the one a panel sits in, whether it is on screen, contents that scroll when
squeezed, and docks that open tall enough for their panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget
from shiboken6 import isValid


def dock_of(widget: QWidget) -> QDockWidget | None:
    """The dock a panel sits in (through its scroll area), or None outside a dock."""
    parent: QWidget | None = widget
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent


def on_screen(widget: QWidget) -> bool:
    """Shown, and not in a dock tabbed behind another (Qt keeps those 'visible' off-window)."""
    if not isValid(widget) or not widget.isVisible():
        return False
    dock = dock_of(widget)
    return dock is None or not dock.visibleRegion().isEmpty()


class DockScroll(QScrollArea):
    """A dock's contents, scrolling when the dock is squeezed on a small or 200 % screen."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the panel inside takes the focus
        # A set minimum wins over the scroll area's own hint (no Python override needed,
        # so nothing of ours runs while Qt takes the window down).
        self.setMinimumSize(48, 36)


def fit_dock_height(window: QMainWindow, dock: QDockWidget, panel: QWidget,
                    shown: bool = True) -> None:
    """Once the shown dock is laid out, grow it until its panel fits without a scroll bar.

    For a docked panel shown in a column (the timer): it opened squeezed, its clock cut.
    """
    if shown and not dock.isFloating():
        QTimer.singleShot(0, lambda: _grow(window, dock, panel, 3))


def _grow(window: QMainWindow, dock: QDockWidget, panel: QWidget, tries: int) -> None:
    # resizeDocks counts the height its own way: measure, grow by the shortfall, again.
    if not (isValid(dock) and dock.isVisible()):
        return
    scroll = dock.widget()
    if not isinstance(scroll, QScrollArea):
        return
    short = panel.sizeHint().height() - scroll.viewport().height()
    if short > 0 and tries > 0:
        window.resizeDocks([dock], [dock.height() + short], Qt.Orientation.Vertical)
        QTimer.singleShot(0, lambda: _grow(window, dock, panel, tries - 1))
