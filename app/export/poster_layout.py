"""The map laid out again for one sheet: type sized for the paper, columns filling its width.

The canvas's layout (model.layout) is made for a screen: fixed card heights at a
reading size of 12.5 px. A poster is read from two metres, so its type grows with the
paper (model.style.poster_card_pt) and its stage columns share out the sheet's width;
cards then grow with their wrapped text and lanes with their tallest cell. Stages,
lanes, cells and the order of cards in a cell are the canvas's own; only sizes change.
The result is a ``JourneyLayout`` in points with its origin at the map's top left, so
the one drawing code (compose.draw_map) draws canvas-sized and poster-sized maps alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, replace

from app.export.compose import badge_rows
from app.export.text import text_width
from model.layout import (
    STAGE_TIP,
    CardGeom,
    CurveGeom,
    CurvePoint,
    JourneyLayout,
    LaneGeom,
    Metrics,
    Rect,
    StageGeom,
    UnsetPoint,
    emotion_y,
    monotone_beziers,
    stage_label_rect,
    wrap_card,
)
from model.records import CardBadge
from model.style import MAP_TYPE, POSTER_MAP_TYPE, POSTER_MIN_TYPE_SHARE, TypeSpec
from model.text import ELLIPSIS, TextBlock

TYPE_GROWTH = 1.35  # a sparse map may set its type this much above the paper's size
_STEPS = 14  # bisection steps for the largest type that fits


POSTER_MAX_LINES = 40  # never reached by text the canvas cut at ten screen lines


@dataclass(frozen=True)
class PosterMap:
    """A map laid out for a box: its geometry in points and the type it was set in."""

    layout: JourneyLayout
    type: TypeSpec
    # The map's own geometry is drawn times this: below 1 when even the smallest allowed
    # type did not fit the box (a map without stages is only fitted, never laid out again).
    scale: float


def shown_text(card: CardGeom) -> str:
    """The part of a card's text the canvas shows: all of it, or up to where it was cut."""
    if not card.cut or not card.lines:
        return card.text
    shown = "".join("".join(line.split()) for line in card.lines).rstrip(ELLIPSIS)
    seen = 0
    for i, ch in enumerate(card.text):
        if not ch.isspace():
            seen += 1
            if seen >= len(shown):
                return card.text[:i + 1].rstrip() + ELLIPSIS
    return card.text


def poster_text(card: CardGeom, width: float, m: Metrics) -> TextBlock:
    """The canvas's text of a card, wrapped again for the poster's column and type.

    The poster shows the same words as the canvas, cut at the same word: only the line
    breaks follow the sheet (a poster column holds fewer words per line than the screen).
    """
    text = shown_text(card)
    block = wrap_card(text, width, replace(m, card_max_lines=POSTER_MAX_LINES))
    return TextBlock(block.lines, block.rtl, card.cut or block.cut)


def card_height(lines: int, t: TypeSpec, badge_rows: int, severity: bool) -> float:
    """Room for ``lines`` of text, the pads, and the badge rows or severity dots below them."""
    if badge_rows:
        bottom = badge_rows * (t.badge_h + 3 * t.k) + 3 * t.k
    else:
        bottom = 10 * t.k if severity else 0.0
    return max(2 * t.card_top + max(lines, 1) * t.card * t.card_line + bottom, 40 * t.k)


def poster_metrics(base: Metrics, t: TypeSpec, lane_header_w: float) -> Metrics:
    """The canvas's metrics at the poster's type: cards wrap and place lines the same way."""
    k = t.k
    return Metrics(lane_header_w=lane_header_w, stage_header_h=base.stage_header_h * k,
                   card_h=40 * k, card_gap=base.card_gap * k, cell_pad=base.cell_pad * k,
                   cell_tail=0.0, emotion_lane_h=base.emotion_lane_h * 0.8 * k,
                   emotion_pad_top=base.emotion_pad_top * k,
                   emotion_pad_bottom=base.emotion_pad_bottom * k,
                   divider_h=base.divider_h * k, card_text=t.card,
                   card_line_h=t.card * t.card_line, card_pad_x=t.card_pad,
                   card_pad_top=t.card_top, card_pad_bottom=base.card_pad_bottom * k,
                   card_max_lines=base.card_max_lines)


