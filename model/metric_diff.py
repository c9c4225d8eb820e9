"""How customer metrics moved between two states of a journey (part of model.diff).

A metric is the same one on both sides when it sits on the same card (or stage) and
has the same kind and name; several such pair up in their order. Ids are not used:
a survey re-import replaces a metric's row, and the value is what a reader follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from model.metrics import MetricKind, format_value, metric_label, normalised


@dataclass(frozen=True)
class MetricDelta:
    """One metric whose value changed, appeared or went away on a card or a stage."""

    card_id: int | None  # None for a stage's own metric
    stage_id: int | None
    where: str  # the card's text or the stage's name
    kind: str
    name: str
    unit: str
    old: float | None
    new: float | None
    range_min: float | None = None
    range_max: float | None = None
    position: int = 0  # the metric's place among its card's (or stage's) metrics

    @property
    def label(self) -> str:
        return metric_label(self.kind, self.name)

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else self.new - self.old

    @property
    def better(self) -> bool | None:
        """True when the customer is better off (a lower CES is not better: 7 = easy)."""
        if self.old is None or self.new is None or self.old == self.new:
            return None
        return (normalised(self.kind, self.new, self.range_min, self.range_max)
                > normalised(self.kind, self.old, self.range_min, self.range_max))

    def delta_text(self) -> str:
        """'+19', '-0.6', '+5 pts' ('' when one side has no value)."""
        d = self.delta
        if d is None:
            return ""
        kind = MetricKind(self.kind)
        if kind is MetricKind.NPS:
            return f"{round(d):+d}"
        if kind is MetricKind.CSAT:
            return f"{round(d):+d} pts"
        text = f"{d:+.1f}".removesuffix(".0")
        return f"{text} {self.unit}".strip() if kind is MetricKind.CUSTOM else text

    def text(self) -> str:
        """'NPS +12 → +31 (+19)' (a dash for the side without a value)."""
        before = format_value(self.kind, self.old, self.unit)
        after = format_value(self.kind, self.new, self.unit)
        change = self.delta_text()
        return f"{self.label} {before} → {after}" + (f" ({change})" if change else "")


def _key(m: dict[str, Any]) -> tuple[Any, ...]:
    return (m.get("card_id"), m.get("stage_id"), m.get("kind"), m.get("name") or "")


def _grouped(rows: Iterable[dict[str, Any]]) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for m in sorted(rows, key=lambda m: (m.get("position") or 0, m.get("id") or 0)):
        groups.setdefault(_key(m), []).append(m)
    return groups


def metric_deltas(old: dict[str, Any], new: dict[str, Any], cards: set[int],
                  stages: set[int]) -> list[MetricDelta]:
    """Metrics that moved on the ``cards`` and ``stages`` both sides have, in map order.

    A card that is new or gone is reported as such by the card diff, not here.
    """
    kinds = {k.value for k in MetricKind}

    def kept(m: dict[str, Any]) -> bool:
        card, stage = m.get("card_id"), m.get("stage_id")
        if m.get("kind") not in kinds:
            return False
        return card in cards if card is not None else stage in stages

    before = _grouped(m for m in old.get("metrics", []) if kept(m))
    after = _grouped(m for m in new.get("metrics", []) if kept(m))
    texts = {c["id"]: " ".join(c["text"].split()) for c in new["cards"]}
    names = {s["id"]: s["name"] for s in new["stages"]}
    stage_order = {s["id"]: i for i, s in enumerate(
        sorted(new["stages"], key=lambda s: (s["position"], s["id"])))}
    card_stage = {c["id"]: c["stage_id"] for c in new["cards"]}
    out: list[MetricDelta] = []
    for key in before.keys() | after.keys():
        olds, news = before.get(key, []), after.get(key, [])
        for i in range(max(len(olds), len(news))):
            o = olds[i] if i < len(olds) else None
            n = news[i] if i < len(news) else None
            old_value = o.get("value") if o else None
            new_value = n.get("value") if n else None
            if old_value == new_value:
                continue
            shown = n or o
            assert shown is not None
            card_id, stage_id = key[0], key[1]
            out.append(MetricDelta(
                card_id=card_id, stage_id=stage_id,
                where=texts.get(card_id, "") if card_id is not None else names.get(stage_id, ""),
                kind=str(key[2]), name=str(key[3]), unit=shown.get("unit") or "",
                old=old_value, new=new_value, range_min=shown.get("range_min"),
                range_max=shown.get("range_max"), position=shown.get("position") or 0))

    def order(d: MetricDelta) -> tuple[int, int, str, int]:
        stage = d.stage_id if d.card_id is None else card_stage.get(d.card_id)
        return (stage_order.get(stage, 0) if stage is not None else 0,
                0 if d.card_id is None else 1, d.where, d.position)

    return sorted(out, key=order)
