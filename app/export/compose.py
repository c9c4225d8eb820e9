"""What a printed page shows, drawn once for every backend (reportlab PDF, QPainter PNG/SVG).

A ``Surface`` is a small drawing API in points with the origin at the top left and y
pointing down. ``draw_map`` draws a laid-out map at the layout's rects in the type of a
``TypeSpec``; app.export.poster places it on a sheet, app.export.tiles over several.
Card text is wrapped with the bundled fonts' metrics and clipped to its card, so it
never spills over a neighbour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from sqlalchemy.orm import object_session

from app.export.heat_layer import heat_kind
from app.export.text import text_width, wrap
from model import style
from model.completeness import check, describe
from model.entities import Journey, LaneKind, Persona
from model.images import PhotoError, prepare_photo
from model.layout import (
    STAGE_TIP,
    CardGeom,
    JourneyLayout,
    Metrics,
    Rect,
    card_lines,
    compute_layout,
    lane_label,
    sample_beziers,
    stage_chevron,
    stage_label,
    stage_label_rect,
)
from model.metric_records import card_badges, stage_heat
from model.records import CardBadge, HeatCell, OpportunityRecord
from model.register import register_rows
from model.style import ASCENT, MAP_TYPE, SEVERITY_DOTS, TINT_ALPHA, TypeSpec
from model.workshop import ViewFilter, faded, view_layout

Point = tuple[float, float]
# A path segment: a line to a point, or a cubic bezier (control 1, control 2, end).
Segment = tuple[Point] | tuple[Point, Point, Point]

# Paper is always drawn in the light palette, whatever the canvas shows.
INK = style.LIGHT
LANE_HEADER_FILL = INK.lane_header
MUTED_TEXT = INK.muted
ZERO_LINE = INK.zero_line
GRID_LINE = INK.grid
HEADER_TEXT = INK.text
CARD_BORDER = INK.border
POSITIVE_TINT = INK.positive
NEGATIVE_TINT = INK.negative


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

    def image(self, x: float, y: float, w: float, h: float, data: bytes) -> None:
        """A checked PNG/JPEG image (model.images.prepare_photo) filling the box."""


@dataclass(frozen=True)
class PersonaCard:
    """What the poster's persona panel shows; ``photo`` is checked image bytes or empty."""

    name: str
    role: str = ""
    quote: str = ""
    goals: str = ""
    needs: str = ""
    frustrations: str = ""
    photo: bytes = b""

    @classmethod
    def of(cls, persona: Persona) -> PersonaCard:
        photo = b""
        if persona.photo:
            try:  # a file's bytes are untrusted: checked again before they are drawn
                photo = prepare_photo(persona.photo)
            except PhotoError:
                photo = b""
        return cls(persona.name or "Unnamed persona", persona.role, persona.quote,
                   persona.goals, persona.needs, persona.frustrations, photo)


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
    persona_card: PersonaCard | None = None
    register_on_sheet: bool = False  # the top opportunities printed beside the map
    register_page: bool = True  # the full register on page(s) of its own

    @classmethod
    def from_journey(cls, journey: Journey, today: dt.date | None = None,
                     heat: str | None = None, view: ViewFilter | None = None) -> MapDocument:
        persona = journey.persona
        who = ""
        if persona is not None:
            who = persona.name + (f" ({persona.role})" if persona.role else "")
        today = today or dt.date.today()
        changed = journey.modified_at.date().isoformat() if journey.modified_at else ""
        date = today.isoformat() + (f" (last changed {changed})" if changed else "")
        session = object_session(journey)
        return cls(
            layout=_view_layout(journey, view),
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
            persona_card=PersonaCard.of(persona) if persona is not None else None,
        )


def _view_layout(journey: Journey, view: ViewFilter | None) -> JourneyLayout:
    """The map as a saved view shows it; a highlight prints the other kinds washed out."""
    if view is None:
        return compute_layout(journey)
    layout = view_layout(journey, view, incremental=False)  # its own: the editor's stays
    kind = view.highlight_kind
    if kind is not None:
        layout.cards = {i: g if g.kind == kind else replace(g, fill=faded(g.fill))
                        for i, g in layout.cards.items()}
    return layout


def _overlaps(a: Rect, b: Rect | None) -> bool:
    if b is None:
        return True
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


# --------------------------------------------------------------------------- map


