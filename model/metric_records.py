"""Metrics as the UI shows them: a card's or stage's list, and each card's badge."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.entities import Card, CardKind, Metric
from model.metrics import badge_text, is_small_sample, normalised, usage_text
from model.records import CardBadge, HeatCell, MetricRecord


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


def _firsts(session: Session, journey_id: int, kind: str | None
            ) -> tuple[dict[int, Metric], dict[int, Metric]]:
    """The first metric (of one kind, or of any) of every card and stage of a journey."""
    cards: dict[int, Metric] = {}
    stages: dict[int, Metric] = {}
    query = select(Metric).where(Metric.journey_id == journey_id)
    if kind is not None:
        query = query.where(Metric.kind == kind)
    for m in session.scalars(query.order_by(Metric.position.desc(), Metric.id.desc())):
        if m.card_id is not None:
            cards[m.card_id] = m
        elif m.stage_id is not None:
            stages[m.stage_id] = m
    return cards, stages


def card_badges(session: Session, journey_id: int,
                heat_kind: str | None = None) -> dict[int, CardBadge]:
    """Badges of the cards that have a metric or (touchpoints) a usage share.

    ``heat`` is the card's metric of ``heat_kind`` (its headline when None) on 0..1.
    """
    firsts, _ = _firsts(session, journey_id, None)
    heats = firsts if heat_kind is None else _firsts(session, journey_id, heat_kind)[0]
    usage: dict[int, float | None] = {
        card_id: share for card_id, share in session.execute(
            select(Card.id, Card.usage_share).where(
                Card.journey_id == journey_id, Card.kind == CardKind.TOUCHPOINT.value,
                Card.usage_share.is_not(None)))}
    badges: dict[int, CardBadge] = {}
    for card_id in firsts.keys() | usage.keys():
        m = firsts.get(card_id)
        h = heats.get(card_id)
        badges[card_id] = CardBadge(
            headline=badge_text(m.kind, m.value, m.responses, m.name, m.unit) if m else "",
            small_sample=m is not None and is_small_sample(m.responses),
            usage=usage_text(usage.get(card_id)),
            heat=_heat(h) if h else None,
        )
    return badges


def stage_heat(session: Session, journey_id: int,
               heat_kind: str | None = None) -> dict[int, HeatCell]:
    """Each stage on the heat strip: its own metric, else the mean of its touchpoints'."""
    cards, stages = _firsts(session, journey_id, heat_kind)
    cells: dict[int, HeatCell] = {}
    for stage_id, m in stages.items():
        cells[stage_id] = HeatCell(badge_text(m.kind, m.value, m.responses, m.name, m.unit),
                                   _heat(m))
    stage_of: dict[int, int] = {
        card_id: stage_id for card_id, stage_id in session.execute(
            select(Card.id, Card.stage_id).where(Card.id.in_(list(cards))))}
    pooled: dict[int, list[float]] = {}
    for card_id, m in cards.items():
        h = _heat(m)
        if h is not None and card_id in stage_of:
            pooled.setdefault(stage_of[card_id], []).append(h)
    for stage_id, heats in pooled.items():
        if stage_id not in cells or cells[stage_id].heat is None:
            n = len(heats)
            label = f"mean of {n} touchpoint" + ("s" if n != 1 else "")
            cells[stage_id] = HeatCell(label, sum(heats) / n)
    return cells
