"""Where each wrapped line of a card or header goes: the placement canvas and exporters share."""

from __future__ import annotations

from dataclasses import dataclass

from model.entities import LaneKind
from model.layout.geometry import CardGeom, Metrics, Rect
from model.layout.shapes import STAGE_TIP, stage_label_rect
from model.text import ascent, text_width, wrap

HEADER_LINE = 1.2  # line height / type size of stage and lane names
DIVIDER_TEXT_SHARE = 0.74  # a divider's name, against a lane's


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


def stage_label(name: str, header: Rect, size: float, tip: float = STAGE_TIP
                ) -> list[CardLine]:
    """A stage's name in its chevron: bold, centred, two lines at most (absolute positions).

    ``size`` and ``tip``: the canvas's, or a poster's scaled ones.
    """
    r = stage_label_rect(header, tip)
    lines = wrap(name, r.w, size, bold=True, max_lines=2)
    line_h = size * HEADER_LINE
    top = r.y + (r.h - line_h * len(lines)) / 2 + size * ascent(True)
    return [CardLine(r.x + (r.w - text_width(line, size, True)) / 2, top + i * line_h, line,
                     False) for i, line in enumerate(lines) if line]


def lane_label(name: str, kind: str, header: Rect, size: float, k: float = 1.0
               ) -> tuple[float, list[CardLine]]:
    """A lane's name in its header, left-aligned and centred vertically: (size, lines).

    Bold, but a divider's name is smaller and plain (a divider is thin). ``k`` scales
    the insets with a poster's type.
    """
    divider = kind == LaneKind.DIVIDER.value
    if divider:
        size *= DIVIDER_TEXT_SHARE
    line_h = size * HEADER_LINE
    max_lines = max(1, int((header.h - 6 * k) // line_h))
    lines = wrap(name, header.w - 18 * k, size, bold=not divider, max_lines=max_lines)
    top = header.y + (header.h - line_h * len(lines)) / 2 + size * ascent(not divider)
    return size, [CardLine(header.x + 10 * k, top + i * line_h, line, False)
                  for i, line in enumerate(lines) if line]


@dataclass(frozen=True)
class LegendEntry:
    """One curve in an emotion lane's header: its swatch's height and its name's lines."""

    swatch_y: float
    lines: tuple[CardLine, ...]


LEGEND_SWATCH = (10.0, 26.0)  # the swatch's left and right ends
LEGEND_TEXT_X = 31.0
LEGEND_TOP = 42.0  # the first name's baseline
LEGEND_GAP = 17.0  # from one entry's last baseline to the next one's first, less a line
LEGEND_SCALE_ROOM = 26.0  # the scale's labels at the header's right edge


def curve_legend(names: list[str], header_w: float, size: float, k: float = 1.0
                 ) -> list[LegendEntry]:
    """The curves' names in an emotion lane's header, two lines each at most, positions
    relative to the header (``k`` scales the insets with a poster's type)."""
    line_h = size * HEADER_LINE
    width = header_w - (LEGEND_TEXT_X + LEGEND_SCALE_ROOM) * k
    y = LEGEND_TOP * k
    out = []
    for name in names:
        lines = wrap(name, width, size, max_lines=2) or [""]
        out.append(LegendEntry(y - 4 * k, tuple(
            CardLine(LEGEND_TEXT_X * k, y + i * line_h, line, False)
            for i, line in enumerate(lines) if line)))
        y += len(lines) * line_h + LEGEND_GAP * k - line_h
    return out