def draw_map(surface: Surface, layout: JourneyLayout, visible: Rect | None = None,
             badges: Mapping[int, CardBadge] | None = None, t: TypeSpec = MAP_TYPE) -> None:
    """The map at the layout's rects in ``t``'s type (cards outside ``visible`` skipped)."""
    surface.rect(0, 0, layout.width, layout.height, fill=INK.background)
    for lane in layout.lanes:
        surface.rect(lane.band.x, lane.band.y, lane.band.w, lane.band.h, fill=lane.color)
    # Column lines through every band except dividers, then row lines.
    for stage in layout.stages:
        surface.line(stage.column.x, stage.column.y, stage.column.x, layout.height, GRID_LINE,
                     t.grid)
    for lane in layout.lanes:
        surface.line(0, lane.band.y, layout.width, lane.band.y, GRID_LINE, t.grid)
    for stage in layout.stages:
        _draw_stage_header(surface, stage.header, stage.name, stage.color, t)
    surface.rect(0, 0, layout.metrics.lane_header_w, layout.metrics.stage_header_h,
                 fill=LANE_HEADER_FILL, stroke=GRID_LINE, width=t.grid)
    for lane in layout.lanes:
        _draw_lane_header(surface, lane.header, lane.name, lane.kind, t)
        if lane.kind == LaneKind.DIVIDER.value:
            mid = lane.band.y + lane.band.h / 2
            surface.line(lane.band.x, mid, lane.band.right, mid, CARD_BORDER,
                         style.DIVIDER_W * t.k, [d * t.k for d in style.DIVIDER_DASH])
    emotion = layout.emotion_lane()
    if emotion is not None:
        _draw_emotion(surface, layout, emotion.band, emotion.id, t)
    for card in layout.cards.values():
        if not _overlaps(card.rect, visible):
            continue
        _draw_card(surface, card, layout.metrics, t)
        if badges and card.id in badges:
            draw_card_badge(surface, card.rect, badges[card.id], t)
    surface.rect(0, 0, layout.width, layout.height, fill=None, stroke=CARD_BORDER,
                 width=style.MAP_FRAME_W * t.k)


def _draw_stage_header(surface: Surface, header: Rect, name: str, color: str,
                       t: TypeSpec) -> None:
    tip = STAGE_TIP * t.k
    outline = stage_chevron(header, tip)  # the same arrow as on the canvas
    surface.path(outline[0], [(p,) for p in outline[1:]], fill=color, stroke=None, close=True)
    r = stage_label_rect(header, tip)
    surface.save()
    surface.clip(r.x, r.y, r.w, r.h)
    for line in stage_label(name, header, t.stage, tip):  # placed as on the canvas
        surface.text(line.x, line.baseline, line.text, t.stage, HEADER_TEXT, True)
    surface.restore()


def _draw_lane_header(surface: Surface, r: Rect, name: str, kind: str, t: TypeSpec) -> None:
    surface.rect(r.x, r.y, r.w, r.h, fill=LANE_HEADER_FILL, stroke=GRID_LINE, width=t.grid)
    divider = kind == LaneKind.DIVIDER.value
    size, lines = lane_label(name, kind, r, t.lane, t.k)  # placed as on the canvas
    surface.save()
    surface.clip(r.x, r.y, r.w, r.h)
    for line in lines:
        color = MUTED_TEXT if divider else HEADER_TEXT
        surface.text(line.x, line.baseline, line.text, size, color, not divider)
    surface.restore()


def _draw_card(surface: Surface, card: CardGeom, m: Metrics, t: TypeSpec = MAP_TYPE) -> None:
    r = card.rect
    surface.rect(r.x, r.y, r.w, r.h, fill=card.fill, stroke=CARD_BORDER, width=t.border,
                 radius=t.radius)
    surface.save()
    surface.clip(r.x + 2 * t.k, r.y + 2 * t.k, r.w - 4 * t.k, r.h - 4 * t.k)
    # The layout's lines where model.layout puts them: the canvas draws exactly these.
    for line in card_lines(card, m):
        surface.text(r.x + line.x, r.y + line.baseline, line.text, m.card_text, HEADER_TEXT,
                     rtl=line.rtl)
    if card.severity:
        draw_severity(surface, r.right, r.bottom, card.severity, t.severity)
    surface.restore()


def draw_severity(surface: Surface, right: float, bottom: float, severity: int,
                  k: float = 1.0) -> None:
    """Severity as dots along a card's bottom edge, right to left (legend and cards)."""
    dots = SEVERITY_DOTS
    for i in range(max(0, min(dots.count_max, severity))):
        surface.circle(right - (dots.inset_right + i * dots.step) * k,
                       bottom - dots.inset_bottom * k, dots.radius * k, INK.severity, None, 0)


