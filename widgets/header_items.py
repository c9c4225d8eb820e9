"""Stage and lane headers: drag to reorder, stage edge to resize, double-click to rename."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from model.entities import LaneKind
from model.layout import (
    LEGEND_SWATCH,
    METRICS,
    CardLine,
    LaneGeom,
    LegendEntry,
    Rect,
    StageGeom,
    curve_legend,
    lane_label,
    stage_chevron,
    stage_label,
    stage_label_rect,
)
from model.style import MIN_STAGE_WIDTH, Role
from model.text import place_line
from widgets.canvas_style import CanvasStyle, canvas_style
from widgets.card_item import CardTextEditor
from widgets.item_base import (
    HEADER_DRAG_Z,
    HEADER_FONT_PT,
    LANE_HEADER_Z,
    LEGEND_FONT_PT,
    STAGE_HEADER_Z,
    _detach,
    _font,
    _view_scale,
    qrect,
)
from widgets.text_paint import Op, RunFonts, device_dpi, draw_ops, run_ops

_FONTS = RunFonts()  # system fonts for text no bundled font covers
LEGEND_TEXT = LEGEND_FONT_PT * 96 / 72  # in scene units: the legend's size at 100 %


class LabelOps:
    """A header's name lines as glyph runs of the bundled fonts, made on first paint."""

    def __init__(self, lines: list[CardLine]) -> None:
        self.lines = lines
        self._ops: list[Op] | None = None
        self._dpi = 0.0

    def get(self, dpi: float, size: float, bold: bool) -> list[Op]:
        if self._ops is None or dpi != self._dpi:
            self._dpi = dpi
            self._ops = [op for line in self.lines
                         for op in run_ops(place_line(line.text, bold), line.x, line.baseline,
                                           size, dpi, _FONTS)]
        return self._ops


class HeaderRenameMixin:
    """In-place renaming of a header: Enter keeps, Escape cancels."""

    _rename_editor: CardTextEditor | None = None
    _style: CanvasStyle

    def _start_rename(self, name: str, rect: QRectF) -> None:
        if self._rename_editor is not None:
            return
        item: QGraphicsObject = self  # type: ignore[assignment]
        editor = CardTextEditor(name, max(60.0, rect.width()), single_line=True,
                                style=self._style)
        editor.setParentItem(item)  # keeps the child alive in PySide6
        editor.setPos(rect.left(), rect.top() + max(0.0, (rect.height() - 26) / 2))
        self._rename_editor = editor
        editor.finished.connect(self._finish_rename)
        editor.start(select_all=True)
        item.update()

    @property
    def renaming(self) -> bool:
        return self._rename_editor is not None

    def _finish_rename(self, accepted: bool) -> None:
        editor = self._rename_editor
        if editor is None:
            return
        self._rename_editor = None
        text = " ".join(editor.toPlainText().split())
        item: QGraphicsObject = self  # type: ignore[assignment]
        _detach(editor)
        item.update()
        if accepted and text:
            self._renamed(text)

    def _renamed(self, name: str) -> None:
        raise NotImplementedError


