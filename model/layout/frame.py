"""Laying a journey out from scratch: columns, bands grown to their tallest cell, cards, curves.

``full_layout`` is also the reference the incremental update (incremental.py) must match.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from model.entities import Card, Journey, LaneKind
from model.layout.geometry import (
    CardGeom,
    Cell,
    CurveGeom,
    CurvePoint,
    LaneGeom,
    Metrics,
    Rect,
    StageGeom,
    UnsetPoint,
)
from model.layout.journey_layout import JourneyLayout, emotion_y
from model.layout.shapes import curve_runs, monotone_beziers
from model.style import card_fill
from model.text import TextBlock, wrap_em


def loaded(card: Card, name: str) -> Any:
    """A loaded column value straight from the instance (the ORM descriptor, 20,000 times
    per attribute, was a good part of opening a big map); through the ORM when it is not
    loaded."""
    try:
        return card.__dict__[name]
    except KeyError:
        return getattr(card, name)


def card_order(card: Card) -> tuple[int, int]:
    """Cards of a cell go by position; the id breaks a tie (a file may hold one)."""
    position = loaded(card, "position")
    return (position if position is not None else -1, loaded(card, "id") or 0)


def wrap_card(text: str, card_w: float, m: Metrics) -> TextBlock:
    """A card's text as it is drawn everywhere: wrapped to the card, cut after the last line."""
    return wrap_em(text, m.text_width(card_w) / m.card_text, False, m.card_max_lines)


def build_cards(cards: list[Card], card_w: float, m: Metrics
                ) -> list[tuple[Card, TextBlock, float]]:
    """A cell's cards with their wrapped text and heights (one wrap width for all)."""
    em = m.text_width(card_w) / m.card_text
    max_lines = m.card_max_lines
    heights: dict[int, float] = {}
    out = []
    for card in cards:
        block = wrap_em(loaded(card, "text"), em, False, max_lines)
        n = len(block.lines)
        h = heights.get(n)
        if h is None:
            h = heights[n] = m.card_height(n)
        out.append((card, block, h))
    return out


def card_geom(card: Card, cell: Cell, index: int, rect: Rect, block: TextBlock,
              links: Mapping[int, int]) -> CardGeom:
    card_id, kind = loaded(card, "id"), loaded(card, "kind")
    return CardGeom(
        card_id, kind, loaded(card, "text"), card_fill(kind, loaded(card, "color")), rect,
        cell, index, loaded(card, "severity"), links.get(card_id, 0), block.lines,
        block.rtl if True in block.rtl else (), block.cut,
    )


def stack_height(heights: Iterable[float], m: Metrics) -> float:
    """How tall a cell's cards stand, gaps included."""
    total, n = 0.0, 0
    for h in heights:
        total += h
        n += 1
    return total + max(0, n - 1) * m.card_gap


def lane_height(lane_kind: str, tallest: float, m: Metrics) -> float:
    """A band's height: fixed for dividers and the emotion lane, else its tallest cell."""
    if lane_kind == LaneKind.DIVIDER.value:
        return m.divider_h
    if lane_kind == LaneKind.EMOTION.value:
        return m.emotion_lane_h
    return max(m.min_lane_h, 2 * m.cell_pad + tallest + m.cell_tail)


def frame(stages: list[Any], lanes: list[Any], tallest: Mapping[int, float],
          m: Metrics) -> JourneyLayout:
    """Stage columns and lane bands of a layout (no cards or curves yet)."""
    width = m.lane_header_w + sum(s.width for s in stages)
    layout = JourneyLayout(metrics=m, width=width, height=0.0)
    y = m.stage_header_h
    for lane in lanes:
        h = lane_height(lane.kind, tallest.get(lane.id, 0.0), m)
        layout.lanes.append(
            LaneGeom(id=lane.id, name=lane.name, kind=lane.kind, color=lane.color,
                     header=Rect(0.0, y, m.lane_header_w, h),
                     band=Rect(m.lane_header_w, y, width - m.lane_header_w, h))
        )
        y += h
    layout.height = y
    x = m.lane_header_w
    for stage in stages:
        layout.stages.append(
            StageGeom(id=stage.id, name=stage.name, color=stage.color,
                      header=Rect(x, 0.0, stage.width, m.stage_header_h),
                      column=Rect(x, m.stage_header_h, stage.width, y - m.stage_header_h))
        )
        x += stage.width
    return layout


