"""Review cadence and stored snapshots of a journey: dates, and the compact snapshot format.

A snapshot is ``model.snapshot.journey_snapshot`` stored column-wise as JSON and
compressed with zlib: a 500-card journey packs into a few kilobytes, so twenty of them
add less to a file than the journey itself. The bytes come from a file and are
untrusted: ``decode_snapshot`` bounds the unpacked size and checks every table, column
and value type before anything is built from it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, DateTime
from sqlalchemy import inspect as sa_inspect

from model.edit_error import EditError
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
)

DEFAULT_INTERVAL_MONTHS = 3
MIN_INTERVAL_MONTHS = 1
MAX_INTERVAL_MONTHS = 24
SNOOZE_DAYS = 7

SNAPSHOT_FORMAT = 1
# A snapshot unpacks to at most this many bytes: a hostile file cannot make a zip bomb.
MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024

# The parts of a journey_snapshot and the class whose columns each part's rows hold.
SNAPSHOT_TABLES: dict[str, type[Base]] = {
    "stages": Stage,
    "lanes": Lane,
    "cards": Card,
    "curves": EmotionCurve,
    "points": EmotionPoint,
    "opportunities": Opportunity,
    "metrics": Metric,
}


class SnapshotError(EditError):
    """A stored snapshot that cannot be read (damaged, foreign or too large)."""


# -- review dates ------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def clamp_interval(months: int) -> int:
    return max(MIN_INTERVAL_MONTHS, min(MAX_INTERVAL_MONTHS, int(months)))


@dataclass(frozen=True)
class ReviewDue:
    """A journey whose next review date has passed."""

    journey_id: int
    name: str
    due: dt.date


def overdue_reviews(journeys: Iterable[Journey], today: dt.date) -> list[ReviewDue]:
    """Journeys whose review date is before ``today``, the longest overdue first."""
    due = [
        ReviewDue(j.id, j.name, j.next_review)
        for j in journeys
        if j.next_review is not None and j.next_review < today
    ]
    return sorted(due, key=lambda d: (d.due, d.journey_id))


# -- the snapshot format ---------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        raise SnapshotError("A journey snapshot holds no binary data")
    return value


def _columns(rows: list[dict[str, Any]]) -> dict[str, Any]:
    names = list(rows[0]) if rows else []
    return {"columns": names, "rows": [[_plain(r[n]) for n in names] for r in rows]}


def encode_snapshot(snap: dict[str, Any]) -> bytes:
    """A journey_snapshot as compressed, column-wise JSON."""
    doc = {
        "format": SNAPSHOT_FORMAT,
        "journey": {k: _plain(v) for k, v in snap["journey"].items()},
        **{part: _columns(snap[part]) for part in SNAPSHOT_TABLES},
        "links": [[int(a), int(b)] for a, b in snap["links"]],
    }
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return zlib.compress(text.encode("utf-8"), 9)


def _column_types(cls: type[Base]) -> dict[str, type]:
    out: dict[str, type] = {}
    for attr in sa_inspect(cls).column_attrs:
        sql_type = attr.columns[0].type
        out[attr.key] = (
            dt.datetime if isinstance(sql_type, DateTime)
            else dt.date if isinstance(sql_type, Date) else object
        )
    return out


def _value(cls: type[Base], key: str, value: Any, kind: type) -> Any:
    if value is None or kind is object:
        if isinstance(value, dict | list):
            raise SnapshotError(f"{cls.__tablename__}.{key} holds a nested value")
        return value
    if not isinstance(value, str):
        raise SnapshotError(f"{cls.__tablename__}.{key} is not a date")
    try:
        return dt.datetime.fromisoformat(value) if kind is dt.datetime else (
            dt.date.fromisoformat(value))
    except ValueError as exc:
        raise SnapshotError(f"{cls.__tablename__}.{key} is not a date") from exc


def _row(cls: type[Base], names: list[Any], values: Any) -> dict[str, Any]:
    types = _column_types(cls)
    if not isinstance(values, list) or len(values) != len(names):
        raise SnapshotError(f"A {cls.__tablename__} row has the wrong number of values")
    row = {}
    for key, value in zip(names, values, strict=True):
        if key not in types:
            raise SnapshotError(f"Unknown column {cls.__tablename__}.{key}")
        row[key] = _value(cls, key, value, types[key])
    if not isinstance(row.get("id"), int) or isinstance(row["id"], bool):
        raise SnapshotError(f"A {cls.__tablename__} row has no id")
    return row


def decode_snapshot(data: bytes) -> dict[str, Any]:
    """A journey_snapshot back from ``encode_snapshot`` bytes; SnapshotError if damaged."""
    try:
        unpacker = zlib.decompressobj()
        text = unpacker.decompress(data, MAX_SNAPSHOT_BYTES)
        if unpacker.unconsumed_tail:
            raise SnapshotError("The snapshot is too large to open")
        doc = json.loads(text.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise SnapshotError(f"The snapshot is damaged ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != SNAPSHOT_FORMAT:
        raise SnapshotError("The snapshot was written in an unknown format")
    journey = doc.get("journey")
    if not isinstance(journey, dict):
        raise SnapshotError("The snapshot has no journey")
    snap: dict[str, Any] = {"journey": _row(Journey, list(journey), list(journey.values()))}
    for part, cls in SNAPSHOT_TABLES.items():
        table = doc.get(part)
        if not isinstance(table, dict) or not isinstance(table.get("columns"), list) or (
            not isinstance(table.get("rows"), list)
        ):
            raise SnapshotError(f"The snapshot's {part} are missing")
        snap[part] = [_row(cls, table["columns"], values) for values in table["rows"]]
    links = doc.get("links")
    if not isinstance(links, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(type(x) is int for x in pair)
        for pair in links
    ):
        raise SnapshotError("The snapshot's opportunity links are damaged")
    snap["links"] = [list(pair) for pair in links]
    _check_references(snap)
    return snap


def _check_references(snap: dict[str, Any]) -> None:
    """Every card, point and link refers to a stage, lane, curve or card of the snapshot."""
    stages = {s["id"] for s in snap["stages"]}
    lanes = {x["id"] for x in snap["lanes"]}
    curves = {c["id"] for c in snap["curves"]}
    cards = {c["id"] for c in snap["cards"]}
    opps = {o["id"] for o in snap["opportunities"]}
    for card in snap["cards"]:
        if card.get("stage_id") not in stages or card.get("lane_id") not in lanes:
            raise SnapshotError("A card of the snapshot is outside its stages and lanes")
    for point in snap["points"]:
        if point.get("curve_id") not in curves or point.get("stage_id") not in stages:
            raise SnapshotError("An emotion point of the snapshot has no curve or stage")
    for opp_id, card_id in snap["links"]:
        if opp_id not in opps or card_id not in cards:
            raise SnapshotError("An opportunity link of the snapshot has no card")
    for metric in snap["metrics"]:
        if (metric.get("card_id") is not None and metric["card_id"] not in cards) or (
                metric.get("stage_id") is not None and metric["stage_id"] not in stages):
            raise SnapshotError("A metric of the snapshot is on a card or stage it lacks")
