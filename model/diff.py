"""What changed between two states of a journey (a snapshot and now): pure data in, data out.

Both sides are ``model.snapshot.journey_snapshot`` dicts. Rows are matched by id: a
snapshot keeps the ids of the journey it was taken from, so a card that was edited,
moved or left alone is the same card on both sides (``model.card_ids`` makes sure a
deleted card's id is never given to a new one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from model.metric_diff import MetricDelta, metric_deltas

# The card fields whose change makes a card "changed" (position within a cell is not
# one: inserting a card above another is not a change of that other card).
CARD_COMPARED = ("kind", "text", "color", "notes", "channel", "department", "usage_share",
                 "severity")


class CardStatus(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True)
class CardDiff:
    """One card that differs; ``moved`` is also set for a changed card in another cell."""

    card_id: int
    status: CardStatus
    text: str
    stage: str  # where it is now (where it was, for a removed card)
    lane: str
    fields: tuple[str, ...] = ()
    moved: bool = False
    old_stage: str = ""
    old_lane: str = ""
    # A removed card: the cell it was in (stage id, lane id), its kind and its place
    # there, so that compare mode can draw it as a ghost.
    old_cell: tuple[int, int] | None = None
    kind: str = ""
    old_index: int = 0


@dataclass(frozen=True)
class StageDiff:
    stage_id: int
    name: str
    added: bool = False
    removed: bool = False
    old_index: int | None = None
    new_index: int | None = None
    old_name: str = ""  # set when renamed

    @property
    def moved(self) -> bool:
        return (not self.added and not self.removed and self.old_index != self.new_index)


@dataclass(frozen=True)
class LaneDiff:
    lane_id: int
    name: str
    added: bool = False
    removed: bool = False
    old_name: str = ""  # set when renamed
    moved: bool = False


@dataclass(frozen=True)
class EmotionDelta:
    """A stage whose value on one curve changed (None: no value on that side)."""

    curve_id: int
    curve: str
    stage_id: int
    stage: str
    old: int | None
    new: int | None

    @property
    def delta(self) -> int | None:
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True)
class OpportunityDiff:
    opportunity_id: int
    title: str
    old_status: str | None  # None: added since
    new_status: str | None  # None: removed since


@dataclass(frozen=True)
class JourneyDiff:
    cards: list[CardDiff] = field(default_factory=list)
    stages: list[StageDiff] = field(default_factory=list)
    lanes: list[LaneDiff] = field(default_factory=list)
    emotions: list[EmotionDelta] = field(default_factory=list)
    opportunities: list[OpportunityDiff] = field(default_factory=list)
    metrics: list[MetricDelta] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.cards or self.stages or self.lanes or self.emotions
                    or self.opportunities or self.metrics)

    def count(self, status: CardStatus) -> int:
        return sum(1 for c in self.cards if c.status is status)


def _by_id(rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {r["id"]: r for r in rows}


def _ordered_ids(rows: list[dict[str, Any]]) -> list[int]:
    return [r["id"] for r in sorted(rows, key=lambda r: (r["position"], r["id"]))]


def _stages(old: dict[str, Any], new: dict[str, Any]) -> list[StageDiff]:
    o, n = _by_id(old["stages"]), _by_id(new["stages"])
    kept_old = [i for i in _ordered_ids(old["stages"]) if i in n]
    kept_new = [i for i in _ordered_ids(new["stages"]) if i in o]
    out: list[StageDiff] = []
    for index, sid in enumerate(_ordered_ids(new["stages"])):
        if sid not in o:
            out.append(StageDiff(sid, n[sid]["name"], added=True, new_index=index))
            continue
        renamed = o[sid]["name"] != n[sid]["name"]
        # Moved: its place among the stages both sides have changed (so adding a stage
        # before it does not count as moving it).
        old_rank, new_rank = kept_old.index(sid), kept_new.index(sid)
        if renamed or old_rank != new_rank:
            out.append(StageDiff(sid, n[sid]["name"], old_index=old_rank, new_index=new_rank,
                                 old_name=o[sid]["name"] if renamed else ""))
    out += [StageDiff(sid, o[sid]["name"], removed=True, old_index=i)
            for i, sid in enumerate(_ordered_ids(old["stages"])) if sid not in n]
    return out


def _lanes(old: dict[str, Any], new: dict[str, Any]) -> list[LaneDiff]:
    o, n = _by_id(old["lanes"]), _by_id(new["lanes"])
    kept_old = [i for i in _ordered_ids(old["lanes"]) if i in n]
    kept_new = [i for i in _ordered_ids(new["lanes"]) if i in o]
    out: list[LaneDiff] = []
    for lid in _ordered_ids(new["lanes"]):
        if lid not in o:
            out.append(LaneDiff(lid, n[lid]["name"], added=True))
            continue
        renamed = o[lid]["name"] != n[lid]["name"]
        moved = kept_old.index(lid) != kept_new.index(lid)
        if renamed or moved:
            out.append(LaneDiff(lid, n[lid]["name"], old_name=o[lid]["name"] if renamed else "",
                                moved=moved))
    out += [LaneDiff(lid, o[lid]["name"], removed=True)
            for lid in _ordered_ids(old["lanes"]) if lid not in n]
    return out


def _cards(old: dict[str, Any], new: dict[str, Any]) -> list[CardDiff]:
    o, n = _by_id(old["cards"]), _by_id(new["cards"])
    old_stage = {s["id"]: s["name"] for s in old["stages"]}
    old_lane = {x["id"]: x["name"] for x in old["lanes"]}
    new_stage = {s["id"]: s["name"] for s in new["stages"]}
    new_lane = {x["id"]: x["name"] for x in new["lanes"]}
    stage_order = {sid: i for i, sid in enumerate(_ordered_ids(new["stages"]))}
    lane_order = {lid: i for i, lid in enumerate(_ordered_ids(new["lanes"]))}
    out: list[CardDiff] = []
    for card in sorted(new["cards"], key=lambda c: (stage_order.get(c["stage_id"], 0),
                                                    lane_order.get(c["lane_id"], 0),
                                                    c["position"])):
        cid = card["id"]
        here = (new_stage.get(card["stage_id"], ""), new_lane.get(card["lane_id"], ""))
        before = o.get(cid)
        if before is None:
            out.append(CardDiff(cid, CardStatus.ADDED, card["text"], *here))
            continue
        fields = tuple(f for f in CARD_COMPARED if before.get(f) != card.get(f))
        moved = (before["stage_id"], before["lane_id"]) != (card["stage_id"], card["lane_id"])
        if fields or moved:
            out.append(CardDiff(
                cid, CardStatus.CHANGED if fields else CardStatus.MOVED, card["text"], *here,
                fields=fields, moved=moved,
                old_stage=old_stage.get(before["stage_id"], "") if moved else "",
                old_lane=old_lane.get(before["lane_id"], "") if moved else "",
            ))
    old_order: dict[tuple[int, int], list[int]] = {}
    for card in sorted(old["cards"], key=lambda c: (c["position"], c["id"])):
        old_order.setdefault((card["stage_id"], card["lane_id"]), []).append(card["id"])
    for card in old["cards"]:
        if card["id"] not in n:
            cell = (card["stage_id"], card["lane_id"])
            out.append(CardDiff(card["id"], CardStatus.REMOVED, card["text"],
                                old_stage.get(card["stage_id"], ""),
                                old_lane.get(card["lane_id"], ""), old_cell=cell,
                                kind=card.get("kind") or "",
                                old_index=old_order[cell].index(card["id"])))
    return out


def _emotions(old: dict[str, Any], new: dict[str, Any]) -> list[EmotionDelta]:
    old_points = {(p["curve_id"], p["stage_id"]): p["value"] for p in old["points"]}
    new_points = {(p["curve_id"], p["stage_id"]): p["value"] for p in new["points"]}
    stage_names = {s["id"]: s["name"] for s in old["stages"]} | {
        s["id"]: s["name"] for s in new["stages"]}
    curve_names = {c["id"]: c["name"] for c in old["curves"]} | {
        c["id"]: c["name"] for c in new["curves"]}
    stage_order = {sid: i for i, sid in enumerate(_ordered_ids(new["stages"]))}
    # Only curves and stages both sides have: a new stage is reported as a new stage.
    curves = set(_by_id(old["curves"])) & set(_by_id(new["curves"]))
    stages = set(_by_id(old["stages"])) & set(_by_id(new["stages"]))
    out = []
    for key in sorted(set(old_points) | set(new_points),
                      key=lambda k: (k[0], stage_order.get(k[1], 0))):
        curve_id, stage_id = key
        if curve_id not in curves or stage_id not in stages:
            continue
        before, after = old_points.get(key), new_points.get(key)
        if before != after:
            out.append(EmotionDelta(curve_id, curve_names[curve_id], stage_id,
                                    stage_names[stage_id], before, after))
    return out


def _opportunities(old: dict[str, Any], new: dict[str, Any]) -> list[OpportunityDiff]:
    o, n = _by_id(old["opportunities"]), _by_id(new["opportunities"])
    out = [OpportunityDiff(oid, row["title"], o[oid]["status"] if oid in o else None,
                           row["status"])
           for oid, row in n.items() if oid not in o or o[oid]["status"] != row["status"]]
    out += [OpportunityDiff(oid, row["title"], row["status"], None)
            for oid, row in o.items() if oid not in n]
    return out


def diff_journeys(old: dict[str, Any], new: dict[str, Any]) -> JourneyDiff:
    """Everything that differs from ``old`` to ``new`` (two journey_snapshot dicts)."""
    cards = _cards(old, new)
    # Metrics are compared on the cards and stages both sides have.
    same_cards = set(_by_id(old["cards"])) & set(_by_id(new["cards"]))
    same_stages = set(_by_id(old["stages"])) & set(_by_id(new["stages"]))
    return JourneyDiff(
        cards=cards,
        stages=_stages(old, new),
        lanes=_lanes(old, new),
        emotions=_emotions(old, new),
        opportunities=_opportunities(old, new),
        metrics=metric_deltas(old, new, same_cards, same_stages),
    )


class LineKind(StrEnum):
    """What a line of the change list is about (its colour on screen and paper)."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"
    STRUCTURE = "structure"
    EMOTION = "emotion"
    METRIC = "metric"
    OPPORTUNITY = "opportunity"


