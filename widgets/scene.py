"""The journey canvas scene: shows a JourneyLayout and reports gestures as signals."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFocusEvent, QImage, QKeyEvent, QPainter, QPen, QPicture
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from model.entities import EMOTION_MAX, EMOTION_MIN, LaneKind
from model.layout import CardGeom, Cell, JourneyLayout, Rect
from model.navigation import (
    Step,
    card_move_target,
    emotion_value,
    first_cell,
    is_cursor_cell,
    is_emotion_cell,
    move_cursor,
    next_card,
    stepped_emotion,
)
from model.palette import GRID_LINE
from model.records import CardBadge, HeaderKind, Target
from widgets.card_badge import CardDecorations
from widgets.cell_cursor import CellCursorItem
from widgets.items import (
    CORNER_Z,
    CardItem,
    CardTextEditor,
    EmotionCurveItem,
    LaneHeaderItem,
    StageHeaderItem,
    qrect,
)
from widgets.palette import PALETTE_MIME, kind_from_mime

MARGIN = 40.0
# Up to this many cards every card has its item; above, items are made for the part of
# the map in and around the window, and for what a click or a selection reaches.
EAGER_CARDS = 1000
# Below this zoom the scene draws the cards as blocks (no text is readable there anyway).
BLOCK_SCALE = 0.35
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
ZOOM_REST_MS = 250  # a zoom gesture has ended when the zoom stays put this long
_BLOCK_COLORS: dict[str, QColor] = {}


def block_color(fill: str) -> QColor:
    """A card's fill, a little darker so that a block stands out from its lane."""
    color = _BLOCK_COLORS.get(fill)
    if color is None:
        color = _BLOCK_COLORS[fill] = QColor(fill).darker(112)
    return color


class _Blocks:
    """One cell's cards as blocks: drawing commands, and an image of them at one scale.

    Replaying thousands of tiny rects every frame of a fit view was too slow; the image
    is drawn instead while the zoom stays within a factor of about 1.6 of its scale.
    """

    MAX_SIDE = 2048  # larger than that (zoomed further in), the commands are replayed

    def __init__(self, picture: QPicture) -> None:
        self.picture = picture
        self.image: QImage | None = None
        self.scale = 0.0

    def image_at(self, scale: float, area: QRectF) -> QImage | None:
        if self.image is not None and 0.6 * scale <= self.scale <= 1.6 * scale:
            return self.image
        w, h = math.ceil(area.width() * scale) + 1, math.ceil(area.height() * scale) + 1
        if max(w, h) > self.MAX_SIDE:
            self.image = None
            return None
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.drawPicture(QPointF(0, 0), self.picture)
        painter.end()
        self.image, self.scale = image, scale
        return image


