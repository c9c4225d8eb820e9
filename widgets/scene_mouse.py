"""The map's mouse: card drags, palette drops, header drops and resizes, context menus."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from model.layout import Cell
from model.records import Target
from model.style import LIGHT
from widgets.items import CardItem, LaneHeaderItem, StageHeaderItem, qrect
from widgets.palette import PALETTE_MIME, kind_from_mime
from widgets.scene_blocks import LevelOfDetail
from widgets.scene_protocol import MapScene

_DROP_COLOR = QColor(LIGHT.selection)


class MapMouse:
    """Turns mouse gestures on the map into the scene's gesture signals.

    A dragged card moves freely; on release it snaps back and one ``cards_moved`` says
    where it was dropped (the model change then moves it for real).
    """

    def __init__(self, scene: MapScene, detail: LevelOfDetail) -> None:
        self._scene = scene
        self._detail = detail
        self._drop: tuple[Cell, int] | None = None  # where a drop would land, marked
        self._grabber: CardItem | None = None  # the card under the mouse in a drag
        self._moving: frozenset[int] = frozenset()
        self._resize_guide: float | None = None  # where a stage's edge is being dragged

    @property
    def dragging(self) -> frozenset[int]:
        """The cards being dragged right now."""
        return self._moving if self._grabber is not None else frozenset()

    @property
    def resize_guide(self) -> float | None:
        """The scene x of a stage edge being dragged (drawn down the whole map)."""
        return self._resize_guide

    def forget_drop(self) -> None:
        """The map changed under the drop marker: it no longer means anything."""
        self._drop = None

    # -- card drags ------------------------------------------------------------------

    def press(self, event: QGraphicsSceneMouseEvent) -> None:
        """Before Qt handles a press: a click on an empty cell puts the cell cursor there."""
        s = self._scene
        s.make_cards_near(event.scenePos())
        views = s.views()
        item = s.itemAt(event.scenePos(), views[0].transform()) if views else None
        if event.button() == Qt.MouseButton.LeftButton and s.layout:
            # A click on a card or header selects that instead: no cell stays marked.
            cell = (
                s.layout.cell_at(event.scenePos().x(), event.scenePos().y())
                if item is None else None
            )
            if cell != s.current_cell:
                s.current_cell = cell
                s.update()

    def pressed(self) -> None:
        """After Qt handled a press: a card that grabbed the mouse starts a drag."""
        s = self._scene
        grabber = s.mouseGrabberItem()
        self._grabber = grabber if isinstance(grabber, CardItem) else None
        self._moving = frozenset(s.selected_card_ids()) if self._grabber else frozenset()
        self._detail.show_dragged(self._moving, True)

    def moved(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._grabber is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._set_drop(self._drop_target(self._grab_point(self._grabber), self._moving))

    @staticmethod
    def _grab_point(item: CardItem) -> QPointF:
        """Where a dragged card points: its centre."""
        return item.mapToScene(item.boundingRect().center())

    def end_drag(self) -> CardItem | None:
        """Before Qt handles a release: the card that was dragged, if any."""
        grabber, self._grabber = self._grabber, None
        return grabber

    def released(self, grabber: CardItem | None) -> None:
        """After Qt handled a release: snap the cards back and report where they went."""
        s = self._scene
        if grabber is not None:
            self._detail.show_dragged(self._moving, False)
        if grabber is None or s.layout is None:
            return
        moved = [
            i
            for i in (s.card_items.get(cid) for cid in s.selected_card_ids())
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
            s.cards_moved.emit(ids, cell, index)

    def _drop_target(self, pos: QPointF, ignore: frozenset[int]) -> tuple[Cell, int] | None:
        layout = self._scene.layout
        if layout is None:
            return None
        cell = layout.cell_at(pos.x(), pos.y())
        if cell is None:
            return None
        return cell, layout.insert_index(cell, pos.y(), ignore)

    def _set_drop(self, drop: tuple[Cell, int] | None) -> None:
        if drop != self._drop:
            self._drop = drop
            self._scene.update()

    def draw_drop(self, painter: QPainter) -> None:
        """Mark where a dragged or dropped card would land: a slot line in a framed cell."""
        layout = self._scene.layout
        if self._drop is None or layout is None:
            return
        cell, index = self._drop
        slot = qrect(layout.slot_rect(cell, index))
        y = slot.top() - layout.metrics.card_gap / 2
        painter.setPen(QPen(_DROP_COLOR, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(slot.left(), y), QPointF(slot.right(), y))
        painter.setPen(QPen(_DROP_COLOR, 1.2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(qrect(layout.cell_rect(cell)).adjusted(2, 2, -2, -2))

    # -- palette drops ------------------------------------------------------------------

    def drag_entered(self, event: QGraphicsSceneDragDropEvent) -> None:
        if event.mimeData().hasFormat(PALETTE_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drag_moved(self, event: QGraphicsSceneDragDropEvent) -> None:
        if not event.mimeData().hasFormat(PALETTE_MIME):
            event.ignore()
            return
        target = self._drop_target(event.scenePos(), frozenset())
        self._set_drop(target)
        if target is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def drag_left(self) -> None:
        self._set_drop(None)

    def dropped(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._set_drop(None)
        target = self._drop_target(event.scenePos(), frozenset())
        kind = kind_from_mime(event.mimeData())
        if kind is None or target is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self._scene.card_dropped.emit(kind, target[0], target[1])

    # -- headers ------------------------------------------------------------------------

    @staticmethod
    def _drop_index(centers: list[tuple[int, float]], obj_id: int, at: float) -> int | None:
        """The new index of a dragged header among the others, or None if unchanged."""
        index = sum(1 for other, c in centers if other != obj_id and c < at)
        return None if index == [i for i, _ in centers].index(obj_id) else index

    def stage_dropped(self, stage_id: int, center_x: float) -> None:
        layout = self._scene.layout
        if layout is None:
            return
        centers = [(s.id, s.header.center[0]) for s in layout.stages]
        index = self._drop_index(centers, stage_id, center_x)
        if index is not None:
            self._scene.stage_moved.emit(stage_id, index)

    def lane_dropped(self, lane_id: int, center_y: float) -> None:
        layout = self._scene.layout
        if layout is None:
            return
        centers = [(lane.id, lane.header.center[1]) for lane in layout.lanes]
        index = self._drop_index(centers, lane_id, center_y)
        if index is not None:
            self._scene.lane_moved.emit(lane_id, index)

    def preview_resize(self, x: float) -> None:
        self._resize_guide = None if math.isnan(x) else x  # NaN: the drag ended
        self._scene.update()

    def draw_resize_guide(self, painter: QPainter) -> None:
        layout = self._scene.layout
        if self._resize_guide is not None and layout is not None:
            painter.setPen(QPen(_DROP_COLOR, 0, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(self._resize_guide, 0),
                             QPointF(self._resize_guide, layout.height))

    # -- context menus ------------------------------------------------------------------

    def context_menu(self, event: QGraphicsSceneContextMenuEvent) -> None:
        """Say what was right-clicked: a card (selected first), a header, or a cell."""
        s = self._scene
        s.make_cards_near(event.scenePos())
        item = s.itemAt(event.scenePos(), s.views()[0].transform()) if s.views() else None
        while item is not None and not isinstance(
            item, CardItem | StageHeaderItem | LaneHeaderItem
        ):
            item = item.parentItem()
        layout = s.layout
        cell = layout.cell_at(event.scenePos().x(), event.scenePos().y()) if layout else None
        if isinstance(item, CardItem):
            if not item.isSelected():
                s.select_cards([item.card_id])
            s.context_requested.emit(Target.CARD, item.card_id, item.geom.cell,
                                     event.screenPos())
        elif isinstance(item, StageHeaderItem):
            s.context_requested.emit(Target.STAGE, item.stage_id, None, event.screenPos())
        elif isinstance(item, LaneHeaderItem):
            s.context_requested.emit(Target.LANE, item.lane_id, None, event.screenPos())
        elif cell is not None:
            s.current_cell = cell
            s.update()
            s.context_requested.emit(Target.CELL, 0, cell, event.screenPos())
        event.accept()