def _lane_header_w(layout: JourneyLayout, t: TypeSpec, width: float) -> float:
    """Wide enough for the longest word of a lane name, within sensible bounds."""
    words = [w for lane in layout.lanes for w in lane.name.split()] or ["Lane"]
    widest = max(text_width(w, t.lane, bold=True) for w in words)
    return min(max(widest + 22 * t.k, 90 * t.k), 0.2 * width)


def lay_out(layout: JourneyLayout, width: float, t: TypeSpec,
            badges: Mapping[int, CardBadge] | None = None,
            extra_h: float = 0.0, lead: float = 0.0) -> JourneyLayout:
    """``layout`` again, ``width`` points wide, set in ``t``; ``extra_h`` goes to the lanes.

    ``lead`` is room between the stage headers and the first lane (the heat strip's).
    """
    badges = badges or {}
    m = poster_metrics(layout.metrics, t, _lane_header_w(layout, t, width))
    total = sum(s.header.w for s in layout.stages) or 1.0
    avail = width - m.lane_header_w
    columns: dict[int, tuple[float, float]] = {}
    x = m.lane_header_w
    for s in layout.stages:
        w = avail * s.header.w / total
        columns[s.id] = (x, w)
        x += w
    # Card heights from their wrapped text, then each lane as tall as its fullest cell.
    heights: dict[int, float] = {}
    blocks: dict[int, TextBlock] = {}
    for card in layout.cards.values():
        col = columns.get(card.cell[0])
        if col is None:
            continue
        w = col[1] - 2 * m.cell_pad
        block = blocks[card.id] = poster_text(card, w, m)
        badge = badges.get(card.id)
        rows = badge_rows(badge, w, t) if badge is not None else 0
        heights[card.id] = card_height(len(block.lines), t, rows, bool(card.severity))
    lane_h: dict[int, float] = {}
    for lane in layout.lanes:
        if lane.kind == "divider":
            lane_h[lane.id] = m.divider_h
        elif lane.kind == "emotion":
            lane_h[lane.id] = m.emotion_lane_h
        else:
            lane_h[lane.id] = m.min_lane_h
    for (stage_id, lane_id), ids in layout.cell_cards.items():
        if lane_id not in lane_h or stage_id not in columns:
            continue
        cell_h = 2 * m.cell_pad + sum(heights.get(i, m.card_h) for i in ids)
        cell_h += m.card_gap * max(len(ids) - 1, 0)
        lane_h[lane_id] = max(lane_h[lane_id], cell_h)
    _share_extra(layout, lane_h, extra_h, m)
    return _assemble(layout, m, width, columns, lane_h, heights, blocks, lead)


def _share_extra(layout: JourneyLayout, lane_h: dict[int, float], extra: float,
                 m: Metrics) -> None:
    """Spread spare height: the emotion lane first (the curve reads better tall), then all."""
    if extra <= 0:
        return
    emotion = [lane.id for lane in layout.lanes if lane.kind == "emotion"]
    if emotion:
        grow = min(extra * 0.4, m.emotion_lane_h)
        for lane_id in emotion:
            lane_h[lane_id] += grow / len(emotion)
        extra -= grow
    cards = [lane.id for lane in layout.lanes if lane.kind not in ("divider", "emotion")]
    for lane_id in cards or emotion:
        lane_h[lane_id] += extra / len(cards or emotion)


