"""Typed records that cross from the model to the UI: what a panel shows, what it edits.

Plain TypedDicts (no ORM, no Qt): the document fills them from the session, widgets
show them, and edits come back as the partial ``*Fields`` forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypedDict, TypeVar


class CardFields(TypedDict, total=False):
    """Any subset of a card's editable fields (what an edit changes)."""

    kind: str
    text: str
    color: str
    notes: str
    channel: str
    department: str
    owner: str
    usage_share: float | None
    severity: int | None


# What a card holds for a field nobody gave it (a new card, an inspector with nothing shown).
CARD_DEFAULTS: CardFields = {
    "kind": "note",
    "text": "",
    "color": "",
    "notes": "",
    "channel": "",
    "department": "",
    "owner": "",
    "usage_share": None,
    "severity": None,
}


class CardRecord(TypedDict):
    """Everything the inspector shows of one card."""

    id: int
    kind: str
    text: str
    color: str
    notes: str
    channel: str
    department: str
    owner: str
    usage_share: float | None
    severity: int | None


class StageFields(TypedDict, total=False):
    name: str
    description: str
    color: str
    width: float


class StageRecord(TypedDict):
    id: int
    name: str
    description: str
    color: str
    width: float


class LaneFields(TypedDict, total=False):
    name: str
    kind: str
    color: str


class LaneRecord(TypedDict):
    id: int
    name: str
    kind: str
    color: str


class JourneyFields(TypedDict, total=False):
    name: str
    objective: str
    scenario: str
    persona_id: int | None
    owner: str
    next_review: dt.date | None
    review_interval_months: int


class CurveFields(TypedDict, total=False):
    """Any subset of an emotion curve's editable fields."""

    name: str
    color: str
    persona_id: int | None


class HeaderFields(TypedDict, total=False):
    """What a stage and a lane header both let the user change in place."""

    name: str
    color: str


class SnapshotFields(TypedDict, total=False):
    label: str


class JourneyRecord(TypedDict):
    """What the journey header shows."""

    id: int
    name: str
    objective: str
    persona_id: int | None


class NamedRef(TypedDict):
    """An id and the name a list or menu shows for it (journeys, personas, curves)."""

    id: int
    name: str


class PersonaFields(TypedDict, total=False):
    """Any subset of a persona's editable fields."""

    name: str
    role: str
    goals: str
    needs: str
    frustrations: str
    quote: str
    photo: bytes | None
    notes: str


class PersonaRecord(TypedDict):
    """Everything the persona library shows of one persona (photo: prepared PNG/JPEG)."""

    id: int
    name: str
    role: str
    goals: str
    needs: str
    frustrations: str
    quote: str
    photo: bytes | None
    notes: str


class CurveRecord(TypedDict):
    """An emotion curve as the persona picker shows it."""

    id: int
    name: str
    persona_id: int | None


class OpportunityFields(TypedDict, total=False):
    """Any subset of an opportunity's editable fields; card_ids replaces its links."""

    title: str
    description: str
    owner: str
    importance: int
    cost: int
    ease: int
    status: str
    due_date: dt.date | None
    card_ids: list[int]


class LinkedCard(TypedDict):
    id: int
    kind: str
    text: str
    department: str


class OpportunityRecord(TypedDict):
    """One row of the opportunity register; priority is computed (model/scoring.py)."""

    id: int
    title: str
    owner: str
    importance: int
    cost: int
    ease: int
    priority: float
    status: str
    due_date: dt.date | None
    cards: list[LinkedCard]
    description: str


class EmotionPointRecord(TypedDict):
    curve_id: int
    stage_id: int
    value: int
    note: str


class HeaderKind(StrEnum):
    """Which kind of header a gesture on a header concerns."""

    STAGE = "stage"
    LANE = "lane"


class Shown(StrEnum):
    """What the inspector shows: one card, stage or lane, nothing, or a multi-selection."""

    CARD = "card"
    STAGE = "stage"
    LANE = "lane"
    NOTHING = "nothing"
    MULTIPLE = "multiple"


F = TypeVar("F", bound=Mapping[str, object])


@dataclass(frozen=True)
class FieldsEdit(Generic[F]):
    """A user's edit of one object's fields, with only the fields the user changed."""

    target_id: int
    fields: F


class Target(StrEnum):
    """What a context menu was asked for."""

    CARD = "card"
    STAGE = "stage"
    LANE = "lane"
    CELL = "cell"


class MetricFields(TypedDict, total=False):
    """Any subset of a metric's editable fields."""

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


class MetricRecord(TypedDict):
    """One metric of a card or stage as the inspector lists it."""

    id: int
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


@dataclass(frozen=True)
class CardBadge:
    """What a card shows besides its text: its headline metric and its usage share."""

    headline: str = ""  # "NPS +42 · n=25*"; empty without a metric
    small_sample: bool = False
    usage: str = ""  # "12 % use it"; empty when unknown or not a touchpoint
    heat: float | None = None  # the headline on 0 (worst) .. 1 (best), for the heat strip
    votes: int | None = None  # dots in the voting round shown; None: not voted on / no round


@dataclass(frozen=True)
class HeatCell:
    """A stage's place on the heat strip: what it says and where it sits on the scale."""

    label: str
    heat: float | None  # 0 (worst) .. 1 (best); None: no figure for this stage


class SnapshotRecord(TypedDict):
    """One stored snapshot as the Snapshots panel lists it."""

    id: int
    journey_id: int
    label: str
    taken_at: dt.datetime
    card_count: int


class ReviewRecord(TypedDict):
    """A journey's review cadence, as the Review dialog and banner show it."""

    journey_id: int
    name: str
    next_review: dt.date | None
    interval_months: int
