"""Every change a user can make to a project, as small reversible operations.

Each method changes the ORM objects, flushes, emits a ``Change`` and returns what
an undo needs (old values, a snapshot, an old position). Undo commands in app/
hold those return values (ids and plain data, never ORM objects).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from model.changes import Change, ChangeHub, How, What
from model.edit_error import EditError
from model.entities import (
    EMOTION_MAX,
    EMOTION_MIN,
    Card,
    CardKind,
    EmotionCurve,
    EmotionPoint,
    Journey,
    Lane,
    LaneKind,
    Opportunity,
    OpportunityStatus,
    Persona,
    Stage,
    utcnow,
)
from model.layout import cell_index
from model.metric_edits import MetricEdits, put_metrics, take_metrics
from model.records import CARD_DEFAULTS
from model.review_edits import SnapshotEdits, clean_review_fields
from model.snapshot import Row, card_links, journey_snapshot, restore_journey, row
from model.templates import LANE_COLORS, create_journey

Cell = tuple[int, int]  # (stage_id, lane_id)

__all__ = ["Cell", "EditError", "Editor", "Row"]

CARD_FIELDS = frozenset(
    {"kind", "text", "color", "notes", "channel", "department", "owner", "usage_share",
     "severity"}
)
STAGE_FIELDS = frozenset({"name", "description", "color", "width"})
LANE_FIELDS = frozenset({"name", "kind", "color"})
JOURNEY_FIELDS = frozenset(
    {"name", "objective", "scenario", "persona_id", "owner", "next_review",
     "review_interval_months"}
)
CURVE_FIELDS = frozenset({"name", "color", "persona_id"})
PERSONA_FIELDS = frozenset(
    {"name", "role", "goals", "needs", "frustrations", "quote", "photo", "notes"}
)
OPPORTUNITY_FIELDS = frozenset(
    {"title", "description", "owner", "importance", "cost", "ease", "status", "due_date"}
)

MIN_STAGE_WIDTH = 120.0
MAX_STAGE_WIDTH = 1200.0


# What a card added by append_cards holds for a field it is not given.
_CARD_DEFAULTS: Row = dict(CARD_DEFAULTS)


def _check_fields(fields: dict[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise EditError(f"Unknown field(s): {', '.join(sorted(unknown))}")


COLOR_RE = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def clean_card_fields(fields: Row) -> Row:
    """Card fields checked and normalised (clipboard, CSV and UI values are untrusted)."""
    _check_fields(fields, CARD_FIELDS)
    out = dict(fields)
    for key in ("text", "notes", "channel", "department", "owner"):
        if key in out and not isinstance(out[key], str):
            raise EditError(f"The card's {key} must be text")
    if "kind" in out and out["kind"] not in {k.value for k in CardKind}:
        raise EditError(f"Unknown card kind {out['kind']!r}")
    if "color" in out and out["color"] and not (
        isinstance(out["color"], str) and COLOR_RE.fullmatch(out["color"])
    ):
        raise EditError(f"A card colour is #rrggbb, #rgb or empty, not {out['color']!r}")
    if out.get("severity") is not None:
        value = out["severity"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise EditError("Severity is a whole number from 1 to 5")
        out["severity"] = max(1, min(5, value))
    if out.get("usage_share") is not None:
        value = out["usage_share"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise EditError("Usage share is a number from 0 to 1")
        out["usage_share"] = max(0.0, min(1.0, float(value)))
    return out


def clean_opportunity_fields(fields: Row) -> Row:
    """Opportunity fields checked: scores 1..5, a known status, text fields as text."""
    _check_fields(fields, OPPORTUNITY_FIELDS)
    for key in ("title", "description", "owner"):
        if key in fields and not isinstance(fields[key], str):
            raise EditError(f"The opportunity's {key} must be text")
    for key in ("importance", "cost", "ease"):
        if key in fields:
            value = fields[key]
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise EditError(f"The opportunity's {key} is a whole number from 1 to 5")
    if "status" in fields and fields["status"] not in {"", *(s.value for s in OpportunityStatus)}:
        raise EditError(f"Unknown opportunity status {fields['status']!r}")
    if fields.get("due_date") is not None and not isinstance(fields["due_date"], dt.date):
        raise EditError("A due date is a date")
    return fields


def clean_persona_fields(fields: Row) -> Row:
    """Persona fields checked: text as text, the photo as bytes (already prepared) or None."""
    _check_fields(fields, PERSONA_FIELDS)
    for key in PERSONA_FIELDS - {"photo"}:
        if key in fields and not isinstance(fields[key], str):
            raise EditError(f"The persona's {key} must be text")
    if fields.get("photo") is not None and not isinstance(fields["photo"], bytes):
        raise EditError("A persona photo is image data")
    return fields


class Editor(MetricEdits, SnapshotEdits):
    """Reversible edits on one project's session, announced on its change hub."""

    def __init__(self, session: Session, hub: ChangeHub) -> None:
        self.session = session
        self.hub = hub

    # -- helpers -------------------------------------------------------------

    def _get(self, cls: type[Any], obj_id: int) -> Any:
        obj = self.session.get(cls, obj_id)
        if obj is None:
            raise EditError(f"No {cls.__name__.lower()} with id {obj_id}")
        return obj

    def _emit(self, what: What, obj_id: int, how: How, journey_id: int | None) -> None:
        self.session.flush()
        if journey_id is not None:
            journey = self.session.get(Journey, journey_id)
            if journey is not None:
                journey.modified_at = utcnow()
        self.hub.emit(Change(what, obj_id, how, journey_id))

    @staticmethod
    def _set(obj: Any, fields: dict[str, Any]) -> dict[str, Any]:
        old = {key: getattr(obj, key) for key in fields}
        for key, value in fields.items():
            setattr(obj, key, value)
        return old

    def cell_cards(self, journey: Journey, cell: Cell) -> list[Card]:
        """Cards of one cell in order (from the journey's cell index, not a scan)."""
        return cell_index(journey).ordered(cell)

    @staticmethod
    def _renumber(items: list[Any]) -> None:
        """Positions 0..n-1 in list order (cards of a cell, stages, lanes)."""
        for i, item in enumerate(items):
            if item.position != i:
                item.position = i

    def _check_cell(self, journey: Journey, cell: Cell) -> None:
        stage = self._get(Stage, cell[0])
        lane = self._get(Lane, cell[1])
        if stage.journey_id != journey.id or lane.journey_id != journey.id:
            raise EditError("That cell belongs to another journey")
        if lane.kind in (LaneKind.DIVIDER.value, LaneKind.EMOTION.value):
            raise EditError(f"Cards cannot be placed in the {lane.name!r} lane")

    # -- cards ---------------------------------------------------------------

    def add_card(
        self, journey_id: int, cell: Cell, index: int | None = None, fields: Row | None = None
    ) -> int:
        """Insert a card at ``index`` in a cell (end when None); return its id."""
        journey: Journey = self._get(Journey, journey_id)
        self._check_cell(journey, cell)
        fields = dict(fields or {})
        card_id = fields.pop("id", None)
        fields = clean_card_fields(fields)
        cards = self.cell_cards(journey, cell)
        index = len(cards) if index is None else max(0, min(index, len(cards)))
        card = Card(stage_id=cell[0], lane_id=cell[1], **fields)
        if card_id is not None:
            card.id = card_id
        cards.insert(index, card)
        journey.cards.append(card)
        self._renumber(cards)
        self.session.flush()
        self._emit(What.CARD, card.id, How.ADDED, journey_id)
        return card.id

    def append_cards(self, cards: list[tuple[int, Cell, Row]]) -> int:
        """Add many cards at the ends of their cells in one statement (CSV import).

        ``add_card`` renumbers a cell and flushes per card, which makes large imports
        quadratic. Here each cell is checked once, positions continue after the
        cell's last card, and each journey touched gets one UPDATED change (the new
        ids are not fetched). Returns the number of cards added.
        """
        if not cards:
            return 0
        self.session.flush()
        next_position: dict[Cell, int] = {}
        cell_journey: dict[Cell, int] = {}
        journeys: dict[int, Journey] = {}
        values: list[Row] = []
        for journey_id, cell, fields in cards:
            if cell not in next_position:
                journey = journeys.get(journey_id) or self._get(Journey, journey_id)
                journeys[journey_id] = journey
                self._check_cell(journey, cell)
                last = self.session.scalar(
                    select(func.max(Card.position)).where(
                        Card.stage_id == cell[0], Card.lane_id == cell[1]
                    )
                )
                next_position[cell] = 0 if last is None else last + 1
                cell_journey[cell] = journey_id
            elif cell_journey[cell] != journey_id:
                raise EditError("That cell belongs to another journey")
            if "id" in fields:
                raise EditError("Cards added together get new ids")
            values.append(
                {
                    **_CARD_DEFAULTS,
                    **clean_card_fields(fields),
                    "journey_id": journey_id,
                    "stage_id": cell[0],
                    "lane_id": cell[1],
                    "position": next_position[cell],
                }
            )
            next_position[cell] += 1
        # render_nulls: without it SQLAlchemy splits the batch wherever a None moves.
        self.session.execute(insert(Card).execution_options(render_nulls=True), values)
        now = utcnow()
        for journey_id, journey in journeys.items():
            # The cards went in without the ORM: reload the journey's list on next use.
            self.session.expire(journey, ["cards"])
            journey.modified_at = now
            self.session.flush()
            self.hub.emit(Change(What.JOURNEY, journey_id, How.UPDATED, journey_id))
        return len(values)

    def remove_card(self, card_id: int) -> Row:
        """Delete a card; return a snapshot that restore_card() puts back exactly."""
        card: Card = self._get(Card, card_id)
        journey = card.journey
        snap = row(card)
        snap["opportunities"] = card_links(self.session, card_id)
        snap["metrics"] = take_metrics(self.session, [card_id])
        cards = self.cell_cards(journey, (card.stage_id, card.lane_id))
        snap["position"] = cards.index(card)  # its place in the cell, whatever is stored
        cards.remove(card)
        self._drop_cards(journey, [card])
        self._renumber(cards)
        self._emit(What.CARD, card_id, How.REMOVED, journey.id)
        return snap

    @staticmethod
    def _drop_cards(journey: Journey, cards: list[Card]) -> None:
        """Remove cards from their journey and from the opportunities they are linked to."""
        for card in cards:
            for opp in journey.opportunities:
                if card in opp.cards:
                    opp.cards.remove(card)
            journey.cards.remove(card)

    def restore_card(self, snap: Row) -> int:
        data = dict(snap)
        links = data.pop("opportunities", [])
        metrics = data.pop("metrics", [])
        journey_id = data.pop("journey_id")
        cell = (data.pop("stage_id"), data.pop("lane_id"))
        index = data.pop("position")
        card_id = self.add_card(journey_id, cell, index, data)
        card = self._get(Card, card_id)
        for opp_id in links:
            opp = self.session.get(Opportunity, opp_id)
            if opp is not None:
                opp.cards.append(card)
        self.session.flush()
        put_metrics(self.session, metrics)
        return card_id

    def move_cards(
        self, card_ids: list[int], cell: Cell, index: int | None = None
    ) -> list[tuple[int, Cell, int]]:
        """Move cards, in the given order, to consecutive places from ``index`` in a cell.

        ``index`` counts among the target cell's cards that are not moving. Returns each
        card's old (id, cell, index) for place_cards().
        """
        cards: list[Card] = [self._get(Card, cid) for cid in card_ids]
        if not cards:
            return []
        journey = cards[0].journey
        if any(c.journey_id != journey.id for c in cards):
            raise EditError("Cards of different journeys cannot move together")
        self._check_cell(journey, cell)
        old = [
            (c.id, (c.stage_id, c.lane_id),
             self.cell_cards(journey, (c.stage_id, c.lane_id)).index(c))
            for c in cards
        ]
        self._take_out(journey, cards)
        moving = set(card_ids)
        target = [c for c in self.cell_cards(journey, cell) if c.id not in moving]
        index = len(target) if index is None else max(0, min(index, len(target)))
        for card in cards:
            card.stage_id, card.lane_id = cell
        target[index:index] = cards
        self._renumber(target)
        for card in cards:
            self._emit(What.CARD, card.id, How.MOVED, journey.id)
        return old

    def place_cards(self, places: list[tuple[int, Cell, int]]) -> None:
        """Put cards at exact (cell, index) places: the undo of move_cards()."""
        cards = {cid: self._get(Card, cid) for cid, _, _ in places}
        if not cards:
            return
        journey = next(iter(cards.values())).journey
        self._take_out(journey, list(cards.values()))
        pending = set(cards)
        for cid, cell, index in sorted(places, key=lambda p: p[2]):
            card = cards[cid]
            pending.discard(cid)
            target = [
                c for c in self.cell_cards(journey, cell) if c.id not in pending and c.id != cid
            ]
            card.stage_id, card.lane_id = cell
            target.insert(min(index, len(target)), card)
            self._renumber(target)
        for cid in cards:
            self._emit(What.CARD, cid, How.MOVED, journey.id)

    def _take_out(self, journey: Journey, cards: list[Card]) -> None:
        """Remove cards from their cells' order (they stay in the journey)."""
        moving = {c.id for c in cards}
        for source_cell in {(c.stage_id, c.lane_id) for c in cards}:
            rest = [c for c in self.cell_cards(journey, source_cell) if c.id not in moving]
            self._renumber(rest)
        for card in cards:
            card.position = -1

    def update_card(self, card_id: int, fields: Row) -> Row:
        fields = clean_card_fields(fields)
        card: Card = self._get(Card, card_id)
        old = self._set(card, fields)
        self._emit(What.CARD, card_id, How.UPDATED, card.journey_id)
        return old

    # -- stages and lanes ----------------------------------------------------

    def add_stage(
        self, journey_id: int, index: int | None = None, fields: Row | None = None
    ) -> int:
        journey: Journey = self._get(Journey, journey_id)
        fields = dict(fields or {})
        stage_id = fields.pop("id", None)
        _check_fields(fields, STAGE_FIELDS)
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

    def remove_stage(self, stage_id: int) -> Row:
        """Delete a stage with its cards and emotion points; return the snapshot."""
        stage: Stage = self._get(Stage, stage_id)
        journey = stage.journey
        cards = [c for c in journey.cards if c.stage_id == stage_id]
        points = [p for curve in journey.curves for p in curve.points if p.stage_id == stage_id]
        snap = row(stage)
        snap["cards"] = [dict(row(c), opportunities=card_links(self.session, c.id)) for c in cards]
        snap["points"] = [row(p) for p in points]
        snap["metrics"] = take_metrics(self.session, [c.id for c in cards], [stage_id])
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

    def restore_stage(self, snap: Row) -> int:
        data = dict(snap)
        cards = data.pop("cards")
        points = data.pop("points")
        metrics = data.pop("metrics", [])
        journey_id = data.pop("journey_id")
        index = data.pop("position")
        stage_id = self.add_stage(journey_id, index, data)
        for p in points:
            curve: EmotionCurve = self._get(EmotionCurve, p["curve_id"])
            curve.points.append(EmotionPoint(**p))
        self.session.flush()
        for c in sorted(cards, key=lambda c: c["position"]):
            self.restore_card(c)
        put_metrics(self.session, metrics)
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

    def update_stage(self, stage_id: int, fields: Row) -> Row:
        _check_fields(fields, STAGE_FIELDS)
        if "width" in fields:
            fields = {
                **fields,
                "width": max(MIN_STAGE_WIDTH, min(MAX_STAGE_WIDTH, float(fields["width"]))),
            }
        stage: Stage = self._get(Stage, stage_id)
        old = self._set(stage, fields)
        self._emit(What.STAGE, stage_id, How.UPDATED, stage.journey_id)
        return old

    def add_lane(self, journey_id: int, index: int | None = None, fields: Row | None = None) -> int:
        journey: Journey = self._get(Journey, journey_id)
        fields = dict(fields or {})
        lane_id = fields.pop("id", None)
        _check_fields(fields, LANE_FIELDS)
        if "kind" in fields:
            LaneKind(fields["kind"])  # raises ValueError on an unknown kind
        if "color" not in fields:  # the colour the templates give a lane of this kind
            fields["color"] = LANE_COLORS.get(LaneKind(fields.get("kind", LaneKind.TEXT)),
                                              "#f4f6f8")
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

    def remove_lane(self, lane_id: int) -> Row:
        lane: Lane = self._get(Lane, lane_id)
        journey = lane.journey
        cards = [c for c in journey.cards if c.lane_id == lane_id]
        snap = row(lane)
        snap["cards"] = [dict(row(c), opportunities=card_links(self.session, c.id)) for c in cards]
        snap["metrics"] = take_metrics(self.session, [c.id for c in cards])
        self._drop_cards(journey, cards)
        self.session.flush()
        lanes = sorted(journey.lanes, key=lambda x: x.position)
        lanes.remove(lane)
        journey.lanes.remove(lane)
        self._renumber(lanes)
        self._emit(What.LANE, lane_id, How.REMOVED, journey.id)
        return snap

    def restore_lane(self, snap: Row) -> int:
        data = dict(snap)
        cards = data.pop("cards")
        metrics = data.pop("metrics", [])
        journey_id = data.pop("journey_id")
        index = data.pop("position")
        lane_id = self.add_lane(journey_id, index, data)
        for c in sorted(cards, key=lambda c: c["position"]):
            self.restore_card(c)
        put_metrics(self.session, metrics)
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

    def update_lane(self, lane_id: int, fields: Row) -> Row:
        _check_fields(fields, LANE_FIELDS)
        lane: Lane = self._get(Lane, lane_id)
        if "kind" in fields:
            kind = LaneKind(fields["kind"])
            has_cards = any(c.lane_id == lane_id for c in lane.journey.cards)
            if has_cards and kind in (LaneKind.DIVIDER, LaneKind.EMOTION):
                raise EditError("Move or delete this lane's cards before changing its kind")
        old = self._set(lane, fields)
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
        _check_fields(fields, CURVE_FIELDS)
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

    def remove_curve(self, curve_id: int) -> Row:
        curve: EmotionCurve = self._get(EmotionCurve, curve_id)
        journey = curve.journey
        snap = row(curve)
        snap["points"] = [row(p) for p in curve.points]
        journey.curves.remove(curve)
        self._emit(What.CURVE, curve_id, How.REMOVED, journey.id)
        return snap

    def restore_curve(self, snap: Row) -> int:
        data = dict(snap)
        journey_id = data.pop("journey_id")
        return self.add_curve(journey_id, data)

    def update_curve(self, curve_id: int, fields: Row) -> Row:
        _check_fields(fields, CURVE_FIELDS)
        curve: EmotionCurve = self._get(EmotionCurve, curve_id)
        old = self._set(curve, fields)
        self._emit(What.CURVE, curve_id, How.UPDATED, curve.journey_id)
        return old

    # -- journeys ----------------------------------------------------------------

    def add_journey(self, template: str = "cjm7", name: str = "") -> int:
        journey = create_journey(self.session, template, name)
        self._emit(What.JOURNEY, journey.id, How.ADDED, journey.id)
        return journey.id

    def duplicate_journey(self, journey_id: int, name: str) -> int:
        journey: Journey = self._get(Journey, journey_id)
        last = max(j.position for j in self.session.query(Journey))
        copy = restore_journey(
            self.session,
            journey_snapshot(journey),
            new_ids=True,
            name=name,
            position=last + 1,
            created_at=utcnow(),
        )
        self._emit(What.JOURNEY, copy.id, How.ADDED, copy.id)
        return copy.id

    def remove_journey(self, journey_id: int) -> dict[str, Any]:
        journey: Journey = self._get(Journey, journey_id)
        snap = journey_snapshot(journey)
        snap["snapshot_rows"] = self.journey_snapshot_rows(journey_id)
        # The ORM does not know cards and points depend on stages and lanes: delete the
        # dependants first so SQLite's ON DELETE CASCADE finds nothing left to do.
        for opp in journey.opportunities:
            opp.cards.clear()
        take_metrics(self.session, [c.id for c in journey.cards], [s.id for s in journey.stages])
        journey.cards.clear()
        for curve in journey.curves:
            curve.points.clear()
        self.session.flush()
        self.session.delete(journey)
        self.session.flush()
        self.hub.emit(Change(What.JOURNEY, journey_id, How.REMOVED, journey_id))
        return snap

    def restore_journey(self, snap: dict[str, Any]) -> int:
        journey = restore_journey(self.session, snap)
        self.put_back_snapshot_rows(snap.get("snapshot_rows", []))
        self._emit(What.JOURNEY, journey.id, How.ADDED, journey.id)
        return journey.id

    def update_journey(self, journey_id: int, fields: Row) -> Row:
        _check_fields(fields, JOURNEY_FIELDS)
        fields = clean_review_fields(fields)
        journey: Journey = self._get(Journey, journey_id)
        old = self._set(journey, fields)
        self._emit(What.JOURNEY, journey_id, How.UPDATED, journey_id)
        return old

    # -- personas and opportunities --------------------------------------------------

    def add_persona(self, fields: Row | None = None) -> int:
        fields = dict(fields or {})
        persona_id = fields.pop("id", None)
        clean_persona_fields(fields)
        persona = Persona(**fields)
        if persona_id is not None:
            persona.id = persona_id
        self.session.add(persona)
        self.session.flush()
        self._emit(What.PERSONA, persona.id, How.ADDED, None)
        return persona.id

    def update_persona(self, persona_id: int, fields: Row) -> Row:
        clean_persona_fields(fields)
        old = self._set(self._get(Persona, persona_id), fields)
        self._emit(What.PERSONA, persona_id, How.UPDATED, None)
        return old

    def remove_persona(self, persona_id: int) -> Row:
        """Delete a persona; journeys and curves that used it keep no persona."""
        persona: Persona = self._get(Persona, persona_id)
        snap = row(persona)
        journeys = list(self.session.scalars(select(Journey).filter_by(persona_id=persona_id)))
        curves = list(self.session.scalars(select(EmotionCurve).filter_by(persona_id=persona_id)))
        snap["used_by"] = {"journeys": [j.id for j in journeys], "curves": [c.id for c in curves]}
        for journey in journeys:
            journey.persona_id = None
        for curve in curves:
            curve.persona_id = None
        self.session.delete(persona)
        self._emit(What.PERSONA, persona_id, How.REMOVED, None)
        return snap

    def restore_persona(self, snap: Row) -> int:
        data = dict(snap)
        users = data.pop("used_by", {})
        persona_id = self.add_persona(data)
        for journey_id in users.get("journeys", []):
            journey = self.session.get(Journey, journey_id)
            if journey is not None:
                journey.persona_id = persona_id
        for curve_id in users.get("curves", []):
            curve = self.session.get(EmotionCurve, curve_id)
            if curve is not None:
                curve.persona_id = persona_id
        self.session.flush()
        return persona_id

    def add_opportunity(self, journey_id: int, fields: Row | None = None) -> int:
        journey: Journey = self._get(Journey, journey_id)
        fields = dict(fields or {})
        opp_id = fields.pop("id", None)
        card_ids = fields.pop("card_ids", [])
        clean_opportunity_fields(fields)
        opp = Opportunity(**fields)
        if opp_id is not None:
            opp.id = opp_id
        journey.opportunities.append(opp)
        for card_id in card_ids:
            opp.cards.append(self._journey_card(journey_id, card_id))
        self.session.flush()
        self._emit(What.OPPORTUNITY, opp.id, How.ADDED, journey_id)
        return opp.id

    def _journey_card(self, journey_id: int, card_id: int) -> Card:
        card: Card = self._get(Card, card_id)
        if card.journey_id != journey_id:
            raise EditError("An opportunity links only to cards of its own journey")
        return card

    def update_opportunity(self, opp_id: int, fields: Row) -> Row:
        opp: Opportunity = self._get(Opportunity, opp_id)
        fields = dict(fields)
        clean_opportunity_fields({k: v for k, v in fields.items() if k != "card_ids"})
        old: Row = {}
        if "card_ids" in fields:
            old["card_ids"] = [c.id for c in opp.cards]
            opp.cards = [self._journey_card(opp.journey_id, cid)
                         for cid in fields.pop("card_ids")]
        old.update(self._set(opp, fields))
        self._emit(What.OPPORTUNITY, opp_id, How.UPDATED, opp.journey_id)
        return old

    def remove_opportunity(self, opp_id: int) -> Row:
        opp: Opportunity = self._get(Opportunity, opp_id)
        journey = opp.journey
        snap = row(opp)
        snap["card_ids"] = [c.id for c in opp.cards]
        journey.opportunities.remove(opp)
        self._emit(What.OPPORTUNITY, opp_id, How.REMOVED, journey.id)
        return snap

    def restore_opportunity(self, snap: Row) -> int:
        data = dict(snap)
        journey_id = data.pop("journey_id")
        return self.add_opportunity(journey_id, data)

    # -- imports -------------------------------------------------------------------

    def id_marks(self) -> tuple[int, int, int, int]:
        """The highest journey, stage, lane and card ids: whatever an import adds is above."""
        marks = [self.session.scalar(select(func.max(cls.id))) or 0
                 for cls in (Journey, Stage, Lane, Card)]
        return marks[0], marks[1], marks[2], marks[3]

    def remove_added_since(self, marks: tuple[int, int, int, int]) -> None:
        """Remove the journeys, stages, lanes and cards made after ``id_marks()`` (undo)."""
        journeys, stages, lanes, cards = marks
        self.session.flush()
        for journey_id in list(self.session.scalars(
                select(Journey.id).where(Journey.id > journeys).order_by(Journey.id.desc()))):
            self.remove_journey(journey_id)
        for stage_id in list(self.session.scalars(
                select(Stage.id).where(Stage.id > stages).order_by(Stage.id.desc()))):
            self.remove_stage(stage_id)
        for lane_id in list(self.session.scalars(
                select(Lane.id).where(Lane.id > lanes).order_by(Lane.id.desc()))):
            self.remove_lane(lane_id)
        added = list(self.session.scalars(select(Card).where(Card.id > cards)))
        by_journey: dict[int, list[Card]] = {}
        for card in added:
            by_journey.setdefault(card.journey_id, []).append(card)
        for journey_id, journey_cards in by_journey.items():
            journey: Journey = self._get(Journey, journey_id)
            take_metrics(self.session, [c.id for c in journey_cards])
            self._drop_cards(journey, journey_cards)  # they were appended: no gaps left
            self._emit(What.JOURNEY, journey_id, How.UPDATED, journey_id)
