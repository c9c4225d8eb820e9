"""Metrics as the UI shows them: a card's or stage's list, and each card's badge."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.entities import Card, CardKind, Metric
from model.metrics import badge_text, is_small_sample, normalised, usage_text
from model.records import CardBadge, MetricRecord


def metric_record(m: Metric) -> MetricRecord:
    return MetricRecord(
        id=m.id, kind=m.kind, name=m.name, unit=m.unit, range_min=m.range_min,
        range_max=m.range_max, value=m.value, mean=m.mean, responses=m.responses,
        period=m.period, source=m.source, computed=bool(m.computed),
    )


def metric_records(session: Session, card_id: int | None = None,
                   stage_id: int | None = None) -> list[MetricRecord]:
    """A card's or a stage's metrics in order; the first is the headline."""
    where = Metric.card_id == card_id if card_id is not None else Metric.stage_id == stage_id
    return [metric_record(m) for m in
            session.scalars(select(Metric).where(where).order_by(Metric.position, Metric.id))]


def _heat(m: Metric) -> float | None:
    if m.value is None:
        return None
    return normalised(m.kind, m.value, m.range_min, m.range_max)


def headlines(session: Session, journey_id: int) -> tuple[dict[int, Metric], dict[int, Metric]]:
    """The first metric of every card and of every stage of a journey."""
    cards: dict[int, Metric] = {}
    stages: dict[int, Metric] = {}
    for m in session.scalars(select(Metric).where(Metric.journey_id == journey_id)
                             .order_by(Metric.position.desc(), Metric.id.desc())):
        if m.card_id is not None:
            cards[m.card_id] = m
        elif m.stage_id is not None:
            stages[m.stage_id] = m
    return cards, stages


def card_badges(session: Session, journey_id: int) -> dict[int, CardBadge]:
    """Badges of the cards that have a metric or (touchpoints) a usage share."""
    firsts, _ = headlines(session, journey_id)
    usage: dict[int, float | None] = {
        card_id: share for card_id, share in session.execute(
            select(Card.id, Card.usage_share).where(
                Card.journey_id == journey_id, Card.kind == CardKind.TOUCHPOINT.value,
                Card.usage_share.is_not(None)))}
    badges: dict[int, CardBadge] = {}
    for card_id in firsts.keys() | usage.keys():
        m = firsts.get(card_id)
        badges[card_id] = CardBadge(
            headline=badge_text(m.kind, m.value, m.responses, m.name, m.unit) if m else "",
            small_sample=m is not None and is_small_sample(m.responses),
            usage=usage_text(usage.get(card_id)),
            heat=_heat(m) if m else None,
        )
    return badges


def stage_heat(session: Session, journey_id: int) -> dict[int, tuple[str, float | None]]:
    """Each stage's headline metric as (badge text, 0..1 heat), for the heat strip."""
    _, firsts = headlines(session, journey_id)
    return {
        stage_id: (badge_text(m.kind, m.value, m.responses, m.name, m.unit), _heat(m))
        for stage_id, m in firsts.items()
    }
