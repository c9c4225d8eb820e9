"""Compare mode on the canvas: marks over changed cards, stages and lanes, the old curve as a ghost.

Removed cards show as ghosts in their old cell and metric changes as chips on their
cards (``widgets.compare_ghosts``).

The overlay owns its items (none of them takes mouse input or selection) and redraws them
from the current layout whenever the map is laid out again; the scene is not changed.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from model import style
from model.diff import CardStatus, JourneyDiff
from model.layout import JourneyLayout
from widgets.compare_ghosts import GhostCardItem, MetricChipItem, ghost_places, metric_chips
from widgets.i18n import qtr

# One colour per kind of change: the change list uses the same ones.
STATUS_COLORS: dict[CardStatus, str] = {
    CardStatus.ADDED: style.CHANGE_ADDED,
    CardStatus.CHANGED: style.CHANGE_CHANGED,
    CardStatus.MOVED: style.CHANGE_MOVED,
    CardStatus.REMOVED: style.CHANGE_REMOVED,
}
STRUCTURE_COLOR = style.CHANGE_STRUCTURE
GHOST_COLOR = style.GHOST
MARK_Z = 15.0
GHOST_Z = 7.5
BADGE_Z = 16.0
GHOST_CARD_Z = 9.0  # under the cards (z 10): a ghost never covers a card


def _passive(item: QGraphicsItem, z: float) -> QGraphicsItem:
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.setAcceptHoverEvents(False)
    item.setZValue(z)
    item.setData(0, "diff-overlay")
    return item


class DiffOverlay:
    """Draws one JourneyDiff over a scene; ``clear`` takes every mark away again."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self.items: list[QGraphicsItem] = []
        self.marked_cards: dict[int, CardStatus] = {}
        self.ghosts: list[GhostCardItem] = []
        self.chips: list[MetricChipItem] = []

    def clear(self) -> None:
        for item in self.items:
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        self.items = []
        self.marked_cards = {}
        self.ghosts = []
        self.chips = []

    def _add(self, item: QGraphicsItem, z: float) -> None:
        self.scene.addItem(_passive(item, z))
        self.items.append(item)

    def show(self, diff: JourneyDiff, layout: JourneyLayout,
             old_points: dict[int, dict[int, int]]) -> None:
        """Mark ``diff`` on ``layout``; ``old_points`` is curve id -> stage id -> old value."""
        self.clear()
        for change in diff.cards:
            geom = layout.cards.get(change.card_id)
            if geom is None or change.status is CardStatus.REMOVED:
                continue
            r = geom.rect
            mark = QGraphicsRectItem(QRectF(r.x - 3, r.y - 3, r.w + 6, r.h + 6))
            pen = QPen(QColor(STATUS_COLORS[change.status]), 3)
            if change.status is CardStatus.MOVED:
                pen.setStyle(Qt.PenStyle.DashLine)
            mark.setPen(pen)
            mark.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            mark.setToolTip(change.status.value)
            self._add(mark, MARK_Z)
            self.marked_cards[change.card_id] = change.status
        stage_ids = {s.id for s in layout.stages}
        for stage in diff.stages:
            if stage.removed or stage.stage_id not in stage_ids:
                continue
            col = layout.stage(stage.stage_id).column
            outline = QGraphicsRectItem(QRectF(col.x + 2, col.y + 2, col.w - 4, col.h - 4))
            pen = QPen(QColor(STRUCTURE_COLOR), 2, Qt.PenStyle.DashLine)
            outline.setPen(pen)
            self._add(outline, GHOST_Z)
        lane_ids = {x.id for x in layout.lanes}
        for lane in diff.lanes:
            if lane.removed or lane.lane_id not in lane_ids:
                continue
            band = layout.lane(lane.lane_id).band
            outline = QGraphicsRectItem(QRectF(band.x + 2, band.y + 2, band.w - 4, band.h - 4))
            outline.setPen(QPen(QColor(STRUCTURE_COLOR), 2, Qt.PenStyle.DotLine))
            self._add(outline, GHOST_Z)
        self._ghost_curves(layout, old_points)
        self._emotion_badges(diff, layout)
        canvas = getattr(self.scene, "canvas_style", None)  # the light or the dark canvas
        palette: style.Palette = canvas.palette if canvas is not None else style.LIGHT
        for place in ghost_places(diff.cards, layout):
            ghost = GhostCardItem(place, palette)
            self._add(ghost, GHOST_CARD_Z)
            self.ghosts.append(ghost)
        for chip in metric_chips(diff.metrics, layout, palette):
            self._add(chip, BADGE_Z)
            self.chips.append(chip)

    def _ghost_curves(self, layout: JourneyLayout, old_points: dict[int, dict[int, int]]) -> None:
        centers = {s.id: s.column.x + s.column.w / 2 for s in layout.stages}
        for curve in layout.curves:
            values = old_points.get(curve.id, {})
            path = QPainterPath()
            started = False
            for stage in layout.stages:
                if stage.id not in values:
                    started = False  # the old curve breaks where it had no value
                    continue
                point = QPointF(centers[stage.id], layout.emotion_y(curve.lane_id,
                                                                    values[stage.id]))
                if started:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    started = True
                path.addEllipse(point, 3, 3)
                path.moveTo(point)
            if path.isEmpty():
                continue
            ghost = QGraphicsPathItem(path)
            ghost.setPen(QPen(QColor(GHOST_COLOR), 2, Qt.PenStyle.DashLine))
            ghost.setToolTip(qtr("before"))
            self._add(ghost, GHOST_Z)

    def _emotion_badges(self, diff: JourneyDiff, layout: JourneyLayout) -> None:
        curves = {c.id: c for c in layout.curves}
        font = QFont()
        font.setBold(True)
        for delta in diff.emotions:
            curve = curves.get(delta.curve_id)
            if curve is None or delta.delta is None:
                continue
            point = next((p for p in curve.points if p.stage_id == delta.stage_id), None)
            if point is None:
                continue
            badge = QGraphicsSimpleTextItem(f"{delta.delta:+d}")
            badge.setFont(font)
            badge.setBrush(QColor(STATUS_COLORS[CardStatus.ADDED] if delta.delta > 0
                                  else STATUS_COLORS[CardStatus.REMOVED]))
            badge.setPos(point.x + 8, point.y - 22)
            self._add(badge, BADGE_Z)
