"""One place that measures, shapes and wraps text with the bundled fonts (no Qt).

The layout wraps card text with it, so canvas and exporters draw the same lines.
"""

from __future__ import annotations

from model.text.fonts import (
    BOLD,
    BOLD_FILE,
    CJK,
    CJK_FILE,
    ELLIPSIS,
    FILES,
    FONT_DIR,
    QT_CJK_FAMILY,
    QT_FAMILIES,
    QT_FAMILY,
    REGULAR,
    REGULAR_FILE,
    ascent,
    font_for_char,
)
from model.text.measure import (
    Glyphs,
    PlacedLine,
    PlacedRun,
    em_width,
    place_line,
    run_glyphs,
    text_width,
)
from model.text.runs import Run, font_runs, has_uncovered, is_rtl, visual_runs
from model.text.wrap import TextBlock, elide, elide_em, wrap, wrap_em

__all__ = [
    "BOLD",
    "BOLD_FILE",
    "CJK",
    "CJK_FILE",
    "ELLIPSIS",
    "FILES",
    "FONT_DIR",
    "QT_CJK_FAMILY",
    "QT_FAMILIES",
    "QT_FAMILY",
    "REGULAR",
    "REGULAR_FILE",
    "Glyphs",
    "PlacedLine",
    "PlacedRun",
    "Run",
    "TextBlock",
    "ascent",
    "elide",
    "elide_em",
    "em_width",
    "font_for_char",
    "font_runs",
    "has_uncovered",
    "is_rtl",
    "place_line",
    "run_glyphs",
    "text_width",
    "visual_runs",
    "wrap",
    "wrap_em",
]