class CardItems(Mapping[int, CardItem]):
    """The card items by card id: every card of the layout, its item made on first use."""

    def __init__(self, make: Callable[[int], CardItem]) -> None:
        self.made: dict[int, CardItem] = {}
        self.ids: Mapping[int, object] = {}
        self._make = make

    def __getitem__(self, card_id: int) -> CardItem:
        item = self.made.get(card_id)
        if item is None:
            if card_id not in self.ids:
                raise KeyError(card_id)
            item = self._make(card_id)
        return item

    def __contains__(self, card_id: object) -> bool:
        return card_id in self.ids

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)
DIMMED_OPACITY = 0.22  # cards of other kinds while one kind is highlighted
_STEPS = {Qt.Key.Key_Left: Step.LEFT, Qt.Key.Key_Right: Step.RIGHT, Qt.Key.Key_Up: Step.UP,
          Qt.Key.Key_Down: Step.DOWN}


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
    header_renamed = Signal(str, int, str)  # HeaderKind, id, the name typed in place
    context_requested = Signal(str, int, object, object)  # Target, id, Cell|None, screen QPoint
    cursor_moved = Signal(object)  # the Cell the keyboard moved the cell cursor to

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.layout: JourneyLayout | None = None
        self.card_items = CardItems(self._card_item)
        self.stage_items: dict[int, StageHeaderItem] = {}
        self.lane_items: dict[int, LaneHeaderItem] = {}
        self.curve_items: dict[int, EmotionCurveItem] = {}
        self._cursor = CellCursorItem()
        self.addItem(self._cursor)
        self._current_cell: Cell | None = None
        self.highlight_kind: str | None = None  # a view filter: other kinds are dimmed
        self._drop: tuple[Cell, int] | None = None
        self._new_card_editor: CardTextEditor | None = None
        self._drag_grabber: CardItem | None = None
        self._moving: frozenset[int] = frozenset()
        self._visible: QRectF | None = None
        self._nudge_gesture = 0
        self.current_curve_id: int | None = None
        self._resize_guide: float | None = None  # where a stage's edge is being dragged
        # Covers the top-left corner where the pinned header row and column meet.
        self._corner = QGraphicsRectItem()
        self._corner.setBrush(QColor("#ffffff"))
        self._corner.setPen(QPen(Qt.PenStyle.NoPen))
        self._corner.setZValue(CORNER_Z)
        self.addItem(self._corner)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._block_mode = False
        self._scale = 1.0
        self._zoom_uncached = False
        self._zoom_rest = QTimer(self)
        self._zoom_rest.setSingleShot(True)
        self._zoom_rest.setInterval(ZOOM_REST_MS)
        self._zoom_rest.timeout.connect(self._zoom_rested)
        self._blocks: dict[Cell, _Blocks] = {}  # the cards of a cell as blocks, per cell
        self.decorations = CardDecorations()  # metric and usage badges, heat frames
        self.selectionChanged.connect(self._on_selection_changed)
        self.setBackgroundBrush(QColor("#ffffff"))

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
        self._sync_cards(previous, layout)
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
                    item.point_edited.connect(self.emotion_edited)
                    item.note_requested.connect(self.emotion_note_requested)
                    item.activated.connect(self.set_current_curve)
                    self.curve_items[curve_id] = item
                    self.addItem(item)
                item.set_scale(lambda y, lid=lane_id: layout.emotion_value(lid, y),
                               lambda v, lid=lane_id: layout.emotion_y(lid, v))
                item.set_geom(geom, emotion.band, zero, tint=i == 0)
                item.set_current(curve_id == self.current_curve_id)
        if self.current_cell is not None and not self._cell_exists(self.current_cell):
            self.current_cell = None
        self._after_layout()
        self._drop = None
        self.pin_headers(self._visible)
        self.update()

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
        live = self._live_rect()
        if live is not None:
            self.make_cards_in(live)

    def clear_map(self) -> None:
        """Show nothing (no document or no journey)."""
        for items in (self.card_items.made, self.stage_items, self.lane_items, self.curve_items):
            for item in items.values():
                self.removeItem(item)
            items.clear()
        self.card_items.ids = {}
        self.layout = None
        self.decorations.forget()
        self._blocks.clear()
        self.current_cell = None
        self._drop = None
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
                wire(item)
                items[obj_id] = item
                self.addItem(item)
            else:
                item.set_geom(geom)

    def _sync_cards(self, previous: JourneyLayout | None, layout: JourneyLayout) -> None:
        """Touch only the card items whose geometry changed (by id; a big map has many)."""
        items = self.card_items
        made = items.made
        items.ids = layout.cards
        changed = layout.changed_cards
        cards = layout.cards
        blocks = self._blocks
        if previous is not None and layout.base is previous and changed is not None:
            ids: Any = changed  # the layout knows what the edit changed
            for card_id in changed:
                old, new = previous.cards.get(card_id), cards.get(card_id)
                if old is None or new is None or (
                    old.cell != new.cell or old.index != new.index or old.fill != new.fill
                    or old.rect.w != new.rect.w
                ):
                    if old is not None:
                        blocks.pop(old.cell, None)
                    if new is not None:
                        blocks.pop(new.cell, None)
        else:
            ids = [*cards, *(i for i in made if i not in cards)]
            blocks.clear()
        eager = len(cards) <= EAGER_CARDS
        live = None if eager else self._live_rect()
        if live is not None:
            left, top, right, bottom = live.left(), live.top(), live.right(), live.bottom()
        for card_id in ids:
            geom = cards.get(card_id)
            item = made.get(card_id)
            if geom is None:
                if item is not None:
                    self.removeItem(made.pop(card_id))
                continue
            if item is None:
                r = geom.rect
                if eager or (live is not None and r.x < right and r.x + r.w > left
                             and r.y < bottom and r.y + r.h > top):
                    self._make_card(geom)
                continue
            old = item.geom
            if old is geom and item.x() == geom.rect.x and item.y() == geom.rect.y:
                continue
            item.set_geom(geom)

    def _make_card(self, geom: CardGeom) -> CardItem:
        item = CardItem(geom)
        self._wire_card(item)
        self.card_items.made[geom.id] = item
        self.decorations.decorate(item, geom.id, geom.rect.w, geom.rect.h)
        if self._block_mode:
            item.setFlag(_NO_CONTENTS, True)
        if self._zoom_uncached:
            item.setCacheMode(_NO_CACHE)
        self.addItem(item)
        return item

    def set_card_badges(self, badges: dict[int, CardBadge], heat_on: bool | None = None) -> None:
        """Show cards' headline metrics and usage shares (and heat frames when on)."""
        self.decorations.badges = badges
        if heat_on is not None:
            self.decorations.heat_on = heat_on
        for card_id, item in self.card_items.made.items():
            self.decorations.decorate(item, card_id, item.geom.rect.w, item.geom.rect.h)

    def _live_rect(self) -> QRectF | None:
        """Where card items are made ahead of need: the visible part and a window around."""
        if self._block_mode or self._visible is None:
            return None
        v = self._visible
        return v.adjusted(-v.width() / 2, -v.height() / 2, v.width() / 2, v.height() / 2)

    def make_cards_in(self, rect: QRectF) -> None:
        """Make the card items inside a scene rect that are not made yet (big maps)."""
        layout = self.layout
        if layout is None or len(self.card_items.made) == len(layout.cards):
            return
        m = layout.metrics
        step = m.card_h + m.card_gap
        made = self.card_items.made
        for ids in layout.cell_cards.values():
            if not ids:
                continue
            first = layout.cards[ids[0]].rect
            if first.x > rect.right() or first.right < rect.left():
                continue
            lo = max(0, int((rect.top() - first.y) // step))
            hi = min(len(ids), int((rect.bottom() - first.y) // step) + 1)
            for card_id in ids[lo:hi]:
                if card_id not in made:
                    self._make_card(layout.cards[card_id])

    def _card_item(self, card_id: int) -> CardItem:
        assert self.layout is not None
        return self._make_card(self.layout.cards[card_id])

    # -- zoomed far out: cards as coloured blocks, drawn in one go ----------------------

    def set_level_of_detail(self, scale: float) -> None:
        """Below BLOCK_SCALE the cards are drawn by the scene as plain coloured blocks.

        Thousands of card items each running paint() in Python is what made a fit view
        of a big map slow; the items stay (hit, selectable, draggable) but draw nothing.
        """
        if scale != self._scale:
            self._scale = scale
            self._zooming()
        block = scale < BLOCK_SCALE
        if block == self._block_mode:
            return
        self._block_mode = block
        dragging = self._moving if self._drag_grabber is not None else frozenset()
        for card_id, item in self.card_items.made.items():
            item.setFlag(_NO_CONTENTS, block and card_id not in dragging)
        self.update()

    @property
    def block_mode(self) -> bool:
        return self._block_mode

    def _zooming(self) -> None:
        """While the zoom changes, cards paint directly instead of through their caches.

        A device-coordinate cache makes drags and scrolls cheap, but each zoom step
        throws every visible card's pixmap away and renders a new one; painting directly
        for the gesture and caching again once it rests is faster than both.
        """
        if not self._zoom_uncached:
            self._zoom_uncached = True
            for item in self.card_items.made.values():
                item.setCacheMode(_NO_CACHE)
        self._zoom_rest.start()

    def _zoom_rested(self) -> None:
        self._zoom_uncached = False
        for item in self.card_items.made.values():
            item.setCacheMode(_DEVICE_CACHE)

    def _block_picture(self, cell: Cell, ids: list[int]) -> QPicture:
        assert self.layout is not None
        picture = QPicture()
        painter = QPainter(picture)
        painter.setPen(Qt.PenStyle.NoPen)
        m = self.layout.metrics
        step = m.card_h + m.card_gap
        cards = self.layout.cards
        w = cards[ids[0]].rect.w if ids else 0.0
        for i, card_id in enumerate(ids):
            painter.fillRect(QRectF(0.0, i * step, w, m.card_h), block_color(cards[card_id].fill))
        painter.end()
        return picture

    def _draw_blocks(self, painter: QPainter, rect: QRectF | QRect) -> None:
        layout = self.layout
        assert layout is not None
        m = layout.metrics
        scale = painter.worldTransform().m11()
        for cell, ids in layout.cell_cards.items():
            if not ids:
                continue
            first = layout.cards[ids[0]].rect
            area = QRectF(first.x, first.y, first.w, len(ids) * (m.card_h + m.card_gap))
            if not area.intersects(rect):
                continue
            block = self._blocks.get(cell)
            if block is None:
                block = self._blocks[cell] = _Blocks(self._block_picture(cell, ids))
            image = block.image_at(scale, area)
            if image is None:
                painter.drawPicture(QPointF(first.x, first.y), block.picture)
            else:
                painter.drawImage(QRectF(first.x, first.y, image.width() / block.scale,
                                         image.height() / block.scale), image)
        selected = [i for i in self.selectedItems() if isinstance(i, CardItem)]
        if selected:
            painter.setPen(QPen(QColor("#1c6ed6"), 0))
            painter.setBrush(QColor("#1c6ed6"))
            for item in selected:
                painter.drawRect(qrect(item.geom.rect))

    def _on_selection_changed(self) -> None:
        if self._block_mode:
            self.update()

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
        item.resize_previewed.connect(self._preview_resize)
        item.dropped.connect(self._stage_dropped)

    def _wire_lane(self, item: LaneHeaderItem) -> None:
        item.rename_requested.connect(lambda lid: self.start_header_rename(HeaderKind.LANE, lid))
        item.renamed.connect(lambda lid, name: self.header_renamed.emit(HeaderKind.LANE, lid, name))
        item.dropped.connect(self._lane_dropped)

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
        self.clearSelection()
        for card_id in card_ids:
            item = self.card_items.get(card_id)
            if item is not None:
                item.setSelected(True)

    # -- painting ------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        layout = self.layout
        if layout is None:
            return
        grid = QPen(QColor(GRID_LINE), 0)
        for lane in layout.lanes:
            band = qrect(lane.band)
            if not band.intersects(rect):
                continue
            if lane.kind == LaneKind.DIVIDER:
                y = band.center().y()
                painter.setPen(QPen(QColor("#5f6b7a"), 1.4, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(band.left(), y), QPointF(band.right(), y))
                continue
            painter.fillRect(band, QColor(lane.color))
            painter.setPen(grid)
            painter.drawLine(band.bottomLeft(), band.bottomRight())
            if lane.kind == LaneKind.EMOTION:
                self._draw_emotion_scale(painter, lane.band)
        painter.setPen(grid)
        for stage in layout.stages:
            col = qrect(stage.column)
            painter.drawLine(col.topRight(), col.bottomRight())
        if self._block_mode:
            self._draw_blocks(painter, rect)

    def _draw_emotion_scale(self, painter: QPainter, band: Rect) -> None:
        assert self.layout is not None
        lane = self.layout.emotion_lane()
        assert lane is not None
        zero = self.layout.emotion_y(lane.id, 0)
        painter.setPen(QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(band.x, zero), QPointF(band.right, zero))

    def _preview_resize(self, x: float) -> None:
        self._resize_guide = None if math.isnan(x) else x  # NaN: the drag ended
        self.update()

    @property
    def resize_guide(self) -> float | None:
        """The scene x of a stage edge being dragged (drawn down the whole map)."""
        return self._resize_guide

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self._resize_guide is not None and self.layout is not None:
            painter.setPen(QPen(QColor("#1c6ed6"), 0, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(self._resize_guide, 0),
                             QPointF(self._resize_guide, self.layout.height))
        if self._drop is None or self.layout is None:
            return
        cell, index = self._drop
        slot = qrect(self.layout.slot_rect(cell, index))
        y = slot.top() - self.layout.metrics.card_gap / 2
        painter.setPen(QPen(QColor("#1c6ed6"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(slot.left(), y), QPointF(slot.right(), y))
        painter.setPen(QPen(QColor("#1c6ed6"), 1.2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(qrect(self.layout.cell_rect(cell)).adjusted(2, 2, -2, -2))

    def _set_drop(self, drop: tuple[Cell, int] | None) -> None:
        if drop != self._drop:
            self._drop = drop
            self.update()

    # -- card drags ------------------------------------------------------------------

    def _drop_target(self, pos: QPointF, ignore: frozenset[int]) -> tuple[Cell, int] | None:
        if self.layout is None:
            return None
        cell = self.layout.cell_at(pos.x(), pos.y())
        if cell is None:
            return None
        return cell, self.layout.insert_index(cell, pos.y(), ignore)

    def make_cards_near(self, pos: QPointF) -> None:
        """Make the card items around a point, so that a click there finds its card."""
        layout = self.layout
        if layout is None or len(self.card_items.made) == len(layout.cards):
            return
        scale = self.views()[0].transform().m11() if self.views() else 1.0
        r = 4.0 / max(scale, 1e-6)
        self.make_cards_in(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.make_cards_near(event.scenePos())
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if event.button() == Qt.MouseButton.LeftButton and self.layout:
            # A click on a card or header selects that instead: no cell stays marked.
            cell = (
                self.layout.cell_at(event.scenePos().x(), event.scenePos().y())
                if item is None else None
            )
            if cell != self.current_cell:
                self.current_cell = cell
                self.update()
        super().mousePressEvent(event)
        grabber = self.mouseGrabberItem()
        self._drag_grabber = grabber if isinstance(grabber, CardItem) else None
        self._moving = frozenset(self.selected_card_ids()) if self._drag_grabber else frozenset()
        if self._block_mode:  # the dragged cards show while they move
            for card_id in self._moving:
                self.card_items[card_id].setFlag(_NO_CONTENTS, False)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._drag_grabber is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._set_drop(self._drop_target(self._grab_point(self._drag_grabber), self._moving))

    def _grab_point(self, item: CardItem) -> QPointF:
        """Where a dragged card points: its centre."""
        return item.mapToScene(item.boundingRect().center())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        grabber = self._drag_grabber
        self._drag_grabber = None
        super().mouseReleaseEvent(event)
        if self._block_mode and grabber is not None:
            for card_id in self._moving:
                item = self.card_items.get(card_id)
                if item is not None:
                    item.setFlag(_NO_CONTENTS, True)
        if grabber is None or self.layout is None:
            return
        moved = [
            i
            for i in (self.card_items.get(cid) for cid in self.selected_card_ids())
            if i is not None
            and (abs(i.x() - i.geom.rect.x) > 0.5 or abs(i.y() - i.geom.rect.y) > 0.5)
        ]
        self._set_drop(None)
        if not moved:
            return
        ids = [i.card_id for i in moved]
        target = self._drop_target(self._grab_point(grabber), frozenset(ids))
        # Snap every card back to its place: the model change (if any) moves it for real.
        for item in moved:
            item.setPos(item.geom.rect.x, item.geom.rect.y)
        if target is None:
            return
        cell, index = target
        unchanged = len(ids) == 1 and moved[0].geom.cell == cell and moved[0].geom.index == index
        if not unchanged:
            self.cards_moved.emit(ids, cell, index)

    # -- palette drops ------------------------------------------------------------------

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if event.mimeData().hasFormat(PALETTE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        if not event.mimeData().hasFormat(PALETTE_MIME):
            event.ignore()
            return
        target = self._drop_target(event.scenePos(), frozenset())
        self._set_drop(target)
        if target is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._set_drop(None)

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._set_drop(None)
        target = self._drop_target(event.scenePos(), frozenset())
        kind = kind_from_mime(event.mimeData())
        if kind is None or target is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.card_dropped.emit(kind, target[0], target[1])

    # -- headers ------------------------------------------------------------------------

    @staticmethod
    def _drop_index(centers: list[tuple[int, float]], obj_id: int, at: float) -> int | None:
        """The new index of a dragged header among the others, or None if unchanged."""
        index = sum(1 for other, c in centers if other != obj_id and c < at)
        return None if index == [i for i, _ in centers].index(obj_id) else index

    def _stage_dropped(self, stage_id: int, center_x: float) -> None:
        if self.layout is None:
            return
        centers = [(s.id, s.header.center[0]) for s in self.layout.stages]
        index = self._drop_index(centers, stage_id, center_x)
        if index is not None:
            self.stage_moved.emit(stage_id, index)

    def _lane_dropped(self, lane_id: int, center_y: float) -> None:
        if self.layout is None:
            return
        centers = [(lane.id, lane.header.center[1]) for lane in self.layout.lanes]
        index = self._drop_index(centers, lane_id, center_y)
        if index is not None:
            self.lane_moved.emit(lane_id, index)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        self.make_cards_near(event.scenePos())
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        while item is not None and not isinstance(
            item, CardItem | StageHeaderItem | LaneHeaderItem
        ):
            item = item.parentItem()
        cell = (
            self.layout.cell_at(event.scenePos().x(), event.scenePos().y()) if self.layout else None
        )
        if isinstance(item, CardItem):
            if not item.isSelected():
                self.select_cards([item.card_id])
            self.context_requested.emit(Target.CARD, item.card_id, item.geom.cell,
                                        event.screenPos())
        elif isinstance(item, StageHeaderItem):
            self.context_requested.emit(Target.STAGE, item.stage_id, None, event.screenPos())
        elif isinstance(item, LaneHeaderItem):
            self.context_requested.emit(Target.LANE, item.lane_id, None, event.screenPos())
        elif cell is not None:
            self.current_cell = cell
            self.update()
            self.context_requested.emit(Target.CELL, 0, cell, event.screenPos())
        event.accept()

    # -- keyboard-first capture -------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focus = self.focusItem()
        if isinstance(focus, CardTextEditor):
            super().keyPressEvent(event)
            return
        selected = self.selected_card_ids()
        if event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(
            selected
        ) == 1:
            self.card_items[selected[0]].start_editing()
            event.accept()
            return
        if selected and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            target = self._nudge_target(selected, event.key())
            if target is not None:
                self.cards_nudged.emit(selected, target[0], target[1], self._nudge_gesture)
                event.accept()
                return
        if self._map_key(event, selected):
            event.accept()
            return
        text = event.text()
        cell = self.card_cell()
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
            return
        super().keyPressEvent(event)

    def _map_key(self, event: QKeyEvent, selected: list[int]) -> bool:
        """Arrows move the cell cursor, Ctrl+arrows the selected cards; True if handled."""
        layout = self.layout
        if layout is None:
            return False
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        step = _STEPS.get(Qt.Key(key)) if key in _STEPS else None
        cell = self._current_cell
        if (step is not None and mods == Qt.KeyboardModifier.ControlModifier and selected
                and (target := card_move_target(layout, selected[0], step)) is not None):
            self.current_cell = target[0]
            self.cards_moved.emit(selected, target[0], target[1])
            return True
        if cell is not None and is_emotion_cell(layout, cell) and not selected:
            delta = self._emotion_delta(event, mods)
            if delta:
                self._step_emotion(cell, delta)
                return True
        if step is not None and mods == Qt.KeyboardModifier.NoModifier:
            start = self.card_items[selected[0]].geom.cell if selected else cell
            moved = first_cell(layout) if start is None else move_cursor(layout, start, step)
            self.clearSelection()
            self.move_cursor_to(moved)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not selected:
            card_cell = self.card_cell()
            if card_cell is not None:
                self.start_new_card(card_cell)
                return True
        if key == Qt.Key.Key_Escape:
            if selected:
                self.clearSelection()
                return True
            if cell is not None:
                self.current_cell = None
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
        assert self.layout is not None
        curve_ids = [c.id for c in self.layout.curves]
        if not curve_ids:
            return
        curve_id = self.current_curve_id if self.current_curve_id in curve_ids else curve_ids[0]
        value = stepped_emotion(emotion_value(self.layout, curve_id, cell[0]), delta)
        if value is not None:
            self.emotion_edited.emit(curve_id, cell[0], value)
            self.cursor_moved.emit(cell)  # says the new value

    def move_cursor_to(self, cell: Cell | None) -> None:
        """Put the cell cursor on a cell, scroll it into view and report where it is."""
        self.current_cell = cell
        if cell is None or self.layout is None:
            return
        self._reveal(qrect(self.layout.cell_rect(cell)))
        self.cursor_moved.emit(cell)

    def _reveal(self, rect: QRectF) -> None:
        if not self.views() or self.layout is None:
            return
        view = self.views()[0]
        m = self.layout.metrics
        zoom = view.transform().m11()
        # The pinned headers cover the top and left edge: keep the cell clear of them.
        view.ensureVisible(rect, int(m.lane_header_w * zoom) + 8,
                           int(m.stage_header_h * zoom) + 8)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab / Shift+Tab walk the cards in reading order; past the last the map lets go."""
        if isinstance(self.focusItem(), CardTextEditor) or self.layout is None:
            return super().focusNextPrevChild(next)
        selected = self.selected_card_ids()
        card_id = next_card(self.layout, selected[0] if selected else None, next)
        self.clearSelection()
        if card_id is None or card_id not in self.card_items:
            return False
        item = self.card_items[card_id]
        item.setSelected(True)
        self.current_cell = item.geom.cell
        self._reveal(item.sceneBoundingRect())
        return True

    def focusInEvent(self, event: QFocusEvent) -> None:
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                      Qt.FocusReason.ShortcutFocusReason):
            # Arriving by keyboard shows where keys will act instead of selecting a card.
            if self._current_cell is None and self.layout is not None and not self.selectedItems():
                self.move_cursor_to(first_cell(self.layout))
            event = QFocusEvent(event.type(), Qt.FocusReason.OtherFocusReason)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._nudge_gesture += 1  # Alt may be released elsewhere (Alt+Tab)
        super().focusOutEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Alt and not event.isAutoRepeat():
            self._nudge_gesture += 1  # the next Alt+arrow nudge starts a new undo step
        super().keyReleaseEvent(event)

    def _nudge_target(self, selected: list[int], key: int) -> tuple[Cell, int] | None:
        """Where Alt+arrow moves the selected cards: up/down in the cell, or a stage over."""
        if self.layout is None:
            return None
        first = self.layout.cards[selected[0]]
        stage_ids = [s.id for s in self.layout.stages]
        column = stage_ids.index(first.cell[0])
        if key == Qt.Key.Key_Up:
            return (first.cell, first.index - 1) if first.index > 0 else None
        if key == Qt.Key.Key_Down:
            others = len(self.layout.cell_cards.get(first.cell, [])) - len(selected)
            return (first.cell, first.index + 1) if first.index < others else None
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        if step is None or not 0 <= column + step < len(stage_ids):
            return None
        cell = (stage_ids[column + step], first.cell[1])
        return cell, min(first.index, len(self.layout.cell_cards.get(cell, [])))

    def start_new_card(self, cell: Cell, initial: str = "") -> None:
        """Open an in-place editor in the cell's next free slot; Enter makes the card."""
        if self.layout is None or self._new_card_editor is not None:
            return
        index = len(self.layout.cell_cards.get(cell, []))
        slot = self.layout.slot_rect(cell, index)
        editor = CardTextEditor(initial, slot.w)
        editor.setPos(slot.x, slot.y)
        self.addItem(editor)
        self._new_card_editor = editor

        def finished(accepted: bool) -> None:
            text = editor.toPlainText().strip()
            self._new_card_editor = None
            self.removeItem(editor)
            if accepted and text:
                self.card_typed.emit(cell, index, text)

        editor.finished.connect(finished)
        editor.start()
