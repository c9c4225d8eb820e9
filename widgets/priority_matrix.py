"""The priority matrix: opportunities as bubbles, importance against effort; drag re-scores.

Effort is the mean of cost and inverted ease (model/scoring.py), so that
priority = importance x (6 - effort). A bubble moves freely while dragged; on release
the matrix emits ``rescored(id, importance, effort)`` and the app makes it one edit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QLabel,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from model import style
from model.i18n import QT_TR_NOOP
from model.records import OpportunityFields, OpportunityRecord
from model.scoring import (
    IMPORTANT_FROM,
    LOW_EFFORT_UP_TO,
    Quadrant,
    effort,
    quadrant,
    scores_for_effort,
)
from widgets.i18n import qtr

PLOT = QRectF(60, 20, 800, 360)  # the plotting area in scene units
LABEL_GAP = 4.0  # screen pixels between a bubble and its name
LABEL_MAX = 200.0  # the widest a name is drawn, in screen pixels (the tooltip has it all)
LOW, HIGH = 0.5, 5.5  # each axis shows 1..5 with half a step of margin
QUADRANT_LABELS: dict[Quadrant, str] = {
    Quadrant.QUICK_WIN: QT_TR_NOOP("Quick wins"),
    Quadrant.BIG_BET: QT_TR_NOOP("Big bets"),
    Quadrant.FILL_IN: QT_TR_NOOP("Fill-ins"),
    Quadrant.MONEY_PIT: QT_TR_NOOP("Money pits"),
}
QUADRANT_FILLS: dict[Quadrant, str] = {q: style.QUADRANT_FILLS[q.value] for q in Quadrant}
BUBBLE_FILLS: dict[Quadrant, str] = {q: style.QUADRANT_BUBBLES[q.value] for q in Quadrant}


def x_of(effort_value: float) -> float:
    return PLOT.left() + (effort_value - LOW) / (HIGH - LOW) * PLOT.width()


def y_of(importance: float) -> float:
    return PLOT.bottom() - (importance - LOW) / (HIGH - LOW) * PLOT.height()


def scores_at(point: QPointF) -> tuple[int, float]:
    """(importance rounded to 1..5, effort unrounded within 1..5) of a place on the plot."""
    eff = LOW + (point.x() - PLOT.left()) / PLOT.width() * (HIGH - LOW)
    imp = LOW + (PLOT.bottom() - point.y()) / PLOT.height() * (HIGH - LOW)
    return max(1, min(5, round(imp))), max(1.0, min(5.0, eff))


class BubbleItem(QGraphicsObject):
    """One opportunity; reports where it was let go, never changes anything itself."""

    released = Signal(int, QPointF)  # opportunity id, the bubble's centre in the scene

    def __init__(self, record: OpportunityRecord, centre: QPointF) -> None:
        super().__init__()
        self.opp_id = record["id"]
        self.title = record["title"]
        self.radius = 5 + record["priority"] * 0.35
        q = quadrant(record["importance"], record["cost"], record["ease"])
        self._fill = QColor(BUBBLE_FILLS[q])
        self._font = QFont()
        self._font.setPointSizeF(8)
        self._label = self.title
        self._label_left = False  # drawn left of the bubble (near the plot's right edge)
        self._label_w = min(LABEL_MAX, QFontMetricsF(self._font).horizontalAdvance(self.title))
        # Drawn in screen pixels: names and bubbles stay readable in a small dock.
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(self.tr("{0}\nimportance {1}, cost {2}, ease {3}, priority {4:g}").format(
            record["title"], record["importance"], record["cost"], record["ease"],
            record["priority"]))
        self.setZValue(10 + record["priority"])
        self.setPos(centre)

    @property
    def label(self) -> str:
        """The name as drawn (elided when there is no room for all of it)."""
        return self._label

    @property
    def label_left(self) -> bool:
        return self._label_left

    def label_rect(self) -> QRectF:
        """Where the name is drawn, in the bubble's own (screen-pixel) coordinates."""
        r = self.radius
        x = -r - LABEL_GAP - self._label_w if self._label_left else r + LABEL_GAP
        return QRectF(x, -8, self._label_w, 16)

    def fit_label(self, room_right: float, room_left: float) -> None:
        """Place the name where it fits inside the plot: right, else left, else elided.

        ``room_*`` are the screen pixels between the bubble's edge and the plot's edge.
        """
        metrics = QFontMetricsF(self._font)
        full = metrics.horizontalAdvance(self.title)
        want = min(full, LABEL_MAX)
        if want + LABEL_GAP <= room_right:
            left, width = False, want
        elif want + LABEL_GAP <= room_left:
            left, width = True, want
        else:
            left = room_left > room_right
            width = max(0.0, min(want, max(room_left, room_right) - LABEL_GAP))
        text = self.title if full <= width else metrics.elidedText(
            self.title, Qt.TextElideMode.ElideRight, width)
        self.prepareGeometryChange()
        self._label, self._label_left = text, left
        self._label_w = metrics.horizontalAdvance(text)

    def boundingRect(self) -> QRectF:
        r = self.radius
        return QRectF(-r - 2, -r - 2, 2 * r + 4, 2 * r + 4).united(self.label_rect())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        r = self.radius
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self._fill)
        fill.setAlpha(200)
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(style.INK) if self.isSelected() else fill.darker(140),
                            2 if self.isSelected() else 1))
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setFont(self._font)
        painter.setPen(QColor(style.INK))
        painter.drawText(self.label_rect(), Qt.AlignmentFlag.AlignVCenter, self._label)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.released.emit(self.opp_id, self.pos())


