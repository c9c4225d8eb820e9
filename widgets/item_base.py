"""What every canvas item shares: z order, fonts, pens, colours and small helpers."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
)

from model.layout import (
    Rect,
)
from model.style import CANVAS_CARD_PT, CANVAS_HEADER_PT, CANVAS_LEGEND_PT

CARD_FONT_PT = CANVAS_CARD_PT
HEADER_FONT_PT = CANVAS_HEADER_PT
LEGEND_FONT_PT = CANVAS_LEGEND_PT
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




_CARD_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
    | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
)


def _view_scale(item: QGraphicsItem) -> float:
    """How many screen pixels one scene unit covers in the item's first view."""
    scene = item.scene()
    views = scene.views() if scene is not None else []
    return views[0].transform().m11() if views else 1.0

