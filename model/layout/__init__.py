"""The one geometry engine: where stages, lanes, cards and the emotion curve go.

The canvas, the PDF poster and the PNG/SVG exports all draw from a ``JourneyLayout``,
so what prints is what the facilitator saw: the same boxes and, through model.text,
the same wrapped lines of card text. Units are scene units (1 unit = 1 px at 100 %
zoom = 0.75 pt when printed at 96 dpi before fitting to paper).
"""

from __future__ import annotations

from model.layout.card_text import (
    LEGEND_SWATCH,
    CardLine,
    LegendEntry,
    card_lines,
    curve_legend,
    lane_label,
    stage_label,
)
from model.layout.cell_index import CellIndex, cell_index
from model.layout.frame import card_order, full_layout, lane_height, stack_height, wrap_card
from model.layout.geometry import (
    METRICS,
    Bezier,
    CardGeom,
    Cell,
    CurveGeom,
    CurvePoint,
    LaneGeom,
    Metrics,
    Point,
    Rect,
    StageGeom,
    UnsetPoint,
)
from model.layout.incremental import compute_layout
from model.layout.journey_layout import JourneyLayout, emotion_y
from model.layout.shapes import (
    STAGE_TIP,
    curve_runs,
    monotone_beziers,
    sample_beziers,
    stage_chevron,
    stage_label_rect,
)

__all__ = [
    "LEGEND_SWATCH",
    "METRICS",
    "STAGE_TIP",
    "Bezier",
    "CardGeom",
    "CardLine",
    "Cell",
    "CellIndex",
    "CurveGeom",
    "CurvePoint",
    "JourneyLayout",
    "LaneGeom",
    "LegendEntry",
    "Metrics",
    "Point",
    "Rect",
    "StageGeom",
    "UnsetPoint",
    "card_lines",
    "card_order",
    "cell_index",
    "compute_layout",
    "curve_legend",
    "curve_runs",
    "emotion_y",
    "full_layout",
    "lane_height",
    "lane_label",
    "monotone_beziers",
    "sample_beziers",
    "stack_height",
    "stage_chevron",
    "stage_label",
    "stage_label_rect",
    "wrap_card",
]
