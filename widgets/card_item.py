"""The card on the canvas and the in-place text editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPainterPath,
    QPolygonF,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from model.layout import METRICS, CardGeom, Metrics, card_lines
from model.style import CARD_RADIUS, SEVERITY_DOTS, Role
from model.text import place_line
from widgets.canvas_style import CanvasStyle, canvas_style
from widgets.item_base import (
    _CARD_FLAGS,
    CARD_FONT_PT,
    ZOOMED_OUT_LOD,
    _detach,
)
from widgets.text_paint import (
    Op,
    RunFonts,
    device_dpi,
    draw_ops,
    load_fonts,
    run_ops,
)

_FONTS = RunFonts()  # system fonts for text no bundled font covers
EDITOR_MARGIN = 2.0  # between the editor's frame and its text


class CardItem(QGraphicsObject):
    """A sticky-note card. Moves freely while dragged; the scene decides where it lands."""

    text_edited = Signal(int, str)  # card_id, the text typed in place

    def __init__(self, geom: CardGeom) -> None:
        super().__init__()
        self.card_id = geom.id
        self.geom = geom
        self._size = QSizeF(geom.rect.w, geom.rect.h)
        # The layout's lines as glyph runs, made on the first paint: on a big map most
        # cards are never seen up close.
        self._ops: list[Op] | None = None
        self._editor: CardTextEditor | None = None
        self._style = canvas_style()
        self.setFlags(_CARD_FLAGS)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(10)
        # Repaints while something moves over a card blit a pixmap rendered at the current
        # zoom (so text stays crisp) instead of running paint() again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._set_shape(geom)
        if geom.cut or geom.linked:
            self.setToolTip(self._tooltip(geom))
        self.setPos(geom.rect.x, geom.rect.y)

    # -- model sync ------------------------------------------------------------

    def _set_shape(self, geom: CardGeom) -> None:
        """Everything paint() needs but the text, computed once per model change."""
        self._rect = QRectF(0, 0, geom.rect.w, geom.rect.h)
        self._bounds = self._rect.adjusted(-2, -2, 3, 3)
        self._fill = self._style.fill(geom.fill, Role.CARD)
        self._edge = QLineF(4, geom.rect.h + 1, geom.rect.w - 4, geom.rect.h + 1)
        w = geom.rect.w
        self._link_marker = QPolygonF([QPointF(w - 16, 0), QPointF(w - 6, 0),
                                       QPointF(w - 6, 13), QPointF(w - 11, 9),
                                       QPointF(w - 16, 13)])

    def _tooltip(self, geom: CardGeom) -> str:
        tip = geom.text if geom.cut else ""  # the card shows only part of it
        if geom.linked:
            tip = "\n".join(t for t in (tip, self.tr("Linked to %n opportunity(s)", "",
                                                         geom.linked)) if t)
        return tip

    def set_style(self, style: CanvasStyle) -> None:
        """Paint with another palette (light or dark canvas)."""
        if style is not self._style:
            self._style = style
            self._fill = style.fill(self.geom.fill, Role.CARD)
            self.update()

    def set_geom(self, geom: CardGeom) -> None:
        old = self.geom
        self.geom = geom
        if (
            geom.rect.w == old.rect.w
            and geom.rect.h == old.rect.h
            and geom.text == old.text
            and geom.lines == old.lines
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
        self._ops = None
        if geom.text != old.text or geom.cut != old.cut or geom.linked != old.linked:
            self.setToolTip(self._tooltip(geom))
        self.setPos(geom.rect.x, geom.rect.y)
        self.update()

    def _text_ops(self, dpi: float) -> list[Op]:
        ops = self._ops
        if ops is None:
            size = METRICS.card_text
            ops = self._ops = [
                op
                for line in card_lines(self.geom, METRICS)
                for op in run_ops(place_line(line.text, False, line.rtl), line.x,
                                  line.baseline, size, dpi, _FONTS)
            ]
        return ops

    @property
    def text_lines(self) -> list[tuple[float, float, str]]:
        """The lines the card shows: (x, baseline, text), as the PDF prints them."""
        return [(line.x, line.baseline, line.text) for line in card_lines(self.geom, METRICS)]

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
        st = self._style
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        if lod < ZOOMED_OUT_LOD:
            painter.setPen(st.pen_selected if selected else Qt.PenStyle.NoPen)
            painter.setBrush(self._fill)
            painter.drawRect(rect)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(st.pen_edge)
        painter.drawLine(self._edge)
        painter.setPen(st.pen_selected if selected else st.pen_border)
        painter.setBrush(self._fill)
        painter.drawRoundedRect(rect, CARD_RADIUS, CARD_RADIUS)
        if self._editor is not None:
            return
        if self.geom.severity:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(st.severity)
            r = SEVERITY_DOTS.radius
            for cx, cy in SEVERITY_DOTS.centres(rect.right(), rect.bottom(), self.geom.severity):
                painter.drawEllipse(QPointF(cx, cy), r, r)
        if self.geom.linked:
            # A small flag in the top-right corner: this card has an opportunity.
            painter.setPen(st.pen_link)
            painter.setBrush(st.link)
            painter.drawPolygon(self._link_marker)
        painter.setPen(st.text)
        draw_ops(painter, self._text_ops(device_dpi(painter)))

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
        editor = CardTextEditor.for_card(self.geom.text if initial is None else initial,
                                         self._size.width(), style=self._style)
        editor.setParentItem(self)  # keeps the child alive in PySide6
        editor.place_on_card(0.0, 0.0)
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

    def __init__(self, text: str, width: float, single_line: bool = False,
                 style: CanvasStyle | None = None) -> None:
        super().__init__()
        self._style = style or canvas_style()
        self._single_line = single_line
        self.setPlainText(text)
        self.setTextWidth(width)
        font = QFont()
        font.setFamilies(list(dict.fromkeys(load_fonts().values())))
        font.setPointSizeF(CARD_FONT_PT)
        self.setFont(font)
        self.setDefaultTextColor(self._style.text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(50)
        self._done = False
        self._metrics = METRICS
        self._f = 1  # the text is set this many times larger and shown this many times smaller

    @classmethod
    def for_card(cls, text: str, card_w: float, style: CanvasStyle | None = None,
                 m: Metrics = METRICS) -> CardTextEditor:
        """An editor that sets text as the card will: the bundled fonts at the layout's
        card text size, lines as tall as the layout's, exactly the card's text width."""
        editor = cls(text, 1.0, style=style)
        # Qt sets a font in whole pixels: 12.5 would become 13 and the typed text would
        # break sooner than the card. So the text is set ``f`` times larger and the
        # editor shown 1/f: the size is exact in the scene.
        f = next((n for n in (1, 2, 4, 8) if (m.card_text * n).is_integer()), 8)
        editor._f = f
        editor._metrics = m
        editor.document().setDocumentMargin(EDITOR_MARGIN * f)
        editor.document().setUseDesignMetrics(True)
        editor.setTextWidth((m.text_width(card_w) + 2 * EDITOR_MARGIN) * f)
        font = editor.font()
        font.setPixelSize(round(m.card_text * f))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)
        editor.setFont(font)
        editor.setScale(1 / f)
        editor._fix_line_height()
        editor.document().contentsChanged.connect(editor._fix_line_height)
        return editor

    def place_on_card(self, x: float, y: float) -> None:
        """Put the text where the card's first line goes, on a card whose top left is (x, y)."""
        m = self._metrics
        self.setPos(x + m.card_pad_x - EDITOR_MARGIN, y + m.card_pad_top - EDITOR_MARGIN)

    def _fix_line_height(self) -> None:
        """Every paragraph's lines exactly the layout's line height (typed ones too)."""
        height = self._metrics.card_line_h * self._f
        doc = self.document()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().lineHeight() != height:
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setLineHeight(height, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
                doc.blockSignals(True)  # a format is no content change: no recursion
                QTextCursor(block).setBlockFormat(fmt)
                doc.blockSignals(False)
            block = block.next()

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
        painter.setPen(self._style.pen_rename)
        painter.setBrush(self._style.backdrop)
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