class StageHeaderItem(HeaderRenameMixin, QGraphicsObject):
    """A stage column header: drag sideways to reorder, drag the right edge to resize."""

    GRIP_PX = 9.0  # the resize zone at the right edge, in screen pixels at any zoom
    MIN_WIDTH = MIN_STAGE_WIDTH

    rename_requested = Signal(int)  # stage_id: double-click asks for an in-place rename
    renamed = Signal(int, str)  # stage_id, new name typed in place
    resized = Signal(int, float)  # stage_id, new width
    resize_previewed = Signal(float)  # scene x of the edge being dragged; NaN when done
    dropped = Signal(int, float)  # stage_id, where its centre was let go (scene x)

    def __init__(self, geom: StageGeom) -> None:
        super().__init__()
        self.stage_id = geom.id
        self.geom = geom
        self._rect = qrect(geom.header)
        self._resizing = False
        self._press_x = 0.0
        self._drag_dx = 0.0
        self._live_width = geom.header.w
        self._pin = -1e9
        self._style = canvas_style()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(STAGE_HEADER_Z)
        self.set_geom(geom)

    def set_geom(self, geom: StageGeom) -> None:
        self.prepareGeometryChange()
        self.geom = geom
        self._rect = QRectF(0, 0, geom.header.w, geom.header.h)
        self._live_width = geom.header.w
        self._cache_shape()
        self.setPos(geom.header.x, self._pinned_y())
        self.setToolTip(
            self.tr("{0}\nDrag to reorder, drag the right edge to resize, double-click to "
                    "rename.").format(geom.name)
        )
        self.update()

    def set_style(self, style: CanvasStyle) -> None:
        """Paint with another palette (light or dark canvas)."""
        if style is not self._style:
            self._style = style
            self._fill = style.fill(self.geom.color, Role.STAGE)
            self.update()

    def pin(self, top: float) -> None:
        """Keep the header visible at the top of the window when scrolled down."""
        self._pin = top
        self.setPos(self.pos().x(), self._pinned_y())

    def _pinned_y(self) -> float:
        return max(self.geom.header.y, self._pin)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._live_width, self._rect.height())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.y() > self.geom.header.y:  # pinned over the cards: give it a backdrop
            painter.fillRect(self.boundingRect(), self._style.backdrop)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._style.pen_header_selected if selected else Qt.PenStyle.NoPen)
        painter.setBrush(self._fill)
        painter.drawPolygon(self._outline)
        if self._resizing:  # the edge being dragged
            painter.setPen(self._style.pen_header_selected)
            painter.drawLine(QPointF(self._live_width - 1, 2),
                             QPointF(self._live_width - 1, self._rect.height() - 2))
        if self.renaming:
            return
        painter.setPen(self._style.text)
        draw_ops(painter, self._label_ops.get(device_dpi(painter), METRICS.stage_text, True))

    def _cache_shape(self) -> None:
        """Outline and label for the current width (paint() only draws these)."""
        header = Rect(0, 0, self._live_width, self._rect.height())
        self._outline = QPolygonF([QPointF(x, y) for x, y in stage_chevron(header)])
        self._label_rect = qrect(stage_label_rect(header))
        # Two lines, as on the poster (the same lines: model.layout.stage_label); a
        # name longer than that ends in "…".
        lines = stage_label(self.geom.name, header, METRICS.stage_text)
        self._label_lines = [(QPointF(line.x, line.baseline), line.text) for line in lines]
        self._label_ops = LabelOps(lines)
        self._fill = self._style.fill(self.geom.color, Role.STAGE)

    def grip_width(self) -> float:
        """The resize zone in scene units: GRIP_PX screen pixels whatever the zoom."""
        return min(self.GRIP_PX / max(_view_scale(self), 0.01), self._live_width / 4)

    def _on_grip(self, x: float) -> bool:
        return x >= self._live_width - self.grip_width()

    def start_rename(self) -> None:
        """Type a new name over the header."""
        self._start_rename(self.geom.name, self._label_rect)

    def _renamed(self, name: str) -> None:
        if name != self.geom.name:
            self.renamed.emit(self.stage_id, name)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._on_grip(event.pos().x()):
            self.rename_requested.emit(self.stage_id)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setCursor(
            Qt.CursorShape.SizeHorCursor
            if self._on_grip(event.pos().x())
            else Qt.CursorShape.OpenHandCursor
        )

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._resizing = self._on_grip(event.pos().x())
        self._press_x = event.scenePos().x()
        self._drag_dx = 0.0
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        dx = event.scenePos().x() - self._press_x
        if self._resizing:
            self.prepareGeometryChange()
            self._live_width = max(self.MIN_WIDTH, self.geom.header.w + dx)
            self._cache_shape()
            self.update()
            self.resize_previewed.emit(self.geom.header.x + self._live_width)
        else:
            self._drag_dx = dx
            self.setPos(self.geom.header.x + dx, self._pinned_y())
            self.setZValue(HEADER_DRAG_Z)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setZValue(STAGE_HEADER_Z)
        if self._resizing:
            self._resizing = False
            self.update()
            self.resize_previewed.emit(float("nan"))
            if abs(self._live_width - self.geom.header.w) >= 1:
                self.resized.emit(self.stage_id, round(self._live_width))
            return
        if abs(self._drag_dx) >= 4:
            self.dropped.emit(self.stage_id, self.geom.header.center[0] + self._drag_dx)
        self.setPos(self.geom.header.x, self._pinned_y())


