"""A card's badges (headline metric, usage share) and heat frame, as a child of the card.

A separate child item so the card's own painting stays as it is; the scene gives it
a CardBadge and the card's size, paint() only draws what is cached here.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from model.heat import heat_color, text_on
from model.records import CardBadge
from model.style import BADGE_RADIUS, CANVAS_BADGE_H, CANVAS_BADGE_PT
from widgets.canvas_style import CanvasStyle, canvas_style

PILL_H = CANVAS_BADGE_H
VOTE_H = 18.0  # the dot-vote pill: large enough to read on a projector
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_FONT_PT = CANVAS_BADGE_PT


def badge_font() -> QFont:
    font = QFont()
    font.setPointSizeF(_FONT_PT)
    return font


class CardBadgeItem(QGraphicsItem):
    """Draws a card's headline metric (bottom right), usage share (bottom left), heat."""

    def __init__(self, parent: QGraphicsItem, style: CanvasStyle | None = None) -> None:
        super().__init__(parent)
        self.style = style or canvas_style()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, False)
        self.badge = CardBadge()
        self.heat_on = False
        self._card = QRectF()
        self._font = badge_font()
        self._vote_font = badge_font()
        self._vote_font.setPointSizeF(9.0)
        self._vote_font.setBold(True)
        self._headline_rect = QRectF()
        self._usage_rect = QRectF()
        self._votes_rect = QRectF()
        self._votes_text = ""

    def set_badge(self, badge: CardBadge, card: QRectF, heat_on: bool) -> None:
        """Cache what to draw and where (the card's rect in its own coordinates)."""
        if badge == self.badge and card == self._card and heat_on == self.heat_on:
            return
        self.prepareGeometryChange()
        self.badge, self._card, self.heat_on = badge, QRectF(card), heat_on
        fm = QFontMetricsF(self._font)
        y = card.bottom() - PILL_H - 3
        self._headline_rect = QRectF()
        self._usage_rect = QRectF()
        if badge.headline:
            w = fm.horizontalAdvance(badge.headline) + 8
            self._headline_rect = QRectF(card.right() - w - 3, y, w, PILL_H)
        if badge.usage:
            w = fm.horizontalAdvance(badge.usage) + 8
            self._usage_rect = QRectF(card.left() + 3, y, w, PILL_H)
        self._votes_rect = QRectF()
        self._votes_text = ""
        if badge.votes is not None:
            # Top right, clear of the text's first line start: a dot and the count.
            self._votes_text = f"\u25cf {badge.votes}"
            w = max(VOTE_H * 1.6,
                    QFontMetricsF(self._vote_font).horizontalAdvance(self._votes_text) + 10)
            self._votes_rect = QRectF(card.right() - w - 2, card.top() - VOTE_H / 2, w, VOTE_H)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._card.adjusted(-3, -3 - VOTE_H / 2, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        card = self.parentItem()
        if card is not None and card.flags() & _NO_CONTENTS:
            return  # zoomed far out: the scene draws cards as blocks
        b = self.badge
        heat = b.heat if self.heat_on else None
        if heat is not None:
            painter.setPen(QPen(QColor(heat_color(heat)), 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._card.adjusted(1, 1, -1, -1), 4, 4)
        painter.setFont(self._font)
        if not self._headline_rect.isNull():
            if heat is not None:
                fill, ink = QColor(heat_color(heat)), QColor(text_on(heat))
            else:
                st = self.style
                fill = st.badge_small_fill if b.small_sample else st.badge_metric_fill
                ink = st.badge_small_text if b.small_sample else st.text
            painter.setPen(self.style.pen_badge_metric)
            painter.setBrush(fill)
            painter.drawRoundedRect(self._headline_rect, BADGE_RADIUS, BADGE_RADIUS)
            painter.setPen(ink)
            painter.drawText(self._headline_rect, Qt.AlignmentFlag.AlignCenter, b.headline)
        if not self._usage_rect.isNull():
            painter.setPen(self.style.pen_badge_usage)
            painter.setBrush(self.style.badge_usage_fill)
            painter.drawRoundedRect(self._usage_rect, BADGE_RADIUS, BADGE_RADIUS)
            painter.setPen(self.style.badge_usage_text)
            painter.drawText(self._usage_rect, Qt.AlignmentFlag.AlignCenter, b.usage)
        if not self._votes_rect.isNull():
            st, voted = self.style, bool(b.votes)
            painter.setPen(st.pen_vote if voted else st.pen_vote_none)
            painter.setBrush(st.vote_fill if voted else st.vote_none_fill)
            painter.drawRoundedRect(self._votes_rect, VOTE_H / 2, VOTE_H / 2)
            painter.setFont(self._vote_font)
            painter.setPen(st.vote_text if voted else st.vote_none_text)
            painter.drawText(self._votes_rect, Qt.AlignmentFlag.AlignCenter, self._votes_text)


class CardDecorations:
    """The badges of a journey's cards, put on card items as they are made or moved."""

    def __init__(self) -> None:
        self.badges: dict[int, CardBadge] = {}
        self.heat_on = False
        self.style = canvas_style()
        self._items: dict[int, CardBadgeItem] = {}

    def set_style(self, style: CanvasStyle) -> None:
        """Paint every badge with another palette (light or dark canvas)."""
        self.style = style
        for item in self._items.values():
            if isValid(item):
                item.style = style
                item.update()

    def decorate(self, card: QGraphicsItem, card_id: int, w: float, h: float) -> None:
        """Give a card item its badge child (or take it away) for the current badges."""
        badge = self.badges.get(card_id)
        item = self._items.get(card_id)
        if item is not None and (not isValid(item) or item.parentItem() is not card):
            item = None  # the card item was removed (and its badge with it) or made again
            del self._items[card_id]
        if badge is None:
            if item is not None:
                scene = item.scene()
                if scene is not None:
                    scene.removeItem(item)  # also takes it off the card
                del self._items[card_id]
            return
        if item is None:
            item = self._items[card_id] = CardBadgeItem(card, self.style)
        item.set_badge(badge, QRectF(0, 0, w, h), self.heat_on)

    def forget(self) -> None:
        self._items.clear()
