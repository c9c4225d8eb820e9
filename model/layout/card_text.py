"""Where each wrapped line of a card goes: the one placement canvas and exporters share."""

from __future__ import annotations

from dataclasses import dataclass

from model.layout.geometry import CardGeom, Metrics
from model.text import ascent, text_width


@dataclass(frozen=True)
class CardLine:
    """One line of card text: its baseline's left end, relative to the card's top left."""

    x: float
    baseline: float
    text: str
    rtl: bool


def card_lines(card: CardGeom, m: Metrics) -> list[CardLine]:
    """The card's lines as drawn: left-aligned, right-aligned when read right to left."""
    size = m.card_text
    top = m.card_pad_top + size * ascent()
    out: list[CardLine] = []
    for i, line in enumerate(card.lines):
        if not line:
            continue
        rtl = bool(card.rtl) and card.rtl[i]
        x = m.card_pad_x
        if rtl:  # right-to-left text starts at the right edge
            x = max(x, card.rect.w - m.card_pad_x - text_width(line, size))
        out.append(CardLine(x, top + i * m.card_line_h, line, rtl))
    return out