class LaneHeaderItem(HeaderRenameMixin, QGraphicsObject):
    """A lane row header: drag up or down to reorder."""

    rename_requested = Signal(int)  # lane_id
    renamed = Signal(int, str)  # lane_id, new name typed in place
    dropped = Signal(int, float)  # lane_id, where its centre was let go (scene y)

    def __init__(self, geom: LaneGeom) -> None:
        super().__init__()
        self.lane_id = geom.id
        self.geom = geom
        self._rect = QRectF()
        self._press_y = 0.0
        self._drag_dy = 0.0
        self._pin = -1e9
        self._legend: list[tuple[list[str], str]] = []  # each curve's name lines, colour
        self._legend_ops: list[tuple[LegendEntry, LabelOps, str]] = []
        self._scale_labels: list[tuple[str, QPointF]] = []
        self._style = canvas_style()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(LANE_HEADER_Z)
        self.set_geom(geom)

    def set_geom(self, geom: LaneGeom) -> None:
        self.prepareGeometryChange()
        self.geom = geom
        self._rect = QRectF(0, 0, geom.header.w, geom.header.h)
        self._name_size, lines = lane_label(geom.name, geom.kind,
                                            Rect(0, 0, geom.header.w, geom.header.h),
                                            METRICS.lane_text)
        self._name_ops = LabelOps(lines)
        self.setPos(self._pinned_x(), geom.header.y)
        self.setToolTip(self.tr("{0}\nDrag to reorder, double-click to rename.").format(geom.name))
        self.update()

    def set_style(self, style: CanvasStyle) -> None:
        """Paint with another palette (light or dark canvas)."""
        if style is not self._style:
            self._style = style
            self.update()

    def pin(self, left: float) -> None:
        """Keep the header visible at the left of the window when scrolled sideways."""
        self._pin = left
        self.setPos(self._pinned_x(), self.pos().y())

    def _pinned_x(self) -> float:
        return max(self.geom.header.x, self._pin)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self._rect.adjusted(0, 0, -1, -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        st = self._style
        painter.setPen(st.pen_header_selected if selected else st.pen_grid)
        painter.setBrush(st.lane_header)
        painter.drawRect(rect)
        if self.renaming:
            return
        divider = self.geom.kind == LaneKind.DIVIDER
        if not self._legend and not self._scale_labels:
            # The name as the poster prints it (model.layout.lane_label).
            painter.setPen(st.muted if divider else st.text)
            draw_ops(painter, self._name_ops.get(device_dpi(painter), self._name_size,
                                                 not divider))
            return
        painter.setFont(_font(HEADER_FONT_PT - 1, bold=not divider, italic=divider))
        painter.setPen(st.text)
        # The emotion lane: name, the curves' legend, and the scale at the right edge.
        painter.drawText(QPointF(10, 22), self.geom.name)
        # The curves' names as model.layout wraps them, in the bundled fonts' glyph runs.
        dpi = device_dpi(painter)
        left, right = LEGEND_SWATCH
        for entry, ops, color in self._legend_ops:
            painter.setPen(QPen(QColor(color), 3))
            painter.drawLine(QPointF(left, entry.swatch_y), QPointF(right, entry.swatch_y))
            painter.setPen(st.text)
            draw_ops(painter, ops.get(dpi, LEGEND_TEXT, False))
        painter.setFont(_font(LEGEND_FONT_PT))
        painter.setPen(st.muted)
        for label, pos in self._scale_labels:
            painter.drawText(pos, label)

    def start_rename(self) -> None:
        """Type a new name over the header."""
        self._start_rename(self.geom.name, self._rect.adjusted(6, 4, -6, -4))

    def _renamed(self, name: str) -> None:
        if name != self.geom.name:
            self.renamed.emit(self.lane_id, name)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.rename_requested.emit(self.lane_id)

    def set_legend(self, curves: list[tuple[str, str]], scale: list[tuple[int, float]]) -> None:
        """Curves (name, colour) and scale marks (value, y in this header) of an emotion lane.

        Empty lists for every other lane. A long curve name wraps onto a second line.
        """
        metrics = QFontMetricsF(_font(LEGEND_FONT_PT))
        entries = curve_legend([name for name, _c in curves], self._rect.width(), LEGEND_TEXT)
        self._legend_ops = [(entry, LabelOps(list(entry.lines)), color)
                            for entry, (_name, color) in zip(entries, curves, strict=True)]
        self._legend = [([line.text for line in entry.lines], color)
                        for entry, _ops, color in self._legend_ops]
        self._scale_labels = []
        for value, value_y in scale:
            label = f"{value:+d}" if value else "0"
            x = self._rect.width() - 7 - metrics.horizontalAdvance(label)
            self._scale_labels.append((label, QPointF(x, value_y + 4)))
        self.setToolTip("\n".join([self.geom.name, *(name for name, _c in curves),
                                   "Drag to reorder, double-click to rename."]))
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._press_y = event.scenePos().y()
        self._drag_dy = 0.0
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._drag_dy = event.scenePos().y() - self._press_y
        self.setPos(self._pinned_x(), self.geom.header.y + self._drag_dy)
        self.setZValue(HEADER_DRAG_Z)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setZValue(LANE_HEADER_Z)
        if abs(self._drag_dy) >= 4:
            self.dropped.emit(self.lane_id, self.geom.header.center[1] + self._drag_dy)
        self.setPos(self._pinned_x(), self.geom.header.y)


