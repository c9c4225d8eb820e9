"""Graphics items of the journey canvas: cards, stage and lane headers, the emotion curve."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from model.entities import LaneKind
from model.layout import (
    CardGeom,
    CurveGeom,
    LaneGeom,
    Rect,
    StageGeom,
    monotone_beziers,
    stage_chevron,
    stage_label_rect,
)
from model.palette import CARD_BORDER, GRID_LINE, HEADER_TEXT, NEGATIVE_TINT, POSITIVE_TINT

CARD_FONT_PT = 9.5
HEADER_FONT_PT = 11.0
LEGEND_FONT_PT = 8.5
ZOOMED_OUT_LOD = 0.35
# Headers float above cards so they can stay pinned to the window edges while scrolling.
STAGE_HEADER_Z = 35.0
LANE_HEADER_Z = 36.0
CORNER_Z = 37.0
HEADER_DRAG_Z = 45.0  # below this level of detail cards are drawn as plain boxes


def _detach(child: QGraphicsItem) -> None:
    """Take a child item off its parent and out of the scene."""
    scene = child.scene()
    if scene is not None:
        scene.removeItem(child)  # also takes it off its parent


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def wrap_text(text: str, font: QFont, width: float, height: float) -> list[tuple[QPointF, str]]:
    """Lines of ``text`` wrapped to ``width``; the last visible line gets an ellipsis."""
    metrics = QFontMetricsF(font)
    line_h = metrics.lineSpacing()
    max_lines = max(1, int(height // line_h))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[tuple[QPointF, str]] = []
    y = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            part = paragraph[line.textStart() : line.textStart() + line.textLength()]
            if len(lines) == max_lines:
                layout.endLayout()
                last_pos, last = lines[-1]
                lines[-1] = (
                    last_pos,
                    metrics.elidedText(last.rstrip() + " …", Qt.TextElideMode.ElideRight, width),
                )
                if not lines[-1][1].endswith("…"):
                    lines[-1] = (last_pos, lines[-1][1] + "…")
                return lines
            lines.append((QPointF(0, y + metrics.ascent()), part.rstrip()))
            y += line_h
        layout.endLayout()
    return lines


_FONTS: dict[tuple[float, bool, bool], QFont] = {}


def _font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    """A shared QFont (made on first use: a QFont needs the application to exist)."""
    key = (size, bold, italic)
    font = _FONTS.get(key)
    if font is None:
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        font.setItalic(italic)
        _FONTS[key] = font
    return font


def _card_font() -> QFont:
    return _font(CARD_FONT_PT)


_PEN_SELECTED = QPen(QColor("#1c6ed6"), 2.2)
_PEN_HEADER_SELECTED = QPen(QColor("#1c6ed6"), 2)
_PEN_GRID = QPen(QColor(GRID_LINE), 0)
_LANE_HEADER_FILL = QColor("#eef1f5")
_MUTED = QColor("#7b8794")
_PEN_BORDER = QPen(QColor(CARD_BORDER), 0.8)
_PEN_EDGE = QPen(QColor(0, 0, 0, 40), 2)
_SEVERITY = QColor(NEGATIVE_TINT)
_TEXT = QColor(HEADER_TEXT)
_LINK = QColor("#2e7d32")  # the "linked to an opportunity" flag
_PEN_LINK = QPen(QColor("#1b5e20"), 0.8)


_CARD_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
    | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
)
_COLORS: dict[str, QColor] = {}


def _color(name: str) -> QColor:
    """A shared QColor per fill (thousands of cards share a handful of fills)."""
    color = _COLORS.get(name)
    if color is None:
        color = _COLORS[name] = QColor(name)
    return color


class CardItem(QGraphicsObject):
    """A sticky-note card. Moves freely while dragged; the scene decides where it lands."""

    text_edited = Signal(int, str)  # card_id, the text typed in place

    def __init__(self, geom: CardGeom) -> None:
        super().__init__()
        self.card_id = geom.id
        self.geom = geom
        self._size = QSizeF(geom.rect.w, geom.rect.h)
        # Wrapped text, laid out on the first paint at reading size: on a big map most
        # cards are never seen up close, and wrapping them all made opening slow.
        self._lines: list[tuple[QPointF, str]] | None = None
        self._editor: CardTextEditor | None = None
        self.setFlags(_CARD_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(10)
        # Repaints while something moves over a card blit a pixmap rendered at the current
        # zoom (so text stays crisp) instead of running paint() again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._set_shape(geom)
        if len(geom.text) > 60 or geom.linked:
            self.setToolTip(self._tooltip(geom))
        self.setPos(geom.rect.x, geom.rect.y)

    # -- model sync ------------------------------------------------------------

    def _set_shape(self, geom: CardGeom) -> None:
        """Everything paint() needs but the text, computed once per model change."""
        self._rect = QRectF(0, 0, geom.rect.w, geom.rect.h)
        self._bounds = self._rect.adjusted(-2, -2, 3, 3)
        self._fill = _color(geom.fill)
        self._edge = QLineF(4, geom.rect.h + 1, geom.rect.w - 4, geom.rect.h + 1)
        w = geom.rect.w
        self._link_marker = QPolygonF([QPointF(w - 16, 0), QPointF(w - 6, 0),
                                       QPointF(w - 6, 13), QPointF(w - 11, 9),
                                       QPointF(w - 16, 13)])

    def _tooltip(self, geom: CardGeom) -> str:
        tip = geom.text if len(geom.text) > 60 else ""
        if geom.linked:
            tip = "\n".join(t for t in (tip, self.tr("Linked to %n opportunity(s)", "",
                                                         geom.linked)) if t)
        return tip

    def set_geom(self, geom: CardGeom) -> None:
        old = self.geom
        self.geom = geom
        if (
            geom.rect.w == old.rect.w
            and geom.rect.h == old.rect.h
            and geom.text == old.text
            and geom.fill == old.fill
            and geom.severity == old.severity
            and geom.linked == old.linked
        ):
            # Only moved (a card above it came or went, or its lane grew): the cheap case.
            self.setPos(geom.rect.x, geom.rect.y)
            return
        if geom.rect.w != self._size.width() or geom.rect.h != self._size.height():
            self.prepareGeometryChange()
            self._size = QSizeF(geom.rect.w, geom.rect.h)
        self._set_shape(geom)
        self._lines = None
        if geom.text != old.text or len(geom.text) > 60 or geom.linked != old.linked:
            self.setToolTip(self._tooltip(geom))
        self.setPos(geom.rect.x, geom.rect.y)
        self.update()

    def _text_lines(self) -> list[tuple[QPointF, str]]:
        lines = self._lines
        if lines is None:
            geom = self.geom
            lines = self._lines = [
                (pos + QPointF(8, 6), text)
                for pos, text in wrap_text(geom.text, _card_font(), geom.rect.w - 16,
                                           geom.rect.h - 12)
            ]
        return lines

    # -- painting ----------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, 6, 6)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Hot path (thousands of calls per frame when zoomed out): cached objects only.
        rect = self._rect
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        if lod < ZOOMED_OUT_LOD:
            painter.setPen(_PEN_SELECTED if selected else Qt.PenStyle.NoPen)
            painter.setBrush(self._fill)
            painter.drawRect(rect)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(_PEN_EDGE)
        painter.drawLine(self._edge)
        painter.setPen(_PEN_SELECTED if selected else _PEN_BORDER)
        painter.setBrush(self._fill)
        painter.drawRoundedRect(rect, 6, 6)
        if self._editor is not None:
            return
        if self.geom.severity:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_SEVERITY)
            for i in range(self.geom.severity):
                painter.drawEllipse(QPointF(rect.right() - 8 - i * 7, rect.bottom() - 7), 2.4, 2.4)
        if self.geom.linked:
            # A small flag in the top-right corner: this card has an opportunity.
            painter.setPen(_PEN_LINK)
            painter.setBrush(_LINK)
            painter.drawPolygon(self._link_marker)
        painter.setFont(_card_font())
        painter.setPen(_TEXT)
        for pos, text in self._text_lines():
            painter.drawText(pos, text)

    # -- gestures ------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.setZValue(20)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(10)
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.start_editing()

    def start_editing(self, initial: str | None = None) -> None:
        """Edit the text in place: Enter commits, Shift+Enter breaks a line, Escape cancels."""
        if self._editor is not None:
            return
        editor = CardTextEditor(self.geom.text if initial is None else initial,
                                self._size.width() - 12)
        editor.setParentItem(self)  # keeps the child alive in PySide6
        editor.setPos(4, 4)
        self._editor = editor
        editor.finished.connect(self._finish_editing)
        editor.start()
        self.update()

    @property
    def editing(self) -> bool:
        return self._editor is not None

    def _finish_editing(self, accepted: bool) -> None:
        editor = self._editor
        if editor is None:
            return
        self._editor = None
        text = editor.toPlainText()
        _detach(editor)
        self.update()
        if accepted and text != self.geom.text:
            self.text_edited.emit(self.card_id, text)


class CardTextEditor(QGraphicsTextItem):
    """The in-place text editor of a card or of a new card typed into a cell."""

    finished = Signal(bool)  # accepted

    def __init__(self, text: str, width: float, single_line: bool = False) -> None:
        super().__init__()
        self._single_line = single_line
        self.setPlainText(text)
        self.setTextWidth(width)
        font = QFont()
        font.setPointSizeF(CARD_FONT_PT)
        self.setFont(font)
        self.setDefaultTextColor(QColor(HEADER_TEXT))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(50)
        self._done = False

    def start(self, select_all: bool = False) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        if select_all:
            cursor.select(cursor.SelectionType.Document)
        else:
            cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(QColor("#1c6ed6"), 1.2))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # widget may be None

    def keyPressEvent(self, event: Any) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._finish(False)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self._single_line or not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self._finish(True)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self._finish(True)

    def _finish(self, accepted: bool) -> None:
        if self._done:
            return
        self._done = True
        self.clearFocus()
        self.finished.emit(accepted)


def _view_scale(item: QGraphicsItem) -> float:
    """How many screen pixels one scene unit covers in the item's first view."""
    scene = item.scene()
    views = scene.views() if scene is not None else []
    return views[0].transform().m11() if views else 1.0


