"""The canvas's map on a poster sheet: scaled as a whole, with the sheet's spare room shared out.

The poster prints what the canvas shows: every card keeps the lines the layout wrapped
for the screen (model.layout), and the whole drawing (type, pads, cards, columns) is
scaled by one factor ``k``, as large as the map box allows, so the type grows with the
paper and every line fits exactly as on screen. The box's other dimension has room to
spare; it goes where it changes no line: to the columns (cards widen, their lines stay)
or to the lanes (cards keep their size, cells get air; the emotion lane grows first).
The result is a ``JourneyLayout`` in the canvas's units; the poster draws it times ``k``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from model.layout import (
    CardGeom,
    CurveGeom,
    CurvePoint,
    JourneyLayout,
    LaneGeom,
    Rect,
    StageGeom,
    UnsetPoint,
    emotion_y,
    monotone_beziers,
)
from model.style import POSTER_MAP_TYPE, TypeSpec

EMOTION_BASE = 0.8  # the emotion lane before spare room: a little lower than on screen
EMOTION_GROWTH = 1.0  # the emotion lane may grow by up to this share of its own height
EMOTION_SHARE = 0.4  # ... taking at most this share of the spare height
# Spare width a column takes at most, as a share of its own: beyond it cards would float
# in wide empty cells; the rest is left either side of the map (it is centred). Spare
# height always goes to the lanes: the map fills the sheet down to its foot.
WIDEN_MAX = 0.6


@dataclass(frozen=True)
class PosterMap:
    """The map for a box: the canvas's geometry with spare room shared out, and its scale."""

    layout: JourneyLayout
    type: TypeSpec  # the canvas's type (badges, dots and notes a little larger for paper)
    scale: float  # the map is drawn times this: the canvas's type in points is ``k`` times


def fit_map(layout: JourneyLayout, width: float, height: float, lead: float = 0.0) -> PosterMap:
    """The canvas's map as large as fits ``width`` x ``height`` points, filling the box.

    ``lead``: room under the stage headers (the heat strip's), in the canvas's units.
    """
    base = lane_heights(layout)
    need_w, need_h = map_size(layout, lead, base)
    if width <= 0 or height <= 0:
        return PosterMap(grow(layout, base, 0.0, 0.0, lead), POSTER_MAP_TYPE, 1.0)
    k = min(width / need_w, height / need_h)
    columns = sum(s.header.w for s in layout.stages)
    spare_w = min(max(width / k - need_w, 0.0), columns * WIDEN_MAX)
    spare_h = max(height / k - need_h, 0.0)
    return PosterMap(grow(layout, base, spare_w, spare_h, lead), POSTER_MAP_TYPE, k)


def map_size(layout: JourneyLayout, lead: float = 0.0,
             heights: dict[int, float] | None = None) -> tuple[float, float]:
    """The map's width and height before spare room, in the canvas's units."""
    heights = lane_heights(layout) if heights is None else heights
    return (max(layout.width, 1.0),
            max(layout.metrics.stage_header_h + lead + sum(heights.values()), 1.0))


def lane_heights(layout: JourneyLayout) -> dict[int, float]:
    """Each lane as low as its cards allow on paper: no room under the last card to drop
    or type a new one, and a slightly lower emotion lane (spare room comes back later)."""
    m = layout.metrics
    out: dict[int, float] = {}
    for lane in layout.lanes:
        if lane.kind == "emotion":
            out[lane.id] = lane.band.h * EMOTION_BASE
        elif lane.holds_cards:
            out[lane.id] = m.min_lane_h - m.cell_tail
        else:
            out[lane.id] = lane.band.h
    for (_stage_id, lane_id), ids in layout.cell_cards.items():
        if lane_id in out and ids:
            bottom = max(layout.cards[i].rect.bottom for i in ids if i in layout.cards)
            band = layout.lane(lane_id).band
            out[lane_id] = max(out[lane_id], bottom - band.y + m.cell_pad)
    return out


