"""The poster's key: card kinds, emotion curves and tints, severity dots, metric badges."""

from __future__ import annotations

from app.export.compose import (
    CARD_BORDER,
    GRID_LINE,
    HEADER_TEXT,
    INK,
    MUTED_TEXT,
    NEGATIVE_TINT,
    POSITIVE_TINT,
    MapDocument,
    Surface,
    draw_badge,
    draw_severity,
)
from app.export.text import text_width, wrap
from model.palette import CARD_KIND_LABELS
from model.style import ASCENT, CARD_KIND_COLORS, MAP_TYPE, POSTER, TINT_ALPHA, TypeSpec

Box = tuple[float, float, float, float]


def _cols(width: float, u: float) -> int:
    """Card kinds per row: all seven on a wide key, four on a narrow one."""
    return len(CARD_KIND_LABELS) if width > 460 * u else 4


def _rows(doc: MapDocument, cols: int) -> int:
    kinds = (len(CARD_KIND_LABELS) + cols - 1) // cols
    return 1 + kinds + 1 + 1 + 1 + (1 if doc.heat is not None else 0)


def legend_height(doc: MapDocument, width: float, u: float) -> float:
    size = POSTER.legend * u
    return 2 * 6 * u + _rows(doc, _cols(width, u)) * size * 1.9


def _badge_type(u: float) -> TypeSpec:
    """Badges in the legend at the legend's type size."""
    return MAP_TYPE.scaled(POSTER.legend * u / MAP_TYPE.badge * 0.95)


def draw_legend(surface: Surface, doc: MapDocument, box: Box, u: float) -> None:
    """What the colours, dots and badges on the map mean."""
    x, y, w, h = box
    size = POSTER.legend * u
    surface.rect(x, y, w, h, fill=INK.legend_fill, stroke=GRID_LINE, width=0.6 * u, radius=3 * u)
    pad = 6 * u
    row_h = size * 1.9
    label_w = max(text_width(t, size, True) for t in ("Cards", "Emotion", "Severity", "Metrics"))
    surface.text(x + pad, y + pad + size * ASCENT, "Key", size, MUTED_TEXT, True)
    top = y + pad + row_h
    cols = _cols(w, u)
    col_w = (w - 2 * pad - label_w - 6 * u) / cols
    kinds = list(CARD_KIND_LABELS.items())
    surface.text(x + pad, top + size * ASCENT, "Cards", size, MUTED_TEXT, True)
    left = x + pad + label_w + 6 * u
    sw = 11 * u
    for i, (kind, label) in enumerate(kinds):
        cx = left + (i % cols) * col_w
        cy = top + (i // cols) * row_h
        surface.rect(cx, cy - 0.1 * size, sw, size * 1.2, fill=CARD_KIND_COLORS[kind],
                     stroke=CARD_BORDER, width=0.5 * u, radius=1.5 * u)
        name = wrap(label, col_w - sw - 6 * u, size, max_lines=1)
        surface.text(cx + sw + 3 * u, cy + size * ASCENT, name[0], size, HEADER_TEXT)
    row = top + ((len(kinds) + cols - 1) // cols) * row_h
    _emotion_row(surface, doc, x + pad, left, x + w - pad, row, size, u)
    row += row_h
    surface.text(x + pad, row + size * ASCENT, "Severity", size, MUTED_TEXT, True)
    k = size / 7.0
    cx = left
    for n in (1, 3, 5):
        dots_w = (n - 1) * 7 * k + 2 * 2.4 * k
        draw_severity(surface, cx + dots_w + 8 * k - 2.4 * k, row + size * 0.55 + 7 * k, n, k)
        cx += dots_w + 3 * u
        label = {1: "mild", 3: "", 5: "severe (1\u20135 dots)"}[n]
        if label:
            surface.text(cx, row + size * ASCENT, label, size, HEADER_TEXT)
            cx += text_width(label, size) + 8 * u
        else:
            cx += 4 * u
    row += row_h
    surface.text(x + pad, row + size * ASCENT, "Metrics", size, MUTED_TEXT, True)
    t = _badge_type(u)
    by = row - (t.badge_h - size) / 2 - 0.1 * size
    cx = left
    for label, metric, small, meaning in (("NPS +42", True, False, "headline"),
                                          ("CSAT 61 %*", True, True, "* under 30 answers"),
                                          ("12 % use it", False, False, "share of customers")):
        need = text_width(label, t.badge) + 8 * t.k + 3 * u + text_width(meaning, size)
        if cx + need > x + w - pad:
            break  # a narrow key shows the badges that fit
        cx += draw_badge(surface, cx, by, label, metric, small, t) + 3 * u
        surface.text(cx, row + size * ASCENT, meaning, size, HEADER_TEXT)
        cx += text_width(meaning, size) + 8 * u


def _emotion_row(surface: Surface, doc: MapDocument, label_x: float, left: float, right: float,
                 y: float, size: float, u: float) -> None:
    surface.text(label_x, y + size * ASCENT, "Emotion", size, MUTED_TEXT, True)
    cx = left
    for tint, label in ((POSITIVE_TINT, "positive"), (NEGATIVE_TINT, "negative")):
        surface.rect(cx, y - 0.1 * size, 11 * u, size * 1.2, fill=tint, alpha=TINT_ALPHA * 2)
        surface.text(cx + 14 * u, y + size * ASCENT, label, size, HEADER_TEXT)
        cx += 14 * u + text_width(label, size) + 8 * u
    curves = doc.layout.curves
    if not curves:
        surface.text(cx, y + size * ASCENT, "no curves", size, MUTED_TEXT)
        return
    each = max((right - cx) / len(curves), 1.0)
    for i, curve in enumerate(curves):
        sx = cx + i * each
        mid = y + size * 0.45
        surface.line(sx, mid, sx + 12 * u, mid, curve.color, 1.8 * u)
        name = wrap(curve.name or "Curve", max(each - 18 * u, 1), size, max_lines=1)
        surface.text(sx + 15 * u, y + size * ASCENT, name[0], size, HEADER_TEXT)
