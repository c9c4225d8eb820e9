"""The map's background: lane bands, divider lines, grid lines and the emotion zero line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QPainter

from model.entities import LaneKind
from model.layout import JourneyLayout, Rect
from model.style import Role
from widgets.canvas_style import CanvasStyle
from widgets.items import qrect


def draw_grid(painter: QPainter, rect: QRectF | QRect, layout: JourneyLayout,
              style: CanvasStyle) -> None:
    """Draw the lanes and stage columns of ``layout`` that meet ``rect``."""
    grid = style.pen_grid
    for lane in layout.lanes:
        band = qrect(lane.band)
        if not band.intersects(rect):
            continue
        if lane.kind == LaneKind.DIVIDER:
            y = band.center().y()
            painter.setPen(style.pen_divider)
            painter.drawLine(QPointF(band.left(), y), QPointF(band.right(), y))
            continue
        painter.fillRect(band, style.fill(lane.color, Role.LANE))
        painter.setPen(grid)
        painter.drawLine(band.bottomLeft(), band.bottomRight())
        if lane.kind == LaneKind.EMOTION:
            _draw_emotion_scale(painter, lane.band, layout, style)
    painter.setPen(grid)
    for stage in layout.stages:
        col = qrect(stage.column)
        painter.drawLine(col.topRight(), col.bottomRight())


def _draw_emotion_scale(painter: QPainter, band: Rect, layout: JourneyLayout,
                        style: CanvasStyle) -> None:
    lane = layout.emotion_lane()
    assert lane is not None
    zero = layout.emotion_y(lane.id, 0)
    painter.setPen(style.pen_zero)
    painter.drawLine(QPointF(band.x, zero), QPointF(band.right, zero))
