"""CSV and JSON of a whole project, written atomically."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import object_session

from app.export.atomic import ExportError, atomic_path
from app.export.verify import same_bytes
from model.csv_io import CsvExportError, export_csv_bytes
from model.entities import Journey, Persona, SavedView, Vote, VoteRound
from model.snapshot import row, session_metrics
from model.workshop_edits import hidden_lanes_of

JSON_FORMAT = "journeyboard-export"
JSON_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _clean(data: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: _plain(v) for k, v in data.items() if k not in drop}


def journey_json(journey: Journey) -> dict[str, Any]:
    """One journey with everything it holds, ordered as on the map."""
    stages = sorted(journey.stages, key=lambda s: s.position)
    lanes = sorted(journey.lanes, key=lambda x: x.position)
    stage_pos = {s.id: i for i, s in enumerate(stages)}
    lane_pos = {lane.id: i for i, lane in enumerate(lanes)}
    cards = sorted(
        journey.cards,
        key=lambda c: (stage_pos.get(c.stage_id, 0), lane_pos.get(c.lane_id, 0), c.position),
    )
    return {
        **_clean(row(journey)),
        "persona": journey.persona.name if journey.persona is not None else None,
        "stages": [_clean(row(s), ("journey_id",)) for s in stages],
        "lanes": [_clean(row(x), ("journey_id",)) for x in lanes],
        "cards": [_clean(row(c), ("journey_id",)) for c in cards],
        "emotion_curves": [
            {
                **_clean(row(curve), ("journey_id",)),
                "points": [
                    _clean(row(p), ("curve_id",))
                    for p in sorted(curve.points, key=lambda p: stage_pos.get(p.stage_id, 0))
                ],
            }
            for curve in sorted(journey.curves, key=lambda c: c.position)
        ],
        "opportunities": [
            {**_clean(row(o), ("journey_id",)), "card_ids": [c.id for c in o.cards]}
            for o in journey.opportunities
        ],
        "metrics": [_clean(row(m), ("journey_id",)) for m in session_metrics(journey)],
        **workshop_json(journey),
    }


def workshop_json(journey: Journey) -> dict[str, Any]:
    """The journey's saved views (with their hidden lanes) and dot-voting rounds."""
    session = object_session(journey)
    if session is None:
        return {"saved_views": [], "vote_rounds": []}
    views = session.scalars(select(SavedView).where(SavedView.journey_id == journey.id)
                            .order_by(SavedView.position, SavedView.id))
    rounds = session.scalars(select(VoteRound).where(VoteRound.journey_id == journey.id)
                             .order_by(VoteRound.id))
    return {
        "saved_views": [{**_clean(row(v), ("journey_id",)),
                         "hidden_lanes": hidden_lanes_of(session, v.id)} for v in views],
        "vote_rounds": [
            {**_clean(row(r), ("journey_id",)),
             "votes": [_clean(row(v), ("round_id",)) for v in session.scalars(
                 select(Vote).where(Vote.round_id == r.id)
                 .order_by(Vote.card_id, Vote.participant))]}
            for r in rounds
        ],
    }


def project_json(journeys: list[Journey], personas: list[Persona]) -> dict[str, Any]:
    """The whole project as plain JSON data (photos base64-encoded)."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "personas": [_clean(row(p)) for p in personas],
        "journeys": [journey_json(j) for j in journeys],
    }


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write ``data`` atomically and check that the disk holds exactly that."""
    target = Path(path)
    with atomic_path(target, verify=same_bytes(data)) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
    return target


def write_json(path: Path | str, journeys: list[Journey], personas: list[Persona]) -> Path:
    text = json.dumps(project_json(journeys, personas), ensure_ascii=False, indent=2)
    return write_bytes(path, (text + "\n").encode("utf-8"))


def write_csv(path: Path | str, journeys: list[Journey], bom: bool = True) -> Path:
    """All cards as CSV; with ``bom`` spreadsheets open it as UTF-8."""
    try:
        data = export_csv_bytes(journeys, bom=bom)
    except CsvExportError as exc:
        raise ExportError(f"{path}: {exc.message}") from None
    return write_bytes(path, data)
