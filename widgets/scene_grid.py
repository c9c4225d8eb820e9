"""The map's background: lane bands, divider lines, grid lines and the emotion zero line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from model.entities import LaneKind
from model.layout import JourneyLayout, Rect
from model.palette import GRID_LINE
from widgets.items import qrect


def draw_grid(painter: QPainter, rect: QRectF | QRect, layout: JourneyLayout) -> None:
    """Draw the lanes and stage columns of ``layout`` that meet ``rect``."""
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
            _draw_emotion_scale(painter, lane.band, layout)
    painter.setPen(grid)
    for stage in layout.stages:
        col = qrect(stage.column)
        painter.drawLine(col.topRight(), col.bottomRight())


def _draw_emotion_scale(painter: QPainter, band: Rect, layout: JourneyLayout) -> None:
    lane = layout.emotion_lane()
    assert lane is not None
    zero = layout.emotion_y(lane.id, 0)
    painter.setPen(QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(band.x, zero), QPointF(band.right, zero))