@dataclass(frozen=True)
class ChangeLine:
    """One change said in words; ``card_id`` when it points at a card on the map."""

    text: str
    kind: LineKind
    card_id: int | None = None


FIELD_NAMES = {"kind": "kind", "text": "text", "color": "colour", "notes": "notes",
               "channel": "channel", "department": "department",
               "usage_share": "usage share", "severity": "severity"}


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _card_line(c: CardDiff) -> str:
    where, text = f"{c.stage} / {c.lane}", _short(c.text)
    if c.status is CardStatus.ADDED:
        return f"Added “{text}” in {where}"
    if c.status is CardStatus.REMOVED:
        return f"Removed “{text}” from {where}"
    moved = f"moved from {c.old_stage} / {c.old_lane} to {where}" if c.moved else ""
    if not c.fields:
        return f"“{text}” {moved}"
    changed = f"Changed {', '.join(FIELD_NAMES.get(f, f) for f in c.fields)} of “{text}”"
    return f"{changed}; {moved}" if moved else changed


def _stage_line(s: StageDiff) -> str:
    if s.added:
        return f"New stage “{s.name}”"
    if s.removed:
        return f"Stage “{s.name}” removed"
    parts = [f"renamed from “{s.old_name}”"] if s.old_name else []
    if s.moved:
        parts.append(f"moved from place {(s.old_index or 0) + 1} to {(s.new_index or 0) + 1}")
    return f"Stage “{s.name}” {', '.join(parts)}"


