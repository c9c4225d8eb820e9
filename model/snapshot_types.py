"""Typed undo snapshots: what a remove_*() returns and its restore_*() takes back.

Each ``*Row`` lists every column of one table (``row()`` copies them all, so a column
added to the schema is kept by undo even before it is listed here; a test checks that
these lists and the tables agree). A ``*Snapshot`` is a row plus what was removed with
it (links, metrics, the cards of a stage), enough to put everything back exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict, cast

from model.entities import (
    Card,
    EmotionCurve,
    EmotionPoint,
    Lane,
    Metric,
    Opportunity,
    Persona,
    Snapshot,
    Stage,
)
from model.snapshot import row


class CardRow(TypedDict):
    id: int
    journey_id: int
    stage_id: int
    lane_id: int
    position: int
    kind: str
    text: str
    color: str
    notes: str
    channel: str
    department: str
    owner: str
    usage_share: float | None
    severity: int | None


class MetricRow(TypedDict):
    id: int
    journey_id: int
    card_id: int | None
    stage_id: int | None
    position: int
    kind: str
    name: str
    unit: str
    range_min: float | None
    range_max: float | None
    value: float | None
    mean: float | None
    responses: int | None
    period: str
    source: str
    computed: bool


class PointRow(TypedDict):
    id: int
    curve_id: int
    stage_id: int
    value: int
    note: str


class StageRow(TypedDict):
    id: int
    journey_id: int
    position: int
    name: str
    description: str
    color: str
    width: float


class LaneRow(TypedDict):
    id: int
    journey_id: int
    position: int
    name: str
    kind: str
    color: str


class CurveRow(TypedDict):
    id: int
    journey_id: int
    position: int
    name: str
    persona_id: int | None
    color: str


class PersonaRow(TypedDict):
    id: int
    name: str
    role: str
    goals: str
    needs: str
    frustrations: str
    quote: str
    photo: bytes | None
    notes: str


class OpportunityRow(TypedDict):
    id: int
    journey_id: int
    title: str
    description: str
    owner: str
    importance: int
    cost: int
    ease: int
    status: str
    due_date: dt.date | None


class SnapshotRow(TypedDict):
    """A stored snapshot of a journey (the packed journey in ``data``)."""

    id: int
    journey_id: int
    label: str
    taken_at: dt.datetime
    card_count: int
    data: bytes


class VoteRow(TypedDict):
    """Dots one participant put on one card in a voting round (schema v6)."""

    round_id: int
    card_id: int
    participant: str
    count: int


class CardSnapshot(CardRow):
    """A removed card: its row (position = its place in the cell) and what hung on it."""

    opportunities: list[int]  # the opportunities it was linked to
    metrics: list[MetricRow]  # empty when a stage or lane holds the card (and its metrics)
    votes: list[VoteRow]  # its dots in every voting round


class StageSnapshot(StageRow):
    """A removed stage with its cards, emotion points and metrics."""

    cards: list[CardSnapshot]
    points: list[PointRow]
    metrics: list[MetricRow]


class LaneSnapshot(LaneRow):
    """A removed lane with its cards and their metrics."""

    cards: list[CardSnapshot]
    metrics: list[MetricRow]
    view_lanes: list[list[int]]  # [view id, lane id] of the saved views that hid it


class CurveSnapshot(CurveRow):
    points: list[PointRow]


class PersonaUsers(TypedDict):
    """What used a removed persona (they keep no persona until it is restored)."""

    journeys: list[int]
    curves: list[int]
    views: list[int]  # saved views showing only its curves


class PersonaSnapshot(PersonaRow):
    used_by: PersonaUsers


class OpportunitySnapshot(OpportunityRow):
    card_ids: list[int]  # the cards it was linked to


def card_row(card: Card) -> CardRow:
    return cast(CardRow, row(card))


def metric_row(metric: Metric) -> MetricRow:
    return cast(MetricRow, row(metric))


def point_row(point: EmotionPoint) -> PointRow:
    return cast(PointRow, row(point))


def stage_row(stage: Stage) -> StageRow:
    return cast(StageRow, row(stage))


def lane_row(lane: Lane) -> LaneRow:
    return cast(LaneRow, row(lane))


def curve_row(curve: EmotionCurve) -> CurveRow:
    return cast(CurveRow, row(curve))


def persona_row(persona: Persona) -> PersonaRow:
    return cast(PersonaRow, row(persona))


def opportunity_row(opportunity: Opportunity) -> OpportunityRow:
    return cast(OpportunityRow, row(opportunity))


def snapshot_row(snapshot: Snapshot) -> SnapshotRow:
    return cast(SnapshotRow, row(snapshot))
