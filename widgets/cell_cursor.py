"""The keyboard's cell cursor: a focus ring around the map cell that arrow keys move."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from model.style import CURSOR_FILL_ALPHA, LIGHT
from widgets.canvas_style import qcolor

CURSOR_Z = 30.0  # above cards and curves, below the pinned headers
CURSOR_COLOR = QColor(LIGHT.selection)


class CellCursorItem(QGraphicsObject):
    """Draws the current cell; never takes a mouse press (its shape is empty)."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setZValue(CURSOR_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.hide()

    def show_rect(self, rect: QRectF | None) -> None:
        """Frame ``rect`` (scene coordinates), or hide with None."""
        if rect is None:
            self.hide()
            return
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
        self.show()
        self.update()

    @property
    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # clicks go through to the cell, cards and curve below

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        inner = self._rect.adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setBrush(qcolor(LIGHT.selection, CURSOR_FILL_ALPHA))
        painter.setPen(QPen(CURSOR_COLOR, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                            Qt.PenJoinStyle.MiterJoin))
        painter.drawRect(inner)
