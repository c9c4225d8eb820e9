"""Keyboard navigation over a laid-out journey: the cell cursor, card order, key moves.

Pure functions of a ``JourneyLayout``, so the canvas and its tests agree on where a key
goes without a window.
"""

from __future__ import annotations

from enum import Enum

from model.entities import EMOTION_MAX, EMOTION_MIN, LaneKind
from model.layout import Cell, JourneyLayout, LaneGeom


class Step(Enum):
    """A direction an arrow key asks for."""

    LEFT = (-1, 0)
    RIGHT = (1, 0)
    UP = (0, -1)
    DOWN = (0, 1)


def cursor_lanes(layout: JourneyLayout) -> list[LaneGeom]:
    """Lanes the cell cursor stops in: card lanes and the emotion lane, not dividers."""
    return [lane for lane in layout.lanes if lane.kind != LaneKind.DIVIDER.value]


def is_emotion_cell(layout: JourneyLayout, cell: Cell) -> bool:
    return any(lane.id == cell[1] and lane.kind == LaneKind.EMOTION.value
               for lane in layout.lanes)


def is_cursor_cell(layout: JourneyLayout, cell: Cell) -> bool:
    """True if ``cell`` still exists and the cursor may stand in it."""
    return any(s.id == cell[0] for s in layout.stages) and any(
        lane.id == cell[1] for lane in cursor_lanes(layout))


def first_cell(layout: JourneyLayout) -> Cell | None:
    """Where the cursor starts: the first stage's first card lane."""
    lanes = [lane for lane in layout.lanes if lane.holds_cards] or cursor_lanes(layout)
    if not layout.stages or not lanes:
        return None
    return (layout.stages[0].id, lanes[0].id)


def move_cursor(layout: JourneyLayout, cell: Cell, step: Step) -> Cell:
    """The neighbouring cursor cell in a direction; the edge of the map stops the cursor."""
    stage_ids = [s.id for s in layout.stages]
    lane_ids = [lane.id for lane in cursor_lanes(layout)]
    if cell[0] not in stage_ids or cell[1] not in lane_ids:
        return first_cell(layout) or cell
    dx, dy = step.value
    column = min(max(stage_ids.index(cell[0]) + dx, 0), len(stage_ids) - 1)
    row = min(max(lane_ids.index(cell[1]) + dy, 0), len(lane_ids) - 1)
    return (stage_ids[column], lane_ids[row])


def reading_order(layout: JourneyLayout) -> list[int]:
    """Card ids stage by stage, lane by lane, top to bottom: the order Tab walks."""
    order: list[int] = []
    for stage in layout.stages:
        for lane in layout.lanes:
            order.extend(layout.cell_cards.get((stage.id, lane.id), []))
    return order


def next_card(layout: JourneyLayout, current: int | None, forward: bool) -> int | None:
    """The card after (or before) ``current`` in reading order; None past either end."""
    order = reading_order(layout)
    if not order:
        return None
    if current not in order:
        return order[0] if forward else order[-1]
    i = order.index(current) + (1 if forward else -1)
    return order[i] if 0 <= i < len(order) else None


def card_move_target(layout: JourneyLayout, card_id: int, step: Step) -> tuple[Cell, int] | None:
    """Where Ctrl+arrow moves a card: the next stage, or the next card lane; None at an edge."""
    card = layout.cards.get(card_id)
    if card is None:
        return None
    stage_ids = [s.id for s in layout.stages]
    lane_ids = [lane.id for lane in layout.lanes if lane.holds_cards]
    dx, dy = step.value
    column = stage_ids.index(card.cell[0]) + dx
    row = lane_ids.index(card.cell[1]) + dy if card.cell[1] in lane_ids else -1
    if not (0 <= column < len(stage_ids) and 0 <= row < len(lane_ids)):
        return None
    cell = (stage_ids[column], lane_ids[row])
    return cell, min(card.index, len(layout.cell_cards.get(cell, [])))


def emotion_value(layout: JourneyLayout, curve_id: int, stage_id: int) -> int | None:
    """A curve's value at a stage, None where it has none yet."""
    curve = next((c for c in layout.curves if c.id == curve_id), None)
    point = next((p for p in curve.points if p.stage_id == stage_id), None) if curve else None
    return point.value if point is not None else None


def stepped_emotion(current: int | None, delta: int) -> int | None:
    """The value one key press gives: an unset point starts at ±1; None if at the limit."""
    if current is None:
        return max(EMOTION_MIN, min(EMOTION_MAX, delta))
    value = max(EMOTION_MIN, min(EMOTION_MAX, current + delta))
    return None if value == current else value