def _assemble(layout: JourneyLayout, m: Metrics, width: float,
              columns: dict[int, tuple[float, float]], lane_h: dict[int, float],
              heights: dict[int, float], blocks: dict[int, TextBlock],
              lead: float) -> JourneyLayout:
    out = JourneyLayout(metrics=m, width=width, height=0.0)
    y = m.stage_header_h + lead
    for lane in layout.lanes:
        h = lane_h[lane.id]
        out.lanes.append(LaneGeom(lane.id, lane.name, lane.kind, lane.color,
                                  Rect(0.0, y, m.lane_header_w, h),
                                  Rect(m.lane_header_w, y, width - m.lane_header_w, h)))
        y += h
    out.height = y
    for s in layout.stages:
        x, w = columns[s.id]
        out.stages.append(StageGeom(s.id, s.name, s.color, Rect(x, 0.0, w, m.stage_header_h),
                                    Rect(x, m.stage_header_h, w, y - m.stage_header_h)))
    bands = {lane.id: lane.band for lane in out.lanes}
    for cell, ids in layout.cell_cards.items():
        if cell[0] not in columns or cell[1] not in bands:
            continue
        x, w = columns[cell[0]]
        top = bands[cell[1]].y + m.cell_pad
        out.cell_cards[cell] = list(ids)
        for card_id in ids:
            card = layout.cards.get(card_id)
            if card is None:
                continue
            h = heights.get(card_id, m.card_h)
            rect = Rect(x + m.cell_pad, top, w - 2 * m.cell_pad, h)
            block = blocks.get(card_id)
            if block is None:
                out.cards[card_id] = dataclasses.replace(card, rect=rect)
            else:
                out.cards[card_id] = dataclasses.replace(
                    card, rect=rect, lines=block.lines,
                    rtl=block.rtl if any(block.rtl) else (), cut=block.cut)
            top += h + m.card_gap
    out.curves = _curves(layout, out)
    return out


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


def fit_map(layout: JourneyLayout, width: float, height: float, card_pt: float,
            badges: Mapping[int, CardBadge] | None = None, lead: float = 0.0) -> PosterMap:
    """The largest type (up to a little above ``card_pt``) at which the map fits the box.

    ``lead``: room under the stage headers, at map size (it grows with the type).
    """
    base = POSTER_MAP_TYPE
    if not layout.stages:  # nothing to share the width out to: the map as it is, fitted
        scale = min(width / max(layout.width, 1.0), height / max(layout.height, 1.0))
        return PosterMap(layout, MAP_TYPE, max(scale, 0.01))

    def build(t: TypeSpec, extra: float = 0.0) -> JourneyLayout:
        return lay_out(layout, width, t, badges, extra, lead * t.k)

    if width <= 0 or height <= 0:
        k = max(card_pt / base.card, 0.01)
        t = base.scaled(k)
        return PosterMap(lay_out(layout, max(width, 1.0), t, badges, 0.0, lead * t.k), t, 1.0)
    hi = card_pt * TYPE_GROWTH / base.card
    lo = card_pt * POSTER_MIN_TYPE_SHARE / base.card

    def height_at(k: float) -> float:
        return build(base.scaled(k)).height

    if height_at(lo) > height:  # crowded: smallest type, then the whole map shrunk
        t = base.scaled(lo)
        out = build(t)
        t = _stage_type(out, t)
        return PosterMap(out, t, min(1.0, height / out.height))
    if height_at(hi) <= height:
        k = hi
    else:
        for _ in range(_STEPS):
            mid = (lo + hi) / 2
            if height_at(mid) <= height:
                lo = mid
            else:
                hi = mid
        k = lo
    t = base.scaled(k)
    out = build(t)
    t = _stage_type(out, t)
    return PosterMap(build(t, height - out.height), t, 1.0)


def _stage_type(layout: JourneyLayout, t: TypeSpec) -> TypeSpec:
    """Stage names no larger than lets each word fit its header (never broken mid-word)."""
    size = t.stage
    for stage in layout.stages:
        room = stage_label_rect(stage.header, STAGE_TIP * t.k).w * 0.97  # rounding slack
        for word in stage.name.split():
            w = text_width(word, size, bold=True)
            if w > room > 0:
                size = max(size * room / w, t.card * 0.8)
    return dataclasses.replace(t, stage=size) if size < t.stage else t
