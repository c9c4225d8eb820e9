"""The heat overlay's strip under the stage headers and its legend (viridis scale)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QWidget,
)

from model.heat import heat_color, legend_stops, text_on
from model.metrics import MetricKind, metric_label
from model.records import HeatCell
from model.style import HEAT_STRIP_H
from widgets.canvas_style import CanvasStyle, canvas_style
from widgets.i18n import qtr

STRIP_H = HEAT_STRIP_H
STRIP_Z = 30.0  # over the lanes and cards' cells, under the pinned headers (35+)



class HeatStripItem(QGraphicsItem):
    """One coloured segment per stage just under the stage headers; cached, read-only."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(STRIP_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.segments: list[tuple[QRectF, HeatCell | None]] = []
        self._bounds = QRectF()
        self._font = QFont()
        self._font.setPointSizeF(7.0)
        self._style = canvas_style()

    def set_style(self, style: CanvasStyle) -> None:
        """Paint the segments without data in another palette (light or dark canvas)."""
        if style is not self._style:
            self._style = style
            self.update()

    def set_segments(self, segments: list[tuple[QRectF, HeatCell | None]]) -> None:
        """(rect in scene units, the stage's heat cell or None) per stage."""
        self.prepareGeometryChange()
        self.segments = segments
        bounds = QRectF()
        for rect, _cell in segments:
            bounds = bounds.united(rect)
        self._bounds = bounds.adjusted(-1, -1, 1, 1)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setFont(self._font)
        p = self._style.palette
        for rect, cell in self.segments:
            heat = cell.heat if cell is not None else None
            if heat is None:
                painter.setPen(QPen(QColor(p.zero_line), 0.8, Qt.PenStyle.DashLine))
                painter.setBrush(QColor(p.heat_no_data))
                painter.drawRect(rect)
                painter.setPen(QColor(p.muted))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, qtr("no data"))
                continue
            painter.setPen(QPen(QColor(p.background), 1))
            painter.setBrush(QColor(heat_color(heat)))
            painter.drawRect(rect)
            painter.setPen(QColor(text_on(heat)))
            assert cell is not None
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, cell.label)


class HeatLegend(QWidget):
    """The scale (worst → best) and the metric it shows; the metric can be changed here."""

    kind_changed = Signal(object)  # a metric kind value, or None for each card's headline

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_box = QComboBox()
        self.kind_box.addItem(qtr("Headline metric"), None)
        for kind in (MetricKind.NPS, MetricKind.CSAT, MetricKind.CES, MetricKind.CUSTOM):
            label = metric_label(kind) if kind is not MetricKind.CUSTOM else qtr("Custom")
            self.kind_box.addItem(label, kind.value)
        self.kind_box.currentIndexChanged.connect(
            lambda _i: self.kind_changed.emit(self.kind_box.currentData()))
        self.scale = _Scale()
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(QLabel(qtr("Heat:")))
        row.addWidget(self.kind_box)
        row.addWidget(QLabel(qtr("worst")))
        row.addWidget(self.scale)
        row.addWidget(QLabel(qtr("best")))

    def heat_kind(self) -> str | None:
        data = self.kind_box.currentData()
        return str(data) if data is not None else None


class _Scale(QWidget):
    def sizeHint(self) -> QSize:
        return QSize(120, 14)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, self.width(), 0)
        for position, color in legend_stops():
            gradient.setColorAt(position, QColor(color))
        painter.fillRect(self.rect(), gradient)
        painter.end()
