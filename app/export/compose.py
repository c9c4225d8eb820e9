"""What a printed page shows, drawn once for every backend (reportlab PDF, QPainter PNG/SVG).

A ``Surface`` is a small drawing API in points with the origin at the top left and y
pointing down. ``draw_poster`` draws the title block and the map fitted to the
paper; ``draw_tile`` draws one sheet of a tiled poster (clip + shift, crop marks,
overlap band and a page label). Card text is wrapped with the bundled fonts' metrics
and clipped to its card, so it never spills over a neighbour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.orm import object_session

from app.export.heat_layer import draw_heat, draw_heat_legend, heat_kind
from app.export.paper import Fit, Paper, Tile, fit_rect
from app.export.text import text_width, wrap
from model.completeness import check, describe
from model.entities import Journey, LaneKind
from model.layout import (
    CardGeom,
    JourneyLayout,
    Metrics,
    Rect,
    card_lines,
    compute_layout,
    sample_beziers,
    stage_chevron,
    stage_label_rect,
)
from model.metric_records import card_badges, stage_heat
from model.palette import (
    CARD_BORDER,
    CARD_KIND_COLORS,
    CARD_KIND_LABELS,
    GRID_LINE,
    HEADER_TEXT,
    NEGATIVE_TINT,
    POSITIVE_TINT,
)
from model.records import CardBadge, HeatCell, OpportunityRecord
from model.register import register_rows

Point = tuple[float, float]
# A path segment: a line to a point, or a cubic bezier (control 1, control 2, end).
Segment = tuple[Point] | tuple[Point, Point, Point]

LANE_HEADER_FILL = "#eef1f5"
MUTED_TEXT = "#52606d"
ZERO_LINE = "#9aa5b1"
TINT_ALPHA = 0.16
ASCENT = 0.93  # DejaVu Sans ascent / em

STAGE_TEXT = 15.0
LANE_TEXT = 13.5
NOTE_TEXT = 10.5


class Surface(Protocol):
    """The drawing operations a page needs; units are points, y down."""

    def save(self) -> None: ...

    def restore(self) -> None: ...

    def translate(self, dx: float, dy: float) -> None: ...

    def scale(self, k: float) -> None: ...

    def clip(self, x: float, y: float, w: float, h: float) -> None: ...

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str | None,
        stroke: str | None = None,
        width: float = 1.0,
        radius: float = 0.0,
        alpha: float = 1.0,
    ) -> None: ...

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        color: str,
        width: float = 1.0,
        dash: Sequence[float] | None = None,
    ) -> None: ...

    def path(
        self,
        start: Point,
        segments: Sequence[Segment],
        fill: str | None,
        stroke: str | None,
        width: float = 1.0,
        alpha: float = 1.0,
        close: bool = False,
    ) -> None: ...

    def circle(
        self, cx: float, cy: float, r: float, fill: str | None, stroke: str | None, width: float
    ) -> None: ...

    def text(
        self, x: float, y: float, line: str, size: float, color: str, bold: bool = False,
        rtl: bool | None = None,
    ) -> None:
        """One line of logical-order text with its baseline at ``y``, left edge at ``x``.

        ``rtl``: the direction of the paragraph the line comes from (None: the line's
        own first strong character decides). Runs go where model.text.place_line says.
        """


@dataclass(frozen=True)
class MapDocument:
    """A journey ready to print: its layout and the facts for the title block."""

    layout: JourneyLayout
    name: str
    objective: str = ""
    persona: str = ""
    date: str = ""
    # headline metric and usage share per card id (model.metric_records.card_badges)
    badges: Mapping[int, CardBadge] = field(default_factory=dict)
    heat: str | None = None  # the heat overlay's metric ("headline", "nps", ...) or off
    stage_heat: Mapping[int, HeatCell] = field(default_factory=dict)
    # The register page(s) of a PDF: opportunities by priority and what the map lacks.
    opportunities: tuple[OpportunityRecord, ...] = ()
    findings: tuple[str, ...] = ()
    today: dt.date | None = None
    review: str = ""  # the next review date, when one is set

    @classmethod
    def from_journey(cls, journey: Journey, today: dt.date | None = None,
                     heat: str | None = None) -> MapDocument:
        persona = journey.persona
        who = ""
        if persona is not None:
            who = persona.name + (f" ({persona.role})" if persona.role else "")
        today = today or dt.date.today()
        changed = journey.modified_at.date().isoformat() if journey.modified_at else ""
        date = today.isoformat() + (f" (last changed {changed})" if changed else "")
        session = object_session(journey)
        return cls(
            layout=compute_layout(journey),
            name=journey.name or "Untitled journey",
            objective=journey.objective,
            persona=who,
            date=date,
            badges=(card_badges(session, journey.id, heat_kind(heat))
                    if session is not None else {}),
            heat=heat,
            stage_heat=(stage_heat(session, journey.id, heat_kind(heat))
                        if session is not None and heat is not None else {}),
            opportunities=tuple(register_rows(journey)),
            findings=tuple(describe(f) for f in check(journey, today)),
            today=today,
            review=journey.next_review.isoformat() if journey.next_review else "",
        )


# --------------------------------------------------------------------------- poster


@dataclass(frozen=True)
class PosterFrame:
    """Where things go on a poster page."""

    unit: float  # 1 at A4 portrait's short side, grows with the paper
    margin: float
    title_box: tuple[float, float, float, float]
    map_box: tuple[float, float, float, float]
    fit: Fit


def tile_has_content(doc: MapDocument, poster: Paper, tile: Tile) -> bool:
    """Whether a sheet of a tiled poster would print any of the title block or the map."""
    frame = poster_frame(doc, poster)
    _, _, pw, ph = tile.printable
    sheet = (tile.poster_x, tile.poster_y, pw, ph)
    fit = frame.fit
    map_rect = (fit.dx, fit.dy, doc.layout.width * fit.scale, doc.layout.height * fit.scale)
    return any(_boxes_overlap(sheet, box) for box in (frame.title_box, map_rect))


def _boxes_overlap(a: tuple[float, float, float, float],
                   b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def poster_frame(doc: MapDocument, paper: Paper) -> PosterFrame:
    unit = min(paper.width, paper.height) / 595.0
    margin = 24 * unit
    title_h = 70 * unit
    gap = 12 * unit
    title_box = (margin, margin, paper.width - 2 * margin, title_h)
    top = margin + title_h + gap
    map_box = (margin, top, paper.width - 2 * margin, paper.height - margin - top)
    fit = fit_rect(doc.layout.width, doc.layout.height, map_box)
    return PosterFrame(unit, margin, title_box, map_box, fit)


def draw_poster(
    surface: Surface,
    doc: MapDocument,
    paper: Paper,
    visible: tuple[float, float, float, float] | None = None,
) -> PosterFrame:
    """The whole poster: white sheet, title block with legend, the map fitted below.

    ``visible`` (poster points) lets a tile skip the cards it would clip away anyway.
    """
    frame = poster_frame(doc, paper)
    surface.rect(0, 0, paper.width, paper.height, fill="#ffffff")
    draw_title_block(surface, doc, frame)
    surface.save()
    surface.translate(frame.fit.dx, frame.fit.dy)
    surface.scale(frame.fit.scale)
    scene_visible = None
    if visible is not None and frame.fit.scale > 0:
        vx, vy, vw, vh = visible
        k = frame.fit.scale
        scene_visible = Rect((vx - frame.fit.dx) / k, (vy - frame.fit.dy) / k, vw / k, vh / k)
    draw_map(surface, doc.layout, scene_visible, doc.badges)
    if doc.heat is not None:
        draw_heat(surface, doc.layout, doc.badges, doc.stage_heat)
    surface.restore()
    if doc.heat is not None:
        x, y, _w, h = frame.title_box
        draw_heat_legend(surface, x, y + h - 10 * frame.unit, frame.unit, doc.heat)
    return frame


def _overlaps(a: Rect, b: Rect | None) -> bool:
    if b is None:
        return True
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def draw_title_block(surface: Surface, doc: MapDocument, frame: PosterFrame) -> None:
    u = frame.unit
    x, y, w, h = frame.title_box
    legend_w = min(w * 0.48, 300 * u)
    text_w = w - legend_w - 16 * u
    title_size = 18 * u
    small = 8 * u
    title = wrap(doc.name, text_w, title_size, bold=True, max_lines=1)
    first = title[0] if title else ""
    surface.text(x, y + title_size * ASCENT, first, title_size, HEADER_TEXT, True)
    line_y = y + title_size * 1.25 + small * ASCENT + 2 * u
    rows: list[tuple[str, str]] = []
    if doc.objective.strip():
        rows.append(("Objective: ", doc.objective.strip()))
    rows.append(("Persona: ", doc.persona or "none"))
    if doc.date:
        rows.append(("Date: ", doc.date))
    if doc.review:
        rows.append(("Next review: ", doc.review))
    room = max(1, int((y + h - (line_y - small * ASCENT)) // (small * 1.3)))
    for n, (label, value) in enumerate(rows):
        label_w = text_width(label, small, bold=True)
        spare = room - (len(rows) - n - 1)  # leave a line for each row still to come
        lines = wrap(value, text_w - label_w, small, max_lines=max(1, min(2, spare)))
        room -= len(lines)
        for i, line in enumerate(lines):
            if i == 0:
                surface.text(x, line_y, label, small, MUTED_TEXT, True)
            surface.text(x + label_w, line_y, line, small, HEADER_TEXT)
            line_y += small * 1.3
    draw_legend(surface, doc, (x + w - legend_w, y, legend_w, h), u)
    surface.line(x, y + h + 4 * u, x + w, y + h + 4 * u, GRID_LINE, 0.8 * u)


def draw_legend(
    surface: Surface, doc: MapDocument, box: tuple[float, float, float, float], u: float
) -> None:
    x, y, w, h = box
    size = 7 * u
    surface.rect(x, y, w, h, fill="#f8f9fb", stroke=GRID_LINE, width=0.6 * u, radius=3 * u)
    pad = 6 * u
    surface.text(x + pad, y + pad + size * ASCENT, "Cards", size, MUTED_TEXT, True)
    kinds = list(CARD_KIND_LABELS.items())
    cols = 4
    col_w = (w - 2 * pad) / cols
    row_h = size * 1.9
    top = y + pad + size * 1.5
    for i, (kind, label) in enumerate(kinds):
        cx = x + pad + (i % cols) * col_w
        cy = top + (i // cols) * row_h
        sw = 11 * u
        surface.rect(cx, cy, sw, size * 1.2, fill=CARD_KIND_COLORS[kind], stroke=CARD_BORDER,
                     width=0.5 * u, radius=1.5 * u)
        name = wrap(label, col_w - sw - 6 * u, size, max_lines=1)
        surface.text(cx + sw + 3 * u, cy + size * ASCENT + 0.5 * u, name[0], size, HEADER_TEXT)
    curves_y = top + ((len(kinds) + cols - 1) // cols) * row_h
    surface.text(x + pad, curves_y + size * ASCENT, "Emotion", size, MUTED_TEXT, True)
    curves = doc.layout.curves
    label_x = x + pad + text_width("Emotion", size, True) + 6 * u
    avail = x + w - pad - label_x
    if not curves:
        surface.text(label_x, curves_y + size * ASCENT, "no curves", size, MUTED_TEXT)
        return
    each = avail / len(curves)
    for i, curve in enumerate(curves):
        cx = label_x + i * each
        mid = curves_y + size * 0.6
        surface.line(cx, mid, cx + 12 * u, mid, curve.color, 1.8 * u)
        name = wrap(curve.name or "Curve", max(each - 18 * u, 1), size, max_lines=1)
        surface.text(cx + 15 * u, curves_y + size * ASCENT, name[0], size, HEADER_TEXT)
    tint_y = curves_y + row_h
    if tint_y + size * 1.2 <= y + h - 2 * u:
        surface.rect(x + pad, tint_y, 11 * u, size * 1.2, fill=POSITIVE_TINT, alpha=TINT_ALPHA * 2)
        surface.text(x + pad + 14 * u, tint_y + size * ASCENT + 0.5 * u, "positive", size,
                     HEADER_TEXT)
        nx = x + pad + 14 * u + text_width("positive", size) + 10 * u
        surface.rect(nx, tint_y, 11 * u, size * 1.2, fill=NEGATIVE_TINT, alpha=TINT_ALPHA * 2)
        surface.text(nx + 14 * u, tint_y + size * ASCENT + 0.5 * u, "negative", size, HEADER_TEXT)


# --------------------------------------------------------------------------- map


def draw_map(surface: Surface, layout: JourneyLayout, visible: Rect | None = None,
             badges: Mapping[int, CardBadge] | None = None) -> None:
    """The map in scene units, exactly at the layout's rects (cards outside ``visible`` skipped)."""
    surface.rect(0, 0, layout.width, layout.height, fill="#ffffff")
    for lane in layout.lanes:
        surface.rect(lane.band.x, lane.band.y, lane.band.w, lane.band.h, fill=lane.color)
    # Column lines through every band except dividers, then row lines.
    for stage in layout.stages:
        surface.line(stage.column.x, stage.column.y, stage.column.x, layout.height, GRID_LINE, 1)
    for lane in layout.lanes:
        surface.line(0, lane.band.y, layout.width, lane.band.y, GRID_LINE, 1)
    for stage in layout.stages:
        _draw_stage_header(surface, stage.header, stage.name, stage.color)
    surface.rect(0, 0, layout.metrics.lane_header_w, layout.metrics.stage_header_h,
                 fill=LANE_HEADER_FILL, stroke=GRID_LINE, width=1)
    for lane in layout.lanes:
        _draw_lane_header(surface, lane.header, lane.name, lane.kind)
        if lane.kind == LaneKind.DIVIDER.value:
            mid = lane.band.y + lane.band.h / 2
            surface.line(lane.band.x, mid, lane.band.right, mid, CARD_BORDER, 1.6, (8, 5))
    emotion = layout.emotion_lane()
    if emotion is not None:
        _draw_emotion(surface, layout, emotion.band, emotion.id)
    for card in layout.cards.values():
        if not _overlaps(card.rect, visible):
            continue
        _draw_card(surface, card, layout.metrics)
        if badges and card.id in badges:
            draw_card_badge(surface, card.rect, badges[card.id])
    surface.rect(0, 0, layout.width, layout.height, fill=None, stroke=CARD_BORDER, width=1.2)


