"""Panels refresh only when an edit can change what they show, and only while shown.

After every undo step the canvas is brought up to date at once; a panel is refreshed
then only if one of the step's changes concerns it and it is on screen. A panel that
is hidden, or a dock tabbed behind another, is marked stale and refreshed when its
dock (or tab) comes up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget
from shiboken6 import isValid

from app.docks import dock_of, on_screen
from model.changes import How, What

Changes = frozenset[tuple[What, How]]


def card_moves_only(changes: Changes) -> bool:
    """Every change of the step is a card moving (its fields stay as they were)."""
    return all(what is What.CARD and how is How.MOVED for what, how in changes)


def concerns(changes: Changes, whats: Iterable[What], card_moves: bool) -> bool:
    """Whether a step with ``changes`` changes something of ``whats``.

    ``card_moves``: a card moving counts (it changes the order of what is listed).
    """
    wanted = frozenset(whats)
    for what, how in changes:
        if what in wanted and (card_moves or what is not What.CARD or how is not How.MOVED):
            return True
    return False


@dataclass(eq=False)
class Panel:
    """One part of the window that shows the model, and what it shows."""

    name: str
    refresh: Callable[[], None]
    cares: Callable[[Changes], bool]
    widgets: tuple[QWidget, ...] = ()  # none: always on screen (the canvas, the header)
    stale: bool = field(default=True)

    def shown(self) -> bool:
        return not self.widgets or any(on_screen(w) for w in self.widgets)


class PanelRefresh:
    """The window's panels, refreshed after a step that concerns them while they are shown."""

    def __init__(self) -> None:
        self.panels: list[Panel] = []
        self.refreshed: list[str] = []  # what the last step refreshed (tests read it)

    def add(self, name: str, refresh: Callable[[], None], cares: Callable[[Changes], bool],
            widgets: tuple[QWidget, ...] = ()) -> Panel:
        panel = Panel(name, refresh, cares, widgets)
        self.panels.append(panel)
        for widget in widgets:
            dock = dock_of(widget)
            if dock is not None:
                dock.visibilityChanged.connect(
                    lambda visible, d=dock: self._dock_shown(d, visible))
            parent = widget.parentWidget()
            while parent is not None and parent is not dock:
                if isinstance(parent, QTabWidget):
                    parent.currentChanged.connect(lambda _i: self.flush())
                parent = parent.parentWidget()
        return panel

    def changed(self, changes: Changes | None) -> None:
        """A step changed the model (None: anything may have changed, e.g. another journey)."""
        for panel in self.panels:
            if changes is None or panel.cares(changes):
                panel.stale = True
        self.flush()

    def flush(self) -> None:
        """Refresh the stale panels that are on screen."""
        self.refreshed = []
        for panel in self.panels:
            if panel.stale and panel.shown():
                panel.stale = False
                self.refreshed.append(panel.name)
                panel.refresh()

    def _dock_shown(self, dock: QDockWidget, visible: bool) -> None:
        # Qt says a tabbed dock came to the front before it has its place on the window:
        # trust the signal for the panels in that dock.
        if not visible or not isValid(dock):
            return
        for panel in self.panels:
            if panel.stale and any(isValid(w) and w.isVisible() and dock.isAncestorOf(w)
                                   for w in panel.widgets):
                panel.stale = False
                panel.refresh()