class HeaderRenameMixin:
    """In-place renaming of a header: Enter keeps, Escape cancels."""

    _rename_editor: CardTextEditor | None = None

    def _start_rename(self, name: str, rect: QRectF) -> None:
        if self._rename_editor is not None:
            return
        item: QGraphicsObject = self  # type: ignore[assignment]
        editor = CardTextEditor(name, max(60.0, rect.width()), single_line=True)
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
    MIN_WIDTH = 120.0

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
            f"{geom.name}\nDrag to reorder, drag the right edge to resize, double-click to rename."
        )
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
            painter.fillRect(self.boundingRect(), QColor(255, 255, 255, 235))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_PEN_HEADER_SELECTED if selected else Qt.PenStyle.NoPen)
        painter.setBrush(self._fill)
        painter.drawPolygon(self._outline)
        if self._resizing:  # the edge being dragged
            painter.setPen(_PEN_HEADER_SELECTED)
            painter.drawLine(QPointF(self._live_width - 1, 2),
                             QPointF(self._live_width - 1, self._rect.height() - 2))
        if self.renaming:
            return
        painter.setFont(_font(HEADER_FONT_PT, bold=True))
        painter.setPen(_TEXT)
        for pos, line in self._label_lines:
            painter.drawText(pos, line)

    def _cache_shape(self) -> None:
        """Outline and label for the current width (paint() only draws these)."""
        header = Rect(0, 0, self._live_width, self._rect.height())
        self._outline = QPolygonF([QPointF(x, y) for x, y in stage_chevron(header)])
        self._label_rect = qrect(stage_label_rect(header))
        font = _font(HEADER_FONT_PT, bold=True)
        metrics = QFontMetricsF(font)
        # Two lines, as on the poster; a name longer than that ends in "…".
        lines = wrap_text(self.geom.name, font, self._label_rect.width(),
                          2 * metrics.lineSpacing())
        block_h = len(lines) * metrics.lineSpacing()
        top = self._label_rect.top() + (self._label_rect.height() - block_h) / 2
        self._label_lines = [
            (QPointF(self._label_rect.left()
                     + (self._label_rect.width() - metrics.horizontalAdvance(text)) / 2,
                     top + pos.y()), text)
            for pos, text in lines
        ]
        self._fill = QColor(self.geom.color)

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
        self._legend: list[tuple[list[str], str]] = []
        self._scale_labels: list[tuple[str, QPointF]] = []
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(LANE_HEADER_Z)
        self.set_geom(geom)

    def set_geom(self, geom: LaneGeom) -> None:
        self.prepareGeometryChange()
        self.geom = geom
        self._rect = QRectF(0, 0, geom.header.w, geom.header.h)
        self.setPos(self._pinned_x(), geom.header.y)
        self.setToolTip(f"{geom.name}\nDrag to reorder, double-click to rename.")
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
        painter.setPen(_PEN_HEADER_SELECTED if selected else _PEN_GRID)
        painter.setBrush(_LANE_HEADER_FILL)
        painter.drawRect(rect)
        if self.renaming:
            return
        divider = self.geom.kind == LaneKind.DIVIDER
        painter.setFont(_font(HEADER_FONT_PT - 1, bold=not divider, italic=divider))
        painter.setPen(_TEXT)
        if not self._legend and not self._scale_labels:
            painter.drawText(
                rect.adjusted(10, 4, -6, -4),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                | int(Qt.TextFlag.TextWordWrap),
                self.geom.name,
            )
            return
        # The emotion lane: name, the curves' legend, and the scale at the right edge.
        painter.drawText(QPointF(10, 22), self.geom.name)
        painter.setFont(_font(LEGEND_FONT_PT))
        line_h = QFontMetricsF(_font(LEGEND_FONT_PT)).lineSpacing()
        y = 42.0
        for lines, color in self._legend:
            painter.setPen(QPen(QColor(color), 3))
            painter.drawLine(QPointF(10, y - 4), QPointF(26, y - 4))
            painter.setPen(_TEXT)
            for line in lines:
                painter.drawText(QPointF(31, y), line)
                y += line_h
            y += 17 - line_h
        painter.setPen(_MUTED)
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
        font = _font(LEGEND_FONT_PT)
        metrics = QFontMetricsF(font)
        width = self._rect.width() - 31 - 26  # right of the swatch, left of the scale
        self._legend = [
            ([text for _pos, text in wrap_text(name, font, width, 2 * metrics.lineSpacing())]
             or [""], color)
            for name, color in curves
        ]
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