def badge_rows(badge: CardBadge, width: float, t: TypeSpec) -> int:
    """Rows a card's badges take: one, or two when they do not fit side by side."""
    shown = [label for label in (badge.usage, badge.headline) if label]
    if not shown:
        return 0
    need = sum(text_width(label, t.badge) + 8 * t.k for label in shown) + 3 * 3 * t.k
    return 1 if len(shown) == 1 or need <= width else 2


def draw_card_badge(surface: Surface, r: Rect, badge: CardBadge, t: TypeSpec = MAP_TYPE) -> None:
    """The canvas's badges on paper: usage share bottom left, headline metric bottom right.

    A card too narrow for both side by side shows the usage share above the metric.
    """
    k = t.k
    y = r.bottom - t.badge_h - 3 * k
    if badge.headline:
        w = text_width(badge.headline, t.badge) + 8 * k
        draw_badge(surface, r.right - w - 3 * k, y, badge.headline, True, badge.small_sample, t)
    if badge.usage:
        if badge_rows(badge, r.w, t) == 2:
            y -= t.badge_h + 3 * k
        draw_badge(surface, r.x + 3 * k, y, badge.usage, False, False, t)


def draw_badge(surface: Surface, x: float, y: float, label: str, metric: bool, small: bool,
               t: TypeSpec) -> float:
    """One badge pill with its top left at (x, y); returns its width."""
    k, h, size = t.k, t.badge_h, t.badge
    w = text_width(label, size) + 8 * k
    if metric:
        fill, edge, ink = ((INK.badge_small_fill, INK.badge_metric_edge, INK.badge_small_text)
                           if small else (INK.badge_metric_fill, INK.badge_metric_edge,
                                          HEADER_TEXT))
    else:
        fill, edge, ink = INK.badge_usage_fill, INK.badge_usage_edge, INK.badge_usage_text
    surface.rect(x, y, w, h, fill=fill, stroke=edge, width=style.BADGE_BORDER_W * k,
                 radius=style.BADGE_RADIUS * k)
    baseline = y + (h - size) / 2 + size * ASCENT - 0.5 * k
    surface.text(x + 4 * k, baseline, label, size, ink)
    return w


def _draw_emotion(surface: Surface, layout: JourneyLayout, band: Rect, lane_id: int,
                  t: TypeSpec) -> None:
    zero = layout.emotion_y(lane_id, 0)
    k = t.k
    surface.line(band.x, zero, band.right, zero, ZERO_LINE, t.grid,
                 [d * k for d in style.ZERO_DASH])
    size = t.scale_text
    for level, value in style.EMOTION_LABELS:
        y = layout.emotion_y(lane_id, level)
        w = text_width(value, size)
        surface.text(band.x - w - 6 * k, y + size * 0.35, value, size, MUTED_TEXT)
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
                             stroke=curve.color, width=t.curve)
        for p in curve.points:
            surface.circle(p.x, p.y, t.point, INK.point_fill, curve.color, t.point_w)
    _draw_emotion_notes(surface, layout, band, t)


def _draw_emotion_notes(surface: Surface, layout: JourneyLayout, band: Rect, t: TypeSpec) -> None:
    """Each point's note beside it: below a point in the upper half, above one in the lower."""
    k = t.k
    widths = {s.id: s.header.w for s in layout.stages}
    mid = band.y + band.h / 2
    size = t.note
    line_h = size * 1.2
    used: dict[tuple[int, bool], float] = {}  # (stage, below) -> room taken by notes so far
    for curve in layout.curves:
        for p in curve.points:
            if not p.note.strip():
                continue
            width = max(widths.get(p.stage_id, 120.0 * k) - 16 * k, 40.0 * k)
            lines = wrap(p.note.strip(), width - 8 * k, size, max_lines=3)
            below = p.y <= mid
            taken = used.get((p.stage_id, below), 0.0)
            block = len(lines) * line_h
            top = max(p.y + 10 * k, band.y) + taken if below else p.y - 10 * k - block - taken
            top = max(band.y + 2 * k, min(top, band.bottom - block - 2 * k))
            used[(p.stage_id, below)] = taken + block + 8 * k
            # A white card under the note keeps it readable over the curve and its tint.
            surface.rect(p.x - width / 2, top - 3 * k, width, block + 4 * k, fill=INK.note_fill,
                         stroke=curve.color, width=style.NOTE_BORDER_W * k,
                         radius=style.NOTE_RADIUS * k, alpha=style.NOTE_ALPHA)
            for i, line in enumerate(lines):
                surface.text(p.x - width / 2 + 4 * k, top + i * line_h + size * ASCENT,
                             line, size, MUTED_TEXT)


# Called after each page with (done, total); returning False cancels the export.
ProgressFn = Callable[[int, int], bool | None]
