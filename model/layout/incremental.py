"""The incremental layout: only cells that changed, and cells whose column or band moved,
get new card geometry; everything else is the previous layout's objects.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from model.entities import Card, Journey
from model.layout.cell_index import CellIndex, LayoutState, cell_index
from model.layout.frame import (
    build_cards,
    card_geom,
    curves,
    frame,
    full_layout,
    links,
    shown_lanes,
    stack_height,
)
from model.layout.geometry import METRICS, CardGeom, Cell, Metrics, Rect, shifted_card
from model.layout.journey_layout import JourneyLayout
from model.text import TextBlock

Built = list[tuple[Card, TextBlock, float]]  # a cell's cards, wrapped text, card heights


def compute_layout(
    journey: Journey, metrics: Metrics = METRICS, *, incremental: bool = True,
    hidden_lanes: frozenset[int] = frozenset(),
) -> JourneyLayout:
    """Lay out a journey: columns from stage widths, rows grown to fit their tallest cell.

    Incrementally from the previous layout of the journey when there is one (same
    result as ``incremental=False``, which computes everything again). Lanes in
    ``hidden_lanes`` (a view filter) are left out: the lanes below move up.
    """
    with _no_cyclic_gc():
        if not incremental:
            return full_layout(journey, metrics, hidden_lanes)
        index = cell_index(journey)
        state = index.state
        if state is not None and state.metrics != metrics:
            return full_layout(journey, metrics, hidden_lanes)
        return _update(journey, index, state, metrics, hidden_lanes)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """No cyclic garbage collection while laying out.

    A big map's layout makes a few hundred thousand small containers (wrapped lines,
    geometry) and no reference cycles; collections triggered in the middle of that scan
    every loaded ORM object each time and took longer than the layout itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _update(
    journey: Journey, index: CellIndex, state: LayoutState | None, m: Metrics,
    hidden_lanes: frozenset[int] = frozenset(),
) -> JourneyLayout:
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = shown_lanes(journey, hidden_lanes)
    prev = state.layout if state is not None else None
    order = dict(state.order) if state is not None else {}
    old_stacks = state.stacks if state is not None else {}
    dirty = index.dirty if state is not None else set(index.cells)
    index.dirty = set()

    counts = links(journey)
    fresh: dict[Cell, list[Card]] = {}
    gone: set[int] = set()
    for cell in dirty:
        gone.update(order.get(cell, ()))
        in_cell = index.ordered(cell)
        if in_cell:
            fresh[cell] = in_cell
            order[cell] = [c.id for c in in_cell]
        else:
            order.pop(cell, None)
    for fresh_cards in fresh.values():
        gone.difference_update(c.id for c in fresh_cards)

    # Wrap the cards whose text or width changed; the rest keep their heights.
    widths = {s.id: s.width - 2 * m.cell_pad for s in stages}
    old_widths = {s.id: s.column.w - 2 * m.cell_pad for s in prev.stages} if prev else {}
    lane_ids = {lane.id for lane in lanes}
    built: dict[Cell, Built] = {}
    stacks: dict[Cell, float] = {}
    tallest: dict[int, float] = defaultdict(float)
    for cell in order:
        card_w = widths.get(cell[0])
        if card_w is None or cell[1] not in lane_ids:
            continue
        cards = fresh.get(cell)
        if cards is None and (prev is None or cell not in prev.cell_cards
                              or old_widths.get(cell[0]) != card_w or cell not in old_stacks):
            cards = index.ordered(cell)
        if cards is not None:
            built[cell] = build_cards(cards, card_w, m)
            stacks[cell] = stack_height((h for _, _, h in built[cell]), m)
        else:
            stacks[cell] = old_stacks[cell]
        if stacks[cell] > tallest[cell[1]]:
            tallest[cell[1]] = stacks[cell]
    layout = frame(stages, lanes, tallest, m)

    moved_stages: set[int] = set()
    moved_lanes: set[int] = set()
    if prev is not None:
        # Keep the previous objects where nothing changed: the canvas skips those.
        old_stages = {s.id: s for s in prev.stages}
        for i, s in enumerate(layout.stages):
            old_stage = old_stages.get(s.id)
            if old_stage is not None and old_stage == s:
                layout.stages[i] = old_stage
            if (old_stage is None or old_stage.column.x != s.column.x
                    or old_stage.column.w != s.column.w):
                moved_stages.add(s.id)
        old_lanes = {lane.id: lane for lane in prev.lanes}
        for i, lane_geom in enumerate(layout.lanes):
            old_lane = old_lanes.get(lane_geom.id)
            if old_lane is not None and old_lane == lane_geom:
                layout.lanes[i] = old_lane
            if old_lane is None or old_lane.band.y != lane_geom.band.y:
                moved_lanes.add(lane_geom.id)

    geoms: dict[int, CardGeom] = dict(prev.cards) if prev is not None else {}
    changed: set[int] = set()
    moved: set[int] = set()  # only moved: their cell stays, with the same cards
    for card_id in gone:
        if geoms.pop(card_id, None) is not None:
            changed.add(card_id)
    stage_at = {s.id: s for s in layout.stages}
    lane_at = {lane.id: lane for lane in layout.lanes}
    gap = m.card_gap
    for cell, ids in order.items():
        stage = stage_at.get(cell[0])
        band = lane_at.get(cell[1])
        if stage is None or band is None:
            for card_id in ids:  # its stage or lane is gone: so are its cards
                if geoms.pop(card_id, None) is not None:
                    changed.add(card_id)
            continue
        layout.cell_cards[cell] = ids
        x = stage.column.x + m.cell_pad
        w = widths[cell[0]]
        y = band.band.y + m.cell_pad
        new_cards = built.get(cell)
        if new_cards is None:
            if cell[0] not in moved_stages and cell[1] not in moved_lanes:
                continue  # untouched: the previous geometry stands
            for i, card_id in enumerate(ids):
                old = geoms[card_id]
                geoms[card_id] = shifted_card(old, x, y, i)
                y += old.rect.h + gap
            moved.update(ids)
            continue
        for i, (card, block, h) in enumerate(new_cards):
            geom = card_geom(card, cell, i, Rect(x, y, w, h), block, counts)
            y += h + gap
            known = geoms.get(card.id)
            if known is not None and known == geom:
                continue
            geoms[card.id] = geom
            changed.add(card.id)
    layout.cards = geoms
    layout.curves = curves(journey, layout, stages)
    if prev is not None:
        old_curves = {c.id: c for c in prev.curves}
        layout.curves = [
            old_curve if (old_curve := old_curves.get(c.id)) == c and old_curve else c
            for c in layout.curves
        ]
        prev.base = None  # only the last step is kept: no chain of old layouts
        layout.base = prev
        layout.moved_cards = frozenset(moved - changed)
        changed.update(moved)
        layout.changed_cards = frozenset(changed)
    index.state = LayoutState(m, layout, order, stacks)
    return layout
