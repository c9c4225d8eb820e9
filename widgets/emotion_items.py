"""The emotion curve and its draggable points."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from model.layout import (
    CurveGeom,
    Rect,
    monotone_beziers,
)
from model.style import CANVAS_VALUE_PT, CURVE_W, HANDLE_RADIUS, HANDLE_W
from widgets.canvas_style import CanvasStyle, canvas_style
from widgets.i18n import qtr
from widgets.item_base import (
    _detach,
    _font,
    _view_scale,
    qrect,
)

_VALUE_FONT_PT = CANVAS_VALUE_PT


def _signed(value: int) -> str:
    """An emotion value as the scale shows it: +3, 0, -2."""
    return f"{value:+d}" if value else "0"
_NOTE_PREVIEW = 40  # characters of a note shown beside a hovered point


class EmotionHandleItem(QGraphicsObject):
    """One draggable point of an emotion curve; moves vertically and snaps to the scale.

    An *unset* handle stands for a stage where the curve has no value yet: a dashed
    ring on the neutral line; dragging it sets the first value.
    """

    RADIUS = HANDLE_RADIUS

    def __init__(self, curve: EmotionCurveItem, stage_id: int, note: str,
                 unset: bool = False) -> None:
        super().__init__()
        self.curve = curve
        self.stage_id = stage_id
        self.note = note
        self.unset = unset
        self.run = 0
        self.value = 0
        self._dragging = False
        self._hovered = False
        self._start_value: int | None = None
        self._press_y = 0.0
        self._label = ""
        self._label_rect = QRectF()
        self._label_size = QSizeF()
        self._label_factor = 1.0
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        self.setZValue(40)

    def refresh(self) -> None:
        """Recompute the tooltip and the value label after a value, note or name change."""
        name = self.curve.geom.name
        if self.unset:
            self.setToolTip(self.tr("{0}: no value at this stage yet.\nDrag up or down to set "
                                    "one.").format(name))
        else:
            hint = f"\n{self.note}" if self.note else qtr("\nDouble-click to add a note.")
            self.setToolTip(f"{name}: {_signed(self.value)}{hint}")
        self._update_label()

    def _update_label(self) -> None:
        """The value (and while hovering, the start of the note) beside the point."""
        show = self._dragging or self._hovered
        text = ""
        if show:
            text = "unset" if self.unset and not self._dragging else _signed(self.value)
            if self._hovered and not self._dragging and self.note:
                note = " ".join(self.note.split())
                if len(note) > _NOTE_PREVIEW:
                    note = note[: _NOTE_PREVIEW - 1] + "…"
                text += f"  {note}"
        # Readable at any zoom: never smaller on screen than at 100 %.
        factor = max(1.0, 1.0 / max(_view_scale(self), 0.05))
        if text != self._label or factor != self._label_factor:
            self.prepareGeometryChange()
            self._label = text
            self._label_factor = factor
            metrics = QFontMetricsF(_font(_VALUE_FONT_PT, bold=True))
            self._label_size = QSizeF(metrics.horizontalAdvance(text) + 10,
                                      metrics.height() + 4)
            self._label_rect = (
                QRectF(self.RADIUS + 5, -self._label_size.height() * factor / 2,
                       self._label_size.width() * factor, self._label_size.height() * factor)
                if text else QRectF()
            )
            self.update()

    @property
    def label(self) -> str:
        """What the point says beside itself right now (empty when idle)."""
        return self._label

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 2
        circle = QRectF(-r, -r - 8, 2 * r + 8, 2 * r + 8)  # room for the note marker
        return circle.united(self._label_rect) if self._label else circle

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self.RADIUS + 2
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self.curve.geom.color)
        st = self.curve.style
        if self.unset and not self._dragging:
            # No value yet: a dashed ring with a question mark, on the neutral line.
            painter.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
            painter.setBrush(st.unset_point_fill)
            painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
            painter.setFont(_font(_VALUE_FONT_PT, bold=True))
            painter.drawText(QRectF(-self.RADIUS, -self.RADIUS, 2 * self.RADIUS,
                                    2 * self.RADIUS), Qt.AlignmentFlag.AlignCenter, "?")
        else:
            painter.setPen(QPen(color, HANDLE_W))
            painter.setBrush(st.point_fill if not self._hovered else color)
            painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        if self.note:
            # A small speech bubble above-right: this point has a note (hover reads it).
            painter.setPen(QPen(color, 1))
            painter.setBrush(st.point_fill)
            bubble = QRectF(self.RADIUS - 3, -self.RADIUS - 9, 10, 7)
            painter.drawRoundedRect(bubble, 2, 2)
            painter.drawLine(QPointF(bubble.left() + 2, bubble.bottom()),
                             QPointF(bubble.left(), bubble.bottom() + 3))
        if self._label:
            painter.save()
            painter.translate(self._label_rect.topLeft())
            painter.scale(self._label_factor, self._label_factor)
            box = QRectF(QPointF(0, 0), self._label_size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(st.value_label)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(st.value_label_text)
            painter.setFont(_font(_VALUE_FONT_PT, bold=True))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._label)
            painter.restore()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self._dragging:
            snapped = self.curve.snap(value.y())
            if snapped is not None:
                self.value = snapped
                self._update_label()
                return QPointF(self.x(), self.curve.value_y(snapped))
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and self._dragging:
            self.curve.rebuild_path()
        return super().itemChange(change, value)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._dragging = True
        self._start_value = None if self.unset else self.value
        self.curve.activate()
        self._update_label()
        self._press_y = self.y()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # Moved here, not by QGraphicsItem: Qt would drag every selected movable item
        # (a selected card) along with the point and leave it where the model says not.
        if event.buttons() & Qt.MouseButton.LeftButton:
            dy = event.scenePos().y() - event.buttonDownScenePos(Qt.MouseButton.LeftButton).y()
            self.setPos(self.x(), self._press_y + dy)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._dragging = False
        self._update_label()
        if self.unset:  # any real drag gives the stage its first value, even 0
            pressed = event.buttonDownScenePos(Qt.MouseButton.LeftButton)
            edited = abs(event.scenePos().y() - pressed.y()) >= 2
        else:
            edited = self.value != self._start_value
        if edited:
            self.curve.point_edited.emit(self.curve.curve_id, self.stage_id, self.value)
        else:
            self.curve.rebuild_path()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.unset:
            self.curve.note_requested.emit(self.curve.curve_id, self.stage_id)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self._update_label()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self._update_label()
        super().hoverLeaveEvent(event)


class EmotionCurveItem(QGraphicsObject):
    """A smooth curve through its handles, tinted above and below the neutral line.

    Stages without a value break the curve; each run of consecutive values is drawn
    on its own, and the gap shows unset handles the user can drag to give a value.
    """

    point_edited = Signal(int, int, int)  # curve_id, stage_id, value
    note_requested = Signal(int, int)  # curve_id, stage_id
    activated = Signal(int)  # curve_id: one of its points was pressed

    BASE_Z = 8.0
    CURRENT_Z = 9.0  # the current curve's points win where points overlap

    def __init__(self, geom: CurveGeom, band: Rect, zero_y: float, tint: bool) -> None:
        super().__init__()
        self.curve_id = geom.id
        self.geom = geom
        self.handles: dict[int, EmotionHandleItem] = {}
        self._paths: list[QPainterPath] = []
        self._shape = QPainterPath()
        self._band = qrect(band)
        self._zero_y = zero_y
        self._tint = tint
        self._snap: Any = None
        self.style = canvas_style()
        self.setZValue(self.BASE_Z)
        self.set_geom(geom, band, zero_y, tint)

    def set_scale(self, snap: Any, value_y: Any) -> None:
        """The pure snapping functions of the layout: y -> value and value -> y."""
        self._snap = snap
        self._value_y = value_y

    def snap(self, y: float) -> int | None:
        return self._snap(y) if self._snap is not None else None

    def value_y(self, value: int) -> float:
        return float(self._value_y(value))

    def set_style(self, style: CanvasStyle) -> None:
        """Paint with another palette (light or dark canvas); the points follow."""
        if style is not self.style:
            self.style = style
            self.update()
            for handle in self.handles.values():
                handle.update()

    def set_current(self, current: bool) -> None:
        self.setZValue(self.CURRENT_Z if current else self.BASE_Z)

    def activate(self) -> None:
        self.activated.emit(self.curve_id)

    def set_geom(self, geom: CurveGeom, band: Rect, zero_y: float, tint: bool) -> None:
        self.prepareGeometryChange()  # the band is the bounding rect
        self.geom = geom
        self._band = qrect(band)
        self._zero_y = zero_y
        self._tint = tint
        wanted: dict[int, tuple[float, float, int, str, int, bool]] = {
            p.stage_id: (p.x, p.y, p.value, p.note, p.run, False) for p in geom.points
        }
        for u in geom.unset:
            wanted[u.stage_id] = (u.x, u.y, 0, "", -1, True)
        for stage_id in list(self.handles):
            old = self.handles[stage_id]
            if stage_id not in wanted or old.unset != wanted[stage_id][5]:
                _detach(self.handles.pop(stage_id))
        for stage_id, (x, y, value, note, run, unset) in wanted.items():
            found = self.handles.get(stage_id)
            if found is not None:
                handle = found
            else:
                handle = EmotionHandleItem(self, stage_id, note, unset)
                handle.setParentItem(self)
                self.handles[stage_id] = handle
            handle.note = note
            handle.value = value
            handle.run = run
            handle.setPos(x, y)
            handle.refresh()
            handle.update()
        self.rebuild_path()

    def rebuild_path(self) -> None:
        self.prepareGeometryChange()
        runs: dict[int, list[tuple[float, float]]] = {}
        for h in self.handles.values():
            if not h.unset:
                runs.setdefault(h.run, []).append((h.pos().x(), h.pos().y()))
        self._paths = []
        shape = QPainterPath()
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        for run in sorted(runs):
            points = sorted(runs[run])
            path = QPainterPath()
            path.moveTo(*points[0])
            for _, c1, c2, end in monotone_beziers(points):
                path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
            self._paths.append(path)
            shape.addPath(stroker.createStroke(path))
        self._shape = shape
        self.update()

    @property
    def path_count(self) -> int:
        """How many separate pieces the curve is drawn in (gaps split it)."""
        return len(self._paths)

    def boundingRect(self) -> QRectF:
        return self._band

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._paths:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for path in self._paths:
            if self._tint and path.elementCount() > 1:
                area = QPainterPath(path)
                last = path.currentPosition()
                first = path.elementAt(0)
                area.lineTo(last.x(), self._zero_y)
                area.lineTo(first.x, self._zero_y)
                area.closeSubpath()
                painter.setPen(Qt.PenStyle.NoPen)
                above = QRectF(self._band.left(), self._band.top(), self._band.width(),
                               self._zero_y - self._band.top())
                below = QRectF(self._band.left(), self._zero_y, self._band.width(),
                               self._band.bottom() - self._zero_y)
                for clip, positive in ((above, True), (below, False)):
                    painter.save()
                    painter.setClipRect(clip)
                    painter.setBrush(self.style.tint(positive))
                    painter.drawPath(area)
                    painter.restore()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(self.geom.color), CURVE_W, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            painter.drawPath(path)


