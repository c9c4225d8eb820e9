"""Compare mode's extra marks: removed cards as ghosts in their old cell, metric deltas.

Both are overlay items of ``widgets.diff_overlay.DiffOverlay``: they take no mouse
button, cannot be selected, and go away when compare mode ends. Card items are not
touched. Geometry is worked out once, when the overlay is drawn; ``paint`` only draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from model import style
from model.diff import CardDiff, CardStatus
from model.layout import Cell, JourneyLayout
from model.metric_diff import MetricDelta

GHOST_INK = style.CHANGE_REMOVED
GHOST_MIN_H = 22.0  # a ghost shorter than this is folded into a "+N more" one
CHIP_H = 16.0
BETTER, WORSE, NEUTRAL = style.CHANGE_ADDED, style.CHANGE_REMOVED, style.CHANGE_METRIC


@dataclass(frozen=True)
class GhostPlace:
    """Where one ghost goes; ``texts`` holds one card's text, or several folded."""

    rect: QRectF
    card_ids: tuple[int, ...]
    texts: tuple[str, ...]


def ghost_places(removed: list[CardDiff], layout: JourneyLayout) -> list[GhostPlace]:
    """Ghosts under the cards their old cell holds now, in the room left there.

    A cell whose stage or lane is gone too shows none (the change list says it).
    """
    m = layout.metrics
    stages = {s.id for s in layout.stages}
    lanes = {x.id: x for x in layout.lanes}
    by_cell: dict[Cell, list[CardDiff]] = {}
    for change in removed:
        cell = change.old_cell
        if (change.status is CardStatus.REMOVED and cell is not None and cell[0] in stages
                and cell[1] in lanes and lanes[cell[1]].holds_cards):
            by_cell.setdefault(cell, []).append(change)
    places: list[GhostPlace] = []
    for cell, changes in by_cell.items():
        changes.sort(key=lambda c: c.old_index)
        box = layout.cell_rect(cell)
        below = [layout.cards[i].rect.bottom for i in layout.cell_cards.get(cell, [])
                 if i in layout.cards]
        top = (max(below) + m.card_gap) if below else box.y + m.cell_pad
        room = box.bottom - 4 - top
        fit = max(1, int((room + m.card_gap) // (GHOST_MIN_H + m.card_gap)))
        shown = changes if len(changes) <= fit else changes[:fit - 1]
        rest = changes[len(shown):]
        count = len(shown) + (1 if rest else 0)
        h = min(m.card_h, max(GHOST_MIN_H, (room - (count - 1) * m.card_gap) / count))
        x, w = box.x + m.cell_pad, box.w - 2 * m.cell_pad
        y = top
        for change in shown:
            places.append(GhostPlace(QRectF(x, y, w, h), (change.card_id,), (change.text,)))
            y += h + m.card_gap
        if rest:
            places.append(GhostPlace(QRectF(x, y, w, h), tuple(c.card_id for c in rest),
                                     tuple(c.text for c in rest)))
    return places


class GhostCardItem(QGraphicsItem):
    """A removed card: a dashed outline with its old text, in its old cell."""

    def __init__(self, place: GhostPlace, palette: style.Palette = style.LIGHT) -> None:
        super().__init__()
        self.place = place
        self._fill = QColor(palette.background)
        self._fill.setAlpha(150)  # the cell shows through: it is not a card any more
        self._ink = QColor(palette.muted)
        self.card_ids = place.card_ids
        self._rect = QRectF(place.rect)
        self.setPos(self._rect.topLeft())
        self._rect.moveTo(0, 0)
        self._font = QFont()
        self._font.setPointSizeF(8)
        self._font.setItalic(True)
        fm = QFontMetricsF(self._font)
        inner = self._rect.width() - 12
        self.label = (" ".join(place.texts[0].split()) or "…" if len(place.texts) == 1
                      else f"+{len(place.texts)} more removed")
        self.setToolTip(_removed_tip(place.texts))
        lines = max(1, int((self._rect.height() - 6) // fm.lineSpacing()))
        self._lines = _wrapped(self.label, fm, inner, lines)
        self._line_h = fm.lineSpacing()
        self._ascent = fm.ascent()
        self.setFlags(QGraphicsItem.GraphicsItemFlag(0))  # not movable, not selectable

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setBrush(self._fill)
        painter.setPen(QPen(QColor(GHOST_INK), 1.5, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setFont(self._font)
        painter.setPen(self._ink)
        y = 3 + self._ascent
        for line in self._lines:
            painter.drawText(6, int(y), line)
            y += self._line_h


def _removed_tip(texts: tuple[str, ...]) -> str:
    if len(texts) == 1:
        return f"Removed since: {texts[0]}"
    return "Removed since:\n" + "\n".join(f"• {' '.join(t.split())}" for t in texts)


def _wrapped(text: str, fm: QFontMetricsF, width: float, lines: int) -> list[str]:
    """Word-wrapped into at most ``lines`` lines, the last one elided if needed."""
    out: list[str] = []
    words = text.split(" ")
    current = ""
    for i, word in enumerate(words):
        trial = f"{current} {word}".strip()
        if fm.horizontalAdvance(trial) <= width or not current:
            current = trial
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join(words[i:])
            break
    out.append(current)
    out = out[:lines]
    out[-1] = fm.elidedText(out[-1], Qt.TextElideMode.ElideRight, width)
    return out


class MetricChipItem(QGraphicsItem):
    """'NPS +19' on a card's top edge: green when customers are better off, red if worse."""

    def __init__(self, card_id: int, deltas: list[MetricDelta], card: QRectF,
                 palette: style.Palette = style.LIGHT) -> None:
        super().__init__()
        self._fill = QColor(palette.background)
        self.card_id = card_id
        self.deltas = deltas
        first = deltas[0]
        change = first.delta_text() or ("new" if first.old is None else "gone")
        self.text = f"{first.label} {change}" + (f" +{len(deltas) - 1}" if len(deltas) > 1
                                                 else "")
        self._font = QFont()
        self._font.setPointSizeF(7.5)
        self._font.setBold(True)
        w = QFontMetricsF(self._font).horizontalAdvance(self.text) + 10
        self._rect = QRectF(0, 0, w, CHIP_H)
        self.setPos(card.x() + 6, card.y() - CHIP_H / 2)
        better = first.better
        self.color = BETTER if better else WORSE if better is False else NEUTRAL
        self.setToolTip("\n".join(d.text() for d in deltas))

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setPen(QPen(QColor(self.color), 1))
        painter.setBrush(self._fill)
        painter.drawRoundedRect(self._rect, CHIP_H / 2, CHIP_H / 2)
        painter.setFont(self._font)
        painter.setPen(QColor(self.color))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


def metric_chips(deltas: list[MetricDelta], layout: JourneyLayout,
                 palette: style.Palette = style.LIGHT) -> list[MetricChipItem]:
    """One chip per card whose metrics moved (the card's first changed metric named)."""
    per_card: dict[int, list[MetricDelta]] = {}
    for d in deltas:
        if d.card_id is not None and d.card_id in layout.cards:
            per_card.setdefault(d.card_id, []).append(d)
    chips = []
    for card_id, changes in per_card.items():
        r = layout.cards[card_id].rect
        chips.append(MetricChipItem(card_id, changes, QRectF(r.x, r.y, r.w, r.h), palette))
    return chips
