"""Structure edits: stages, lanes and emotion curves (with the cards and points they hold)."""

from __future__ import annotations

from typing import cast

from model.card_edits import CardEdits
from model.changes import How, What
from model.edit_base import check_fields
from model.edit_error import EditError
from model.entities import (
    EMOTION_MAX,
    EMOTION_MIN,
    Card,
    EmotionCurve,
    EmotionPoint,
    Journey,
    Lane,
    LaneKind,
    Stage,
)
from model.metric_edits import put_metrics, take_metrics
from model.records import CurveFields, LaneFields, StageFields
from model.snapshot import Row, card_links
from model.snapshot_types import (
    CardSnapshot,
    CurveSnapshot,
    LaneSnapshot,
    StageSnapshot,
    card_row,
    curve_row,
    lane_row,
    point_row,
    stage_row,
)
from model.style import LANE_COLORS, LANE_DEFAULT_COLOR, MAX_STAGE_WIDTH, MIN_STAGE_WIDTH
from model.workshop_edits import put_view_lanes, take_view_lanes, take_votes

STAGE_FIELDS = frozenset({"name", "description", "color", "width"})
LANE_FIELDS = frozenset({"name", "kind", "color"})
CURVE_FIELDS = frozenset({"name", "color", "persona_id"})



class StructureEdits(CardEdits):
    """Stages, lanes and curves; removing a stage or lane takes its cards along (undoably)."""

    def add_stage(
        self, journey_id: int, index: int | None = None, fields: Row | None = None
    ) -> int:
        journey: Journey = self._get(Journey, journey_id)
        fields = dict(fields or {})
        stage_id = fields.pop("id", None)
        check_fields(fields, STAGE_FIELDS)
        stages = sorted(journey.stages, key=lambda s: s.position)
        index = len(stages) if index is None else max(0, min(index, len(stages)))
        stage = Stage(**fields)
        if stage_id is not None:
            stage.id = stage_id
        stages.insert(index, stage)
        journey.stages.append(stage)
        self._renumber(stages)
        # A new stage has no emotion value: a made-up 0 would draw a dip or rise that
        # nobody reported; the curve shows a gap there until the user sets one.
        self.session.flush()
        self._emit(What.STAGE, stage.id, How.ADDED, journey_id)
        return stage.id

    def remove_stage(self, stage_id: int) -> StageSnapshot:
        """Delete a stage with its cards and emotion points; return the snapshot."""
        stage: Stage = self._get(Stage, stage_id)
        journey = stage.journey
        cards = [c for c in journey.cards if c.stage_id == stage_id]
        points = [p for curve in journey.curves for p in curve.points if p.stage_id == stage_id]
        snap = StageSnapshot(
            **stage_row(stage),
            cards=[self._held_card(c) for c in cards],
            points=[point_row(p) for p in points],
            metrics=take_metrics(self.session, [c.id for c in cards], [stage_id]),
        )
        self._drop_cards(journey, cards)
        for point in points:
            point.curve.points.remove(point)
        # The ORM does not know points and cards depend on the stage: delete them first.
        self.session.flush()
        stages = sorted(journey.stages, key=lambda s: s.position)
        stages.remove(stage)
        journey.stages.remove(stage)
        self._renumber(stages)
        self._emit(What.STAGE, stage_id, How.REMOVED, journey.id)
        return snap

    def _held_card(self, card: Card) -> CardSnapshot:
        """A card as the snapshot of its stage or lane holds it.

        Its metrics are not here: the stage or lane takes all its cards' metrics at once.
        """
        return CardSnapshot(**card_row(card), opportunities=card_links(self.session, card.id),
                            metrics=[], votes=take_votes(self.session, [card.id]))

    def restore_stage(self, snap: StageSnapshot) -> int:
        data = {k: v for k, v in snap.items()
                if k not in ("cards", "points", "metrics", "journey_id", "position")}
        journey_id = snap["journey_id"]
        stage_id = self.add_stage(journey_id, snap["position"], data)
        for p in snap["points"]:
            curve: EmotionCurve = self._get(EmotionCurve, p["curve_id"])
            curve.points.append(EmotionPoint(**p))
        self.session.flush()
        for c in sorted(snap["cards"], key=lambda c: c["position"]):
            self.restore_card(c)
        put_metrics(self.session, snap["metrics"])
        self._emit(What.STAGE, stage_id, How.UPDATED, journey_id)
        return stage_id

    def move_stage(self, stage_id: int, index: int) -> int:
        stage: Stage = self._get(Stage, stage_id)
        stages = sorted(stage.journey.stages, key=lambda s: s.position)
        old = stages.index(stage)
        stages.remove(stage)
        stages.insert(max(0, min(index, len(stages))), stage)
        self._renumber(stages)
        self._emit(What.STAGE, stage_id, How.MOVED, stage.journey_id)
        return old

    def update_stage(self, stage_id: int, fields: StageFields) -> StageFields:
        check_fields(fields, STAGE_FIELDS)
        if "width" in fields:
            fields = fields.copy()
            fields["width"] = max(MIN_STAGE_WIDTH, min(MAX_STAGE_WIDTH, float(fields["width"])))
        stage: Stage = self._get(Stage, stage_id)
        old = cast(StageFields, self._set(stage, fields))
        self._emit(What.STAGE, stage_id, How.UPDATED, stage.journey_id)
        return old

    def add_lane(self, journey_id: int, index: int | None = None, fields: Row | None = None) -> int:
        journey: Journey = self._get(Journey, journey_id)
        fields = dict(fields or {})
        lane_id = fields.pop("id", None)
        check_fields(fields, LANE_FIELDS)
        if "kind" in fields:
            LaneKind(fields["kind"])  # raises ValueError on an unknown kind
        if "color" not in fields:  # the colour the templates give a lane of this kind
            fields["color"] = LANE_COLORS.get(LaneKind(fields.get("kind", LaneKind.TEXT)),
                                              LANE_DEFAULT_COLOR)
        lanes = sorted(journey.lanes, key=lambda x: x.position)
        index = len(lanes) if index is None else max(0, min(index, len(lanes)))
        lane = Lane(**fields)
        if lane_id is not None:
            lane.id = lane_id
        lanes.insert(index, lane)
        journey.lanes.append(lane)
        self._renumber(lanes)
        self.session.flush()
        self._emit(What.LANE, lane.id, How.ADDED, journey_id)
        return lane.id

    def remove_lane(self, lane_id: int) -> LaneSnapshot:
        lane: Lane = self._get(Lane, lane_id)
        journey = lane.journey
        cards = [c for c in journey.cards if c.lane_id == lane_id]
        snap = LaneSnapshot(
            **lane_row(lane),
            cards=[self._held_card(c) for c in cards],
            metrics=take_metrics(self.session, [c.id for c in cards]),
            view_lanes=take_view_lanes(self.session, [lane_id]),
        )
        self._drop_cards(journey, cards)
        self.session.flush()
        lanes = sorted(journey.lanes, key=lambda x: x.position)
        lanes.remove(lane)
        journey.lanes.remove(lane)
        self._renumber(lanes)
        self._emit(What.LANE, lane_id, How.REMOVED, journey.id)
        return snap

    def restore_lane(self, snap: LaneSnapshot) -> int:
        data = {k: v for k, v in snap.items()
                if k not in ("cards", "metrics", "view_lanes", "journey_id", "position")}
        journey_id = snap["journey_id"]
        lane_id = self.add_lane(journey_id, snap["position"], data)
        for c in sorted(snap["cards"], key=lambda c: c["position"]):
            self.restore_card(c)
        put_metrics(self.session, snap["metrics"])
        put_view_lanes(self.session, snap["view_lanes"])
        self._emit(What.LANE, lane_id, How.UPDATED, journey_id)
        return lane_id

    def move_lane(self, lane_id: int, index: int) -> int:
        lane: Lane = self._get(Lane, lane_id)
        lanes = sorted(lane.journey.lanes, key=lambda x: x.position)
        old = lanes.index(lane)
        lanes.remove(lane)
        lanes.insert(max(0, min(index, len(lanes))), lane)
        self._renumber(lanes)
        self._emit(What.LANE, lane_id, How.MOVED, lane.journey_id)
        return old

    def update_lane(self, lane_id: int, fields: LaneFields) -> LaneFields:
        check_fields(fields, LANE_FIELDS)
        lane: Lane = self._get(Lane, lane_id)
        if "kind" in fields:
            kind = LaneKind(fields["kind"])
            has_cards = any(c.lane_id == lane_id for c in lane.journey.cards)
            if has_cards and kind in (LaneKind.DIVIDER, LaneKind.EMOTION):
                raise EditError("Move or delete this lane's cards before changing its kind")
        old = cast(LaneFields, self._set(lane, fields))
        self._emit(What.LANE, lane_id, How.UPDATED, lane.journey_id)
        return old

    # -- emotion curves --------------------------------------------------------

    def set_emotion(
        self, curve_id: int, stage_id: int, value: int | None, note: str | None = None
    ) -> tuple[int | None, str]:
        """Set (or with value None, clear) a curve's point at a stage; return the old one."""
        curve: EmotionCurve = self._get(EmotionCurve, curve_id)
        point = next((p for p in curve.points if p.stage_id == stage_id), None)
        old = (point.value, point.note) if point is not None else (None, "")
        if value is None:
            if point is not None:
                curve.points.remove(point)
        else:
            if not EMOTION_MIN <= value <= EMOTION_MAX:
                raise EditError(f"Emotion must be between {EMOTION_MIN} and {EMOTION_MAX}")
            if point is None:
                point = EmotionPoint(stage_id=stage_id, value=value, note=note or "")
                curve.points.append(point)
            else:
                point.value = value
                if note is not None:
                    point.note = note
        self._emit(What.POINT, curve_id, How.UPDATED, curve.journey_id)
        return old

    def add_curve(self, journey_id: int, fields: Row | None = None) -> int:
        journey: Journey = self._get(Journey, journey_id)
        fields = dict(fields or {})
        curve_id = fields.pop("id", None)
        points = fields.pop("points", None)
        position = fields.pop("position", len(journey.curves))
        check_fields(fields, CURVE_FIELDS)
        curve = EmotionCurve(position=position, **fields)
        if curve_id is not None:
            curve.id = curve_id
        journey.curves.append(curve)
        self.session.flush()
        # Without given points the curve starts unset (gaps), never at a made-up 0.
        for p in points or []:
            curve.points.append(EmotionPoint(**p))
        self._emit(What.CURVE, curve.id, How.ADDED, journey_id)
        return curve.id

    def remove_curve(self, curve_id: int) -> CurveSnapshot:
        curve: EmotionCurve = self._get(EmotionCurve, curve_id)
        journey = curve.journey
        snap = CurveSnapshot(**curve_row(curve), points=[point_row(p) for p in curve.points])
        journey.curves.remove(curve)
        self._emit(What.CURVE, curve_id, How.REMOVED, journey.id)
        return snap

    def restore_curve(self, snap: CurveSnapshot) -> int:
        data = {k: v for k, v in snap.items() if k != "journey_id"}
        return self.add_curve(snap["journey_id"], data)

    def update_curve(self, curve_id: int, fields: CurveFields) -> CurveFields:
        check_fields(fields, CURVE_FIELDS)
        curve: EmotionCurve = self._get(EmotionCurve, curve_id)
        old = cast(CurveFields, self._set(curve, fields))
        self._emit(What.CURVE, curve_id, How.UPDATED, curve.journey_id)
        return old