def _lane_line(lane: LaneDiff) -> str:
    if lane.added:
        return f"New lane “{lane.name}”"
    if lane.removed:
        return f"Lane “{lane.name}” removed"
    if lane.old_name:
        return f"Lane “{lane.old_name}” renamed to “{lane.name}”"
    return f"Lane “{lane.name}” moved"


def _value(v: int | None) -> str:
    return "no value" if v is None else f"{v:+d}"


def _metric_line(m: MetricDelta) -> str:
    """'NPS +12 → +31 (+19) at “Call centre”' (stage metrics name the stage)."""
    where = f"“{_short(m.where)}”" if m.card_id is not None else f"stage {m.where}"
    return f"{m.text()} at {where}"


def _opportunity_line(o: OpportunityDiff) -> str:
    if o.old_status is None:
        return f"New opportunity “{o.title}” ({o.new_status})"
    if o.new_status is None:
        return f"Opportunity “{o.title}” removed"
    return f"Opportunity “{o.title}”: {o.old_status} → {o.new_status}"


def change_lines(diff: JourneyDiff) -> list[ChangeLine]:
    """The diff in words, cards first (the screen's change list and the review pack)."""
    lines = [ChangeLine(_card_line(c), LineKind(c.status.value),
                        None if c.status is CardStatus.REMOVED else c.card_id)
             for c in diff.cards]
    lines += [ChangeLine(_stage_line(s), LineKind.STRUCTURE) for s in diff.stages]
    lines += [ChangeLine(_lane_line(x), LineKind.STRUCTURE) for x in diff.lanes]
    lines += [ChangeLine(f"Emotion at {e.stage} ({e.curve}): {_value(e.old)} → {_value(e.new)}",
                         LineKind.EMOTION) for e in diff.emotions]
    lines += [ChangeLine(_metric_line(m), LineKind.METRIC, m.card_id) for m in diff.metrics]
    lines += [ChangeLine(_opportunity_line(o), LineKind.OPPORTUNITY)
              for o in diff.opportunities]
    return lines


