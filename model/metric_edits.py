"""Reversible edits of metrics on cards and stages (part of model.edits.Editor).

A metric change is announced as an update of the card or stage it belongs to, so
everything that shows that card or stage (badge, inspector, heat strip) refreshes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, cast

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from model.changes import Change, ChangeHub, How, What
from model.edit_error import EditError
from model.entities import Card, Journey, Metric, Stage, utcnow
from model.metrics import SCALES, MetricKind
from model.records import MetricFields
from model.snapshot import Row, row
from model.snapshot_types import MetricRow, metric_row

METRIC_FIELDS = frozenset(
    {"kind", "name", "unit", "range_min", "range_max", "value", "mean", "responses",
     "period", "source", "computed"}
)

_METRIC_DEFAULTS: Row = {
    "kind": MetricKind.NPS.value, "name": "", "unit": "", "range_min": None,
    "range_max": None, "value": None, "mean": None, "responses": None, "period": "",
    "source": "", "computed": False,
}


def _number(key: str, value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise EditError(f"The metric's {key} must be a number")
    return float(value)


def clean_metric_fields(fields: Mapping[str, Any],
                        current: Mapping[str, Any] | None = None) -> Row:
    """Metric fields checked: known kind, numbers where numbers go, a value on its scale."""
    unknown = set(fields) - METRIC_FIELDS
    if unknown:
        raise EditError(f"Unknown metric field(s): {', '.join(sorted(unknown))}")
    out = dict(fields)
    merged = {**_METRIC_DEFAULTS, **(current or {}), **out}
    if merged["kind"] not in {k.value for k in MetricKind}:
        raise EditError(f"Unknown metric kind {merged['kind']!r}")
    for key in ("name", "unit", "period", "source"):
        if key in out and not isinstance(out[key], str):
            raise EditError(f"The metric's {key} must be text")
    for key in ("range_min", "range_max", "value", "mean"):
        if key in out:
            out[key] = _number(key, out[key])
            merged[key] = out[key]
    if "responses" in out and out["responses"] is not None:
        n = out["responses"]
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise EditError("The number of responses is a whole number, 0 or more")
    if "computed" in out:
        out["computed"] = bool(out["computed"])
    kind = MetricKind(merged["kind"])
    value = merged["value"]
    if kind is MetricKind.CUSTOM:
        low, high = merged["range_min"], merged["range_max"]
        if low is not None and high is not None and low >= high:
            raise EditError("A metric's range must go upwards")
    elif value is not None:
        scale = SCALES[kind]
        if not scale.value_min <= value <= scale.value_max:
            raise EditError(
                f"{kind.value.upper()} is {scale.value_min:g}..{scale.value_max:g}, "
                f"not {value:g}"
            )
    return out


def take_metrics(session: Session, card_ids: Iterable[int] = (),
                 stage_ids: Iterable[int] = ()) -> list[MetricRow]:
    """Delete the metrics of some cards and stages; return their rows for put_metrics()."""
    cards, stages = list(card_ids), list(stage_ids)
    if not cards and not stages:
        return []
    found = list(session.scalars(select(Metric).where(
        Metric.card_id.in_(cards) | Metric.stage_id.in_(stages)).order_by(Metric.id)))
    snaps = [metric_row(m) for m in found]
    for metric in found:
        session.delete(metric)
    session.flush()
    return snaps


def put_metrics(session: Session, snaps: Iterable[MetricRow],
                card_map: dict[int, int] | None = None,
                stage_map: dict[int, int] | None = None, journey_id: int | None = None,
                new_ids: bool = False) -> None:
    """Put metric rows back (undo), or copy them onto other cards and stages (duplicate)."""
    for snap in snaps:
        data: dict[str, Any] = dict(snap)
        if new_ids:
            data.pop("id", None)
        if journey_id is not None:
            data["journey_id"] = journey_id
        if card_map is not None and data["card_id"] is not None:
            data["card_id"] = card_map[data["card_id"]]
        if stage_map is not None and data["stage_id"] is not None:
            data["stage_id"] = stage_map[data["stage_id"]]
        session.add(Metric(**data))
    session.flush()


class MetricEdits:
    """The metric half of the Editor: add, change, remove, restore, replace a survey's."""

    session: Session
    hub: ChangeHub

    def _metric(self, metric_id: int) -> Metric:
        metric = self.session.get(Metric, metric_id)
        if metric is None:
            raise EditError(f"No metric with id {metric_id}")
        return metric

    def _announce(self, journey_id: int, card_id: int | None, stage_id: int | None) -> None:
        self._announce_all(journey_id, {(card_id, stage_id)})

    def _announce_all(self, journey_id: int,
                      targets: set[tuple[int | None, int | None]]) -> None:
        """One flush, then an update of every card and stage whose metrics changed."""
        journey = self.session.get(Journey, journey_id)
        if journey is not None:
            journey.modified_at = utcnow()
        self.session.flush()
        for card_id, stage_id in sorted(targets, key=lambda k: (k[0] or 0, k[1] or 0)):
            if card_id is not None:
                self.hub.emit(Change(What.CARD, card_id, How.UPDATED, journey_id))
            elif stage_id is not None:
                self.hub.emit(Change(What.STAGE, stage_id, How.UPDATED, journey_id))

    def _target(self, card_id: int | None, stage_id: int | None) -> int:
        """The journey of a metric's card or stage (exactly one of them)."""
        if (card_id is None) == (stage_id is None):
            raise EditError("A metric belongs to one card or one stage")
        if card_id is not None:
            card = self.session.get(Card, card_id)
            if card is None:
                raise EditError(f"No card with id {card_id}")
            return card.journey_id
        stage = self.session.get(Stage, stage_id)
        if stage is None:
            raise EditError(f"No stage with id {stage_id}")
        return stage.journey_id

    def metrics_of(self, card_id: int | None = None, stage_id: int | None = None) -> list[Metric]:
        """A card's or a stage's metrics in their order (the first is the headline)."""
        where = Metric.card_id == card_id if card_id is not None else Metric.stage_id == stage_id
        return list(self.session.scalars(
            select(Metric).where(where).order_by(Metric.position, Metric.id)))

    def add_metric(self, card_id: int | None, stage_id: int | None, fields: Row | None = None,
                   index: int | None = None) -> int:
        """Add a metric to a card or stage at ``index`` (end when None); return its id."""
        journey_id = self._target(card_id, stage_id)
        data = dict(fields or {})
        metric_id = data.pop("id", None)
        data.pop("position", None)
        data = {**_METRIC_DEFAULTS, **clean_metric_fields(data)}
        siblings = self.metrics_of(card_id, stage_id)
        index = len(siblings) if index is None else max(0, min(index, len(siblings)))
        metric = Metric(journey_id=journey_id, card_id=card_id, stage_id=stage_id, **data)
        if metric_id is not None:
            metric.id = metric_id
        siblings.insert(index, metric)
        self.session.add(metric)
        for i, m in enumerate(siblings):
            m.position = i
        self._announce(journey_id, card_id, stage_id)
        return metric.id

    def update_metric(self, metric_id: int, fields: MetricFields) -> MetricFields:
        """Change some fields of a metric; return the old values."""
        metric = self._metric(metric_id)
        clean = clean_metric_fields(fields, row(metric))
        old = cast(MetricFields, {key: getattr(metric, key) for key in clean})
        for key, value in clean.items():
            setattr(metric, key, value)
        self._announce(metric.journey_id, metric.card_id, metric.stage_id)
        return old

    def remove_metric(self, metric_id: int) -> MetricRow:
        """Delete a metric; return a snapshot restore_metric() puts back at its place."""
        metric = self._metric(metric_id)
        siblings = self.metrics_of(metric.card_id, metric.stage_id)
        snap = metric_row(metric)
        snap["position"] = siblings.index(metric)
        siblings.remove(metric)
        self.session.delete(metric)
        for i, m in enumerate(siblings):
            m.position = i
        self._announce(snap["journey_id"], snap["card_id"], snap["stage_id"])
        return snap

    def restore_metric(self, snap: MetricRow) -> int:
        data = {k: v for k, v in snap.items()
                if k not in ("card_id", "stage_id", "journey_id", "position")}
        return self.add_metric(snap["card_id"], snap["stage_id"], data, snap["position"])

    def replace_survey_metrics(self, journey_id: int, source: str, kind: str,
                               rows: list[Row]) -> tuple[list[MetricRow], list[int]]:
        """Swap a survey's computed metrics of one kind for new ones (a re-import replaces).

        ``rows`` hold card_id or stage_id and the metric's fields. Returns the removed
        rows and the new ids, which is what an undo needs. One insert for all rows.
        """
        if self.session.get(Journey, journey_id) is None:
            raise EditError(f"No journey with id {journey_id}")
        old = list(self.session.scalars(select(Metric).where(
            Metric.journey_id == journey_id, Metric.source == source, Metric.kind == kind,
            Metric.computed.is_(True)).order_by(Metric.id)))
        removed = [metric_row(m) for m in old]
        for metric in old:
            self.session.delete(metric)
        self.session.flush()
        cards = set(self.session.scalars(select(Card.id).where(Card.journey_id == journey_id)))
        stages = set(self.session.scalars(select(Stage.id).where(Stage.journey_id == journey_id)))
        ends: dict[tuple[int | None, int | None], int] = {}
        for card_id, stage_id, last in self.session.execute(
            select(Metric.card_id, Metric.stage_id, Metric.position)
            .where(Metric.journey_id == journey_id)
        ):
            key = (card_id, stage_id)
            ends[key] = max(ends.get(key, -1), last)
        values: list[Row] = []
        for data in rows:
            data = dict(data)
            card_id, stage_id = data.pop("card_id", None), data.pop("stage_id", None)
            if (card_id is None) == (stage_id is None):
                raise EditError("A metric belongs to one card or one stage")
            if (card_id is not None and card_id not in cards) or (
                stage_id is not None and stage_id not in stages
            ):
                raise EditError("A survey figure points at a card or stage of another journey")
            key = (card_id, stage_id)
            ends[key] = ends.get(key, -1) + 1
            values.append({
                **_METRIC_DEFAULTS,
                **clean_metric_fields({**data, "kind": kind, "source": source,
                                       "computed": True}),
                "journey_id": journey_id, "card_id": card_id, "stage_id": stage_id,
                "position": ends[key],
            })
        new_ids: list[int] = []
        if values:
            before = self.session.scalar(select(Metric.id).order_by(Metric.id.desc()).limit(1))
            self.session.execute(insert(Metric).execution_options(render_nulls=True), values)
            new_ids = list(self.session.scalars(
                select(Metric.id).where(Metric.id > (before or 0)).order_by(Metric.id)))
        touched = {(r["card_id"], r["stage_id"]) for r in removed}
        touched |= {(v["card_id"], v["stage_id"]) for v in values}
        self._announce_all(journey_id, touched)
        return removed, new_ids

    def undo_survey_metrics(self, removed: list[MetricRow], new_ids: list[int]) -> None:
        """The exact inverse of replace_survey_metrics."""
        touched: set[tuple[int | None, int | None]] = set()
        journey_id: int | None = None
        for metric in list(self.session.scalars(select(Metric).where(Metric.id.in_(new_ids)))):
            touched.add((metric.card_id, metric.stage_id))
            journey_id = metric.journey_id
            self.session.delete(metric)
        self.session.flush()
        put_metrics(self.session, removed)
        for snap in removed:
            touched.add((snap["card_id"], snap["stage_id"]))
            journey_id = snap["journey_id"]
        if journey_id is not None:
            self._announce_all(journey_id, touched)
