"""Plain-data snapshots of model rows: for undo, duplication and JSON export."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, object_session

from model.entities import (
    Base,
    Card,
    EmotionCurve,
    EmotionPoint,
    Journey,
    Lane,
    Metric,
    Opportunity,
    Stage,
    opportunity_cards,
)

Row = dict[str, Any]


def row(obj: Base) -> Row:
    """Every column value of one mapped object."""
    return {attr.key: getattr(obj, attr.key) for attr in inspect(obj).mapper.column_attrs}


def journey_snapshot(journey: Journey) -> dict[str, Any]:
    """Everything a journey holds, as rows."""
    return {
        "journey": row(journey),
        "stages": [row(s) for s in sorted(journey.stages, key=lambda s: s.position)],
        "lanes": [row(lane) for lane in sorted(journey.lanes, key=lambda x: x.position)],
        "cards": [row(c) for c in sorted(journey.cards, key=lambda c: (c.stage_id, c.lane_id,
                                                                        c.position))],
        "curves": [row(c) for c in sorted(journey.curves, key=lambda c: c.position)],
        "points": [row(p) for c in journey.curves for p in sorted(c.points, key=lambda p: p.id)],
        "opportunities": [row(o) for o in journey.opportunities],
        "links": [[o.id, c.id] for o in journey.opportunities for c in o.cards],
        "metrics": [row(m) for m in session_metrics(journey)],
    }


def restore_journey(
    session: Session, snap: dict[str, Any], *, new_ids: bool = False, **overrides: Any
) -> Journey:
    """Recreate a journey from a snapshot, with its own ids (undo) or fresh ones (duplicate)."""

    def make(cls: type[Any], data: Row, **extra: Any) -> Any:
        values = dict(data)
        if new_ids:
            values.pop("id", None)
        values.update(extra)
        return cls(**values)

    jdata = dict(snap["journey"])
    jdata.update(overrides)
    journey: Journey = make(Journey, jdata)
    session.add(journey)
    stage_map: dict[int, Stage] = {}
    lane_map: dict[int, Lane] = {}
    for data in snap["stages"]:
        stage = make(Stage, data, journey_id=None)
        journey.stages.append(stage)
        stage_map[data["id"]] = stage
    for data in snap["lanes"]:
        lane = make(Lane, data, journey_id=None)
        journey.lanes.append(lane)
        lane_map[data["id"]] = lane
    session.flush()
    card_map: dict[int, Card] = {}
    for data in snap["cards"]:
        card = make(
            Card,
            data,
            journey_id=None,
            stage_id=stage_map[data["stage_id"]].id,
            lane_id=lane_map[data["lane_id"]].id,
        )
        journey.cards.append(card)
        card_map[data["id"]] = card
    curve_map: dict[int, EmotionCurve] = {}
    for data in snap["curves"]:
        curve = make(EmotionCurve, data, journey_id=None)
        journey.curves.append(curve)
        curve_map[data["id"]] = curve
    opp_map: dict[int, Opportunity] = {}
    for data in snap["opportunities"]:
        opp = make(Opportunity, data, journey_id=None)
        journey.opportunities.append(opp)
        opp_map[data["id"]] = opp
    session.flush()
    for data in snap["points"]:
        curve_map[data["curve_id"]].points.append(
            make(EmotionPoint, data, curve_id=None, stage_id=stage_map[data["stage_id"]].id)
        )
    for opp_id, card_id in snap["links"]:
        opp_map[opp_id].cards.append(card_map[card_id])
    for data in snap.get("metrics", []):
        card = card_map[data["card_id"]] if data["card_id"] is not None else None
        stage = stage_map[data["stage_id"]] if data["stage_id"] is not None else None
        session.add(make(Metric, data, journey_id=journey.id,
                         card_id=card.id if card is not None else None,
                         stage_id=stage.id if stage is not None else None))
    session.flush()
    return journey


def session_metrics(journey: Journey) -> list[Metric]:
    """A journey's metrics in a stable order (they have no relationship on Journey)."""
    session = object_session(journey)
    if session is None:
        return []
    return list(session.scalars(select(Metric).where(Metric.journey_id == journey.id)
                                .order_by(Metric.id)))


def card_links(session: Session, card_id: int) -> list[int]:
    """Ids of the opportunities a card is linked to."""
    return list(
        session.scalars(
            select(opportunity_cards.c.opportunity_id).where(opportunity_cards.c.card_id == card_id)
        )
    )