_VALUE_FONT_PT = 8.5


def _signed(value: int) -> str:
    """An emotion value as the scale shows it: +3, 0, -2."""
    return f"{value:+d}" if value else "0"
_NOTE_PREVIEW = 40  # characters of a note shown beside a hovered point


class EmotionHandleItem(QGraphicsObject):
    """One draggable point of an emotion curve; moves vertically and snaps to the scale.

    An *unset* handle stands for a stage where the curve has no value yet: a dashed
    ring on the neutral line; dragging it sets the first value.
    """

    RADIUS = 7.0

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
            self.setToolTip(f"{name}: no value at this stage yet.\nDrag up or down to set one.")
        else:
            hint = f"\n{self.note}" if self.note else "\nDouble-click to add a note."
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
        if self.unset and not self._dragging:
            # No value yet: a dashed ring with a question mark, on the neutral line.
            painter.setPen(QPen(color, 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
            painter.setFont(_font(_VALUE_FONT_PT, bold=True))
            painter.drawText(QRectF(-self.RADIUS, -self.RADIUS, 2 * self.RADIUS,
                                    2 * self.RADIUS), Qt.AlignmentFlag.AlignCenter, "?")
        else:
            painter.setPen(QPen(color, 2.5))
            painter.setBrush(QColor("#ffffff") if not self._hovered else color)
            painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        if self.note:
            # A small speech bubble above-right: this point has a note (hover reads it).
            painter.setPen(QPen(color, 1))
            painter.setBrush(QColor("#ffffff"))
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
            painter.setBrush(QColor(31, 41, 51, 225))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor("#ffffff"))
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
        super().mousePressEvent(event)

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
                for clip, color in ((above, POSITIVE_TINT), (below, NEGATIVE_TINT)):
                    painter.save()
                    painter.setClipRect(clip)
                    tint = QColor(color)
                    tint.setAlpha(40)
                    painter.setBrush(tint)
                    painter.drawPath(area)
                    painter.restore()
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(self.geom.color), 3, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            painter.drawPath(path)


__all__ = [
    "CardItem",
    "CardTextEditor",
    "EmotionCurveItem",
    "EmotionHandleItem",
    "LaneHeaderItem",
    "StageHeaderItem",
    "qrect",
    "wrap_text",
]
