"""The map's keyboard: the cell cursor, arrows, typing a new card, Tab through cards."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent

from model.layout import Cell
from model.navigation import (
    Step,
    card_move_target,
    emotion_value,
    first_cell,
    is_emotion_cell,
    move_cursor,
    next_card,
    stepped_emotion,
)
from widgets.items import CardTextEditor, qrect
from widgets.scene_protocol import MapScene

_STEPS = {Qt.Key.Key_Left: Step.LEFT, Qt.Key.Key_Right: Step.RIGHT, Qt.Key.Key_Up: Step.UP,
          Qt.Key.Key_Down: Step.DOWN}


class MapKeys:
    """Turns key presses on the map into cursor moves and the scene's gesture signals."""

    def __init__(self, scene: MapScene) -> None:
        self._scene = scene
        self._nudge_gesture = 0
        self._new_card_editor: CardTextEditor | None = None

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Act on a key press; False leaves it to QGraphicsScene (e.g. a focused editor)."""
        s = self._scene
        if isinstance(s.focusItem(), CardTextEditor):
            return False
        selected = s.selected_card_ids()
        if event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(
            selected
        ) == 1:
            s.card_items[selected[0]].start_editing()
            event.accept()
            return True
        if selected and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            target = self._nudge_target(selected, event.key())
            if target is not None:
                s.cards_nudged.emit(selected, target[0], target[1], self._nudge_gesture)
                event.accept()
                return True
        if self._map_key(event, selected):
            event.accept()
            return True
        text = event.text()
        cell = s.card_cell()
        if (
            cell is not None
            and not selected
            and text
            and text.isprintable()
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier)
        ):
            self.start_new_card(cell, text)
            event.accept()
            return True
        return False

    def _map_key(self, event: QKeyEvent, selected: list[int]) -> bool:
        """Arrows move the cell cursor, Ctrl+arrows the selected cards; True if handled."""
        s = self._scene
        layout = s.layout
        if layout is None:
            return False
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        step = _STEPS.get(Qt.Key(key)) if key in _STEPS else None
        cell = s.current_cell
        if (step is not None and mods == Qt.KeyboardModifier.ControlModifier and selected
                and (target := card_move_target(layout, selected[0], step)) is not None):
            s.current_cell = target[0]
            s.cards_moved.emit(selected, target[0], target[1])
            return True
        if cell is not None and is_emotion_cell(layout, cell) and not selected:
            delta = self._emotion_delta(event, mods)
            if delta:
                self._step_emotion(cell, delta)
                return True
        if step is not None and mods == Qt.KeyboardModifier.NoModifier:
            start = s.card_items[selected[0]].geom.cell if selected else cell
            moved = first_cell(layout) if start is None else move_cursor(layout, start, step)
            s.clearSelection()
            self.move_cursor_to(moved)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not selected:
            card_cell = s.card_cell()
            if card_cell is not None:
                self.start_new_card(card_cell)
                return True
        if key == Qt.Key.Key_Escape:
            if selected:
                s.clearSelection()
                return True
            if cell is not None:
                s.current_cell = None
                return True
        return False

    @staticmethod
    def _emotion_delta(event: QKeyEvent, mods: Qt.KeyboardModifier) -> int:
        """+1 / -1 for the keys that change an emotion value (+, -, Shift+Up/Down)."""
        if event.text() in ("+", "=") or event.key() == Qt.Key.Key_Plus:
            return 1
        if event.text() == "-" or event.key() == Qt.Key.Key_Minus:
            return -1
        if mods == Qt.KeyboardModifier.ShiftModifier:
            return {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()), 0)
        return 0

    def _step_emotion(self, cell: Cell, delta: int) -> None:
        s = self._scene
        assert s.layout is not None
        curve_ids = [c.id for c in s.layout.curves]
        if not curve_ids:
            return
        curve_id = s.current_curve_id if s.current_curve_id in curve_ids else curve_ids[0]
        value = stepped_emotion(emotion_value(s.layout, curve_id, cell[0]), delta)
        if value is not None:
            s.emotion_edited.emit(curve_id, cell[0], value)
            s.cursor_moved.emit(cell)  # says the new value

    def move_cursor_to(self, cell: Cell | None) -> None:
        """Put the cell cursor on a cell, scroll it into view and report where it is."""
        s = self._scene
        s.current_cell = cell
        if cell is None or s.layout is None:
            return
        self._reveal(qrect(s.layout.cell_rect(cell)))
        s.cursor_moved.emit(cell)

    def _reveal(self, rect: QRectF) -> None:
        s = self._scene
        if not s.views() or s.layout is None:
            return
        view = s.views()[0]
        m = s.layout.metrics
        zoom = view.transform().m11()
        # The pinned headers cover the top and left edge: keep the cell clear of them.
        view.ensureVisible(rect, int(m.lane_header_w * zoom) + 8,
                           int(m.stage_header_h * zoom) + 8)

    def walk_cards(self, forward: bool) -> bool | None:
        """Tab / Shift+Tab walk the cards in reading order; past the last the map lets go.

        None when Qt's own focus chain should decide (an editor has focus, or no map).
        """
        s = self._scene
        if isinstance(s.focusItem(), CardTextEditor) or s.layout is None:
            return None
        selected = s.selected_card_ids()
        card_id = next_card(s.layout, selected[0] if selected else None, forward)
        s.clearSelection()
        if card_id is None or card_id not in s.card_items:
            return False
        item = s.card_items[card_id]
        item.setSelected(True)
        s.current_cell = item.geom.cell
        self._reveal(item.sceneBoundingRect())
        return True

    def focus_in(self, event: QFocusEvent) -> QFocusEvent:
        """The focus event the scene should pass on: arriving by keyboard shows the cursor."""
        s = self._scene
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                      Qt.FocusReason.ShortcutFocusReason):
            # Arriving by keyboard shows where keys will act instead of selecting a card.
            if s.current_cell is None and s.layout is not None and not s.selectedItems():
                self.move_cursor_to(first_cell(s.layout))
            event = QFocusEvent(event.type(), Qt.FocusReason.OtherFocusReason)
        return event

    def focus_out(self) -> None:
        self._nudge_gesture += 1  # Alt may be released elsewhere (Alt+Tab)

    def key_released(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Alt and not event.isAutoRepeat():
            self._nudge_gesture += 1  # the next Alt+arrow nudge starts a new undo step

    def _nudge_target(self, selected: list[int], key: int) -> tuple[Cell, int] | None:
        """Where Alt+arrow moves the selected cards: up/down in the cell, or a stage over."""
        layout = self._scene.layout
        if layout is None:
            return None
        first = layout.cards[selected[0]]
        stage_ids = [s.id for s in layout.stages]
        column = stage_ids.index(first.cell[0])
        if key == Qt.Key.Key_Up:
            return (first.cell, first.index - 1) if first.index > 0 else None
        if key == Qt.Key.Key_Down:
            others = len(layout.cell_cards.get(first.cell, [])) - len(selected)
            return (first.cell, first.index + 1) if first.index < others else None
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        if step is None or not 0 <= column + step < len(stage_ids):
            return None
        cell = (stage_ids[column + step], first.cell[1])
        return cell, min(first.index, len(layout.cell_cards.get(cell, [])))

    def start_new_card(self, cell: Cell, initial: str = "") -> None:
        """Open an in-place editor in the cell's next free slot; Enter makes the card."""
        s = self._scene
        if s.layout is None or self._new_card_editor is not None:
            return
        index = len(s.layout.cell_cards.get(cell, []))
        slot = s.layout.slot_rect(cell, index)
        editor = CardTextEditor.for_card(initial, slot.w, style=s.canvas_style)
        editor.place_on_card(slot.x, slot.y)
        s.addItem(editor)
        self._new_card_editor = editor

        def finished(accepted: bool) -> None:
            text = editor.toPlainText().strip()
            self._new_card_editor = None
            s.removeItem(editor)
            if accepted and text:
                s.card_typed.emit(cell, index, text)

        editor.finished.connect(finished)
        editor.start()