def summary(diff: JourneyDiff) -> str:
    """ "1 added, 2 changed" (the card counts), or "no card changes"."""
    counts = [f"{diff.count(s)} {s.value}" for s in CardStatus if diff.count(s)]
    return ", ".join(counts) or "no card changes"


def _match(old_rows: list[dict[str, Any]], new_rows: list[dict[str, Any]],
           keys: list[Callable[[dict[str, Any]], Any]]) -> dict[int, int]:
    """Old id -> new id: rows whose keys agree pair up in order, each row at most once."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for key in keys:
        free: dict[Any, list[int]] = {}
        for r in new_rows:
            if r["id"] not in taken:
                free.setdefault(key(r), []).append(r["id"])
        for r in old_rows:
            candidates = free.get(key(r)) if r["id"] not in pairs else None
            if candidates:
                pairs[r["id"]] = candidates.pop(0)
                taken.add(pairs[r["id"]])
    return pairs


def align(other: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """``other`` (another journey, e.g. the to-be map) renumbered with ``current``'s ids.

    Then ``diff_journeys(align(other, current), current)`` compares two journeys. Stages,
    lanes and curves pair by name, cards by stage, lane and text (then by text alone: the
    same card in another cell is a moved one), opportunities by title. What has no
    partner gets a negative id no row of ``current`` has, so it shows as removed.
    """
    stage_ids = _match(other["stages"], current["stages"], [lambda r: r["name"]])
    lane_ids = _match(other["lanes"], current["lanes"], [lambda r: r["name"]])
    curve_ids = _match(other["curves"], current["curves"], [lambda r: r["name"]])
    card_ids = _match_cards(other, current)
    opp_ids = _match(other["opportunities"], current["opportunities"], [lambda r: r["title"]])
    fresh = [0]

    def mapped(pairs: dict[int, int], old_id: int) -> int:
        if old_id not in pairs:
            fresh[0] -= 1
            pairs[old_id] = fresh[0]
        return pairs[old_id]

    def rows(part: str, pairs: dict[int, int], **refs: dict[int, int]) -> list[dict[str, Any]]:
        out = []
        for r in other[part]:
            row = dict(r, id=mapped(pairs, r["id"]))
            for column, ref in refs.items():
                row[column] = mapped(ref, r[column])
            out.append(row)
        return out

    point_ids: dict[int, int] = {}
    return {
        "journey": dict(other["journey"], id=current["journey"]["id"]),
        "stages": rows("stages", stage_ids),
        "lanes": rows("lanes", lane_ids),
        "cards": rows("cards", card_ids, stage_id=stage_ids, lane_id=lane_ids),
        "curves": rows("curves", curve_ids),
        "points": rows("points", point_ids, curve_id=curve_ids, stage_id=stage_ids),
        "opportunities": rows("opportunities", opp_ids),
        "links": [[mapped(opp_ids, o), mapped(card_ids, c)] for o, c in other["links"]],
        "metrics": [dict(m, card_id=None if m["card_id"] is None
                         else mapped(card_ids, m["card_id"]),
                         stage_id=None if m["stage_id"] is None
                         else mapped(stage_ids, m["stage_id"]))
                    for m in other.get("metrics", [])],
    }


def _match_cards(other: dict[str, Any], current: dict[str, Any]) -> dict[int, int]:
    """Cards pair by (stage name, lane name, text), then by text alone."""
    def keyed(snap: dict[str, Any]) -> list[tuple[int, tuple[str, str, str], str]]:
        stages = {s["id"]: s["name"] for s in snap["stages"]}
        lanes = {x["id"]: x["name"] for x in snap["lanes"]}
        return [(c["id"], (stages.get(c["stage_id"], ""), lanes.get(c["lane_id"], ""),
                           c["text"]), c["text"]) for c in snap["cards"]]

    old, new = keyed(other), keyed(current)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for which in (1, 2):
        free: dict[Any, list[int]] = {}
        for entry in new:
            if entry[0] not in taken:
                free.setdefault(entry[which], []).append(entry[0])
        for entry in old:
            candidates = free.get(entry[which]) if entry[0] not in pairs else None
            if candidates:
                pairs[entry[0]] = candidates.pop(0)
                taken.add(pairs[entry[0]])
    return pairs
