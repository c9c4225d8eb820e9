"""SQLAlchemy mapped classes for everything a .cjm project file holds."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from model.style import CURVE_COLORS, DEFAULT_STAGE_WIDTH, LANE_DEFAULT_COLOR, STAGE_DEFAULT_COLOR
from model.style import EMOTION_MAX as EMOTION_MAX  # the scale is a data rule too
from model.style import EMOTION_MIN as EMOTION_MIN

SCORE_MIN = 1
SCORE_MAX = 5


class CardKind(StrEnum):
    TOUCHPOINT = "touchpoint"
    ACTION = "action"
    THOUGHT = "thought"
    PAIN_POINT = "pain_point"
    OPPORTUNITY = "opportunity"
    BACKSTAGE = "backstage"
    NOTE = "note"


class LaneKind(StrEnum):
    ACTIONS = "actions"
    THOUGHTS = "thoughts"
    TOUCHPOINTS = "touchpoints"
    CHANNELS = "channels"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    BACKSTAGE = "backstage"
    EMOTION = "emotion"
    METRICS = "metrics"
    EVIDENCE = "evidence"
    FRONTSTAGE = "frontstage"
    SUPPORT = "support"
    TEXT = "text"
    # A thin labelled line (e.g. "line of visibility") that holds no cards.
    DIVIDER = "divider"


class OpportunityStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class Base(DeclarativeBase):
    pass


opportunity_cards = Table(
    "opportunity_cards",
    Base.metadata,
    Column(
        "opportunity_id",
        Integer,
        ForeignKey("opportunities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("card_id", Integer, ForeignKey("cards.id", ondelete="CASCADE"), primary_key=True),
)


class Persona(Base):
    __tablename__ = "personas"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, default="")
    role: Mapped[str] = mapped_column(String, default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    frustrations: Mapped[str] = mapped_column(Text, default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, default=None)
    # Free notes (schema v3; the DEFAULT lets version 2 files gain the column).
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")


class Journey(Base):
    __tablename__ = "journeys"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String, default="")
    objective: Mapped[str] = mapped_column(Text, default="")
    scenario: Mapped[str] = mapped_column(Text, default="")
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="SET NULL"), nullable=True, default=None
    )
    owner: Mapped[str] = mapped_column(String, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    next_review: Mapped[dt.date | None] = mapped_column(Date, nullable=True, default=None)
    # Months from one review to the next (the method's rule of thumb is three).
    review_interval_months: Mapped[int] = mapped_column(
        Integer, default=3, server_default=text("3")
    )

    persona: Mapped[Persona | None] = relationship()
    stages: Mapped[list[Stage]] = relationship(
        back_populates="journey", order_by="Stage.position", cascade="all, delete-orphan"
    )
    lanes: Mapped[list[Lane]] = relationship(
        back_populates="journey", order_by="Lane.position", cascade="all, delete-orphan"
    )
    cards: Mapped[list[Card]] = relationship(
        back_populates="journey", order_by="Card.position", cascade="all, delete-orphan"
    )
    curves: Mapped[list[EmotionCurve]] = relationship(
        back_populates="journey", order_by="EmotionCurve.position", cascade="all, delete-orphan"
    )
    opportunities: Mapped[list[Opportunity]] = relationship(
        back_populates="journey", order_by="Opportunity.id", cascade="all, delete-orphan"
    )


class Stage(Base):
    __tablename__ = "stages"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String, default=STAGE_DEFAULT_COLOR)
    width: Mapped[float] = mapped_column(Float, default=DEFAULT_STAGE_WIDTH)

    journey: Mapped[Journey] = relationship(back_populates="stages")


class Lane(Base):
    __tablename__ = "lanes"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String, default="")
    kind: Mapped[str] = mapped_column(String, default=LaneKind.TEXT.value)
    color: Mapped[str] = mapped_column(String, default=LANE_DEFAULT_COLOR)

    journey: Mapped[Journey] = relationship(back_populates="lanes")


class Card(Base):
    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))
    lane_id: Mapped[int] = mapped_column(ForeignKey("lanes.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String, default=CardKind.NOTE.value)
    text: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str] = mapped_column(String, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String, default="")
    department: Mapped[str] = mapped_column(String, default="")
    # Who is responsible for this card's topic, for every kind (schema v3).
    owner: Mapped[str] = mapped_column(String, default="", server_default="")
    # Share of customers who use this touchpoint, 0..1; None when unknown.
    usage_share: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    # Pain-point severity 1 (minor) .. 5 (critical); None when not rated.
    severity: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)

    journey: Mapped[Journey] = relationship(back_populates="cards")


class EmotionCurve(Base):
    __tablename__ = "emotion_curves"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String, default="")
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="SET NULL"), nullable=True, default=None
    )
    color: Mapped[str] = mapped_column(String, default=CURVE_COLORS[0])

    journey: Mapped[Journey] = relationship(back_populates="curves")
    points: Mapped[list[EmotionPoint]] = relationship(
        back_populates="curve", cascade="all, delete-orphan"
    )


class EmotionPoint(Base):
    """One emotion value per stage per curve, on the scale EMOTION_MIN..EMOTION_MAX."""

    __tablename__ = "emotion_points"
    __table_args__ = (UniqueConstraint("curve_id", "stage_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    curve_id: Mapped[int] = mapped_column(ForeignKey("emotion_curves.id", ondelete="CASCADE"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"))
    value: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    curve: Mapped[EmotionCurve] = relationship(back_populates="points")


class Opportunity(Base):
    __tablename__ = "opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String, default="")
    importance: Mapped[int] = mapped_column(Integer, default=3)
    cost: Mapped[int] = mapped_column(Integer, default=3)
    ease: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[str] = mapped_column(String, default=OpportunityStatus.IDEA.value)
    due_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, default=None)

    journey: Mapped[Journey] = relationship(back_populates="opportunities")
    cards: Mapped[list[Card]] = relationship(secondary=opportunity_cards, order_by="Card.id")


class Metric(Base):
    """A customer metric (NPS, CSAT, CES, custom) on a touchpoint card or on a stage.

    ``computed`` values come from imported answers (``source`` names the survey, so a
    re-import replaces them); a value typed by hand is kept exactly as typed.
    """

    __tablename__ = "metrics"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    card_id: Mapped[int | None] = mapped_column(
        ForeignKey("cards.id", ondelete="CASCADE"), nullable=True, default=None
    )
    stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("stages.id", ondelete="CASCADE"), nullable=True, default=None
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String, default="nps")
    name: Mapped[str] = mapped_column(String, default="")
    unit: Mapped[str] = mapped_column(String, default="")
    range_min: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    range_max: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    value: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    mean: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    responses: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    period: Mapped[str] = mapped_column(String, default="")
    source: Mapped[str] = mapped_column(String, default="")
    computed: Mapped[bool] = mapped_column(Boolean, default=False)


class Snapshot(Base):
    """A labelled, dated copy of one journey, packed by model.review.encode_snapshot."""

    __tablename__ = "snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String, default="")
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    card_count: Mapped[int] = mapped_column(Integer, default=0)
    # Loaded only when a snapshot is opened: listing them reads no blobs.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


saved_view_lanes = Table(
    "saved_view_lanes",
    Base.metadata,
    Column("view_id", Integer, ForeignKey("saved_views.id", ondelete="CASCADE"),
           primary_key=True),
    Column("lane_id", Integer, ForeignKey("lanes.id", ondelete="CASCADE"), primary_key=True),
)


class SavedView(Base):
    """A named view of a journey (schema v6): hidden lanes, one persona's curves, zoom."""

    __tablename__ = "saved_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String, default="")
    zoom: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)  # None: fit
    highlight_kind: Mapped[str | None] = mapped_column(String, nullable=True, default=None)
    # Only this persona's curves; None: every curve.
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="SET NULL"), nullable=True, default=None
    )