def curves(journey: Journey, layout: JourneyLayout, stages: list[Any]) -> list[CurveGeom]:
    """The emotion curves: a point per stage with a value, smooth runs, unset stages."""
    m = layout.metrics
    emotion = layout.emotion_lane()
    if emotion is None:
        return []
    out: list[CurveGeom] = []
    centers = {s.id: s.header.center[0] for s in layout.stages}
    order = {s.id: i for i, s in enumerate(stages)}
    for curve in sorted(journey.curves, key=lambda c: c.position):
        pts = sorted(
            (p for p in curve.points if p.stage_id in centers),
            key=lambda p: order[p.stage_id],
        )
        cpoints = tuple(
            CurvePoint(
                p.stage_id,
                centers[p.stage_id],
                emotion_y(emotion.band, p.value, m),
                p.value,
                p.note,
                run,
            )
            for p, run in zip(pts, curve_runs([order[p.stage_id] for p in pts]), strict=True)
        )
        have = {p.stage_id for p in pts}
        zero = emotion_y(emotion.band, 0, m)
        geom = CurveGeom(
            id=curve.id,
            name=curve.name,
            color=curve.color,
            lane_id=emotion.id,
            points=cpoints,
            runs=(),
            unset=tuple(
                UnsetPoint(s.id, centers[s.id], zero) for s in stages if s.id not in have
            ),
        )
        runs = tuple(
            tuple(monotone_beziers([(p.x, p.y) for p in run])) for run in geom.run_points()
        )
        out.append(dataclasses.replace(geom, runs=runs))
    return out


def links(journey: Journey) -> dict[int, int]:
    """How many opportunities each card of the journey is linked to."""
    counts: dict[int, int] = defaultdict(int)
    for opportunity in journey.opportunities:
        for card in opportunity.cards:
            counts[card.id] += 1
    return counts


def shown_lanes(journey: Journey, hidden_lanes: frozenset[int] = frozenset()) -> list[Any]:
    """The journey's lanes in order, without those a view hides."""
    return [lane for lane in sorted(journey.lanes, key=lambda x: x.position)
            if lane.id not in hidden_lanes]


def full_layout(journey: Journey, m: Metrics,
                hidden_lanes: frozenset[int] = frozenset()) -> JourneyLayout:
    """Lay a journey out from scratch (the reference the incremental update must match)."""
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = shown_lanes(journey, hidden_lanes)
    by_cell: dict[Cell, list[Card]] = defaultdict(list)
    for card in journey.cards:
        by_cell[(card.stage_id, card.lane_id)].append(card)
    widths = {s.id: s.width - 2 * m.cell_pad for s in stages}
    lane_ids = {lane.id for lane in lanes}
    cells: dict[Cell, list[tuple[Card, TextBlock, float]]] = {}
    tallest: dict[int, float] = defaultdict(float)
    for cell, cards in by_cell.items():
        if cell[0] not in widths or cell[1] not in lane_ids:
            continue
        built = build_cards(sorted(cards, key=card_order), widths[cell[0]], m)
        cells[cell] = built
        tallest[cell[1]] = max(tallest[cell[1]], stack_height((h for _, _, h in built), m))
    layout = frame(stages, lanes, tallest, m)
    counts = links(journey)
    for cell, built in cells.items():
        stage, lane = layout.stage(cell[0]), layout.lane(cell[1])
        x, w = stage.column.x + m.cell_pad, widths[cell[0]]
        y = lane.band.y + m.cell_pad
        layout.cell_cards[cell] = [card.id for card, _, _ in built]
        for index, (card, block, h) in enumerate(built):
            layout.cards[card.id] = card_geom(card, cell, index, Rect(x, y, w, h), block, counts)
            y += h + m.card_gap
    layout.curves = curves(journey, layout, stages)
    return layout
