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
from model.style import ASCENT, HEAT_STRIP_H, HEAT_STRIP_TEXT, LIGHT

if TYPE_CHECKING:
    from app.export.compose import Surface

STRIP_H = HEAT_STRIP_H
STRIP_TEXT = HEAT_STRIP_TEXT
HEAT_CHOICES = ("headline", *(k.value for k in MetricKind))


def heat_kind(choice: str | None) -> str | None:
    """The metric kind an export's heat choice stands for (None: each card's headline)."""
    return None if choice in (None, "headline") else choice


def heat_title(choice: str) -> str:
    kind = heat_kind(choice)
    return "headline metric" if kind is None else metric_label(kind)


def draw_heat(surface: Surface, layout: JourneyLayout, badges: Mapping[int, CardBadge],
              cells: Mapping[int, HeatCell], k: float = 1.0) -> None:
    """Heat frames round the cards that have a figure, and the strip (sizes times ``k``)."""
    for card in layout.cards.values():
        badge = badges.get(card.id)
        if badge is None or badge.heat is None:
            continue
        r = card.rect
        surface.rect(r.x + k, r.y + k, r.w - 2 * k, r.h - 2 * k, fill=None,
                     stroke=heat_color(badge.heat), width=3.5 * k, radius=5 * k)
    top = layout.metrics.stage_header_h
    strip_h, size = STRIP_H * k, STRIP_TEXT * k
    for stage in layout.stages:
        x, w = stage.column.x, stage.column.w
        cell = cells.get(stage.id)
        baseline = top + (strip_h - size) / 2 + size * ASCENT
        if cell is None or cell.heat is None:
            surface.rect(x, top, w, strip_h, fill=LIGHT.heat_no_data, stroke=LIGHT.zero_line,
                         width=0.6 * k)
            label, ink = "no data", LIGHT.muted
        else:
            surface.rect(x, top, w, strip_h, fill=heat_color(cell.heat), stroke=LIGHT.background,
                         width=k)
            label, ink = cell.label, text_on(cell.heat)
        surface.text(x + 6 * k, baseline, label, size, ink)


def draw_heat_legend(surface: Surface, x: float, y: float, unit: float, choice: str) -> None:
    """'Heat: NPS  worst ▮▮▮▮▮ best' with the scale's steps, at (x, y) on the page."""
    size = 7 * unit
    label = f"Heat: {heat_title(choice)}   worst"
    surface.text(x, y + size * ASCENT, label, size, LIGHT.badge_usage_text)
    from app.export.text import text_width

    sx = x + text_width(label, size) + 4 * unit
    step = 14 * unit
    for i, (_pos, color) in enumerate(legend_stops()):
        surface.rect(sx + i * step, y, step, size * 1.1, fill=color)
    surface.text(sx + len(legend_stops()) * step + 4 * unit, y + size * ASCENT, "best", size,
                 LIGHT.badge_usage_text)
