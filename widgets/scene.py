"""The journey canvas scene: shows a JourneyLayout and reports gestures as signals.

Its parts: scene_cards (card items, made lazily on big maps), scene_blocks (cards as
blocks when zoomed far out), scene_keys (the keyboard and the cell cursor) and
scene_mouse (drags, drops, context menus); the last two see the scene through
scene_protocol.MapScene.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from model.entities import EMOTION_MAX, EMOTION_MIN
from model.layout import Cell, JourneyLayout, LaneGeom
from model.navigation import is_cursor_cell, is_emotion_cell
from model.records import CardBadge, HeaderKind
from widgets.canvas_style import CanvasStyle, canvas_style
from widgets.cell_cursor import CellCursorItem
from widgets.items import (
    CORNER_Z,
    CardItem,
    EmotionCurveItem,
    LaneHeaderItem,
    StageHeaderItem,
    qrect,
)
from widgets.scene_cards import SceneCards
from widgets.scene_grid import draw_grid
from widgets.scene_keys import MapKeys
from widgets.scene_mouse import MapMouse

MARGIN = 40.0
DIMMED_OPACITY = 0.22  # cards of other kinds while one kind is highlighted


class JourneyScene(QGraphicsScene):
    """Draws the grid from the layout, holds one item per card/header/curve.

    It never changes the model: every gesture ends in one signal, and the app pushes
    the matching undo command; the model change then comes back through apply_layout().
    """

    cards_moved = Signal(list, object, int)  # [card_id, ...], target Cell, index among others
    card_dropped = Signal(str, object, int)  # card kind from the palette, Cell, index
    card_typed = Signal(object, int, str)  # Cell, index, text: a new card typed in place
    card_text_edited = Signal(int, str)
    cards_nudged = Signal(list, object, int, int)  # card ids, Cell, index, gesture number
    emotion_edited = Signal(int, int, int)  # curve_id, stage_id, value
    emotion_note_requested = Signal(int, int)  # curve_id, stage_id
    stage_moved = Signal(int, int)  # stage_id, new index
    lane_moved = Signal(int, int)
    stage_resized = Signal(int, float)
    header_renamed = Signal(object, int, str)  # HeaderKind, id, the name typed in place
    context_requested = Signal(object, int, object, object)  # Target, id, Cell|None, QPoint
    cursor_moved = Signal(object)  # the Cell the keyboard moved the cell cursor to

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.layout: JourneyLayout | None = None
        self.canvas_style = canvas_style()  # light or dark: set_canvas_style
        self._cards = SceneCards(self, self._wire_card)
        self.card_items = self._cards.items
        self.decorations = self._cards.decorations
        self.stage_items: dict[int, StageHeaderItem] = {}
        self.lane_items: dict[int, LaneHeaderItem] = {}
        self.curve_items: dict[int, EmotionCurveItem] = {}
        self._cursor = CellCursorItem()
        self.addItem(self._cursor)
        self._current_cell: Cell | None = None
        self.highlight_kind: str | None = None  # a view filter: other kinds are dimmed
        self._visible: QRectF | None = None
        self.current_curve_id: int | None = None
        # Covers the top-left corner where the pinned header row and column meet.
        self._corner = QGraphicsRectItem()
        self._corner.setBrush(self.canvas_style.background)
        self._corner.setPen(QPen(Qt.PenStyle.NoPen))
        self._corner.setZValue(CORNER_Z)
        self.addItem(self._corner)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._keys = MapKeys(self)
        self._mouse = MapMouse(self, self._cards.detail)
        self.setBackgroundBrush(self.canvas_style.background)

    # -- model -> items ----------------------------------------------------------

    def apply_layout(self, layout: JourneyLayout) -> None:
        """Bring the items in line with a freshly computed layout."""
        previous = self.layout
        self.layout = layout
        self.setSceneRect(
            QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN)
        )
        self._sync(self.stage_items, {s.id: s for s in layout.stages}, StageHeaderItem,
                   self._wire_stage)
        self._sync(self.lane_items, {lane.id: lane for lane in layout.lanes}, LaneHeaderItem,
                   self._wire_lane)
        self._cards.sync(previous, layout, self._visible)
        emotion = layout.emotion_lane()
        for lane_id, lane_item in self.lane_items.items():
            if emotion is None or lane_id != emotion.id:
                lane_item.set_legend([], [])  # e.g. a lane that was the emotion lane
        if emotion is not None:
            self.lane_items[emotion.id].set_legend(
                [(c.name, c.color) for c in layout.curves],
                [(v, layout.emotion_y(emotion.id, v) - emotion.band.y)
                 for v in (EMOTION_MAX, 0, EMOTION_MIN)],
            )
        self._sync_curves(layout, emotion)
        if self.current_cell is not None and not self._cell_exists(self.current_cell):
            self.current_cell = None
        self._after_layout()
        self._mouse.forget_drop()
        self.pin_headers(self._visible)
        self.update()

    def _sync_curves(self, layout: JourneyLayout, emotion: LaneGeom | None) -> None:
        """One item per emotion curve, drawn in the emotion lane (none without one)."""
        wanted = {c.id: c for c in layout.curves} if emotion is not None else {}
        for curve_id in list(self.curve_items):
            if curve_id not in wanted:
                self.removeItem(self.curve_items.pop(curve_id))
        if self.current_curve_id not in wanted:
            self.current_curve_id = None
        if emotion is not None:
            zero = layout.emotion_y(emotion.id, 0)
            lane_id = emotion.id
            for i, (curve_id, geom) in enumerate(wanted.items()):
                item = self.curve_items.get(curve_id)
                if item is None:
                    item = EmotionCurveItem(geom, emotion.band, zero, tint=i == 0)
                    item.set_style(self.canvas_style)
                    item.point_edited.connect(self.emotion_edited)
                    item.note_requested.connect(self.emotion_note_requested)
                    item.activated.connect(self.set_current_curve)
                    self.curve_items[curve_id] = item
                    self.addItem(item)
                item.set_scale(lambda y, lid=lane_id: layout.emotion_value(lid, y),
                               lambda v, lid=lane_id: layout.emotion_y(lid, v))
                item.set_geom(geom, emotion.band, zero, tint=i == 0)
                item.set_current(curve_id == self.current_curve_id)

    def pin_headers(self, visible: QRectF | None) -> None:
        """Keep stage and lane headers inside the visible part of the map."""
        self._visible = visible
        top = visible.top() if visible is not None else -1e9
        left = visible.left() if visible is not None else -1e9
        if self.layout is not None:
            m = self.layout.metrics
            self._corner.setRect(0, 0, m.lane_header_w, m.stage_header_h)
            self._corner.setPos(max(0.0, left), max(0.0, top))
        for stage_item in self.stage_items.values():
            stage_item.pin(top)
        for lane_item in self.lane_items.values():
            lane_item.pin(left)
        self._cards.make_around(visible)

    def clear_map(self) -> None:
        """Show nothing (no document or no journey)."""
        self._cards.clear()
        for items in (self.stage_items, self.lane_items, self.curve_items):
            for item in items.values():
                self.removeItem(item)
            items.clear()
        self.layout = None
        self.current_cell = None
        self._mouse.forget_drop()
        self.update()

    def _sync(
        self,
        items: dict[int, Any],
        geoms: dict[int, Any],
        cls: type[Any],
        wire: Callable[[Any], None],
    ) -> None:
        for obj_id in list(items):
            if obj_id not in geoms:
                self.removeItem(items.pop(obj_id))
        for obj_id, geom in geoms.items():
            item = items.get(obj_id)
            if item is None:
                item = cls(geom)
                item.set_style(self.canvas_style)
                wire(item)
                items[obj_id] = item
                self.addItem(item)
            elif item.geom is geom:
                continue  # the layout kept the same object: nothing changed
            elif isinstance(item, StageHeaderItem) and (
                item.geom.header == geom.header and item.geom.name == geom.name
                and item.geom.color == geom.color
            ):
                item.geom = geom  # only its column grew or shrank (a lane below changed)
            else:
                item.set_geom(geom)

    def set_canvas_style(self, style: CanvasStyle) -> None:
        """Show the map in another palette (the light or the dark canvas)."""
        if style is self.canvas_style:
            return
        self.canvas_style = style
        self.setBackgroundBrush(style.background)
        self._corner.setBrush(style.background)
        for items in (self.stage_items, self.lane_items, self.curve_items):
            for item in items.values():
                item.set_style(style)
        self._cards.set_style(style)
        self.update()

    def set_card_badges(self, badges: dict[int, CardBadge], heat_on: bool | None = None) -> None:
        """Show cards' headline metrics and usage shares (and heat frames when on)."""
        self._cards.set_badges(badges, heat_on)

    def make_cards_in(self, rect: QRectF) -> None:
        """Make the card items inside a scene rect that are not made yet (big maps)."""
        self._cards.make_in(rect)

    def make_cards_near(self, pos: QPointF) -> None:
        """Make the card items around a point, so that a click there finds its card."""
        self._cards.make_near(pos, self.views()[0].transform().m11() if self.views() else 1.0)

    # Items own their signals; the scene relays them as the map's gestures.

    def _wire_card(self, item: CardItem) -> None:
        item.text_edited.connect(self.card_text_edited)
        if self.highlight_kind is not None:
            self._highlight(item)

    def _wire_stage(self, item: StageHeaderItem) -> None:
        item.rename_requested.connect(lambda sid: self.start_header_rename(HeaderKind.STAGE, sid))
        item.renamed.connect(
            lambda sid, name: self.header_renamed.emit(HeaderKind.STAGE, sid, name))
        item.resized.connect(self.stage_resized)
        item.resize_previewed.connect(self._mouse.preview_resize)
        item.dropped.connect(self._mouse.stage_dropped)

    def _wire_lane(self, item: LaneHeaderItem) -> None:
        item.rename_requested.connect(lambda lid: self.start_header_rename(HeaderKind.LANE, lid))
        item.renamed.connect(lambda lid, name: self.header_renamed.emit(HeaderKind.LANE, lid, name))
        item.dropped.connect(self._mouse.lane_dropped)

    def start_header_rename(self, what: HeaderKind | str, obj_id: int) -> None:
        """Edit a stage's or lane's name in place (Enter keeps, Escape cancels)."""
        item = (self.stage_items if HeaderKind(what) is HeaderKind.STAGE
                else self.lane_items).get(obj_id)
        if item is None:
            return
        self.clearSelection()
        item.start_rename()

    def set_current_curve(self, curve_id: int | None) -> None:
        """The curve the user works on: its points are drawn above the others'."""
        self.current_curve_id = curve_id
        for cid, item in self.curve_items.items():
            item.set_current(cid == curve_id)

    def _cell_exists(self, cell: Cell) -> bool:
        assert self.layout is not None
        return is_cursor_cell(self.layout, cell)

    # -- the cell cursor (the keyboard's place on the map) -----------------------------

    @property
    def current_cell(self) -> Cell | None:
        """The cell the cursor frames: a card cell, or a stage's emotion cell."""
        return self._current_cell

    @current_cell.setter
    def current_cell(self, cell: Cell | None) -> None:
        self._current_cell = cell
        self._place_cursor()

    def card_cell(self) -> Cell | None:
        """The current cell if new cards can go there (not the emotion lane)."""
        cell = self._current_cell
        if cell is None or self.layout is None or is_emotion_cell(self.layout, cell):
            return None
        return cell

    def _after_layout(self) -> None:
        self._place_cursor()
        if self.highlight_kind is not None:
            for item in self.card_items.made.values():
                self._highlight(item)  # a card's kind may have changed

    # -- highlight filter (a view setting, not an edit) ----------------------------------

    def set_highlight_kind(self, kind: str | None) -> None:
        """Dim every card that is not of ``kind``; None shows all cards alike."""
        self.highlight_kind = kind
        for item in self.card_items.made.values():
            self._highlight(item)
        self.update()

    def _highlight(self, item: CardItem) -> None:
        kind = self.highlight_kind
        item.setOpacity(1.0 if kind is None or item.geom.kind == kind else DIMMED_OPACITY)

    def _place_cursor(self) -> None:
        cell = self._current_cell
        if cell is None or self.layout is None or not is_cursor_cell(self.layout, cell):
            self._cursor.show_rect(None)
            return
        self._cursor.show_rect(qrect(self.layout.cell_rect(cell)))

    # -- queries -------------------------------------------------------------------

    def selected_card_ids(self) -> list[int]:
        """Selected cards in reading order (stage, lane, position)."""
        items = [i for i in self.selectedItems() if isinstance(i, CardItem)]
        items.sort(key=lambda i: (i.geom.rect.x, i.geom.rect.y))
        return [i.card_id for i in items]

    def select_cards(self, card_ids: list[int]) -> None:
        wanted = [item for cid in card_ids if (item := self.card_items.get(cid)) is not None]
        if set(self.selectedItems()) == set(wanted):
            return  # already so (a moved card stays selected): no selection-changed round
        self.clearSelection()
        for item in wanted:
            item.setSelected(True)

    # -- painting ------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        if self.layout is None:
            return
        draw_grid(painter, rect, self.layout, self.canvas_style)
        if self._cards.detail.block_mode:
            self._cards.detail.draw(painter, rect, self.layout)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        self._mouse.draw_resize_guide(painter)
        self._mouse.draw_drop(painter)

    # -- zoom --------------------------------------------------------------------------

    def set_level_of_detail(self, scale: float) -> None:
        """Follow the view's zoom: below BLOCK_SCALE the scene draws cards as blocks."""
        self._cards.detail.set_scale(scale, self._mouse.dragging)

    @property
    def block_mode(self) -> bool:
        return self._cards.detail.block_mode

    @property
    def resize_guide(self) -> float | None:
        """The scene x of a stage edge being dragged (drawn down the whole map)."""
        return self._mouse.resize_guide

    # -- events, handled by the keyboard and mouse parts ---------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._mouse.press(event)
        super().mousePressEvent(event)
        self._mouse.pressed()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self._mouse.moved(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        grabber = self._mouse.end_drag()
        super().mouseReleaseEvent(event)
        self._mouse.released(grabber)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._mouse.drag_entered(event)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._mouse.drag_moved(event)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._mouse.drag_left()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._mouse.dropped(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        self._mouse.context_menu(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._keys.key_pressed(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        self._keys.key_released(event)
        super().keyReleaseEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab / Shift+Tab walk the cards in reading order; past the last the map lets go."""
        walked = self._keys.walk_cards(next)
        return super().focusNextPrevChild(next) if walked is None else walked

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(self._keys.focus_in(event))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._keys.focus_out()
        super().focusOutEvent(event)

    def move_cursor_to(self, cell: Cell | None) -> None:
        """Put the cell cursor on a cell, scroll it into view and report where it is."""
        self._keys.move_cursor_to(cell)

    def start_new_card(self, cell: Cell, initial: str = "") -> None:
        """Open an in-place editor in the cell's next free slot; Enter makes the card."""
        self._keys.start_new_card(cell, initial)
