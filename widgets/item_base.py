"""What every canvas item shares: z order, fonts, pens, colours and small helpers."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
)

from model.layout import (
    Rect,
)
from model.palette import CARD_BORDER, GRID_LINE, HEADER_TEXT, NEGATIVE_TINT

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



def _view_scale(item: QGraphicsItem) -> float:
    """How many screen pixels one scene unit covers in the item's first view."""
    scene = item.scene()
    views = scene.views() if scene is not None else []
    return views[0].transform().m11() if views else 1.0