class VoteRound(Base):
    """A dot-voting round on a journey's pain points and/or opportunities (schema v6)."""

    __tablename__ = "vote_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    journey_id: Mapped[int] = mapped_column(ForeignKey("journeys.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String, default="")
    dots: Mapped[int] = mapped_column(Integer, default=3)  # per participant
    pain_points: Mapped[bool] = mapped_column(Boolean, default=True)
    opportunities: Mapped[bool] = mapped_column(Boolean, default=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Vote(Base):
    """How many dots one participant put on one card in a round ('' = entered directly)."""

    __tablename__ = "votes"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("vote_rounds.id", ondelete="CASCADE"), primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("cards.id", ondelete="CASCADE"), primary_key=True)
    participant: Mapped[str] = mapped_column(String, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=1)


# Indexes the hot queries use (cards of a cell, children of a journey).

Index("ix_cards_cell", Card.stage_id, Card.lane_id, Card.position)
Index("ix_cards_journey", Card.journey_id)
Index("ix_stages_journey", Stage.journey_id)
Index("ix_lanes_journey", Lane.journey_id)
Index("ix_curves_journey", EmotionCurve.journey_id)
Index("ix_points_stage", EmotionPoint.stage_id)
Index("ix_opportunities_journey", Opportunity.journey_id)
Index("ix_opportunity_cards_card", opportunity_cards.c.card_id)
Index("ix_metrics_journey", Metric.journey_id)
Index("ix_metrics_card", Metric.card_id)
Index("ix_metrics_stage", Metric.stage_id)
Index("ix_snapshots_journey", Snapshot.journey_id)
Index("ix_saved_views_journey", SavedView.journey_id)
Index("ix_saved_view_lanes_lane", saved_view_lanes.c.lane_id)
Index("ix_vote_rounds_journey", VoteRound.journey_id)
Index("ix_votes_card", Vote.card_id)
