"""Keyboard-only use of the window: panel cycling (F6) and where the cell cursor stands."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from app.context import EditorContext
from app.docks import on_screen
from model.layout import Cell
from model.navigation import emotion_value, is_emotion_cell


class KeyboardNavigation(QObject):
    """Moves the focus between the window's panels and says where the map's cursor is."""

    def __init__(self, ctx: EditorContext, panels: list[QWidget]) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.panels = panels
        ctx.view.setAccessibleName(self.tr("Journey map"))
        ctx.view.setAccessibleDescription(self.tr(
            "Arrow keys move the cell cursor; type or press Enter to add a card; Tab goes "
            "from card to card; Ctrl+arrows move the selected card; + and - change the "
            "emotion of the stage in the emotion lane."))
        ctx.view.viewport().setAccessibleName(self.tr("Journey map"))
        self._announced: tuple[Cell, str] | None = None  # the cell message on show
        ctx.scene.cursor_moved.connect(self.announce_cell)

    def add_panel(self, panel: QWidget) -> None:
        self.panels.append(panel)

    # -- F6 / Shift+F6 ---------------------------------------------------------------

    def next_panel(self) -> None:
        self._cycle(1)

    def previous_panel(self) -> None:
        self._cycle(-1)

    def ring(self) -> list[QWidget]:
        """The panels F6 walks through: the listed ones, then every other dock, in order."""
        panels = list(self.panels)
        for dock in self.ctx.window.findChildren(QDockWidget):
            inner = dock.widget()
            if inner is None or any(p is inner or p.isAncestorOf(inner) or inner.isAncestorOf(p)
                                    for p in panels):
                continue
            panels.append(inner)
        return [p for p in panels if on_screen(p) and self._first_stop(p) is not None]

    def _cycle(self, step: int) -> None:
        shown = self.ring()
        if not shown:
            return
        focus = QApplication.focusWidget()
        current = next((i for i, p in enumerate(shown)
                        if focus is not None and (p is focus or p.isAncestorOf(focus))), -1)
        if current < 0 and step < 0:
            current = 0
        target = shown[(current + step) % len(shown)]
        stop = self._first_stop(target)
        if stop is not None:
            stop.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @staticmethod
    def _first_stop(panel: QWidget) -> QWidget | None:
        """The panel itself if Tab stops there, else its first child that takes the focus."""
        if panel.focusPolicy() & Qt.FocusPolicy.TabFocus and panel.isEnabled():
            return panel
        for child in panel.findChildren(QWidget):
            if (child.isVisibleTo(panel) and child.isEnabled()
                    and child.focusPolicy() & Qt.FocusPolicy.TabFocus):
                return child
        return None

    # -- the cell cursor -------------------------------------------------------------

    def describe_cell(self, cell: Cell) -> str:
        """What the status bar says when the cursor arrives in a cell."""
        layout = self.ctx.scene.layout
        if layout is None:
            return ""
        place = f"{layout.stage(cell[0]).name} · {layout.lane(cell[1]).name}"
        if is_emotion_cell(layout, cell):
            curve_id = self.ctx.scene.current_curve_id
            curves = [c.id for c in layout.curves]
            if not curves:
                return self.tr("{0}: no emotion curve").format(place)
            curve = next(c for c in layout.curves
                         if c.id == (curve_id if curve_id in curves else curves[0]))
            value = emotion_value(layout, curve.id, cell[0])
            shown = self.tr("not set") if value is None else f"{value:+d}"
            return self.tr("{0}: {1} on “{2}”. Press + or - (or Shift+Up/Down) to change it."
                           ).format(place, shown, curve.name)
        count = len(layout.cell_cards.get(cell, []))
        return self.tr("{0}: {1} card(s). Type, or press Enter, to add a card.").format(
            place, count)

    def announce_cell(self, cell: Cell) -> None:
        self._announced = (cell, self.describe_cell(cell))
        self.ctx.status(self._announced[1], 6000)

    def refresh_announced_cell(self) -> None:
        """After an edit, a cell's message still shown says its new count or value."""
        if self._announced is None:
            return
        cell, said = self._announced
        if self.ctx.window.statusBar().currentMessage() != said:
            self._announced = None  # gone, or replaced by another message: leave it
            return
        try:
            now = self.describe_cell(cell)
        except KeyError:  # its stage or lane is gone
            now = ""
        if now != said:
            self._announced = (cell, now) if now else None
            if now:
                self.ctx.status(now, 6000)
            else:
                self.ctx.window.statusBar().clearMessage()
