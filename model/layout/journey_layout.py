"""A laid-out journey and the lookups the canvas asks of it (hit tests, drop slots, scale)."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.entities import EMOTION_MAX, EMOTION_MIN, LaneKind
from model.layout.geometry import (
    METRICS,
    CardGeom,
    Cell,
    CurveGeom,
    LaneGeom,
    Metrics,
    Rect,
    StageGeom,
)


def emotion_y(band: Rect, value: float, m: Metrics = METRICS) -> float:
    """Height of an emotion value in an emotion lane's band (+5 at the top)."""
    top = band.y + m.emotion_pad_top
    bottom = band.bottom - m.emotion_pad_bottom
    frac = (value - EMOTION_MIN) / (EMOTION_MAX - EMOTION_MIN)
    return bottom - frac * (bottom - top)


@dataclass
class JourneyLayout:
    metrics: Metrics
    width: float
    height: float
    stages: list[StageGeom] = field(default_factory=list)
    lanes: list[LaneGeom] = field(default_factory=list)
    cards: dict[int, CardGeom] = field(default_factory=dict)
    curves: list[CurveGeom] = field(default_factory=list)
    cell_cards: dict[Cell, list[int]] = field(default_factory=dict)
    # The layout this one was computed from, and the cards whose geometry may differ
    # from it (None: any may differ). Lets the canvas touch only what an edit changed.
    base: JourneyLayout | None = field(default=None, repr=False, compare=False)
    changed_cards: frozenset[int] | None = field(default=None, repr=False, compare=False)
    # Of the changed cards, those that only moved (same cell, size, text and look).
    moved_cards: frozenset[int] = field(default=frozenset(), repr=False, compare=False)
    _stage_ids: dict[int, StageGeom] | None = field(default=None, repr=False, compare=False)
    _lane_ids: dict[int, LaneGeom] | None = field(default=None, repr=False, compare=False)

    # -- lookups used by the canvas ------------------------------------------------

    def stage(self, stage_id: int) -> StageGeom:
        if self._stage_ids is None or len(self._stage_ids) != len(self.stages):
            self._stage_ids = {s.id: s for s in self.stages}
        return self._stage_ids[stage_id]

    def lane(self, lane_id: int) -> LaneGeom:
        if self._lane_ids is None or len(self._lane_ids) != len(self.lanes):
            self._lane_ids = {lane.id: lane for lane in self.lanes}
        return self._lane_ids[lane_id]

    def cell_rect(self, cell: Cell) -> Rect:
        stage, lane = self.stage(cell[0]), self.lane(cell[1])
        return Rect(stage.column.x, lane.band.y, stage.column.w, lane.band.h)

    def stage_at(self, x: float) -> StageGeom | None:
        return next((s for s in self.stages if s.column.x <= x < s.column.right), None)

    def lane_at(self, y: float) -> LaneGeom | None:
        return next((lane for lane in self.lanes if lane.band.y <= y < lane.band.bottom), None)

    def cell_at(self, x: float, y: float) -> Cell | None:
        """The card-holding cell under a scene point, if any."""
        stage, lane = self.stage_at(x), self.lane_at(y)
        if stage is None or lane is None or not lane.holds_cards:
            return None
        return (stage.id, lane.id)

    def insert_index(self, cell: Cell, y: float, ignore: frozenset[int] = frozenset()) -> int:
        """Where a card dropped at height ``y`` lands among the cell's other cards."""
        index = 0
        for card_id in self.cell_cards.get(cell, []):
            if card_id in ignore:
                continue
            if self.cards[card_id].rect.center[1] < y:
                index += 1
        return index

    def slot_rect(self, cell: Cell, index: int) -> Rect:
        """The rect of the card at ``index`` of a cell; past the last card, the free slot."""
        m = self.metrics
        stage, lane = self.stage(cell[0]), self.lane(cell[1])
        ids = self.cell_cards.get(cell, [])
        x, w = stage.column.x + m.cell_pad, stage.column.w - 2 * m.cell_pad
        if 0 <= index < len(ids):
            return self.cards[ids[index]].rect
        y = self.cards[ids[-1]].rect.bottom + m.card_gap if ids else lane.band.y + m.cell_pad
        return Rect(x, y, w, m.card_h)

    def emotion_y(self, lane_id: int, value: float) -> float:
        band = self.lane(lane_id).band
        return emotion_y(band, value, self.metrics)

    def emotion_value(self, lane_id: int, y: float) -> int:
        """The snapped scale value at height ``y`` in an emotion lane."""
        band = self.lane(lane_id).band
        m = self.metrics
        top = band.y + m.emotion_pad_top
        bottom = band.bottom - m.emotion_pad_bottom
        frac = (bottom - y) / (bottom - top) if bottom > top else 0.5
        value = round(EMOTION_MIN + frac * (EMOTION_MAX - EMOTION_MIN))
        return max(EMOTION_MIN, min(EMOTION_MAX, value))

    def emotion_lane(self) -> LaneGeom | None:
        return next((lane for lane in self.lanes if lane.kind == LaneKind.EMOTION.value), None)
