"""The heat overlay on paper: card frames, the strip under the stage headers, a legend.

Same data and colours as the canvas (model.metric_records, model.heat).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from model.heat import heat_color, legend_stops, text_on
from model.layout import JourneyLayout
from model.metrics import MetricKind, metric_label
from model.records import CardBadge, HeatCell

if TYPE_CHECKING:
    from app.export.compose import Surface

STRIP_H = 16.0
STRIP_TEXT = 7.5
ASCENT = 0.93
HEAT_CHOICES = ("headline", *(k.value for k in MetricKind))


def heat_kind(choice: str | None) -> str | None:
    """The metric kind an export's heat choice stands for (None: each card's headline)."""
    return None if choice in (None, "headline") else choice


def heat_title(choice: str) -> str:
    kind = heat_kind(choice)
    return "headline metric" if kind is None else metric_label(kind)


def draw_heat(surface: Surface, layout: JourneyLayout, badges: Mapping[int, CardBadge],
              cells: Mapping[int, HeatCell]) -> None:
    """Heat frames round the cards that have a figure, and the strip, in scene units."""
    for card in layout.cards.values():
        badge = badges.get(card.id)
        if badge is None or badge.heat is None:
            continue
        r = card.rect
        surface.rect(r.x + 1, r.y + 1, r.w - 2, r.h - 2, fill=None,
                     stroke=heat_color(badge.heat), width=3.5, radius=5)
    top = layout.metrics.stage_header_h
    for stage in layout.stages:
        x, w = stage.column.x, stage.column.w
        cell = cells.get(stage.id)
        baseline = top + (STRIP_H - STRIP_TEXT) / 2 + STRIP_TEXT * ASCENT
        if cell is None or cell.heat is None:
            surface.rect(x, top, w, STRIP_H, fill="#ffffff", stroke="#9aa5b1", width=0.6)
            label, ink = "no data", "#52606d"
        else:
            surface.rect(x, top, w, STRIP_H, fill=heat_color(cell.heat), stroke="#ffffff",
                         width=1)
            label, ink = cell.label, text_on(cell.heat)
        surface.text(x + 6, baseline, label, STRIP_TEXT, ink)


def draw_heat_legend(surface: Surface, x: float, y: float, unit: float, choice: str) -> None:
    """'Heat: NPS  worst ▮▮▮▮▮ best' with the scale's steps, at (x, y) on the page."""
    size = 7 * unit
    label = f"Heat: {heat_title(choice)}   worst"
    surface.text(x, y + size * ASCENT, label, size, "#34404d")
    from app.export.text import text_width

    sx = x + text_width(label, size) + 4 * unit
    step = 14 * unit
    for i, (_pos, color) in enumerate(legend_stops()):
        surface.rect(sx + i * step, y, step, size * 1.1, fill=color)
    surface.text(sx + len(legend_stops()) * step + 4 * unit, y + size * ASCENT, "best", size,
                 "#34404d")