def _lane_growth(layout: JourneyLayout, extra: float) -> dict[int, float]:
    """Spare height per lane: the emotion lane first (the curve reads better tall), then all."""
    out = {lane.id: 0.0 for lane in layout.lanes}
    if extra <= 0:
        return out
    emotion = [lane for lane in layout.lanes if lane.kind == "emotion"]
    if emotion:
        grow_by = min(extra * EMOTION_SHARE,
                      sum(lane.band.h for lane in emotion) * EMOTION_GROWTH)
        for lane in emotion:
            out[lane.id] += grow_by / len(emotion)
        extra -= grow_by
    cards = [lane.id for lane in layout.lanes if lane.holds_cards]
    takers = cards or [lane.id for lane in emotion] or [lane.id for lane in layout.lanes]
    for lane_id in takers:
        out[lane_id] += extra / len(takers)
    return out


def grow(layout: JourneyLayout, heights: dict[int, float], extra_w: float, extra_h: float,
         lead: float = 0.0) -> JourneyLayout:
    """``layout`` with lanes ``heights`` tall, ``extra_w`` shared evenly among its columns,
    ``extra_h`` among its lanes and ``lead`` under the stage headers; cards keep their lines."""
    m = layout.metrics
    per_col = extra_w / len(layout.stages) if layout.stages else 0.0
    lane_extra = _lane_growth(layout, extra_h)
    out = JourneyLayout(metrics=m, width=layout.width + extra_w, height=0.0)
    # Lanes move down by the lead and the growth of the lanes above them.
    dy: dict[int, float] = {}
    y = m.stage_header_h + lead
    for lane in layout.lanes:
        dy[lane.id] = y - lane.band.y
        h = heights.get(lane.id, lane.band.h) + lane_extra[lane.id]
        out.lanes.append(LaneGeom(lane.id, lane.name, lane.kind, lane.color,
                                  Rect(lane.header.x, y, lane.header.w, h),
                                  Rect(lane.band.x, y, out.width - lane.band.x, h)))
        y += h
    out.height = y
    dx: dict[int, float] = {}
    for i, s in enumerate(layout.stages):
        dx[s.id] = i * per_col
        x, w = s.header.x + dx[s.id], s.header.w + per_col
        out.stages.append(StageGeom(s.id, s.name, s.color, Rect(x, s.header.y, w, s.header.h),
                                    Rect(x, s.header.bottom, w, out.height - s.header.bottom)))
    for card_id, card in layout.cards.items():
        out.cards[card_id] = _moved(card, dx.get(card.cell[0], 0.0), dy.get(card.cell[1], 0.0),
                                    per_col)
    out.cell_cards = {cell: list(ids) for cell, ids in layout.cell_cards.items()}
    out.curves = _curves(layout, out)
    return out


def _moved(card: CardGeom, dx: float, dy: float, widen: float) -> CardGeom:
    r = card.rect
    return dataclasses.replace(card, rect=Rect(r.x + dx, r.y + dy, r.w + widen, r.h))


def _curves(layout: JourneyLayout, out: JourneyLayout) -> list[CurveGeom]:
    emotion = out.emotion_lane()
    if emotion is None:
        return []
    centers = {s.id: s.header.center[0] for s in out.stages}
    zero = emotion_y(emotion.band, 0, out.metrics)
    curves = []
    for curve in layout.curves:
        points = tuple(
            CurvePoint(p.stage_id, centers[p.stage_id],
                       emotion_y(emotion.band, p.value, out.metrics), p.value, p.note, p.run)
            for p in curve.points if p.stage_id in centers)
        geom = CurveGeom(curve.id, curve.name, curve.color, emotion.id, points, (),
                         tuple(UnsetPoint(u.stage_id, centers[u.stage_id], zero)
                               for u in curve.unset if u.stage_id in centers))
        runs = tuple(tuple(monotone_beziers([(p.x, p.y) for p in run]))
                     for run in geom.run_points())
        curves.append(dataclasses.replace(geom, runs=runs))
    return curves