class PriorityMatrix(QWidget):
    """The matrix view with its axis caption and the priority formula under it."""

    rescored = Signal(int, dict)  # opportunity id, OpportunityFields: importance/cost/ease

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PriorityMatrix")
        self.view = MatrixView()
        name = self.tr("Priority matrix: drag a bubble to re-score it")
        self.view.setAccessibleName(name)
        self.view.viewport().setAccessibleName(name)
        self.view.rescored.connect(self.rescored)
        self.caption = QLabel(self.tr(
            "Effort → (1 cheap and easy … 5 costly and hard: the mean of cost and 6 - ease)"
            " · Priority = importance x (6 - effort) = importance x (ease + 6 - cost) / 2 · "
            "drag a bubble to re-score it"))
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)

    @property
    def bubbles(self) -> dict[int, BubbleItem]:
        return self.view.bubbles

    def set_opportunities(self, rows: Sequence[OpportunityRecord]) -> None:
        self.view.set_opportunities(rows)


class MatrixView(QGraphicsView):
    """Importance (up) against effort (right), quadrants labelled, one bubble per item."""

    rescored = Signal(int, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.bubbles: dict[int, BubbleItem] = {}
        self._records: list[OpportunityRecord] = []
        self._draw_grid()

    def _draw_grid(self) -> None:
        s = self._scene
        split_x = x_of(LOW_EFFORT_UP_TO + 0.5)
        split_y = y_of(IMPORTANT_FROM - 0.5)
        areas = {
            Quadrant.QUICK_WIN: QRectF(PLOT.left(), PLOT.top(), split_x - PLOT.left(),
                                       split_y - PLOT.top()),
            Quadrant.BIG_BET: QRectF(split_x, PLOT.top(), PLOT.right() - split_x,
                                     split_y - PLOT.top()),
            Quadrant.FILL_IN: QRectF(PLOT.left(), split_y, split_x - PLOT.left(),
                                     PLOT.bottom() - split_y),
            Quadrant.MONEY_PIT: QRectF(split_x, split_y, PLOT.right() - split_x,
                                       PLOT.bottom() - split_y),
        }
        bold = QFont()
        bold.setBold(True)
        bold.setPointSizeF(9)
        for q, rect in areas.items():
            s.addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(QColor(QUADRANT_FILLS[q])))
            label = s.addSimpleText(qtr(QUADRANT_LABELS[q]), bold)
            label.setBrush(QColor(style.INK_MUTED))
            label.setPos(rect.left() + 4, rect.top() + 4)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        s.addRect(PLOT, QPen(QColor(style.LIGHT.zero_line)))
        small = QFont()
        small.setPointSizeF(8)
        for v in range(1, 6):
            for text, x, y in ((str(v), x_of(v) - 3, PLOT.bottom() + 2),
                               (str(v), PLOT.left() - 12, y_of(v) - 6)):
                tick = s.addSimpleText(text, small)
                tick.setPos(x, y)
                tick.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        y_label = s.addSimpleText(self.tr("Importance →"), small)
        y_label.setRotation(-90)
        y_label.setPos(PLOT.left() - 44, PLOT.bottom())
        y_label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        # Names are placed inside the plot (see fit_labels): no margin on the right.
        self._scene.setSceneRect(QRectF(0, 0, PLOT.right() + 8, PLOT.bottom() + 30))

    def set_opportunities(self, rows: Sequence[OpportunityRecord]) -> None:
        """Show the opportunities; bubbles of equal scores are fanned out so each is seen."""
        self._records = list(rows)
        for bubble in self.bubbles.values():
            self._scene.removeItem(bubble)
        self.bubbles = {}
        same: dict[tuple[float, int], int] = defaultdict(int)
        for rec in self._records:
            eff = effort(rec["cost"], rec["ease"])
            key = (eff, rec["importance"])
            n = same[key]
            same[key] += 1
            centre = QPointF(x_of(eff) + (n % 3) * 10, y_of(rec["importance"]) + (n // 3) * 10
                             + (n % 3) * 6)
            bubble = BubbleItem(rec, centre)
            bubble.released.connect(self._on_released)
            self._scene.addItem(bubble)
            self.bubbles[rec["id"]] = bubble
        self.fit_labels()

    def fit_labels(self) -> None:
        """Put each name inside the plot, clear of other bubbles and names where it can be.

        In screen pixels (names ignore the view's stretch); the highest priority first,
        so a more important name keeps its room.
        """
        left = self.mapFromScene(QPointF(PLOT.left(), 0)).x()
        right = self.mapFromScene(QPointF(PLOT.right(), 0)).x()
        placed: list[QRectF] = []
        centres = {i: QPointF(self.mapFromScene(b.pos())) for i, b in self.bubbles.items()}
        for opp_id, bubble in sorted(self.bubbles.items(), key=lambda kv: -kv[1].zValue()):
            c, r = centres[opp_id], bubble.radius
            room_right, room_left = right - c.x() - r, c.x() - r - left
            others = placed + [QRectF(centres[i].x() - b.radius, centres[i].y() - b.radius,
                                      2 * b.radius, 2 * b.radius)
                               for i, b in self.bubbles.items() if i != opp_id]
            for box in others:
                if box.bottom() <= c.y() - 8 or box.top() >= c.y() + 8:
                    continue  # not on the name's line
                if box.left() >= c.x() + r:
                    room_right = min(room_right, box.left() - c.x() - r - LABEL_GAP)
                elif box.right() <= c.x() - r:
                    room_left = min(room_left, c.x() - r - box.right() - LABEL_GAP)
            bubble.fit_label(room_right, room_left)
            rect = bubble.label_rect()
            placed.append(rect.translated(c))

    def _on_released(self, opp_id: int, centre: QPointF) -> None:
        rec = next(r for r in self._records if r["id"] == opp_id)
        importance, eff = scores_at(centre)
        fields: OpportunityFields = {}
        if importance != rec["importance"]:
            fields["importance"] = importance
        # Moved half a step or more sideways: the nearest whole effort's cost and ease
        # replace the old ones (a bubble only moved up or down keeps them).
        if abs(eff - effort(rec["cost"], rec["ease"])) >= 0.5:
            fields["cost"], fields["ease"] = scores_for_effort(int(eff + 0.5))
        if not fields:
            self.set_opportunities(self._records)  # not moved to another score: snap back
            return
        self.rescored.emit(opp_id, fields)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Text and bubbles ignore the transform, so the plot may stretch to the dock.
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.IgnoreAspectRatio)
        self.fit_labels()