def _draw_stage_header(surface: Surface, header: Rect, name: str, color: str) -> None:
    outline = stage_chevron(header)  # the same arrow as on the canvas
    surface.path(outline[0], [(p,) for p in outline[1:]], fill=color, stroke=None, close=True)
    r = stage_label_rect(header)
    lines = wrap(name, r.w, STAGE_TEXT, bold=True, max_lines=2)
    line_h = STAGE_TEXT * 1.2
    top = r.y + (r.h - line_h * len(lines)) / 2
    surface.save()
    surface.clip(r.x, r.y, r.w, r.h)
    for i, line in enumerate(lines):
        w = text_width(line, STAGE_TEXT, True)
        baseline = top + i * line_h + STAGE_TEXT * ASCENT
        surface.text(r.x + (r.w - w) / 2, baseline, line, STAGE_TEXT, HEADER_TEXT, True)
    surface.restore()


def _draw_lane_header(surface: Surface, r: Rect, name: str, kind: str) -> None:
    surface.rect(r.x, r.y, r.w, r.h, fill=LANE_HEADER_FILL, stroke=GRID_LINE, width=1)
    divider = kind == LaneKind.DIVIDER.value
    size = LANE_TEXT - 3.5 if divider else LANE_TEXT  # a divider is thin: two small lines
    line_h = size * 1.2
    max_lines = max(1, int((r.h - 6) // line_h))
    lines = wrap(name, r.w - 18, size, bold=not divider, max_lines=max_lines)
    top = r.y + (r.h - line_h * len(lines)) / 2
    surface.save()
    surface.clip(r.x, r.y, r.w, r.h)
    for i, line in enumerate(lines):
        baseline = top + i * line_h + size * ASCENT
        color = MUTED_TEXT if divider else HEADER_TEXT
        surface.text(r.x + 10, baseline, line, size, color, not divider)
    surface.restore()


def _draw_card(surface: Surface, card: CardGeom, m: Metrics) -> None:
    r = card.rect
    surface.rect(r.x, r.y, r.w, r.h, fill=card.fill, stroke=CARD_BORDER, width=0.8, radius=6)
    surface.save()
    surface.clip(r.x + 2, r.y + 2, r.w - 4, r.h - 4)
    # The layout's lines where model.layout puts them: the canvas draws exactly these.
    for line in card_lines(card, m):
        surface.text(r.x + line.x, r.y + line.baseline, line.text, m.card_text, HEADER_TEXT,
                     rtl=line.rtl)
    if card.severity:
        for i in range(max(0, min(5, card.severity))):
            surface.circle(r.right - 8 - i * 7, r.bottom - 7, 2.4, NEGATIVE_TINT, None, 0)
    surface.restore()


BADGE_TEXT = 8.0
BADGE_H = 13.0


def draw_card_badge(surface: Surface, r: Rect, badge: CardBadge) -> None:
    """The canvas's badges on paper: usage share bottom left, headline metric bottom right."""
    y = r.bottom - BADGE_H - 3
    baseline = y + (BADGE_H - BADGE_TEXT) / 2 + BADGE_TEXT * ASCENT - 0.5
    if badge.usage:
        w = text_width(badge.usage, BADGE_TEXT) + 8
        surface.rect(r.x + 3, y, w, BADGE_H, fill="#eef2f6", stroke="#8a96a5", width=0.5,
                     radius=5)
        surface.text(r.x + 7, baseline, badge.usage, BADGE_TEXT, "#34404d")
    if badge.headline:
        w = text_width(badge.headline, BADGE_TEXT) + 8
        fill, ink = ("#fff4d6", "#7a4a00") if badge.small_sample else ("#ffffff", HEADER_TEXT)
        surface.rect(r.right - w - 3, y, w, BADGE_H, fill=fill, stroke="#5f6b7a", width=0.5,
                     radius=5)
        surface.text(r.right - w + 1, baseline, badge.headline, BADGE_TEXT, ink)


def _draw_emotion(surface: Surface, layout: JourneyLayout, band: Rect, lane_id: int) -> None:
    zero = layout.emotion_y(lane_id, 0)
    top = layout.emotion_y(lane_id, 5)
    bottom = layout.emotion_y(lane_id, -5)
    surface.line(band.x, zero, band.right, zero, ZERO_LINE, 1, (5, 4))
    for value, y in (("+5", top), ("0", zero), ("\u22125", bottom)):
        w = text_width(value, 10)
        surface.text(band.x - w - 6, y + 10 * 0.35, value, 10, MUTED_TEXT)
    for curve in layout.curves:
        # Each run of consecutive stages with a value is its own piece: a stage without
        # a value is a gap, never a made-up line through 0.
        for run in curve.runs:
            if not run:
                continue
            # The area between curve and zero line, clamped to each side of it: no clip
            # needed, so it also holds in viewers that ignore clipping.
            samples = sample_beziers(run, 24)
            x0, x1 = samples[0][0], samples[-1][0]
            for side, tint in ((min, POSITIVE_TINT), (max, NEGATIVE_TINT)):
                clamped = [(x, side(y, zero)) for x, y in samples]
                if all(abs(y - zero) < 0.01 for _, y in clamped):
                    continue
                outline: list[Segment] = [(pt,) for pt in clamped]
                outline.append(((x1, zero),))
                surface.path((x0, zero), outline, fill=tint, stroke=None, alpha=TINT_ALPHA,
                             close=True)
    for curve in layout.curves:
        for run in curve.runs:
            if run:
                surface.path(run[0][0], [(s[1], s[2], s[3]) for s in run], fill=None,
                             stroke=curve.color, width=3)
        for p in curve.points:
            surface.circle(p.x, p.y, 4.5, "#ffffff", curve.color, 2)
    _draw_emotion_notes(surface, layout, band)


def _draw_emotion_notes(surface: Surface, layout: JourneyLayout, band: Rect) -> None:
    """Each point's note beside it: below a point in the upper half, above one in the lower."""
    widths = {s.id: s.header.w for s in layout.stages}
    mid = band.y + band.h / 2
    line_h = NOTE_TEXT * 1.2
    used: dict[tuple[int, bool], float] = {}  # (stage, below) -> room taken by notes so far
    for curve in layout.curves:
        for p in curve.points:
            if not p.note.strip():
                continue
            width = max(widths.get(p.stage_id, 120.0) - 16, 40.0)
            lines = wrap(p.note.strip(), width, NOTE_TEXT, max_lines=3)
            below = p.y <= mid
            taken = used.get((p.stage_id, below), 0.0)
            block = len(lines) * line_h
            top = max(p.y + 10, band.y) + taken if below else p.y - 10 - block - taken
            top = max(band.y + 2, min(top, band.bottom - block - 2))
            used[(p.stage_id, below)] = taken + block + 8
            # A white card under the note keeps it readable over the curve and its tint.
            surface.rect(p.x - width / 2, top - 3, width, block + 4, fill="#ffffff",
                         stroke=curve.color, width=0.8, radius=3, alpha=0.92)
            for i, line in enumerate(lines):
                surface.text(p.x - width / 2 + 4, top + i * line_h + NOTE_TEXT * ASCENT,
                             line, NOTE_TEXT, MUTED_TEXT)


# --------------------------------------------------------------------------- tiles


def draw_tile(surface: Surface, doc: MapDocument, poster: Paper, tile: Tile, title: str) -> None:
    """One sheet of a tiled poster: its part of the poster, crop marks, overlap, label."""
    sheet = tile.sheet
    px, py, pw, ph = tile.printable
    surface.rect(0, 0, sheet.width, sheet.height, fill="#ffffff")
    surface.save()
    surface.clip(px, py, pw, ph)
    surface.translate(px - tile.poster_x, py - tile.poster_y)
    draw_poster(surface, doc, poster, (tile.poster_x, tile.poster_y, pw, ph))
    surface.restore()
    ov = tile.overlap
    # The band this sheet shares with the next one to the right / below: glue there.
    if tile.col < tile.cols - 1:
        surface.rect(px + pw - ov, py, ov, ph, fill="#7b8794", alpha=0.10)
        surface.line(px + pw - ov, py, px + pw - ov, py + ph, CARD_BORDER, 0.5, (3, 3))
    if tile.row < tile.rows - 1:
        surface.rect(px, py + ph - ov, pw, ov, fill="#7b8794", alpha=0.10)
        surface.line(px, py + ph - ov, px + pw, py + ph - ov, CARD_BORDER, 0.5, (3, 3))
    _crop_marks(surface, (px, py, pw, ph), tile.margin)
    size = 7.0
    number = tile.number or tile.row * tile.cols + tile.col + 1
    printed = tile.printed or tile.rows * tile.cols
    label = f"{title} \u2014 {tile.label} (sheet {number} of {printed})"
    lines = wrap(label, pw, size, max_lines=1)
    surface.text(px, sheet.height - tile.margin / 2 + size * 0.35, lines[0], size, MUTED_TEXT)
    hint = "the next sheet covers the shaded band"
    if tile.col < tile.cols - 1 or tile.row < tile.rows - 1:
        w = text_width(hint, size)
        surface.text(px + pw - w, tile.margin / 2 + size * 0.35, hint, size, MUTED_TEXT)


def _crop_marks(surface: Surface, box: tuple[float, float, float, float], margin: float) -> None:
    x, y, w, h = box
    length = min(margin * 0.7, 18.0)
    gap = 2.0
    for cx, sx in ((x, -1), (x + w, 1)):
        for cy, sy in ((y, -1), (y + h, 1)):
            surface.line(cx + sx * gap, cy, cx + sx * (gap + length), cy, "#000000", 0.4)
            surface.line(cx, cy + sy * gap, cx, cy + sy * (gap + length), "#000000", 0.4)


# Called after each page with (done, total); returning False cancels the export.
ProgressFn = Callable[[int, int], bool | None]
